import { isKeywardError, type UserRef } from '@keyward/contracts';
import { failureKindOf } from '../domain/connection/idpError.ts';
import type { TestConnectionResult, TestConnectionStep } from './connector.ts';

/**
 * Runs Test Connection as two steps — get a token, read one user — and reports the first failure
 * with its kind (DNS, TLS, CONNECTION_REFUSED, BAD_CREDENTIALS, MISSING_PERMISSION, NOT_FOUND, ...).
 */
export async function runTestConnection(steps: {
  token: () => Promise<unknown>;
  readOneUser: () => Promise<UserRef | undefined>;
}): Promise<TestConnectionResult> {
  const done: TestConnectionStep[] = [];
  let step: TestConnectionStep = 'token';
  try {
    await steps.token();
    done.push('token');
    step = 'read_user';
    const sampleUser = await steps.readOneUser();
    done.push('read_user');
    return sampleUser ? { ok: true, steps: done, sampleUser } : { ok: true, steps: done };
  } catch (err) {
    const kind = failureKindOf(err) ?? 'INVALID_RESPONSE';
    return {
      ok: false,
      step,
      kind,
      message: isKeywardError(err) ? err.message : 'unexpected failure',
      details: isKeywardError(err) ? (err.details ?? {}) : {},
    };
  }
}
