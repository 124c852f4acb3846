import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** A started HTTP server bound to 127.0.0.1 on a free port. */
export interface Listening {
  port: number;
  origin: string;
  close(): Promise<void>;
}

/**
 * Binds the app to 127.0.0.1 on an OS-chosen port (never a public interface: emulators are test
 * servers). `close()` also drops keep-alive sockets so test teardown does not hang.
 */
export async function listenLocal(app: Express): Promise<Listening> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
