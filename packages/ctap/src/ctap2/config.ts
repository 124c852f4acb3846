/**
 * authenticatorConfig (CTAP 2.1 §6.11): enterprise attestation, alwaysUv, setMinPINLength.
 * When a PIN is set the request carries pinUvAuthParam =
 * authenticate(token, 32×0xFF ‖ 0x0D ‖ subCommand ‖ CBOR(subCommandParams)) with a token that
 * has the acfg permission.
 */
import { concatBytes } from '../byteReader.ts';
import { type CborMap, type CborValue, encodeCanonical } from '../cbor.ts';
import {
  Ctap2Cmd,
  ConfigParam as P,
  SetMinPinLengthParam,
  ConfigSubCmd as Sub,
} from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import type { PinToken } from './clientPin.ts';
import type { Ctap2 } from './ctap2.ts';
import type { CtapInfo } from './info.ts';

export type SetMinPinLengthOptions = {
  minPinLength?: number;
  rpIds?: string[];
  forceChangePin?: boolean;
};

export class Config {
  readonly ctap2: Ctap2;
  readonly token: PinToken | undefined;

  /** Supported when the key reports authnrCfg: true. */
  static isSupported(info: CtapInfo): boolean {
    return info.options.authnrCfg === true;
  }

  /** `token` (with acfg permission) is required when a PIN is set. */
  constructor(ctap2: Ctap2, token?: PinToken) {
    if (!Config.isSupported(ctap2.info))
      throw new UnsupportedError('authenticatorConfig (option authnrCfg)');
    this.ctap2 = ctap2;
    this.token = token;
  }

  async #call(sub: number, params: CborMap | undefined, name: string, options: CallOptions = {}) {
    const request: CborMap = new Map<number, CborValue>([[P.SUB_COMMAND, sub]]);
    if (params) request.set(P.SUB_COMMAND_PARAMS, params);
    if (this.token) {
      const message = concatBytes(
        new Uint8Array(32).fill(0xff),
        Uint8Array.of(Ctap2Cmd.CONFIG, sub),
        params ? encodeCanonical(params) : new Uint8Array(0),
      );
      request.set(P.PIN_UV_AUTH_PROTOCOL, this.token.protocol.version);
      request.set(P.PIN_UV_AUTH_PARAM, this.token.protocol.authenticate(this.token.token, message));
    }
    await this.ctap2.sendCbor(Ctap2Cmd.CONFIG, request, { ...options, name: `config.${name}` });
  }

  /** enableEnterpriseAttestation (0x01); needs the ep option present. */
  enableEnterpriseAttestation(options?: CallOptions): Promise<void> {
    if (this.ctap2.info.options.ep === undefined) {
      return Promise.reject(new UnsupportedError('enterprise attestation (option ep absent)'));
    }
    return this.#call(
      Sub.ENABLE_ENTERPRISE_ATTESTATION,
      undefined,
      'enableEnterpriseAttestation',
      options,
    );
  }

  /** toggleAlwaysUv (0x02); needs the alwaysUv option present. */
  toggleAlwaysUv(options?: CallOptions): Promise<void> {
    if (this.ctap2.info.options.alwaysUv === undefined) {
      return Promise.reject(new UnsupportedError('alwaysUv (option absent)'));
    }
    return this.#call(Sub.TOGGLE_ALWAYS_UV, undefined, 'toggleAlwaysUv', options);
  }

  /** setMinPINLength (0x03); needs the setMinPINLength option. */
  setMinPinLength(request: SetMinPinLengthOptions, options?: CallOptions): Promise<void> {
    if (this.ctap2.info.options.setMinPINLength !== true) {
      return Promise.reject(new UnsupportedError('setMinPINLength (option absent)'));
    }
    const params: CborMap = new Map<number, CborValue>();
    if (request.minPinLength !== undefined)
      params.set(SetMinPinLengthParam.NEW_MIN_PIN_LENGTH, request.minPinLength);
    if (request.rpIds !== undefined)
      params.set(SetMinPinLengthParam.MIN_PIN_LENGTH_RPIDS, request.rpIds);
    if (request.forceChangePin !== undefined)
      params.set(SetMinPinLengthParam.FORCE_CHANGE_PIN, request.forceChangePin);
    return this.#call(
      Sub.SET_MIN_PIN_LENGTH,
      params.size > 0 ? params : undefined,
      'setMinPinLength',
      options,
    );
  }
}
