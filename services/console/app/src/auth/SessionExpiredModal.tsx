import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import { useAuth } from './AuthContext.tsx';

/**
 * Shown over the page when the session ends; signing in again happens in a popup, so whatever
 * the administrator was doing (an open dialog, a search, a half-filled form) stays as it was.
 */
export function SessionExpiredModal() {
  const { t } = useTranslation('auth');
  const auth = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const signIn = () => {
    setBusy(true);
    setError(undefined);
    auth
      .signInAgain()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      isOpen={auth.expired}
      variant="small"
      aria-labelledby="session-expired-title"
      aria-describedby="session-expired-body"
      disableFocusTrap={false}
    >
      <ModalHeader
        title={t('expiredTitle')}
        labelId="session-expired-title"
        titleIconVariant="warning"
      />
      <ModalBody id="session-expired-body">
        {t('expiredBody')}
        {error && <Alert isInline variant="danger" title={error} />}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={signIn} isLoading={busy}>
          {t('signInAgain')}
        </Button>
        <Button variant="link" onClick={() => void auth.signOut()}>
          {t('signOut')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
