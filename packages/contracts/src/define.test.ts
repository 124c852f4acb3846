import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  defineEvent,
  defineRequest,
  type EventData,
  forInstance,
  type Reply,
  type ReplyData,
  type RequestData,
  replyEnvelope,
} from './define.ts';
import type { policyRequests } from './domains/policy.ts';

describe('defineEvent / defineRequest', () => {
  it('derives the subject and keeps the literal type', () => {
    const def = defineEvent('keyward.test.happened', z.object({ n: z.number() }), {
      description: 'd',
    });
    expect(def).toMatchObject({
      kind: 'event',
      subject: 'keyward.evt.test.happened',
      description: 'd',
    });
    expectTypeOf(def.type).toEqualTypeOf<'keyward.test.happened'>();
    expectTypeOf<EventData<typeof def>>().toEqualTypeOf<{ n: number }>();
  });

  it('rejects a request subject outside keyward.', () => {
    expect(() => defineRequest('other.thing', z.object({}), z.object({}))).toThrow(TypeError);
  });

  it('types request and reply data from the contract', () => {
    expectTypeOf<RequestData<typeof policyRequests.pinRead>>().toHaveProperty('serial');
    expectTypeOf<ReplyData<typeof policyRequests.pinRead>>().toHaveProperty('userPin');
  });

  it('keeps the definition type when filling an instance subject', () => {
    const def = defineRequest(
      'keyward.gateway.*.ping',
      z.object({}),
      z.object({ ok: z.boolean() }),
    );
    const one = forInstance(def, 'gw-7');
    expect(one.subject).toBe('keyward.gateway.gw-7.ping');
    expectTypeOf(one).toEqualTypeOf(def);
  });

  it('validates the wire reply envelope both ways', () => {
    const envelope = replyEnvelope(z.object({ n: z.number() }));
    expect(envelope.parse({ ok: true, data: { n: 1 } })).toEqual({ ok: true, data: { n: 1 } });
    expect(
      envelope.safeParse({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } }).success,
    ).toBe(true);
    expect(
      envelope.safeParse({ ok: false, error: { code: 'MADE_UP', message: 'x' } }).success,
    ).toBe(false);
    expect(envelope.safeParse({ ok: true, data: { n: 'one' } }).success).toBe(false);
    expectTypeOf<Reply<number>>().toEqualTypeOf<
      | { ok: true; data: number }
      | {
          ok: false;
          error: {
            code: import('./errors.ts').KeywardErrorCode;
            message: string;
            details?: Record<string, unknown>;
          };
        }
    >();
  });
});
