import { policyRequests } from '@keyward/contracts';
import type { PolicyVault, SealedExchange } from './policyVault.ts';

/**
 * The PIN-vault requests of the gateway, their secrets sealed (ADR 0007). `token` is the bearer
 * token of the administrator's REST call; it travels sealed too and is the only thing the
 * policy service believes about who asks. Without one, the gateway asks as itself.
 */
interface OnBehalf {
  actor: string;
  token?: string | undefined;
}

const authorizationOf = (x: SealedExchange, token: string | undefined) =>
  token ? { authorization: x.seal('authorization', token) } : {};

/** keyward.policy.pin.read: `view` for an administrator, `use` for the gateway's own step. */
export function readPins(
  vault: PolicyVault,
  input: OnBehalf & {
    serial: string;
    which: 'user' | 'admin' | 'both';
    purpose: 'view' | 'use';
    gatewayId: string;
  },
) {
  const { serial, which, purpose, gatewayId, actor, token } = input;
  return vault.call(policyRequests.pinRead, {
    serial,
    actor,
    build: (x) => ({
      serial,
      which,
      purpose,
      gatewayId,
      replyKey: x.replyKey,
      ...authorizationOf(x, token),
    }),
    read: (reply, x) => ({
      ...(reply.userPin ? { userPin: x.openText('userPin', reply.userPin) } : {}),
      ...(reply.adminPin ? { adminPin: x.openText('adminPin', reply.adminPin) } : {}),
      denied: reply.denied,
    }),
  });
}

/** keyward.policy.pin.store on the administrator's behalf (unlock). */
export function storePins(
  vault: PolicyVault,
  input: OnBehalf & {
    token: string;
    serial: string;
    aaguid?: string;
    gatewayId: string;
    userPin?: string;
    generateUserPin?: boolean;
    minPinLength?: number;
    /** Stage it beside the vaulted PIN until pin.settle (unlock, issue 19). */
    pending?: boolean;
  },
) {
  const { actor, token, userPin, ...rest } = input;
  return vault.call(policyRequests.pinStore, {
    serial: input.serial,
    actor,
    build: (x) => ({
      ...rest,
      ...(userPin !== undefined ? { userPin: x.seal('userPin', userPin) } : {}),
      authorization: x.seal('authorization', token),
      replyKey: x.replyKey,
    }),
    read: (reply, x) => ({
      stored: reply.stored,
      ...(reply.userPin ? { userPin: x.openText('userPin', reply.userPin) } : {}),
    }),
  });
}

/** keyward.policy.pin.check for a PIN an administrator is typing. */
export function checkPin(
  vault: PolicyVault,
  input: OnBehalf & { serial: string; pin: string; minPinLength?: number },
) {
  const { actor, token, pin, serial, minPinLength } = input;
  return vault.call(policyRequests.pinCheck, {
    serial,
    actor,
    build: (x) => ({
      serial,
      pin: x.seal('pin', pin),
      ...(minPinLength ? { minPinLength } : {}),
      ...authorizationOf(x, token),
      replyKey: x.replyKey,
    }),
    read: (reply) => reply,
  });
}

/** keyward.policy.unlock.response: the 16-byte response, base64url as @keyward/ctap takes it. */
export function unlockResponse(
  vault: PolicyVault,
  input: OnBehalf & { token: string; serial: string; challenge: string; gatewayId: string },
) {
  const { actor, token, serial, challenge, gatewayId } = input;
  return vault.call(policyRequests.unlockResponse, {
    serial,
    actor,
    build: (x) => ({
      serial,
      challenge,
      gatewayId,
      authorization: x.seal('authorization', token),
      replyKey: x.replyKey,
    }),
    read: (reply, x) => {
      const bytes = x.open('response', reply.response);
      const text = bytes.toString('base64url');
      bytes.fill(0);
      return text;
    },
  });
}
