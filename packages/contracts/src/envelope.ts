import { z } from 'zod';

/** W3C Trace Context `traceparent` (version-traceid-parentid-flags). */
export const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Who did it: a person from a token (`user:<sub>`) or a service acting on its own. */
export const actorSchema = z
  .string()
  .regex(/^(user|service):\S+$/, 'expected "user:<sub>" or "service:<name>"');

export type Actor = z.infer<typeof actorSchema>;

/**
 * The CloudEvents 1.0 envelope of every Keyward event (JSON format). `actor` and `traceparent`
 * are extension attributes, hence strings. `data` is checked separately by its event definition.
 */
export const KeywardEventEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.ulid(),
  source: z.string().min(1),
  type: z.string().regex(/^keyward\.[a-z_]+\.[a-z_.]+$/, 'expected "keyward.<domain>.<event>"'),
  subject: z.string().min(1).optional(),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
  actor: actorSchema,
  traceparent: z.string().regex(TRACEPARENT_PATTERN).optional(),
});

export type KeywardEventEnvelope = z.infer<typeof KeywardEventEnvelope>;
