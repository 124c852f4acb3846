import { hostname } from 'node:os';
import { parseEvent, SUBJECTS } from '@keyward/contracts';
import { busContextOf } from '@keyward/service-kit';
import {
  AckPolicy,
  DeliverPolicy,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import { auditRecordFromEvent } from '../domain/audit/auditRecordFromEvent.ts';
import { cefFromAuditRecord, cefSeverity } from '../domain/siem/cefFromAuditRecord.ts';
import {
  formatSyslog5424,
  frameOctetCounted,
  SYSLOG_FACILITY_LOG_AUDIT,
  syslogSeverityFromCef,
} from '../domain/siem/syslog5424.ts';
import type { ReportingMetrics } from '../metrics.ts';
import type { ReportingModels } from '../store/models.ts';
import { recordSiemPosition } from '../store/siemPosition.ts';
import { backoffDelay } from './backoff.ts';
import { signerOf } from './signerOf.ts';
import {
  openSyslogConnection,
  type SyslogConnection,
  type SyslogTarget,
} from './syslogConnection.ts';

export interface SiemForwarderOptions {
  nc: NatsConnection;
  target: SyslogTarget;
  models: ReportingModels;
  logger: Logger;
  metrics?: ReportingMetrics | undefined;
  /** Durable consumer name; its position is the forwarder's position. Default "reporting-siem". */
  durable?: string;
  productVersion?: string;
  /** Frames sent before one acknowledgement round. Default 100. */
  batchSize?: number;
  /** How long the connection must stay open after a batch before it is acknowledged. Default 50 ms. */
  settleMs?: number;
  appName?: string;
  host?: string;
  backoff?: { baseMs?: number; maxMs?: number };
}

export interface SiemForwarder {
  stop(): Promise<void>;
}

/**
 * Forwards every event as CEF in RFC 5424 over TCP/TLS with octet counting (RFC 6587), from its
 * own durable JetStream consumer: a batch is acknowledged only after all its frames were
 * written and the connection stayed open, so a collector outage loses nothing — the batch is
 * held (kept alive with `working()`) and re-sent after reconnecting with backoff, and what
 * arrived meanwhile follows in stream order. Delivery is at least once: a frame may repeat
 * after a reconnect; CEF `externalId` (the event id) lets the SIEM drop repeats.
 */
export async function startSiemForwarder(options: SiemForwarderOptions): Promise<SiemForwarder> {
  const {
    nc,
    target,
    models,
    logger,
    metrics,
    durable = 'reporting-siem',
    productVersion = '0.1.0',
    batchSize = 100,
    settleMs = 50,
    appName = 'keyward-reporting',
    host = hostname(),
    backoff = {},
  } = options;
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(SUBJECTS.EVENTS_STREAM, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: SUBJECTS.EVENTS_ALL,
    ack_wait: nanos(30_000),
    max_deliver: -1,
    max_ack_pending: batchSize,
  });
  const consumer = await jetstream(nc).consumers.get(SUBJECTS.EVENTS_STREAM, durable);
  const targetName = `${target.host}:${target.port}`;
  let stopping = false;
  let connection: SyslogConnection | null = null;
  let wake: (() => void) | null = null;
  let lastEventId = '';
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const bus = busContextOf(nc);
  const frameOf = (msg: JsMsg): Uint8Array | null => {
    const signer = signerOf(bus, msg);
    if (!signer) return null; // forged or unsigned: dead-lettered by the audit consumer
    const parsed = parseEvent(msg.data);
    if (!parsed.ok) return null; // the audit consumer dead-letters it; a SIEM line would lie
    lastEventId = parsed.event.id;
    const record = auditRecordFromEvent({
      event: parsed.event,
      streamSeq: msg.info.streamSequence,
      signer,
    });
    const severity = cefSeverity(record.type);
    const line = formatSyslog5424({
      facility: SYSLOG_FACILITY_LOG_AUDIT,
      severity: syslogSeverityFromCef(severity),
      timestamp: record.time,
      hostname: host,
      appName,
      msgId: record.type.replace(/^keyward\./, ''),
      message: cefFromAuditRecord({ record, productVersion }),
    });
    return frameOctetCounted(line);
  };

  async function sendBatch(msgs: JsMsg[]): Promise<void> {
    const frames = msgs.map((m) => ({ msg: m, frame: frameOf(m) }));
    for (let attempt = 0; !stopping; attempt++) {
      try {
        if (!connection?.open) {
          connection?.close();
          connection = await openSyslogConnection(target);
          metrics?.siemConnected.set(1);
          logger.info({ target: targetName }, 'connected to syslog collector');
        }
        for (const { frame } of frames) if (frame) await connection.write(frame);
        if (!(await connection.settled(settleMs)))
          throw new Error('collector closed the connection');
        return;
      } catch (error) {
        metrics?.siemConnected.set(0);
        metrics?.siemFailures.inc({ reason: connection ? 'write' : 'connect' });
        connection?.close();
        connection = null;
        const delay = backoffDelay(attempt, backoff);
        logger.warn(
          { target: targetName, err: (error as Error).message, retryInMs: delay },
          'syslog collector unavailable; holding events',
        );
        for (const m of msgs) m.working();
        await sleep(delay);
      }
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let msgs: JsMsg[] = [];
      try {
        const batch = await consumer.fetch({ max_messages: batchSize, expires: 1_000 });
        for await (const m of batch) msgs.push(m);
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'SIEM fetch failed; retrying');
        await sleep(backoffDelay(0, backoff));
        continue;
      }
      if (msgs.length === 0) continue;
      msgs = msgs.sort((a, b) => a.info.streamSequence - b.info.streamSequence);
      await sendBatch(msgs);
      if (stopping) return; // unacknowledged: redelivered to the next forwarder
      for (const m of msgs) m.ack();
      const last = msgs.at(-1)!;
      metrics?.siemForwarded.inc(msgs.length);
      await recordSiemPosition(models, {
        target: targetName,
        streamSeq: last.info.streamSequence,
        eventId: lastEventId,
      }).catch((error: unknown) =>
        logger.warn({ err: (error as Error).message }, 'SIEM position not recorded'),
      );
    }
  }

  const running = loop().catch((error: unknown) =>
    logger.error({ err: error }, 'SIEM forwarder stopped'),
  );
  return {
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await running;
      connection?.close();
      metrics?.siemConnected.set(0);
    },
  };
}
