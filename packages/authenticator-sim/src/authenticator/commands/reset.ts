/**
 * authenticatorReset (CTAP 2.1 §6.6): only within 10 s of power-up and with user presence; wipes
 * credentials (new master key kills non-discoverable IDs too), PIN, admin secrets and config.
 */
import { randomBytes } from 'node:crypto';
import { ADMIN_PIN_MAX_RETRIES, generateKeyAgreementKey } from '@keyward/ctap/internal';
import type { CommandHandler } from '../context.ts';
import { fail } from '../ctapFailure.ts';
import { requireUserPresence } from '../presenceCheck.ts';
import { RESET_WINDOW_MS } from '../runtime.ts';
import { freshPinState } from '../state.ts';

export const reset: CommandHandler = async (ctx) => {
  if (ctx.clock.now() - ctx.runtime.poweredUpAt > RESET_WINDOW_MS) {
    throw fail('CTAP2_ERR_NOT_ALLOWED', 'reset is only allowed within 10 s of power-up');
  }
  await requireUserPresence(ctx);
  const { state, runtime } = ctx;
  state.masterKey = randomBytes(32).toString('base64url');
  state.credentials = [];
  state.pin = freshPinState();
  state.config = { alwaysUv: false, enterpriseAttestation: false, enterpriseRpIds: [] };
  state.admin = { retries: ADMIN_PIN_MAX_RETRIES };
  runtime.keyAgreement = { 1: generateKeyAgreementKey(), 2: generateKeyAgreementKey() };
  runtime.token = undefined;
  runtime.consecutiveMismatches = 0;
  runtime.unlockChallenge = undefined;
  return undefined;
};
