import { Label, LabelGroup } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { DeviceView, InventoryStatus } from '../api/types.ts';

/** One colour per status, shared by the FIDO Keys page and the inventory. */
export const STATUS_COLOR = {
  NOT_CONFIGURED: 'grey',
  READY: 'blue',
  CONFIGURED: 'teal',
  IN_STOCK: 'purple',
  ENROLLED: 'green',
  REVOKED: 'red',
} as const satisfies Record<InventoryStatus, string>;

/** The status and the LOCKED / BUSY / INTERRUPTED flags of one key. */
export function StatusLabels(props: { device: DeviceView }) {
  const { t } = useTranslation('devices');
  const { device } = props;
  const held = (device as { heldBy?: { actor: string; operation: string; since: string } }).heldBy;
  return (
    <LabelGroup numLabels={4} aria-label={t('statusOf', { serial: device.serial })}>
      <Label color={STATUS_COLOR[device.status]} isCompact>
        {device.statusLabel}
      </Label>
      {device.flags.locked && (
        <Label color="red" status="danger" isCompact>
          {t('flags.locked')}
        </Label>
      )}
      {device.flags.busy && (
        <Label color="orange" isCompact>
          {held
            ? t('flags.busyBy', {
                actor: held.actor,
                operation: held.operation,
                since: new Date(held.since).toLocaleTimeString(),
              })
            : t('flags.busy')}
        </Label>
      )}
      {device.flags.interrupted && (
        <Label color="yellow" status="warning" isCompact>
          {t('flags.interrupted')}
        </Label>
      )}
    </LabelGroup>
  );
}
