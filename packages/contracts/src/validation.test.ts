import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow, validationError } from './validation.ts';

describe('validationError', () => {
  const schema = z.object({ policyId: z.string(), devices: z.array(z.object({ id: z.string() })) });

  it('names each bad field with a dotted path under the root', () => {
    const result = schema.safeParse({ devices: [{ id: 1 }] });
    if (result.success) throw new Error('expected failure');
    const error = validationError(result.error, { root: 'body' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('body.policyId:');
    expect(error.message).toContain('body.devices[0].id:');
  });

  it('does not echo the rejected value', () => {
    expect(() => parseOrThrow(z.object({ pin: z.number() }), { pin: 'secret-1234' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-1234') }),
    );
  });
});
