import { z } from 'zod';

/**
 * FIDO Metadata Service v3 BLOB payload (FIDO MDS 3.0 §3.1.6 MetadataBLOBPayload). Only the fields
 * Keyward reads are typed; unknown fields pass through untouched.
 */
export const MdsStatusReport = z.looseObject({
  status: z.string().min(1),
  effectiveDate: z.string().optional(),
  authenticatorVersion: z.number().optional(),
  certificate: z.string().optional(),
  url: z.string().optional(),
  certificationDescriptor: z.string().optional(),
  certificateNumber: z.string().optional(),
});
export type MdsStatusReport = z.infer<typeof MdsStatusReport>;

export const MdsMetadataStatement = z.looseObject({
  description: z.string().optional(),
  aaguid: z.string().optional(),
  attestationRootCertificates: z.array(z.string()).default([]),
  authenticatorGetInfo: z
    .looseObject({
      versions: z.array(z.string()).optional(),
      extensions: z.array(z.string()).optional(),
      options: z.record(z.string(), z.boolean()).optional(),
    })
    .optional(),
});
export type MdsMetadataStatement = z.infer<typeof MdsMetadataStatement>;

export const MdsEntry = z.looseObject({
  aaguid: z.string().optional(),
  aaid: z.string().optional(),
  attestationCertificateKeyIdentifiers: z.array(z.string()).optional(),
  metadataStatement: MdsMetadataStatement.optional(),
  statusReports: z.array(MdsStatusReport),
  timeOfLastStatusChange: z.string().optional(),
});
export type MdsEntry = z.infer<typeof MdsEntry>;

export const MdsBlobPayload = z.looseObject({
  legalHeader: z.string().optional(),
  no: z.number().int().min(0),
  nextUpdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  entries: z.array(MdsEntry),
});
export type MdsBlobPayload = z.infer<typeof MdsBlobPayload>;

/**
 * Statuses that make a key unacceptable (FIDO MDS 3.0 §3.1.4 AuthenticatorStatus; the set common
 * relying parties reject: python-fido2, webauthn4j, fido2-net-lib).
 */
export const BLOCKING_STATUSES = [
  'REVOKED',
  'ATTESTATION_KEY_COMPROMISE',
  'USER_VERIFICATION_BYPASS',
  'USER_KEY_REMOTE_COMPROMISE',
  'USER_KEY_PHYSICAL_COMPROMISE',
] as const;
export type BlockingStatus = (typeof BLOCKING_STATUSES)[number];
