import {
  Alert,
  Button,
  Content,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../api/errors.ts';
import type { DeviceView } from '../api/types.ts';
import { offeredActions } from '../devices/deviceActions.ts';
import { AssignDialog } from '../devices/dialogs/AssignDialog.tsx';
import { GatewayBanner } from '../devices/GatewayBanner.tsx';
import { toDevices } from '../devices/routes.ts';
import { StatusLabels } from '../devices/statusLabel.tsx';
import { devicesKey, useDevices, useLiveDevices } from '../devices/useGateway.ts';

type Offer = { label: 'configureAssign' | 'assign' | 'assignAgain'; configure: boolean };

/** What assignment by URL offers per status (TALM "User-Based FIDO Assignment via URL"). */
function offerFor(device: DeviceView): Offer | undefined {
  const actions = offeredActions(device);
  if (actions.includes('configure-and-assign'))
    return { label: 'configureAssign', configure: true };
  if (!actions.includes('assign')) return undefined;
  return { label: device.status === 'REVOKED' ? 'assignAgain' : 'assign', configure: false };
}

/**
 * `/assign-user/<username>`, opened by another application: the user on the tenant's default
 * IdP, the keys on this workstation, and for each the step its status allows.
 */
export function AssignUserPage() {
  const { t } = useTranslation('assign');
  const { username = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const devices = useDevices();
  const { live } = useLiveDevices(devices.isSuccess);
  const [active, setActive] = useState<{ device: DeviceView; configure: boolean }>();
  const user = useQuery({
    queryKey: ['identity', 'directory', 'user', username],
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.identity.GET('/directory/users/{username}', {
          params: { path: { username } },
          signal,
        }),
      ),
  });
  const list = devices.data?.devices ?? [];
  return (
    <>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Title headingLevel="h1">{t('title', { username })}</Title>
          </StackItem>
          <StackItem>
            <GatewayBanner live={live} />
          </StackItem>
          <StackItem>
            {user.isPending && <Spinner size="md" aria-label={t('resolving')} />}
            {user.isError && (
              <Alert variant="danger" isInline title={t('userError', { username })}>
                {errorMessage(user.error)}
              </Alert>
            )}
            {user.isSuccess && (
              <Content component="p">
                {t('user', {
                  name: user.data.user.displayName ?? user.data.user.email ?? user.data.user.id,
                  idp: user.data.idp.name,
                })}
              </Content>
            )}
          </StackItem>
        </Stack>
      </PageSection>
      <PageSection aria-label={t('keys')}>
        {devices.isSuccess && list.length === 0 && (
          <EmptyState titleText={t('noKeys')} headingLevel="h2">
            <EmptyStateBody>{t('noKeysBody')}</EmptyStateBody>
          </EmptyState>
        )}
        {list.length > 0 && (
          <DataList aria-label={t('keys')}>
            {list.map((device) => {
              const offer = offerFor(device);
              return (
                <DataListItem key={device.id} aria-labelledby={`assign-${device.id}`}>
                  <DataListItemRow>
                    <DataListItemCells
                      dataListCells={[
                        <DataListCell key="name">
                          <strong id={`assign-${device.id}`}>{device.name}</strong>
                          <div>{device.serial}</div>
                        </DataListCell>,
                        <DataListCell key="status">
                          <StatusLabels device={device} />
                        </DataListCell>,
                      ]}
                    />
                    <DataListAction
                      id={`assign-${device.id}-action`}
                      aria-labelledby={`assign-${device.id} assign-${device.id}-action`}
                      aria-label={t('actionFor', { serial: device.serial })}
                    >
                      {offer ? (
                        <Button
                          variant="primary"
                          isDisabled={!user.isSuccess}
                          onClick={() => setActive({ device, configure: offer.configure })}
                        >
                          {t(offer.label)}
                        </Button>
                      ) : (
                        <span>{t('nothing')}</span>
                      )}
                    </DataListAction>
                  </DataListItemRow>
                </DataListItem>
              );
            })}
          </DataList>
        )}
      </PageSection>
      {active && user.isSuccess && (
        <AssignDialog
          device={active.device}
          configure={active.configure}
          user={user.data.user}
          idpId={user.data.idp.id}
          doneLabel={t('back')}
          onClose={() => {
            setActive(undefined);
            void queryClient.invalidateQueries({ queryKey: devicesKey });
          }}
          onDone={() => void navigate(toDevices())}
        />
      )}
    </>
  );
}
