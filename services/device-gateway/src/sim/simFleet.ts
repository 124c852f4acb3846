import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttestationMaterial,
  type AuthenticatorState,
  type CtapHidEndpoint,
  createAuthenticator,
  createCtapHidEndpoint,
  type LatencyProfile,
  loadState,
  PROFILE_NAMES,
  type PresencePolicy,
  type ProfileName,
  type VirtualAuthenticator,
} from '@keyward/authenticator-sim';
import { KeywardError } from '@keyward/contracts';
import { type HidCtapDevice, MemoryHidTransport } from '@keyward/ctap';
import type { DeviceRegistry } from '../devices/deviceRegistry.ts';
import type { SimulationControl } from '../operations/gatewayCore.ts';
import { HelpDeskUnlock } from './helpDeskUnlock.ts';
import { type FleetPlan, reconcileFleet } from './reconcileFleet.ts';

/** How long a simulated touch waits for the key to ask for one. */
const TOUCH_WAIT_MS = 10_000;

interface Plugged {
  deviceId: string;
  authenticator: VirtualAuthenticator;
  endpoint: CtapHidEndpoint;
  device: HidCtapDevice;
  closeListeners: Set<(cause?: Error) => void>;
}

export interface SimFleetOptions {
  registry: DeviceRegistry;
  presence?: PresencePolicy;
  latency?: LatencyProfile;
  /** One attestation PKI shared by the fleet (generating one per key is slow). */
  attestation?: AttestationMaterial;
  /**
   * Keeps each virtual key's state in `<stateDir>/<serial>.json`, saved after every command,
   * so the fleet survives a gateway restart like physical keys do.
   */
  stateDir?: string;
}

/**
 * Virtual keys plugged into the gateway over the in-memory CTAPHID transport: the real host
 * framing path of @keyward/ctap talking to @keyward/authenticator-sim. Unplugging closes the
 * endpoint; reinserting power-cycles the same authenticator (state kept, reset window open).
 */
export class SimFleet implements SimulationControl {
  readonly #o: SimFleetOptions;
  readonly #plugged = new Map<string, Plugged>();
  readonly #unplugged = new Map<string, VirtualAuthenticator>();
  readonly #persisted = new WeakSet<VirtualAuthenticator>();
  readonly #helpDesk = new HelpDeskUnlock();
  #counter = 0;

  constructor(options: SimFleetOptions) {
    this.#o = options;
  }

  /** Parses `3:generic,1:enterprise` (KEYWARD_SIM_DEVICES). */
  static parseSpec(spec: string): { profile: ProfileName; count: number }[] {
    return spec
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [count, profile = 'generic'] = part.includes(':') ? part.split(':') : ['1', part];
        const n = Number(count);
        if (
          !Number.isInteger(n) ||
          n < 0 ||
          !(PROFILE_NAMES as readonly string[]).includes(profile)
        ) {
          throw new KeywardError(
            'CONFIG_INVALID',
            `KEYWARD_SIM_DEVICES: "${part}" is not <count>:<${PROFILE_NAMES.join('|')}>`,
          );
        }
        return { profile: profile as ProfileName, count: n };
      });
  }

  list() {
    return [...this.#plugged.values()].map((p) => ({
      deviceId: p.deviceId,
      serial: p.authenticator.serial,
      profile: p.authenticator.profile.name,
    }));
  }

  authenticator(deviceId: string): VirtualAuthenticator {
    return this.#get(deviceId).authenticator;
  }

  async plug(options: {
    profile: string;
    serial?: string;
    /** Per-key latency (overrides the fleet's), e.g. to model slow hardware. */
    latency?: LatencyProfile;
    presence?: PresencePolicy;
  }): Promise<{ deviceId: string; serial: string }> {
    const { profile, serial } = options;
    const latency = options.latency ?? this.#o.latency;
    const presence = options.presence ?? this.#o.presence;
    const existing = serial ? this.#unplugged.get(serial) : undefined;
    const authenticator =
      existing ??
      createAuthenticator({
        profile: profile as ProfileName,
        ...(serial ? { serial } : {}),
        ...(presence ? { presence } : {}),
        ...(latency ? { latency } : {}),
        ...(this.#o.attestation ? { attestation: this.#o.attestation } : {}),
      });
    if (existing) this.#unplugged.delete(existing.serial);
    return this.#connect(authenticator);
  }

  async #connect(
    authenticator: VirtualAuthenticator,
  ): Promise<{ deviceId: string; serial: string }> {
    await authenticator.ready();
    this.#persist(authenticator);
    this.#counter += 1;
    const name = `sim-${this.#counter}`;
    const endpoint = createCtapHidEndpoint(authenticator);
    const closeListeners = new Set<(cause?: Error) => void>();
    const device = await MemoryHidTransport.open(
      {
        send: (r) => endpoint.send(r),
        onReport: (cb) => endpoint.onReport(cb),
        // Lets the host fail a running call at once when the key is pulled (DEVICE_GONE).
        onClose: (cb) => {
          closeListeners.add(cb);
          return () => closeListeners.delete(cb);
        },
      },
      { name },
    );
    const deviceId = device.descriptor.id;
    this.#plugged.set(deviceId, { deviceId, authenticator, endpoint, device, closeListeners });
    await this.#o.registry.attach({ id: deviceId, transport: 'memory', simulated: true, device });
    return { deviceId, serial: authenticator.serial };
  }

  async unplug(deviceId: string): Promise<void> {
    const plugged = this.#get(deviceId);
    this.#plugged.delete(deviceId);
    this.#unplugged.set(plugged.authenticator.serial, plugged.authenticator);
    plugged.endpoint.close();
    for (const cb of plugged.closeListeners) cb(new Error('virtual key unplugged'));
    await plugged.device.close().catch(() => undefined);
    this.#o.registry.detach(deviceId);
  }

  /** Plugs an authenticator built elsewhere (a saved state, a key prepared by a test). */
  async adopt(authenticator: VirtualAuthenticator): Promise<{ deviceId: string; serial: string }> {
    this.#unplugged.delete(authenticator.serial);
    return this.#connect(authenticator);
  }

  async reinsert(deviceId: string): Promise<{ deviceId: string }> {
    const { authenticator } = this.#get(deviceId);
    await this.unplug(deviceId);
    this.#unplugged.delete(authenticator.serial);
    authenticator.powerCycle();
    return this.#connect(authenticator);
  }

  /**
   * Blocks the key's PIN, as a user who mistyped it until the retry counter ran out (CTAP 2.1
   * §6.5.5.2): the key comes back with no PIN retries left, LOCKED.
   */
  async blockPin(deviceId: string): Promise<{ deviceId: string }> {
    const { authenticator } = this.#get(deviceId);
    const state = authenticator.state();
    state.pin.retries = 0;
    await this.unplug(deviceId);
    const blocked = createAuthenticator({
      state,
      ...(this.#o.presence ? { presence: this.#o.presence } : {}),
      ...(this.#o.latency ? { latency: this.#o.latency } : {}),
    });
    return this.adopt(blocked);
  }

  /** Help-desk remote unlock, the user's side: the challenge the key shows (hex). */
  unlockChallenge(deviceId: string, newPin: string): Promise<string> {
    return this.#helpDesk.challenge(deviceId, this.#get(deviceId).device, newPin);
  }

  /** Help-desk remote unlock: the response read back to the user, typed into the key. */
  unlockAnswer(deviceId: string, responseHex: string): Promise<{ pinRetries: number }> {
    return this.#helpDesk.answer(deviceId, responseHex);
  }

  /**
   * Touches the key when it asks for a touch, as a person does when it blinks: waits up to
   * `withinMs` for a request to be pending, so a touch is never lost to a race with the
   * command that asks for it. A key that does not ask within it is a TIMEOUT.
   */
  async touch(deviceId: string, withinMs = TOUCH_WAIT_MS): Promise<void> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      // Re-read each time: a reinsert gives the same key a new id.
      if (this.#get(deviceId).authenticator.touch()) return;
      if (Date.now() >= deadline)
        throw new KeywardError(
          'TIMEOUT',
          `virtual key ${deviceId} did not ask for a touch within ${withinMs} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Plugs in the requested fleet (KEYWARD_SIM_DEVICES; undefined = every saved key): saved keys
   * come back with their state as far as the request has room for them, the rest is made new
   * (reconcileFleet.ts). Returns what was done, for the start-up log.
   */
  async reconcile(spec: string | undefined): Promise<FleetPlan> {
    const dir = this.#o.stateDir;
    const states = new Map<string, AuthenticatorState>();
    if (dir && existsSync(dir)) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const state = await loadState(join(dir, file));
        states.set(state.serial, state);
      }
    }
    const saved = [...states.values()].map((s) => ({ serial: s.serial, profile: s.profile }));
    const plan = reconcileFleet(saved, spec === undefined ? undefined : SimFleet.parseSpec(spec));
    for (const key of plan.restore) {
      await this.adopt(
        createAuthenticator({
          state: states.get(key.serial)!,
          ...(this.#o.presence ? { presence: this.#o.presence } : {}),
          ...(this.#o.latency ? { latency: this.#o.latency } : {}),
        }),
      );
    }
    for (const { profile, count } of plan.add) {
      for (let i = 0; i < count; i += 1) await this.plug({ profile });
    }
    return plan;
  }

  #persist(authenticator: VirtualAuthenticator): void {
    const dir = this.#o.stateDir;
    if (!dir || this.#persisted.has(authenticator)) return;
    this.#persisted.add(authenticator);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${authenticator.serial.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
    // Synchronous on purpose (the state on disk is never older than the last answered command),
    // and write-then-rename so a gateway killed mid-write leaves the previous state, not half a file.
    const save = () => {
      writeFileSync(`${path}.tmp`, `${JSON.stringify(authenticator.state())}\n`, { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    };
    save();
    authenticator.onEvent((event) => {
      if (event.type === 'command' || event.type === 'reset') save();
    });
  }

  async close(): Promise<void> {
    for (const id of [...this.#plugged.keys()]) await this.unplug(id);
  }

  #get(deviceId: string): Plugged {
    const plugged = this.#plugged.get(deviceId);
    if (!plugged) throw new KeywardError('NOT_FOUND', `no virtual key "${deviceId}" is plugged in`);
    return plugged;
  }
}
