import {
  commonConfigShape,
  flagSchema,
  portSchema,
  secretRateLimitConfigShape,
} from '@keyward/service-kit';
import { z } from 'zod';

/** A comma list of the environment (`a, b,,c` → `[a, b, c]`); unset or empty = none. */
const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/**
 * Origins compare as exact strings (the Fetch standard's serialisation), so an entry must be
 * one already: `http://127.0.0.1:9300`, not `http://127.0.0.1:9300/` or `HTTP://…`.
 */
const originList = commaList.superRefine((origins, ctx) => {
  for (const origin of origins) {
    let serialised: string | undefined;
    try {
      serialised = new URL(origin).origin;
    } catch {}
    if (serialised !== origin)
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin; expected <scheme>://<host>[:<port>] as a browser sends it${serialised && serialised !== 'null' ? `, e.g. "${serialised}"` : ''}`,
      });
  }
});

/** Host names (or bracketed IPv6 literals) without a port; compared case-insensitively. */
const hostList = commaList
  .superRefine((hosts, ctx) => {
    for (const host of hosts) {
      if (!/^([A-Za-z0-9_-]+\.)*[A-Za-z0-9_-]+\.?$|^\[[0-9A-Fa-f:.]+\]$/.test(host))
        ctx.addIssue({
          code: 'custom',
          message: `"${host}" is not a host name; expected a name or address without scheme or port, e.g. "gw1.example.com"`,
        });
    }
  })
  .transform((hosts) => hosts.map((h) => h.toLowerCase()));

/** Environment of the device gateway (defaults: design.md "Ports"). */
export const gatewayConfigSchema = z.object({
  ...commonConfigShape,
  /** Calls per caller and window on the PIN view and unlock routes. */
  ...secretRateLimitConfigShape,
  SERVICE_NAME: z.string().default('device-gateway'),
  HTTP_PORT: portSchema.default(9333),
  /** This gateway's id on the bus and in leases; default the host name. */
  GATEWAY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  /** `3:generic,1:enterprise` plugs virtual keys at start and enables the simulation routes. */
  KEYWARD_SIM_DEVICES: z.string().optional(),
  /** Turns simulation on without plugging keys at start. */
  KEYWARD_SIM: flagSchema.default(false),
  /** Virtual keys wait for POST /simulation/devices/{id}/touch instead of approving at once. */
  KEYWARD_SIM_PRESENCE: z.enum(['auto', 'manual']).default('auto'),
  /** Directory keeping virtual keys' state across restarts (dev stack, crash tests). */
  KEYWARD_SIM_STATE_DIR: z.string().min(1).optional(),
  /** Modelled hardware latency of virtual keys: `config=200,clientPin=50` (ms per command). */
  KEYWARD_SIM_LATENCY: z
    .string()
    .regex(/^([A-Za-z]+=\d+)(,[A-Za-z]+=\d+)*$/, 'expected <command>=<ms>[,<command>=<ms>...]')
    .optional()
    .transform((v) =>
      v
        ? Object.fromEntries(v.split(',').map((p) => [p.split('=')[0]!, Number(p.split('=')[1])]))
        : undefined,
    ),
  /** Watch USB HID keys (node-hid). */
  KEYWARD_HID: flagSchema.default(true),
  /** Watch PC/SC readers (needs pcscd). */
  KEYWARD_PCSC: flagSchema.default(false),
  /** How long a reset waits for the key to be pulled out and put back. */
  RESET_REINSERT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * Browser origins allowed to call this gateway (CORS), exact, comma separated, e.g. the
   * console's `http://127.0.0.1:9300`. Default none: no cross-origin browser access.
   */
  GATEWAY_ALLOWED_ORIGINS: originList,
  /**
   * Host header names accepted besides loopback (localhost, *.localhost, 127.0.0.1, [::1]),
   * e.g. the workstation's name when HTTP_HOST is not loopback. Default none.
   */
  GATEWAY_ALLOWED_HOSTS: hostList,
  /** Device lease TTL in ms (renewed every third). */
  LEASE_TTL_MS: z.coerce.number().int().min(1_000).default(30_000),
});
export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
