import { randomUUID } from 'node:crypto';
import { identityEvents, type identityRequests, KeywardError } from '@keyward/contracts';
import type { z } from 'zod';
import {
  type NextResult,
  type PreviousOutcome,
  provisioningNext,
} from '../domain/provisioning/next.ts';
import {
  type ProvisioningRequest,
  parseUsersCsv,
  summarize,
} from '../domain/provisioning/provisioning.ts';
import type { IdentityDeps } from './deps.ts';

export interface CreateProvisioningInput {
  name: string;
  policyId: string;
  idpId?: string;
  mode: 'manual' | 'automatic';
  csv: string;
}

/** Creates a request from a CSV upload; announces provisioning.created. */
export async function createProvisioningRequest(
  deps: IdentityDeps,
  input: CreateProvisioningInput,
  actor: string,
): Promise<ProvisioningRequest> {
  const now = deps.clock();
  if (input.idpId) await deps.idps.get(input.idpId);
  const request: ProvisioningRequest = {
    id: randomUUID(),
    name: input.name,
    policyId: input.policyId,
    ...(input.idpId ? { idpId: input.idpId } : {}),
    mode: input.mode,
    users: parseUsersCsv(input.csv, now),
    createdAt: now,
    createdBy: actor,
    version: 0,
  };
  await deps.provisioning.insert(request);
  await deps.events.publish(identityEvents.provisioningCreated, {
    actor,
    data: {
      requestId: request.id,
      policyId: request.policyId,
      ...(request.idpId ? { idpId: request.idpId } : {}),
      mode: request.mode,
      total: request.users.length,
    },
  });
  return request;
}

const MAX_RACES = 50;
/** Pause before retrying a locked request; a next() holds the lock for a few milliseconds. */
const LOCK_WAIT_MS = 20;

/**
 * Manual mode: record the previous user's outcome and hand out the next user. Concurrent callers
 * race on the request's version; the loser recomputes from the fresh document.
 */
export async function nextProvisioningUser(
  deps: IdentityDeps,
  input: { requestId: string; previous?: PreviousOutcome },
  actor: string,
): Promise<NextResult> {
  for (let attempt = 0; attempt < MAX_RACES; attempt += 1) {
    // One writer per request at a time (the version check alone is not isolated on FerretDB).
    if (!(await deps.provisioning.lock(input.requestId, deps.clock()))) {
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
      continue;
    }
    try {
      const current = await deps.provisioning.get(input.requestId);
      if (current.mode !== 'manual') {
        throw new KeywardError(
          'CONFLICT',
          `provisioning request ${current.id} is ${current.mode}; next is for manual mode`,
          { details: { mode: current.mode } },
        );
      }
      const result = provisioningNext(current, input.previous, deps.clock(), {
        ...(deps.provisioningClaimTimeoutMs !== undefined
          ? { claimTimeoutMs: deps.provisioningClaimTimeoutMs }
          : {}),
      });
      if (!(await deps.provisioning.replace(result.request, current.version))) continue;
      await announce(deps, result, input.previous, actor);
      if (result.reclaimed)
        deps.logger.warn(
          { requestId: current.id, userId: result.next?.userId },
          'provisioning user handed out again: its previous session reported no outcome in time',
        );
      return result;
    } finally {
      await deps.provisioning.unlock(input.requestId);
    }
  }
  throw new KeywardError(
    'CONFLICT',
    `provisioning request ${input.requestId} is being updated by many sessions; retry`,
    { details: { retryable: true } },
  );
}

async function announce(
  deps: IdentityDeps,
  result: NextResult,
  previous: PreviousOutcome | undefined,
  actor: string,
) {
  const requestId = result.request.id;
  const u = result.recorded;
  if (u && previous) {
    const user = {
      id: u.userId,
      ...(u.displayName ? { displayName: u.displayName } : {}),
      ...(u.email ? { email: u.email } : {}),
    };
    if (u.state === 'provisioned') {
      await deps.events.publish(identityEvents.provisioningUserProvisioned, {
        actor,
        ...(u.serial ? { subject: u.serial } : {}),
        data: {
          requestId,
          user,
          serial: u.serial ?? '',
          ...(u.credentialId ? { credentialId: u.credentialId } : {}),
        },
      });
    } else if (u.state === 'failed') {
      await deps.events.publish(identityEvents.provisioningUserFailed, {
        actor,
        data: {
          requestId,
          user,
          ...(u.serial ? { serial: u.serial } : {}),
          error: { code: 'UPSTREAM_FAILED', message: u.reason ?? 'failed' },
        },
      });
    } else if (u.state === 'skipped') {
      await deps.events.publish(identityEvents.provisioningUserSkipped, {
        actor,
        data: { requestId, user, reason: u.reason ?? 'skipped' },
      });
    }
  }
  if (result.completedNow) {
    await deps.events.publish(identityEvents.provisioningCompleted, {
      actor,
      data: { requestId, ...summarize(result.request.users) },
    });
  }
}

/** The `keyward.identity.provisioning.next` reply, shared by the bus handler and the REST route. */
export function toProvisioningNextReply(
  result: NextResult,
): z.input<typeof identityRequests.provisioningNext.reply> {
  const u = result.next;
  return {
    requestId: result.request.id,
    user: u
      ? {
          id: u.userId,
          ...(u.displayName ? { displayName: u.displayName } : {}),
          ...(u.email ? { email: u.email } : {}),
        }
      : null,
    policyId: result.request.policyId,
    ...(result.request.idpId ? { idpId: result.request.idpId } : {}),
    remaining: result.remaining,
    summary: summarize(result.request.users),
  };
}
