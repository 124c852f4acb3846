import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { MissingBinaryError } from './errors.ts';

export type ResolveBinaryOptions = {
  /** Executable name looked up on PATH (and in /usr/sbin, /usr/local/sbin: Debian puts daemons there). */
  name: string;
  /** Absolute paths tried before PATH. */
  candidates?: readonly string[];
  /** Extra advice appended to the error message. */
  hint?: string;
  env?: NodeJS.ProcessEnv;
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable or returns undefined. */
export function findBinary(options: ResolveBinaryOptions): string | undefined {
  const { name, candidates = [], env = process.env } = options;
  const dirs = [
    ...(env.PATH ?? '').split(delimiter).filter(Boolean),
    '/usr/sbin',
    '/usr/local/sbin',
  ];
  for (const path of [...candidates, ...dirs.map((d) => join(d, name))]) {
    if (isExecutable(path)) return path;
  }
  return undefined;
}

/** Finds an executable or throws {@link MissingBinaryError} naming it and how to install it. */
export function resolveBinary(options: ResolveBinaryOptions): string {
  const found = findBinary(options);
  if (found) return found;
  throw new MissingBinaryError(
    options.name,
    [...(options.candidates ?? []), 'PATH', '/usr/sbin', '/usr/local/sbin'],
    options.hint,
  );
}
