import { csvCell } from './parseCsv.ts';
import { type ProvisioningRequest, type Summary, summarize } from './provisioning.ts';

export interface ReportRow {
  userId: string;
  displayName: string;
  email: string;
  state: string;
  reason: string;
  serial: string;
  credentialId: string;
  attempts: number;
  updatedAt: string;
}

export const REPORT_COLUMNS = [
  'userId',
  'displayName',
  'email',
  'state',
  'reason',
  'serial',
  'credentialId',
  'attempts',
  'updatedAt',
] as const;

export function reportRows(req: ProvisioningRequest): ReportRow[] {
  return req.users.map((u) => ({
    userId: u.userId,
    displayName: u.displayName ?? '',
    email: u.email ?? '',
    // in_progress is reported as pending: the summary has no separate bucket for it.
    state: u.state === 'in_progress' ? 'pending' : u.state,
    reason: u.reason ?? '',
    serial: u.serial ?? '',
    credentialId: u.credentialId ?? '',
    attempts: u.attempts,
    updatedAt: u.updatedAt.toISOString(),
  }));
}

export function reportJson(req: ProvisioningRequest): {
  requestId: string;
  name: string;
  policyId: string;
  summary: Summary;
  rows: ReportRow[];
} {
  return {
    requestId: req.id,
    name: req.name,
    policyId: req.policyId,
    summary: summarize(req.users),
    rows: reportRows(req),
  };
}

export function reportCsv(req: ProvisioningRequest): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const row of reportRows(req))
    lines.push(REPORT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
