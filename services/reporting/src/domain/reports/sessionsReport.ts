import type { Column } from './csv.ts';
import { int, obj, type ReportRecord, str } from './types.ts';

/** Configuration, enrollment and other gateway sessions (contracts domains/session.ts). */
export interface SessionRow {
  sessionId: string;
  kind: string | null;
  mode: string | null;
  gatewayId: string | null;
  actor: string | null;
  policyId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  outcome: string;
  total: number;
  succeeded: number;
  failed: number;
  interrupted: number;
  skipped: number;
}

/** Audit types the sessions report reads (the store filters on these). */
export const SESSION_REPORT_TYPES = [
  'keyward.session.started',
  'keyward.session.progress',
  'keyward.session.completed',
] as const;

export const SESSION_COLUMNS: readonly Column<SessionRow>[] = [
  { header: 'sessionId', value: (r) => r.sessionId },
  { header: 'kind', value: (r) => r.kind },
  { header: 'mode', value: (r) => r.mode },
  { header: 'gatewayId', value: (r) => r.gatewayId },
  { header: 'actor', value: (r) => r.actor },
  { header: 'policyId', value: (r) => r.policyId },
  { header: 'startedAt', value: (r) => r.startedAt },
  { header: 'completedAt', value: (r) => r.completedAt },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'total', value: (r) => r.total },
  { header: 'succeeded', value: (r) => r.succeeded },
  { header: 'failed', value: (r) => r.failed },
  { header: 'interrupted', value: (r) => r.interrupted },
  { header: 'skipped', value: (r) => r.skipped },
];

const OUTCOMES = ['succeeded', 'failed', 'interrupted', 'skipped'] as const;

/**
 * Folds session events (any order) into one row per session. Counts come from the completed
 * event when there is one, else from the last outcome per device in progress events; a session
 * with no completion is "running".
 */
export async function foldSessions(
  records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>,
): Promise<SessionRow[]> {
  const rows = new Map<string, SessionRow>();
  const deviceOutcomes = new Map<string, Map<string, { time: number; outcome: string }>>();
  for await (const r of records) {
    const sessionId = str(r.data.sessionId);
    if (!sessionId) continue;
    const row = rows.get(sessionId) ?? emptyRow(sessionId);
    rows.set(sessionId, row);
    row.gatewayId ??= r.gatewayId;
    if (r.type === 'keyward.session.started') {
      row.kind = str(r.data.kind);
      row.mode = str(r.data.mode);
      row.policyId = str(r.data.policyId);
      row.actor = r.actor;
      if (!row.startedAt || r.time < row.startedAt) row.startedAt = r.time;
    } else if (r.type === 'keyward.session.completed') {
      const counts = obj(r.data.counts);
      row.kind ??= str(r.data.kind);
      row.completedAt = r.time;
      row.outcome = str(r.data.outcome) ?? 'completed';
      row.total = int(counts.total);
      for (const o of OUTCOMES) row[o] = int(counts[o]);
    } else {
      const outcome = str(r.data.outcome);
      const device = str(r.data.deviceId) ?? r.serial;
      if (!outcome || !device) continue;
      const perDevice = deviceOutcomes.get(sessionId) ?? new Map();
      deviceOutcomes.set(sessionId, perDevice);
      const seen = perDevice.get(device);
      if (!seen || seen.time <= r.time.getTime())
        perDevice.set(device, { time: r.time.getTime(), outcome });
    }
  }
  for (const row of rows.values()) {
    if (row.completedAt) continue;
    const outcomes = [...(deviceOutcomes.get(row.sessionId)?.values() ?? [])];
    row.total = outcomes.length;
    for (const o of OUTCOMES) row[o] = outcomes.filter((x) => x.outcome === o).length;
  }
  return [...rows.values()].sort(
    (a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0),
  );
}

function emptyRow(sessionId: string): SessionRow {
  return {
    sessionId,
    kind: null,
    mode: null,
    gatewayId: null,
    actor: null,
    policyId: null,
    startedAt: null,
    completedAt: null,
    outcome: 'running',
    total: 0,
    succeeded: 0,
    failed: 0,
    interrupted: 0,
    skipped: 0,
  };
}
