/**
 * The chain partition of an event type: its domain, the segment after `keyward.`
 * (`keyward.device.configured` → `device`). One chain per domain keeps contention on each chain
 * head low while every record still has exactly one predecessor (docs/adr/0002-audit-chain.md).
 */
export function partitionOf(type: string): string {
  const parts = type.split('.');
  if (parts[0] === 'keyward' && parts.length >= 3 && parts[1]) return parts[1];
  return 'other';
}
