import type { ReportingModels, SiemPositionDoc } from './models.ts';

/** Records the last frame a collector accepted, for status and metrics. */
export async function recordSiemPosition(
  models: ReportingModels,
  {
    target,
    streamSeq,
    eventId,
    now = new Date(),
  }: { target: string; streamSeq: number; eventId: string; now?: Date },
): Promise<void> {
  await models.siem.updateOne(
    { _id: target },
    { $set: { streamSeq, eventId, forwardedAt: now }, $inc: { forwarded: 1 } },
    { upsert: true },
  );
}

export async function readSiemPosition(
  models: ReportingModels,
  target: string,
): Promise<SiemPositionDoc | null> {
  return models.siem.findById(target).lean<SiemPositionDoc>();
}
