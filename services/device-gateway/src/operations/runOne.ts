import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import type { KeyRun, SessionKind } from '../domain/session.ts';
import type { GatewayCore } from './gatewayCore.ts';
import type { KeyTask, RunAnnotation } from './sessionManager.ts';

export interface RunOneOptions {
  kind: SessionKind;
  device: RegisteredDevice;
  actor: string;
  task: KeyTask;
  policyId?: string;
  annotation?: RunAnnotation;
  /** Wait for the key's run to finish and return its result (or throw its typed error). */
  wait: boolean;
}

export type RunOneResult =
  | { status: 202; body: { sessionId: string; run: KeyRun } }
  | { status: 200; body: { sessionId: string; run: KeyRun; result: unknown } };

/**
 * A single-key operation is a session of mode `one`: the lease is taken before this returns
 * (a busy key is a synchronous 409), progress streams on /sessions/{id}/events, and with
 * `wait` the caller gets the result in the same response.
 */
export async function runOne(
  core: Pick<GatewayCore, 'sessions'>,
  options: RunOneOptions,
): Promise<RunOneResult> {
  const { kind, device, actor, task, policyId, annotation, wait } = options;
  const session = await core.sessions.start({
    kind,
    mode: 'one',
    actor,
    ...(policyId ? { policyId } : {}),
    devices: [device],
    task: () => task,
    ...(annotation ? { annotate: () => annotation } : {}),
  });
  const serial = device.facts.serial;
  if (!wait) return { status: 202, body: { sessionId: session.id, run: session.keys[serial]! } };
  const outcome = await core.sessions.result(session.id, serial);
  if (outcome.error) throw outcome.error;
  return {
    status: 200,
    body: { sessionId: session.id, run: session.keys[serial]!, result: outcome.value },
  };
}
