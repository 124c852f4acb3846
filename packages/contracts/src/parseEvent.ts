import type { EventDefinition } from './define.ts';
import { KeywardEventEnvelope } from './envelope.ts';
import { KeywardError } from './errors.ts';
import { type AnyKeywardEvent, eventRegistry } from './registry.ts';
import { validationError } from './validation.ts';

/** Options of {@link parseEvent}. */
export interface ParseEventOptions {
  /** Defaults to every registered Keyward event. */
  registry?: ReadonlyMap<string, EventDefinition>;
}

export type ParseEventResult =
  | { ok: true; event: AnyKeywardEvent; definition: EventDefinition }
  | { ok: false; error: KeywardError };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an event from the wire (bytes, a JSON string or an already-parsed object). Never
 * throws for bad input: returns MALFORMED_EVENT (not UTF-8/JSON/CloudEvent), UNKNOWN_EVENT_TYPE
 * or INVALID_EVENT naming the field, so a consumer can dead-letter it with the reason.
 */
export function parseEvent(raw: unknown, options: ParseEventOptions = {}): ParseEventResult {
  const { registry = eventRegistry } = options;
  const json = decode(raw);
  if (!json.ok) return json;
  const envelope = KeywardEventEnvelope.safeParse(json.value);
  if (!envelope.success) {
    return { ok: false, error: validationError(envelope.error, { code: 'MALFORMED_EVENT' }) };
  }
  const definition = registry.get(envelope.data.type);
  if (!definition) {
    const message = `no contract defines event type "${envelope.data.type}"`;
    return { ok: false, error: new KeywardError('UNKNOWN_EVENT_TYPE', message) };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) {
    return {
      ok: false,
      error: validationError(data.error, { root: 'data', code: 'INVALID_EVENT' }),
    };
  }
  const event = { ...envelope.data, data: data.data } as AnyKeywardEvent;
  return { ok: true, event, definition };
}

type Decoded = { ok: true; value: unknown } | { ok: false; error: KeywardError };

function decode(raw: unknown): Decoded {
  if (!(raw instanceof Uint8Array) && typeof raw !== 'string') return { ok: true, value: raw };
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : decoder.decode(raw);
  } catch (cause) {
    return {
      ok: false,
      error: new KeywardError('MALFORMED_EVENT', 'event is not UTF-8', { cause }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    const message = `event is not JSON (${text.length} characters)`;
    return { ok: false, error: new KeywardError('MALFORMED_EVENT', message, { cause }) };
  }
}
