import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot } from '@keyward/test-harness';
import { buildConsole, consoleBuildReason } from '../../../deploy/src/consoleBuild.ts';
import { BROWSER_OUTPUT_DIR } from './output.ts';

const LOCK = `${BROWSER_OUTPUT_DIR}/.console-build.lock`;
const LOCK_WAIT_MS = 5 * 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build lock (a file created exclusively, holding our pid); undefined if another live process holds it. */
function tryLock(): (() => void) | undefined {
  mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
  try {
    const fd = openSync(LOCK, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return () => rmSync(LOCK, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A lock left by a process that died (a killed test run) is taken over.
  const holder = Number(readFileSync(LOCK, 'utf8').trim() || 'NaN');
  if (Number.isInteger(holder) && holder > 0 && alive(holder)) return undefined;
  rmSync(LOCK, { force: true });
  return tryLock();
}

/**
 * Makes sure services/console/dist is the build of the current services/console/app: runs
 * `npm run build -w services/console` when dist is missing or older than the app sources
 * (deploy/src/consoleBuild.ts decides, as `npm start` and `npm test` do). Test files run in
 * parallel forks, so one build at a time: the others wait on the lock and find dist fresh.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  const root = repoRoot();
  if (!consoleBuildReason(root)) return;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let unlock = tryLock();
  while (!unlock) {
    if (Date.now() > deadline) {
      throw new Error(
        `another test process has held ${LOCK} for over ${LOCK_WAIT_MS / 1000} s while building the console`,
      );
    }
    await delay(250);
    unlock = tryLock();
  }
  try {
    const reason = consoleBuildReason(root);
    if (!reason) return; // built by the process that held the lock
    const result = await buildConsole({ root, env: process.env, keepLines: 30 });
    if (!result.ok) {
      throw new Error(
        `the console build failed (npm run build -w services/console, ${result.exit}; it ran because ${reason}):\n${result.lastLines.join('\n')}`,
      );
    }
  } finally {
    unlock();
  }
}
