import {
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import { detailsOf } from '../deviceActions.ts';
import { isFinished, useSession } from '../useSession.ts';

/**
 * Reset (irreversible): confirm → admin PIN for a managed key → remove and reinsert the key
 * (detected by the gateway; "Device reconnected" rescans as a fallback) → touch within the
 * power-up window → "Reset complete". A missed window says so and offers to try again.
 */
export function ResetDialog(props: { device: DeviceView; onClose(): void }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const { device } = props;
  const managed = detailsOf(device).keyKind === 'enterprise';
  const [adminPin, setAdminPin] = useState('');
  const start = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.gateway.POST('/devices/{id}/reset', {
          params: { path: { id: device.id } },
          body: managed ? { adminPin } : {},
        }),
      ),
    onSuccess: () => setAdminPin(''),
  });
  const rescan = useMutation({
    mutationFn: async () => unwrap(await api.gateway.POST('/devices/refresh')),
  });
  const progress = useSession(start.data?.sessionId);
  const run = progress.keys[device.serial];
  const done = isFinished(run);
  const started = start.isSuccess;
  return (
    <Modal isOpen onClose={props.onClose} variant="small" aria-labelledby="reset-title">
      <ModalHeader
        title={t('reset.title')}
        labelId="reset-title"
        titleIconVariant="warning"
        description={t('deviceLine', { name: device.name, serial: device.serial })}
      />
      <ModalBody>
        {!started && (
          <Form
            id="reset-form"
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate();
            }}
          >
            <Alert
              isInline
              variant="danger"
              title={t('reset.irreversible', { serial: device.serial })}
            >
              {t('reset.irreversibleBody')}
            </Alert>
            {managed && (
              <FormGroup label={t('reset.adminPin')} isRequired fieldId="reset-admin-pin">
                <TextInput
                  id="reset-admin-pin"
                  type="password"
                  autoComplete="off"
                  value={adminPin}
                  onChange={(_e, v) => setAdminPin(v)}
                  isRequired
                />
              </FormGroup>
            )}
            {start.isError && <Alert isInline variant="danger" title={errorMessage(start.error)} />}
          </Form>
        )}
        {started && (
          <Stack hasGutter>
            {!done && run?.state === 'waiting-for-reinsert' && (
              <StackItem>
                <Alert isInline variant="info" title={t('reset.reinsert')} role="alert">
                  <Content component="p">{t('reset.reinsertBody')}</Content>
                  <Button
                    variant="secondary"
                    onClick={() => rescan.mutate()}
                    isLoading={rescan.isPending}
                  >
                    {t('reset.reconnected')}
                  </Button>
                </Alert>
              </StackItem>
            )}
            {!done && run?.state === 'waiting-for-touch' && (
              <StackItem>
                <Alert isInline variant="warning" title={t('reset.touch')} role="alert">
                  {t('reset.touchBody')}
                </Alert>
              </StackItem>
            )}
            {!done &&
              run?.state !== 'waiting-for-reinsert' &&
              run?.state !== 'waiting-for-touch' && (
                <StackItem>
                  <Spinner size="lg" aria-label={t('reset.working')} /> {t('reset.working')}
                </StackItem>
              )}
            {run?.state === 'succeeded' && (
              <StackItem>
                <Alert isInline variant="success" title={t('reset.complete')} />
              </StackItem>
            )}
            {done && run?.state !== 'succeeded' && (
              <StackItem>
                <Alert isInline variant="danger" title={t('reset.failed')}>
                  {(run?.error as { message?: string } | undefined)?.message}
                </Alert>
              </StackItem>
            )}
          </Stack>
        )}
      </ModalBody>
      <ModalFooter>
        {!started && (
          <Button
            variant="danger"
            type="submit"
            form="reset-form"
            isLoading={start.isPending}
            isDisabled={start.isPending || (managed && adminPin.length < 4)}
          >
            {t('reset.confirm')}
          </Button>
        )}
        {started && done && run?.state !== 'succeeded' && (
          <Button variant="primary" onClick={() => start.reset()}>
            {t('retry')}
          </Button>
        )}
        <Button variant={done ? 'primary' : 'link'} onClick={props.onClose}>
          {done ? t('close') : t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
