import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CtapStatus as S } from '@keyward/ctap/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator, loadState, saveState } from '../src/index.ts';
import {
  call,
  getAssertionParams,
  getToken,
  makeCredentialParams,
  setPin,
} from './helpers/ctapCalls.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('authenticator state', () => {
  it('survives a process restart through saveState/loadState: PIN, credentials, counter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-state-'));
    dirs.push(dir);
    const file = join(dir, 'key.json');
    const first = createAuthenticator({ profile: 'enterprise', serial: 'KW000001' });
    await setPin(first, '1234');
    const t = await getToken(first, '1234', { permissions: 1, rpId: 'example.com' });
    await call(
      first,
      0x01,
      makeCredentialParams({ rk: true, token: { protocol: t.session.protocol, value: t.token! } }),
    );
    await first.ready();
    await saveState(file, first.state());
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = createAuthenticator({ state: await loadState(file) });
    expect(second.serial).toBe('KW000001');
    expect(second.profile.name).toBe('enterprise');
    expect(await second.attestationRootPem()).toBe(await first.attestationRootPem());
    expect((await getToken(second, '1234', { permissions: 2, rpId: 'example.com' })).status).toBe(
      S.CTAP2_OK,
    );
    const r = await call(second, 0x02, getAssertionParams({}));
    expect(r.status).toBe(S.CTAP2_OK);
    expect(second.state().signCount).toBeGreaterThan(first.state().signCount);
  });

  it('is plain JSON (no bytes objects, no undefined)', async () => {
    const auth = createAuthenticator();
    await call(auth, 0x01, makeCredentialParams({ rk: true }));
    const state = auth.state();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('rejects a state that is not a version-1 object, naming the problem', () => {
    expect(() => createAuthenticator({ state: { version: 2 } as never })).toThrow(/version 1/);
    expect(() =>
      createAuthenticator({ state: { version: 1, profile: 'generic', serial: 'x' } as never }),
    ).toThrow(/masterKey/);
  });

  it('gives state() copies: changing one does not change the key', () => {
    const auth = createAuthenticator();
    const copy = auth.state();
    copy.pin.retries = 0;
    expect(auth.state().pin.retries).toBe(8);
  });
});
