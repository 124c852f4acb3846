import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** Reads SSE frames from GET /devices/events as a browser's fetch would. */
async function openStream(permissions?: readonly string[]) {
  const abort = new AbortController();
  const response = await fetch(`${h.gateway.url}/devices/events`, {
    headers: { authorization: `Bearer ${h.token(permissions)}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const frames: Frame[] = [];
  const waiters: Array<() => void> = [];
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (event && data) frames.push({ event, data: JSON.parse(data) });
            for (const wake of waiters.splice(0)) wake();
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    response,
    frames,
    /** Resolves with the first frame (after `from`) that matches. */
    async next(match: (f: Frame) => boolean, what: string, from = 0): Promise<Frame> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = frames.slice(from).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${what} in ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => abort.abort(),
  };
}

describe('GET /devices/events', () => {
  it('streams ready, then a key plugged in, its configure run, its changed facts and its removal', async () => {
    const stream = await openStream();
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      const ready = await stream.next((f) => f.event === 'ready', 'ready');
      expect(ready.data.gatewayId).toBe(h.gateway.core.gatewayId);

      const key = await h.gateway.sim!.plug({ profile: 'generic' });
      const mine = (event: string) => (f: Frame) =>
        f.event === event && f.data.deviceId === key.deviceId;
      const attached = await stream.next(mine('attached'), 'attached');
      expect(attached.data).toEqual({ deviceId: key.deviceId, serial: key.serial });

      const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
        body: { policyId: 'std' },
      });
      expect(r.status, r.text).toBe(200);
      await stream.next((f) => mine('key')(f) && f.data.state === 'running', 'a running key run');
      await stream.next((f) => mine('key')(f) && f.data.state === 'succeeded', 'a finished run');
      await stream.next(mine('changed'), 'changed facts');

      await h.gateway.sim!.unplug(key.deviceId);
      await stream.next(mine('detached'), 'detached');
      // Events name keys only (a step is a name such as setPin, never a value).
      const fields = new Set(stream.frames.flatMap((f) => Object.keys(f.data)));
      expect([...fields].sort()).toEqual(
        ['deviceId', 'devices', 'gatewayId', 'serial', 'sessionId', 'state', 'step'].sort(),
      );
    } finally {
      stream.close();
    }
  });

  it('refuses a caller without device:read', async () => {
    const stream = await openStream(['report:read']);
    expect(stream.response.status).toBe(403);
  });
});
