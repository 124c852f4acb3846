import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers for JSON APIs (issue 19): `X-Content-Type-Options: nosniff`, no framing, and a
 * Content-Security-Policy that lets an answer load nothing (`default-src 'none'`), which is right
 * for JSON and for /openapi.json (no docs page is served). A service that serves pages (the
 * console) sets its own policy on those routes, which replaces this one. No HSTS: services speak
 * plain HTTP behind whatever terminates TLS, which owns that header.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    strictTransportSecurity: false,
  });
}
