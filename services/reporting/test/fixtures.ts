import { type AnyKeywardEvent, buildEvent, deviceEvents, identityEvents } from '@keyward/contracts';

const aaguid = '00000000-0000-0000-0000-0000000000a1';
export const ref = (serial: string, gatewayId = 'gw-1') => ({
  gatewayId,
  deviceId: `hid-${serial}`,
  serial,
  aaguid,
});

/**
 * A realistic burst: per key attached → configured → enrolled, some reset and re-configured,
 * with event times one second apart per key (the order a gateway would emit them).
 */
export function lifecycleBurst({
  keys,
  start = Date.UTC(2026, 10, 22, 5, 0, 0),
}: {
  keys: number;
  start?: number;
}): AnyKeywardEvent[] {
  const events: AnyKeywardEvent[] = [];
  for (let k = 0; k < keys; k++) {
    const serial = `SN-${String(k).padStart(5, '0')}`;
    let t = start + k * 10;
    const at = () => {
      t += 1_000;
      return new Date(t);
    };
    const source = 'keyward/device-gateway/gw-1';
    const actor = 'user:alice';
    events.push(
      buildEvent(deviceEvents.attached, {
        source,
        actor,
        time: at(),
        subject: serial,
        data: {
          ...ref(serial),
          name: 'Sim Key',
          transport: 'usb',
          deviceType: 'usb-key',
          versions: ['FIDO_2_1'],
        },
      }),
      buildEvent(deviceEvents.configured, {
        source,
        actor,
        time: at(),
        subject: serial,
        data: {
          ...ref(serial),
          policyId: 'p-std',
          policyVersion: 1,
          steps: ['setPin', 'setMinPinLength'],
          pinSet: true,
        },
      }),
    );
    if (k % 3 === 0) {
      events.push(
        buildEvent(identityEvents.enrollmentCompleted, {
          source: 'keyward/identity',
          actor,
          time: at(),
          data: {
            enrollmentId: `enr-${k}`,
            idpId: 'entra',
            user: { id: `u-${k}`, email: `u${k}@x.test` },
            serial,
            credentialId: `cred${k}`,
            idpCredentialId: `icred-${k}`,
          },
        }),
      );
    }
    if (k % 5 === 0) {
      events.push(
        buildEvent(deviceEvents.reset, {
          source,
          actor,
          time: at(),
          subject: serial,
          data: ref(serial),
        }),
        buildEvent(deviceEvents.configured, {
          source,
          actor,
          time: at(),
          subject: serial,
          data: {
            ...ref(serial),
            policyId: 'p-strict',
            policyVersion: 3,
            steps: ['setPin'],
            pinSet: true,
          },
        }),
      );
    }
  }
  return events;
}

/** Deterministic shuffle (so a failing order can be replayed). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
