import {
  type BusContext,
  EVENT_SIGNATURE_HEADER,
  verifyEventSignature,
} from '@keyward/service-kit';
import type { JsMsg } from '@nats-io/jetstream';

/** The verified signer of a stream message, or undefined for an unsigned or forged one. */
export function signerOf(bus: BusContext, msg: JsMsg): string | undefined {
  try {
    const jws = msg.headers?.get(EVENT_SIGNATURE_HEADER) || undefined;
    return verifyEventSignature(bus, msg.subject, msg.data, jws).name;
  } catch {
    return undefined;
  }
}
