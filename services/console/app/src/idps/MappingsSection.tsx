import {
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Spinner,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import { type IdpView, useIdpWrites, useUserMappings } from './useIdps.ts';

/** User → IdP mappings: list, add (PUT /user-mappings/{user}) and remove. */
export function MappingsSection(props: { idps: IdpView[] }) {
  const { t } = useTranslation('idps');
  const mappings = useUserMappings();
  const writes = useIdpWrites();
  const [user, setUser] = useState('');
  const [idpId, setIdpId] = useState(props.idps[0]?.id ?? '');
  const nameOf = (id: string) => props.idps.find((i) => i.id === id)?.name ?? id;
  const failure = writes.setMapping.error ?? writes.removeMapping.error;
  return (
    <section aria-labelledby="mappings-title">
      <Title headingLevel="h2" id="mappings-title">
        {t('mappings.title')}
      </Title>
      <Content component="p">{t('mappings.intro')}</Content>
      {mappings.isPending && <Spinner size="md" aria-label={t('loading')} />}
      {mappings.isError && (
        <Alert isInline variant="danger" title={t('loadFailed')}>
          {errorMessage(mappings.error)}
        </Alert>
      )}
      {mappings.data?.length === 0 && <Content component="p">{t('mappings.empty')}</Content>}
      {!!mappings.data?.length && (
        <Table aria-label={t('mappings.listLabel')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('mappings.user')}</Th>
              <Th>{t('mappings.idp')}</Th>
              <Th screenReaderText={t('col.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {mappings.data.map((m) => (
              <Tr key={m.user}>
                <Td dataLabel={t('mappings.user')}>{m.user}</Td>
                <Td dataLabel={t('mappings.idp')}>{nameOf(m.idpId)}</Td>
                <Td isActionCell>
                  <Button
                    variant="secondary"
                    isDanger
                    aria-label={t('mappings.removeFor', { user: m.user })}
                    onClick={() => writes.removeMapping.mutate(m.user)}
                  >
                    {t('remove')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {props.idps.length > 0 && (
        <Form
          isHorizontal
          onSubmit={(e) => {
            e.preventDefault();
            if (!user.trim()) return;
            writes.setMapping.mutate(
              { user: user.trim(), idpId: idpId || (props.idps[0]?.id ?? '') },
              { onSuccess: () => setUser('') },
            );
          }}
        >
          <FormGroup label={t('mappings.user')} fieldId="mapping-user" isRequired>
            <TextInput id="mapping-user" value={user} onChange={(_e, v) => setUser(v)} isRequired />
          </FormGroup>
          <FormGroup label={t('mappings.idp')} fieldId="mapping-idp">
            <FormSelect id="mapping-idp" value={idpId} onChange={(_e, v) => setIdpId(v)}>
              {props.idps.map((i) => (
                <FormSelectOption key={i.id} value={i.id} label={i.name} />
              ))}
            </FormSelect>
          </FormGroup>
          <Button type="submit" variant="secondary" isLoading={writes.setMapping.isPending}>
            {t('mappings.add')}
          </Button>
          {failure && (
            <Alert isInline variant="danger" title={t('mappings.failed')}>
              {errorMessage(failure)}
            </Alert>
          )}
        </Form>
      )}
    </section>
  );
}
