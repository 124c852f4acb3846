import { createServer, type Server, type Socket } from 'node:net';
import {
  createOctetFrameParser,
  type ParsedSyslog5424,
  parseSyslog5424,
} from '../src/domain/siem/syslog5424.ts';

/**
 * A real syslog collector for tests: TCP listener parsing RFC 6587 octet-counted RFC 5424
 * frames. `stop()` drops every connection (an outage); `start()` listens again on the same port.
 */
export interface SyslogCollector {
  port: number;
  messages: ParsedSyslog5424[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSyslogCollector(port = 0): Promise<SyslogCollector> {
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
      server = createServer((socket) => {
        sockets.add(socket);
        const parser = createOctetFrameParser();
        socket.on('data', (chunk) => {
          for (const frame of parser.push(chunk)) messages.push(parseSyslog5424(frame));
        });
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => sockets.delete(socket));
      });
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
