import { DeviceWatcher, PcscTransport } from '@keyward/ctap';
import type { Logger } from 'pino';
import type { DeviceRegistry } from './deviceRegistry.ts';

export interface WatcherSourceOptions {
  registry: DeviceRegistry;
  logger: Logger;
  hid: boolean;
  pcsc: boolean;
}

/**
 * Real keys: follows @keyward/ctap's DeviceWatcher (HID polling, PC/SC card events) and feeds
 * the registry. Returns a stop function.
 */
export function startWatcherSource(options: WatcherSourceOptions): {
  stop(): void;
  rescan(): void;
} {
  const { registry, logger, hid, pcsc } = options;
  const transport = pcsc ? PcscTransport.start() : undefined;
  const watcher = DeviceWatcher.start({ hid, ...(transport ? { pcsc: transport } : {}) });
  const attach = async (id: string, kind: 'usb' | 'nfc' | 'pcsc' | 'memory') => {
    try {
      const device = await watcher.open(id);
      await registry.attach({ id, transport: kind, simulated: false, device });
    } catch (error) {
      logger.warn({ err: error, deviceId: id }, 'attached key could not be opened');
    }
  };
  watcher.onEvent((event) => {
    if (event.type === 'attached') void attach(event.descriptor.id, event.descriptor.transport);
    else if (event.type === 'detached') registry.detach(event.descriptor.id);
    else logger.warn({ err: event.error, source: event.source }, 'device watcher error');
  });
  return {
    stop: () => {
      watcher.stop();
      (transport as { close?: () => void } | undefined)?.close?.();
    },
    rescan: () => {
      for (const d of watcher.devices()) {
        if (!registry.list().some((r) => r.key.id === d.id)) void attach(d.id, d.transport);
      }
    },
  };
}
