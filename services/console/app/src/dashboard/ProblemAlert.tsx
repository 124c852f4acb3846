import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors.ts';

/** A load error; a 403 names the permission the role lacks (the service's `details.permission`). */
export function ProblemAlert(props: { title: string; error: unknown; isInline?: boolean }) {
  const { t } = useTranslation('dashboard');
  const { error } = props;
  const permission =
    error instanceof ApiError &&
    error.status === 403 &&
    typeof error.details?.permission === 'string'
      ? error.details.permission
      : undefined;
  return (
    <Alert
      variant={permission ? 'warning' : 'danger'}
      isInline={props.isInline}
      title={props.title}
    >
      {permission ? t('forbidden', { permission }) : errorMessage(error)}
    </Alert>
  );
}
