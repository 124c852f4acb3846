import { CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, createManualClock, presence } from '../src/index.ts';
import {
  call,
  getAssertionParams,
  makeCredentialParams,
  parseAuthData,
  setPin,
} from './helpers/ctapCalls.ts';

const RESET = 0x07;

describe('authenticatorReset', () => {
  it('wipes credentials (non-discoverable ones too), PIN and config within 10 s of power-up', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock });
    await setPin(auth, '1234');
    await call(auth, 0x01, makeCredentialParams({ rk: false }));
    const plain = await call(auth, 0x01, makeCredentialParams({ rk: false }));
    const { credentialId } = parseAuthData(plain.body.get(2) as Uint8Array);
    await clock.advance(9_999);
    expect((await call(auth, RESET)).status).toBe(S.CTAP2_OK);
    const state = auth.state();
    expect(state.pin.hash).toBeUndefined();
    expect(state.pin.retries).toBe(8);
    expect(state.credentials).toEqual([]);
    expect(
      (await call(auth, 0x02, getAssertionParams({ allowList: [credentialId!] }))).status,
    ).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
  });

  it('refuses reset more than 10 s after power-up with NOT_ALLOWED, until a power cycle', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock });
    await setPin(auth, '1234');
    await clock.advance(10_001);
    const before = auth.state();
    expect((await call(auth, RESET)).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
    expect(auth.state()).toEqual(before);
    auth.powerCycle();
    expect((await call(auth, RESET)).status).toBe(S.CTAP2_OK);
  });

  it('needs user presence: OPERATION_DENIED when declined, USER_ACTION_TIMEOUT when nobody touches', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock, presence: presence.deny() });
    await setPin(auth, '1234');
    expect((await call(auth, RESET)).status).toBe(S.CTAP2_ERR_OPERATION_DENIED);
    auth.setPresence(presence.manual(5_000));
    const pending = call(auth, RESET);
    await clock.advance(5_000);
    expect((await pending).status).toBe(S.CTAP2_ERR_USER_ACTION_TIMEOUT);
    expect(auth.state().pin.hash).toBeDefined();
  });

  it('waits for a touch with the manual policy and succeeds on touch()', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock, presence: presence.manual() });
    const pending = call(auth, RESET);
    await clock.advance(1_000);
    expect(auth.waitingForTouch).toBe(true);
    expect(auth.touch()).toBe(true);
    expect((await pending).status).toBe(S.CTAP2_OK);
    expect(auth.touch()).toBe(false);
  });
});
