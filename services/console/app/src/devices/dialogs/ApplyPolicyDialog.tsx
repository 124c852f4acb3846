import {
  Alert,
  Button,
  Content,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import { detailsOf } from '../deviceActions.ts';
import { useSession } from '../useSession.ts';
import { ReportDownload } from './ReportDownload.tsx';
import { SessionProgressList } from './SessionProgressList.tsx';

/** Apply each READY key's linked policy: one key, or every READY key after a review list. */
export function ApplyPolicyDialog(props: { devices: DeviceView[]; all: boolean; onClose(): void }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const start = useMutation({
    mutationFn: async (): Promise<{ sessionId: string }> => {
      if (props.all) {
        const session = unwrap(await api.gateway.POST('/devices/apply-policy', { body: {} }));
        return { sessionId: session.id };
      }
      const one = unwrap(
        await api.gateway.POST('/devices/{id}/apply-policy', {
          params: { path: { id: props.devices[0]!.id } },
          body: {},
        }),
      );
      return { sessionId: one.sessionId };
    },
  });
  const progress = useSession(start.data?.sessionId);
  return (
    <Modal isOpen onClose={props.onClose} variant="medium" aria-labelledby="apply-title">
      <ModalHeader title={t('apply.title')} labelId="apply-title" />
      <ModalBody>
        <Stack hasGutter>
          {!start.isSuccess && (
            <>
              <StackItem>
                <Content component="p">
                  {t('apply.review', { count: props.devices.length })}
                </Content>
              </StackItem>
              <StackItem>
                <List aria-label={t('apply.keys')}>
                  {props.devices.map((d) => (
                    <ListItem key={d.id}>
                      {t('apply.line', {
                        serial: d.serial,
                        policy: detailsOf(d).policy?.name ?? detailsOf(d).policy?.id ?? '?',
                      })}
                    </ListItem>
                  ))}
                </List>
              </StackItem>
            </>
          )}
          {start.isError && (
            <StackItem>
              <Alert isInline variant="danger" title={errorMessage(start.error)} />
            </StackItem>
          )}
          {start.isSuccess && (
            <>
              {progress.closed && (
                <StackItem>
                  <Alert isInline variant="success" title={t('configure.completed')} />
                </StackItem>
              )}
              <StackItem>
                <SessionProgressList runs={Object.values(progress.keys)} />
              </StackItem>
              {progress.closed && start.data && (
                <StackItem>
                  <ReportDownload sessionId={start.data.sessionId} />
                </StackItem>
              )}
            </>
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
            {t('apply.confirm')}
          </Button>
        )}
        <Button variant={progress.closed ? 'primary' : 'link'} onClick={props.onClose}>
          {start.isSuccess ? t('close') : t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
