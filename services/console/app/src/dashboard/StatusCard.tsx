import { Chart } from '@patternfly/react-charts/dist/esm/victory/components/Chart/Chart';
import { ChartAxis } from '@patternfly/react-charts/dist/esm/victory/components/ChartAxis/ChartAxis';
import { ChartBar } from '@patternfly/react-charts/dist/esm/victory/components/ChartBar/ChartBar';
import { Card, CardBody, CardTitle, Flex, FlexItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { type CountRow, CountTable } from './CountTable.tsx';
import type { InventorySummary } from './types.ts';

/** The inventory's statuses in lifecycle order, then the LOCKED flag. */
const STATUSES = [
  'NOT_CONFIGURED',
  'READY',
  'CONFIGURED',
  'IN_STOCK',
  'ENROLLED',
  'REVOKED',
] as const satisfies readonly (keyof InventorySummary['byStatus'])[];

/** "NOT_CONFIGURED" → "NOT CONFIGURED", as the FIDO Keys page labels statuses. */
export const statusLabel = (status: string) => status.replaceAll('_', ' ');

/** Keys per status: a bar chart with the counts as a table beside it. */
export function StatusCard(props: { summary: InventorySummary }) {
  const { t } = useTranslation('dashboard');
  const { summary } = props;
  const rows: CountRow[] = [
    ...STATUSES.map((s) => ({ key: s, label: statusLabel(s), count: summary.byStatus[s] })),
    { key: 'LOCKED', label: t('status.locked'), count: summary.locked },
  ];
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h2" size="lg">
          {t('status.title')}
        </Title>
      </CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <div style={{ width: 420, height: 260 }}>
              <Chart
                ariaTitle={t('status.chartTitle')}
                ariaDesc={t('chartDesc')}
                horizontal
                width={420}
                height={260}
                domainPadding={{ x: [12, 12] }}
                padding={{ top: 10, bottom: 40, left: 150, right: 30 }}
              >
                <ChartAxis />
                <ChartAxis
                  dependentAxis
                  showGrid
                  tickFormat={(n: number) => (Number.isInteger(n) ? n : '')}
                />
                <ChartBar
                  barWidth={16}
                  data={[...rows].reverse().map((r) => ({ x: r.label, y: r.count }))}
                />
              </Chart>
            </div>
          </FlexItem>
          <FlexItem>
            <CountTable label={t('status.listLabel')} heading={t('statusHeading')} rows={rows} />
          </FlexItem>
        </Flex>
      </CardBody>
    </Card>
  );
}
