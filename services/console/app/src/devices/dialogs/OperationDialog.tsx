import {
  Alert,
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import { isFinished, useSession } from '../useSession.ts';

/**
 * A confirm-then-run dialog for single-key operations that start a gateway session (test,
 * stock): the question, then live state (including "touch your key"), then the outcome.
 */
export function OperationDialog(props: {
  device: DeviceView;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  successTitle: string;
  /** Starts the operation; resolves with its session id, or nothing when it finished at once. */
  run(): Promise<{ sessionId?: string } | undefined>;
  onClose(): void;
}) {
  const { t } = useTranslation('devices');
  const { device } = props;
  const start = useMutation({ mutationFn: props.run });
  const progress = useSession(start.data?.sessionId);
  const run = progress.keys[device.serial];
  const done = start.isSuccess && (start.data?.sessionId === undefined || isFinished(run));
  const succeeded = done && (start.data?.sessionId === undefined || run?.state === 'succeeded');
  return (
    <Modal isOpen onClose={props.onClose} variant="small" aria-labelledby="operation-title">
      <ModalHeader
        title={props.title}
        labelId="operation-title"
        description={t('deviceLine', { name: device.name, serial: device.serial })}
      />
      <ModalBody>
        <Stack hasGutter>
          {!start.isSuccess && <StackItem>{props.question}</StackItem>}
          {start.isError && (
            <StackItem>
              <Alert isInline variant="danger" title={errorMessage(start.error)} />
            </StackItem>
          )}
          {start.isSuccess && !done && run?.state === 'waiting-for-touch' && (
            <StackItem>
              <Alert isInline variant="info" title={t('assign.touch')} role="alert">
                {t('assign.touchBody', { serial: device.serial })}
              </Alert>
            </StackItem>
          )}
          {start.isSuccess && !done && run?.state !== 'waiting-for-touch' && (
            <StackItem>
              <Spinner size="lg" aria-label={t('assign.working')} />
            </StackItem>
          )}
          {succeeded && (
            <StackItem>
              <Alert isInline variant="success" title={props.successTitle} />
            </StackItem>
          )}
          {done && !succeeded && (
            <StackItem>
              <Alert isInline variant="danger" title={t('operation.failed')}>
                {(run?.error as { message?: string } | undefined)?.message}
              </Alert>
            </StackItem>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {!start.isSuccess && (
          <Button
            variant="primary"
            onClick={() => start.mutate()}
            isLoading={start.isPending}
            isDisabled={start.isPending}
          >
            {props.confirmLabel}
          </Button>
        )}
        {done && !succeeded && (
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
