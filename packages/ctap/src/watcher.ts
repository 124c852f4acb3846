/**
 * DeviceWatcher: one stream of attached/detached events for HID keys (polling enumerate), PC/SC
 * cards (reader and card-presence events) and in-memory simulator keys. Ids are stable while a
 * device stays attached: "usb:<hidraw path>", "pcsc:<reader name>", "memory:<name>".
 */
import type { CtapDevice, DeviceDescriptor } from './device.ts';
import type { HidConnectionOptions } from './hid/hidConnection.ts';
import { type HidDeviceInfo, listHidDevices, openHidDevice } from './hid/nodeHid.ts';
import { type MemoryHidEndpoint, MemoryHidTransport } from './memory.ts';
import type { PcscDeviceOptions } from './pcsc/pcscDevice.ts';
import type { PcscTransport } from './pcsc/pcscTransport.ts';

export type DeviceEvent =
  | { type: 'attached'; descriptor: DeviceDescriptor }
  | { type: 'detached'; descriptor: DeviceDescriptor }
  | { type: 'error'; source: 'hid' | 'pcsc'; error: Error };

export type DeviceWatcherOptions = {
  /** Poll node-hid; false to skip HID (default true, every 1000 ms). */
  hid?: boolean | { pollIntervalMs?: number; list?: () => Promise<HidDeviceInfo[]> };
  /** A started PC/SC transport to follow (default none). */
  pcsc?: PcscTransport;
  hidOptions?: HidConnectionOptions;
  pcscOptions?: PcscDeviceOptions;
};

type Entry =
  | { kind: 'usb'; descriptor: DeviceDescriptor; info: HidDeviceInfo }
  | { kind: 'pcsc'; descriptor: DeviceDescriptor }
  | { kind: 'memory'; descriptor: DeviceDescriptor; endpoint: MemoryHidEndpoint };

export class DeviceWatcher {
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<(event: DeviceEvent) => void>();
  readonly #stops: (() => void)[] = [];
  readonly #options: DeviceWatcherOptions;
  #polling = false;

  private constructor(options: DeviceWatcherOptions) {
    this.#options = options;
  }

  /** Starts watching; subscribe with `onEvent` (current devices are in `devices()`). */
  static start(options: DeviceWatcherOptions = {}): DeviceWatcher {
    const w = new DeviceWatcher(options);
    const hid = options.hid ?? true;
    if (hid !== false) {
      const { pollIntervalMs = 1000, list = listHidDevices } = hid === true ? {} : hid;
      const timer = setInterval(() => void w.#pollHid(list), pollIntervalMs);
      timer.unref();
      w.#stops.push(() => clearInterval(timer));
      void w.#pollHid(list);
    }
    if (options.pcsc) w.#followPcsc(options.pcsc);
    return w;
  }

  onEvent(cb: (event: DeviceEvent) => void): () => void {
    this.#listeners.add(cb);
    return () => this.#listeners.delete(cb);
  }

  devices(): DeviceDescriptor[] {
    return [...this.#entries.values()].map((e) => e.descriptor);
  }

  /** Resolves with the next attached device matching `filter` (or one already attached). */
  waitForDevice(
    filter: (d: DeviceDescriptor) => boolean = () => true,
    signal?: AbortSignal,
  ): Promise<DeviceDescriptor> {
    const present = this.devices().find(filter);
    if (present) return Promise.resolve(present);
    return new Promise((resolve, reject) => {
      const off = this.onEvent((e) => {
        if (e.type === 'attached' && filter(e.descriptor)) {
          off();
          resolve(e.descriptor);
        }
      });
      signal?.addEventListener('abort', () => {
        off();
        reject(signal.reason);
      });
    });
  }

  /** Opens an attached device by id. */
  async open(id: string): Promise<CtapDevice> {
    const entry = this.#entries.get(id);
    if (!entry) throw new TypeError(`no attached device with id "${id}"`);
    if (entry.kind === 'usb') return openHidDevice(entry.info, this.#options.hidOptions);
    if (entry.kind === 'memory') {
      return MemoryHidTransport.open(entry.endpoint, {
        ...this.#options.hidOptions,
        name: entry.descriptor.path,
      });
    }
    return this.#options.pcsc!.open(entry.descriptor.path, this.#options.pcscOptions);
  }

  /** Adds a simulator key (in-memory CTAPHID endpoint) under `name`. */
  addMemoryDevice(name: string, endpoint: MemoryHidEndpoint): DeviceDescriptor {
    const descriptor: DeviceDescriptor = { id: `memory:${name}`, transport: 'memory', path: name };
    this.#attach({ kind: 'memory', descriptor, endpoint });
    return descriptor;
  }

  removeMemoryDevice(name: string): void {
    this.#detach(`memory:${name}`);
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#listeners.clear();
  }

  #emit(event: DeviceEvent): void {
    for (const cb of this.#listeners) cb(event);
  }

  #attach(entry: Entry): void {
    if (this.#entries.has(entry.descriptor.id)) return;
    this.#entries.set(entry.descriptor.id, entry);
    this.#emit({ type: 'attached', descriptor: entry.descriptor });
  }

  #detach(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#emit({ type: 'detached', descriptor: entry.descriptor });
  }

  async #pollHid(list: () => Promise<HidDeviceInfo[]>): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      const found = await list();
      const ids = new Set(found.map((d) => d.id));
      for (const [id, e] of this.#entries) if (e.kind === 'usb' && !ids.has(id)) this.#detach(id);
      for (const info of found) this.#attach({ kind: 'usb', descriptor: info, info });
    } catch (error) {
      this.#emit({ type: 'error', source: 'hid', error: error as Error });
    } finally {
      this.#polling = false;
    }
  }

  #followPcsc(pcsc: PcscTransport): void {
    for (const descriptor of pcsc.cards()) this.#attach({ kind: 'pcsc', descriptor });
    this.#stops.push(
      pcsc.onEvent((event) => {
        if (event.type === 'error') {
          this.#emit({ type: 'error', source: 'pcsc', error: event.error });
          return;
        }
        const id = `pcsc:${event.reader}`;
        if (event.type === 'card-inserted') {
          this.#attach({ kind: 'pcsc', descriptor: { id, transport: 'pcsc', path: event.reader } });
        } else if (event.type === 'card-removed' || event.type === 'reader-removed') {
          this.#detach(id);
        }
      }),
    );
  }
}
