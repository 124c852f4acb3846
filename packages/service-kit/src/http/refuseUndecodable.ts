import { KeywardError } from '@keyward/contracts';
import type { RequestHandler } from 'express';

/** What express.json (body-parser 2) can inflate on Node 20; "identity" is no encoding at all. */
export const SUPPORTED_CONTENT_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

/**
 * Refuses, before routing and before any body is read or inflated, a request whose path is not
 * valid percent-encoding (RFC 3986 §2.1: `%ff` is no UTF-8) or whose Content-Encoding the body
 * parser cannot decode. Both are the caller's mistake: 400 VALIDATION_FAILED naming what is wrong,
 * not the router's or the parser's bare error turned into a 500 (issue 19).
 */
export function refuseUndecodable(): RequestHandler {
  return (req, _res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      return next(
        new KeywardError(
          'VALIDATION_FAILED',
          `path: not valid percent-encoding (RFC 3986 §2.1), received ${quote(req.path)}`,
        ),
      );
    }
    const encoding = req.headers['content-encoding'];
    if (
      encoding !== undefined &&
      !(SUPPORTED_CONTENT_ENCODINGS as readonly string[]).includes(encoding.trim().toLowerCase())
    ) {
      return next(
        new KeywardError(
          'VALIDATION_FAILED',
          `Content-Encoding: ${quote(encoding)} is not supported; expected ${SUPPORTED_CONTENT_ENCODINGS.slice(0, -1).join(', ')} or ${SUPPORTED_CONTENT_ENCODINGS.at(-1)}`,
        ),
      );
    }
    next();
  };
}

/** Quoted and cut to 200 characters: the value is the caller's, echoed only to name it. */
function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
