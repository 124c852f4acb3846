import { dlqSubject, type ErrorBody } from '@keyward/contracts';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { redactDeep, redactString } from '../log/redact.ts';

/**
 * What lands on `keyward.dlq.<durable>`: the reason and the original message. The message is
 * kept as it came except for secrets: an outside publisher's malformed event may carry a PIN or
 * token, and the DLQ is read by operators and SIEMs like any other subject.
 */
export interface DeadLetter {
  reason: ErrorBody;
  consumer: string;
  subject: string;
  streamSequence: number;
  deliveries: number;
  /**
   * The original payload as UTF-8 text with secret-named JSON fields and "pin=…"-style text
   * redacted, or base64 when it is not valid UTF-8.
   */
  raw: string;
  rawEncoding: 'utf8' | 'base64';
  deadLetteredAt: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Stores a message the consumer cannot handle in KEYWARD_DLQ, deduplicated per consumer and
 * stream sequence (a crash between this and the ack cannot dead-letter twice). Throws if the
 * DLQ did not acknowledge, so the caller naks instead of losing the message.
 */
export async function deadLetter(
  js: JetStreamClient,
  options: { consumer: string; msg: JsMsg; reason: ErrorBody; now?: Date },
): Promise<DeadLetter> {
  const { consumer, msg, reason, now = new Date() } = options;
  const { raw, rawEncoding } = safeRaw(msg.data);
  const letter: DeadLetter = {
    reason,
    consumer,
    subject: msg.subject,
    streamSequence: msg.info.streamSequence,
    deliveries: msg.info.deliveryCount,
    raw,
    rawEncoding,
    deadLetteredAt: now.toISOString(),
  };
  await js.publish(dlqSubject(consumer), JSON.stringify(letter), {
    msgID: `${consumer}:${msg.info.streamSequence}`,
  });
  return letter;
}

/** The payload as text, with secrets redacted the same way the logger redacts them. */
export function safeRaw(data: Uint8Array): { raw: string; rawEncoding: 'utf8' | 'base64' } {
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    return { raw: Buffer.from(data).toString('base64'), rawEncoding: 'base64' };
  }
  try {
    return { raw: JSON.stringify(redactDeep(JSON.parse(text))), rawEncoding: 'utf8' };
  } catch {
    return { raw: redactString(text), rawEncoding: 'utf8' };
  }
}
