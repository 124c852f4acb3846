import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/errors.ts';
import {
  type DeviceGrouping,
  GROUPINGS,
  type ReportDefinition,
  type ReportFormat,
  type ReportQuery,
} from './catalog.ts';
import { downloadReport } from './download.ts';

/** A date input's day as the ISO instant the route takes (whole UTC days, `to` inclusive). */
const dayStart = (day: string) => (day ? `${day}T00:00:00.000Z` : undefined);
const dayEnd = (day: string) => (day ? `${day}T23:59:59.999Z` : undefined);

/** One report: its description, a form of exactly the filters it takes, CSV and JSON buttons. */
export function ReportCard(props: { report: ReportDefinition }) {
  const { t } = useTranslation('reports');
  const api = useApi();
  const { name, filters } = props.report;
  const title = t(`report.${name}.title`);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [by, setBy] = useState<DeviceGrouping>('status');
  const [busy, setBusy] = useState<ReportFormat>();
  const [error, setError] = useState<string>();
  const rangeInvalid = Boolean(from && to && to < from);
  const id = (field: string) => `report-${name}-${field}`;

  const download = async (format: ReportFormat) => {
    setError(undefined);
    setBusy(format);
    const query: ReportQuery & { format: ReportFormat } = { format };
    if (filters.includes('from') && from) query.from = dayStart(from);
    if (filters.includes('to') && to) query.to = dayEnd(to);
    if (filters.includes('by')) query.by = by;
    try {
      await downloadReport(api, name, query);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card component="article" aria-labelledby={id('title')}>
      <CardTitle>
        <Title headingLevel="h2" size="lg" id={id('title')}>
          {title}
        </Title>
      </CardTitle>
      <CardBody>
        <Content component="p">{t(`report.${name}.body`)}</Content>
        <Form onSubmit={(e) => e.preventDefault()} aria-label={title}>
          {filters.includes('from') && (
            <FormGroup label={t('filter.from')} fieldId={id('from')}>
              <TextInput
                id={id('from')}
                type="date"
                value={from}
                onChange={(_e, v) => setFrom(v)}
              />
            </FormGroup>
          )}
          {filters.includes('to') && (
            <FormGroup label={t('filter.to')} fieldId={id('to')}>
              <TextInput
                id={id('to')}
                type="date"
                value={to}
                validated={rangeInvalid ? 'error' : 'default'}
                onChange={(_e, v) => setTo(v)}
              />
              {rangeInvalid && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{t('filter.toBeforeFrom')}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
          )}
          {filters.includes('by') && (
            <FormGroup label={t('filter.by')} fieldId={id('by')}>
              <FormSelect id={id('by')} value={by} onChange={(_e, v) => setBy(v as DeviceGrouping)}>
                {GROUPINGS.map((g) => (
                  <FormSelectOption key={g} value={g} label={t(`by.${g}`)} />
                ))}
              </FormSelect>
            </FormGroup>
          )}
          <ActionGroup>
            {(['csv', 'json'] as const).map((format) => (
              <Button
                key={format}
                variant="secondary"
                icon={<DownloadIcon />}
                aria-label={t(format, { report: title })}
                isLoading={busy === format}
                isDisabled={busy !== undefined || rangeInvalid}
                onClick={() => void download(format)}
              >
                {t(`${format}Short`)}
              </Button>
            ))}
          </ActionGroup>
          {error && <Alert isInline variant="danger" title={t('failed', { reason: error })} />}
        </Form>
      </CardBody>
    </Card>
  );
}
