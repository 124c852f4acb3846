/** authenticatorMakeCredential (CTAP 2.1 §6.1): request map and typed response. */
import { type CborMap, type CborValue, cbor } from '../cbor.ts';
import { Ctap2Cmd, MakeCredentialParam as P, MakeCredentialResult as R } from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { decoding, ProtocolError } from '../errors.ts';
import { type AuthenticatorData, parseAuthenticatorData } from './authData.ts';
import type { PinToken } from './clientPin.ts';
import type { Ctap2 } from './ctap2.ts';

export type CredentialDescriptor = { id: Uint8Array; type: 'public-key'; transports?: string[] };

export type MakeCredentialRequest = {
  clientDataHash: Uint8Array;
  rp: { id: string; name?: string };
  user: { id: Uint8Array; name?: string; displayName?: string };
  pubKeyCredParams: { alg: number; type: 'public-key' }[];
  excludeList?: CredentialDescriptor[];
  extensions?: CborMap;
  options?: { rk?: boolean; uv?: boolean };
  /** Authorises the request: pinUvAuthParam = authenticate(token, clientDataHash). */
  token?: PinToken;
  /** 1 vendor-facilitated, 2 platform-managed (needs ep enabled). */
  enterpriseAttestation?: 1 | 2;
};

export type MakeCredentialResponse = {
  fmt: string;
  authData: AuthenticatorData;
  attStmt: CborMap;
  epAtt?: boolean;
  largeBlobKey?: Uint8Array;
};

export function descriptorMap(d: CredentialDescriptor): CborMap {
  const m = new Map<string, CborValue>([
    ['id', d.id],
    ['type', d.type],
  ]);
  if (d.transports) m.set('transports', d.transports);
  return m;
}

function entity(fields: Record<string, string | Uint8Array | undefined>): CborMap {
  const m: CborMap = new Map();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v);
  return m;
}

export async function makeCredential(
  ctap2: Ctap2,
  req: MakeCredentialRequest,
  options: CallOptions = {},
): Promise<MakeCredentialResponse> {
  const params: CborMap = new Map<number, CborValue>([
    [P.CLIENT_DATA_HASH, req.clientDataHash],
    [P.RP, entity(req.rp)],
    [P.USER, entity(req.user)],
    [
      P.PUB_KEY_CRED_PARAMS,
      req.pubKeyCredParams.map(
        (p) =>
          new Map<string, CborValue>([
            ['alg', p.alg],
            ['type', p.type],
          ]),
      ),
    ],
  ]);
  if (req.excludeList?.length) params.set(P.EXCLUDE_LIST, req.excludeList.map(descriptorMap));
  if (req.extensions) params.set(P.EXTENSIONS, req.extensions);
  const opts = new Map<string, boolean>();
  if (req.options?.rk !== undefined) opts.set('rk', req.options.rk);
  if (req.options?.uv !== undefined) opts.set('uv', req.options.uv);
  if (opts.size) params.set(P.OPTIONS, opts);
  if (req.token) {
    params.set(
      P.PIN_UV_AUTH_PARAM,
      req.token.protocol.authenticate(req.token.token, req.clientDataHash),
    );
    params.set(P.PIN_UV_AUTH_PROTOCOL, req.token.protocol.version);
  }
  if (req.enterpriseAttestation) params.set(P.ENTERPRISE_ATTESTATION, req.enterpriseAttestation);
  const r = await ctap2.sendCbor(Ctap2Cmd.MAKE_CREDENTIAL, params, {
    ...options,
    name: 'makeCredential',
  });
  return parseMakeCredentialResponse(r);
}

export function parseMakeCredentialResponse(r: CborMap): MakeCredentialResponse {
  return decoding('makeCredential', () => {
    const out: MakeCredentialResponse = {
      fmt: cbor.reqText(r, R.FMT, 'makeCredential.fmt'),
      authData: parseAuthenticatorData(cbor.reqBytes(r, R.AUTH_DATA, 'makeCredential.authData')),
      attStmt: cbor.reqMap(r, R.ATT_STMT, 'makeCredential.attStmt'),
    };
    const epAtt = cbor.optBool(r, R.EP_ATT, 'makeCredential.epAtt');
    if (epAtt !== undefined) out.epAtt = epAtt;
    const lbk = cbor.optBytes(r, R.LARGE_BLOB_KEY, 'makeCredential.largeBlobKey');
    if (lbk) out.largeBlobKey = lbk;
    if (!out.authData.attestedCredentialData) {
      throw new ProtocolError(
        'makeCredential.authData',
        'attested credential data (AT flag) missing',
      );
    }
    return out;
  });
}
