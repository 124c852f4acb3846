/**
 * Who may talk to the gateway from a browser. The REST port listens on the workstation, so a
 * web page anywhere can make the user's browser send requests to it: the Host check defeats DNS
 * rebinding (a page whose own name was re-pointed at 127.0.0.1 still sends its own name as
 * Host), and the Origin check keeps every page but the configured console from using it
 * (Fetch standard §3.2, CORS protocol). Pure decisions; http/browserGuard.ts applies them.
 */

export type AccessDecision = { ok: true } | { ok: false; message: string };

/** The names the loopback interface answers to (RFC 6761 §6.3 reserves `*.localhost`). */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host name of a Host header, lower case, without port or trailing dot:
 * `LocalHost:9333` → `localhost`, `[::1]:9333` → `[::1]`. Undefined for an absent or empty one.
 */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const lower = header.trim().toLowerCase();
  const name = lower.startsWith('[')
    ? lower.slice(0, lower.indexOf(']') + 1)
    : lower.replace(/:\d*$/, '');
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return bare || undefined;
}

export function isLoopbackHost(name: string): boolean {
  return LOOPBACK_NAMES.includes(name) || name.endsWith('.localhost');
}

/** Accepts loopback names with any port, and the configured extra names (already lower case). */
export function checkHost(options: {
  host: string | undefined;
  allowedHosts: readonly string[];
}): AccessDecision {
  const { host, allowedHosts } = options;
  const name = hostName(host);
  if (name && (isLoopbackHost(name) || allowedHosts.includes(name))) return { ok: true };
  const shown = host ? `"${host}"` : 'no Host header';
  return {
    ok: false,
    message: `this gateway does not answer for host ${shown}; expected localhost, 127.0.0.1, [::1] or a name in GATEWAY_ALLOWED_HOSTS`,
  };
}

export type OriginDecision =
  /** No Origin header: not a cross-origin browser request (curl, services, navigations). */
  | { kind: 'none' }
  /** A page served by the gateway itself; needs no CORS grant. */
  | { kind: 'same-origin' }
  | { kind: 'allowed'; origin: string }
  | { kind: 'refused'; origin: string; message: string };

/** Exact string comparison, as browsers serialise origins (`null` is refused unless listed). */
export function checkOrigin(options: {
  origin: string | undefined;
  host: string | undefined;
  allowedOrigins: readonly string[];
}): OriginDecision {
  const { origin, host, allowedOrigins } = options;
  if (origin === undefined) return { kind: 'none' };
  if (allowedOrigins.includes(origin)) return { kind: 'allowed', origin };
  if (host && (origin === `http://${host}` || origin === `https://${host}`))
    return { kind: 'same-origin' };
  return {
    kind: 'refused',
    origin,
    message: `origin "${origin}" may not call this gateway; allowed: ${
      allowedOrigins.length > 0 ? allowedOrigins.join(', ') : 'none'
    } (GATEWAY_ALLOWED_ORIGINS)`,
  };
}
