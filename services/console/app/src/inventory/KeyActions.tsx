import { Button, Flex, FlexItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../access/useWhoami.ts';
import { offeredActions } from '../devices/deviceActions.ts';
import { PinDialog } from '../devices/dialogs/PinDialog.tsx';
import { useDevices } from '../devices/useGateway.ts';
import { RemoteUnlockDialog } from './RemoteUnlockDialog.tsx';

/**
 * The key page's help-desk actions. Initial PIN is the FIDO Keys page's own dialog, offered when
 * the workstation's gateway has the key and offers `pin` to this caller (the gateway's permission
 * table decides, as on that page). Remote unlock needs device:unlock (the policy service checks
 * again and audits).
 */
export function KeyActions(props: { serial: string }) {
  const { t } = useTranslation('inventory');
  const canUnlock = useHasPermission('device:unlock') === true;
  const devices = useDevices();
  const device = devices.data?.devices.find((d) => d.serial === props.serial);
  const canPin = device ? offeredActions(device).includes('pin') : false;
  const [open, setOpen] = useState<'pin' | 'unlock'>();
  return (
    <>
      <Flex spaceItems={{ default: 'spaceItemsSm' }}>
        {canPin && (
          <FlexItem>
            <Button variant="secondary" onClick={() => setOpen('pin')}>
              {t('pin.action')}
            </Button>
          </FlexItem>
        )}
        {canUnlock && (
          <FlexItem>
            <Button variant="secondary" onClick={() => setOpen('unlock')}>
              {t('remoteUnlock.action')}
            </Button>
          </FlexItem>
        )}
      </Flex>
      {open === 'pin' && device && <PinDialog device={device} onClose={() => setOpen(undefined)} />}
      {open === 'unlock' && (
        <RemoteUnlockDialog serial={props.serial} onClose={() => setOpen(undefined)} />
      )}
    </>
  );
}
