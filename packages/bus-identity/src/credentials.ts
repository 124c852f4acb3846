import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser, fromSeed } from '@nats-io/nkeys';
import { z } from 'zod';
import { BUS_ROLES } from './grants.ts';
import type { BusIdentity } from './permissions.ts';

const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected [a-z0-9-]');
const identityShape = {
  name: nameSchema,
  role: z.enum(BUS_ROLES),
  gatewayId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
};

/** A credentials file: one identity and its nkey seed. Mode 0600; never logged. */
export const busCredentialsSchema = z.object({
  ...identityShape,
  seed: z.string().startsWith('SU'),
});
export type BusCredentials = z.infer<typeof busCredentialsSchema>;

/** The public roster: every identity and its public nkey (what servers and verifiers trust). */
export const busRosterSchema = z.array(
  z.object({ ...identityShape, publicKey: z.string().startsWith('U') }),
);
export type BusRoster = z.infer<typeof busRosterSchema>;
export type RosterEntry = BusRoster[number];

/** A fresh user nkey for an identity. */
export function createCredentials(identity: BusIdentity): BusCredentials {
  const seed = new TextDecoder().decode(createUser().getSeed());
  return busCredentialsSchema.parse({ ...identity, seed });
}

/** The roster entry (public part) of credentials. */
export function publicEntry(credentials: BusCredentials): RosterEntry {
  const { seed, ...identity } = credentials;
  return { ...identity, publicKey: fromSeed(new TextEncoder().encode(seed)).getPublicKey() };
}

/** Reads and checks a credentials file; the error names the file and the broken field. */
export function readCredentials(file: string): BusCredentials {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    // JSON.parse quotes the text it choked on, which here is a seed: never pass its message on.
    const reason = (cause as NodeJS.ErrnoException).code ?? 'not JSON';
    throw new Error(`bus credentials ${file}: ${reason}`);
  }
  const parsed = busCredentialsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bus credentials ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Reads and checks a roster file. */
export function readRoster(file: string): BusRoster {
  return busRosterSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Options of {@link ensureCredentials}. */
export interface EnsureCredentialsOptions {
  /** Directory holding `<name>.creds.json` (0600) and `roster.json`. Created 0700. */
  dir: string;
  identities: readonly BusIdentity[];
}

/**
 * Creates the credentials of every identity that has none yet in `dir` (kept across runs,
 * like the dev issuer's key) and writes the roster of all of them. Returns the roster.
 */
export function ensureCredentials(options: EnsureCredentialsOptions): BusRoster {
  const { dir, identities } = options;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const roster = identities.map((identity) => {
    const file = credentialsFile(dir, identity.name);
    if (!existsSync(file)) {
      writeFileSync(file, JSON.stringify(createCredentials(identity), null, 2), { mode: 0o600 });
    }
    return publicEntry(readCredentials(file));
  });
  writeFileSync(rosterFile(dir), JSON.stringify(roster, null, 2), { mode: 0o644 });
  return roster;
}

export const credentialsFile = (dir: string, name: string) => join(dir, `${name}.creds.json`);
export const rosterFile = (dir: string) => join(dir, 'roster.json');
