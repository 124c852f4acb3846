import type { Request, Response } from 'express';
import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import type { SessionMessage } from '../operations/sessionManager.ts';

/** How often a comment line keeps idle proxies and browsers from closing the stream. */
const HEARTBEAT_MS = 15_000;

/**
 * GET /devices/events, Server-Sent Events (WHATWG HTML §9.2) for a live device list: `ready`
 * with the gateway id first (a client re-reads GET /devices then, having maybe missed events),
 * then `attached`, `detached` and `changed` with the key's id and serial, and `key` for every
 * key run transition (a key turns BUSY, gets configured, fails). Events name keys only: the
 * client reads the views, with its own permissions, from GET /devices.
 */
export function streamDeviceEvents(
  core: Pick<GatewayCore, 'gatewayId' | 'registry' | 'sessions'>,
  req: Request,
  res: Response,
): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  res.flushHeaders();
  const send = (event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('ready', { gatewayId: core.gatewayId, devices: core.registry.list().length });
  const ref = (d: RegisteredDevice) => ({ deviceId: d.key.id, serial: d.facts.serial });
  const onAttached = (d: RegisteredDevice) => send('attached', ref(d));
  const onDetached = (d: RegisteredDevice) => send('detached', ref(d));
  const onChanged = (d: RegisteredDevice) => send('changed', ref(d));
  const onSession = (m: SessionMessage) => {
    if (m.type !== 'key') return;
    const { deviceId, serial, state, step } = m.run;
    send('key', { sessionId: m.sessionId, deviceId, serial, state, ...(step ? { step } : {}) });
  };
  core.registry.on('attached', onAttached);
  core.registry.on('detached', onDetached);
  core.registry.on('changed', onChanged);
  const unsubscribe = core.sessions.subscribeAll(onSession);
  const heartbeat = setInterval(() => res.write(': keepalive\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    core.registry.off('attached', onAttached);
    core.registry.off('detached', onDetached);
    core.registry.off('changed', onChanged);
  });
}
