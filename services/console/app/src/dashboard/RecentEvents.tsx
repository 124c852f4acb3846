import { Card, CardBody, CardTitle, Content, Spinner, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.tsx';
import { RECENT_EVENTS_PERMISSION } from './routes.ts';
import { useRecentEvents } from './useDashboard.ts';

/** The newest audit records: type, actor, serial and time (audit:read). */
export function RecentEvents() {
  const { t } = useTranslation('dashboard');
  const { allowed, query } = useRecentEvents();
  let body: React.ReactNode;
  if (allowed === false) {
    body = (
      <Content component="p">{t('forbidden', { permission: RECENT_EVENTS_PERMISSION })}</Content>
    );
  } else if (query.isError) {
    body = <ProblemAlert isInline title={t('loadFailed')} error={query.error} />;
  } else if (!query.data) {
    body = <Spinner size="lg" aria-label={t('events.loading')} />;
  } else if (query.data.items.length === 0) {
    body = <Content component="p">{t('events.none')}</Content>;
  } else {
    body = (
      <Table aria-label={t('events.tableLabel')} role="table" variant="compact">
        <Thead>
          <Tr>
            <Th>{t('events.type')}</Th>
            <Th>{t('events.actor')}</Th>
            <Th>{t('events.serial')}</Th>
            <Th>{t('events.time')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {query.data.items.map((e) => (
            <Tr key={e.eventId}>
              <Td dataLabel={t('events.type')}>{e.type}</Td>
              <Td dataLabel={t('events.actor')}>{e.actor}</Td>
              <Td dataLabel={t('events.serial')}>{e.serial ?? '—'}</Td>
              <Td dataLabel={t('events.time')}>
                <time dateTime={e.time}>{new Date(e.time).toLocaleString()}</time>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  }
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h2" size="lg">
          {t('events.title')}
        </Title>
      </CardTitle>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
