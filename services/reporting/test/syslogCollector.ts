import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import {
  createOctetFrameParser,
  type ParsedSyslog5424,
  parseSyslog5424,
} from '../src/domain/siem/syslog5424.ts';

/**
 * A real syslog collector for tests: TCP listener parsing RFC 6587 octet-counted RFC 5424
 * frames, over TLS (RFC 5425) when given a certificate. `stop()` drops every connection (an
 * outage); `start()` listens again on the same port.
 */
export interface SyslogCollector {
  port: number;
  messages: ParsedSyslog5424[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSyslogCollector(
  options: { port?: number; tls?: { cert: string; key: string } } = {},
): Promise<SyslogCollector> {
  const { port = 0, tls } = options;
  const messages: ParsedSyslog5424[] = [];
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let boundPort = port;
  const collector: SyslogCollector = {
    get port() {
      return boundPort;
    },
    messages,
    async start() {
      const onSocket = (socket: Socket) => {
        sockets.add(socket);
        const parser = createOctetFrameParser();
        socket.on('data', (chunk) => {
          for (const frame of parser.push(chunk)) messages.push(parseSyslog5424(frame));
        });
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => sockets.delete(socket));
      };
      server = tls ? createTlsServer(tls, onSocket) : createServer(onSocket);
      // A client that refuses our certificate aborts the handshake; that is not a test failure.
      server.on('tlsClientError', () => {});
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(boundPort, '127.0.0.1', () => resolve());
      });
      boundPort = (server.address() as { port: number }).port;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
  };
  await collector.start();
  return collector;
}
