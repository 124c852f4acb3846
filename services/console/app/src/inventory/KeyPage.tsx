import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHasPermission } from '../access/useWhoami.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import type { InventoryRecord } from '../api/types.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { userLabel } from './InventoryPage.tsx';
import { InventoryStatusLabel } from './InventoryStatusLabel.tsx';
import { KeyActions } from './KeyActions.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';
import { toInventory } from './routes.ts';
import { HISTORY_LIMIT, inventoryKeys, useInventoryKey, useKeyHistory } from './useInventory.ts';
import { useInventoryNames } from './useNames.ts';

function Detail(props: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{props.term}</DescriptionListTerm>
      <DescriptionListDescription>{props.children ?? '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** The audit records about the key, newest first (reporting GET /audit?serial=…). */
function KeyHistory(props: { serial: string }) {
  const { t } = useTranslation('inventory');
  const history = useKeyHistory(props.serial);
  if (history.isPending) return <PageLoading />;
  if (history.isError) {
    const forbidden = history.error instanceof ApiError && history.error.status === 403;
    return (
      <Alert
        variant={forbidden ? 'warning' : 'danger'}
        isInline
        title={forbidden ? t('history.forbidden') : t('history.failed')}
      >
        {errorMessage(history.error)}
      </Alert>
    );
  }
  const items = history.data.items;
  if (items.length === 0) {
    return (
      <EmptyState titleText={t('history.empty')} headingLevel="h3">
        <EmptyStateBody>{t('history.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  }
  return (
    <>
      <Table
        aria-label={t('history.label', { serial: props.serial })}
        variant="compact"
        role="table"
      >
        <Thead>
          <Tr>
            <Th>{t('history.time')}</Th>
            <Th>{t('history.event')}</Th>
            <Th>{t('history.actor')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {items.map((r) => (
            <Tr key={r.eventId}>
              <Td dataLabel={t('history.time')}>{new Date(r.time).toLocaleString()}</Td>
              <Td dataLabel={t('history.event')}>{r.type}</Td>
              <Td dataLabel={t('history.actor')}>{r.actor}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {history.data.nextCursor && <p>{t('history.more', { count: HISTORY_LIMIT })}</p>}
    </>
  );
}

function KeyDetails(props: { record: InventoryRecord }) {
  const { t } = useTranslation('inventory');
  const { record } = props;
  const names = useInventoryNames();
  return (
    <DescriptionList isCompact isHorizontal columnModifier={{ default: '2Col' }}>
      <Detail term={t('column.status')}>
        <InventoryStatusLabel status={record.status} locked={record.locked} />
      </Detail>
      <Detail term={t('column.user')}>{userLabel(record.user)}</Detail>
      <Detail term={t('field.idp')}>{record.idpId ? names.idpName(record.idpId) : null}</Detail>
      <Detail term={t('column.policy')}>
        {record.policyId
          ? t('policyVersion', {
              id: names.policyName(record.policyId),
              version: String(record.policyVersion ?? '?'),
            })
          : null}
      </Detail>
      <Detail term={t('field.aaguid')}>{record.aaguid}</Detail>
      <Detail term={t('column.lastSeen')}>
        {record.lastSeen
          ? t('lastSeenAt', {
              at: new Date(record.lastSeen.at).toLocaleString(),
              gatewayId: record.lastSeen.gatewayId,
            })
          : null}
      </Detail>
    </DescriptionList>
  );
}

/** One key of the inventory: its record, its history, and Revoke for those allowed to. */
export function KeyPage() {
  const { t } = useTranslation('inventory');
  const serial = useParams().serial ?? '';
  const queryClient = useQueryClient();
  const key = useInventoryKey(serial);
  const canRevoke = useHasPermission('device:revoke');
  const [revoking, setRevoking] = useState(false);
  const record = key.data;
  // Revocable while the key has a user whose passkey is not already revoked.
  const revocable = record?.user && record.status !== 'REVOKED';

  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to={toInventory()}>{t('title')}</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{serial}</BreadcrumbItem>
        </Breadcrumb>
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <FlexItem>
            <Title headingLevel="h1">{t('keyTitle', { serial })}</Title>
          </FlexItem>
          <FlexItem>
            <KeyActions serial={serial} />
          </FlexItem>
          {canRevoke && revocable && (
            <FlexItem>
              <Button variant="danger" onClick={() => setRevoking(true)}>
                {t('revoke.action')}
              </Button>
            </FlexItem>
          )}
        </Flex>
      </PageSection>
      <PageSection>
        {key.isPending && <PageLoading />}
        {key.isError && (
          <Alert variant="danger" isInline title={t('keyFailed', { serial })}>
            {errorMessage(key.error)}
          </Alert>
        )}
        {record && <KeyDetails record={record} />}
      </PageSection>
      {record && (
        <PageSection aria-labelledby="key-history-title">
          <Title headingLevel="h2" id="key-history-title">
            {t('history.title')}
          </Title>
          <KeyHistory serial={serial} />
        </PageSection>
      )}
      {revoking && record && (
        <RevokeDialog
          serial={serial}
          user={userLabel(record.user)}
          onClose={() => setRevoking(false)}
          onRevoked={(reply) => {
            setRevoking(false);
            // Identity deleted the passkeys: the key is REVOKED. The inventory (reporting) turns it
            // REVOKED when it consumes credential.revoked; its refetch follows.
            if (reply.revoked.length > 0) {
              queryClient.setQueryData<InventoryRecord>(inventoryKeys.key(serial), (old) =>
                old ? { ...old, status: 'REVOKED' } : old,
              );
            }
            void queryClient.invalidateQueries({ queryKey: inventoryKeys.history(serial) });
            void queryClient.invalidateQueries({ queryKey: ['inventory', 'page'] });
          }}
        />
      )}
    </>
  );
}
