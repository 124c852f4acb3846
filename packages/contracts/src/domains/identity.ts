import { z } from 'zod';
import { defineEvent, defineRequest } from '../define.ts';
import { SUBJECTS } from '../subjects.ts';
import { aaguidSchema, failureSchema, gatewayIdSchema, serialSchema, userRef } from './common.ts';

// Owner: IDENTITY. IdP connections, the enrollment saga, revocation, provisioning requests.

export const idpTypeSchema = z.enum(['entra', 'okta', 'pingone', 'generic']);
const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'expected base64url without padding');

/** WebAuthn PublicKeyCredentialCreationOptions in JSON form (binary fields base64url). */
export const creationOptionsSchema = z.object({
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: base64url, name: z.string(), displayName: z.string() }),
  challenge: base64url,
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
  timeout: z.number().int().optional(),
  excludeCredentials: z
    .array(
      z.object({
        type: z.literal('public-key'),
        id: base64url,
        transports: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.string().optional(),
      residentKey: z.string().optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: z.string().optional(),
    })
    .optional(),
  attestation: z.string().optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type CreationOptions = z.infer<typeof creationOptionsSchema>;

const enrollmentRef = {
  enrollmentId: z.string(),
  idpId: z.string(),
  user: userRef,
  serial: serialSchema,
  aaguid: aaguidSchema.optional(),
  gatewayId: gatewayIdSchema.optional(),
};
const idpRef = { idpId: z.string(), type: idpTypeSchema, name: z.string() };
const provisioningUser = { requestId: z.string(), user: userRef };

export const identityEvents = {
  enrollmentStarted: defineEvent(
    'keyward.enrollment.started',
    z.object({ ...enrollmentRef, expiresAt: z.iso.datetime({ offset: true }) }),
    { description: 'Creation options were obtained from the IdP for a user and key.' },
  ),
  enrollmentCompleted: defineEvent(
    'keyward.enrollment.completed',
    z.object({ ...enrollmentRef, credentialId: base64url, idpCredentialId: z.string() }),
    { description: 'The IdP accepted the attested passkey (idempotent: once per enrollment).' },
  ),
  enrollmentFailed: defineEvent(
    'keyward.enrollment.failed',
    z.object({ ...enrollmentRef, error: failureSchema, retryable: z.boolean() }),
    { description: 'The IdP refused the registration or was unreachable; nothing half-recorded.' },
  ),
  enrollmentExpired: defineEvent('keyward.enrollment.expired', z.object(enrollmentRef), {
    description: 'A half-done enrollment timed out and was discarded.',
  }),
  enrollmentCancelled: defineEvent('keyward.enrollment.cancelled', z.object(enrollmentRef), {
    description: 'A half-done enrollment was cancelled by the gateway or an administrator.',
  }),
  credentialRevoked: defineEvent(
    'keyward.credential.revoked',
    z.object({
      idpId: z.string(),
      user: userRef,
      credentialId: base64url,
      idpCredentialId: z.string().optional(),
      serial: serialSchema.optional(),
      reason: z.string().optional(),
    }),
    { description: 'A passkey was deleted at the IdP.' },
  ),
  idpCreated: defineEvent('keyward.idp.created', z.object({ ...idpRef, isDefault: z.boolean() }), {
    description: 'An IdP connection was added (its secrets sealed, never in the event).',
  }),
  idpUpdated: defineEvent(
    'keyward.idp.updated',
    z.object({ ...idpRef, isDefault: z.boolean(), changedFields: z.array(z.string()).default([]) }),
    { description: 'An IdP connection changed; `changedFields` names fields, not values.' },
  ),
  idpDeleted: defineEvent('keyward.idp.deleted', z.object(idpRef), {
    description: 'An IdP connection was removed.',
  }),
  provisioningCreated: defineEvent(
    'keyward.provisioning.created',
    z.object({
      requestId: z.string(),
      policyId: z.string(),
      idpId: z.string().optional(),
      mode: z.enum(['manual', 'automatic']),
      total: z.number().int().min(0),
    }),
    { description: 'A provisioning request (a list of users with a policy) was created.' },
  ),
  provisioningUserProvisioned: defineEvent(
    'keyward.provisioning.user_provisioned',
    z.object({
      ...provisioningUser,
      serial: serialSchema,
      aaguid: aaguidSchema.optional(),
      credentialId: base64url.optional(),
    }),
    { description: 'One user of a request received a provisioned key.' },
  ),
  provisioningUserFailed: defineEvent(
    'keyward.provisioning.user_failed',
    z.object({ ...provisioningUser, serial: serialSchema.optional(), error: failureSchema }),
    { description: 'Provisioning one user failed (with the reason).' },
  ),
  provisioningUserSkipped: defineEvent(
    'keyward.provisioning.user_skipped',
    z.object({ ...provisioningUser, reason: z.string() }),
    { description: 'One user of a request was skipped.' },
  ),
  provisioningCompleted: defineEvent(
    'keyward.provisioning.completed',
    z.object({
      requestId: z.string(),
      total: z.number().int().min(0),
      provisioned: z.number().int().min(0),
      failed: z.number().int().min(0),
      skipped: z.number().int().min(0),
      pending: z.number().int().min(0),
    }),
    { description: 'A provisioning request has no pending users left (or was closed).' },
  ),
} as const;

export const enrollmentBeginRequestSchema = z.object({
  idpId: z.string().optional(),
  user: z.string().min(1),
  deviceSerial: serialSchema,
  aaguid: aaguidSchema.optional(),
  gatewayId: gatewayIdSchema.optional(),
  /** Mail the user once the passkey is registered; absent = the service's default (mail when SMTP is configured). */
  notifyUser: z.boolean().optional(),
});

export const identityRequests = {
  enrollmentBegin: defineRequest(
    SUBJECTS.IDENTITY_ENROLLMENT_BEGIN,
    enrollmentBeginRequestSchema,
    z.object({
      enrollmentId: z.string(),
      idpId: z.string(),
      user: userRef,
      publicKey: creationOptionsSchema,
      origin: z.string(),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
    { description: 'Starts an enrollment: creation options from the IdP for the user.' },
  ),
  enrollmentComplete: defineRequest(
    SUBJECTS.IDENTITY_ENROLLMENT_COMPLETE,
    z.object({
      enrollmentId: z.string(),
      credentialId: base64url,
      attestationObject: base64url,
      clientDataJSON: base64url,
      transports: z.array(z.string()).optional(),
    }),
    z.object({ credentialId: base64url, idpCredentialId: z.string(), user: userRef }),
    { description: 'Registers the attested passkey at the IdP (idempotent per enrollment).' },
  ),
  enrollmentCancel: defineRequest(
    SUBJECTS.IDENTITY_ENROLLMENT_CANCEL,
    z.object({ enrollmentId: z.string(), reason: z.string().optional() }),
    z.object({ cancelled: z.boolean() }),
    { description: 'Abandons a half-done enrollment.' },
  ),
  credentialRevoke: defineRequest(
    SUBJECTS.IDENTITY_CREDENTIAL_REVOKE,
    z.object({
      idpId: z.string().optional(),
      user: z.string().optional(),
      credentialId: base64url.optional(),
      serial: serialSchema.optional(),
      reason: z.string().optional(),
    }),
    z.object({ revoked: z.array(z.object({ credentialId: base64url, idpId: z.string() })) }),
    { description: 'Deletes passkey(s) at the IdP, by credential id or by device serial.' },
  ),
  provisioningNext: defineRequest(
    SUBJECTS.IDENTITY_PROVISIONING_NEXT,
    z.object({
      requestId: z.string(),
      // The outcome for the user the previous call handed out. `already_provisioned` is the
      // operator's answer when the key already holds a credential: `next_user` skips the user,
      // `try_new_device` / `reset_and_provision` hand the same user out again.
      previous: z
        .discriminatedUnion('outcome', [
          z.object({
            userId: z.string(),
            outcome: z.literal('provisioned'),
            serial: serialSchema,
            credentialId: base64url.optional(),
          }),
          z.object({
            userId: z.string(),
            outcome: z.literal('failed'),
            reason: z.string().min(1),
            serial: serialSchema.optional(),
          }),
          z.object({
            userId: z.string(),
            outcome: z.literal('skipped'),
            reason: z.string().optional(),
          }),
          z.object({
            userId: z.string(),
            outcome: z.literal('already_provisioned'),
            choice: z.enum(['next_user', 'try_new_device', 'reset_and_provision']),
            serial: serialSchema.optional(),
          }),
        ])
        .optional(),
    }),
    z.object({
      requestId: z.string(),
      user: userRef.nullable(),
      policyId: z.string(),
      idpId: z.string().optional(),
      remaining: z.number().int().min(0),
      summary: z.object({
        total: z.number().int().min(0),
        provisioned: z.number().int().min(0),
        failed: z.number().int().min(0),
        skipped: z.number().int().min(0),
        pending: z.number().int().min(0),
      }),
    }),
    { description: 'Records the previous user’s outcome and hands out the next pending user.' },
  ),
  idpGet: defineRequest(
    SUBJECTS.IDENTITY_IDP_GET,
    z.object({ idpId: z.string().min(1) }),
    z.object({ id: z.string(), name: z.string(), type: idpTypeSchema, isDefault: z.boolean() }),
    {
      description:
        'One IdP connection by id, name and type only (the gateway shows names); NOT_FOUND when absent.',
    },
  ),
} as const;
