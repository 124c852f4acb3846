import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView, PinView } from '../../api/types.ts';
import { SecretField } from './SecretField.tsx';

/**
 * The key's initial PIN(s), as far as the caller's permissions go (the gateway decides and
 * audits). Kept in this component's state only — not in the query cache — so closing the dialog
 * removes the PIN from the page.
 */
export function PinDialog(props: { device: DeviceView; onClose(): void }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const [pins, setPins] = useState<PinView>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const abort = new AbortController();
    void api.gateway
      .GET('/devices/{id}/pin', {
        params: { path: { id: props.device.id } },
        signal: abort.signal,
        cache: 'no-store',
      })
      .then((result) => setPins(unwrap(result)))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => {
      abort.abort();
      setPins(undefined);
    };
  }, [api, props.device.id]);
  return (
    <Modal isOpen onClose={props.onClose} variant="small" aria-labelledby="pin-title">
      <ModalHeader
        title={t('pin.title')}
        labelId="pin-title"
        description={t('deviceLine', { name: props.device.name, serial: props.device.serial })}
      />
      <ModalBody>
        <Alert isInline variant="warning" title={t('pin.caution')} />
        {!pins && !error && <Spinner aria-label={t('pin.loading')} />}
        {error !== undefined && <Alert isInline variant="danger" title={errorMessage(error)} />}
        {pins && (
          <Form onSubmit={(e) => e.preventDefault()}>
            {pins.userPin !== undefined && (
              <FormGroup label={t('pin.user')} fieldId="pin-user">
                <SecretField id="pin-user" label={t('pin.user')} value={pins.userPin} />
              </FormGroup>
            )}
            {pins.adminPin !== undefined && (
              <FormGroup label={t('pin.admin')} fieldId="pin-admin">
                <SecretField id="pin-admin" label={t('pin.admin')} value={pins.adminPin} />
              </FormGroup>
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={props.onClose}>
          {t('close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
