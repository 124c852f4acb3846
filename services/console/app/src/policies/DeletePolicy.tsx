import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors.ts';
import type { Policy } from './formModel.ts';
import { useDeletePolicy } from './usePolicies.ts';

/** Serials the service named when it refused the delete (keys still linked), if that was why. */
const serialsInUse = (error: unknown): string[] | undefined => {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const serials = error.details?.serials;
  return Array.isArray(serials) ? serials.map(String) : undefined;
};

/** Delete with confirmation; a refusal because keys use the policy names those keys. */
export function DeletePolicy(props: { policy: Policy; onDeleted(): void }) {
  const { t } = useTranslation('policies');
  const [open, setOpen] = useState(false);
  const remove = useDeletePolicy(props.policy.id);
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  const inUse = serialsInUse(remove.error);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('delete.button')}
      </Button>
      <Modal isOpen={open} onClose={close} variant="small" aria-labelledby="delete-policy-title">
        <ModalHeader
          title={t('delete.title', { name: props.policy.name })}
          labelId="delete-policy-title"
        />
        <ModalBody>
          {t('delete.body')}
          {remove.isError && (
            <Alert variant="danger" isInline title={t('delete.refused')}>
              {inUse
                ? t('delete.inUse', { count: inUse.length, serials: inUse.join(', ') })
                : errorMessage(remove.error)}
            </Alert>
          )}
        </ModalBody>
        <ModalFooter>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            isDisabled={remove.isPending}
            onClick={() =>
              remove.mutate(props.policy.version, {
                onSuccess: () => {
                  setOpen(false);
                  props.onDeleted();
                },
              })
            }
          >
            {t('delete.confirm')}
          </Button>
          <Button variant="link" onClick={close}>
            {t('cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </>
  );
}
