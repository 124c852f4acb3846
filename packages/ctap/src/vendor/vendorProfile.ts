/**
 * The plug-in point for vendor-specific commands (serial, admin PIN, unlock). A real vendor is
 * added by writing one VendorProfile and passing it in `vendorProfiles`; the core never changes.
 * Every method is optional: what a profile lacks, operations report as "unsupported by this key".
 */
import type { Ctap2 } from '../ctap2/ctap2.ts';
import type { CtapInfo } from '../ctap2/info.ts';
import type { CallOptions, DeviceDescriptor } from '../device.ts';

export type AdminPinStatus = { set: boolean; retries: number };

export interface VendorProfile {
  readonly id: string;
  matches(info: CtapInfo, descriptor: DeviceDescriptor): boolean;
  getSerial?(ctap2: Ctap2, options?: CallOptions): Promise<string>;
  getAdminPinStatus?(ctap2: Ctap2, options?: CallOptions): Promise<AdminPinStatus>;
  /** Sets the admin PIN the first time, or changes it (then `currentAdminPin` is required). */
  setAdminPin?(
    ctap2: Ctap2,
    args: { newAdminPin: string; currentAdminPin?: string },
    options?: CallOptions,
  ): Promise<void>;
  /** Sets a new user PIN authorised by the admin PIN (unblocks a PIN-blocked key). */
  adminUnlock?(
    ctap2: Ctap2,
    args: { adminPin: string; newPin: string },
    options?: CallOptions,
  ): Promise<void>;
  /** Proves the admin PIN and changes nothing (a wrong one takes an admin PIN retry). */
  verifyAdminPin?(ctap2: Ctap2, args: { adminPin: string }, options?: CallOptions): Promise<void>;
  getUnlockChallenge?(ctap2: Ctap2, options?: CallOptions): Promise<Uint8Array>;
  remoteUnlock?(
    ctap2: Ctap2,
    args: { response: Uint8Array; newPin: string },
    options?: CallOptions,
  ): Promise<void>;
  setUnlockSecret?(
    ctap2: Ctap2,
    args: { adminPin: string; unlockSecret: Uint8Array },
    options?: CallOptions,
  ): Promise<void>;
}

/** The first profile that matches, or undefined. */
export function findVendorProfile(
  info: CtapInfo,
  descriptor: DeviceDescriptor,
  profiles: readonly VendorProfile[],
): VendorProfile | undefined {
  return profiles.find((p) => p.matches(info, descriptor));
}
