import type { Logger } from 'pino';
import type { ReportingModels } from './models.ts';
import { purgeExpired } from './purgeExpired.ts';

const DAY_MS = 86_400_000;

export interface StartPurgeJobOptions {
  models: ReportingModels;
  logger: Logger;
  /** 0 keeps everything (no job runs). */
  retentionDays: number;
  intervalMs: number;
  clock?: () => Date;
}

/** Runs the retention purge every `intervalMs` (one run at a time). */
export function startPurgeJob({
  models,
  logger,
  retentionDays,
  intervalMs,
  clock = () => new Date(),
}: StartPurgeJobOptions) {
  if (retentionDays <= 0) return { stop() {} };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    const before = new Date(clock().getTime() - retentionDays * DAY_MS);
    running = purgeExpired({ models, before })
      .then((removed) => {
        if (removed > 0) logger.info({ removed, before }, 'audit retention purge');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'audit retention purge failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
