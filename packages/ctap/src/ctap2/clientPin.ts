/**
 * authenticatorClientPIN (CTAP 2.1 §6.5): PIN retries, key agreement, set/change PIN and PIN
 * tokens. Picks PIN/UV auth protocol 2 when the key offers it, else 1. The PIN never appears
 * in an error message.
 */
import { concatBytes } from '../byteReader.ts';
import type { CborMap, CborValue } from '../cbor.ts';
import { cbor } from '../cbor.ts';
import {
  Ctap2Cmd,
  CtapStatus,
  ClientPinParam as P,
  PinUvPermission,
  ClientPinResult as R,
  ClientPinSubCmd as Sub,
} from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { CtapError, decoding, UnsupportedError } from '../errors.ts';
import {
  encapsulate,
  PinProtocolV1,
  PinProtocolV2,
  type PinUvAuthProtocol,
  padPin,
  pinHash,
} from '../pin/protocol.ts';
import type { Ctap2 } from './ctap2.ts';
import type { CtapInfo } from './info.ts';

export type PinToken = { token: Uint8Array; protocol: PinUvAuthProtocol; permissions: number };

export type TokenRequest = {
  /** PinUvPermission bits; ignored by keys without pinUvAuthToken (legacy token = mc|ga). */
  permissions: number;
  /** Required by the key for mc/ga permissions. */
  rpId?: string;
};

/** Protocol 2 if offered, else 1; undefined if the key offers neither. */
export function preferredProtocol(info: CtapInfo): PinUvAuthProtocol | undefined {
  if (info.pinUvAuthProtocols.includes(2)) return PinProtocolV2;
  if (info.pinUvAuthProtocols.includes(1) || info.options.clientPin !== undefined)
    return PinProtocolV1;
  return undefined;
}

export class ClientPin {
  readonly ctap2: Ctap2;
  readonly protocol: PinUvAuthProtocol;

  /** Supported when the key reports the clientPin option at all (true or false). */
  static isSupported(info: CtapInfo): boolean {
    return info.options.clientPin !== undefined;
  }

  /** Supports subcommand 0x09 and permissions (CTAP 2.1 option pinUvAuthToken). */
  static isTokenSupported(info: CtapInfo): boolean {
    return info.options.pinUvAuthToken === true;
  }

  /** `protocol` defaults to the key's preference (2 if offered, else 1). */
  constructor(ctap2: Ctap2, protocol?: PinUvAuthProtocol) {
    const { info } = ctap2;
    if (!ClientPin.isSupported(info)) {
      throw new UnsupportedError('client PIN (option clientPin absent)');
    }
    // A key that lists no protocols is a CTAP 2.0 key: protocol 1 is implied.
    const offered = info.pinUvAuthProtocols.length > 0 ? info.pinUvAuthProtocols : [1];
    const chosen = protocol ?? preferredProtocol(info);
    if (!chosen || !offered.includes(chosen.version)) {
      throw new UnsupportedError(`PIN/UV auth protocol ${chosen?.version ?? '1 or 2'}`);
    }
    this.ctap2 = ctap2;
    this.protocol = chosen;
  }

  #send(sub: number, extra: [number, CborValue][], name: string, options: CallOptions = {}) {
    const params: CborMap = new Map<number, CborValue>([
      [P.PIN_UV_AUTH_PROTOCOL, this.protocol.version],
      [P.SUB_COMMAND, sub],
      ...extra,
    ]);
    return this.ctap2.sendCbor(Ctap2Cmd.CLIENT_PIN, params, {
      ...options,
      name: `clientPin.${name}`,
    });
  }

  /** PIN retries left and whether a power cycle is needed before the next attempt. */
  async getRetries(options?: CallOptions): Promise<{ retries: number; powerCycleState?: boolean }> {
    const r = await this.#send(Sub.GET_PIN_RETRIES, [], 'getPinRetries', options);
    return decoding('clientPin.getPinRetries', () => {
      const retries = cbor.reqUint(r, R.PIN_RETRIES, 'clientPin.pinRetries');
      const powerCycleState = cbor.optBool(r, R.POWER_CYCLE_STATE, 'clientPin.powerCycleState');
      return powerCycleState === undefined ? { retries } : { retries, powerCycleState };
    });
  }

  /** UV retries (keys with built-in UV only). */
  async getUvRetries(options?: CallOptions): Promise<number> {
    const r = await this.#send(Sub.GET_UV_RETRIES, [], 'getUvRetries', options);
    return decoding('clientPin.getUvRetries', () =>
      cbor.reqUint(r, R.UV_RETRIES, 'clientPin.uvRetries'),
    );
  }

  /** getKeyAgreement (0x02): the key's current COSE key-agreement public key. */
  async getKeyAgreement(options?: CallOptions): Promise<CborMap> {
    const r = await this.#send(Sub.GET_KEY_AGREEMENT, [], 'getKeyAgreement', options);
    return decoding('clientPin.getKeyAgreement', () =>
      cbor.reqMap(r, R.KEY_AGREEMENT, 'clientPin.keyAgreement'),
    );
  }

  /** getKeyAgreement, then our half of ECDH: the key to send and the shared secret. */
  async sharedSecret(
    options?: CallOptions,
  ): Promise<{ keyAgreement: CborMap; sharedSecret: Uint8Array }> {
    const peer = await this.getKeyAgreement(options);
    return decoding('clientPin.getKeyAgreement', () => encapsulate(this.protocol, peer));
  }

  /** setPIN (0x03): only when no PIN is set. */
  async setPin(pin: string, options?: CallOptions): Promise<void> {
    const { keyAgreement, sharedSecret } = await this.sharedSecret(options);
    const newPinEnc = this.protocol.encrypt(sharedSecret, padPin(pin));
    const pinUvAuthParam = this.protocol.authenticate(sharedSecret, newPinEnc);
    await this.#send(
      Sub.SET_PIN,
      [
        [P.KEY_AGREEMENT, keyAgreement],
        [P.PIN_UV_AUTH_PARAM, pinUvAuthParam],
        [P.NEW_PIN_ENC, newPinEnc],
      ],
      'setPin',
      options,
    );
  }

  /** changePIN (0x04). A wrong current PIN throws CtapError PIN_INVALID with retries left. */
  async changePin(currentPin: string, newPin: string, options?: CallOptions): Promise<void> {
    const { keyAgreement, sharedSecret } = await this.sharedSecret(options);
    const pinHashEnc = this.protocol.encrypt(sharedSecret, pinHash(currentPin));
    const newPinEnc = this.protocol.encrypt(sharedSecret, padPin(newPin));
    const pinUvAuthParam = this.protocol.authenticate(
      sharedSecret,
      concatBytes(newPinEnc, pinHashEnc),
    );
    await this.#withRetries(() =>
      this.#send(
        Sub.CHANGE_PIN,
        [
          [P.KEY_AGREEMENT, keyAgreement],
          [P.PIN_UV_AUTH_PARAM, pinUvAuthParam],
          [P.NEW_PIN_ENC, newPinEnc],
          [P.PIN_HASH_ENC, pinHashEnc],
        ],
        'changePin',
        options,
      ),
    );
  }

  /**
   * A PIN token: getPinUvAuthTokenUsingPinWithPermissions (0x09) when the key supports
   * permissions, else the legacy getPinToken (0x05, implicitly mc|ga).
   */
  async getPinToken(pin: string, request: TokenRequest, options?: CallOptions): Promise<PinToken> {
    const useWithPermissions = ClientPin.isTokenSupported(this.ctap2.info);
    const { keyAgreement, sharedSecret } = await this.sharedSecret(options);
    const pinHashEnc = this.protocol.encrypt(sharedSecret, pinHash(pin));
    const extra: [number, CborValue][] = [
      [P.KEY_AGREEMENT, keyAgreement],
      [P.PIN_HASH_ENC, pinHashEnc],
    ];
    if (useWithPermissions) {
      extra.push([P.PERMISSIONS, request.permissions]);
      if (request.rpId !== undefined) extra.push([P.RP_ID, request.rpId]);
    }
    const sub = useWithPermissions
      ? Sub.GET_PIN_UV_AUTH_TOKEN_USING_PIN_WITH_PERMISSIONS
      : Sub.GET_PIN_TOKEN;
    const name = useWithPermissions ? 'getPinUvAuthTokenUsingPinWithPermissions' : 'getPinToken';
    const r = await this.#withRetries(() => this.#send(sub, extra, name, options));
    const token = decoding(`clientPin.${name}`, () =>
      this.protocol.decrypt(
        sharedSecret,
        cbor.reqBytes(r, R.PIN_UV_AUTH_TOKEN, 'clientPin.pinUvAuthToken'),
      ),
    );
    const permissions = useWithPermissions
      ? request.permissions
      : PinUvPermission.MAKE_CREDENTIAL | PinUvPermission.GET_ASSERTION;
    return { token, protocol: this.protocol, permissions };
  }

  /** Adds the retry counter to PIN_INVALID so the message can say how many are left. */
  async #withRetries<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof CtapError && error.status === CtapStatus.CTAP2_ERR_PIN_INVALID) {
        const retries = await this.getRetries().then(
          (r) => r.retries,
          () => undefined,
        );
        throw retries === undefined ? error : error.withRetries(retries);
      }
      throw error;
    }
  }
}
