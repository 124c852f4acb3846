/**
 * The simulator's device profiles. Each is a fixed set of capabilities a real key of that kind
 * has; getInfo (CTAP 2.1 §6.4) and the command handlers read only these flags.
 */
import { KeywardSimAaguid, type KeywardSimProfile } from '@keyward/ctap/internal';

export type ProfileName = KeywardSimProfile;
export const PROFILE_NAMES = Object.keys(KeywardSimAaguid) as readonly ProfileName[];

export type Profile = {
  readonly name: ProfileName;
  readonly aaguid: string;
  readonly versions: readonly string[];
  readonly extensions: readonly string[];
  readonly transports: readonly string[];
  readonly pinUvAuthProtocols: readonly (1 | 2)[];
  /** CTAP 2.1 features: authenticatorConfig, credentialManagement, setMinPINLength, 0x09 tokens. */
  readonly ctap21: boolean;
  /** Enterprise attestation supported ("ep" option present). */
  readonly enterpriseAttestation: boolean;
  /** Vendor admin mode (admin PIN, admin unlock, remote unlock). */
  readonly adminMode: boolean;
  readonly firmwareVersion: number;
  readonly maxDiscoverableCredentials: number;
};

const CTAP21_EXTENSIONS = ['credProtect', 'hmac-secret', 'minPinLength'] as const;

const base = {
  versions: ['FIDO_2_0', 'FIDO_2_1'],
  extensions: CTAP21_EXTENSIONS,
  transports: ['nfc', 'usb'],
  pinUvAuthProtocols: [2, 1],
  ctap21: true,
  enterpriseAttestation: false,
  adminMode: false,
  firmwareVersion: 0x010000,
  maxDiscoverableCredentials: 50,
} as const;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  generic: { ...base, name: 'generic', aaguid: KeywardSimAaguid.generic },
  enterprise: {
    ...base,
    name: 'enterprise',
    aaguid: KeywardSimAaguid.enterprise,
    enterpriseAttestation: true,
    adminMode: true,
  },
  ctap20: {
    ...base,
    name: 'ctap20',
    aaguid: KeywardSimAaguid.ctap20,
    versions: ['FIDO_2_0'],
    extensions: ['hmac-secret'],
    pinUvAuthProtocols: [1],
    ctap21: false,
  },
  'nfc-only': {
    ...base,
    name: 'nfc-only',
    aaguid: KeywardSimAaguid['nfc-only'],
    transports: ['nfc'],
  },
};

export function getProfile(name: string): Profile {
  const p = (PROFILES as Record<string, Profile>)[name];
  if (!p) {
    throw new TypeError(`unknown profile "${name}", expected one of ${PROFILE_NAMES.join(', ')}`);
  }
  return p;
}

/** The AAGUID as 16 bytes. */
export function aaguidBytes(aaguid: string): Uint8Array {
  return new Uint8Array(Buffer.from(aaguid.replace(/-/g, ''), 'hex'));
}
