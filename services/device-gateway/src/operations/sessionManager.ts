import { randomUUID } from 'node:crypto';
import { deviceEvents, KeywardError, sessionEvents, type toErrorBody } from '@keyward/contracts';
import type { Logger } from 'pino';
import type { EventSink } from '../bus/ports.ts';
import type { DeviceRegistry, RegisteredDevice } from '../devices/deviceRegistry.ts';
import { planResume } from '../domain/resume.ts';
import {
  acceptsNewKeys,
  applyKeyEvent,
  canClose,
  closeSession,
  countKeys,
  enqueueKey,
  type KeyEvent,
  type KeyRun,
  newSession,
  type Session,
  type SessionKind,
  type SessionMode,
} from '../domain/session.ts';
import { JOURNAL_MAX_AGE_MS, type JournalStore } from '../store/journalStore.ts';
import type { Lease, LeaseStore } from '../store/leaseStore.ts';
import { toKeywardError } from './toKeywardError.ts';

/** What a task may record on its key's run (shown in reports; never a secret). */
export type RunAnnotation = Partial<
  Pick<KeyRun, 'policyId' | 'policyName' | 'policyVersion' | 'user'>
>;

export interface KeyTaskContext {
  session: Session;
  device: RegisteredDevice;
  lease: Lease;
  signal: AbortSignal;
  step(step: string, phase: 'start' | 'done'): void;
  wait(what: 'touch' | 'reinsert'): void;
  annotate(patch: RunAnnotation): void;
}

/** One operation on one key; throws (typed) on failure, returns a result for the caller. */
export type KeyTask = (ctx: KeyTaskContext) => Promise<unknown>;

/** Rebuilds the task of a session's kind (needed for continuous sessions and resume). */
export type TaskFactory = (session: Session, run: KeyRun) => KeyTask | undefined;

export type SessionMessage =
  | { type: 'key'; sessionId: string; run: KeyRun }
  | { type: 'session'; session: Omit<Session, 'keys'>; counts: ReturnType<typeof countKeys> };

export interface SessionManagerOptions {
  gatewayId: string;
  registry: DeviceRegistry;
  leases: LeaseStore;
  journal: JournalStore;
  events: EventSink;
  tasks: TaskFactory;
  logger: Logger;
  now?: () => Date;
}

export interface StartSessionOptions {
  kind: SessionKind;
  mode: SessionMode;
  actor: string;
  policyId?: string;
  devices: RegisteredDevice[];
  /** Per-key annotation known up front (the linked policy of apply-policy). */
  annotate?: (device: RegisteredDevice) => RunAnnotation;
  /** The task per key; default: the factory's task for the session kind. */
  task?: (device: RegisteredDevice) => KeyTask;
  resumed?: boolean;
}

interface InFlight {
  controller: AbortController;
  deviceId: string;
  done: Promise<void>;
}

/**
 * Sessions on this gateway: runs each key's task under its lease, one in-flight operation per
 * key, keys concurrently; journals every transition to KV; streams progress to listeners (SSE)
 * and to the bus; closes a session when its mode says so and then rescans.
 */
export class SessionManager {
  readonly #o: Required<Omit<SessionManagerOptions, 'now'>> & { now: () => Date };
  readonly #sessions = new Map<string, Session>();
  readonly #listeners = new Map<string, Set<(m: SessionMessage) => void>>();
  /** Listeners of every session's messages (the live device list). */
  readonly #everyListener = new Set<(m: SessionMessage) => void>();
  readonly #inflight = new Map<string, InFlight>();
  readonly #results = new Map<string, { value?: unknown; error?: KeywardError }>();
  /** serial → policy of a configure that was interrupted; repaired when the key returns. */
  readonly #toRepair = new Map<string, { policyId?: string; kind: SessionKind; actor: string }>();

  constructor(options: SessionManagerOptions) {
    this.#o = { now: () => new Date(), ...options };
  }

  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  list(): Session[] {
    return [...this.#sessions.values()];
  }

  /** Serials with an interrupted operation not yet repaired (the INTERRUPTED flag). */
  isInterrupted(serial: string): boolean {
    return this.#toRepair.has(serial);
  }

  /** Every session's messages, for GET /devices/events; returns the unsubscribe. */
  subscribeAll(listener: (m: SessionMessage) => void): () => void {
    this.#everyListener.add(listener);
    return () => this.#everyListener.delete(listener);
  }

  subscribe(id: string, listener: (m: SessionMessage) => void): () => void {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Starts a session. In mode `one` the lease is taken before this returns, so a busy key is
   * a synchronous DEVICE_BUSY (HTTP 409) rather than a failed session.
   */
  async start(options: StartSessionOptions): Promise<Session> {
    const { kind, mode, actor, policyId, devices, annotate, task, resumed = false } = options;
    const session = newSession({
      id: randomUUID(),
      gatewayId: this.#o.gatewayId,
      kind,
      mode,
      actor,
      ...(policyId ? { policyId } : {}),
      now: this.#iso(),
    });
    let firstLease: Lease | undefined;
    if (mode === 'one' && devices[0]) firstLease = await this.#acquire(session, devices[0]);
    this.#forgetExpired();
    this.#sessions.set(session.id, session);
    await this.#o.journal.writeSession(session);
    await this.#publish(sessionEvents.started, actor, undefined, {
      sessionId: session.id,
      gatewayId: this.#o.gatewayId,
      kind,
      mode,
      ...(policyId ? { policyId } : {}),
      deviceIds: devices.map((d) => d.key.id),
      resumed,
    });
    for (const device of devices) {
      this.#addKey(session, device, {
        ...(annotate ? { annotation: annotate(device) } : {}),
        ...(task ? { task: task(device) } : {}),
        ...(device === devices[0] && firstLease ? { lease: firstLease } : {}),
      });
    }
    this.#maybeClose(session);
    return session;
  }

  /** Asks a session to stop: no new keys; closes once in-flight keys finish. */
  async stop(id: string): Promise<Session> {
    const session = this.require(id);
    if (session.state === 'running') session.state = 'stopping';
    if (session.mode !== 'continuous') {
      for (const run of Object.values(session.keys)) {
        if (run.state === 'queued')
          this.#transition(session, run.serial, {
            type: 'skip',
            at: this.#iso(),
            reason: 'session stopped',
          });
      }
    }
    await this.#o.journal.writeSession(session);
    this.#maybeClose(session);
    return session;
  }

  /** Resolves with the task's result once a key's run in a session has finished. */
  async result(
    sessionId: string,
    serial: string,
  ): Promise<{ value?: unknown; error?: KeywardError }> {
    const flight = this.#inflight.get(serial);
    if (flight) await flight.done;
    return this.#results.get(`${sessionId}/${serial}`) ?? {};
  }

  /** Registry hook: continuous sessions take every new key; interrupted keys get repaired. */
  onAttached(device: RegisteredDevice): void {
    const serial = device.facts.serial;
    if (this.#inflight.has(serial)) return;
    for (const session of this.#sessions.values()) {
      if (!acceptsNewKeys(session)) continue;
      const existing = session.keys[serial];
      if (existing && existing.state !== 'interrupted' && existing.state !== 'failed') return;
      this.#addKey(session, device);
      return;
    }
    const repair = this.#toRepair.get(serial);
    if (repair && (repair.kind === 'configure' || repair.kind === 'apply-policy')) {
      this.start({
        kind: repair.kind,
        mode: 'one',
        actor: repair.actor,
        ...(repair.policyId ? { policyId: repair.policyId } : {}),
        devices: [device],
        annotate: () => (repair.policyId ? { policyId: repair.policyId } : {}),
        resumed: true,
      }).catch((error) =>
        this.#o.logger.warn({ err: error, serial }, 'repair of interrupted key did not start'),
      );
    }
  }

  /** Registry hook: a key pulled mid-operation is interrupted (its task is aborted). */
  onDetached(device: RegisteredDevice): void {
    const serial = device.facts.serial;
    const flight = this.#inflight.get(serial);
    if (!flight || flight.deviceId !== device.key.id) return;
    // A reset asks for the key to be pulled out: that is the plan, not an interruption.
    const waiting = this.list().some((s) => s.keys[serial]?.state === 'waiting-for-reinsert');
    if (!waiting) flight.controller.abort();
  }

  /**
   * After a restart: every unfinished session in the journal reports each key's last completed
   * step; attached keys re-run their idempotent plan, the others are INTERRUPTED.
   */
  async resumeFromJournal(): Promise<Session[]> {
    const present = new Set(this.#o.registry.list().map((d) => d.facts.serial));
    const resumed: Session[] = [];
    for (const loaded of await this.#o.journal.load(this.#o.gatewayId)) {
      if (loaded.state === 'completed' || loaded.state === 'stopped') {
        // Finished: nothing to run, but its status and report stay readable after a restart.
        this.#sessions.set(loaded.id, loaded);
        this.#rememberInterrupted(loaded);
        continue;
      }
      const plan = planResume({ session: loaded, present, now: this.#iso() });
      this.#sessions.set(loaded.id, loaded);
      for (const decision of plan.keys) {
        if (decision.action === 'keep') continue;
        loaded.keys[decision.serial] = decision.run;
        await this.#o.journal.writeKey(loaded, decision.run);
        await this.#interruptedEvent(loaded, decision.run);
      }
      this.#rememberInterrupted(loaded);
      resumed.push(loaded);
      await this.#publish(sessionEvents.started, loaded.actor, undefined, {
        sessionId: loaded.id,
        gatewayId: this.#o.gatewayId,
        kind: loaded.kind,
        mode: loaded.mode,
        ...(loaded.policyId ? { policyId: loaded.policyId } : {}),
        deviceIds: Object.values(loaded.keys).map((r) => r.deviceId),
        resumed: true,
      });
      for (const decision of plan.keys) {
        const device = this.#o.registry.bySerial(decision.serial);
        if (decision.action === 'rerun' && device) this.#addKey(loaded, device);
      }
      this.#maybeClose(loaded);
    }
    return resumed;
  }

  /**
   * Finished sessions are kept as long as the journal keeps them (JOURNAL_MAX_AGE_MS), then
   * dropped from memory with their results, so a gateway running for months stays bounded.
   */
  #forgetExpired(): void {
    const cutoff = this.#o.now().getTime() - JOURNAL_MAX_AGE_MS;
    for (const [id, session] of this.#sessions) {
      if (!session.finishedAt || Date.parse(session.finishedAt) > cutoff) continue;
      this.#sessions.delete(id);
      this.#listeners.delete(id);
      for (const serial of Object.keys(session.keys)) this.#results.delete(`${id}/${serial}`);
    }
  }

  #rememberInterrupted(session: Session): void {
    for (const run of Object.values(session.keys)) {
      if (run.state === 'interrupted') {
        this.#toRepair.set(run.serial, {
          kind: session.kind,
          actor: session.actor,
          ...((run.policyId ?? session.policyId)
            ? { policyId: run.policyId ?? session.policyId }
            : {}),
        });
      } else if (run.state === 'succeeded') {
        this.#toRepair.delete(run.serial);
      }
    }
  }

  #addKey(
    session: Session,
    device: RegisteredDevice,
    given: { annotation?: RunAnnotation; task?: KeyTask; lease?: Lease } = {},
  ): void {
    const { annotation, lease } = given;
    const serial = device.facts.serial;
    const ref = { deviceId: device.key.id, serial, aaguid: device.facts.aaguid };
    let run = enqueueKey(session, ref);
    if (run.state === 'interrupted' || run.state === 'failed')
      run = applyKeyEvent(run, { type: 'retry' });
    session.keys[serial] = { ...run, ...ref, ...annotation };
    const task = given.task ?? this.#o.tasks(session, session.keys[serial]!);
    if (!task) {
      this.#transition(session, serial, {
        type: 'skip',
        at: this.#iso(),
        reason: `no task for ${session.kind}`,
      });
      return;
    }
    const controller = new AbortController();
    const done = this.#runKey(session, device, task, controller, lease).finally(() => {
      if (this.#inflight.get(serial)?.controller === controller) this.#inflight.delete(serial);
      this.#maybeClose(session);
    });
    this.#inflight.set(serial, { controller, deviceId: device.key.id, done });
  }

  async #runKey(
    session: Session,
    device: RegisteredDevice,
    task: KeyTask,
    controller: AbortController,
    given?: Lease,
  ): Promise<void> {
    const serial = device.facts.serial;
    const resultKey = `${session.id}/${serial}`;
    this.#transition(session, serial, { type: 'start', at: this.#iso() });
    let lease: Lease;
    try {
      lease = given ?? (await this.#acquire(session, device));
    } catch (error) {
      this.#fail(session, serial, toKeywardError(error));
      this.#results.set(resultKey, { error: toKeywardError(error) });
      return;
    }
    const renew = setInterval(
      () => {
        lease.renew().catch((error) => {
          this.#o.logger.warn(
            { err: error, serial },
            'lease renewal failed; aborting the operation',
          );
          controller.abort();
        });
      },
      Math.max(1_000, Math.floor(this.#o.leases.ttlMs / 3)),
    );
    try {
      const value = await task({
        session,
        device,
        lease,
        signal: controller.signal,
        step: (step, phase) =>
          this.#transition(
            session,
            serial,
            phase === 'start' ? { type: 'step', step } : { type: 'step-done', step },
          ),
        wait: (what) => this.#transition(session, serial, { type: 'wait', for: what }),
        annotate: (patch) => {
          session.keys[serial] = { ...session.keys[serial]!, ...patch };
        },
      });
      this.#transition(session, serial, { type: 'succeed', at: this.#iso() });
      this.#results.set(resultKey, { value });
      if (session.kind === 'configure' || session.kind === 'apply-policy')
        this.#toRepair.delete(serial);
    } catch (error) {
      const typed = toKeywardError(error);
      const keyGone = controller.signal.aborted || typed.code === 'DEVICE_GONE';
      if (keyGone) {
        this.#transition(session, serial, { type: 'interrupt', at: this.#iso() });
        this.#rememberInterrupted({ ...session, keys: { [serial]: session.keys[serial]! } });
        await this.#interruptedEvent(session, session.keys[serial]!);
      } else {
        this.#fail(session, serial, typed);
      }
      const gone = new KeywardError(
        'DEVICE_GONE',
        `key ${serial} was removed during ${session.kind}`,
        {
          details: { serial, step: session.keys[serial]?.step },
        },
      );
      this.#results.set(resultKey, { error: keyGone ? gone : typed });
    } finally {
      clearInterval(renew);
      await lease
        .release()
        .catch((error) => this.#o.logger.warn({ err: error, serial }, 'lease release failed'));
    }
  }

  #acquire(session: Session, device: RegisteredDevice): Promise<Lease> {
    return this.#o.leases.acquire({
      serial: device.facts.serial,
      gatewayId: this.#o.gatewayId,
      operationId: session.id,
      operation: session.kind,
      actor: session.actor,
    });
  }

  #fail(session: Session, serial: string, error: KeywardError): void {
    this.#transition(session, serial, {
      type: 'fail',
      at: this.#iso(),
      error: { code: error.code, message: error.message },
    });
  }

  #transition(session: Session, serial: string, event: KeyEvent): void {
    const current = session.keys[serial];
    if (!current) return;
    const run = applyKeyEvent(current, event);
    session.keys[serial] = run;
    this.#o.journal
      .writeKey(session, run)
      .catch((error) => this.#o.logger.error({ err: error, serial }, 'journal write failed'));
    this.#emit(session.id, { type: 'key', sessionId: session.id, run });
    const state = progressState(run);
    if (state) {
      void this.#publish(sessionEvents.progress, session.actor, serial, {
        sessionId: session.id,
        gatewayId: this.#o.gatewayId,
        deviceId: run.deviceId,
        serial,
        aaguid: run.aaguid,
        step: run.step ?? event.type,
        state,
        ...(run.state === 'succeeded' ||
        run.state === 'failed' ||
        run.state === 'interrupted' ||
        run.state === 'skipped'
          ? { outcome: run.state }
          : {}),
        ...(run.error && run.state === 'failed'
          ? { error: run.error as ReturnType<typeof toErrorBody> }
          : {}),
      });
    }
  }

  #maybeClose(session: Session): void {
    if (session.state !== 'running' && session.state !== 'stopping') return;
    if (!canClose(session)) return;
    const closed = closeSession(session, this.#iso());
    session.state = closed.state;
    if (closed.finishedAt) session.finishedAt = closed.finishedAt;
    const counts = countKeys(session);
    this.#o.journal
      .writeSession(session)
      .catch((error) => this.#o.logger.error({ err: error }, 'journal write failed'));
    void this.#publish(sessionEvents.completed, session.actor, undefined, {
      sessionId: session.id,
      gatewayId: this.#o.gatewayId,
      kind: session.kind,
      outcome:
        session.state === 'stopped'
          ? 'stopped'
          : counts.failed > 0 && counts.succeeded === 0
            ? 'failed'
            : 'completed',
      counts,
    });
    const { keys: _k, ...head } = session;
    this.#emit(session.id, { type: 'session', session: head, counts });
    // The console expects a fresh view once a session closes: re-read the keys it touched.
    for (const run of Object.values(session.keys)) {
      const device = this.#o.registry.bySerial(run.serial);
      if (device) void this.#o.registry.refresh(device.key.id).catch(() => undefined);
    }
  }

  async #interruptedEvent(session: Session, run: KeyRun): Promise<void> {
    await this.#publish(deviceEvents.interrupted, session.actor, run.serial, {
      gatewayId: this.#o.gatewayId,
      deviceId: run.deviceId,
      serial: run.serial,
      aaguid: run.aaguid,
      sessionId: session.id,
      operation: session.kind,
      ...(run.step ? { step: run.step } : {}),
      completedSteps: run.completedSteps,
    });
  }

  #emit(id: string, message: SessionMessage): void {
    for (const listener of this.#listeners.get(id) ?? []) listener(message);
    for (const listener of this.#everyListener) listener(message);
  }

  async #publish(
    def: Parameters<EventSink['publish']>[0],
    actor: string,
    subject: string | undefined,
    data: unknown,
  ): Promise<void> {
    try {
      await this.#o.events.publish(def, { actor, ...(subject ? { subject } : {}), data } as never);
    } catch (error) {
      this.#o.logger.error({ err: error, type: def.type }, 'event not published');
    }
  }

  /** The session, or NOT_FOUND (404). */
  require(id: string): Session {
    const session = this.#sessions.get(id);
    if (!session) {
      throw new KeywardError('NOT_FOUND', `no session "${id}" on this gateway`, {
        details: { sessionId: id },
      });
    }
    return session;
  }

  #iso(): string {
    return this.#o.now().toISOString();
  }
}

function progressState(
  run: KeyRun,
):
  | 'running'
  | 'waiting-for-touch'
  | 'waiting-for-reinsert'
  | 'done'
  | 'failed'
  | 'interrupted'
  | undefined {
  switch (run.state) {
    case 'running':
    case 'waiting-for-touch':
    case 'waiting-for-reinsert':
    case 'interrupted':
      return run.state;
    case 'succeeded':
    case 'skipped':
      return 'done';
    case 'failed':
      return 'failed';
    default:
      return undefined;
  }
}
