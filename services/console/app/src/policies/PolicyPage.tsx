import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Content,
  Flex,
  FlexItem,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../access/useWhoami.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { DeletePolicy } from './DeletePolicy.tsx';
import { toFormValues, toPolicyInput } from './formModel.ts';
import { LinkKeys } from './LinkKeys.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { POLICIES_WRITE_PERMISSION, toPolicies } from './routes.ts';
import { policyKeys, usePolicy, useUpdatePolicy } from './usePolicies.ts';

/** One policy: its form (editable with policy:write, read-only otherwise), linked keys, delete. */
export function PolicyPage() {
  const { t } = useTranslation('policies');
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const canWrite = useHasPermission(POLICIES_WRITE_PERMISSION) === true;
  const policy = usePolicy(id);
  const update = useUpdatePolicy(id);
  const [saved, setSaved] = useState<number | undefined>(
    (location.state as { savedVersion?: number } | null)?.savedVersion,
  );
  // A new key remounts the form with the version loaded (after a save or a reload).
  const [formKey, setFormKey] = useState(0);

  const breadcrumb = (
    <Breadcrumb>
      <BreadcrumbItem render={() => <Link to={toPolicies()}>{t('title')}</Link>} />
      {policy.data && <BreadcrumbItem isActive>{policy.data.name}</BreadcrumbItem>}
    </Breadcrumb>
  );
  if (policy.isPending) return <PageLoading />;
  if (policy.isError) {
    const missing = policy.error instanceof ApiError && policy.error.status === 404;
    return (
      <PageSection>
        {breadcrumb}
        <Alert variant="danger" isInline title={missing ? t('notFound', { id }) : t('loadFailed')}>
          {missing ? <Link to={toPolicies()}>{t('back')}</Link> : errorMessage(policy.error)}
        </Alert>
      </PageSection>
    );
  }
  const current = policy.data;
  const reload = async () => {
    await client.invalidateQueries({ queryKey: policyKeys.one(id) });
    setSaved(undefined);
    setFormKey((k) => k + 1);
  };

  return (
    <PageSection>
      <Stack hasGutter>
        <StackItem>{breadcrumb}</StackItem>
        <StackItem>
          <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
            <FlexItem>
              <Title headingLevel="h1">{t('editTitle', { name: current.name })}</Title>
              <Content component="p">
                {t('versionN', { version: String(current.version) })} ·{' '}
                {t('updatedBy', {
                  when: new Date(current.updatedAt).toLocaleString(),
                  who: current.updatedBy,
                })}
              </Content>
            </FlexItem>
            {canWrite && (
              <FlexItem>
                <DeletePolicy policy={current} onDeleted={() => navigate(toPolicies())} />
              </FlexItem>
            )}
          </Flex>
        </StackItem>
        {!canWrite && (
          <StackItem>
            <Alert
              variant="info"
              isInline
              isPlain
              title={t('readOnly', { permission: POLICIES_WRITE_PERMISSION })}
            />
          </StackItem>
        )}
        {saved !== undefined && (
          <StackItem>
            <Alert variant="success" isInline title={t('saved', { version: String(saved) })} />
          </StackItem>
        )}
        <StackItem>
          <PolicyForm
            key={`${current.id}-${formKey}`}
            initial={toFormValues(current)}
            version={current.version}
            readOnly={!canWrite}
            submitLabel={t('save')}
            onCancel={() => navigate(toPolicies())}
            onReload={() => void reload()}
            onSubmit={async (values) => {
              setSaved(undefined);
              const next = await update.mutateAsync({
                ...toPolicyInput(values),
                expectedVersion: current.version,
              });
              setSaved(next.version);
              setFormKey((k) => k + 1);
            }}
          />
        </StackItem>
        <StackItem>
          <LinkKeys policyId={current.id} canWrite={canWrite} />
        </StackItem>
      </Stack>
    </PageSection>
  );
}
