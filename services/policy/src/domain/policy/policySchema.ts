import { pinRulesSchema, policySchema } from '@keyward/contracts';
import type { z } from 'zod';

// The policy schemas live in @keyward/contracts (domains/policy.ts, owned by POLICY): one source
// for REST bodies, bus replies and OpenAPI. This file names the parts the domain works with.

/** CTAP 2.1 §6.5.1: a PIN is at least 4 code points and at most 63 bytes (UTF-8). */
export const PIN_LIMITS = { min: 4, max: 63 } as const;

/** The body an administrator sends to create or replace a policy. */
export const PolicyInput = policySchema.omit({
  id: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  updatedBy: true,
});
export type PolicyInput = z.infer<typeof PolicyInput>;

export const Policy = policySchema;
export type Policy = z.infer<typeof policySchema>;

export const PinRules = pinRulesSchema;
export type PinRules = z.infer<typeof pinRulesSchema>;
export type CharacterClass = PinRules['characterClasses'][number];

const certificationLevel = policySchema.shape.authenticators
  .unwrap()
  .shape.requiredCertification.unwrap();
/** FIDO certification levels in ascending order (FIDO MDS 3.0 AuthenticatorStatus). */
export const CERTIFICATION_LEVELS = certificationLevel.options;
export type CertificationLevel = z.infer<typeof certificationLevel>;
