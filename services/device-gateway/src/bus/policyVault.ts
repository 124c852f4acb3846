import {
  type KeyedSealedValue,
  KeywardError,
  type PlanRequest,
  policyRequests,
  type Reply,
  type ReplyData,
  type RequestData,
  type RequestDefinition,
  type SealedValue,
} from '@keyward/contracts';
import {
  generateTransportKeyPair,
  openSealed,
  sealToRecipient,
  type TransportKeyPair,
} from '@keyward/secret-envelope';
import type { Requester } from './ports.ts';

/** The gateway's half of one request: seals request fields, opens reply fields (ADR 0007). */
export interface SealedExchange {
  /** The request's one-time reply key (its public half goes into `replyKey`). */
  readonly replyKey: string;
  /** Seals a request field to the policy's transport key, bound to subject, serial, reply key. */
  seal(field: string, value: string): KeyedSealedValue;
  /** Opens a reply field sealed to this request's reply key. */
  open(field: string, sealed: SealedValue): Buffer;
  /** Opens a reply field as UTF-8 text (a PIN). */
  openText(field: string, sealed: SealedValue): string;
}

type SealingKey = { publicKey: string; keyId: string };

/**
 * Sends policy requests whose secrets are sealed: each request gets a fresh X25519 reply key
 * (the private half lives for this one call, in memory); request secrets are sealed to the
 * policy's transport key, fetched from keyward.policy.sealing-key and cached. When the policy
 * answers SEALING_KEY_UNKNOWN (its KEK, hence its key, rotated) the key is fetched once more and
 * the request sealed and sent again.
 */
export class PolicyVault {
  readonly #requester: Requester;
  #sealingKey: Promise<SealingKey> | undefined;

  constructor(options: { requester: Requester }) {
    this.#requester = options.requester;
  }

  /**
   * One sealed request: `build` makes the data with the exchange's seals, `read` opens the
   * reply's. A failed key fetch comes back as the reply's error, like any peer failure.
   */
  async call<D extends RequestDefinition, T>(
    def: D,
    input: {
      serial: string;
      actor: string;
      timeoutMs?: number;
      build: (x: SealedExchange) => RequestData<D>;
      read: (data: ReplyData<D>, x: SealedExchange) => T;
    },
  ): Promise<Reply<T>> {
    for (let attempt = 0; ; attempt += 1) {
      let key: SealingKey;
      try {
        key = await this.sealingKey();
      } catch (error) {
        const e =
          error instanceof KeywardError ? error : new KeywardError('INTERNAL', 'sealing key');
        return { ok: false, error: { code: e.code, message: e.message } };
      }
      const exchange = sealedExchange(def.subject, input.serial, key);
      const reply = await this.#requester.request(def, input.build(exchange), {
        actor: input.actor,
        ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
      });
      if (!reply.ok) {
        if (reply.error.code === 'SEALING_KEY_UNKNOWN' && attempt === 0) {
          this.#sealingKey = undefined;
          continue;
        }
        return reply;
      }
      return { ok: true, data: input.read(reply.data, exchange) };
    }
  }

  /** The policy's transport key, fetched once and kept until the policy says it rotated. */
  sealingKey(): Promise<SealingKey> {
    this.#sealingKey ??= this.#requester
      .request(policyRequests.sealingKey, {}, { actor: 'service:device-gateway' })
      .then((reply) => {
        if (!reply.ok) {
          throw new KeywardError(reply.error.code, `policy sealing key: ${reply.error.message}`);
        }
        return reply.data;
      });
    // A failed fetch is not cached: the next call asks again.
    this.#sealingKey.catch(() => {
      this.#sealingKey = undefined;
    });
    return this.#sealingKey;
  }

  /** keyward.policy.plan with the reply's secrets opened (unlockSecret as base64, as before). */
  plan(data: Omit<PlanRequest, 'replyKey' | 'chosenUserPin'>, options: { actor: string }) {
    return this.call(policyRequests.plan, {
      serial: data.serial,
      actor: options.actor,
      build: (x) => ({ ...data, replyKey: x.replyKey }),
      read: (plan, x) => {
        const { userPin, adminPin, unlockSecret } = plan.secrets;
        return {
          ...plan,
          secrets: {
            ...(userPin ? { userPin: x.openText('userPin', userPin) } : {}),
            ...(adminPin ? { adminPin: x.openText('adminPin', adminPin) } : {}),
            ...(unlockSecret
              ? { unlockSecret: x.open('unlockSecret', unlockSecret).toString('base64') }
              : {}),
          },
        };
      },
    });
  }
}

/** `Authorization: Bearer <token>` → the token, the credential the policy verifies itself. */
export function bearerOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1];
}

function sealedExchange(subject: string, serial: string, key: SealingKey): SealedExchange {
  const reply: TransportKeyPair = generateTransportKeyPair();
  const exchange: SealedExchange = {
    replyKey: reply.publicKey,
    seal: (field, value) => ({
      ...sealToRecipient(value, {
        recipient: key.publicKey,
        context: { subject, serial, field, replyKey: reply.publicKey },
      }),
      kid: key.keyId,
    }),
    open: (field, sealed) =>
      openSealed(sealed, { recipient: reply, context: { subject, serial, field } }),
    openText: (field, sealed) => {
      const bytes = exchange.open(field, sealed);
      const text = bytes.toString('utf8');
      bytes.fill(0);
      return text;
    },
  };
  return exchange;
}
