import { z } from 'zod';
import { defineEvent, defineRequest } from '../define.ts';
import { SUBJECTS } from '../subjects.ts';
import {
  aaguidSchema,
  configOpSchema,
  configStepSchema,
  gatewayIdSchema,
  infoSummarySchema,
  serialSchema,
} from './common.ts';

// Owner: POLICY. Policies, configuration plans, the PIN vault and remote unlock. PINs travel
// only in request replies to authorised callers, never in events.

export const pinRulesSchema = z.object({
  minLength: z.number().int().min(4).max(63),
  generatedLength: z.number().int().min(4).max(63).default(8),
  characterClasses: z.array(z.enum(['digits', 'lower', 'upper', 'symbols'])).min(1),
  forbidSequences: z.boolean().default(true),
  forbidRepeats: z.boolean().default(true),
  initialPin: z.enum(['random', 'admin-chosen']).default('random'),
});

export const policySchema = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  pinRules: pinRulesSchema,
  pinDelivery: z.enum(['displayed', 'disguised', 'not-displayed']).default('displayed'),
  forcePinChange: z.boolean().default(false),
  minPinLength: z.number().int().min(4).max(63).optional(),
  minPinLengthRpIds: z.array(z.string()).default([]),
  alwaysUv: z.boolean().default(false),
  enterpriseAttestation: z.boolean().default(false),
  credProtect: z.number().int().min(1).max(3).optional(),
  residentKey: z.enum(['required', 'preferred', 'discouraged']).default('required'),
  allowedAaguids: z.array(aaguidSchema).default([]),
  blockedAaguids: z.array(aaguidSchema).default([]),
  certificationLevel: z.enum(['none', 'L1', 'L2', 'L3']).default('none'),
  idpId: z.string().optional(),
  adminPin: z.boolean().default(false),
});
export type Policy = z.infer<typeof policySchema>;

const policyRef = { policyId: z.string(), name: z.string(), version: z.number().int().min(1) };
const pinKind = z.enum(['user', 'admin']);

export const policyEvents = {
  created: defineEvent('keyward.policy.created', z.object(policyRef), {
    description: 'A policy was created (version 1).',
  }),
  updated: defineEvent(
    'keyward.policy.updated',
    z.object({ ...policyRef, changedFields: z.array(z.string()).default([]) }),
    { description: 'A policy got a new version; `changedFields` lists what changed.' },
  ),
  deleted: defineEvent('keyward.policy.deleted', z.object(policyRef), {
    description: 'A policy was deleted (devices keep the version they were configured with).',
  }),
  pinStored: defineEvent(
    'keyward.pin.stored',
    z.object({
      serial: serialSchema,
      aaguid: aaguidSchema.optional(),
      gatewayId: gatewayIdSchema.optional(),
      policyId: z.string().optional(),
      kinds: z.array(z.enum(['user', 'admin', 'unlock-secret'])).min(1),
    }),
    { description: 'The vault stored (sealed) initial PIN(s) for a device; never the PIN itself.' },
  ),
  pinRead: defineEvent(
    'keyward.pin.read',
    z.object({
      serial: serialSchema,
      gatewayId: gatewayIdSchema.optional(),
      requested: z.enum(['user', 'admin', 'both']),
      granted: z.array(pinKind),
      denied: z.array(pinKind).default([]),
    }),
    { description: 'A PIN read from the vault was answered; lists kinds granted/denied, no PIN.' },
  ),
  unlockResponseIssued: defineEvent(
    'keyward.unlock.response_issued',
    z.object({ serial: serialSchema, gatewayId: gatewayIdSchema.optional() }),
    { description: 'A remote-unlock response was computed for a locked key.' },
  ),
} as const;

export const planRequestSchema = z.object({
  policyId: z.string(),
  serial: serialSchema,
  aaguid: aaguidSchema,
  gatewayId: gatewayIdSchema.optional(),
  info: infoSummarySchema,
});

export const planReplySchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.string()),
  policy: z.object({ id: z.string(), version: z.number().int().min(1), name: z.string() }),
  steps: z.array(configStepSchema),
  unsupported: z.array(z.object({ op: configOpSchema, reason: z.string() })),
  /** Generated and already sealed in the vault; the gateway uses them in memory only. */
  secrets: z.object({ userPin: z.string().optional(), adminPin: z.string().optional() }),
});
export type PlanRequest = z.infer<typeof planRequestSchema>;
export type PlanReply = z.infer<typeof planReplySchema>;

export const policyRequests = {
  plan: defineRequest(SUBJECTS.POLICY_PLAN, planRequestSchema, planReplySchema, {
    description: 'Ordered idempotent steps to bring a key to a policy, with generated PINs.',
  }),
  get: defineRequest(
    SUBJECTS.POLICY_GET,
    z.object({ policyId: z.string(), version: z.number().int().min(1).optional() }),
    policySchema,
    { description: 'One policy (latest version unless `version`).' },
  ),
  pinRead: defineRequest(
    SUBJECTS.POLICY_PIN_READ,
    z.object({ serial: serialSchema, which: z.enum(['user', 'admin', 'both']) }),
    z.object({ userPin: z.string().optional(), adminPin: z.string().optional() }),
    { description: 'Initial PIN(s) of a device, filtered by the actor’s permissions; audited.' },
  ),
  pinStore: defineRequest(
    SUBJECTS.POLICY_PIN_STORE,
    z.object({
      serial: serialSchema,
      aaguid: aaguidSchema.optional(),
      gatewayId: gatewayIdSchema.optional(),
      userPin: z.string().optional(),
      adminPin: z.string().optional(),
    }),
    z.object({ stored: z.array(z.enum(['user', 'admin'])) }),
    { description: 'Seals PIN(s) chosen outside a plan (unlock with a chosen PIN).' },
  ),
  unlockResponse: defineRequest(
    SUBJECTS.POLICY_UNLOCK_RESPONSE,
    z.object({ serial: serialSchema, challenge: z.string().min(1) }),
    z.object({ response: z.string() }),
    { description: 'Remote-unlock response for a challenge shown by a locked key; audited.' },
  ),
} as const;
