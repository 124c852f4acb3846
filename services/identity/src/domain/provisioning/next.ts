import { KeywardError } from '@keyward/contracts';
import type { ProvisioningRequest, ProvisioningUser } from './provisioning.ts';

/**
 * The outcome a gateway session reports for the user it was handed. `already_provisioned` is the
 * operator's answer when the key already holds a credential: `next_user` (skip this user),
 * `try_new_device` or `reset_and_provision` (same user again, with another or a reset key).
 */
export type PreviousOutcome =
  | { userId: string; outcome: 'provisioned'; serial: string; credentialId?: string }
  | { userId: string; outcome: 'failed'; reason: string; serial?: string }
  | { userId: string; outcome: 'skipped'; reason?: string }
  | {
      userId: string;
      outcome: 'already_provisioned';
      choice: 'next_user' | 'try_new_device' | 'reset_and_provision';
      serial?: string;
    };

export interface NextResult {
  request: ProvisioningRequest;
  /** The user handed out (now in_progress), or null when none is pending. */
  next: ProvisioningUser | null;
  remaining: number;
  /** True when this call finished the request (no pending or in-progress users left). */
  completedNow: boolean;
  /** The user whose outcome was recorded by this call. */
  recorded?: ProvisioningUser;
  /** True when `next` was taken back from a session that went silent (see claimTimeoutMs). */
  reclaimed: boolean;
}

/**
 * How long a handed-out user stays with its session without an outcome before another session
 * may take it: a gateway that crashed or an operator who walked away must not hold a user, and
 * with it the whole request, open forever.
 */
export const DEFAULT_CLAIM_TIMEOUT_MS = 30 * 60_000;

const isOpen = (u: ProvisioningUser) => u.state === 'pending' || u.state === 'in_progress';

/**
 * Records `previous` (if any) and hands out the next user: pending users in upload order, then
 * users handed out longer than `claimTimeoutMs` ago without an outcome. Pure: returns a new
 * request (version + 1); the store writes it with a version check. Manual mode only.
 */
export function provisioningNext(
  req: ProvisioningRequest,
  previous: PreviousOutcome | undefined,
  now: Date,
  options: { claimTimeoutMs?: number } = {},
): NextResult {
  const { claimTimeoutMs = DEFAULT_CLAIM_TIMEOUT_MS } = options;
  const users = req.users.map((u) => ({ ...u }));
  let recorded: ProvisioningUser | undefined;
  let again: ProvisioningUser | undefined;
  if (previous) {
    const u = users.find((x) => x.userId.toLowerCase() === previous.userId.toLowerCase());
    if (!u)
      throw new KeywardError(
        'NOT_FOUND',
        `user ${previous.userId} is not in provisioning request ${req.id}`,
        { details: { field: 'previous.userId' } },
      );
    if (u.state !== 'in_progress') {
      throw new KeywardError(
        'CONFLICT',
        `user ${previous.userId} is ${u.state}, expected in_progress (handed out by next)`,
        { details: { state: u.state } },
      );
    }
    u.updatedAt = now;
    u.attempts += 1;
    switch (previous.outcome) {
      case 'provisioned':
        Object.assign(u, { state: 'provisioned', serial: previous.serial, reason: undefined });
        if (previous.credentialId) u.credentialId = previous.credentialId;
        break;
      case 'failed':
        Object.assign(u, { state: 'failed', reason: previous.reason });
        if (previous.serial) u.serial = previous.serial;
        break;
      case 'skipped':
        Object.assign(u, { state: 'skipped', reason: previous.reason ?? 'skipped by operator' });
        break;
      case 'already_provisioned':
        if (previous.choice === 'next_user')
          Object.assign(u, { state: 'skipped', reason: 'already provisioned' });
        else again = u;
        break;
    }
    recorded = u;
  }
  let next: ProvisioningUser | null = again ?? null;
  let reclaimed = false;
  if (!next) {
    const staleBefore = now.getTime() - claimTimeoutMs;
    const candidate =
      users.find((u) => u.state === 'pending') ??
      users.find(
        (u) => u.state === 'in_progress' && u !== recorded && u.updatedAt.getTime() <= staleBefore,
      );
    if (candidate) {
      reclaimed = candidate.state === 'in_progress';
      candidate.state = 'in_progress';
      candidate.updatedAt = now;
      next = candidate;
    }
  }
  const wasComplete = req.completedAt !== undefined;
  const openLeft = users.some(isOpen);
  const completedNow = !wasComplete && !openLeft;
  const request: ProvisioningRequest = {
    ...req,
    users,
    version: req.version + 1,
    ...(completedNow ? { completedAt: now } : {}),
  };
  return {
    request,
    next,
    remaining: users.filter((u) => u.state === 'pending').length,
    completedNow,
    ...(recorded ? { recorded } : {}),
    reclaimed,
  };
}
