import { connect } from 'node:net';

/** Where the system pcscd listens (pcsc-lite 1.9 ipcdir, or PCSCLITE_CSOCK_NAME). */
export function pcscdSocket(env: NodeJS.ProcessEnv): string {
  return env.PCSCLITE_CSOCK_NAME || '/run/pcscd/pcscd.comm';
}

/** True when a pcscd answers on its socket. */
export function pcscdRunning(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path: socketPath });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export type PcscdPlan =
  | { action: 'skip' | 'use'; reason: string }
  | { action: 'start'; command: string; args: string[]; reason: string };

export type PlanPcscdOptions = {
  enabled: boolean;
  running: boolean;
  isRoot: boolean;
  /** Path of the pcscd binary, undefined when not installed. */
  binary: string | undefined;
};

/**
 * Decides whether the launcher starts pcscd: only when asked, none is running, the binary exists
 * and we are root (pcscd owns /run/pcscd). It then reads /etc/reader.conf.d, where
 * vsmartcard-vpcd puts the "Virtual PCD" reader on port 35963.
 */
export function planPcscd(options: PlanPcscdOptions): PcscdPlan {
  const { enabled, running, isRoot, binary } = options;
  if (!enabled) return { action: 'skip', reason: 'pcscd: disabled (KEYWARD_PCSCD=0)' };
  if (running) return { action: 'use', reason: 'pcscd: already running, using it' };
  if (!binary) {
    return {
      action: 'skip',
      reason: 'pcscd: not installed (npm run setup); PC/SC readers unavailable',
    };
  }
  if (!isRoot) {
    return {
      action: 'skip',
      reason: 'pcscd: not running and not root; start it with `sudo systemctl start pcscd`',
    };
  }
  return { action: 'start', command: binary, args: ['--foreground'], reason: 'pcscd: starting' };
}
