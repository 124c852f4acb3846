/**
 * Every operation against every simulator profile, over one transport. Imported by
 * operations.memory.test.ts (in-process CTAPHID) and operations.pcsc.test.ts (pcscd + vpcd).
 */
import { randomBytes } from 'node:crypto';
import { createManualClock, type ManualClock, presence } from '@keyward/authenticator-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { CtapStatus, KeepaliveStatus } from '../src/constants.ts';
import { CancelledError, CtapError, DeviceGoneError, UnsupportedError } from '../src/errors.ts';
import { adminUnlock } from '../src/operations/adminUnlock.ts';
import { applyConfig, type ConfigStep } from '../src/operations/applyConfig.ts';
import { changePin } from '../src/operations/changePin.ts';
import { getAssertion } from '../src/operations/getAssertion.ts';
import { type CreationOptionsJSON, makeCredential } from '../src/operations/makeCredential.ts';
import { readDevice } from '../src/operations/readDevice.ts';
import { remoteUnlock } from '../src/operations/remoteUnlock.ts';
import { reset } from '../src/operations/reset.ts';
import { setPin } from '../src/operations/setPin.ts';
import {
  KeywardSimAaguid,
  type KeywardSimProfile,
  remoteUnlockResponse,
} from '../src/vendor/keywardSimProtocol.ts';
import { type KeyTransport, openKey, type PcscEnv, type SimKey } from './support.ts';

const PROFILES: KeywardSimProfile[] = ['generic', 'enterprise', 'ctap20', 'nfc-only'];
const ORIGIN = 'https://login.example.com';
const PIN = '246810';
const WRONG = '999999';
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

function creationOptions(rk = false): CreationOptionsJSON {
  return {
    rp: { id: 'login.example.com', name: 'Example' },
    user: { id: b64u(randomBytes(16)), name: 'ada@example.com', displayName: 'Ada' },
    challenge: b64u(randomBytes(32)),
    pubKeyCredParams: [
      { alg: -7, type: 'public-key' },
      { alg: -8, type: 'public-key' },
    ],
    authenticatorSelection: {
      residentKey: rk ? 'required' : 'discouraged',
      userVerification: 'required',
    },
    attestation: 'direct',
  };
}

async function expectCtapError(p: Promise<unknown>, statusName: string): Promise<CtapError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CtapError);
  expect((error as CtapError).statusName).toBe(statusName);
  return error as CtapError;
}

/** Resolves at the first UPNEEDED keepalive ("touch the key"). */
function upNeeded() {
  let resolve!: () => void;
  const seen = new Promise<void>((r) => {
    resolve = r;
  });
  return { seen, onKeepalive: (s: number) => s === KeepaliveStatus.UPNEEDED && resolve() };
}

export function operationSuite(transport: KeyTransport, env: () => PcscEnv | undefined): void {
  describe.each(PROFILES)(`%s key over ${transport}`, (profile) => {
    let key: SimKey | undefined;
    const ctap21 = profile !== 'ctap20';
    const admin = profile === 'enterprise';
    afterEach(async () => {
      await key?.close();
      key = undefined;
    });
    const open = async (options: Parameters<typeof openKey>[2] = {}) => {
      key = await openKey(transport, env(), { profile, ...options });
      return key;
    };

    it('readDevice reports serial, AAGUID, PIN retries and what the key can do', async () => {
      const k = await open({ serial: `KW-${profile}` });
      const report = await readDevice(k.dev);
      expect(report.serial).toBe(`KW-${profile}`);
      expect(report.serialSource).toBe('vendor');
      expect(report.aaguid).toBe(KeywardSimAaguid[profile]);
      expect(report.pinRetries).toBe(8);
      expect(report.capabilities).toMatchObject({
        ctap21,
        clientPin: true,
        pinSet: false,
        authenticatorConfig: ctap21,
        credentialManagement: ctap21,
        enterpriseAttestation: admin ? false : undefined,
        alwaysUv: ctap21 ? false : undefined,
        adminPin: admin,
        remoteUnlock: admin,
      });
      expect(report.summary.options.clientPin).toBe(false);
      expect(report.info.pinUvAuthProtocols).toEqual(ctap21 ? [2, 1] : [1]);
    });

    it('setPin then changePin: the new PIN works, a wrong one says how many retries are left', async () => {
      const k = await open();
      expect(await setPin(k.dev, { pin: PIN })).toMatchObject({ pinRetries: 8 });
      await changePin(k.dev, { currentPin: PIN, newPin: '13572468' });
      const error = await expectCtapError(
        changePin(k.dev, { currentPin: PIN, newPin: '11112222' }),
        'CTAP2_ERR_PIN_INVALID',
      );
      expect(error.retries).toBe(7);
      expect(error.message).toContain('The PIN is wrong (7 retries left)');
      expect(error.message).not.toContain(PIN);
      expect(await changePin(k.dev, { currentPin: '13572468', newPin: PIN })).toMatchObject({
        pinRetries: 8,
      });
    });

    it('applyConfig applies a plan once, then skips every step on the second run', async () => {
      const k = await open();
      const unlockSecret = randomBytes(32).toString('base64');
      const steps: ConfigStep[] = [
        { op: 'setPin' },
        { op: 'setAdminPin' },
        { op: 'setMinPinLength', minPinLength: 6 },
        { op: 'setAlwaysUv', enabled: false },
        { op: 'enableEnterpriseAttestation' },
        { op: 'forcePinChange' },
      ];
      const secrets = { pin: PIN, adminPin: '86420864', unlockSecret };
      const first = await applyConfig(k.dev, { plan: { steps }, secrets });
      const outcomes = Object.fromEntries(first.steps.map((s) => [s.op, s.outcome]));
      expect(outcomes).toEqual({
        setPin: 'applied',
        setAdminPin: admin ? 'applied' : 'unsupported',
        setMinPinLength: ctap21 ? 'applied' : 'unsupported',
        setAlwaysUv: ctap21 ? 'skipped' : 'unsupported',
        enableEnterpriseAttestation: admin ? 'applied' : 'unsupported',
        forcePinChange: ctap21 ? 'applied' : 'unsupported',
      });
      expect(first.ok).toBe(true);
      expect(first.summary.options.clientPin).toBe(true);
      if (ctap21) expect(first.summary).toMatchObject({ minPinLength: 6, forcePinChange: true });
      const unsupported = first.steps.find((s) => s.outcome === 'unsupported');
      if (unsupported) expect(unsupported.reason).toMatch(/^unsupported by this key: /);

      const second = await applyConfig(k.dev, { plan: { steps }, secrets });
      expect(
        second.steps.every((s) => s.outcome === 'skipped' || s.outcome === 'unsupported'),
      ).toBe(true);
    });

    it('makeCredential returns a WebAuthn attestation object; getAssertion verifies its signature', async () => {
      const k = await open();
      await setPin(k.dev, { pin: PIN });
      const created = await makeCredential(k.dev, {
        publicKey: creationOptions(true),
        origin: ORIGIN,
        pin: PIN,
      });
      expect(created.aaguid).toBe(KeywardSimAaguid[profile]);
      const clientData = JSON.parse(Buffer.from(created.clientDataJSON, 'base64url').toString());
      expect(clientData).toMatchObject({
        type: 'webauthn.create',
        origin: ORIGIN,
        crossOrigin: false,
      });
      // The attestation object is a text-keyed CBOR map: fmt, attStmt, authData.
      const att = Buffer.from(created.attestationObject, 'base64url');
      expect(att[0]).toBe(0xa3);
      expect(att.subarray(1, 5).toString('latin1')).toBe('cfmt');
      expect(created.transports.length).toBeGreaterThan(0);

      const asserted = await getAssertion(k.dev, {
        origin: ORIGIN,
        pin: PIN,
        credentialPublicKey: created.publicKey,
        publicKey: {
          challenge: b64u(randomBytes(32)),
          allowCredentials: [{ id: created.credentialId, type: 'public-key' }],
        },
      });
      expect(asserted).toMatchObject({
        credentialId: created.credentialId,
        signatureValid: true,
        userVerified: true,
      });
    });

    it('reset after re-insertion wipes the PIN; outside the 10-s window it is refused', async () => {
      const clock: ManualClock = createManualClock();
      const k = await open({ clock });
      await setPin(k.dev, { pin: PIN });
      await clock.advance(11_000);
      const late = await expectCtapError(reset(k.dev), 'CTAP2_ERR_NOT_ALLOWED');
      expect(late.message).toContain('10 seconds');
      const done = await reset(k.dev, { waitForReinsert: () => k.replug() });
      expect(done.report.capabilities.pinSet).toBe(false);
      expect(done.report.pinRetries).toBe(8);
    });

    it(
      admin
        ? 'reset with a wrong admin PIN is refused before the re-insert and leaves the key as it was'
        : 'reset with an admin PIN is unsupported by a key without admin mode',
      async () => {
        const k = await open();
        const steps: ConfigStep[] = [{ op: 'setPin' }, { op: 'setAdminPin' }];
        await applyConfig(k.dev, { plan: { steps }, secrets: { pin: PIN, adminPin: '86420864' } });
        let reinserts = 0;
        const waitForReinsert = () => {
          reinserts += 1;
          return k.replug();
        };
        if (!admin) {
          await expect(
            reset(k.dev, { adminPin: '86420864', waitForReinsert }),
          ).rejects.toBeInstanceOf(UnsupportedError);
          expect(reinserts).toBe(0);
          return;
        }
        const wrong = await expectCtapError(
          reset(k.dev, { adminPin: '00000000', waitForReinsert }),
          'CTAP2_ERR_PIN_INVALID',
        );
        expect(wrong.retries).toBe(7);
        expect(wrong.message).toContain('7 retries left');
        expect(wrong.message).not.toContain('00000000');
        expect(reinserts).toBe(0);
        const untouched = await readDevice(k.dev);
        expect(untouched.capabilities.pinSet).toBe(true);
        expect(untouched.adminPin).toEqual({ set: true, retries: 7 });
        const done = await reset(k.dev, { adminPin: '86420864', waitForReinsert });
        expect(reinserts).toBe(1);
        expect(done.report.capabilities.pinSet).toBe(false);
      },
    );

    it('eight wrong PINs block the PIN (power cycles between runs of three); admin unlock recovers it where offered', async () => {
      const k = await open();
      const steps: ConfigStep[] = [{ op: 'setPin' }, { op: 'setAdminPin' }];
      await applyConfig(k.dev, { plan: { steps }, secrets: { pin: PIN, adminPin: '86420864' } });
      const attempt = () => changePin(k.dev, { currentPin: WRONG, newPin: '11223344' });
      for (let round = 0; round < 2; round++) {
        await expectCtapError(attempt(), 'CTAP2_ERR_PIN_INVALID');
        await expectCtapError(attempt(), 'CTAP2_ERR_PIN_INVALID');
        await expectCtapError(attempt(), 'CTAP2_ERR_PIN_AUTH_BLOCKED');
        await k.replug();
      }
      await expectCtapError(attempt(), 'CTAP2_ERR_PIN_INVALID');
      const blocked = await expectCtapError(attempt(), 'CTAP2_ERR_PIN_BLOCKED');
      expect(blocked.message).toMatch(
        /^The PIN is blocked; the key must be reset or unlocked with the admin PIN/,
      );
      await expectCtapError(
        changePin(k.dev, { currentPin: PIN, newPin: '11223344' }),
        'CTAP2_ERR_PIN_BLOCKED',
      );
      expect((await readDevice(k.dev)).pinRetries).toBe(0);
      const unlock = adminUnlock(k.dev, { adminPin: '86420864', newPin: '11223344' });
      if (!admin) {
        await expect(unlock).rejects.toBeInstanceOf(UnsupportedError);
        return;
      }
      expect(await unlock).toMatchObject({ pinRetries: 8 });
      await changePin(k.dev, { currentPin: '11223344', newPin: PIN });
    });

    it(
      admin
        ? 'admin unlock and remote unlock set a new user PIN'
        : 'admin and remote unlock are unsupported by this key',
      async () => {
        const k = await open();
        const secret = randomBytes(32);
        const steps: ConfigStep[] = [{ op: 'setPin' }, { op: 'setAdminPin' }];
        await applyConfig(k.dev, {
          plan: { steps },
          secrets: { pin: PIN, adminPin: '86420864', unlockSecret: secret },
        });
        if (!admin) {
          const error = await adminUnlock(k.dev, {
            adminPin: '86420864',
            newPin: '11223344',
          }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(UnsupportedError);
          expect((error as Error).message).toMatch(/^unsupported by this key: /);
          await expect(
            remoteUnlock(k.dev, { newPin: '1', respond: async () => '' }),
          ).rejects.toBeInstanceOf(UnsupportedError);
          return;
        }
        await expectCtapError(
          adminUnlock(k.dev, { adminPin: '00000000', newPin: '11223344' }),
          'CTAP2_ERR_PIN_INVALID',
        );
        expect(
          await adminUnlock(k.dev, { adminPin: '86420864', newPin: '11223344' }),
        ).toMatchObject({ pinRetries: 8 });
        await changePin(k.dev, { currentPin: '11223344', newPin: PIN });
        const unlocked = await remoteUnlock(k.dev, {
          newPin: '55667788',
          respond: async (challenge) =>
            remoteUnlockResponse(secret, Buffer.from(challenge, 'base64url')),
        });
        expect(unlocked.pinRetries).toBe(8);
        await changePin(k.dev, { currentPin: '55667788', newPin: PIN });
        await expectCtapError(
          remoteUnlock(k.dev, {
            newPin: '55667788',
            respond: async () => b64u(new Uint8Array(16)),
          }),
          'CTAP2_ERR_PIN_AUTH_INVALID',
        );
      },
    );

    it('a touch that never comes ends with USER_ACTION_TIMEOUT', async () => {
      const clock = createManualClock();
      const k = await open({ clock, presence: presence.manual(30_000) });
      const touch = upNeeded();
      const pending = makeCredential(k.dev, {
        publicKey: creationOptions(),
        origin: ORIGIN,
        onKeepalive: touch.onKeepalive,
      });
      const outcome = expectCtapError(pending, 'CTAP2_ERR_USER_ACTION_TIMEOUT');
      await touch.seen;
      await clock.advance(30_001);
      await outcome;
    });

    it('aborting while the key waits for a touch cancels the request', async () => {
      const k = await open({ presence: presence.manual() });
      const touch = upNeeded();
      const controller = new AbortController();
      const pending = makeCredential(k.dev, {
        publicKey: creationOptions(),
        origin: ORIGIN,
        signal: controller.signal,
        onKeepalive: touch.onKeepalive,
      });
      await touch.seen;
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
      // The key is usable again right after.
      k.auth.setPresence(presence.auto());
      expect((await readDevice(k.dev)).pinRetries).toBe(8);
    });

    it('pulling the key out mid-command gives DeviceGoneError, not a hang', async () => {
      const k = await open({ presence: presence.manual() });
      const touch = upNeeded();
      const pending = makeCredential(k.dev, {
        publicKey: creationOptions(),
        origin: ORIGIN,
        onKeepalive: touch.onKeepalive,
      });
      await touch.seen;
      k.unplug();
      const gone = await pending.catch((e: unknown) => e);
      expect(gone, String(gone)).toBeInstanceOf(DeviceGoneError);
      await expect(readDevice(k.dev)).rejects.toBeInstanceOf(DeviceGoneError);
    });

    it('an option the key does not support is refused with a typed error', async () => {
      const k = await open();
      const { Ctap2 } = await import('../src/ctap2/ctap2.ts');
      const ctap2 = await Ctap2.open(k.dev);
      // getAssertion with the rk option: CTAP 2.1 §6.2.2 step 5 says UNSUPPORTED_OPTION.
      const params = new Map<number, unknown>([
        [1, 'login.example.com'],
        [2, new Uint8Array(32)],
        [5, new Map([['rk', true]])],
      ]);
      await expectCtapError(
        ctap2.sendCbor(0x02, params as Map<number, never>),
        ctap2.info.options.rk ? 'CTAP2_ERR_UNSUPPORTED_OPTION' : 'CTAP2_ERR_UNSUPPORTED_OPTION',
      );
      expect(CtapStatus.CTAP2_ERR_UNSUPPORTED_OPTION).toBe(0x2b);
    });
  });
}
