import {
  Alert,
  Button,
  Content,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useHasPermission } from '../access/useWhoami.ts';
import { errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import type { Policy } from './formModel.ts';
import { POLICIES_WRITE_PERMISSION, toNewPolicy, toPolicy } from './routes.ts';
import { usePolicyList, usePolicyUsage } from './usePolicies.ts';

const USAGE_PERMISSION = 'report:read';

function PolicyTable(props: {
  policies: Policy[];
  usage: Map<string | null, { count: number; users: number }> | undefined;
  canWrite: boolean;
}) {
  const { t } = useTranslation('policies');
  const dash = '—';
  return (
    <Table aria-label={t('listLabel')} variant="compact" role="table">
      <Thead>
        <Tr>
          <Th>{t('column.name')}</Th>
          <Th>{t('column.version')}</Th>
          <Th>{t('column.keys')}</Th>
          <Th>{t('column.users')}</Th>
          <Th>{t('column.updated')}</Th>
          <Th screenReaderText={t('column.actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {props.policies.map((p) => {
          const usage = props.usage?.get(p.id);
          return (
            <Tr key={p.id}>
              <Td dataLabel={t('column.name')}>
                <Link to={toPolicy(p.id)}>{p.name}</Link>
              </Td>
              <Td dataLabel={t('column.version')}>
                {t('versionN', { version: String(p.version) })}
              </Td>
              <Td dataLabel={t('column.keys')}>{props.usage ? String(usage?.count ?? 0) : dash}</Td>
              <Td dataLabel={t('column.users')}>
                {props.usage ? String(usage?.users ?? 0) : dash}
              </Td>
              <Td dataLabel={t('column.updated')}>
                {t('updatedBy', {
                  when: new Date(p.updatedAt).toLocaleString(),
                  who: p.updatedBy,
                })}
              </Td>
              <Td dataLabel={t('column.actions')} isActionCell>
                <Link
                  to={toPolicy(p.id)}
                  aria-label={`${props.canWrite ? t('edit') : t('view')} ${p.name}`}
                >
                  {props.canWrite ? t('edit') : t('view')}
                </Link>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

/** Policies: every policy with how many keys and users it has; Create for policy:write. */
export function PoliciesPage() {
  const { t } = useTranslation('policies');
  const navigate = useNavigate();
  const canWrite = useHasPermission(POLICIES_WRITE_PERMISSION);
  const canReadUsage = useHasPermission(USAGE_PERMISSION);
  const list = usePolicyList();
  const usage = usePolicyUsage(canReadUsage === true);
  const create = canWrite === true && (
    <Button variant="primary" onClick={() => navigate(toNewPolicy())}>
      {t('create')}
    </Button>
  );

  let body: React.ReactNode;
  if (list.isPending) body = <PageLoading />;
  else if (list.isError)
    body = (
      <Alert variant="danger" isInline title={t('loadFailed')}>
        {errorMessage(list.error)}
      </Alert>
    );
  else if (list.data.length === 0)
    body = (
      <EmptyState titleText={t('empty.title')} headingLevel="h2">
        <EmptyStateBody>{t('empty.body')}</EmptyStateBody>
        {create && (
          <EmptyStateFooter>
            <EmptyStateActions>{create}</EmptyStateActions>
          </EmptyStateFooter>
        )}
      </EmptyState>
    );
  else
    body = (
      <>
        {canReadUsage === false && (
          <Alert
            variant="info"
            isInline
            isPlain
            title={t('usageUnavailable', { permission: USAGE_PERMISSION })}
          />
        )}
        {usage.isError && (
          <Alert variant="warning" isInline isPlain title={errorMessage(usage.error)} />
        )}
        <PolicyTable
          policies={[...list.data].sort((a, b) => a.name.localeCompare(b.name))}
          usage={usage.data}
          canWrite={canWrite === true}
        />
      </>
    );

  return (
    <PageSection>
      <Title headingLevel="h1">{t('title')}</Title>
      <Content component="p">{t('intro')}</Content>
      <Toolbar>
        <ToolbarContent>
          {create && <ToolbarItem>{create}</ToolbarItem>}
          <ToolbarItem>
            <Button
              variant="secondary"
              onClick={() => {
                void list.refetch();
                if (canReadUsage) void usage.refetch();
              }}
            >
              {t('refresh')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {body}
    </PageSection>
  );
}
