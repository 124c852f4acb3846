import { EventEmitter } from 'node:events';
import { KeywardError } from '@keyward/contracts';
import type { DeviceFacts } from '../domain/deviceFacts.ts';
import type { AttachedKey, DeviceOperations } from './deviceOperations.ts';

/** One identified key on this gateway. */
export interface RegisteredDevice {
  key: AttachedKey;
  facts: DeviceFacts;
  attachedAt: string;
}

export interface DeviceRegistryEvents {
  attached: [RegisteredDevice];
  detached: [RegisteredDevice];
  /** A key's facts were re-read after an operation (PIN set, retries, reset ...). */
  changed: [RegisteredDevice];
  /** A key appeared but could not be identified (getInfo failed); it is not listed. */
  unidentified: [{ key: AttachedKey; error: unknown }];
}

export interface DeviceRegistryOptions {
  operations: DeviceOperations;
  now?: () => Date;
}

/**
 * The keys attached to this gateway, merged from every source (CTAP DeviceWatcher, simulation).
 * A key is listed once it has been identified (readDevice: serial, AAGUID, getInfo).
 */
export class DeviceRegistry extends EventEmitter<DeviceRegistryEvents> {
  readonly #devices = new Map<string, RegisteredDevice>();
  readonly #pending = new Map<string, AttachedKey>();
  readonly #ops: DeviceOperations;
  readonly #now: () => Date;

  constructor(options: DeviceRegistryOptions) {
    super();
    // One listener per open GET /devices/events stream, besides the gateway's own.
    this.setMaxListeners(0);
    this.#ops = options.operations;
    this.#now = options.now ?? (() => new Date());
  }

  list(): RegisteredDevice[] {
    return [...this.#devices.values()].sort((a, b) => a.key.id.localeCompare(b.key.id));
  }

  get(id: string): RegisteredDevice {
    const device = this.#devices.get(id);
    if (!device) {
      throw new KeywardError('NOT_FOUND', `no device "${id}" is attached to this gateway`, {
        details: { deviceId: id },
      });
    }
    return device;
  }

  bySerial(serial: string): RegisteredDevice | undefined {
    return [...this.#devices.values()].find((d) => d.facts.serial === serial);
  }

  /** Called by a source when a key appears; identifies it and announces it. */
  async attach(key: AttachedKey): Promise<RegisteredDevice | undefined> {
    this.#pending.set(key.id, key);
    let facts: DeviceFacts;
    try {
      facts = await this.#ops.readDevice(key);
    } catch (error) {
      this.#pending.delete(key.id);
      this.emit('unidentified', { key, error });
      return undefined;
    }
    // Pulled out while being identified.
    if (this.#pending.get(key.id) !== key) return undefined;
    this.#pending.delete(key.id);
    const device: RegisteredDevice = { key, facts, attachedAt: this.#now().toISOString() };
    this.#devices.set(key.id, device);
    this.emit('attached', device);
    return device;
  }

  /** Called by a source when a key disappears. */
  detach(id: string): void {
    this.#pending.delete(id);
    const device = this.#devices.get(id);
    if (!device) return;
    this.#devices.delete(id);
    this.emit('detached', device);
  }

  /** Re-reads a key's facts after an operation changed it. */
  async refresh(id: string): Promise<RegisteredDevice> {
    const device = this.get(id);
    const facts = await this.#ops.readDevice(device.key);
    const current = this.#devices.get(id);
    if (current !== device) return this.get(id);
    const updated = { ...device, facts };
    this.#devices.set(id, updated);
    this.emit('changed', updated);
    return updated;
  }

  /** Re-identifies every attached key (POST /devices/refresh); keys that fail stay listed. */
  async refreshAll(): Promise<void> {
    await Promise.allSettled(this.list().map((d) => this.refresh(d.key.id)));
  }

  /**
   * Resolves when a key with `serial` is attached (again), e.g. the reinsert of a reset.
   * Rejects with TIMEOUT after `timeoutMs`, or when `signal` aborts.
   */
  waitForSerial(
    serial: string,
    options: { timeoutMs: number; signal?: AbortSignal; exceptId?: string },
  ): Promise<RegisteredDevice> {
    const { timeoutMs, signal, exceptId } = options;
    return new Promise((resolve, reject) => {
      const onAttached = (device: RegisteredDevice) => {
        if (device.facts.serial !== serial || device.key.id === exceptId) return;
        cleanup();
        resolve(device);
      };
      const onAbort = () => {
        cleanup();
        reject(new KeywardError('CONFLICT', `waiting for key ${serial} was cancelled`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new KeywardError('TIMEOUT', `key ${serial} did not come back within ${timeoutMs} ms`, {
            details: { serial, timeoutMs },
          }),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('attached', onAttached);
        signal?.removeEventListener('abort', onAbort);
      };
      this.on('attached', onAttached);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
