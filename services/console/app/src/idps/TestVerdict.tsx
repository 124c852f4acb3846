import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { TestResult } from './useIdps.ts';

/**
 * Test connection's verdict as the identity service reports it: the step that failed, its kind
 * (DNS, TLS, refused, 401, 403 with the missing scope, 404, ...) and the provider's own words.
 */
export function TestVerdict(props: { name: string; result: TestResult }) {
  const { t } = useTranslation('idps');
  const r = props.result;
  if (r.ok) {
    const sample = r.sampleUser
      ? t('result.sample', { user: r.sampleUser.name ?? r.sampleUser.id })
      : '';
    return (
      <Alert isInline variant="success" title={t('result.okTitle', { name: props.name })}>
        {t('result.okBody', { sample })}
      </Alert>
    );
  }
  const verdict = t(`result.kind.${r.kind}` as 'result.kind.DNS', { defaultValue: r.kind });
  const missing = typeof r.details.missing === 'string' ? r.details.missing : undefined;
  return (
    <Alert
      isInline
      variant="danger"
      title={t('result.failTitle', { name: props.name, step: r.step, verdict })}
    >
      {missing && <p>{t('result.missing', { missing })}</p>}
      <p>{r.message}</p>
    </Alert>
  );
}
