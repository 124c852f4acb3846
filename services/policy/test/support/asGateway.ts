import { policyRequests, type Reply, type RequestDefinition } from '@keyward/contracts';
import {
  generateTransportKeyPair,
  openSealed,
  sealToRecipient,
  type TransportKeyPair,
} from '@keyward/secret-envelope';
import { request } from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';

/** Request fields that hold a secret sealed to the policy's transport key. */
const SEALED_REQUEST_FIELDS = ['chosenUserPin', 'userPin', 'adminPin', 'pin'] as const;

/** The requests ADR 0007 seals; any other goes as it is. */
const SEALING_SUBJECTS = new Set<string>([
  policyRequests.plan.subject,
  policyRequests.pinRead.subject,
  policyRequests.pinStore.subject,
  policyRequests.pinCheck.subject,
  policyRequests.unlockResponse.subject,
]);

export interface AsGatewayOptions {
  actor?: string;
  /** The administrator's bearer token, sealed into `authorization`. */
  token?: string;
  /** Seal and open with this reply key (default a fresh one). */
  replyKey?: TransportKeyPair;
}

/**
 * What the gateway does around a policy request (ADR 0007), for tests that speak to the real
 * policy service: plain secrets in `data` are sealed to its transport key, the token too, and
 * the reply's sealed secrets are opened again (`unlockSecret` as base64, `response` as hex with
 * `responseBase64url`). Also returns the raw reply, to check that nothing travelled in clear.
 */
export async function asGateway<D extends RequestDefinition>(
  nc: NatsConnection,
  def: D,
  // biome-ignore lint/suspicious/noExplicitAny: plain test data, sealed field by field below
  data: Record<string, any>,
  options: AsGatewayOptions = {},
  // biome-ignore lint/suspicious/noExplicitAny: the opened reply, asserted field by field
): Promise<{ reply: Reply<any>; raw: Reply<unknown>; sent: unknown }> {
  const { actor = 'user:gateway-operator', token } = options;
  if (!SEALING_SUBJECTS.has(def.subject)) {
    const raw = await request(nc, def, data as never, { timeoutMs: 10_000, actor });
    await nc.flush();
    return { reply: raw, raw, sent: data };
  }
  const key = await request(nc, policyRequests.sealingKey, {}, { timeoutMs: 10_000 });
  if (!key.ok) throw new Error(`sealing key: ${key.error.message}`);
  const reply = options.replyKey ?? generateTransportKeyPair();
  const serial = String(data.serial);
  const context = (field: string) => ({
    subject: def.subject,
    serial,
    field,
    replyKey: reply.publicKey,
  });
  const seal = (field: string, value: string) => ({
    ...sealToRecipient(value, { recipient: key.data.publicKey, context: context(field) }),
    kid: key.data.keyId,
  });
  const sent: Record<string, unknown> = { ...data, replyKey: reply.publicKey };
  for (const field of SEALED_REQUEST_FIELDS) {
    if (typeof data[field] === 'string') sent[field] = seal(field, data[field]);
  }
  if (token) sent.authorization = seal('authorization', token);
  const raw = await request(nc, def, sent as never, { timeoutMs: 10_000, actor });
  await nc.flush();
  if (!raw.ok) return { reply: raw, raw, sent };
  const open = (field: string, sealed: unknown) =>
    openSealed(sealed, { recipient: reply, context: { subject: def.subject, serial, field } });
  // biome-ignore lint/suspicious/noExplicitAny: reply shapes differ per subject
  const out: any = structuredClone(raw.data);
  for (const field of ['userPin', 'adminPin'] as const) {
    if (out[field]) out[field] = open(field, out[field]).toString('utf8');
    if (out.secrets?.[field]) out.secrets[field] = open(field, out.secrets[field]).toString('utf8');
  }
  if (out.secrets?.unlockSecret)
    out.secrets.unlockSecret = open('unlockSecret', out.secrets.unlockSecret).toString('base64');
  if (out.response && def.subject === policyRequests.unlockResponse.subject) {
    const bytes = open('response', out.response);
    out.response = bytes.toString('hex');
    out.responseBase64url = bytes.toString('base64url');
  }
  return { reply: { ok: true, data: out }, raw, sent };
}
