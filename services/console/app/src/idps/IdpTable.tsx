import { Button, Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import type { IdpView } from './useIdps.ts';

export interface IdpRowActions {
  edit(idp: IdpView): void;
  test(idp: IdpView): void;
  makeDefault(idp: IdpView): void;
  remove(idp: IdpView): void;
}

/** The connections, one row each, with their actions (every one needs idp:write, as the page). */
export function IdpTable(props: { idps: IdpView[]; actions: IdpRowActions; testing?: string }) {
  const { t } = useTranslation('idps');
  const { actions } = props;
  return (
    <Table aria-label={t('listLabel')} variant="compact" role="table">
      <Thead>
        <Tr>
          <Th>{t('col.name')}</Th>
          <Th>{t('col.type')}</Th>
          <Th>{t('col.default')}</Th>
          <Th>{t('col.version')}</Th>
          <Th screenReaderText={t('col.actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {props.idps.map((idp) => (
          <Tr key={idp.id}>
            <Td dataLabel={t('col.name')}>{idp.name}</Td>
            <Td dataLabel={t('col.type')}>{t(`type.${idp.type}`)}</Td>
            <Td dataLabel={t('col.default')}>
              {idp.isDefault && <Label color="blue">{t('isDefault')}</Label>}
            </Td>
            <Td dataLabel={t('col.version')}>{idp.version}</Td>
            <Td isActionCell>
              <div>
                <Button variant="secondary" onClick={() => actions.edit(idp)}>
                  {t('edit')}
                </Button>{' '}
                <Button
                  variant="secondary"
                  isLoading={props.testing === idp.id}
                  onClick={() => actions.test(idp)}
                >
                  {t('test')}
                </Button>{' '}
                {!idp.isDefault && (
                  <>
                    <Button variant="secondary" onClick={() => actions.makeDefault(idp)}>
                      {t('makeDefault')}
                    </Button>{' '}
                  </>
                )}
                <Button variant="secondary" isDanger onClick={() => actions.remove(idp)}>
                  {t('remove')}
                </Button>
              </div>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
