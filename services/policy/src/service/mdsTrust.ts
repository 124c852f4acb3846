import { readFile } from 'node:fs/promises';
import { KeywardError } from '@keyward/contracts';
import type { Logger } from '@keyward/service-kit';
import { buildMdsIndex, type MdsIndex } from '../domain/mds/mdsIndex.ts';
import type { MdsBlobPayload } from '../domain/mds/mdsSchema.ts';
import { selectBlob } from '../domain/mds/selectBlob.ts';
import { verifyMdsBlob } from '../domain/mds/verifyMdsBlob.ts';
import type { MdsStore } from '../store/mdsStore.ts';

export interface MdsStatus {
  configured: boolean;
  loaded: boolean;
  no?: number;
  nextUpdate?: string;
  /** nextUpdate has passed: still in use (last good), but a newer BLOB is due. */
  stale: boolean;
  entries: number;
  loadedAt?: string;
  lastError?: { check: string; message: string; at: string };
}

export interface MdsTrustOptions {
  /** Trusted MDS root certificates (PEM). Empty = MDS not configured. */
  roots: string[];
  /** Where to fetch the BLOB from: a file path or an http(s) URL. */
  source?: string;
  store: MdsStore;
  logger: Logger;
  now: () => Date;
}

/** GET the BLOB; a non-2xx answer is a failure, never a BLOB to verify. */
async function download(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return res.text();
}

/**
 * Attestation trust from FIDO MDS3: holds the last good BLOB (in memory and in the database),
 * replaces it only with a verified, newer one, and remembers why a candidate was rejected.
 */
export class MdsTrust {
  readonly #o: MdsTrustOptions;
  #payload: MdsBlobPayload | undefined;
  #index: MdsIndex | undefined;
  #loadedAt: Date | undefined;
  #lastError: MdsStatus['lastError'];

  constructor(options: MdsTrustOptions) {
    this.#o = options;
  }

  /** The index of the BLOB in use, or undefined when none is loaded. */
  index(): MdsIndex | undefined {
    return this.#index;
  }

  /** Re-check the cached BLOB (its signature, not its age) so a restart keeps trusting it. */
  async init(): Promise<void> {
    const cached = await this.#o.store.load();
    if (cached?.lastError) {
      this.#lastError = { ...cached.lastError, at: new Date(cached.lastError.at).toISOString() };
    }
    if (!cached?.blob || this.#o.roots.length === 0) return;
    const result = await verifyMdsBlob({
      blob: cached.blob,
      roots: this.#o.roots,
      now: this.#o.now(),
      allowExpired: true,
    });
    if (result.ok) this.#use(result.payload, cached.loadedAt ?? this.#o.now());
    else this.#o.logger.warn({ check: result.error.check }, 'cached MDS BLOB no longer verifies');
  }

  /** Verify a candidate BLOB; use it if good and newer, else keep the current one. */
  async offer(blob: string): Promise<MdsStatus> {
    const now = this.#o.now();
    const candidate = await verifyMdsBlob({ blob, roots: this.#o.roots, now });
    const choice = selectBlob({ current: this.#payload, candidate });
    if (choice.use === 'candidate') {
      this.#use(choice.payload, now);
      this.#lastError = undefined;
      await this.#o.store.saveGood(blob, choice.payload.no, choice.payload.nextUpdate, now);
      this.#o.logger.info({ no: choice.payload.no, entries: this.#index?.size }, 'MDS BLOB loaded');
    } else {
      const { check, message } = choice.rejected;
      this.#lastError = { check, message, at: now.toISOString() };
      await this.#o.store.saveError(check, message, now);
      this.#o.logger.warn(
        { check, reason: message },
        'MDS BLOB rejected; keeping the last good one',
      );
    }
    return this.status();
  }

  /** Fetch the BLOB from the configured file or URL and offer it. */
  async refresh(): Promise<MdsStatus> {
    const { source } = this.#o;
    if (!source)
      throw new KeywardError('VALIDATION_FAILED', 'no MDS_BLOB_PATH or MDS_BLOB_URL is configured');
    let blob: string;
    try {
      blob = /^https?:\/\//.test(source) ? await download(source) : await readFile(source, 'utf8');
    } catch (cause) {
      const message = `MDS BLOB could not be read from ${source}`;
      this.#lastError = { check: 'MDS_BLOB_INVALID', message, at: this.#o.now().toISOString() };
      await this.#o.store.saveError('MDS_BLOB_INVALID', message, this.#o.now());
      throw new KeywardError('UPSTREAM_UNAVAILABLE', message, { cause });
    }
    return this.offer(blob);
  }

  status(): MdsStatus {
    const p = this.#payload;
    const today = this.#o.now().toISOString().slice(0, 10);
    return {
      configured: this.#o.roots.length > 0,
      loaded: p !== undefined,
      ...(p ? { no: p.no, nextUpdate: p.nextUpdate } : {}),
      stale: p !== undefined && p.nextUpdate < today,
      entries: this.#index?.size ?? 0,
      ...(this.#loadedAt ? { loadedAt: this.#loadedAt.toISOString() } : {}),
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
    };
  }

  #use(payload: MdsBlobPayload, at: Date): void {
    this.#payload = payload;
    this.#index = buildMdsIndex(payload);
    this.#loadedAt = at;
  }
}
