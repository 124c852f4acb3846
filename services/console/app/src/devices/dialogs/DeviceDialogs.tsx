import { Content } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { unwrap } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import type { DeviceAction } from '../deviceActions.ts';
import { useDevices } from '../useGateway.ts';
import { ApplyPolicyDialog } from './ApplyPolicyDialog.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { ConfigureDialog } from './ConfigureDialog.tsx';
import { OperationDialog } from './OperationDialog.tsx';
import { PinDialog } from './PinDialog.tsx';
import { ResetDialog } from './ResetDialog.tsx';
import { UnlockDialog } from './UnlockDialog.tsx';

export interface OpenDialog {
  kind: DeviceAction;
  devices: DeviceView[];
}

/** The dialog of one action on the FIDO Keys page. */
export function DeviceDialogs(props: { dialog: OpenDialog; onClose(): void }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const all = useDevices().data?.devices ?? [];
  const { kind, devices } = props.dialog;
  const device = devices[0];
  const close = props.onClose;
  if (kind === 'configure')
    return <ConfigureDialog devices={devices} allConnected={all} onClose={close} />;
  if (kind === 'apply-policy') {
    return <ApplyPolicyDialog devices={devices} all={devices.length > 1} onClose={close} />;
  }
  if (!device) return null;
  switch (kind) {
    case 'assign':
      return <AssignDialog device={device} onClose={close} />;
    case 'configure-and-assign':
      return <AssignDialog device={device} configure onClose={close} />;
    case 'pin':
      return <PinDialog device={device} onClose={close} />;
    case 'reset':
      return <ResetDialog device={device} onClose={close} />;
    case 'unlock':
      return <UnlockDialog device={device} onClose={close} />;
    case 'test':
      return (
        <OperationDialog
          device={device}
          title={t('test.title')}
          question={<Content component="p">{t('test.question')}</Content>}
          confirmLabel={t('test.confirm')}
          successTitle={t('test.passed')}
          onClose={close}
          run={async () =>
            unwrap(
              await api.gateway.POST('/devices/{id}/test', {
                params: { path: { id: device.id } },
                body: {},
              }),
            )
          }
        />
      );
    case 'stock':
      return (
        <OperationDialog
          device={device}
          title={t('stock.title')}
          question={
            <Content component="p">{t('stock.question', { serial: device.serial })}</Content>
          }
          confirmLabel={t('stock.confirm')}
          successTitle={t('stock.done', { serial: device.serial })}
          onClose={close}
          run={async () => {
            unwrap(
              await api.gateway.POST('/devices/{id}/stock', {
                params: { path: { id: device.id } },
                body: {},
              }),
            );
            return undefined;
          }}
        />
      );
  }
}
