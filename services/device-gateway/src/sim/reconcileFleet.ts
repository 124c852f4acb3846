/** A virtual key saved in the simulation's state directory. */
export interface SavedKey {
  serial: string;
  profile: string;
}

export interface FleetPlan {
  /** Saved keys plugged in again, with their state. */
  restore: SavedKey[];
  /** New keys to create, per profile. */
  add: { profile: string; count: number }[];
  /** Saved keys beyond the requested fleet: left on disk, not plugged in. */
  leave: SavedKey[];
}

/**
 * Which saved virtual keys come back and which are made, so the fleet plugged in is exactly
 * KEYWARD_SIM_DEVICES while the keys it already had keep their state (PINs, credentials).
 * Without a requested fleet every saved key comes back. Saved keys are taken in serial order,
 * so the same ones come back on every start.
 */
export function reconcileFleet(
  saved: readonly SavedKey[],
  wanted: readonly { profile: string; count: number }[] | undefined,
): FleetPlan {
  const ordered = [...saved].sort((a, b) => a.serial.localeCompare(b.serial));
  if (!wanted) return { restore: ordered, add: [], leave: [] };
  const counts = new Map<string, number>();
  for (const { profile, count } of wanted) counts.set(profile, (counts.get(profile) ?? 0) + count);
  const restore: SavedKey[] = [];
  const leave: SavedKey[] = [];
  const taken = new Map<string, number>();
  for (const key of ordered) {
    const used = taken.get(key.profile) ?? 0;
    if (used < (counts.get(key.profile) ?? 0)) {
      restore.push(key);
      taken.set(key.profile, used + 1);
    } else leave.push(key);
  }
  const add = [...counts]
    .map(([profile, count]) => ({ profile, count: count - (taken.get(profile) ?? 0) }))
    .filter((a) => a.count > 0);
  return { restore, add, leave };
}

/** "2 generic, 1 enterprise" for the start-up log line. */
export function describeCounts(keys: readonly { profile: string; count?: number }[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k.profile, (counts.get(k.profile) ?? 0) + (k.count ?? 1));
  return [...counts].map(([profile, n]) => `${n} ${profile}`).join(', ') || 'none';
}
