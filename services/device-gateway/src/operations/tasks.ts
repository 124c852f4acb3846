import type { Session } from '../domain/session.ts';
import { configureKey } from './configureKey.ts';
import type { GatewayCore } from './gatewayCore.ts';
import type { TaskFactory } from './sessionManager.ts';

/**
 * The tasks a session can rebuild from its journal alone: configure and apply-policy (the plan
 * is idempotent and re-derived from the key). Enroll, test, reset and unlock need the
 * operator's input and a touch, so an interrupted one is reported, never re-run by itself.
 */
export function resumableTasks(core: () => Omit<GatewayCore, 'sessions'>): TaskFactory {
  return (session: Session, run) => {
    const policyId = run.policyId ?? session.policyId;
    if ((session.kind === 'configure' || session.kind === 'apply-policy') && policyId) {
      return configureKey(core(), { policyId });
    }
    return undefined;
  };
}
