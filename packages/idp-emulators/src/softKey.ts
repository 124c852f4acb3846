import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * Test-only software authenticator producing WebAuthn registrations (packed self-attestation or
 * none, ES256), so the emulators can be tested before @keyward/authenticator-sim is wired in.
 * The identity service tests use the real simulator through @keyward/ctap.
 */
export interface SoftRegistrationInput {
  challenge: string;
  origin: string;
  rpId: string;
  fmt?: 'packed' | 'none';
  userVerified?: boolean;
  /** Flip one byte of the signature (a broken attestation). */
  corruptSignature?: boolean;
}

export interface SoftRegistration {
  id: string;
  clientDataJSON: string;
  attestationObject: string;
}

const AAGUID = Buffer.from('6b657977617264736f66746b65790001', 'hex');

export function softRegister(input: SoftRegistrationInput): SoftRegistration {
  const { fmt = 'packed', userVerified = true } = input;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credId = randomBytes(32);
  const cose = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, Buffer.from(jwk.x as string, 'base64url')],
    [-3, Buffer.from(jwk.y as string, 'base64url')],
  ]);
  const flags = 0x01 | (userVerified ? 0x04 : 0) | 0x40;
  const credLen = Buffer.alloc(2);
  credLen.writeUInt16BE(credId.length);
  const authData = Buffer.concat([
    createHash('sha256').update(input.rpId).digest(),
    Buffer.from([flags]),
    Buffer.from([0, 0, 0, 0]),
    AAGUID,
    credLen,
    credId,
    Buffer.from(isoCBOR.encode(cose)),
  ]);
  const clientDataJSON = Buffer.from(
    JSON.stringify({
      type: 'webauthn.create',
      challenge: input.challenge,
      origin: input.origin,
      crossOrigin: false,
    }),
  );
  const clientDataHash = createHash('sha256').update(clientDataJSON).digest();
  let attStmt = new Map<string, number | Uint8Array>();
  if (fmt === 'packed') {
    const sig = sign('sha256', Buffer.concat([authData, clientDataHash]), privateKey);
    if (input.corruptSignature) sig[sig.length - 1] = (sig[sig.length - 1] ?? 0) ^ 0xff;
    attStmt = new Map<string, number | Uint8Array>([
      ['alg', -7],
      ['sig', sig],
    ]);
  }
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Uint8Array | Map<string, number | Uint8Array>>([
      ['fmt', fmt],
      ['attStmt', attStmt],
      ['authData', authData],
    ]),
  );
  return {
    id: credId.toString('base64url'),
    clientDataJSON: clientDataJSON.toString('base64url'),
    attestationObject: Buffer.from(attestationObject).toString('base64url'),
  };
}
