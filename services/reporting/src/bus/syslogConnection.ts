import { type Socket, connect as tcpConnect } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { KeywardError } from '@keyward/contracts';

export interface SyslogTarget {
  host: string;
  port: number;
  /** TLS (RFC 5425) when set; `{}` uses the system CAs. */
  tls?:
    | Pick<ConnectionOptions, 'ca' | 'cert' | 'key' | 'servername' | 'rejectUnauthorized'>
    | undefined;
  connectTimeoutMs?: number;
}

/**
 * One TCP (or TLS) connection to a syslog collector. `write` resolves when the bytes were
 * handed to the kernel; `settled` then tells whether the connection is still open, so a batch
 * is only acknowledged if the collector did not hang up while it was being sent.
 */
export interface SyslogConnection {
  write(frame: Uint8Array): Promise<void>;
  /** Waits `ms`, then reports whether the connection stayed open all along. */
  settled(ms: number): Promise<boolean>;
  readonly open: boolean;
  close(): void;
}

export async function openSyslogConnection(target: SyslogTarget): Promise<SyslogConnection> {
  const { host, port, tls, connectTimeoutMs = 5_000 } = target;
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = tls
      ? tlsConnect({ host, port, ...tls }, () => resolve(s))
      : tcpConnect({ host, port }, () => resolve(s));
    s.setTimeout(connectTimeoutMs, () =>
      s.destroy(new Error(`connect timed out after ${connectTimeoutMs} ms`)),
    );
    s.once('error', (cause) =>
      reject(
        new KeywardError('UPSTREAM_UNAVAILABLE', `syslog collector ${host}:${port} unreachable`, {
          cause,
        }),
      ),
    );
  });
  socket.setTimeout(0);
  socket.setNoDelay(true);
  let open = true;
  const closed = () => {
    open = false;
  };
  // The collector never sends anything; data, end or close all mean the session is over.
  socket.on('data', () => {});
  socket.on('end', closed);
  socket.on('close', closed);
  socket.on('error', closed);

  return {
    get open() {
      return open && !socket.destroyed;
    },
    write(frame) {
      return new Promise((resolve, reject) => {
        if (!open || socket.destroyed) {
          reject(
            new KeywardError(
              'UPSTREAM_UNAVAILABLE',
              `syslog collector ${host}:${port} closed the connection`,
            ),
          );
          return;
        }
        socket.write(frame, (error) =>
          error
            ? reject(
                new KeywardError(
                  'UPSTREAM_UNAVAILABLE',
                  `write to syslog collector ${host}:${port} failed`,
                  { cause: error },
                ),
              )
            : resolve(),
        );
      });
    },
    async settled(ms) {
      await new Promise((r) => setTimeout(r, ms));
      return open && !socket.destroyed;
    },
    close() {
      open = false;
      socket.destroy();
    },
  };
}
