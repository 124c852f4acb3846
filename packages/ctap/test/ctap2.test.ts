import { createHash, randomBytes } from 'node:crypto';
import { createAuthenticator, createCtapHidEndpoint, presence } from '@keyward/authenticator-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { CtapHidCmd, PinUvPermission } from '../src/constants.ts';
import { ClientPin } from '../src/ctap2/clientPin.ts';
import { Config } from '../src/ctap2/config.ts';
import { CredentialManagement } from '../src/ctap2/credentialManagement.ts';
import { Ctap2 } from '../src/ctap2/ctap2.ts';
import { getAssertion, getNextAssertion } from '../src/ctap2/getAssertion.ts';
import { makeCredential } from '../src/ctap2/makeCredential.ts';
import { CtapError, CtapTimeoutError, DeviceBusyError, UnsupportedError } from '../src/errors.ts';
import { MemoryHidTransport } from '../src/memory.ts';
import { PinProtocolV1, PinProtocolV2 } from '../src/pin/protocol.ts';
import { memoryKey, type SimKey } from './support.ts';

const PIN = '314159';
const sha256 = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());

let key: SimKey | undefined;
afterEach(async () => {
  await key?.close();
  key = undefined;
});

async function registerDiscoverable(
  ctap2: Ctap2,
  clientPin: ClientPin,
  rpId: string,
  name: string,
) {
  const token = await clientPin.getPinToken(PIN, {
    permissions: PinUvPermission.MAKE_CREDENTIAL,
    rpId,
  });
  return makeCredential(ctap2, {
    clientDataHash: randomBytes(32),
    rp: { id: rpId, name: rpId },
    user: { id: randomBytes(16), name, displayName: name },
    pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
    options: { rk: true },
    token,
  });
}

describe.each([PinProtocolV1, PinProtocolV2])('PIN/UV auth protocol $version', (protocol) => {
  it('manages discoverable credentials: metadata, enumerate, update, delete', async () => {
    key = await memoryKey({ profile: 'generic' });
    const ctap2 = await Ctap2.open(key.dev);
    const clientPin = new ClientPin(ctap2, protocol);
    expect(clientPin.protocol.version).toBe(protocol.version);
    await clientPin.setPin(PIN);
    await ctap2.refreshInfo();
    const a = await registerDiscoverable(ctap2, clientPin, 'a.example', 'ada');
    await registerDiscoverable(ctap2, clientPin, 'a.example', 'bob');
    await registerDiscoverable(ctap2, clientPin, 'b.example', 'cy');

    const token = await clientPin.getPinToken(PIN, {
      permissions: PinUvPermission.CREDENTIAL_MANAGEMENT,
    });
    const cm = new CredentialManagement(ctap2, token);
    expect((await cm.getMetadata()).existing).toBe(3);
    const rps = await cm.enumerateRps();
    expect(rps.map((r) => r.rp.get('id')).sort()).toEqual(['a.example', 'b.example']);
    const creds = await cm.enumerateCredentials(sha256('a.example'));
    expect(creds.map((c) => c.user.get('name')).sort()).toEqual(['ada', 'bob']);
    const id = a.authData.attestedCredentialData!.credentialId;
    await cm.updateUserInformation(
      id,
      new Map<string, string | Uint8Array>([
        ['id', creds.find((c) => c.user.get('name') === 'ada')!.user.get('id') as Uint8Array],
        ['name', 'ada2'],
      ]),
    );
    await cm.deleteCredential(id);
    expect(
      (await cm.enumerateCredentials(sha256('a.example'))).map((c) => c.user.get('name')),
    ).toEqual(['bob']);
    expect(await cm.enumerateCredentials(sha256('nobody.example'))).toEqual([]);
  });

  it('walks several discoverable credentials with getNextAssertion', async () => {
    key = await memoryKey({ profile: 'generic' });
    const ctap2 = await Ctap2.open(key.dev);
    const clientPin = new ClientPin(ctap2, protocol);
    await clientPin.setPin(PIN);
    await ctap2.refreshInfo();
    await registerDiscoverable(ctap2, clientPin, 'a.example', 'ada');
    await registerDiscoverable(ctap2, clientPin, 'a.example', 'bob');
    const token = await clientPin.getPinToken(PIN, {
      permissions: PinUvPermission.GET_ASSERTION,
      rpId: 'a.example',
    });
    const first = await getAssertion(ctap2, {
      rpId: 'a.example',
      clientDataHash: randomBytes(32),
      token,
    });
    expect(first.numberOfCredentials).toBe(2);
    const second = await getNextAssertion(ctap2);
    expect(second.credentialId).not.toEqual(first.credentialId);
    await expect(getNextAssertion(ctap2)).rejects.toMatchObject({
      statusName: 'CTAP2_ERR_NOT_ALLOWED',
    });
  });

  it('sets the minimum PIN length through authenticatorConfig with an acfg token', async () => {
    key = await memoryKey({ profile: 'generic' });
    const ctap2 = await Ctap2.open(key.dev);
    const clientPin = new ClientPin(ctap2, protocol);
    await clientPin.setPin(PIN);
    await ctap2.refreshInfo();
    const unauthorised = new Config(ctap2);
    await expect(unauthorised.setMinPinLength({ minPinLength: 6 })).rejects.toMatchObject({
      statusName: 'CTAP2_ERR_PUAT_REQUIRED',
    });
    const token = await clientPin.getPinToken(PIN, {
      permissions: PinUvPermission.AUTHENTICATOR_CONFIG,
    });
    await new Config(ctap2, token).setMinPinLength({ minPinLength: 6 });
    expect((await ctap2.refreshInfo()).minPinLength).toBe(6);
    await new Config(ctap2, token).toggleAlwaysUv();
    expect((await ctap2.refreshInfo()).options.alwaysUv).toBe(true);
  });
});

describe('CTAP 2.0 keys', () => {
  it('use the legacy getPinToken (0x05) and refuse 2.1-only features with UnsupportedError', async () => {
    key = await memoryKey({ profile: 'ctap20' });
    const ctap2 = await Ctap2.open(key.dev);
    expect(ClientPin.isTokenSupported(ctap2.info)).toBe(false);
    const clientPin = new ClientPin(ctap2);
    expect(clientPin.protocol.version).toBe(1);
    expect(() => new ClientPin(ctap2, PinProtocolV2)).toThrow(UnsupportedError);
    await clientPin.setPin(PIN);
    const token = await clientPin.getPinToken(PIN, {
      permissions: PinUvPermission.CREDENTIAL_MANAGEMENT,
    });
    expect(token.permissions).toBe(PinUvPermission.MAKE_CREDENTIAL | PinUvPermission.GET_ASSERTION);
    expect(() => new Config(ctap2, token)).toThrow('unsupported by this key: authenticatorConfig');
    expect(() => new CredentialManagement(ctap2, token)).toThrow(UnsupportedError);
    await expect(ctap2.selection()).rejects.toBeInstanceOf(UnsupportedError);
  });
});

describe('CTAPHID channel against the simulator', () => {
  it('echoes a maximum-size PING across 129 packets and winks', async () => {
    key = await memoryKey();
    const payload = new Uint8Array(randomBytes(7609));
    expect(await key.dev.call(CtapHidCmd.PING, payload)).toEqual(payload);
    await key.dev.wink?.();
  });

  it('answers selection after a touch', async () => {
    key = await memoryKey({ presence: presence.delay(10) });
    const ctap2 = await Ctap2.open(key.dev);
    const seen: number[] = [];
    await ctap2.selection({ onKeepalive: (s) => seen.push(s) });
    expect(seen).toContain(2);
  });

  it('a second application gets DeviceBusyError while the key waits for a touch', async () => {
    const auth = createAuthenticator({ presence: presence.manual() });
    await auth.ready();
    const endpoint = createCtapHidEndpoint(auth);
    const one = await MemoryHidTransport.open(endpoint, { name: 'one' });
    const two = await MemoryHidTransport.open(endpoint, { name: 'two' });
    const ctap2 = await Ctap2.open(one);
    let upNeeded!: () => void;
    const touchRequested = new Promise<void>((r) => {
      upNeeded = r;
    });
    const waiting = ctap2
      .selection({ onKeepalive: (s) => s === 2 && upNeeded() })
      .catch((e: unknown) => e);
    await touchRequested;
    await expect(two.call(CtapHidCmd.PING, Uint8Array.of(1))).rejects.toBeInstanceOf(
      DeviceBusyError,
    );
    auth.touch();
    expect(await waiting).toBeUndefined();
    await one.close();
    await two.close();
    endpoint.close();
  });

  it('gives up with CtapTimeoutError (and cancels) when a call outlives its deadline', async () => {
    key = await memoryKey({ presence: presence.manual() });
    const ctap2 = await Ctap2.open(key.dev);
    const error = await ctap2.selection({ timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtapTimeoutError);
    key.auth.setPresence(presence.auto());
    // The channel resynchronises and keeps working.
    await expect(ctap2.selection()).resolves.toBeUndefined();
  });

  it('checks the request size against maxMsgSize before sending', async () => {
    key = await memoryKey();
    const ctap2 = await Ctap2.open(key.dev);
    const big = new Map([[1, new Uint8Array(ctap2.info.maxMsgSize)]]);
    const error = await ctap2.sendCbor(0x01, big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtapError);
    expect((error as CtapError).statusName).toBe('CTAP2_ERR_REQUEST_TOO_LARGE');
  });
});
