import { MdsBlobError } from '../errors.ts';
import type { MdsBlobPayload } from './mdsSchema.ts';
import type { VerifyMdsBlobResult } from './verifyMdsBlob.ts';

export type SelectBlobResult =
  | { use: 'candidate'; payload: MdsBlobPayload }
  | { use: 'current'; payload: MdsBlobPayload | undefined; rejected: MdsBlobError };

export interface SelectBlobOptions {
  current: MdsBlobPayload | undefined;
  candidate: VerifyMdsBlobResult;
}

/**
 * Keep the last good BLOB (FIDO MDS 3.0 §3.2): a candidate that fails verification, or whose
 * serial `no` is not greater than the current one, is ignored and the current BLOB stays.
 */
export function selectBlob({ current, candidate }: SelectBlobOptions): SelectBlobResult {
  if (!candidate.ok) return { use: 'current', payload: current, rejected: candidate.error };
  if (current && candidate.payload.no <= current.no) {
    return {
      use: 'current',
      payload: current,
      rejected: new MdsBlobError(
        'MDS_BLOB_STALE',
        `BLOB no ${candidate.payload.no} is not newer than the loaded BLOB no ${current.no}`,
      ),
    };
  }
  return { use: 'candidate', payload: candidate.payload };
}
