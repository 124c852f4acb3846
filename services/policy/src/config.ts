import { commonConfigShape, portSchema, secretRateLimitConfigShape } from '@keyward/service-kit';
import { z } from 'zod';

/** A 32-byte key as base64 (KEYWARD_KEK); the value is never echoed in errors. */
const kekSchema = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
    message: 'expected 32 bytes as base64 (e.g. `openssl rand -base64 32`)',
  })
  .transform((v) => Buffer.from(v, 'base64'));

/** Environment of the `rewrap` command (KEK rotation): the database and both KEKs. */
export const rewrapConfigSchema = z.object({
  SERVICE_NAME: commonConfigShape.SERVICE_NAME.default('policy'),
  LOG_LEVEL: commonConfigShape.LOG_LEVEL,
  MONGO_URL: commonConfigShape.MONGO_URL,
  MONGO_DB: commonConfigShape.MONGO_DB,
  /** The new KEK. */
  KEYWARD_KEK: kekSchema,
  /** The KEK the vault is wrapped with now. */
  KEYWARD_KEK_PREVIOUS: kekSchema,
});

/** Environment of the policy service (commonConfig plus the vault and MDS settings). */
export const policyConfigSchema = z
  .object({
    ...commonConfigShape,
    /** Calls per caller and window on the PIN and unlock-response routes. */
    ...secretRateLimitConfigShape,
    SERVICE_NAME: commonConfigShape.SERVICE_NAME.default('policy'),
    HTTP_PORT: portSchema.default(9401),
    /** Key-encryption key of the PIN vault. */
    KEYWARD_KEK: kekSchema,
    /** MDS3 BLOB source: a file, or a URL (https://mds3.fidoalliance.org/ in production). */
    MDS_BLOB_PATH: z.string().min(1).optional(),
    MDS_BLOB_URL: z.url().optional(),
    /** PEM file with the trusted MDS root(s); without it, no MDS is used. */
    MDS_ROOT_CERT_PATH: z.string().min(1).optional(),
    /** How often to re-fetch the BLOB. Default 24 h. */
    MDS_REFRESH_HOURS: z.coerce.number().positive().default(24),
  })
  .refine((c) => !(c.MDS_BLOB_PATH && c.MDS_BLOB_URL), {
    message: 'set MDS_BLOB_PATH or MDS_BLOB_URL, not both',
    path: ['MDS_BLOB_URL'],
  });
export type PolicyConfig = z.infer<typeof policyConfigSchema>;

/** Split a PEM bundle into its certificates. */
export function splitPem(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
