/**
 * createAuthenticator: a software CTAP 2.1 security key. Requests are processed one at a time,
 * like a real key; transports (CTAPHID endpoint, vpcd card) call `handleRequest`.
 */
import { CtapStatus, KeepaliveStatus } from '@keyward/ctap/internal';
import { generateAttestationMaterial } from './attestationCa.ts';
import { type Clock, createSystemClock } from './clock.ts';
import type { AuthenticatorEvent, CommandContext } from './context.ts';
import { parseRequest, runHandler, statusOf } from './dispatcher.ts';
import { PresenceGate, type PresenceOutcome, type PresencePolicy } from './presence.ts';
import { getProfile, type Profile, type ProfileName } from './profiles.ts';
import { powerUp, type Runtime } from './runtime.ts';
import {
  type AttestationMaterial,
  type AuthenticatorState,
  cloneState,
  createInitialState,
  parseState,
} from './state.ts';

/** Extra time per command (by command name, or clientPin subcommand name such as "setPIN"). */
export type LatencyProfile = Readonly<Record<string, number>>;

export type CreateAuthenticatorOptions = {
  /** Device profile (default "generic"); ignored when `state` is given (the state has one). */
  profile?: ProfileName;
  /** Serial number (default random "KW" + 6 digits); ignored when `state` is given. */
  serial?: string;
  /** A saved state (see `state()` / `loadState`) to continue from. */
  state?: AuthenticatorState;
  /** User presence policy (default auto-approve). */
  presence?: PresencePolicy;
  /** Per-command latency in ms (default none). */
  latency?: LatencyProfile;
  /** Time source (default wall clock); tests pass `createManualClock()`. */
  clock?: Clock;
  /** Attestation PKI to use instead of generating one (e.g. shared by a fleet of keys). */
  attestation?: AttestationMaterial;
};

export type RequestOptions = {
  /** Aborting it cancels a wait for user presence (CTAPHID_CANCEL): status 0x2D. */
  signal?: AbortSignal;
  /** Keepalive status changes (PROCESSING / UPNEEDED) while the request runs. */
  onKeepalive?: (status: KeepaliveStatus) => void;
};

export interface VirtualAuthenticator {
  readonly profile: Profile;
  readonly serial: string;
  readonly aaguid: string;
  /** command byte ‖ CBOR → status byte ‖ CBOR. Never rejects. */
  handleRequest(request: Uint8Array, options?: RequestOptions): Promise<Uint8Array>;
  /** Same as handleRequest with the command byte apart. */
  handleCbor(cmd: number, payload: Uint8Array, options?: RequestOptions): Promise<Uint8Array>;
  /** Vendor-range commands (0x50–0x56), same framing as handleCbor. */
  handleVendor(cmd: number, payload: Uint8Array, options?: RequestOptions): Promise<Uint8Array>;
  /** Detach + attach: new key-agreement keys, no token, mismatch block cleared, reset window open. */
  powerCycle(): void;
  /** CTAPHID_WINK: the key would blink; here it tells the event listeners. */
  wink(): void;
  /** Approves a pending presence request (manual policy). Returns whether one was pending. */
  touch(): boolean;
  /** Whether a request is waiting for a touch right now. */
  readonly waitingForTouch: boolean;
  setPresence(policy: PresencePolicy): void;
  /** A deep copy of the persistent state (JSON-serialisable). */
  state(): AuthenticatorState;
  /** Resolves once the attestation PKI exists. */
  ready(): Promise<void>;
  /** PEM of the attestation root (trust anchor for packed attestation). */
  attestationRootPem(): Promise<string>;
  onEvent(listener: (event: AuthenticatorEvent) => void): () => void;
}

export function createAuthenticator(
  options: CreateAuthenticatorOptions = {},
): VirtualAuthenticator {
  const clock = options.clock ?? createSystemClock();
  let state = options.state
    ? parseState(options.state)
    : createInitialState(options.profile ?? 'generic', options.serial);
  if (options.attestation) state.attestation = structuredClone(options.attestation);
  const profile = getProfile(state.profile);
  let runtime: Runtime = powerUp(clock.now());
  let policy: PresencePolicy = options.presence ?? { kind: 'auto' };
  const latency = options.latency ?? {};
  const gate = new PresenceGate();
  const listeners = new Set<(event: AuthenticatorEvent) => void>();
  const emit = (event: AuthenticatorEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch {
        // A listener's failure must not change what the key answers.
      }
    }
  };
  let attestationPending: Promise<AttestationMaterial> | undefined;
  const attestation = (): Promise<AttestationMaterial> => {
    if (state.attestation) return Promise.resolve(state.attestation);
    attestationPending ??= generateAttestationMaterial({
      aaguid: profile.aaguid,
      serial: state.serial,
      model: profile.name,
    }).then((m) => {
      state.attestation ??= m;
      return state.attestation;
    });
    return attestationPending;
  };
  void attestation();

  let queue: Promise<unknown> = Promise.resolve();

  async function process(request: Uint8Array, opts: RequestOptions): Promise<Uint8Array> {
    let commandName = 'unknown';
    const ctx: CommandContext = {
      state,
      runtime,
      profile,
      clock,
      attestation,
      requestPresence: async (): Promise<PresenceOutcome> => {
        emit({ type: 'upNeeded', command: commandName });
        const outcome = await gate.request({
          policy,
          clock,
          signal: opts.signal,
          onWaiting: () => opts.onKeepalive?.(KeepaliveStatus.UPNEEDED),
        });
        opts.onKeepalive?.(KeepaliveStatus.PROCESSING);
        emit({ type: 'upResolved', outcome });
        return outcome;
      },
    };
    const parsed = parseRequest(ctx, request);
    commandName = parsed.name;
    // Multi-step command state survives only until any other command (CTAP 2.1 §6.3, §6.8).
    if (parsed.cmd !== 0x08) runtime.assertions = undefined;
    if (parsed.cmd !== 0x0a) runtime.credMgmt = undefined;
    if (!parsed.ok) {
      emit({ type: 'command', command: parsed.name, status: parsed.status });
      return Uint8Array.of(parsed.status);
    }
    const stateBefore = cloneState(state);
    const runtimeBefore: Runtime = { ...runtime, token: runtime.token && { ...runtime.token } };
    let response: Uint8Array;
    try {
      response = await runHandler(ctx, parsed);
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined) {
        state = stateBefore;
        runtime = runtimeBefore;
        response = Uint8Array.of(CtapStatus.CTAP1_ERR_OTHER);
      } else {
        response = Uint8Array.of(status);
      }
    }
    const delay = latency[parsed.name] ?? latency[parsed.route?.name ?? ''] ?? 0;
    if (delay > 0) {
      opts.onKeepalive?.(KeepaliveStatus.PROCESSING);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, delay));
    }
    emit({ type: 'command', command: parsed.name, status: response[0]! });
    return response;
  }

  const handleRequest = (request: Uint8Array, opts: RequestOptions = {}): Promise<Uint8Array> => {
    const copy = new Uint8Array(request);
    const run = queue.then(() => process(copy, opts));
    queue = run.catch(() => undefined);
    return run.catch(() => Uint8Array.of(CtapStatus.CTAP1_ERR_OTHER));
  };
  const withCmd = (cmd: number, payload: Uint8Array, opts?: RequestOptions) => {
    const request = new Uint8Array(1 + payload.length);
    request[0] = cmd & 0xff;
    request.set(payload, 1);
    return handleRequest(request, opts);
  };

  return {
    profile,
    get serial() {
      return state.serial;
    },
    aaguid: profile.aaguid,
    handleRequest,
    handleCbor: withCmd,
    handleVendor: withCmd,
    powerCycle() {
      runtime = powerUp(clock.now());
      emit({ type: 'powerCycle' });
    },
    wink: () => emit({ type: 'wink' }),
    touch: () => gate.touch(),
    get waitingForTouch() {
      return gate.waiting;
    },
    setPresence(next) {
      policy = next;
    },
    state: () => cloneState(state),
    ready: async () => {
      await attestation();
    },
    attestationRootPem: async () => (await attestation()).rootCertPem,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
