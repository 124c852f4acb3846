import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /** Origins the app calls besides its own: the workstation's gateway and the OpenID provider. */
  connectOrigins: string[];
}

/**
 * Strict headers for everything the console serves (helmet): a Content-Security-Policy without
 * inline script or style elements, no framing, no referrer, no MIME sniffing. The app's bundle is
 * built to need nothing more (Vite emits external module scripts only).
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Style attributes set through the DOM (React `style`) are not governed by CSP; only
        // <style> elements and markup attributes are, and the app has neither.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...options.connectOrigins],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        frameSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // The sign-in popup reports back over a same-origin BroadcastChannel, not window.opener.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}
