import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Secrets services need that the dev stack generates once and keeps in .keyward/ (so encrypted
 * data stays readable across runs). Each is 32 random bytes, base64 (AES-256 key encryption keys).
 * In production they come from the environment / a secret store instead.
 */
export const DEV_SECRET_NAMES = ['KEYWARD_KEK'] as const;

/** Reads the secrets file, adding any missing secret; a variable already set in `env` wins. */
export function loadOrCreateDevSecrets(
  file: string,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const stored: Record<string, string> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  let changed = false;
  for (const name of DEV_SECRET_NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(stored)) result[name] = env[name] || value;
  return result;
}
