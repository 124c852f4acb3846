import { randomBytes } from 'node:crypto';
import type { ConfigStep } from '@keyward/contracts';
import {
  adminUnlock,
  applyConfig,
  type DeviceReport,
  getAssertion,
  KeepaliveStatus,
  makeCredential,
  readDevice,
  remoteUnlock,
  reset,
} from '@keyward/ctap';
import type { DeviceFacts } from '../domain/deviceFacts.ts';
import type { AttachedKey, DeviceOperations, OperationProgress } from './deviceOperations.ts';

/** Origin used for the throwaway credential of a functional test on an unenrolled key. */
const TEST_ORIGIN = 'https://keyward.test';

/**
 * DeviceOperations over @keyward/ctap's operations. applyConfig is called one step at a time so
 * every step can be journaled as it completes (each step is idempotent, so a re-run after an
 * interruption starts from what the key reports).
 */
export function ctapDeviceOperations(): DeviceOperations {
  return {
    async readDevice(key, options = {}) {
      const report = await readDevice(key.device, {
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return factsOf(key, report);
    },

    async applyConfig(key, options) {
      const { steps, secrets, signal, onStep } = options;
      const pin = secrets.userPin;
      for (const step of steps) {
        onStep?.(step.op, 'start');
        const result = await applyConfig(key.device, {
          plan: { steps: [step as ConfigStep] },
          secrets: {
            ...(pin ? { pin } : {}),
            ...(secrets.adminPin ? { adminPin: secrets.adminPin } : {}),
            ...(secrets.unlockSecret ? { unlockSecret: secrets.unlockSecret } : {}),
          },
          ...(pin && step.op !== 'setPin' ? { currentPin: pin } : {}),
          ...(signal ? { signal } : {}),
        });
        const outcome = result.steps[0];
        if (!result.ok || outcome?.outcome === 'failed') {
          throw Object.assign(new Error(outcome?.error?.message ?? `step ${step.op} failed`), {
            code: 'CTAP_ERROR',
            details: {
              step: step.op,
              ...(outcome?.error?.statusName ? { status: outcome.error.statusName } : {}),
            },
          });
        }
        onStep?.(step.op, 'done');
      }
    },

    async makeCredential(key, options) {
      const made = await makeCredential(key.device, {
        publicKey: options.publicKey as never,
        origin: options.origin,
        ...(options.pin ? { pin: options.pin } : {}),
        ...progress(options),
      });
      return {
        credentialId: made.credentialId,
        attestationObject: made.attestationObject,
        clientDataJSON: made.clientDataJSON,
        transports: made.transports,
      };
    },

    async getAssertion(key, options) {
      const { rpId, pin } = options;
      let credentialId = options.credentialId;
      let publicKey: string | undefined;
      if (!credentialId) {
        const made = await makeCredential(key.device, {
          publicKey: {
            rp: { id: rpId, name: 'Keyward functional test' },
            user: {
              id: randomBytes(16).toString('base64url'),
              name: 'keyward-test',
              displayName: 'Keyward test',
            },
            challenge: randomBytes(32).toString('base64url'),
            pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
            authenticatorSelection: {
              residentKey: 'discouraged',
              userVerification: pin ? 'required' : 'discouraged',
            },
          },
          origin: `https://${rpId}`,
          ...(pin ? { pin } : {}),
          ...progress(options),
        });
        credentialId = made.credentialId;
        publicKey = made.publicKey;
      }
      const r = await getAssertion(key.device, {
        publicKey: {
          challenge: randomBytes(32).toString('base64url'),
          rpId,
          allowCredentials: [{ id: credentialId, type: 'public-key' }],
        },
        origin: rpId === 'keyward.test' ? TEST_ORIGIN : `https://${rpId}`,
        ...(pin ? { pin } : {}),
        ...(publicKey ? { credentialPublicKey: publicKey } : {}),
        ...progress(options),
      });
      return {
        credentialId: r.credentialId,
        verified: r.signatureValid ?? r.userPresent,
        userVerified: r.userVerified,
      };
    },

    async reset(key, options) {
      const { adminPin, waitForReinsert } = options;
      let target = key;
      await reset(key.device, {
        ...(adminPin ? { adminPin } : {}),
        ...(waitForReinsert
          ? {
              waitForReinsert: async () => {
                target = await waitForReinsert();
                return target.device;
              },
            }
          : {}),
        ...progress(options),
      });
      return target;
    },

    async adminUnlock(key, options) {
      await adminUnlock(key.device, {
        adminPin: options.adminPin,
        newPin: options.newPin,
        ...progress(options),
      });
    },

    async remoteUnlock(key, options) {
      await remoteUnlock(key.device, {
        newPin: options.newPin,
        respond: options.respond,
        ...progress(options),
      });
    },
  };
}

function progress(options: OperationProgress): {
  signal?: AbortSignal;
  onKeepalive?: (s: number) => void;
} {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    onKeepalive: (status) => {
      if (status === KeepaliveStatus.UPNEEDED) options.onTouchNeeded?.();
    },
  };
}

function factsOf(key: AttachedKey, report: DeviceReport): DeviceFacts {
  const { summary, capabilities } = report;
  const transport = key.transport;
  const serial = report.serial ?? `${report.aaguid}:${key.id}`;
  return {
    serial,
    aaguid: report.aaguid,
    name:
      report.descriptor.product ??
      (report.vendorProfile ? `${report.vendorProfile} key` : 'FIDO2 key'),
    transport,
    deviceType: transport === 'pcsc' ? 'smart-card' : transport === 'nfc' ? 'nfc-card' : 'usb-key',
    info: {
      versions: summary.versions,
      extensions: summary.extensions,
      options: summary.options,
      pinUvAuthProtocols: summary.pinUvAuthProtocols,
      ...(summary.minPinLength >= 4 ? { minPinLength: summary.minPinLength } : {}),
      forcePinChange: summary.forcePinChange,
      ...(summary.pinRetries !== undefined ? { pinRetries: summary.pinRetries } : {}),
      algorithms: summary.algorithms,
      transports: summary.transports,
      ...(summary.firmwareVersion !== undefined
        ? { firmwareVersion: summary.firmwareVersion }
        : {}),
      ...(summary.maxRpIdsForSetMinPinLength !== undefined
        ? { maxRpIdsForSetMinPinLength: summary.maxRpIdsForSetMinPinLength }
        : {}),
    },
    pinSet: capabilities.pinSet,
    ...(report.adminPin
      ? { adminPin: { set: report.adminPin.set, retries: report.adminPin.retries } }
      : {}),
    simulated: key.simulated,
  };
}
