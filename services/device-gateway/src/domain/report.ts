import type { KeyRun, Session } from './session.ts';

/** One report row per key (issue 5 "Sessions and reports"); never a PIN. */
export interface ReportRow {
  serial: string;
  aaguid: string;
  policy: string;
  user: string;
  outcome: string;
  error: string;
  started: string;
  finished: string;
}

export const REPORT_COLUMNS = [
  'serial',
  'aaguid',
  'policy',
  'user',
  'outcome',
  'error',
  'started',
  'finished',
] as const satisfies readonly (keyof ReportRow)[];

export function reportRows(session: Session): ReportRow[] {
  return Object.values(session.keys)
    .sort((a, b) => a.serial.localeCompare(b.serial))
    .map((run) => rowOf(run, session));
}

function rowOf(run: KeyRun, session: Session): ReportRow {
  const policy = run.policyName ?? run.policyId ?? session.policyId ?? '';
  return {
    serial: run.serial,
    aaguid: run.aaguid,
    policy: run.policyVersion ? `${policy} v${run.policyVersion}` : policy,
    user: run.user ?? '',
    outcome: run.state,
    error: run.error ? `${run.error.code}: ${run.error.message}` : '',
    started: run.startedAt ?? '',
    finished: run.finishedAt ?? '',
  };
}

/**
 * Cells starting with these characters are read as formulas by spreadsheet programs (OWASP
 * "CSV Injection"); such a cell is prefixed with a single quote so it stays text.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** One CSV field: formula guard, then RFC 4180 §2 quoting (quotes doubled; CR, LF, comma, quote). */
export function csvField(value: string): string {
  const guarded = FORMULA_TRIGGERS.some((c) => value.startsWith(c)) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** RFC 4180 CSV: header line, CRLF line breaks, one row per key. */
export function toCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(REPORT_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
