import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { resolveBinary } from './binaries.ts';
import { MissingBinaryError, StartupError } from './errors.ts';
import { freePort } from './ports.ts';
import { spawnProcess } from './process.ts';
import { tempDir } from './tempDir.ts';

/** The vsmartcard-vpcd IFD handler as installed by the Debian package. */
export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

// vpcd exposes two slots per reader.conf entry: "<FRIENDLYNAME> 00 00" listening on the port in
// DEVICENAME and "<FRIENDLYNAME> 00 01" on port + 1 (vsmartcard ifd-vpcd.c).
const FRIENDLY_NAME = 'Virtual PCD';

// pcscd 1.9.9 has no option for its socket path, but it accepts a listening socket from systemd
// socket activation (sd_listen_fds: fd 3, LISTEN_FDS=1, LISTEN_PID=own pid), and then neither
// touches /run/pcscd/pcscd.comm nor refuses to start because another pcscd runs. Clients find the
// socket through PCSCLITE_CSOCK_NAME (libpcsclite). This helper binds the socket and execs pcscd
// in the same process so LISTEN_PID matches.
const SOCKET_ACTIVATE = `
import os, socket, sys
path, argv = sys.argv[1], sys.argv[2:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
os.chmod(path, 0o666)
s.listen(64)
if s.fileno() != 3:
    os.dup2(s.fileno(), 3)
os.set_inheritable(3, True)
os.environ['LISTEN_FDS'] = '1'
os.environ['LISTEN_PID'] = str(os.getpid())
os.execv(argv[0], argv)
`;

// Connecting to vpcd would count as inserting a card, so readiness is read from the kernel's
// socket table instead: a row for the port in state 0A (TCP_LISTEN).
function isListening(port: number): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const [, local, , state] = row.trim().split(/\s+/);
      if (state === '0A' && local?.endsWith(`:${hexPort}`)) return true;
    }
  }
  return false;
}

async function waitForListening(port: number, exitReason: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!isListening(port)) {
    const reason = exitReason();
    if (reason) throw new Error(`pcscd ${reason} before vpcd listened on port ${port}`);
    if (Date.now() > deadline) throw new Error(`vpcd did not listen on port ${port} within 30 s`);
    await delay(50);
  }
}

export type StartPcscOptions = {
  /** Logged by pcscd with -a: every APDU (useful when debugging a transport). Default false. */
  logApdus?: boolean;
};

export type PcscStack = {
  /** The vpcd port the virtual card (authenticator-sim `attachToVpcd`) connects to. */
  vpcdPort: number;
  /** "Virtual PCD 00 00": the reader backed by `vpcdPort`. */
  readerName: string;
  /** Both vpcd slots: [vpcdPort → "... 00 00", vpcdPort + 1 → "... 00 01"]. */
  readers: readonly { name: string; vpcdPort: number }[];
  /**
   * Set these in the environment of any PC/SC client of this instance before its first PC/SC
   * call (libpcsclite reads PCSCLITE_CSOCK_NAME once per process): `Object.assign(process.env, pcsc.env)`.
   */
  env: { PCSCLITE_CSOCK_NAME: string };
  /** Kills this pcscd and removes its socket and config. Idempotent. */
  stop(): Promise<void>;
};

/**
 * Starts a private pcscd with the vsmartcard-vpcd driver on its own socket and its own pair of
 * free vpcd ports, so PC/SC tests run in parallel without touching the system pcscd.
 * Resolves when vpcd accepts card connections. Needs root (pcscd writes /run/pcscd/pcscd.pid).
 */
export async function startPcsc(options: StartPcscOptions = {}): Promise<PcscStack> {
  const { logApdus = false } = options;
  const hint = 'Debian packages "pcscd vsmartcard-vpcd python3"';
  const pcscd = resolveBinary({ name: 'pcscd', hint });
  const python = resolveBinary({ name: 'python3', candidates: ['/usr/bin/python3'], hint });
  if (!existsSync(VPCD_DRIVER)) {
    throw new MissingBinaryError(
      'libifdvpcd.so',
      [VPCD_DRIVER],
      'Debian package "vsmartcard-vpcd"',
    );
  }

  const vpcdPort = await freePort({ count: 2 });
  const dir = tempDir('pcsc');
  const confDir = join(dir.path, 'reader.conf.d');
  mkdirSync(confDir);
  const hex = `0x${vpcdPort.toString(16).toUpperCase()}`;
  writeFileSync(
    join(confDir, 'vpcd'),
    [
      `FRIENDLYNAME "${FRIENDLY_NAME}"`,
      `DEVICENAME   /dev/null:${hex}`,
      `LIBPATH      ${VPCD_DRIVER}`,
      `CHANNELID    ${hex}`,
      '',
    ].join('\n'),
  );
  const socketPath = join(dir.path, 'pcscd.comm');
  const pcscdArgs = [pcscd, '--foreground', '--config', confDir, ...(logApdus ? ['--apdu'] : [])];
  const proc = spawnProcess({
    name: 'pcscd',
    command: python,
    args: ['-c', SOCKET_ACTIVATE, socketPath, ...pcscdArgs],
  });
  const stop = async () => {
    await proc.stop();
    await dir.remove();
  };
  try {
    await waitForListening(vpcdPort, proc.exitReason);
  } catch (error) {
    await stop();
    throw new StartupError('pcscd (vpcd)', (error as Error).message, proc.output());
  }
  const readers = [
    { name: `${FRIENDLY_NAME} 00 00`, vpcdPort },
    { name: `${FRIENDLY_NAME} 00 01`, vpcdPort: vpcdPort + 1 },
  ];
  return {
    vpcdPort,
    readerName: readers[0]!.name,
    readers,
    env: { PCSCLITE_CSOCK_NAME: socketPath },
    stop,
  };
}
