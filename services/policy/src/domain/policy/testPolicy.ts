import { PolicyInput } from './policySchema.ts';

/** A valid policy for tests, with overrides merged one level deep. */
export function testPolicy(overrides: Record<string, unknown> = {}): PolicyInput {
  const base: Record<string, Record<string, unknown> | string> = {
    name: 'Standard',
    pin: { minLength: 6, generatedLength: 8 },
    key: {},
    authenticators: {},
    adminPin: {},
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    const b = base[k];
    merged[k] =
      b && typeof b === 'object' && v && typeof v === 'object' && !Array.isArray(v)
        ? { ...b, ...v }
        : v;
  }
  return PolicyInput.parse(merged);
}
