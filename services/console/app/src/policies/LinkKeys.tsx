import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  TextArea,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors.ts';
import { useLinkKeys, usePolicyLinks } from './usePolicies.ts';

/** Serials as typed or pasted: one per line, or separated by commas, semicolons or spaces. */
export const parseSerials = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** Indexes of serials the service refused ("body.serials[3]: …"), with its reason. */
function refusedSerials(error: unknown): Map<number, string> {
  const refused = new Map<number, string>();
  if (!(error instanceof ApiError) || error.status !== 400) return refused;
  const issues = (error.details?.issues ?? []) as { path: string; message: string }[];
  for (const issue of issues) {
    const index = /^body\.serials\[(\d+)\]/.exec(issue.path)?.[1];
    if (index !== undefined) refused.set(Number(index), issue.message);
  }
  return refused;
}

interface Outcome {
  linked: string[];
  failed: { serial: string; reason: string }[];
}

/** The policy's linked keys and, for policy:write, a box to link more by serial. */
export function LinkKeys(props: { policyId: string; canWrite: boolean }) {
  const { t } = useTranslation('policies');
  const links = usePolicyLinks(props.policyId);
  const link = useLinkKeys(props.policyId);
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<unknown>();

  /** The service takes a batch whole or refuses it naming the bad serials: retry without those. */
  const submit = async () => {
    const serials = parseSerials(text);
    setOutcome(undefined);
    setError(undefined);
    if (serials.length === 0) return setInputError(t('links.noSerials'));
    setInputError(undefined);
    const failed: Outcome['failed'] = [];
    let batch = serials;
    try {
      const reply = await link.mutateAsync(batch).catch(async (e: unknown) => {
        const refused = refusedSerials(e);
        if (refused.size === 0) throw e;
        for (const [i, reason] of refused) failed.push({ serial: batch[i] ?? '?', reason });
        batch = batch.filter((_s, i) => !refused.has(i));
        return batch.length > 0 ? link.mutateAsync(batch) : { linked: [] as string[] };
      });
      setOutcome({ linked: reply.linked, failed });
      if (failed.length === 0) setText('');
      else setText(failed.map((f) => f.serial).join('\n'));
    } catch (e) {
      setError(e);
    }
  };

  const devices = links.data ?? [];
  return (
    <Card>
      <CardTitle component="h2">{t('links.title')}</CardTitle>
      <CardBody>
        <Content component="p">{t('links.intro')}</Content>
        {links.isError && <Alert variant="danger" isInline title={errorMessage(links.error)} />}
        {links.isSuccess && devices.length === 0 && (
          <Content component="p">{t('links.none')}</Content>
        )}
        {devices.length > 0 && (
          <Table aria-label={t('links.listLabel')} variant="compact" role="table">
            <Thead>
              <Tr>
                <Th>{t('links.serial')}</Th>
                <Th>{t('links.linkedAt')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {devices.map((d) => (
                <Tr key={d.serial}>
                  <Td dataLabel={t('links.serial')}>{d.serial}</Td>
                  <Td dataLabel={t('links.linkedAt')}>
                    {new Date(d.linkedAt).toLocaleString()} · {d.linkedBy}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {props.canWrite && (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <FormGroup label={t('links.serials')} fieldId="link-serials">
              <TextArea
                id="link-serials"
                value={text}
                onChange={(_e, v) => setText(v)}
                validated={inputError ? 'error' : 'default'}
                aria-describedby="link-serials-help"
                resizeOrientation="vertical"
              />
              <FormHelperText>
                <HelperText id="link-serials-help">
                  <HelperTextItem variant={inputError ? 'error' : 'default'}>
                    {inputError ?? t('links.serialsHelp')}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
            <div>
              <Button type="submit" variant="secondary" isLoading={link.isPending}>
                {t('links.submit')}
              </Button>
            </div>
          </Form>
        )}
        {outcome && outcome.linked.length > 0 && (
          <Alert
            variant="success"
            isInline
            title={t('links.linked', {
              count: outcome.linked.length,
              serials: outcome.linked.join(', '),
            })}
          />
        )}
        {outcome && outcome.failed.length > 0 && (
          <Alert variant="danger" isInline title={t('links.failedTitle')}>
            <List>
              {outcome.failed.map((f) => (
                <ListItem key={f.serial}>
                  {t('links.failed', { serial: f.serial, reason: f.reason })}
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        {error !== undefined && (
          <Alert variant="danger" isInline title={t('links.error')}>
            {errorMessage(error)}
          </Alert>
        )}
      </CardBody>
    </Card>
  );
}
