import { z } from 'zod';

/**
 * The getInfo summary the gateway sends (CTAP 2.1 §6.4 authenticatorGetInfo). Options keep the
 * spec's three states: absent = not supported, false = supported and off, true = on.
 */
export const DeviceInfoSummary = z.object({
  versions: z.array(z.string()).min(1),
  options: z.record(z.string(), z.boolean()).default({}),
  minPinLength: z.number().int().min(4).max(63).default(4),
  forcePinChange: z.boolean().default(false),
  pinRetries: z.number().int().min(0).optional(),
  extensions: z.array(z.string()).default([]),
  algorithms: z
    .array(z.union([z.number().int(), z.object({ alg: z.number(), type: z.string() })]))
    .default([]),
  transports: z.array(z.string()).default([]),
  firmwareVersion: z.number().int().optional(),
  /**
   * Vendor admin PIN state (Keyward vendor profile, enterprise keys). Absent = the key has no
   * admin PIN; not part of getInfo, read by the gateway through the vendor profile.
   */
  adminPin: z.enum(['not-set', 'set']).optional(),
});
export type DeviceInfoSummary = z.infer<typeof DeviceInfoSummary>;

/** Configuration steps, shared with @keyward/ctap `applyConfig` and the plan reply. */
export const ConfigStep = z.discriminatedUnion('op', [
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
export type ConfigStep = z.infer<typeof ConfigStep>;
export type ConfigOp = ConfigStep['op'];

/** A policy requirement the key cannot meet, and why. `op` is a step or a requirement name. */
export const Unsupported = z.object({
  op: z.string(),
  reason: z.string(),
});
export type Unsupported = z.infer<typeof Unsupported>;
