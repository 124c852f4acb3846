import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSupervisor } from '../src/supervisor.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await delay(25);
  if (!check()) throw new Error('condition not reached');
}

describe('createSupervisor', () => {
  it('prefixes every output line with the process name', async () => {
    const lines: string[] = [];
    const supervisor = createSupervisor({ write: (l) => lines.push(l) });
    supervisor.start({
      name: 'greeter',
      command: 'sh',
      args: ['-c', 'echo hello'],
      restart: false,
    });
    await until(() => lines.some((l) => l.includes('not restarted')));
    expect(lines).toContain('greeter  | hello');
    expect(lines).toContain('greeter  | exited with code 0; not restarted');
    await supervisor.stopAll();
  });

  it('reports a crash and restarts with growing delays', async () => {
    const lines: string[] = [];
    const supervisor = createSupervisor({
      write: (l) => lines.push(l),
      backoff: { baseMs: 10, maxMs: 40 },
    });
    const child = supervisor.start({ name: 'crasher', command: 'sh', args: ['-c', 'exit 3'] });
    await until(() => child.restarts() >= 3);
    await supervisor.stopAll();
    const reports = lines.filter((l) => l.includes('restarting in'));
    expect(reports.slice(0, 3)).toEqual([
      'crasher  | exited with code 3; restarting in 10 ms (restart 1)',
      'crasher  | exited with code 3; restarting in 20 ms (restart 2)',
      'crasher  | exited with code 3; restarting in 40 ms (restart 3)',
    ]);
  });

  it('stops every child, higher tiers first, and none is restarted', async () => {
    const lines: string[] = [];
    const supervisor = createSupervisor({ write: (l) => lines.push(l) });
    const infra = supervisor.start({ name: 'infra', command: 'sleep', args: ['600'] });
    const service = supervisor.start({ name: 'service', command: 'sleep', args: ['600'], tier: 1 });
    const pids = [infra.current()!.pid, service.current()!.pid];
    await supervisor.stopAll();
    expect(pids.map(isAlive)).toEqual([false, false]);
    const stops = lines.filter((l) => l.endsWith('| stopped'));
    expect(stops).toEqual(['service  | stopped', 'infra    | stopped']);
    await delay(100);
    expect(lines.some((l) => l.includes('restarting'))).toBe(false);
  });

  it('refuses to start a child once stopping, so nothing outlives stopAll()', async () => {
    const supervisor = createSupervisor({ write: () => {} });
    await supervisor.stopAll();
    expect(() => supervisor.start({ name: 'late', command: 'sleep', args: ['600'] })).toThrow(
      'not starting late: the supervisor is stopping',
    );
  });
});
