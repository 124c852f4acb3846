/**
 * getAssertion for functional tests ("does this key still sign for this RP?"): WebAuthn request
 * options in, and the assertion out with its signature over authData ‖ clientDataHash checked
 * against the credential public key when the caller has it (makeCredential's `publicKey`).
 */
import { concatBytes } from '../byteReader.ts';
import { decodeCtap } from '../cbor.ts';
import { PinUvPermission } from '../constants.ts';
import { verifyCoseSignature } from '../ctap2/cose.ts';
import { getAssertion as ctapGetAssertion } from '../ctap2/getAssertion.ts';
import type { CtapDevice } from '../device.ts';
import { decoding, ProtocolError } from '../errors.ts';
import { buildClientData, rpIdFor } from './clientData.ts';
import { b64url, callOptions, type OperationOptions, openCtap2 } from './common.ts';
import { tokenFor } from './makeCredential.ts';

/** PublicKeyCredentialRequestOptionsJSON (WebAuthn L3 §5.5). */
export type RequestOptionsJSON = {
  challenge: string;
  rpId?: string;
  timeout?: number;
  allowCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
  userVerification?: 'discouraged' | 'preferred' | 'required';
};

export type GetAssertionOptions = OperationOptions & {
  publicKey: RequestOptionsJSON;
  origin: string;
  pin?: string;
  /** base64url COSE key; when given, the signature is verified. */
  credentialPublicKey?: string;
};

export type GetAssertionResult = {
  credentialId: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  userHandle?: string;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  /** Present when credentialPublicKey was given. */
  signatureValid?: boolean;
};

export async function getAssertion(
  dev: CtapDevice,
  options: GetAssertionOptions,
): Promise<GetAssertionResult> {
  const { publicKey, origin, pin } = options;
  const rpId = rpIdFor(origin, publicKey.rpId);
  const clientData = buildClientData('webauthn.get', publicKey.challenge, origin);
  const ctap2 = await openCtap2(dev, options);
  const token = await tokenFor(ctap2, pin, PinUvPermission.GET_ASSERTION, rpId, options);
  const allow = (publicKey.allowCredentials ?? []).map((d, i) => ({
    id: b64url.decode(d.id, `publicKey.allowCredentials[${i}].id`),
    type: 'public-key' as const,
  }));
  const r = await ctapGetAssertion(
    ctap2,
    {
      rpId,
      clientDataHash: clientData.hash,
      ...(allow.length ? { allowList: allow } : {}),
      ...(token ? { token } : {}),
    },
    callOptions(options),
  );
  const credentialId = r.credentialId ?? (allow.length === 1 ? allow[0]!.id : undefined);
  if (!credentialId)
    throw new ProtocolError(
      'getAssertion.credential',
      'missing, and the allow list did not name exactly one',
    );
  const result: GetAssertionResult = {
    credentialId: b64url.encode(credentialId),
    authenticatorData: b64url.encode(r.authData.raw),
    clientDataJSON: b64url.encode(clientData.json),
    signature: b64url.encode(r.signature),
    userPresent: r.authData.userPresent,
    userVerified: r.authData.userVerified,
    signCount: r.authData.signCount,
  };
  const userId = r.user?.get('id');
  if (userId instanceof Uint8Array) result.userHandle = b64url.encode(userId);
  if (options.credentialPublicKey) {
    const coseBytes = b64url.decode(options.credentialPublicKey, 'credentialPublicKey');
    const cose = decoding('credentialPublicKey', () => decodeCtap(coseBytes, { canonical: false }));
    if (!(cose instanceof Map)) throw new TypeError('credentialPublicKey: expected a COSE_Key map');
    result.signatureValid = verifyCoseSignature(
      cose,
      concatBytes(r.authData.raw, clientData.hash),
      r.signature,
    );
  }
  return result;
}
