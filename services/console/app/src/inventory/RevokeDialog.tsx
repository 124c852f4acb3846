import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../api/errors.ts';
import type { RevokeReply } from '../api/types.ts';

export interface RevokeDialogProps {
  serial: string;
  /** The key's user as shown to the administrator, or null for a key without one. */
  user: string | null;
  onRevoked(reply: RevokeReply): void;
  onClose(): void;
}

/**
 * Revoke (irreversible at the IdP): names the key and its user, takes an optional reason, and
 * deletes the key's passkeys through identity's POST /devices/{serial}/revoke. While it runs the
 * form is disabled; a failure stays inside the dialog; Cancel aborts the call.
 */
export function RevokeDialog(props: RevokeDialogProps) {
  const { t } = useTranslation('inventory');
  const api = useApi();
  const [reason, setReason] = useState('');
  const abort = useRef<AbortController | undefined>(undefined);
  const revoke = useMutation({
    mutationFn: async () => {
      abort.current = new AbortController();
      return unwrap(
        await api.identity.POST('/devices/{serial}/revoke', {
          signal: abort.current.signal,
          params: { path: { serial: props.serial } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      );
    },
    onSuccess: props.onRevoked,
  });
  const cancel = () => {
    abort.current?.abort();
    props.onClose();
  };
  return (
    <Modal isOpen onClose={cancel} variant="small" aria-labelledby="revoke-title">
      <ModalHeader title={t('revoke.title')} labelId="revoke-title" titleIconVariant="warning" />
      <ModalBody>
        <Form
          id="revoke-form"
          onSubmit={(e) => {
            e.preventDefault();
            revoke.mutate();
          }}
        >
          <Alert isInline variant="danger" title={t('revoke.confirm', { serial: props.serial })}>
            {props.user
              ? t('revoke.confirmBody', { serial: props.serial, user: props.user })
              : t('revoke.confirmBodyNoUser', { serial: props.serial })}
          </Alert>
          <FormGroup label={t('revoke.reason')} fieldId="revoke-reason">
            <TextArea
              id="revoke-reason"
              value={reason}
              onChange={(_e, value) => setReason(value)}
              isDisabled={revoke.isPending}
              maxLength={500}
              resizeOrientation="vertical"
            />
          </FormGroup>
          {revoke.isError && (
            <Alert isInline variant="danger" title={t('revoke.failed')}>
              {errorMessage(revoke.error)}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          type="submit"
          form="revoke-form"
          isLoading={revoke.isPending}
          isDisabled={revoke.isPending}
        >
          {t('revoke.submit')}
        </Button>
        <Button variant="link" onClick={cancel}>
          {t('revoke.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
