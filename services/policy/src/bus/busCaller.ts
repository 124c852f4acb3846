import {
  adminEvents,
  isKeywardError,
  type KeyedSealedValue,
  KeywardError,
  type Permission,
} from '@keyward/contracts';
import type { Auth, RequestContext } from '@keyward/service-kit';
import type { EventSink } from '../service/deps.ts';
import type { PolicyTransport } from './transport.ts';

/** An administrator whose token the policy verified: actor and permissions from the token. */
export interface UserCaller {
  kind: 'user';
  actor: string;
  permissions: ReadonlySet<Permission>;
}

/** Who is behind a bus request, as the policy service established it (never as claimed). */
export type BusCaller =
  | UserCaller
  /** A service acting on its own (an automated run); `actor` names whom it acts for. */
  | { kind: 'service'; actor: string };

export interface BusCallerDeps {
  auth: Auth;
  transport: PolicyTransport;
  events: EventSink;
}

/** What a request says about its caller. */
export interface CallerClaims {
  authorization: KeyedSealedValue | undefined;
  serial: string;
  replyKey: string;
}

/** The calling service for the audit trail, as serveRequests proved it from its signature. */
export function callingService(ctx: RequestContext): string {
  return `service:${ctx.caller.name}`;
}

/** Publishes the bus refusal as keyward.admin.access_denied, then returns the error to throw. */
async function refused(
  deps: BusCallerDeps,
  ctx: RequestContext,
  input: { actor: string; serial: string; permission: Permission; error: KeywardError },
): Promise<KeywardError> {
  const { actor, serial, permission, error } = input;
  await deps.events.publish(adminEvents.accessDenied, {
    actor,
    subject: serial,
    data: {
      service: 'policy',
      method: 'NATS',
      path: ctx.subject,
      serial,
      permission,
      reason: error.code === 'FORBIDDEN' ? 'forbidden' : 'unauthenticated',
    },
  });
  return error;
}

/**
 * The administrator of the request's token — opened from its seal (bound to this subject,
 * serial and reply key) and verified against the issuer like a REST call. No token, or one that
 * does not open or verify: UNAUTHENTICATED, audited as needing `permission`.
 */
export async function authenticate(
  deps: BusCallerDeps,
  ctx: RequestContext,
  claims: CallerClaims,
  permission: Permission,
): Promise<UserCaller> {
  const { authorization, serial, replyKey } = claims;
  const actor = callingService(ctx);
  if (!authorization) {
    const error = new KeywardError(
      'UNAUTHENTICATED',
      `${ctx.subject} needs the administrator's token ("authorization"), none was sent`,
      { details: { permission } },
    );
    throw await refused(deps, ctx, { actor, serial, permission, error });
  }
  try {
    const token = deps.transport.open(authorization, {
      subject: ctx.subject,
      serial,
      field: 'authorization',
      replyKey,
    });
    const principal = await deps.auth.verify(`Bearer ${token}`);
    return { kind: 'user', actor: principal.actor, permissions: principal.permissions };
  } catch (cause) {
    if (!isKeywardError(cause) || !REFUSED_TOKEN.has(cause.code)) throw cause;
    const error = new KeywardError(
      'UNAUTHENTICATED',
      `${ctx.subject}: the administrator's token was refused (${cause.message})`,
      { cause, details: { permission } },
    );
    throw await refused(deps, ctx, { actor, serial, permission, error });
  }
}

/** A token that fails these ways is the caller's problem; a rotated key id is retried. */
const REFUSED_TOKEN = new Set(['UNAUTHENTICATED', 'SEALED_VALUE_INVALID']);

/**
 * With `authorization`, its administrator ({@link authenticate}) — a bad token is refused,
 * never downgraded; without, the calling service acting for the Keyward-Actor it names.
 */
export async function resolveCaller(
  deps: BusCallerDeps,
  ctx: RequestContext,
  claims: CallerClaims,
  permission: Permission,
): Promise<BusCaller> {
  if (!claims.authorization) return { kind: 'service', actor: ctx.actor ?? callingService(ctx) };
  return authenticate(deps, ctx, claims, permission);
}

/**
 * The administrator behind a request that needs one, holding `permission`: UNAUTHENTICATED for
 * a service call without a token, FORBIDDEN for a token without the permission; both audited.
 */
export async function requireAdministrator(
  deps: BusCallerDeps,
  ctx: RequestContext,
  claims: CallerClaims,
  permission: Permission,
): Promise<UserCaller> {
  const caller = await authenticate(deps, ctx, claims, permission);
  if (!caller.permissions.has(permission)) {
    const error = new KeywardError('FORBIDDEN', `requires permission "${permission}"`, {
      details: { permission },
    });
    throw await refused(deps, ctx, {
      actor: caller.actor,
      serial: claims.serial,
      permission,
      error,
    });
  }
  return caller;
}
