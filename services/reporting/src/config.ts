import { commonConfigShape, flagSchema, portSchema } from '@keyward/service-kit';
import { z } from 'zod';

/**
 * Reporting's environment (design.md "Ports": 9403). SIEM forwarding is on when
 * SIEM_SYSLOG_HOST is set; retention is off (keep everything) while AUDIT_RETENTION_DAYS is 0.
 */
export const reportingConfig = z.object({
  ...commonConfigShape,
  SERVICE_NAME: commonConfigShape.SERVICE_NAME.default('reporting'),
  HTTP_PORT: portSchema.default(9403),
  /** Durable consumer of the audit trail and inventory. */
  REPORTING_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('reporting'),
  /**
   * Events in flight on the audit durable across all replicas. The default 1 makes replicas
   * take turns, so a second replica is a safe hot standby: two inventory writers on one key
   * could lose an update, since FerretDB's conditional updates are not atomic
   * (docs/adr/0002-audit-chain.md). Raise it only with a single replica.
   */
  REPORTING_MAX_ACK_PENDING: z.coerce.number().int().min(1).default(1),
  /** An event not acknowledged within this is redelivered (a crashed instance's event). */
  REPORTING_ACK_WAIT_MS: z.coerce.number().int().min(1_000).default(30_000),
  AUDIT_RETENTION_DAYS: z.coerce.number().min(0).default(0),
  AUDIT_PURGE_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  SIEM_SYSLOG_HOST: z.string().min(1).optional(),
  SIEM_SYSLOG_PORT: portSchema.default(6514),
  SIEM_SYSLOG_TLS: flagSchema.default(false),
  /** PEM file of the collector's CA (TLS only); default the system CAs. */
  SIEM_SYSLOG_TLS_CA_FILE: z.string().min(1).optional(),
  SIEM_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('reporting-siem'),
  SIEM_APP_NAME: z.string().min(1).default('keyward-reporting'),
});

export type ReportingConfig = z.infer<typeof reportingConfig>;
