import { KeywardError } from '@keyward/contracts';

/** Who holds a device lease; stored as the KV value, shown in the 409 message. */
export interface LeaseHolder {
  gatewayId: string;
  /** Session or operation id. */
  operationId: string;
  operation: string;
  actor: string;
  /** ISO time the lease was first taken. */
  since: string;
  /** ISO time of the last renewal; a lease not renewed for `ttlMs` is dead. */
  renewedAt: string;
}

/** Default lease time-to-live; the holder renews every third of it. */
export const LEASE_TTL_MS = 30_000;

/**
 * A lease whose holder stopped renewing it is dead and may be taken over. The bucket's max_age
 * also removes it server-side (nats-server 2.9 has no per-message TTL), this check makes the
 * takeover deterministic for a caller with its own clock.
 */
export function isLeaseExpired(holder: LeaseHolder, nowMs: number, ttlMs: number): boolean {
  return nowMs - Date.parse(holder.renewedAt) >= ttlMs;
}

/**
 * The same gateway working on the same session is the same holder, even across a restart: a
 * resumed session takes its own lease back instead of waiting a TTL for its dead predecessor.
 */
export function isSameHolder(
  a: Pick<LeaseHolder, 'gatewayId' | 'operationId'>,
  b: Pick<LeaseHolder, 'gatewayId' | 'operationId'>,
): boolean {
  return a.gatewayId === b.gatewayId && a.operationId === b.operationId;
}

/** The typed 409: "device busy: held by … since …", with the holder as safe details. */
export function deviceBusy(serial: string, holder: LeaseHolder): KeywardError {
  return new KeywardError(
    'DEVICE_BUSY',
    `device busy: held by ${holder.actor} (${holder.operation} ${holder.operationId} on gateway ${holder.gatewayId}) since ${holder.since}`,
    { details: { serial, holder } },
  );
}

/**
 * KV keys allow `[-/_=.a-zA-Z0-9]`; serials are vendor strings, so anything else is hex-escaped
 * (`_xx`) — injective, because `_` itself is escaped too.
 */
export function leaseKey(serial: string): string {
  const safe = serial.replace(/[^-=.a-zA-Z0-9]/g, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `_${b.toString(16).padStart(2, '0')}`).join(''),
  );
  return `device.${safe}`;
}

export function parseHolder(value: unknown): LeaseHolder | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const fields = ['gatewayId', 'operationId', 'operation', 'actor', 'since', 'renewedAt'];
  return fields.every((f) => typeof v[f] === 'string') ? (v as unknown as LeaseHolder) : undefined;
}
