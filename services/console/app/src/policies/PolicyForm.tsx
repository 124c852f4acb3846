import { ActionGroup, Alert, AlertActionLink, Button, Form } from '@patternfly/react-core';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors.ts';
import { fieldOfIssue, type PolicyFormValues } from './formModel.ts';
import { PolicyFields } from './PolicyFields.tsx';

const FIELDSET_STYLE = {
  border: 0,
  padding: 0,
  margin: 0,
  minWidth: 0,
  display: 'grid',
  gap: 'var(--pf-t--global--spacer--lg)',
} as const;

/** The service said another version is current: the edit lost the race. */
export interface StaleEdit {
  mine: number;
  current: number;
}

interface Issue {
  path: string;
  message: string;
}

const issuesOf = (error: unknown): Issue[] => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = error.details?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : [];
};

/**
 * The create/edit form. Validity is the policy service's call: its 400 issues are set on the
 * fields they name (the rest in the form's alert); a 409 on save becomes the stale-edit alert.
 */
export function PolicyForm(props: {
  initial: PolicyFormValues;
  readOnly: boolean;
  submitLabel: string;
  /** Resolves when saved; rejects with the service's error. */
  onSubmit(values: PolicyFormValues): Promise<unknown>;
  onCancel(): void;
  /** Version the edit started from (absent when creating). */
  version?: number;
  onReload?: () => void;
}) {
  const { t } = useTranslation('policies');
  const form = useForm<PolicyFormValues>({ defaultValues: props.initial });
  const [failure, setFailure] = useState<{ title: string; lines: string[] }>();
  const [stale, setStale] = useState<StaleEdit>();

  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    setStale(undefined);
    try {
      await props.onSubmit(values);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && props.version !== undefined) {
        const current = Number(error.details?.currentVersion);
        setStale({ mine: props.version, current: Number.isFinite(current) ? current : 0 });
        return;
      }
      const issues = issuesOf(error);
      const unplaced: string[] = [];
      for (const issue of issues) {
        const field = fieldOfIssue(issue.path);
        if (field) {
          form.setError(field as 'name', { type: 'server', message: issue.message });
        } else unplaced.push(`${issue.path}: ${issue.message}`);
      }
      setFailure({
        title: issues.length > 0 ? t('fixFields') : t('saveFailed'),
        lines: issues.length > 0 ? unplaced : [errorMessage(error)],
      });
    }
  });

  return (
    <FormProvider {...form}>
      <Form onSubmit={submit} noValidate aria-label={props.submitLabel}>
        {stale && (
          <Alert
            variant="warning"
            isInline
            title={t('stale.title')}
            actionLinks={
              props.onReload && (
                <AlertActionLink onClick={props.onReload}>{t('stale.reload')}</AlertActionLink>
              )
            }
          >
            {t('stale.body', { mine: String(stale.mine), current: String(stale.current || '?') })}
          </Alert>
        )}
        {failure && (
          <Alert variant="danger" isInline title={failure.title}>
            {failure.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Alert>
        )}
        {/* One fieldset disables every control at once (read-only, saving); styled as no box. */}
        <fieldset disabled={props.readOnly || form.formState.isSubmitting} style={FIELDSET_STYLE}>
          <PolicyFields />
        </fieldset>
        {!props.readOnly && (
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={form.formState.isSubmitting}>
              {props.submitLabel}
            </Button>
            <Button variant="link" onClick={props.onCancel}>
              {t('cancel')}
            </Button>
          </ActionGroup>
        )}
      </Form>
    </FormProvider>
  );
}
