import { describe, expect, it } from 'vitest';
import { describeCounts, reconcileFleet } from './reconcileFleet.ts';

const saved = [
  { serial: 'SIM-C', profile: 'generic' },
  { serial: 'SIM-A', profile: 'generic' },
  { serial: 'SIM-B', profile: 'enterprise' },
];

describe('reconcileFleet', () => {
  it('brings every saved key back when no fleet is requested', () => {
    expect(reconcileFleet(saved, undefined)).toEqual({
      restore: [saved[1], saved[2], saved[0]],
      add: [],
      leave: [],
    });
  });

  it('keeps the saved keys a larger fleet has room for and adds the rest', () => {
    const plan = reconcileFleet(saved, [
      { profile: 'generic', count: 3 },
      { profile: 'enterprise', count: 1 },
    ]);
    expect(plan.restore.map((k) => k.serial)).toEqual(['SIM-A', 'SIM-B', 'SIM-C']);
    expect(plan.add).toEqual([{ profile: 'generic', count: 1 }]);
    expect(plan.leave).toEqual([]);
  });

  it('leaves saved keys beyond a smaller fleet, and keys of a profile not asked for, unplugged', () => {
    const plan = reconcileFleet(saved, [{ profile: 'generic', count: 1 }]);
    expect(plan.restore.map((k) => k.serial)).toEqual(['SIM-A']);
    expect(plan.leave.map((k) => k.serial)).toEqual(['SIM-B', 'SIM-C']);
    expect(plan.add).toEqual([]);
  });

  it('describes counts per profile for the log line', () => {
    expect(describeCounts(saved)).toBe('2 generic, 1 enterprise');
    expect(describeCounts([{ profile: 'generic', count: 2 }])).toBe('2 generic');
    expect(describeCounts([])).toBe('none');
  });
});
