import { KeywardError } from '@keyward/contracts';
import { parseCsv } from './parseCsv.ts';

/** Per-user state in a provisioning request (HID FIDO provisioning batch model, issue 7). */
export const PROVISIONING_STATES = [
  'pending',
  'in_progress',
  'provisioned',
  'failed',
  'skipped',
] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

export interface ProvisioningUser {
  /** Login / UPN / e-mail as uploaded; the IdP resolves it at enrollment. */
  userId: string;
  displayName?: string;
  email?: string;
  state: ProvisioningState;
  reason?: string;
  serial?: string;
  credentialId?: string;
  attempts: number;
  updatedAt: Date;
}

export interface ProvisioningRequest {
  id: string;
  name: string;
  policyId: string;
  idpId?: string;
  mode: 'manual' | 'automatic';
  users: ProvisioningUser[];
  createdAt: Date;
  createdBy: string;
  completedAt?: Date;
  /** Optimistic concurrency: every write checks and bumps it (no transactions on FerretDB). */
  version: number;
}

export interface Summary {
  total: number;
  provisioned: number;
  failed: number;
  skipped: number;
  pending: number;
}

const USER_COLUMNS = ['user', 'userid', 'login', 'upn', 'username', 'email'];

/**
 * Users from a CSV upload: a header row with a user column (`user`, `userId`, `login`, `upn`,
 * `username` or `email`) and optional `displayName`, `email`. Errors name the line and column.
 */
export function parseUsersCsv(text: string, now: Date): ProvisioningUser[] {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (err) {
    throw new KeywardError('VALIDATION_FAILED', `csv: ${(err as Error).message}`, {
      details: { field: 'csv' },
    });
  }
  const [header, ...data] = rows;
  if (!header)
    throw new KeywardError(
      'VALIDATION_FAILED',
      'csv: empty upload, expected a header row and at least one user',
      { details: { field: 'csv' } },
    );
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const userCol = names.findIndex((n) => USER_COLUMNS.includes(n));
  if (userCol < 0) {
    throw new KeywardError(
      'VALIDATION_FAILED',
      `csv line 1: no user column, was [${header.cells.join(', ')}], expected one of ${USER_COLUMNS.join(', ')}`,
      { details: { field: 'csv', line: 1 } },
    );
  }
  const nameCol = names.indexOf('displayname');
  const emailCol = names[userCol] === 'email' ? -1 : names.indexOf('email');
  if (data.length === 0)
    throw new KeywardError('VALIDATION_FAILED', 'csv: no users after the header row', {
      details: { field: 'csv' },
    });
  const seen = new Map<string, number>();
  return data.map(({ line, cells }) => {
    const userId = (cells[userCol] ?? '').trim();
    if (!userId)
      throw new KeywardError(
        'VALIDATION_FAILED',
        `csv line ${line}: column ${header.cells[userCol]} is empty`,
        { details: { field: 'csv', line } },
      );
    const key = userId.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw new KeywardError(
        'VALIDATION_FAILED',
        `csv line ${line}: user ${userId} repeats line ${first}`,
        { details: { field: 'csv', line } },
      );
    seen.set(key, line);
    const displayName = nameCol >= 0 ? cells[nameCol]?.trim() : undefined;
    const email = emailCol >= 0 ? cells[emailCol]?.trim() : undefined;
    return {
      userId,
      ...(displayName ? { displayName } : {}),
      ...(email ? { email } : {}),
      state: 'pending' as const,
      attempts: 0,
      updatedAt: now,
    };
  });
}

export function summarize(users: readonly ProvisioningUser[]): Summary {
  const s: Summary = { total: users.length, provisioned: 0, failed: 0, skipped: 0, pending: 0 };
  for (const u of users) {
    if (u.state === 'provisioned') s.provisioned += 1;
    else if (u.state === 'failed') s.failed += 1;
    else if (u.state === 'skipped') s.skipped += 1;
    else s.pending += 1;
  }
  return s;
}
