import { request } from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Requester } from './ports.ts';

/** Requester over service-kit's validated request/reply. */
export function kitRequester(nc: NatsConnection): Requester {
  return {
    request: (definition, data, options) =>
      request(nc, definition, data as never, {
        actor: options.actor,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      }) as never,
  };
}
