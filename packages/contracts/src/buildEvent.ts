import { monotonicFactory } from 'ulid';
import type { z } from 'zod';
import type { EventDefinition } from './define.ts';
import { KeywardEventEnvelope } from './envelope.ts';
import type { KeywardEvent } from './event.ts';
import { validationError } from './validation.ts';

/** Options of {@link buildEvent}. */
export interface BuildEventOptions<S extends z.ZodType> {
  /** `keyward/<service>[/<instance>]`. */
  source: string;
  /** `user:<sub>` or `service:<name>`. */
  actor: string;
  /** CloudEvents subject, e.g. the device serial. */
  subject?: string;
  data: z.input<S>;
  traceparent?: string;
  /** Defaults to a new monotonic ULID. Pass one to retry a publish idempotently. */
  id?: string;
  /** Defaults to now. */
  time?: Date;
}

const nextUlid = monotonicFactory();

/**
 * Builds a typed, validated CloudEvent. `data` is parsed by the definition's schema, so unknown
 * keys (a stray `pin`, say) are dropped rather than published. Throws KeywardError
 * INVALID_EVENT naming the field (`data.serial: ...`).
 */
export function buildEvent<D extends EventDefinition>(
  definition: D,
  options: BuildEventOptions<D['schema']>,
): KeywardEvent<D> {
  const { source, actor, subject, data, traceparent, id = nextUlid(), time = new Date() } = options;
  const parsedData = definition.schema.safeParse(data);
  if (!parsedData.success) {
    throw validationError(parsedData.error, { root: 'data', code: 'INVALID_EVENT' });
  }
  const envelope = KeywardEventEnvelope.safeParse({
    specversion: '1.0',
    id,
    source,
    type: definition.type,
    ...(subject === undefined ? {} : { subject }),
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data: parsedData.data,
    actor,
    ...(traceparent === undefined ? {} : { traceparent }),
  });
  if (!envelope.success) throw validationError(envelope.error, { code: 'INVALID_EVENT' });
  return envelope.data as KeywardEvent<D>;
}
