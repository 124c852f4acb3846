import { ChartDonut } from '@patternfly/react-charts/dist/esm/victory/components/ChartDonut/ChartDonut';
import { Card, CardBody, CardTitle, Flex, FlexItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { type CountRow, CountTable } from './CountTable.tsx';

/** Keys split by one field (policy, identity provider): a donut with the counts beside it. */
export function BreakdownCard(props: {
  title: string;
  chartTitle: string;
  tableLabel: string;
  heading: string;
  rows: readonly CountRow[];
  total: number;
}) {
  const { t } = useTranslation('dashboard');
  const { rows } = props;
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h2" size="lg">
          {props.title}
        </Title>
      </CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <div style={{ width: 200, height: 200 }}>
              <ChartDonut
                ariaTitle={props.chartTitle}
                ariaDesc={t('chartDesc')}
                width={200}
                height={200}
                constrainToVisibleArea
                data={rows.map((r) => ({ x: r.label, y: r.count }))}
                labels={({ datum }: { datum: { x: string; y: number } }) =>
                  `${datum.x}: ${datum.y}`
                }
                title={String(props.total)}
                subTitle={t('keysUnit', { count: props.total })}
              />
            </div>
          </FlexItem>
          <FlexItem>
            <CountTable label={props.tableLabel} heading={props.heading} rows={rows} />
          </FlexItem>
        </Flex>
      </CardBody>
    </Card>
  );
}
