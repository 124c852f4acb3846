import {
  Alert,
  Button,
  Content,
  Dropdown,
  DropdownItem,
  DropdownList,
  EmptyState,
  EmptyStateBody,
  MenuToggle,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import { IdpFormDialog } from './IdpFormDialog.tsx';
import { IdpTable } from './IdpTable.tsx';
import { MappingsSection } from './MappingsSection.tsx';
import { TestVerdict } from './TestVerdict.tsx';
import {
  type IdpType,
  type IdpView,
  type TestResult,
  useIdpList,
  useIdpWrites,
} from './useIdps.ts';

const TYPES: IdpType[] = ['entra', 'okta', 'pingone', 'generic'];

function AddMenu(props: { onPick(type: IdpType): void }) {
  const { t } = useTranslation('idps');
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={() => setOpen(false)}
      toggle={(ref) => (
        <MenuToggle ref={ref} variant="primary" onClick={() => setOpen(!open)} isExpanded={open}>
          {t('add')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {TYPES.map((type) => (
          <DropdownItem key={type} onClick={() => props.onPick(type)}>
            {t('addType', { type: t(`type.${type}`) })}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
}

/** `/idps`: the tenant's IdP connections, Test connection, the default, and user mappings. */
export function IdpsPage() {
  const { t } = useTranslation('idps');
  const list = useIdpList();
  const writes = useIdpWrites();
  const [form, setForm] = useState<{ type: IdpType; existing?: IdpView } | undefined>();
  const [removing, setRemoving] = useState<IdpView | undefined>();
  const [verdict, setVerdict] = useState<{ name: string; result: TestResult } | undefined>();
  const [testing, setTesting] = useState<string | undefined>();
  const actionError = writes.makeDefault.error ?? writes.remove.error ?? writes.test.error;

  const test = (idp: IdpView) => {
    setVerdict(undefined);
    setTesting(idp.id);
    writes.test.mutate(idp.id, {
      onSuccess: (result) => setVerdict({ name: idp.name, result }),
      onSettled: () => setTesting(undefined),
    });
  };

  let body: React.ReactNode;
  if (list.isPending) body = <Spinner size="lg" aria-label={t('loading')} />;
  else if (list.isError) {
    body = (
      <Alert variant="danger" title={t('loadFailed')}>
        {errorMessage(list.error)}
      </Alert>
    );
  } else if (list.data.length === 0) {
    body = (
      <EmptyState titleText={t('empty.title')} headingLevel="h2">
        <EmptyStateBody>{t('empty.body')}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    body = (
      <IdpTable
        idps={list.data}
        {...(testing ? { testing } : {})}
        actions={{
          edit: (idp) => setForm({ type: idp.type, existing: idp }),
          test,
          makeDefault: (idp) => writes.makeDefault.mutate(idp.id),
          remove: setRemoving,
        }}
      />
    );
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('title')}</Title>
        <Content component="p">{t('intro')}</Content>
        <AddMenu onPick={(type) => setForm({ type })} />
      </PageSection>
      <PageSection>
        {verdict && <TestVerdict name={verdict.name} result={verdict.result} />}
        {actionError && <Alert isInline variant="danger" title={errorMessage(actionError)} />}
        {body}
      </PageSection>
      {list.data && list.data.length > 0 && (
        <PageSection>
          <MappingsSection idps={list.data} />
        </PageSection>
      )}
      {form && (
        <IdpFormDialog
          type={form.type}
          existing={form.existing}
          onClose={() => setForm(undefined)}
        />
      )}
      {removing && (
        <Modal isOpen onClose={() => setRemoving(undefined)} variant="small" aria-labelledby="rm-t">
          <ModalHeader
            title={t('removeTitle', { name: removing.name })}
            labelId="rm-t"
            titleIconVariant="warning"
          />
          <ModalBody>{t('removeBody')}</ModalBody>
          <ModalFooter>
            <Button
              variant="danger"
              onClick={() =>
                writes.remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })
              }
            >
              {t('remove')}
            </Button>
            <Button variant="link" onClick={() => setRemoving(undefined)}>
              {t('cancel')}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
}
