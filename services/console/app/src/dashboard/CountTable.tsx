import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** The numbers behind a chart, as text; a static `table` (PF defaults to an interactive grid). */
export function CountTable(props: {
  label: string;
  heading: string;
  rows: readonly CountRow[];
  /** Header of the numbers' column (default "Keys"). */
  countHeading?: string;
}) {
  const { t } = useTranslation('dashboard');
  const countHeading = props.countHeading ?? t('keysHeading');
  return (
    <Table aria-label={props.label} role="table" variant="compact" borders={false}>
      <Thead>
        <Tr>
          <Th>{props.heading}</Th>
          <Th modifier="fitContent">{countHeading}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {props.rows.map((row) => (
          <Tr key={row.key}>
            <Td dataLabel={props.heading}>{row.label}</Td>
            <Td dataLabel={countHeading}>{row.count}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
