import {
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import AngleDownIcon from '@patternfly/react-icons/dist/esm/icons/angle-down-icon';
import AngleRightIcon from '@patternfly/react-icons/dist/esm/icons/angle-right-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from './useAudit.ts';

const COLUMNS = ['time', 'type', 'source', 'actor', 'gatewayId', 'serial', 'signer'] as const;

function stringField(data: unknown, key: string): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The W3C trace id of a `traceparent` (version-traceid-parentid-flags), else the value as is. */
function traceIdOf(data: unknown): string | undefined {
  const traceId = stringField(data, 'traceId');
  if (traceId) return traceId;
  const traceparent = stringField(data, 'traceparent');
  return traceparent?.split('-')[1] ?? traceparent;
}

function Detail(props: { term: string; value: string | number | null | undefined }) {
  const { t } = useTranslation('audit');
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{props.term}</DescriptionListTerm>
      <DescriptionListDescription>{props.value ?? t('none')}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function RecordDetails(props: { record: AuditRecord }) {
  const { t } = useTranslation('audit');
  const { record } = props;
  const requestId = stringField(record.data, 'requestId');
  const traceId = traceIdOf(record.data);
  return (
    <>
      <DescriptionList isCompact isHorizontal columnModifier={{ default: '2Col' }}>
        <Detail term={t('field.eventId')} value={record.eventId} />
        <Detail term={t('field.subject')} value={record.subject} />
        <Detail term={t('field.user')} value={record.user} />
        <Detail term={t('field.partition')} value={record.partition} />
        <Detail term={t('field.streamSeq')} value={record.streamSeq} />
        <Detail term={t('field.recordedAt')} value={record.recordedAt} />
        {requestId && <Detail term={t('field.requestId')} value={requestId} />}
        {traceId && <Detail term={t('field.traceId')} value={traceId} />}
      </DescriptionList>
      {/* The record exactly as reporting answered it: already secret-redacted there. */}
      <CodeBlock aria-label={t('field.record')}>
        <CodeBlockCode>{JSON.stringify(record, null, 2)}</CodeBlockCode>
      </CodeBlock>
    </>
  );
}

/** Audit records, one row each; a row's toggle shows its details and the full record. */
export function AuditTable(props: { records: AuditRecord[] }) {
  const { t } = useTranslation('audit');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };
  return (
    // A table, not PF's default grid: rows are read, not navigated cell by cell; each row's
    // toggle is a button in the tab order.
    <Table aria-label={t('listLabel')} variant="compact" role="table">
      <Thead>
        <Tr>
          <Th screenReaderText={t('field.record')} />
          {COLUMNS.map((column) => (
            <Th key={column} modifier="wrap">
              {t(`column.${column}`)}
            </Th>
          ))}
        </Tr>
      </Thead>
      {props.records.map((record) => {
        const isExpanded = expanded.has(record.eventId);
        const detailsId = `audit-${record.eventId}-details`;
        return (
          <Tbody key={record.eventId} isExpanded={isExpanded}>
            <Tr>
              <Td>
                <Button
                  variant="plain"
                  aria-expanded={isExpanded}
                  aria-controls={isExpanded ? detailsId : undefined}
                  aria-label={t('toggleDetails', { eventId: record.eventId })}
                  icon={isExpanded ? <AngleDownIcon /> : <AngleRightIcon />}
                  onClick={() => toggle(record.eventId)}
                />
              </Td>
              <Td dataLabel={t('column.time')}>
                <time dateTime={record.time}>{new Date(record.time).toLocaleString()}</time>
              </Td>
              <Td dataLabel={t('column.type')}>{record.type}</Td>
              <Td dataLabel={t('column.source')}>{record.source}</Td>
              <Td dataLabel={t('column.actor')}>{record.actor}</Td>
              <Td dataLabel={t('column.gatewayId')}>{record.gatewayId ?? t('none')}</Td>
              <Td dataLabel={t('column.serial')}>{record.serial ?? t('none')}</Td>
              <Td dataLabel={t('column.signer')}>{record.signer ?? t('none')}</Td>
            </Tr>
            {isExpanded && (
              <Tr isExpanded>
                <Td
                  id={detailsId}
                  colSpan={COLUMNS.length + 1}
                  aria-label={t('detailsOf', { eventId: record.eventId })}
                >
                  <RecordDetails record={record} />
                </Td>
              </Tr>
            )}
          </Tbody>
        );
      })}
    </Table>
  );
}
