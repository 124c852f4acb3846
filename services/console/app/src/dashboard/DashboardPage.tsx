import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import SyncIcon from '@patternfly/react-icons/dist/esm/icons/sync-icon';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../common/PageLoading.tsx';
import { BreakdownCard } from './BreakdownCard.tsx';
import { CountTable } from './CountTable.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';
import { RecentEvents } from './RecentEvents.tsx';
import { StatusCard } from './StatusCard.tsx';
import type { InventorySummary } from './types.ts';
import { dashboardKey, useInventorySummary, usePolicyNames } from './useDashboard.ts';

/** Dashboard: counts of the whole inventory (reporting service), charts with their numbers. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const queryClient = useQueryClient();
  const summary = useInventorySummary();
  return (
    <>
      <PageSection>
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <FlexItem>
            <Title headingLevel="h1">{t('title')}</Title>
            <Content component="p">{t('intro')}</Content>
          </FlexItem>
          <FlexItem>
            <Button
              variant="secondary"
              icon={<SyncIcon />}
              isDisabled={summary.isFetching}
              onClick={() => void queryClient.invalidateQueries({ queryKey: dashboardKey })}
            >
              {t('refresh')}
            </Button>
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection>
        {summary.isPending ? (
          <PageLoading />
        ) : summary.isError ? (
          <ProblemAlert title={t('loadFailed')} error={summary.error} />
        ) : summary.data.total === 0 ? (
          <>
            <EmptyState titleText={t('empty.title')} headingLevel="h2">
              <EmptyStateBody>{t('empty.body')}</EmptyStateBody>
            </EmptyState>
            <RecentEvents />
          </>
        ) : (
          <Summary summary={summary.data} />
        )}
      </PageSection>
    </>
  );
}

function Summary(props: { summary: InventorySummary }) {
  const { t } = useTranslation('dashboard');
  const { summary } = props;
  const policyNames = usePolicyNames().data;
  return (
    <Grid hasGutter>
      <GridItem md={4} lg={3}>
        <Card isFullHeight>
          <CardTitle>
            <Title headingLevel="h2" size="lg">
              {t('total.title')}
            </Title>
          </CardTitle>
          <CardBody>
            <CountTable
              label={t('total.listLabel')}
              heading={t('total.heading')}
              countHeading={t('total.countHeading')}
              rows={[
                { key: 'total', label: t('total.label'), count: summary.total },
                { key: 'users', label: t('total.enrolledUsers'), count: summary.enrolledUsers },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem md={8} lg={9}>
        <StatusCard summary={summary} />
      </GridItem>
      <GridItem lg={6}>
        <BreakdownCard
          title={t('policy.title')}
          chartTitle={t('policy.chartTitle')}
          tableLabel={t('policy.listLabel')}
          heading={t('policyHeading')}
          total={summary.total}
          rows={summary.byPolicy.map((p) => ({
            key: p.policyId ?? '',
            label:
              p.policyId === null ? t('policy.none') : (policyNames?.get(p.policyId) ?? p.policyId),
            count: p.count,
          }))}
        />
      </GridItem>
      <GridItem lg={6}>
        <BreakdownCard
          title={t('idp.title')}
          chartTitle={t('idp.chartTitle')}
          tableLabel={t('idp.listLabel')}
          heading={t('idpHeading')}
          total={summary.total}
          rows={summary.byIdp.map((p) => ({
            key: p.idpId ?? '',
            label: p.idpId ?? t('idp.none'),
            count: p.count,
          }))}
        />
      </GridItem>
      <GridItem>
        <RecentEvents />
      </GridItem>
    </Grid>
  );
}
