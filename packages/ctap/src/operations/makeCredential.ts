/**
 * makeCredential from WebAuthn creation options (base64url fields, as an IdP's registration
 * "begin" returns them): builds clientDataJSON with the given origin, gets a PIN token bound to
 * the RP, and returns what the IdP's "complete" step expects, all base64url.
 */
import { encodeCanonical } from '../cbor.ts';
import { PinUvPermission } from '../constants.ts';
import { ClientPin, type PinToken } from '../ctap2/clientPin.ts';
import type { Ctap2 } from '../ctap2/ctap2.ts';
import { makeCredential as ctapMakeCredential } from '../ctap2/makeCredential.ts';
import type { CtapDevice } from '../device.ts';
import { buildClientData, rpIdFor } from './clientData.ts';
import { b64url, callOptions, type OperationOptions, openCtap2 } from './common.ts';

type Descriptor = { id: string; type: 'public-key'; transports?: string[] };

/** PublicKeyCredentialCreationOptionsJSON (WebAuthn L3 §5.4). */
export type CreationOptionsJSON = {
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { alg: number; type: 'public-key' }[];
  timeout?: number;
  excludeCredentials?: Descriptor[];
  authenticatorSelection?: {
    residentKey?: 'discouraged' | 'preferred' | 'required';
    requireResidentKey?: boolean;
    userVerification?: 'discouraged' | 'preferred' | 'required';
  };
  attestation?: 'none' | 'indirect' | 'direct' | 'enterprise';
};

export type MakeCredentialOptions = OperationOptions & {
  publicKey: CreationOptionsJSON;
  origin: string;
  /** The user PIN; required when the key has one set. */
  pin?: string;
};

export type MakeCredentialResult = {
  credentialId: string;
  /** WebAuthn attestation object: CBOR {fmt, attStmt, authData}. */
  attestationObject: string;
  clientDataJSON: string;
  transports: string[];
  /** The credential's COSE public key (for getAssertion's signature check). */
  publicKey: string;
  authenticatorData: string;
  fmt: string;
  aaguid: string;
  residentKey: boolean;
  epAtt?: boolean;
};

const WEBAUTHN_TRANSPORTS = new Set(['usb', 'nfc', 'ble', 'internal', 'hybrid', 'smart-card']);

/** A token for one MC/GA, when the key has a PIN (tokens are one-shot for MC/GA). */
export async function tokenFor(
  ctap2: Ctap2,
  pin: string | undefined,
  permission: number,
  rpId: string,
  o: OperationOptions,
) {
  if (ctap2.info.options.clientPin !== true || pin === undefined) return undefined;
  const token: PinToken = await new ClientPin(ctap2).getPinToken(
    pin,
    { permissions: permission, rpId },
    callOptions(o),
  );
  return token;
}

export async function makeCredential(
  dev: CtapDevice,
  options: MakeCredentialOptions,
): Promise<MakeCredentialResult> {
  const { publicKey, origin, pin } = options;
  const rpId = rpIdFor(origin, publicKey.rp.id);
  const clientData = buildClientData('webauthn.create', publicKey.challenge, origin);
  const ctap2 = await openCtap2(dev, options);
  const sel = publicKey.authenticatorSelection ?? {};
  const wantRk = sel.residentKey === 'required' || sel.requireResidentKey === true;
  const rk = wantRk || (sel.residentKey === 'preferred' && ctap2.info.options.rk === true);
  const token = await tokenFor(ctap2, pin, PinUvPermission.MAKE_CREDENTIAL, rpId, options);
  const ep = publicKey.attestation === 'enterprise' && ctap2.info.options.ep === true;
  const response = await ctapMakeCredential(
    ctap2,
    {
      clientDataHash: clientData.hash,
      rp: { id: rpId, name: publicKey.rp.name },
      user: {
        id: b64url.decode(publicKey.user.id, 'publicKey.user.id'),
        name: publicKey.user.name,
        displayName: publicKey.user.displayName,
      },
      pubKeyCredParams: publicKey.pubKeyCredParams,
      ...(publicKey.excludeCredentials?.length
        ? {
            excludeList: publicKey.excludeCredentials.map((d, i) => ({
              id: b64url.decode(d.id, `publicKey.excludeCredentials[${i}].id`),
              type: 'public-key' as const,
            })),
          }
        : {}),
      ...(rk ? { options: { rk: true } } : {}),
      ...(token ? { token } : {}),
      ...(ep ? { enterpriseAttestation: 2 as const } : {}),
    },
    callOptions(options),
  );
  const attested = response.authData.attestedCredentialData!;
  const attestationObject = encodeCanonical(
    new Map<string, unknown>([
      ['fmt', response.fmt],
      ['attStmt', response.attStmt],
      ['authData', response.authData.raw],
    ]),
  );
  const result: MakeCredentialResult = {
    credentialId: b64url.encode(attested.credentialId),
    attestationObject: b64url.encode(attestationObject),
    clientDataJSON: b64url.encode(clientData.json),
    transports: ctap2.info.transports.filter((t) => WEBAUTHN_TRANSPORTS.has(t)),
    publicKey: b64url.encode(attested.publicKeyBytes),
    authenticatorData: b64url.encode(response.authData.raw),
    fmt: response.fmt,
    aaguid: attested.aaguid,
    residentKey: rk,
  };
  if (response.epAtt !== undefined) result.epAtt = response.epAtt;
  return result;
}
