import { Breadcrumb, BreadcrumbItem, PageSection, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NEW_POLICY, toPolicyInput } from './formModel.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { toPolicies, toPolicy } from './routes.ts';
import { useCreatePolicy } from './usePolicies.ts';

/** Create a policy (version 1); on success the page of the new policy opens. */
export function NewPolicyPage() {
  const { t } = useTranslation('policies');
  const navigate = useNavigate();
  const create = useCreatePolicy();
  return (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem render={() => <Link to={toPolicies()}>{t('title')}</Link>} />
        <BreadcrumbItem isActive>{t('newTitle')}</BreadcrumbItem>
      </Breadcrumb>
      <Title headingLevel="h1">{t('newTitle')}</Title>
      <PolicyForm
        initial={NEW_POLICY}
        readOnly={false}
        submitLabel={t('saveNew')}
        onCancel={() => navigate(toPolicies())}
        onSubmit={async (values) => {
          const policy = await create.mutateAsync(toPolicyInput(values));
          navigate(toPolicy(policy.id), { state: { savedVersion: policy.version } });
        }}
      />
    </PageSection>
  );
}
