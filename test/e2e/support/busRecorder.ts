import {
  type ConnectionOptions,
  connect,
  type NatsConnection,
  type Subscription,
} from '@nats-io/transport-node';

/** One message seen on the bus, kept raw so a leak scan sees exactly what a SIEM would see. */
export interface RecordedMessage {
  subject: string;
  raw: string;
  headers: string;
}

export interface BusRecorder {
  readonly messages: RecordedMessage[];
  stop(): Promise<void>;
}

/**
 * A plain core-NATS subscriber, by default on `>`: every message any process on the bus could
 * read — events (`keyward.evt.>`, issue 8 "SIEM"), dead letters (`keyward.dlq.>`), requests and
 * their replies on `_INBOX.>` (issue 19). Started before any service so nothing published during
 * the run escapes it.
 */
export async function startBusRecorder(
  connection: ConnectionOptions,
  subjects: readonly string[] = ['>'],
): Promise<BusRecorder> {
  const nc: NatsConnection = await connect({ ...connection, name: 'e2e-bus-recorder' });
  const messages: RecordedMessage[] = [];
  const subs: Subscription[] = subjects.map((subject) =>
    nc.subscribe(subject, {
      callback: (_err, msg) => {
        const headers = msg.headers
          ? [...msg.headers.keys()].map((k) => `${k}: ${msg.headers!.values(k).join(',')}`)
          : [];
        messages.push({ subject: msg.subject, raw: msg.string(), headers: headers.join('\n') });
      },
    }),
  );
  // The server has the interest registered once the flush round-trip returns.
  await nc.flush();
  return {
    messages,
    async stop() {
      for (const s of subs) s.unsubscribe();
      await nc.drain();
    },
  };
}
