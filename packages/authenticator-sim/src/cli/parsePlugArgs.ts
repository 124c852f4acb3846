/** Parses `keyward-sim plug …` arguments into options, or an error message naming the problem. */
import { parseArgs } from 'node:util';
import { PROFILE_NAMES, type ProfileName } from '../authenticator/profiles.ts';
import { VPCD_DEFAULT_PORT } from '../transport/vpcd.ts';

export const PLUG_USAGE = `usage: keyward-sim plug --pcsc [--profile generic|enterprise|ctap20|nfc-only]
                        [--serial KW000123] [--host 127.0.0.1] [--port ${VPCD_DEFAULT_PORT}]
                        [--touch prompt|auto] [--state FILE]`;

export type PlugOptions = {
  profile: ProfileName;
  serial: string | undefined;
  host: string;
  port: number;
  touch: 'prompt' | 'auto';
  stateFile: string | undefined;
};

export function parsePlugArgs(
  argv: readonly string[],
): { ok: true; options: PlugOptions } | { ok: false; error: string } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        profile: { type: 'string', default: 'generic' },
        serial: { type: 'string' },
        pcsc: { type: 'boolean', default: false },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: String(VPCD_DEFAULT_PORT) },
        touch: { type: 'string', default: 'auto' },
        state: { type: 'string' },
      },
    }));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (positionals[0] !== 'plug' || positionals.length !== 1) {
    return { ok: false, error: `expected the command "plug", received "${positionals.join(' ')}"` };
  }
  if (!values.pcsc) return { ok: false, error: '--pcsc is required (the only transport of plug)' };
  const profile = String(values.profile);
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) {
    return {
      ok: false,
      error: `--profile "${profile}": expected one of ${PROFILE_NAMES.join(', ')}`,
    };
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, error: `--port "${values.port}": expected a TCP port 1-65535` };
  }
  const touch = String(values.touch);
  if (touch !== 'prompt' && touch !== 'auto') {
    return { ok: false, error: `--touch "${touch}": expected prompt or auto` };
  }
  const serial = values.serial === undefined ? undefined : String(values.serial);
  if (serial !== undefined && !/^[A-Za-z0-9-]{1,32}$/.test(serial)) {
    return { ok: false, error: `--serial "${serial}": expected 1-32 letters, digits or dashes` };
  }
  return {
    ok: true,
    options: {
      profile: profile as ProfileName,
      serial,
      host: String(values.host),
      port,
      touch,
      stateFile: values.state === undefined ? undefined : String(values.state),
    },
  };
}
