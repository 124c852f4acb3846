import { auditRecordFromEvent } from '../domain/audit/auditRecordFromEvent.ts';
import type { ReportedEvent } from '../domain/audit/types.ts';
import { ENROLLMENT_OUTCOMES, type ReportingMetrics } from '../metrics.ts';
import { createChainAppender } from '../store/appendToChain.ts';
import { insertAuditRecord } from '../store/insertAuditRecord.ts';
import { projectInventoryEvent } from '../store/inventoryStore.ts';
import type { ReportingModels } from '../store/models.ts';

export interface ReportingEventContext {
  /** JetStream stream sequence of the delivered message (service-kit's EventContext has it). */
  streamSequence: number;
  /** The bus identity whose signature consumeEvents verified. */
  signer?: string | undefined;
}

export interface HandleReportingEventOptions {
  models: ReportingModels;
  metrics?: ReportingMetrics | undefined;
  clock?: () => Date;
}

export type ReportingEventHandler = (
  event: ReportedEvent,
  ctx: ReportingEventContext,
) => Promise<void>;

/**
 * The audit consumer's handler: store the record (once per event id), link it into its
 * partition's chain, then project it into the inventory. Every step is idempotent, so a throw
 * anywhere (the message is then redelivered) or a crash leaves nothing half-done for good.
 */
export function createReportingEventHandler({
  models,
  metrics,
  clock = () => new Date(),
}: HandleReportingEventOptions): ReportingEventHandler {
  const chain = createChainAppender({ models });
  return async (event, { streamSequence, signer }) => {
    const started = performance.now();
    const record = auditRecordFromEvent({ event, streamSeq: streamSequence, signer });
    const { inserted } = await insertAuditRecord({ models, record, now: clock() });
    const stored = performance.now();
    await chain.append({
      eventId: record.eventId,
      partition: record.partition,
      inserted: inserted ? record : undefined,
    });
    const chained = performance.now();
    await projectInventoryEvent({ models, event, now: clock() });
    const projected = performance.now();
    if (!metrics) return;
    metrics.handlerDuration.observe({ step: 'store' }, (stored - started) / 1000);
    metrics.handlerDuration.observe({ step: 'chain' }, (chained - stored) / 1000);
    metrics.handlerDuration.observe({ step: 'inventory' }, (projected - chained) / 1000);
    if (!inserted) {
      metrics.duplicates.inc({ type: event.type });
      return;
    }
    metrics.events.inc({ type: event.type });
    metrics.latency.observe(
      { type: event.type },
      Math.max(0, clock().getTime() - record.time.getTime()) / 1000,
    );
    const outcome = ENROLLMENT_OUTCOMES[event.type];
    if (outcome) metrics.enrollments.inc({ outcome });
  };
}
