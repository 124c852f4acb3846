import { CERTIFICATION_LEVELS, type CertificationLevel } from '../policy/policySchema.ts';
import {
  BLOCKING_STATUSES,
  type BlockingStatus,
  type MdsBlobPayload,
  type MdsEntry,
  type MdsStatusReport,
} from './mdsSchema.ts';

/** What Keyward concludes about one AAGUID from the MDS BLOB. */
export type MdsVerdict =
  | { known: false; aaguid: string }
  | {
      known: true;
      aaguid: string;
      description?: string;
      /** Status of the latest report (by effectiveDate, then array order). */
      status: string;
      /** Set when any report carries a blocking status. */
      blockedBy?: BlockingStatus;
      /** Highest FIDO certification level ever reported (undefined if none). */
      certificationLevel?: CertificationLevel;
      /** From metadataStatement.authenticatorGetInfo.options.ep: undefined = not stated. */
      enterpriseAttestationSupported?: boolean;
      /** Base64 DER attestation roots for verifying attestation statements. */
      attestationRootCertificates: string[];
      statusReports: MdsStatusReport[];
    };

export interface MdsIndex {
  readonly no: number;
  readonly nextUpdate: string;
  readonly size: number;
  verdict(aaguid: string): MdsVerdict;
}

const blocking = new Set<string>(BLOCKING_STATUSES);
const certRank = new Map<string, number>(CERTIFICATION_LEVELS.map((l, i) => [l, i]));

/** Reports in chronological order; a report without a date keeps its array position. */
function chronological(reports: MdsStatusReport[]): MdsStatusReport[] {
  return reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const da = a.r.effectiveDate ?? '';
      const db = b.r.effectiveDate ?? '';
      return da === db ? a.i - b.i : da < db ? -1 : 1;
    })
    .map(({ r }) => r);
}

function verdictOf(aaguid: string, entry: MdsEntry): MdsVerdict {
  const reports = chronological(entry.statusReports);
  const latest = reports.at(-1);
  const blockedBy = reports.find((r) => blocking.has(r.status))?.status as
    | BlockingStatus
    | undefined;
  let certificationLevel: CertificationLevel | undefined;
  for (const r of reports) {
    const rank = certRank.get(r.status);
    if (
      rank !== undefined &&
      (certificationLevel === undefined || rank > certRank.get(certificationLevel)!)
    ) {
      certificationLevel = r.status as CertificationLevel;
    }
  }
  const statement = entry.metadataStatement;
  const ep = statement?.authenticatorGetInfo?.options?.ep;
  return {
    known: true,
    aaguid,
    description: statement?.description,
    status: latest?.status ?? 'NOT_FIDO_CERTIFIED',
    ...(blockedBy ? { blockedBy } : {}),
    ...(certificationLevel ? { certificationLevel } : {}),
    ...(statement?.authenticatorGetInfo?.options
      ? { enterpriseAttestationSupported: ep !== undefined }
      : {}),
    attestationRootCertificates: statement?.attestationRootCertificates ?? [],
    statusReports: reports,
  };
}

/** Index a verified BLOB payload by AAGUID (entries without an AAGUID — UAF, U2F — are skipped). */
export function buildMdsIndex(payload: MdsBlobPayload): MdsIndex {
  const byAaguid = new Map<string, MdsEntry>();
  for (const entry of payload.entries) {
    const aaguid = (entry.aaguid ?? entry.metadataStatement?.aaguid)?.toLowerCase();
    if (aaguid) byAaguid.set(aaguid, entry);
  }
  return {
    no: payload.no,
    nextUpdate: payload.nextUpdate,
    size: byAaguid.size,
    verdict(aaguid) {
      const key = aaguid.toLowerCase();
      const entry = byAaguid.get(key);
      return entry ? verdictOf(key, entry) : { known: false, aaguid: key };
    },
  };
}
