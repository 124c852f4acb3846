import type { Request, Response } from 'express';
import { countKeys, type Session } from '../domain/session.ts';
import type { SessionManager } from '../operations/sessionManager.ts';

/**
 * Server-Sent Events (WHATWG HTML §9.2): a `snapshot` first, then `key` events per transition
 * and a final `session` event when it closes, after which the stream ends. Comment lines keep
 * proxies from timing the stream out.
 */
export function streamSession(
  sessions: SessionManager,
  session: Session,
  req: Request,
  res: Response,
): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Connection', 'keep-alive');
  res.flushHeaders();
  const send = (event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('snapshot', { ...session, keys: Object.values(session.keys), counts: countKeys(session) });
  const closed = session.state === 'completed' || session.state === 'stopped';
  if (closed) {
    res.end();
    return;
  }
  const heartbeat = setInterval(() => res.write(': keepalive\n\n'), 15_000);
  const unsubscribe = sessions.subscribe(session.id, (message) => {
    if (message.type === 'key') send('key', message.run);
    else {
      send('session', { ...message.session, counts: message.counts });
      stop();
      res.end();
    }
  });
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
}
