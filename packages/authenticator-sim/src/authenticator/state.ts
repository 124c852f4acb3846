/**
 * The persistent state of a virtual key: what a real key keeps in flash. It is plain JSON (bytes
 * as base64url) so it can be written to a file and survive a process restart. Volatile state
 * (key-agreement keys, tokens, the mismatch counter, power-up time) lives in runtime.ts.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { ProfileName } from './profiles.ts';

export const PIN_MAX_RETRIES = 8;
export const DEFAULT_MIN_PIN_LENGTH = 4;

export type StoredUser = { id: string; name?: string; displayName?: string };

/** A discoverable credential; non-discoverable ones live only inside their credential ID. */
export type StoredCredential = {
  /** base64url credential ID (a wrapped key, see credentialId.ts). */
  id: string;
  rpId: string;
  rpName?: string;
  user: StoredUser;
  alg: -7 | -8;
  /** base64url 32-byte private scalar (ES256) or seed (EdDSA). */
  privateKey: string;
  credProtect: 1 | 2 | 3;
  /** Creation order, for newest-first assertion order (CTAP 2.1 §6.2.2 step 9). */
  created: number;
};

export type AttestationMaterial = {
  rootCertPem: string;
  /** base64url DER of the batch (full attestation) certificate. */
  batchCert: string;
  /** base64url PKCS#8 of the batch key (P-256). */
  batchKey: string;
  /** Uniquely identifying enterprise attestation certificate and key. */
  enterpriseCert: string;
  enterpriseKey: string;
};

export type AuthenticatorState = {
  version: 1;
  profile: ProfileName;
  serial: string;
  /** base64url 32-byte secret wrapping non-discoverable credential IDs; renewed by Reset. */
  masterKey: string;
  pin: {
    /** base64url LEFT(SHA-256(PIN), 16), absent when no PIN is set. */
    hash?: string;
    /** Code points of the current PIN (to decide forcePINChange when minPINLength grows). */
    codePoints?: number;
    retries: number;
    forceChange: boolean;
    minLength: number;
    minLengthRpIds: string[];
  };
  config: { alwaysUv: boolean; enterpriseAttestation: boolean; enterpriseRpIds: string[] };
  signCount: number;
  credentialSeq: number;
  credentials: StoredCredential[];
  admin: { pinHash?: string; retries: number; unlockSecret?: string };
  attestation?: AttestationMaterial;
};

export function newSerial(): string {
  return `KW${randomBytes(3).readUIntBE(0, 3).toString().padStart(6, '0').slice(-6)}`;
}

export function createInitialState(profile: ProfileName, serial = newSerial()): AuthenticatorState {
  return {
    version: 1,
    profile,
    serial,
    masterKey: randomBytes(32).toString('base64url'),
    pin: freshPinState(),
    config: { alwaysUv: false, enterpriseAttestation: false, enterpriseRpIds: [] },
    signCount: 0,
    credentialSeq: 0,
    credentials: [],
    admin: { retries: 8 },
  };
}

export function freshPinState(): AuthenticatorState['pin'] {
  return {
    retries: PIN_MAX_RETRIES,
    forceChange: false,
    minLength: DEFAULT_MIN_PIN_LENGTH,
    minLengthRpIds: [],
  };
}

export function cloneState(state: AuthenticatorState): AuthenticatorState {
  return structuredClone(state);
}

/** Checks the shape of a state read from JSON (a caller bug or a corrupt file). */
export function parseState(value: unknown): AuthenticatorState {
  const s = value as Partial<AuthenticatorState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1) {
    throw new TypeError('authenticator state: expected an object with version 1');
  }
  for (const field of ['profile', 'serial', 'masterKey'] as const) {
    if (typeof s[field] !== 'string') throw new TypeError(`authenticator state: ${field} missing`);
  }
  if (!s.pin || !s.config || !Array.isArray(s.credentials) || !s.admin) {
    throw new TypeError('authenticator state: pin, config, credentials and admin are required');
  }
  return structuredClone(s as AuthenticatorState);
}

/** Writes the state as JSON (mode 0600: it holds private keys). */
export async function saveState(path: string, state: AuthenticatorState): Promise<void> {
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export async function loadState(path: string): Promise<AuthenticatorState> {
  return parseState(JSON.parse(await readFile(path, 'utf8')));
}

export const b64 = {
  encode: (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url'),
  decode: (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url')),
};
