/**
 * `keyward-sim plug`: keeps a virtual key inserted in the vpcd reader until stopped. With
 * `--touch prompt` every request for user presence waits for Enter on the terminal; with
 * `--state FILE` the key's state is loaded from and saved to FILE after every command.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ctapStatusName } from '@keyward/ctap/internal';
import { presence } from '../authenticator/presence.ts';
import { loadState, saveState } from '../authenticator/state.ts';
import { createAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { attachToVpcd } from '../transport/vpcd.ts';
import type { PlugOptions } from './parsePlugArgs.ts';

export type PlugHandle = { stop(): Promise<void> };

export async function plug(
  options: PlugOptions,
  io: { log: (line: string) => void; input: NodeJS.ReadableStream },
): Promise<PlugHandle> {
  const state =
    options.stateFile && existsSync(options.stateFile)
      ? await loadState(options.stateFile)
      : undefined;
  const auth = createAuthenticator({
    ...(state ? { state } : { profile: options.profile }),
    ...(options.serial && !state ? { serial: options.serial } : {}),
    presence: options.touch === 'prompt' ? presence.manual() : presence.auto(),
  });
  await auth.ready();
  let saving = Promise.resolve();
  const save = () => {
    const file = options.stateFile;
    if (!file) return saving;
    saving = saving
      .then(() => saveState(file, auth.state()))
      .catch((e: Error) => {
        io.log(`could not save state to ${file}: ${e.message}`);
      });
    return saving;
  };
  const lines = createInterface({ input: io.input });
  lines.on('line', () => {
    if (auth.touch()) io.log('touched');
  });
  auth.onEvent((event) => {
    if (event.type === 'upNeeded' && options.touch === 'prompt') {
      io.log(`${event.command}: touch the key (press Enter)`);
    }
    if (event.type === 'command') {
      io.log(`${event.command} → ${ctapStatusName(event.status)}`);
      void save();
    }
    if (event.type === 'powerCycle') io.log('power cycle');
  });
  const card = attachToVpcd(auth, {
    host: options.host,
    port: options.port,
    onError: (e) => io.log(`vpcd ${options.host}:${options.port}: ${e.message} (retrying)`),
  });
  await card.insert();
  io.log(
    `keyward-sim: ${auth.profile.name} key ${auth.serial} (AAGUID ${auth.aaguid}) inserted in vpcd ${options.host}:${options.port}`,
  );
  await save();
  return {
    async stop() {
      lines.close();
      await card.close();
      await save();
      io.log('keyward-sim: key removed');
    },
  };
}
