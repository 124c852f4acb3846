import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  Title,
} from '@patternfly/react-core';
import PlusIcon from '@patternfly/react-icons/dist/esm/icons/plus-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { InventoryStatusLabel } from '../inventory/InventoryStatusLabel.tsx';
import { toInventoryKey } from '../inventory/routes.ts';
import { useInventoryNames } from '../inventory/useNames.ts';
import { toAssignUser } from './routes.ts';
import { useUserKeys } from './useUsers.ts';

/**
 * One user's keys from the reporting inventory, each linking to its key page, and "Add device"
 * (the assign flow, user preselected) only when the caller may enrol (`canEnroll` true).
 */
export function UserKeys(props: {
  userId: string;
  /** The user's name from the directory, when it was searched. */
  name: string | undefined;
  username: string | undefined;
  canEnroll: boolean | undefined;
}) {
  const { t } = useTranslation('users');
  const keys = useUserKeys(props.userId);
  const names = useInventoryNames();
  const items = keys.data?.items ?? [];
  // Without the directory (an auditor's link) the inventory's copy of the user names them.
  const held = items[0]?.user;
  const name = props.name ?? (held ? (held.displayName ?? held.email ?? held.name) : undefined);
  return (
    <Flex direction={{ default: 'column' }}>
      <Flex>
        <FlexItem grow={{ default: 'grow' }}>
          <Title headingLevel="h2">{t('keysTitle', { name: name ?? props.userId })}</Title>
        </FlexItem>
        {props.canEnroll === true && props.username && (
          <FlexItem>
            <Button
              component={(p) => <Link {...p} to={toAssignUser(props.username ?? '')} />}
              icon={<PlusIcon />}
            >
              {t('addDevice')}
            </Button>
          </FlexItem>
        )}
      </Flex>
      {keys.isPending && <PageLoading />}
      {keys.isError && (
        <Alert variant="danger" isInline title={t('keysFailed')}>
          {errorMessage(keys.error)}
        </Alert>
      )}
      {keys.isSuccess && items.length === 0 && (
        <EmptyState titleText={t('noKeys.title')} headingLevel="h3">
          <EmptyStateBody>{t('noKeys.body')}</EmptyStateBody>
        </EmptyState>
      )}
      {items.length > 0 && (
        <Table aria-label={t('keysLabel')} variant="compact" role="table">
          <Thead>
            <Tr>
              <Th>{t('column.serial')}</Th>
              <Th>{t('column.status')}</Th>
              <Th>{t('column.policy')}</Th>
              <Th>{t('column.lastSeen')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {items.map((key) => (
              <Tr key={key.serial}>
                <Td dataLabel={t('column.serial')}>
                  <Link to={toInventoryKey(key.serial)}>{key.serial}</Link>
                </Td>
                <Td dataLabel={t('column.status')}>
                  <InventoryStatusLabel status={key.status} locked={key.locked} />
                </Td>
                <Td dataLabel={t('column.policy')}>
                  {key.policyId ? names.policyName(key.policyId) : '—'}
                </Td>
                <Td dataLabel={t('column.lastSeen')}>
                  {key.lastSeen ? new Date(key.lastSeen.at).toLocaleString() : '—'}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
}
