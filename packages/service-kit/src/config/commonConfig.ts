import { z } from 'zod';
import { rolePermissionsSchema } from '../auth/roles.ts';

/** A TCP port from an environment string. */
export const portSchema = z.coerce.number().int().min(0).max(65_535);

/** `true/false/1/0/yes/no/on/off` from an environment string. */
export const flagSchema = z.stringbool();

const urlSchema = z.url();

/**
 * Variables every service reads. A service extends it with its own and its defaults:
 * `commonConfig.extend({ SERVICE_NAME: z.string().default('policy'), HTTP_PORT: portSchema.default(9401) })`.
 */
export const commonConfigShape = {
  SERVICE_NAME: z.string().regex(/^[a-z][a-z0-9-]*$/),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /**
   * The service's bus credentials file (@keyward/bus-identity, mode 0600). Required: the bus
   * refuses anonymous clients. `roster.json` beside it lists the public keys of every identity.
   */
  NATS_CREDENTIALS: z.string().min(1),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URL')
    .default('mongodb://127.0.0.1:27017'),
  /** Defaults to `keyward-<SERVICE_NAME>` in the service's wiring (one database per service). */
  MONGO_DB: z.string().min(1).optional(),
  HTTP_PORT: portSchema,
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** Telemetry is off unless set (startTelemetry). */
  OTEL_EXPORTER_OTLP_ENDPOINT: urlSchema.optional(),
  AUTH_ISSUER: urlSchema,
  /** Defaults to the issuer's OpenID discovery `jwks_uri`. */
  AUTH_JWKS_URL: urlSchema.optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_PERMISSIONS_CLAIM: z.string().min(1).default('permissions'),
  /** Claim with role or group names (dotted path for nested ones); see auth/roles.ts. */
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** Custom roles as JSON `{"<role>": ["<permission>", ...]}` over the built-in ones. */
  AUTH_ROLE_PERMISSIONS: rolePermissionsSchema.optional(),
};

export const commonConfig = z.object(commonConfigShape);
export type CommonConfig = z.infer<typeof commonConfig>;

/**
 * The request limit of routes answering with a secret (PIN reads, unlock), per caller: a service
 * spreads it into its config and passes the values to createRateLimit. Default 30 requests a
 * minute, well above an administrator's pace and far below a guesser's.
 */
export const secretRateLimitConfigShape = {
  SECRET_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  SECRET_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
};
