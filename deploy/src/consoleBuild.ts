import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The console's single-page app: sources in app/, built by Vite into dist/. */
export function consolePaths(root: string): { app: string; dist: string; index: string } {
  const dir = join(root, 'services', 'console');
  return { app: join(dir, 'app'), dist: join(dir, 'dist'), index: join(dir, 'dist', 'index.html') };
}

function newestFile(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dir, path).split(sep).includes('node_modules')) continue;
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}

/**
 * Why the console app must be built before it is served, or undefined when dist/ is up to date
 * (or there is no app to build): dist/index.html is missing, or a file in app/ is newer.
 */
export function consoleBuildReason(root: string): string | undefined {
  const { app, index } = consolePaths(root);
  if (!existsSync(app)) return undefined;
  if (!existsSync(index)) return `${relative(root, index)} is missing`;
  const newest = newestFile(app);
  if (newest && newest.mtimeMs > statSync(index).mtimeMs) {
    return `${relative(root, newest.path)} is newer than ${relative(root, index)}`;
  }
  return undefined;
}

export type ConsoleBuildResult = { ok: boolean; exit: string; lastLines: string[] };

/**
 * Runs `npm run build -w services/console` (Vite) and keeps the last lines of its output. The
 * launcher's NODE_ENV does not reach it: the bundle is always a production build.
 */
export function buildConsole(options: {
  root: string;
  env: NodeJS.ProcessEnv;
  keepLines?: number;
  /** Aborting stops the build (launcher shutting down). */
  signal?: AbortSignal;
}): Promise<ConsoleBuildResult> {
  const { root, env, keepLines = 6, signal } = options;
  const { NODE_ENV: _ignored, ...buildEnv } = env;
  const child = spawn('npm', ['run', 'build', '-w', 'services/console'], {
    cwd: root,
    env: buildEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    signal,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => {
    const done = (ok: boolean, exit: string) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
      const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
      const lastLines = lines
        .map((l) => l.trimEnd())
        .filter(Boolean)
        .slice(-keepLines);
      resolve({ ok, exit, lastLines });
    };
    child.once('error', (error) => done(false, error.message));
    child.once('close', (code, signal) =>
      done(code === 0, signal ? `killed by ${signal}` : `exit ${code}`),
    );
  });
}
