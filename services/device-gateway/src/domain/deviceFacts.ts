import type { InfoSummary } from '@keyward/contracts';

/**
 * What the gateway knows about an attached key from the key itself (authenticatorGetInfo,
 * CTAP 2.1 §6.4, plus the vendor profile). Read by `readDevice`; never contains a secret.
 */
export interface DeviceFacts {
  serial: string;
  aaguid: string;
  /** Product string, or the simulator profile name. */
  name: string;
  transport: 'usb' | 'nfc' | 'pcsc' | 'memory';
  deviceType: 'usb-key' | 'nfc-card' | 'smart-card' | 'printer-encoder';
  info: InfoSummary;
  /** getInfo options.clientPin: true = PIN set, false = supported but not set. */
  pinSet: boolean;
  /** Key-level admin PIN (enterprise/managed keys only); undefined on standard keys. */
  adminPin?: { set: boolean; retries?: number };
  simulated: boolean;
}

/** A managed (enterprise) key has an admin PIN facility; a standard key has only the user PIN. */
export function keyKind(facts: Pick<DeviceFacts, 'adminPin'>): 'standard' | 'enterprise' {
  return facts.adminPin === undefined ? 'standard' : 'enterprise';
}

/** What keyward.policy.plan needs to know about the vendor admin PIN. */
export function adminPinState(facts: Pick<DeviceFacts, 'adminPin'>): 'absent' | 'not-set' | 'set' {
  if (facts.adminPin === undefined) return 'absent';
  return facts.adminPin.set ? 'set' : 'not-set';
}

/** CTAP 2.1 §6.5.5.2: the PIN is blocked once the retry counter reaches 0. */
export function isPinBlocked(facts: Pick<DeviceFacts, 'info'>): boolean {
  return facts.info.pinRetries === 0;
}
