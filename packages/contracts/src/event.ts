import type { z } from 'zod';
import type { EventDefinition } from './define.ts';
import type { KeywardEventEnvelope } from './envelope.ts';

/** A typed event: the envelope with `type` and `data` fixed by its definition. */
export type KeywardEvent<D extends EventDefinition = EventDefinition> = D extends EventDefinition
  ? Omit<KeywardEventEnvelope, 'type' | 'data'> & { type: D['type']; data: z.output<D['schema']> }
  : never;

/** Narrows an event to one definition, so `event.data` gets that definition's type. */
export function isEvent<D extends EventDefinition>(
  event: { type: string },
  definition: D,
): event is KeywardEvent<D> {
  return event.type === definition.type;
}
