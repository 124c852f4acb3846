/**
 * authenticatorCredentialManagement (CTAP 2.1 §6.8): metadata, enumerate RPs and credentials,
 * delete, update user. Authenticated subcommands carry
 * authenticate(token, subCommand ‖ CBOR(subCommandParams)) with a cm-permission token.
 */
import { concatBytes } from '../byteReader.ts';
import { type CborMap, type CborValue, cbor, encodeCanonical } from '../cbor.ts';
import {
  CredMgmtSubParam,
  Ctap2Cmd,
  CtapStatus,
  CredMgmtParam as P,
  CredMgmtResult as R,
  CredMgmtSubCmd as Sub,
} from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { CtapError, decoding, UnsupportedError } from '../errors.ts';
import type { PinToken } from './clientPin.ts';
import type { Ctap2 } from './ctap2.ts';
import type { CtapInfo } from './info.ts';

export type CredentialSummary = {
  credentialId: Uint8Array;
  user: CborMap;
  publicKey: CborMap;
  credProtect?: number;
};
export type RpSummary = { rp: CborMap; rpIdHash: Uint8Array };

export class CredentialManagement {
  readonly ctap2: Ctap2;
  readonly token: PinToken;
  readonly #cmd: number;

  static isSupported(info: CtapInfo): boolean {
    return info.options.credMgmt === true || info.options.credentialMgmtPreview === true;
  }

  constructor(ctap2: Ctap2, token: PinToken) {
    if (!CredentialManagement.isSupported(ctap2.info)) {
      throw new UnsupportedError('credential management (option credMgmt)');
    }
    this.ctap2 = ctap2;
    this.token = token;
    // The 2.1-PRE prototype command byte 0x41 is used by keys that only report the preview.
    this.#cmd = ctap2.info.options.credMgmt === true ? Ctap2Cmd.CREDENTIAL_MANAGEMENT : 0x41;
  }

  #call(
    sub: number,
    params: CborMap | undefined,
    auth: boolean,
    name: string,
    options: CallOptions = {},
  ) {
    const request: CborMap = new Map<number, CborValue>([[P.SUB_COMMAND, sub]]);
    if (params) request.set(P.SUB_COMMAND_PARAMS, params);
    if (auth) {
      const message = concatBytes(
        Uint8Array.of(sub),
        params ? encodeCanonical(params) : new Uint8Array(0),
      );
      request.set(P.PIN_UV_AUTH_PROTOCOL, this.token.protocol.version);
      request.set(P.PIN_UV_AUTH_PARAM, this.token.protocol.authenticate(this.token.token, message));
    }
    return this.ctap2.sendCbor(this.#cmd, request, {
      ...options,
      name: `credentialManagement.${name}`,
    });
  }

  async getMetadata(options?: CallOptions): Promise<{ existing: number; remaining: number }> {
    const r = await this.#call(
      Sub.GET_CREDS_METADATA,
      undefined,
      true,
      'getCredsMetadata',
      options,
    );
    return decoding('credentialManagement.getCredsMetadata', () => ({
      existing: cbor.reqUint(
        r,
        R.EXISTING_RESIDENT_CREDENTIALS_COUNT,
        'credMgmt.existingResidentCredentialsCount',
      ),
      remaining: cbor.reqUint(
        r,
        R.MAX_POSSIBLE_REMAINING_RESIDENT_CREDENTIALS_COUNT,
        'credMgmt.maxPossibleRemainingResidentCredentialsCount',
      ),
    }));
  }

  /** All RPs with discoverable credentials (empty when there are none). */
  async enumerateRps(options?: CallOptions): Promise<RpSummary[]> {
    const parse = (r: CborMap) => ({
      rp: cbor.reqMap(r, R.RP, 'credMgmt.rp'),
      rpIdHash: cbor.reqBytes(r, R.RP_ID_HASH, 'credMgmt.rpIDHash'),
    });
    const first = await noCredentialsAsEmpty(
      this.#call(Sub.ENUMERATE_RPS_BEGIN, undefined, true, 'enumerateRPsBegin', options),
    );
    if (!first) return [];
    const total = decoding('credMgmt', () => cbor.reqUint(first, R.TOTAL_RPS, 'credMgmt.totalRPs'));
    const out = [decoding('credMgmt', () => parse(first))];
    for (let i = 1; i < total; i++) {
      const next = await this.#call(
        Sub.ENUMERATE_RPS_GET_NEXT_RP,
        undefined,
        false,
        'enumerateRPsGetNextRP',
        options,
      );
      out.push(decoding('credMgmt', () => parse(next)));
    }
    return out;
  }

  /** Discoverable credentials of one RP (by SHA-256 of its RP ID). */
  async enumerateCredentials(
    rpIdHash: Uint8Array,
    options?: CallOptions,
  ): Promise<CredentialSummary[]> {
    const params: CborMap = new Map([[CredMgmtSubParam.RP_ID_HASH, rpIdHash]]);
    const parse = (r: CborMap): CredentialSummary => {
      const descriptor = cbor.reqMap(r, R.CREDENTIAL_ID, 'credMgmt.credentialID');
      const summary: CredentialSummary = {
        credentialId: cbor.reqBytes(descriptor, 'id', 'credMgmt.credentialID.id'),
        user: cbor.reqMap(r, R.USER, 'credMgmt.user'),
        publicKey: cbor.reqMap(r, R.PUBLIC_KEY, 'credMgmt.publicKey'),
      };
      const credProtect = cbor.optUint(r, R.CRED_PROTECT, 'credMgmt.credProtect');
      if (credProtect !== undefined) summary.credProtect = credProtect;
      return summary;
    };
    const first = await noCredentialsAsEmpty(
      this.#call(
        Sub.ENUMERATE_CREDENTIALS_BEGIN,
        params,
        true,
        'enumerateCredentialsBegin',
        options,
      ),
    );
    if (!first) return [];
    const total = decoding('credMgmt', () =>
      cbor.reqUint(first, R.TOTAL_CREDENTIALS, 'credMgmt.totalCredentials'),
    );
    const out = [decoding('credMgmt', () => parse(first))];
    for (let i = 1; i < total; i++) {
      const next = await this.#call(
        Sub.ENUMERATE_CREDENTIALS_GET_NEXT_CREDENTIAL,
        undefined,
        false,
        'enumerateCredentialsGetNextCredential',
        options,
      );
      out.push(decoding('credMgmt', () => parse(next)));
    }
    return out;
  }

  async deleteCredential(credentialId: Uint8Array, options?: CallOptions): Promise<void> {
    const params: CborMap = new Map([
      [
        CredMgmtSubParam.CREDENTIAL_ID,
        new Map<string, CborValue>([
          ['id', credentialId],
          ['type', 'public-key'],
        ]),
      ],
    ]);
    await this.#call(Sub.DELETE_CREDENTIAL, params, true, 'deleteCredential', options);
  }

  async updateUserInformation(
    credentialId: Uint8Array,
    user: CborMap,
    options?: CallOptions,
  ): Promise<void> {
    const params: CborMap = new Map<number, CborValue>([
      [
        CredMgmtSubParam.CREDENTIAL_ID,
        new Map<string, CborValue>([
          ['id', credentialId],
          ['type', 'public-key'],
        ]),
      ],
      [CredMgmtSubParam.USER, user],
    ]);
    await this.#call(Sub.UPDATE_USER_INFORMATION, params, true, 'updateUserInformation', options);
  }
}

async function noCredentialsAsEmpty(p: Promise<CborMap>): Promise<CborMap | undefined> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof CtapError && error.status === CtapStatus.CTAP2_ERR_NO_CREDENTIALS)
      return undefined;
    throw error;
  }
}
