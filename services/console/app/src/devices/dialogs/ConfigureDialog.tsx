import {
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView, KeyRun } from '../../api/types.ts';
import { useSession } from '../useSession.ts';
import { PolicyPicker, usePolicies } from './PolicyPicker.tsx';
import { ReportDownload } from './ReportDownload.tsx';
import { SessionProgressList } from './SessionProgressList.tsx';

type Mode = 'stop-when-done' | 'continuous';

/**
 * Configure one, the selected, or all connected keys to a policy: choose → confirm → live
 * progress (each key green when done, red with the reason and a Retry) → report → Close.
 */
export function ConfigureDialog(props: {
  devices: DeviceView[];
  allConnected: DeviceView[];
  onClose(): void;
}) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const selected = props.devices.length > 0;
  const [policyId, setPolicyId] = useState('');
  const [mode, setMode] = useState<Mode>(
    props.allConnected.length === 0 ? 'continuous' : 'stop-when-done',
  );
  const [step, setStep] = useState<'choose' | 'confirm' | 'run'>('choose');
  const [retried, setRetried] = useState<Record<string, KeyRun>>({});
  const policies = usePolicies();
  const policyName = policies.data?.find((p) => p.id === policyId)?.name ?? policyId;

  const start = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.gateway.POST('/sessions/configure', {
          body: selected
            ? { policyId, deviceIds: props.devices.map((d) => d.id) }
            : { policyId, mode },
        }),
      ),
    onSuccess: () => setStep('run'),
  });
  const sessionId = start.data?.id;
  const progress = useSession(sessionId);
  const stop = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.gateway.POST('/sessions/{id}/stop', { params: { path: { id: sessionId! } } }),
      ),
  });
  const retry = useMutation({
    mutationFn: async (run: KeyRun) =>
      unwrap(
        await api.gateway.POST('/devices/{id}/configure', {
          params: { path: { id: run.deviceId }, query: { wait: 'true' } },
          body: { policyId },
        }),
      ),
    onMutate: (run) =>
      setRetried((r) => ({ ...r, [run.serial]: { ...run, state: 'running', error: undefined } })),
    onSuccess: (result, run) =>
      setRetried((r) => ({ ...r, [run.serial]: { ...(result.run ?? run), state: 'succeeded' } })),
    onError: (error, run) =>
      setRetried((r) => ({
        ...r,
        [run.serial]: {
          ...run,
          state: 'failed',
          error: { code: 'RETRY_FAILED', message: errorMessage(error) },
        },
      })),
  });

  const runs = Object.values({ ...progress.keys, ...retried });
  const targets = selected ? props.devices : props.allConnected;
  const title = t('configure.title');
  return (
    <Modal isOpen onClose={props.onClose} variant="medium" aria-labelledby="configure-title">
      <ModalHeader title={title} labelId="configure-title" />
      <ModalBody>
        {step === 'choose' && (
          <Form
            id="configure-form"
            onSubmit={(e) => {
              e.preventDefault();
              setStep('confirm');
            }}
          >
            <PolicyPicker value={policyId} onChange={setPolicyId} />
            {!selected && (
              <FormGroup
                role="radiogroup"
                isStack
                fieldId="configure-mode"
                label={t('configure.mode')}
              >
                <Radio
                  id="mode-stop"
                  name="mode"
                  label={t('configure.stopWhenDone', { count: props.allConnected.length })}
                  isChecked={mode === 'stop-when-done'}
                  onChange={() => setMode('stop-when-done')}
                />
                <Radio
                  id="mode-continuous"
                  name="mode"
                  label={t('configure.continuous')}
                  isChecked={mode === 'continuous'}
                  onChange={() => setMode('continuous')}
                />
              </FormGroup>
            )}
          </Form>
        )}
        {step === 'confirm' && (
          <Stack hasGutter>
            <StackItem>
              <Content component="p">
                {t('configure.confirmPolicy', { policy: policyName })}
              </Content>
            </StackItem>
            <StackItem>
              {mode === 'continuous' && !selected ? (
                <Content component="p">{t('configure.confirmContinuous')}</Content>
              ) : (
                <List aria-label={t('configure.keysToConfigure')}>
                  {targets.map((d) => (
                    <ListItem key={d.id}>
                      {t('deviceLine', { name: d.name, serial: d.serial })}
                    </ListItem>
                  ))}
                </List>
              )}
            </StackItem>
            {start.isError && (
              <StackItem>
                <Alert isInline variant="danger" title={errorMessage(start.error)} />
              </StackItem>
            )}
          </Stack>
        )}
        {step === 'run' && (
          <Stack hasGutter>
            {progress.closed && (
              <StackItem>
                <Alert isInline variant="success" title={t('configure.completed')} />
              </StackItem>
            )}
            {!progress.closed && mode === 'continuous' && !selected && (
              <StackItem>
                <Alert isInline variant="info" title={t('configure.waitingForKeys')} />
              </StackItem>
            )}
            {progress.lost && (
              <StackItem>
                <Alert isInline variant="warning" title={t('progress.lost')} />
              </StackItem>
            )}
            <StackItem>
              <SessionProgressList runs={runs} onRetry={(run) => retry.mutate(run)} />
            </StackItem>
            {progress.closed && sessionId && (
              <StackItem>
                <ReportDownload sessionId={sessionId} />
              </StackItem>
            )}
          </Stack>
        )}
      </ModalBody>
      <ModalFooter>
        {step === 'choose' && (
          <Button variant="primary" type="submit" form="configure-form" isDisabled={!policyId}>
            {t('next')}
          </Button>
        )}
        {step === 'confirm' && (
          <>
            <Button
              variant="primary"
              onClick={() => start.mutate()}
              isLoading={start.isPending}
              isDisabled={start.isPending}
            >
              {t('configure.start')}
            </Button>
            <Button variant="secondary" onClick={() => setStep('choose')}>
              {t('back')}
            </Button>
          </>
        )}
        {step === 'run' && !progress.closed && (
          <Button
            variant="secondary"
            onClick={() => stop.mutate()}
            isLoading={stop.isPending}
            isDisabled={stop.isPending}
          >
            {t('configure.stop')}
          </Button>
        )}
        <Button variant="link" onClick={props.onClose}>
          {step === 'run' ? t('close') : t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
