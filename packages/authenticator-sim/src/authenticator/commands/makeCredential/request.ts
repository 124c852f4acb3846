/** Reads and type-checks an authenticatorMakeCredential request (CTAP 2.1 §6.1). */
import {
  type CborMap,
  type CborValue,
  cbor,
  MakeCredentialParam as P,
} from '@keyward/ctap/internal';
import { ATTESTATION_FORMATS, type AttestationFormat } from '../../attestation.ts';
import type { CommandContext } from '../../context.ts';
import { type CredentialAlg, SUPPORTED_ALGS } from '../../credentialKey.ts';
import { readDescriptors } from '../../credentials.ts';
import { fail } from '../../ctapFailure.ts';

/** CTAP 2.2 §6.1 attestationFormatsPreference; honoured here so callers can ask for "none". */
const ATTESTATION_FORMATS_PREFERENCE = 0x0b;
const MAX_USER_ID_LENGTH = 64;

export type MakeCredentialRequest = {
  clientDataHash: Uint8Array;
  rpId: string;
  rpName: string | undefined;
  user: { id: Uint8Array; name: string | undefined; displayName: string | undefined };
  pubKeyCredParams: CborValue[];
  excludeList: Uint8Array[];
  options: { rk: boolean | undefined; up: boolean | undefined; uv: boolean | undefined };
  extensions: { credProtect: 1 | 2 | 3 | undefined; hmacSecret: boolean; minPinLength: boolean };
  pinUvAuthParam: Uint8Array | undefined;
  pinUvAuthProtocol: number | undefined;
  enterpriseAttestation: number | undefined;
  format: AttestationFormat;
};

/** First supported algorithm of pubKeyCredParams (step 3); none → UNSUPPORTED_ALGORITHM. */
export function pickAlgorithm(list: CborValue[]): CredentialAlg {
  for (const [i, item] of list.entries()) {
    if (!(item instanceof Map)) {
      throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', `pubKeyCredParams[${i}] is not a map`);
    }
    const alg = cbor.reqInt(item, 'alg', `pubKeyCredParams[${i}].alg`);
    const type = cbor.reqText(item, 'type', `pubKeyCredParams[${i}].type`);
    if (type === 'public-key' && (SUPPORTED_ALGS as readonly number[]).includes(alg)) {
      return alg as CredentialAlg;
    }
  }
  throw fail('CTAP2_ERR_UNSUPPORTED_ALGORITHM');
}

function readFormat(params: CborMap): AttestationFormat {
  const preference = cbor.optArray(params, ATTESTATION_FORMATS_PREFERENCE, 'attestationFormats');
  for (const f of preference ?? []) {
    if (typeof f !== 'string') throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', 'attestationFormats');
    if ((ATTESTATION_FORMATS as readonly string[]).includes(f)) return f as AttestationFormat;
  }
  return 'packed';
}

/** Extensions this profile supports; unknown ones are ignored (CTAP 2.1 §6.1.2 step 13). */
function readExtensions(ctx: CommandContext, params: CborMap) {
  const ext = cbor.optMap(params, P.EXTENSIONS, 'extensions') ?? new Map();
  const supported = ctx.profile.extensions;
  const level = supported.includes('credProtect')
    ? cbor.optUint(ext, 'credProtect', 'extensions.credProtect')
    : undefined;
  return {
    credProtect: level !== undefined && level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : undefined,
    hmacSecret:
      supported.includes('hmac-secret') &&
      cbor.optBool(ext, 'hmac-secret', 'extensions.hmac-secret') === true,
    minPinLength:
      supported.includes('minPinLength') &&
      cbor.optBool(ext, 'minPinLength', 'extensions.minPinLength') === true,
  };
}

export function readMakeCredentialRequest(
  ctx: CommandContext,
  params: CborMap,
): MakeCredentialRequest {
  const rp = cbor.reqMap(params, P.RP, 'rp');
  const user = cbor.reqMap(params, P.USER, 'user');
  const options = cbor.optMap(params, P.OPTIONS, 'options') ?? new Map();
  const request: MakeCredentialRequest = {
    clientDataHash: cbor.reqBytes(params, P.CLIENT_DATA_HASH, 'clientDataHash'),
    rpId: cbor.reqText(rp, 'id', 'rp.id'),
    rpName: cbor.optText(rp, 'name', 'rp.name'),
    user: {
      id: cbor.reqBytes(user, 'id', 'user.id'),
      name: cbor.optText(user, 'name', 'user.name'),
      displayName: cbor.optText(user, 'displayName', 'user.displayName'),
    },
    pubKeyCredParams: cbor.reqArray(params, P.PUB_KEY_CRED_PARAMS, 'pubKeyCredParams'),
    excludeList: readDescriptors(
      cbor.optArray(params, P.EXCLUDE_LIST, 'excludeList') ?? [],
      'excludeList',
    ),
    options: {
      rk: cbor.optBool(options, 'rk', 'options.rk'),
      up: cbor.optBool(options, 'up', 'options.up'),
      uv: cbor.optBool(options, 'uv', 'options.uv'),
    },
    extensions: readExtensions(ctx, params),
    pinUvAuthParam: cbor.optBytes(params, P.PIN_UV_AUTH_PARAM, 'pinUvAuthParam'),
    pinUvAuthProtocol: cbor.optUint(params, P.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol'),
    enterpriseAttestation: cbor.optUint(params, P.ENTERPRISE_ATTESTATION, 'enterpriseAttestation'),
    format: readFormat(params),
  };
  if (request.user.id.length > MAX_USER_ID_LENGTH) {
    throw fail(
      'CTAP1_ERR_INVALID_LENGTH',
      `user.id is ${request.user.id.length} bytes, at most 64`,
    );
  }
  return request;
}
