import {
  Alert,
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  EmptyStateFooter,
  Flex,
  FlexItem,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { ChainVerification } from './ChainVerification.tsx';
import { AUDIT_READ, type AuditFilters, auditLocation, toAudit } from './routes.ts';
import { useAuditPage } from './useAudit.ts';

function Forbidden(props: { permission: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState titleText={t('forbidden.title')} headingLevel="h2" status="warning">
      <EmptyStateBody>{t('forbidden.body', { permission: props.permission })}</EmptyStateBody>
    </EmptyState>
  );
}

/** The permission a 403 names (service-kit's FORBIDDEN details), else the one the page needs. */
function missingPermission(error: ApiError): string {
  const named = error.details?.permission;
  return typeof named === 'string' ? named : AUDIT_READ;
}

/**
 * Event log: the audit trail newest first, filtered and paged through the URL (shareable), each
 * record expandable to its full (secret-redacted) JSON, and the hash chain's verification.
 */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { filters, cursor } = auditLocation(params);
  // Cursors of the pages before this one (keyset paging only knows "next").
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const page = useAuditPage(filters, cursor);
  const filtered = Object.keys(filters).length > 0;

  const apply = (next: AuditFilters) => {
    setPrevious([]);
    void navigate(toAudit(next));
  };
  const goNext = (nextCursor: string) => {
    setPrevious([...previous, cursor]);
    void navigate(toAudit(filters, nextCursor));
  };
  const goPrevious = () => {
    setPrevious(previous.slice(0, -1));
    void navigate(toAudit(filters, previous.at(-1)));
  };

  const records = page.data?.items ?? [];
  let body: ReactNode;
  if (page.isPending) body = <PageLoading />;
  else if (page.isError && page.error instanceof ApiError && page.error.status === 403)
    body = <Forbidden permission={missingPermission(page.error)} />;
  else if (page.isError)
    body = (
      <Alert variant="danger" isInline title={t('loadFailed')}>
        {errorMessage(page.error)}
      </Alert>
    );
  else if (records.length === 0 && filtered)
    body = (
      <EmptyState titleText={t('noResults.title')} headingLevel="h2">
        <EmptyStateBody>{t('noResults.body')}</EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="link" onClick={() => apply({})}>
            {t('filter.clear')}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    );
  else if (records.length === 0)
    body = (
      <EmptyState titleText={t('empty.title')} headingLevel="h2">
        <EmptyStateBody>{t('empty.body')}</EmptyStateBody>
      </EmptyState>
    );
  else body = <AuditTable records={records} />;

  return (
    <>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Title headingLevel="h1">{t('title')}</Title>
            <Content component="p">{t('intro')}</Content>
          </StackItem>
          <StackItem>
            <ChainVerification />
          </StackItem>
        </Stack>
      </PageSection>
      <PageSection aria-label={t('listLabel')}>
        <Stack hasGutter>
          <StackItem>
            {/* Re-mounted when the URL's filters change (back/forward, a shared link). */}
            <AuditFilterForm key={toAudit(filters)} filters={filters} onApply={apply} />
          </StackItem>
          <StackItem>{body}</StackItem>
          <StackItem>
            <nav aria-label={t('page.label')}>
              <Flex>
                <FlexItem>
                  <Button variant="secondary" isDisabled={!cursor} onClick={goPrevious}>
                    {t('page.previous')}
                  </Button>
                </FlexItem>
                <FlexItem>
                  <Button
                    variant="secondary"
                    isDisabled={!page.data?.nextCursor || page.isPlaceholderData}
                    onClick={() => page.data?.nextCursor && goNext(page.data.nextCursor)}
                  >
                    {t('page.next')}
                  </Button>
                </FlexItem>
              </Flex>
            </nav>
          </StackItem>
        </Stack>
      </PageSection>
    </>
  );
}
