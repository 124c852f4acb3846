import { z } from 'zod';
import { errorBodySchema } from '../errorBody.ts';

/** Authenticator AAGUID as 8-4-4-4-12 hex; any 16 bytes (all-zero for CTAP 2.0 keys is valid). */
export const aaguidSchema = z.guid();

/** Device serial as the key reports it (vendor command or PC/SC card id); never secret. */
export const serialSchema = z.string().min(1).max(128);

export const gatewayIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Gateway-local stable id of an attached device (hotplug watcher). */
export const deviceIdSchema = z.string().min(1).max(128);

/**
 * What every device event carries so the audit trail and inventory can place it: which
 * gateway saw it, and which key (serial + AAGUID). The actor is in the envelope.
 */
export const deviceRefShape = {
  gatewayId: gatewayIdSchema,
  deviceId: deviceIdSchema,
  serial: serialSchema,
  aaguid: aaguidSchema,
};

export const deviceRef = z.object(deviceRefShape);
export type DeviceRef = z.infer<typeof deviceRef>;

/** A user at an identity provider; `id` is the provider's object id or login. */
export const userRef = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  email: z.string().optional(),
});
export type UserRef = z.infer<typeof userRef>;

/** A failure as events record it (same shape as the wire error body). */
export const failureSchema = errorBodySchema;

export const transportSchema = z.enum(['usb', 'nfc', 'pcsc', 'memory']);
export const deviceTypeSchema = z.enum(['usb-key', 'nfc-card', 'smart-card', 'printer-encoder']);

/** Device status (design.md "Device lifecycle"); flags are separate booleans. */
export const deviceStatusSchema = z.enum([
  'NOT_CONFIGURED',
  'READY',
  'CONFIGURED',
  'IN_STOCK',
  'ENROLLED',
  'REVOKED',
]);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** What the policy service needs from authenticatorGetInfo (CTAP 2.1 §6.4). */
export const infoSummarySchema = z.object({
  versions: z.array(z.string()),
  extensions: z.array(z.string()).default([]),
  options: z.record(z.string(), z.boolean()).default({}),
  pinUvAuthProtocols: z.array(z.number().int()).default([]),
  minPinLength: z.number().int().min(4).optional(),
  forcePinChange: z.boolean().optional(),
  pinRetries: z.number().int().min(0).optional(),
  algorithms: z.array(z.object({ type: z.string(), alg: z.number().int() })).default([]),
  transports: z.array(z.string()).default([]),
  firmwareVersion: z.number().int().optional(),
  maxRpIdsForSetMinPinLength: z.number().int().optional(),
});
export type InfoSummary = z.infer<typeof infoSummarySchema>;

/**
 * One idempotent configuration step, shared by the policy plan and the gateway's CTAP
 * operations (@keyward/ctap applyConfig). PINs are never part of a step.
 */
export const configStepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setPin') }),
  z.object({ op: z.literal('changePin') }),
  z.object({
    op: z.literal('setMinPinLength'),
    minPinLength: z.number().int().min(4).max(63),
    rpIds: z.array(z.string()).optional(),
  }),
  z.object({ op: z.literal('forcePinChange') }),
  z.object({ op: z.literal('setAlwaysUv'), enabled: z.boolean() }),
  z.object({ op: z.literal('enableEnterpriseAttestation') }),
  z.object({ op: z.literal('setAdminPin') }),
]);
export type ConfigStep = z.infer<typeof configStepSchema>;
export const configOpSchema = z.enum([
  'setPin',
  'changePin',
  'setMinPinLength',
  'forcePinChange',
  'setAlwaysUv',
  'enableEnterpriseAttestation',
  'setAdminPin',
]);
export type ConfigOp = z.infer<typeof configOpSchema>;
