import { commonConfigShape, flagSchema, portSchema } from '@keyward/service-kit';
import { z } from 'zod';

/** A 32-byte key as base64 (same KEYWARD_KEK format as the policy vault); never echoed. */
const kekSchema = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
    message: 'expected 32 bytes as base64 (e.g. `openssl rand -base64 32`)',
  })
  .transform((v) => Buffer.from(v, 'base64'));

/** Environment of the identity service (commonConfig plus IdP, enrollment and mail settings). */
export const identityConfigSchema = z.object({
  ...commonConfigShape,
  SERVICE_NAME: commonConfigShape.SERVICE_NAME.default('identity'),
  HTTP_PORT: portSchema.default(9402),
  /** Key-encryption key for IdP connection secrets. */
  KEYWARD_KEK: kekSchema,
  /** Longest life of a half-done enrollment (the IdP's challenge expiry may be shorter). */
  ENROLLMENT_TTL_SECONDS: z.coerce.number().int().positive().default(600),
  /** How often half-done enrollments past their deadline are expired. */
  ENROLLMENT_SWEEP_SECONDS: z.coerce.number().int().positive().default(30),
  /** A provisioning user handed to a session with no outcome after this long is handed out again. */
  PROVISIONING_CLAIM_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(1800),
  /** Allow http:// IdP endpoints on 127.0.0.1/localhost (local emulators only). Default false. */
  IDP_ALLOW_INSECURE_LOOPBACK: flagSchema.default(false),
  /** SMTP URL for "your key was enrolled" mail; no mail when unset. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'expected smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Keyward <keyward@localhost>'),
});
export type IdentityConfig = z.infer<typeof identityConfigSchema>;
