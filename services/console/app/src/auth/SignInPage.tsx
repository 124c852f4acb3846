import {
  Alert,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import type { OidcClient } from './oidc.ts';

/** Shown after sign-out, or when a sign-in came back with an error. */
export function SignInPage(props: { oidc: OidcClient; signedOut?: boolean; error?: unknown }) {
  const { t } = useTranslation('auth');
  const [busy, setBusy] = useState(false);
  const signIn = () => {
    setBusy(true);
    void props.oidc.authorizationUrl({ returnTo: '/' }).then((url) => window.location.assign(url));
  };
  return (
    <Bullseye>
      <main>
        <EmptyState
          titleText={props.signedOut ? t('signedOutTitle') : t('signInFailedTitle')}
          headingLevel="h1"
        >
          <EmptyStateBody>
            {props.signedOut ? t('signedOutBody') : t('signInFailedBody')}
            {props.error !== undefined && (
              <Alert isInline variant="danger" title={errorMessage(props.error)} />
            )}
          </EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="primary" onClick={signIn} isLoading={busy}>
                {t('signIn')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      </main>
    </Bullseye>
  );
}
