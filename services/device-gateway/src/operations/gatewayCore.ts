import type { Logger } from 'pino';
import type { PolicyVault } from '../bus/policyVault.ts';
import type { EventSink, Requester } from '../bus/ports.ts';
import type { DeviceOperations } from '../devices/deviceOperations.ts';
import type { DeviceRegistry } from '../devices/deviceRegistry.ts';
import type { LeaseStore } from '../store/leaseStore.ts';
import type { NameCache } from './nameCache.ts';
import type { SessionManager } from './sessionManager.ts';

/** Plugs, unplugs and touches virtual keys; present only when simulation is on. */
export interface SimulationControl {
  plug(options: {
    profile: string;
    serial?: string;
  }): Promise<{ deviceId: string; serial: string }>;
  unplug(deviceId: string): Promise<void>;
  /** Unplug and plug the same virtual key again (power cycle), as a person reinserting it. */
  reinsert(deviceId: string): Promise<{ deviceId: string }>;
  touch(deviceId: string): Promise<void>;
  /** Runs the key's PIN retries out (LOCKED), as repeated wrong PINs would. */
  blockPin(deviceId: string): Promise<{ deviceId: string }>;
  /** Help-desk remote unlock, the user's side: the challenge the key shows (hex). */
  unlockChallenge(deviceId: string, newPin: string): Promise<string>;
  /** Help-desk remote unlock: the response read back, given to the key. */
  unlockAnswer(deviceId: string, responseHex: string): Promise<{ pinRetries: number }>;
  list(): { deviceId: string; serial: string; profile: string }[];
}

/** Everything the HTTP and bus adapters use; built once in main.ts. */
export interface GatewayCore {
  gatewayId: string;
  registry: DeviceRegistry;
  sessions: SessionManager;
  ops: DeviceOperations;
  leases: LeaseStore;
  requester: Requester;
  /** The policy requests that carry secrets, sealed (ADR 0007). */
  vault: PolicyVault;
  events: EventSink;
  logger: Logger;
  /** Policy and IdP names of the expanded device view (kept briefly). */
  names: NameCache;
  simulation?: SimulationControl;
  /** Reset: how long the operator has to pull the key out and put it back. */
  reinsertTimeoutMs: number;
}
