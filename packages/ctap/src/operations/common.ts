/** What every operation takes besides its own options, and the helpers they share. */
import { Ctap2 } from '../ctap2/ctap2.ts';
import type { CallOptions, CtapDevice } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import { defaultVendorProfiles } from '../vendor/keywardSim.ts';
import { findVendorProfile, type VendorProfile } from '../vendor/vendorProfile.ts';

export type OperationOptions = {
  signal?: AbortSignal;
  /** 1 PROCESSING, 2 UPNEEDED ("touch the key"). */
  onKeepalive?: (status: number) => void;
  /** Per CTAP call (default: the transport's, 120 s). */
  timeoutMs?: number;
  /** Vendor profiles to try (default: the keyward-sim profile). */
  vendorProfiles?: readonly VendorProfile[];
};

export function callOptions(o: OperationOptions): CallOptions {
  const out: CallOptions = {};
  if (o.signal) out.signal = o.signal;
  if (o.onKeepalive) out.onKeepalive = o.onKeepalive;
  if (o.timeoutMs !== undefined) out.timeoutMs = o.timeoutMs;
  return out;
}

export function openCtap2(dev: CtapDevice, o: OperationOptions): Promise<Ctap2> {
  return Ctap2.open(dev, callOptions(o));
}

export function vendorOf(ctap2: Ctap2, o: OperationOptions): VendorProfile | undefined {
  return findVendorProfile(
    ctap2.info,
    ctap2.device.descriptor,
    o.vendorProfiles ?? defaultVendorProfiles,
  );
}

/** The vendor method, or UnsupportedError naming what is missing. */
export function requireVendor<K extends keyof VendorProfile>(
  ctap2: Ctap2,
  o: OperationOptions,
  method: K,
  what: string,
): { profile: VendorProfile; fn: NonNullable<VendorProfile[K]> } {
  const profile = vendorOf(ctap2, o);
  const fn = profile?.[method];
  if (!profile || !fn) {
    throw new UnsupportedError(
      `${what} (no vendor profile for AAGUID ${ctap2.info.aaguid} offers it)`,
    );
  }
  return { profile, fn: fn as NonNullable<VendorProfile[K]> };
}

export const b64url = {
  encode: (b: Uint8Array) => Buffer.from(b).toString('base64url'),
  decode: (s: string, field: string): Uint8Array => {
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) throw new TypeError(`${field}: expected base64url`);
    return new Uint8Array(Buffer.from(s, 'base64url'));
  },
};
