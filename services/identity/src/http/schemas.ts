import { idpTypeSchema, userRef } from '@keyward/contracts';
import { z } from 'zod';
import { idpSecretsSchema, idpSettingsSchema } from '../domain/connection/connectionConfig.ts';

export const idpViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: idpTypeSchema,
  settings: z.record(z.string(), z.unknown()),
  secretsSet: z.array(z.string()),
  isDefault: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createIdpBody = z.object({
  name: z.string().min(1).max(100),
  settings: idpSettingsSchema,
  secrets: idpSecretsSchema,
  isDefault: z.boolean().optional(),
});

export const updateIdpBody = z.object({
  name: z.string().min(1).max(100).optional(),
  settings: idpSettingsSchema.optional(),
  secrets: idpSecretsSchema.optional(),
  /** The version the edit was made from (GET's `version`); a different current version is 409. */
  expectedVersion: z.number().int().min(1).optional(),
});

export const idParams = z.object({ id: z.string().min(1) });

export const testConnectionSchema = z.union([
  z.object({ ok: z.literal(true), steps: z.array(z.string()), sampleUser: userRef.optional() }),
  z.object({
    ok: z.literal(false),
    step: z.string(),
    kind: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
]);

export const summarySchema = z.object({
  total: z.number().int(),
  provisioned: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  pending: z.number().int(),
});

export const provisioningViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  policyId: z.string(),
  idpId: z.string().optional(),
  mode: z.enum(['manual', 'automatic']),
  createdAt: z.string(),
  createdBy: z.string(),
  completedAt: z.string().optional(),
  summary: summarySchema,
});

export const createProvisioningBody = z.object({
  name: z.string().min(1).max(200),
  policyId: z.string().min(1),
  idpId: z.string().optional(),
  mode: z.enum(['manual', 'automatic']).default('manual'),
  /** The uploaded CSV text (header row with a user column). */
  csv: z.string().min(1).max(5_000_000),
});

export const reportQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });
