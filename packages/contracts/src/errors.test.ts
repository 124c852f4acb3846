import { describe, expect, it } from 'vitest';
import { ERROR_CODES, fromErrorBody, isKeywardError, KeywardError, toErrorBody } from './errors.ts';

describe('KeywardError', () => {
  it('carries a stable code, safe details and the cause', () => {
    const cause = new Error('socket closed');
    const error = new KeywardError('UPSTREAM_UNAVAILABLE', 'policy service unreachable', {
      details: { subject: 'keyward.policy.plan' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KeywardError');
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.cause).toBe(cause);
    expect(isKeywardError(error)).toBe(true);
    expect(isKeywardError(new Error('x'))).toBe(false);
  });

  it('maps to a wire body without a stack', () => {
    const body = toErrorBody(new KeywardError('NOT_FOUND', 'device "x" not found'));
    expect(body).toEqual({ code: 'NOT_FOUND', message: 'device "x" not found' });
  });

  it('turns foreign errors into INTERNAL without their message', () => {
    expect(toErrorBody(new Error('ECONNREFUSED 10.0.0.5:27017'))).toEqual({
      code: 'INTERNAL',
      message: 'Internal error',
    });
  });

  it('drops secret-named keys from details at any depth', () => {
    const error = new KeywardError('CONFLICT', 'x', {
      details: { serial: 'S1', pin: '1234', nested: [{ adminPin: '9999', ok: 1 }] },
    });
    const text = JSON.stringify(toErrorBody(error));
    expect(text).not.toContain('1234');
    expect(text).not.toContain('9999');
    expect(toErrorBody(error).details).toEqual({ serial: 'S1', nested: [{ ok: 1 }] });
  });

  it('round-trips through the wire body', () => {
    const back = fromErrorBody({ code: 'DEVICE_BUSY', message: 'held', details: { by: 'u' } });
    expect(back).toBeInstanceOf(KeywardError);
    expect(back.code).toBe('DEVICE_BUSY');
  });

  it('gives every code an HTTP status', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.httpStatus, code).toBeGreaterThanOrEqual(400);
    }
  });
});
