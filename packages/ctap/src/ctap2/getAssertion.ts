/** authenticatorGetAssertion / GetNextAssertion (CTAP 2.1 §6.2, §6.3). */
import { type CborMap, type CborValue, cbor } from '../cbor.ts';
import { Ctap2Cmd, GetAssertionParam as P, GetAssertionResult as R } from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { decoding } from '../errors.ts';
import { type AuthenticatorData, parseAuthenticatorData } from './authData.ts';
import type { PinToken } from './clientPin.ts';
import type { Ctap2 } from './ctap2.ts';
import { type CredentialDescriptor, descriptorMap } from './makeCredential.ts';

export type GetAssertionRequest = {
  rpId: string;
  clientDataHash: Uint8Array;
  allowList?: CredentialDescriptor[];
  extensions?: CborMap;
  options?: { up?: boolean; uv?: boolean };
  token?: PinToken;
};

export type AssertionResponse = {
  credentialId?: Uint8Array;
  authData: AuthenticatorData;
  signature: Uint8Array;
  user?: CborMap;
  numberOfCredentials?: number;
  userSelected?: boolean;
  largeBlobKey?: Uint8Array;
};

export async function getAssertion(
  ctap2: Ctap2,
  req: GetAssertionRequest,
  options: CallOptions = {},
): Promise<AssertionResponse> {
  const params: CborMap = new Map<number, CborValue>([
    [P.RP_ID, req.rpId],
    [P.CLIENT_DATA_HASH, req.clientDataHash],
  ]);
  if (req.allowList?.length) params.set(P.ALLOW_LIST, req.allowList.map(descriptorMap));
  if (req.extensions) params.set(P.EXTENSIONS, req.extensions);
  const opts = new Map<string, boolean>();
  if (req.options?.up !== undefined) opts.set('up', req.options.up);
  if (req.options?.uv !== undefined) opts.set('uv', req.options.uv);
  if (opts.size) params.set(P.OPTIONS, opts);
  if (req.token) {
    params.set(
      P.PIN_UV_AUTH_PARAM,
      req.token.protocol.authenticate(req.token.token, req.clientDataHash),
    );
    params.set(P.PIN_UV_AUTH_PROTOCOL, req.token.protocol.version);
  }
  const r = await ctap2.sendCbor(Ctap2Cmd.GET_ASSERTION, params, {
    ...options,
    name: 'getAssertion',
  });
  return parseAssertionResponse(r, 'getAssertion');
}

export async function getNextAssertion(
  ctap2: Ctap2,
  options: CallOptions = {},
): Promise<AssertionResponse> {
  const r = await ctap2.sendCbor(Ctap2Cmd.GET_NEXT_ASSERTION, undefined, {
    ...options,
    name: 'getNextAssertion',
  });
  return parseAssertionResponse(r, 'getNextAssertion');
}

export function parseAssertionResponse(r: CborMap, name: string): AssertionResponse {
  return decoding(name, () => {
    const out: AssertionResponse = {
      authData: parseAuthenticatorData(cbor.reqBytes(r, R.AUTH_DATA, `${name}.authData`)),
      signature: cbor.reqBytes(r, R.SIGNATURE, `${name}.signature`),
    };
    const cred = cbor.optMap(r, R.CREDENTIAL, `${name}.credential`);
    if (cred) out.credentialId = cbor.reqBytes(cred, 'id', `${name}.credential.id`);
    const user = cbor.optMap(r, R.USER, `${name}.user`);
    if (user) out.user = user;
    const n = cbor.optUint(r, R.NUMBER_OF_CREDENTIALS, `${name}.numberOfCredentials`);
    if (n !== undefined) out.numberOfCredentials = n;
    const sel = cbor.optBool(r, R.USER_SELECTED, `${name}.userSelected`);
    if (sel !== undefined) out.userSelected = sel;
    const lbk = cbor.optBytes(r, R.LARGE_BLOB_KEY, `${name}.largeBlobKey`);
    if (lbk) out.largeBlobKey = lbk;
    return out;
  });
}
