import { X509Certificate } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { MdsBlobError, type MdsCheck } from '../errors.ts';
import { MdsBlobPayload } from './mdsSchema.ts';

/** JWS algorithms accepted for the BLOB signature (FIDO MDS 3.0 §3.2: ES256, RS256 and kin). */
const ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

export interface VerifyMdsBlobOptions {
  /** The BLOB as downloaded: a compact JWS. */
  blob: string;
  /** Trusted MDS roots (PEM or DER). */
  roots: (string | Uint8Array)[];
  /** Current time (injected). */
  now: Date;
  /**
   * Accept a BLOB whose nextUpdate has passed. Only for re-checking the cached last good BLOB at
   * start, so a service restarted while the MDS is unreachable keeps what it trusted. Default false.
   */
  allowExpired?: boolean;
}

export type VerifyMdsBlobResult =
  | { ok: true; payload: MdsBlobPayload; leafSubject: string }
  | { ok: false; error: MdsBlobError };

function fail(
  code: Exclude<MdsCheck, 'MDS_BLOB_STALE'>,
  message: string,
  cause?: unknown,
): VerifyMdsBlobResult {
  return {
    ok: false,
    error: new MdsBlobError(code, message, cause === undefined ? {} : { cause }),
  };
}

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

/** Check x5c (leaf first) links up to one of the roots; returns a message on failure. */
function checkChain(
  chain: X509Certificate[],
  roots: X509Certificate[],
  now: Date,
): string | undefined {
  for (const [i, cert] of chain.entries()) {
    if (!validAt(cert, now)) {
      return `x5c[${i}] (${cert.subject}) is not valid at ${now.toISOString()} (valid ${cert.validFrom} to ${cert.validTo})`;
    }
    if (i > 0 && !cert.ca) return `x5c[${i}] (${cert.subject}) is not a CA certificate`;
    const issuer = chain[i + 1];
    if (issuer && !(cert.checkIssued(issuer) && cert.verify(issuer.publicKey))) {
      return `x5c[${i}] (${cert.subject}) is not signed by x5c[${i + 1}] (${issuer.subject})`;
    }
  }
  const top = chain.at(-1)!;
  const anchored = roots.some(
    (root) =>
      root.fingerprint256 === top.fingerprint256 ||
      (validAt(root, now) && top.checkIssued(root) && top.verify(root.publicKey)),
  );
  return anchored ? undefined : `x5c does not chain to a configured MDS root (top: ${top.issuer})`;
}

/**
 * Verify an MDS3 BLOB (FIDO MDS 3.0 §3.2 "Metadata BLOB processing rules"): x5c chain to a
 * configured root, JWS signature with the leaf key, payload shape, and nextUpdate not passed.
 */
export async function verifyMdsBlob({
  blob,
  roots,
  now,
  allowExpired = false,
}: VerifyMdsBlobOptions): Promise<VerifyMdsBlobResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(blob.trim());
  } catch (cause) {
    return fail('MDS_BLOB_INVALID', 'BLOB is not a compact JWS (header not decodable)', cause);
  }
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0)
    return fail('MDS_BLOB_INVALID', 'BLOB header has no x5c certificate chain');
  let chain: X509Certificate[];
  let trusted: X509Certificate[];
  try {
    chain = x5c.map((c) => new X509Certificate(Buffer.from(c, 'base64')));
  } catch (cause) {
    return fail('MDS_CHAIN_INVALID', 'BLOB x5c holds a certificate that does not parse', cause);
  }
  try {
    trusted = roots.map((r) => new X509Certificate(typeof r === 'string' ? r : Buffer.from(r)));
  } catch (cause) {
    return fail('MDS_CHAIN_INVALID', 'a configured MDS root certificate does not parse', cause);
  }
  if (trusted.length === 0)
    return fail('MDS_CHAIN_INVALID', 'no MDS root certificate is configured');
  const chainProblem = checkChain(chain, trusted, now);
  if (chainProblem) return fail('MDS_CHAIN_INVALID', chainProblem);

  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(blob.trim(), chain[0]!.publicKey, {
      algorithms: ALGORITHMS,
    }));
  } catch (cause) {
    return fail(
      'MDS_SIGNATURE_INVALID',
      `BLOB signature (alg ${String(header.alg)}) does not verify with the x5c leaf key`,
      cause,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch (cause) {
    return fail('MDS_BLOB_INVALID', 'BLOB payload is not JSON', cause);
  }
  const parsed = MdsBlobPayload.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return fail(
      'MDS_BLOB_INVALID',
      `BLOB payload ${first.path.join('.') || '(root)'}: ${first.message}`,
    );
  }
  const today = now.toISOString().slice(0, 10);
  if (!allowExpired && parsed.data.nextUpdate < today) {
    return fail(
      'MDS_BLOB_EXPIRED',
      `BLOB nextUpdate ${parsed.data.nextUpdate} has passed (today ${today}); fetch a newer BLOB`,
    );
  }
  return { ok: true, payload: parsed.data, leafSubject: chain[0]!.subject };
}
