/** authenticatorGetInfo (CTAP 2.1 §6.4): the profile's capabilities and the current settings. */
import { type CborMap, type CborValue, GetInfoResult } from '@keyward/ctap/internal';
import type { CommandContext, CommandHandler } from '../context.ts';
import { MAX_CREDENTIAL_ID_LENGTH } from '../credentialId.ts';
import { SUPPORTED_ALGS } from '../credentialKey.ts';
import { aaguidBytes } from '../profiles.ts';

/** Largest CTAP message accepted (request or response body, command byte included). */
export const MAX_MSG_SIZE = 2048;
export const MAX_CREDENTIAL_COUNT_IN_LIST = 8;
export const MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH = 4;

/** The options map (absent ≠ false, §6.4): only what this profile implements appears. */
export function infoOptions(ctx: CommandContext): Map<string, boolean> {
  const { profile, state } = ctx;
  const options = new Map<string, boolean>([
    ['rk', true],
    ['up', true],
    ['plat', false],
    ['clientPin', state.pin.hash !== undefined],
  ]);
  if (profile.enterpriseAttestation) options.set('ep', state.config.enterpriseAttestation);
  if (profile.ctap21) {
    options.set('alwaysUv', state.config.alwaysUv);
    options.set('credMgmt', true);
    options.set('authnrCfg', true);
    options.set('setMinPINLength', true);
    options.set('makeCredUvNotRqd', true);
    options.set('pinUvAuthToken', true);
  }
  return options;
}

export const getInfo: CommandHandler = async (ctx) => {
  const { profile, state } = ctx;
  const info: CborMap = new Map<number, CborValue>([
    [GetInfoResult.VERSIONS, [...profile.versions]],
    [GetInfoResult.EXTENSIONS, [...profile.extensions]],
    [GetInfoResult.AAGUID, aaguidBytes(profile.aaguid)],
    [GetInfoResult.OPTIONS, infoOptions(ctx)],
    [GetInfoResult.MAX_MSG_SIZE, MAX_MSG_SIZE],
    [GetInfoResult.PIN_UV_AUTH_PROTOCOLS, [...profile.pinUvAuthProtocols]],
    [GetInfoResult.MAX_CREDENTIAL_COUNT_IN_LIST, MAX_CREDENTIAL_COUNT_IN_LIST],
    [GetInfoResult.MAX_CREDENTIAL_ID_LENGTH, MAX_CREDENTIAL_ID_LENGTH],
    [GetInfoResult.TRANSPORTS, [...profile.transports]],
  ]);
  if (profile.ctap21) {
    info.set(
      GetInfoResult.ALGORITHMS,
      SUPPORTED_ALGS.map(
        (alg) =>
          new Map<string, CborValue>([
            ['alg', alg],
            ['type', 'public-key'],
          ]),
      ),
    );
    info.set(GetInfoResult.FORCE_PIN_CHANGE, state.pin.forceChange);
    info.set(GetInfoResult.MIN_PIN_LENGTH, state.pin.minLength);
    info.set(GetInfoResult.FIRMWARE_VERSION, profile.firmwareVersion);
    info.set(GetInfoResult.MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH, MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH);
    info.set(
      GetInfoResult.REMAINING_DISCOVERABLE_CREDENTIALS,
      profile.maxDiscoverableCredentials - state.credentials.length,
    );
  }
  return info;
};
