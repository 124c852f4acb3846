import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allEvents, allRequests, eventRegistry } from './registry.ts';
import { isSecretFieldName } from './secrets.ts';
import { SUBJECTS } from './subjects.ts';

/** Every property name anywhere in a JSON schema (nested objects, arrays, unions). */
function propertyNames(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, found);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const name of Object.keys(value)) found.add(name);
      }
      propertyNames(value, found);
    }
  }
  return found;
}

describe('event registry', () => {
  it('registers every event once, under its type', () => {
    expect(eventRegistry.size).toBe(allEvents.length);
    for (const definition of allEvents) expect(eventRegistry.get(definition.type)).toBe(definition);
  });

  it('puts every event under keyward.evt.<domain>.<event>', () => {
    for (const definition of allEvents) {
      expect(definition.subject).toBe(
        `${SUBJECTS.EVENTS_PREFIX}.${definition.type.slice('keyward.'.length)}`,
      );
      expect(definition.subject).toMatch(/^keyward\.evt\.[a-z_]+\.[a-z_]+$/);
    }
  });

  it('has no event field named like a PIN, secret, password, token or key', () => {
    const offenders: string[] = [];
    for (const definition of allEvents) {
      const json = z.toJSONSchema(definition.schema, { io: 'input', unrepresentable: 'any' });
      for (const name of propertyNames(json)) {
        if (isSecretFieldName(name)) offenders.push(`${definition.type}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the field walk finds a PIN nested in arrays and unions', () => {
    const schema = z.object({
      a: z.array(z.object({ b: z.union([z.string(), z.object({ userPin: z.string() })]) })),
    });
    const names = [...propertyNames(z.toJSONSchema(schema))];
    expect(names.filter(isSecretFieldName)).toEqual(['userPin']);
  });

  it('the secret guard itself catches the names it must', () => {
    for (const name of ['pin', 'userPin', 'adminPin', 'new_pin', 'clientSecret', 'accessToken']) {
      expect(isSecretFieldName(name), name).toBe(true);
    }
    for (const name of ['pinSet', 'minPinLength', 'pinRetries', 'forcePinChange', 'serial']) {
      expect(isSecretFieldName(name), name).toBe(false);
    }
  });

  it('gives every event and request a description for docs/events.md', () => {
    const missing = [...allEvents, ...allRequests]
      .filter((definition) => definition.description === '')
      .map((definition) => ('type' in definition ? definition.type : definition.subject));
    expect(missing).toEqual([]);
  });

  it('has one request definition per subject', () => {
    const subjects = allRequests.map((definition) => definition.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('every event data and request schema can be documented as JSON Schema', () => {
    for (const definition of allEvents)
      expect(() => z.toJSONSchema(definition.schema)).not.toThrow();
    for (const definition of allRequests) {
      expect(() => z.toJSONSchema(definition.request)).not.toThrow();
      expect(() => z.toJSONSchema(definition.reply)).not.toThrow();
    }
  });
});
