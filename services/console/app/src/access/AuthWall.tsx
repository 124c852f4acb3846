import { Alert, EmptyState, EmptyStateBody, PageSection } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { useWhoami } from './useWhoami.ts';

/** Renders the page only for callers whose permissions include the route's (else Forbidden). */
export function AuthWall(props: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const whoami = useWhoami();
  if (whoami.isPending) return <PageLoading />;
  // A refetch that failed (an expired session) keeps the page: only a first failure replaces it.
  if (whoami.isError && !whoami.data) {
    return (
      <PageSection>
        <Alert variant="danger" title={t('whoamiFailed')}>
          {errorMessage(whoami.error)}
        </Alert>
      </PageSection>
    );
  }
  if (!whoami.data?.permissions.includes(props.permission)) {
    return (
      <PageSection>
        <EmptyState titleText={t('forbidden.title')} headingLevel="h1" status="warning">
          <EmptyStateBody>{t('forbidden.body', { permission: props.permission })}</EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  return props.children;
}
