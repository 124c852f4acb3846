import { isKeywardError, KeywardError, type Permission, policyEvents } from '@keyward/contracts';
import { generatePin } from '../domain/pin/generatePin.ts';
import type { PinRuleSet } from '../domain/pin/validatePin.ts';
import type { Policy } from '../domain/policy/policySchema.ts';
import { openSecret, sealSecret } from '../domain/vault/vaultCrypto.ts';
import type { PolicyServiceDeps } from './deps.ts';
import { assertPinAllowed } from './secretsFor.ts';

type PinKind = 'user' | 'admin';

/** Which permission reads which PIN (design.md "Security"). */
export const PIN_READ_PERMISSION = {
  user: 'device:userpin:read',
  admin: 'device:adminpin:read',
} as const satisfies Record<PinKind, Permission>;

const VAULT_KIND = { user: 'userPin', admin: 'adminPin' } as const;

export interface ReadPinsOptions {
  serial: string;
  which: PinKind | 'both';
  permissions: readonly Permission[];
  actor: string;
  gatewayId?: string;
}

/**
 * Open the requested initial PINs the caller may read. Every answer, including a refusal, is an
 * audited keyward.pin.read event naming the kinds granted and denied (never a PIN).
 */
export async function readPins(
  deps: PolicyServiceDeps,
  { serial, which, permissions, actor, gatewayId }: ReadPinsOptions,
): Promise<{ userPin?: string; adminPin?: string; denied: PinKind[] }> {
  const requested: PinKind[] = which === 'both' ? ['user', 'admin'] : [which];
  const allowed = requested.filter((k) => permissions.includes(PIN_READ_PERMISSION[k]));
  const denied = requested.filter((k) => !allowed.includes(k));
  const audit = (granted: PinKind[]) =>
    deps.events.publish(policyEvents.pinRead, {
      actor,
      subject: serial,
      data: { serial, requested: which, granted, denied, ...(gatewayId ? { gatewayId } : {}) },
    });

  if (allowed.length === 0) {
    await audit([]);
    throw new KeywardError(
      'FORBIDDEN',
      `reading the ${which} PIN needs ${requested.map((k) => PIN_READ_PERMISSION[k]).join(' and ')}`,
      { details: { required: requested.map((k) => PIN_READ_PERMISSION[k]) } },
    );
  }
  const reply: { userPin?: string; adminPin?: string; denied: PinKind[] } = { denied };
  const granted: PinKind[] = [];
  for (const kind of allowed) {
    const record = await deps.vault.get(serial, VAULT_KIND[kind]);
    if (!record) continue;
    const pin = openSecret({
      kek: deps.kek,
      serial,
      kind: VAULT_KIND[kind],
      record: record.sealed,
    });
    if (kind === 'user') reply.userPin = pin;
    else reply.adminPin = pin;
    granted.push(kind);
  }
  if (granted.length === 0) {
    throw new KeywardError(
      'NOT_FOUND',
      `no ${allowed.join(' or ')} PIN stored for serial ${serial}`,
      { details: { serial, kinds: allowed } },
    );
  }
  await audit(granted);
  return reply;
}

export interface StorePinsOptions {
  serial: string;
  aaguid?: string;
  policyId?: string;
  gatewayId?: string;
  userPin?: string;
  adminPin?: string;
  generateUserPin?: boolean;
  minPinLength?: number;
  /** Stage the user PIN until pin.settle (issue 19); default false = replace it now. */
  pending?: boolean;
  actor: string;
}

/** Rules for a generated user PIN when no policy governs the key: digits, as most keys expect. */
const FALLBACK_USER_PIN_RULES: PinRuleSet = {
  minLength: 8,
  characterClasses: ['digits'],
  requireEachClass: false,
  forbidSequences: true,
  forbidRepeats: true,
};

/**
 * keyward.policy.pin.store: seal PINs set outside a plan (unlock). The user PIN follows the
 * governing policy — the one named, else the one the key's PINs were sealed under — whether it
 * was chosen (checked, also against the key's own minimum) or is generated here from its rules.
 */
export async function storePins(
  deps: PolicyServiceDeps,
  options: StorePinsOptions,
): Promise<{ stored: PinKind[]; userPin?: string }> {
  const {
    serial,
    aaguid,
    gatewayId,
    adminPin,
    generateUserPin,
    minPinLength = 0,
    pending = false,
    actor,
  } = options;
  if (pending && adminPin !== undefined) {
    throw new KeywardError('VALIDATION_FAILED', 'adminPin: only a user PIN can be staged', {
      details: { field: 'adminPin' },
    });
  }
  if (generateUserPin && options.userPin !== undefined) {
    throw new KeywardError(
      'VALIDATION_FAILED',
      'userPin: give a chosen PIN or generateUserPin, not both',
      { details: { field: 'userPin' } },
    );
  }
  if (options.userPin === undefined && !generateUserPin && adminPin === undefined) {
    throw new KeywardError('VALIDATION_FAILED', 'userPin or adminPin: at least one is required');
  }
  const policy = await governingPolicy(deps, serial, options.policyId);
  const policyId = policy?.id;
  let userPin = options.userPin;
  if (userPin !== undefined && policy) assertPinAllowed(policy, userPin, minPinLength);
  if (generateUserPin) {
    userPin = policy
      ? generatePin({
          rules: policy.pin,
          length: Math.max(policy.pin.generatedLength, policy.pin.minLength, minPinLength),
        })
      : generatePin({
          rules: FALLBACK_USER_PIN_RULES,
          length: Math.max(FALLBACK_USER_PIN_RULES.minLength, minPinLength),
        });
  }
  const stored: PinKind[] = [];
  for (const [kind, secret] of [
    ['user', userPin],
    ['admin', adminPin],
  ] as const) {
    if (secret === undefined) continue;
    const vaultKind = VAULT_KIND[kind];
    const record = {
      serial,
      kind: vaultKind,
      sealed: sealSecret({ kek: deps.kek, serial, kind: vaultKind, secret }),
      ...(policyId ? { policyId } : {}),
      ...(aaguid ? { aaguid } : {}),
    };
    if (pending) await deps.vault.stage(record);
    else await deps.vault.put(record);
    stored.push(kind);
  }
  // A staged PIN is not stored yet: keyward.pin.stored follows its commit (settlePin).
  if (!pending)
    await publishStored(deps, { serial, kinds: stored, aaguid, policyId, gatewayId, actor });
  return { stored, ...(generateUserPin && userPin ? { userPin } : {}) };
}

/** keyward.pin.stored for PINs now in effect (kinds only, never a PIN). */
export async function publishStored(
  deps: PolicyServiceDeps,
  options: {
    serial: string;
    kinds: PinKind[];
    aaguid?: string | undefined;
    policyId?: string | undefined;
    gatewayId?: string | undefined;
    actor: string;
  },
): Promise<void> {
  const { serial, kinds, aaguid, policyId, gatewayId, actor } = options;
  await deps.events.publish(policyEvents.pinStored, {
    actor,
    subject: serial,
    data: {
      serial,
      kinds,
      ...(aaguid ? { aaguid } : {}),
      ...(policyId ? { policyId } : {}),
      ...(gatewayId ? { gatewayId } : {}),
    },
  });
}

/** The policy a key's PINs follow: the one named, else the one they were sealed under. */
export async function governingPolicy(
  deps: PolicyServiceDeps,
  serial: string,
  named: string | undefined,
): Promise<Policy | undefined> {
  if (named !== undefined) return deps.policies.get(named);
  const sealedUnder = await deps.vault.policyOf(serial);
  if (sealedUnder === undefined) return undefined;
  // The key's policy may have been deleted since; then no policy governs it any more.
  return deps.policies.get(sealedUnder).catch((error: unknown) => {
    if (isKeywardError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
}
