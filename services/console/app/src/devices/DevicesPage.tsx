import {
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import SyncIcon from '@patternfly/react-icons/dist/esm/icons/sync-icon';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../access/useWhoami.ts';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import type { DeviceView } from '../api/types.ts';
import { DeviceList } from './DeviceList.tsx';
import { DeviceDialogs, type OpenDialog } from './dialogs/DeviceDialogs.tsx';
import { GatewayBanner } from './GatewayBanner.tsx';
import { devicesKey, useDevices, useLiveDevices } from './useGateway.ts';

/** FIDO Keys: the keys connected to this workstation, with what can be done to each. */
export function DevicesPage() {
  const { t } = useTranslation('devices');
  const api = useApi();
  const queryClient = useQueryClient();
  const devices = useDevices();
  const { live } = useLiveDevices(devices.isSuccess);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog>();
  const canConfigure = useHasPermission('device:configure');
  const refresh = useMutation({
    mutationFn: async () => unwrap(await api.gateway.POST('/devices/refresh')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devicesKey }),
  });

  const list = devices.data?.devices ?? [];
  const present = new Set(list.map((d) => d.id));
  const selectedDevices = list.filter((d) => selected.has(d.id));
  const ready = list.filter((d) => d.status === 'READY');
  const close = () => {
    setDialog(undefined);
    void queryClient.invalidateQueries({ queryKey: devicesKey });
  };
  const onSelect = (id: string, on: boolean) => {
    const next = new Set([...selected].filter((s) => present.has(s)));
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Title headingLevel="h1">{t('title')}</Title>
            <Content component="p">{t('intro')}</Content>
          </StackItem>
          <StackItem>
            <GatewayBanner live={live} />
          </StackItem>
        </Stack>
      </PageSection>
      <PageSection aria-label={t('listLabel')}>
        <Toolbar>
          <ToolbarContent>
            {canConfigure && (
              <ToolbarItem>
                <Button
                  variant="primary"
                  isDisabled={!devices.isSuccess}
                  onClick={() => setDialog({ kind: 'configure', devices: selectedDevices })}
                >
                  {selectedDevices.length > 0
                    ? t('configureSelected', { count: selectedDevices.length })
                    : t('configureAll')}
                </Button>
              </ToolbarItem>
            )}
            {canConfigure && ready.length > 0 && (
              <ToolbarItem>
                <Button
                  variant="secondary"
                  onClick={() => setDialog({ kind: 'apply-policy', devices: ready })}
                >
                  {t('applyAllReady', { count: ready.length })}
                </Button>
              </ToolbarItem>
            )}
            <ToolbarItem>
              <Button
                variant="secondary"
                icon={<SyncIcon />}
                onClick={() => refresh.mutate()}
                isLoading={refresh.isPending}
                isDisabled={!devices.isSuccess || refresh.isPending}
              >
                {t('refresh')}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {devices.isSuccess && list.length === 0 && (
          <EmptyState titleText={t('empty.title')} headingLevel="h2">
            <EmptyStateBody>{t('empty.body')}</EmptyStateBody>
          </EmptyState>
        )}
        {list.length > 0 && (
          <DeviceList
            devices={list}
            selected={selected}
            onSelect={onSelect}
            onAction={(action, device: DeviceView) =>
              setDialog({ kind: action, devices: [device] })
            }
          />
        )}
      </PageSection>
      {dialog && <DeviceDialogs dialog={dialog} onClose={close} />}
    </>
  );
}
