import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  TextInput,
} from '@patternfly/react-core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import { detailsOf } from '../deviceActions.ts';
import { SecretField } from './SecretField.tsx';

/** The new user PIN of a finished unlock, wherever the gateway puts it in the answer. */
function newPinOf(answer: unknown): string | undefined {
  const result = (answer as { result?: { newPin?: unknown; userPin?: unknown } }).result;
  const pin = result?.newPin ?? result?.userPin;
  return typeof pin === 'string' ? pin : undefined;
}

/**
 * Unlock a PIN-blocked key: a random PIN from the policy or one the administrator chooses
 * (checked against the policy's rules while it is typed), then the new PIN shown once. The
 * PINs live in this dialog's state only and leave the page when it closes.
 */
export function UnlockDialog(props: { device: DeviceView; onClose(): void }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const { device } = props;
  const managed = detailsOf(device).keyKind === 'enterprise';
  const [source, setSource] = useState<'generated' | 'chosen'>('generated');
  const [newPin, setNewPin] = useState('');
  const [debouncedPin, setDebouncedPin] = useState('');
  const [adminPin, setAdminPin] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedPin(newPin), 200);
    return () => clearTimeout(timer);
  }, [newPin]);
  const check = useQuery({
    // The PIN is not part of the key: the answer must not outlive this dialog in the cache.
    queryKey: ['gateway', 'pin-check', device.id, debouncedPin.length, debouncedPin],
    enabled: source === 'chosen' && debouncedPin.length > 0,
    gcTime: 0,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.gateway.POST('/devices/{id}/pin-check', {
          params: { path: { id: device.id } },
          body: { pin: debouncedPin },
          signal,
        }),
      ),
  });
  const unlock = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.gateway.POST('/devices/{id}/unlock', {
          params: { path: { id: device.id }, query: { wait: 'true' } },
          body: {
            method: managed ? 'admin-pin' : 'remote',
            ...(managed ? { adminPin } : {}),
            pinSource: source,
            ...(source === 'chosen' ? { newPin } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setAdminPin('');
      setNewPin('');
      setDebouncedPin('');
    },
  });
  const shownPin = unlock.data ? newPinOf(unlock.data) : undefined;
  const problems = check.data?.problems ?? [];
  const chosenOk = source === 'generated' || (check.data?.ok === true && debouncedPin === newPin);
  return (
    <Modal isOpen onClose={props.onClose} variant="small" aria-labelledby="unlock-title">
      <ModalHeader
        title={t('unlock.title')}
        labelId="unlock-title"
        description={t('deviceLine', { name: device.name, serial: device.serial })}
      />
      <ModalBody>
        {!unlock.isSuccess && (
          <Form
            id="unlock-form"
            onSubmit={(e) => {
              e.preventDefault();
              unlock.mutate();
            }}
          >
            {managed && (
              <FormGroup label={t('unlock.adminPin')} isRequired fieldId="unlock-admin-pin">
                <TextInput
                  id="unlock-admin-pin"
                  type="password"
                  autoComplete="off"
                  value={adminPin}
                  onChange={(_e, v) => setAdminPin(v)}
                />
              </FormGroup>
            )}
            <FormGroup role="radiogroup" isStack fieldId="unlock-source" label={t('unlock.newPin')}>
              <Radio
                id="unlock-generated"
                name="unlock-source"
                label={t('unlock.generated')}
                isChecked={source === 'generated'}
                onChange={() => setSource('generated')}
              />
              <Radio
                id="unlock-chosen"
                name="unlock-source"
                label={t('unlock.chosen')}
                isChecked={source === 'chosen'}
                onChange={() => setSource('chosen')}
              />
            </FormGroup>
            {source === 'chosen' && (
              <FormGroup label={t('unlock.chosenPin')} isRequired fieldId="unlock-chosen-pin">
                <TextInput
                  id="unlock-chosen-pin"
                  type="password"
                  autoComplete="new-password"
                  value={newPin}
                  onChange={(_e, v) => setNewPin(v)}
                  validated={problems.length > 0 ? 'error' : check.data?.ok ? 'success' : 'default'}
                  aria-describedby="unlock-chosen-pin-helper"
                />
                <FormHelperText>
                  <HelperText id="unlock-chosen-pin-helper" isLiveRegion>
                    {problems.length === 0 && (
                      <HelperTextItem variant={check.data?.ok ? 'success' : 'default'}>
                        {check.data?.ok ? t('unlock.pinOk') : t('unlock.pinRules')}
                      </HelperTextItem>
                    )}
                    {problems.map((p) => (
                      <HelperTextItem key={p.code} variant="error">
                        {p.message}
                      </HelperTextItem>
                    ))}
                  </HelperText>
                </FormHelperText>
              </FormGroup>
            )}
            {check.isError && (
              <Alert isInline variant="warning" title={errorMessage(check.error)} />
            )}
            {unlock.isError && (
              <Alert isInline variant="danger" title={errorMessage(unlock.error)} />
            )}
          </Form>
        )}
        {unlock.isSuccess && (
          <Form onSubmit={(e) => e.preventDefault()}>
            <Alert isInline variant="success" title={t('unlock.done')}>
              {t('unlock.shownOnce')}
            </Alert>
            {shownPin && (
              <FormGroup label={t('unlock.newUserPin')} fieldId="unlock-result-pin">
                <SecretField
                  id="unlock-result-pin"
                  label={t('unlock.newUserPin')}
                  value={shownPin}
                />
              </FormGroup>
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        {!unlock.isSuccess && (
          <Button
            variant="primary"
            type="submit"
            form="unlock-form"
            isLoading={unlock.isPending}
            isDisabled={unlock.isPending || !chosenOk || (managed && adminPin.length < 4)}
          >
            {t('unlock.confirm')}
          </Button>
        )}
        <Button variant={unlock.isSuccess ? 'primary' : 'link'} onClick={props.onClose}>
          {unlock.isSuccess ? t('close') : t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
