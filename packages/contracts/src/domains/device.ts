import { z } from 'zod';
import { defineEvent } from '../define.ts';
import {
  configOpSchema,
  deviceRefShape,
  deviceTypeSchema,
  failureSchema,
  transportSchema,
  userRef,
} from './common.ts';
import { sessionKindSchema } from './session.ts';

// Owner: GATEWAY. Device events are emitted by the device-gateway that holds the key. Each
// carries gatewayId, deviceId, serial and AAGUID; the actor is in the envelope; never a PIN.

const sessionId = z.string().min(1).optional();

export const deviceEvents = {
  attached: defineEvent(
    'keyward.device.attached',
    z.object({
      ...deviceRefShape,
      name: z.string(),
      transport: transportSchema,
      deviceType: deviceTypeSchema,
      versions: z.array(z.string()),
      firmwareVersion: z.number().int().optional(),
      simulated: z.boolean().default(false),
    }),
    { description: 'A key appeared on a gateway (HID, PC/SC or simulated) and was identified.' },
  ),
  detached: defineEvent(
    'keyward.device.detached',
    z.object({ ...deviceRefShape, during: z.string().optional() }),
    { description: 'A key was removed; `during` names the operation it interrupted, if any.' },
  ),
  configured: defineEvent(
    'keyward.device.configured',
    z.object({
      ...deviceRefShape,
      sessionId,
      policyId: z.string(),
      policyVersion: z.number().int().min(1),
      steps: z.array(configOpSchema),
      pinSet: z.boolean(),
      adminPinSet: z.boolean().default(false),
      minPinLength: z.number().int().optional(),
      forcePinChange: z.boolean().optional(),
      alwaysUv: z.boolean().optional(),
      enterpriseAttestation: z.boolean().optional(),
    }),
    { description: 'A key now matches its policy; lists the steps that were applied.' },
  ),
  configureFailed: defineEvent(
    'keyward.device.configure_failed',
    z.object({
      ...deviceRefShape,
      sessionId,
      policyId: z.string(),
      policyVersion: z.number().int().min(1).optional(),
      step: configOpSchema.optional(),
      completedSteps: z.array(configOpSchema).default([]),
      error: failureSchema,
      retryable: z.boolean(),
    }),
    { description: 'Configuring a key failed at `step`; the key is left retryable.' },
  ),
  enrolled: defineEvent(
    'keyward.device.enrolled',
    z.object({
      ...deviceRefShape,
      sessionId,
      idpId: z.string(),
      user: userRef,
      enrollmentId: z.string(),
      credentialId: z.string(),
      idpCredentialId: z.string().optional(),
    }),
    { description: 'A passkey was created on the key and registered at the IdP for a user.' },
  ),
  enrollFailed: defineEvent(
    'keyward.device.enroll_failed',
    z.object({
      ...deviceRefShape,
      sessionId,
      idpId: z.string().optional(),
      user: userRef,
      enrollmentId: z.string().optional(),
      error: failureSchema,
      retryable: z.boolean(),
    }),
    { description: 'Enrolling a key for a user failed; the key is left as it was before.' },
  ),
  tested: defineEvent(
    'keyward.device.tested',
    z.object({
      ...deviceRefShape,
      sessionId,
      credentialId: z.string().optional(),
      passed: z.boolean(),
      durationMs: z.number().min(0),
      error: failureSchema.optional(),
    }),
    { description: 'A functional test (assertion with the enrolled or a throwaway credential).' },
  ),
  stocked: defineEvent(
    'keyward.device.stocked',
    z.object({ ...deviceRefShape, policyId: z.string().optional() }),
    { description: 'A configured key was parked for later assignment (IN STOCK).' },
  ),
  reset: defineEvent('keyward.device.reset', z.object({ ...deviceRefShape, sessionId }), {
    description: 'A key was reset to factory state (all credentials and the PIN removed).',
  }),
  resetFailed: defineEvent(
    'keyward.device.reset_failed',
    z.object({ ...deviceRefShape, sessionId, error: failureSchema, retryable: z.boolean() }),
    { description: 'A reset did not happen (outside the power-up window, no touch, refused).' },
  ),
  unlocked: defineEvent(
    'keyward.device.unlocked',
    z.object({
      ...deviceRefShape,
      sessionId,
      method: z.enum(['admin-pin', 'remote']),
      newPinSource: z.enum(['generated', 'chosen']),
    }),
    { description: 'A PIN-blocked key was unlocked and given a new PIN (kept in the vault).' },
  ),
  unlockFailed: defineEvent(
    'keyward.device.unlock_failed',
    z.object({
      ...deviceRefShape,
      sessionId,
      method: z.enum(['admin-pin', 'remote']),
      error: failureSchema,
    }),
    { description: 'An unlock attempt failed.' },
  ),
  pinViewed: defineEvent(
    'keyward.device.pin_viewed',
    z.object({ ...deviceRefShape, revealed: z.array(z.enum(['user', 'admin'])).min(1) }),
    {
      description: 'An administrator viewed the initial PIN(s) named in `revealed` (not the PIN).',
    },
  ),
  interrupted: defineEvent(
    'keyward.device.interrupted',
    z.object({
      ...deviceRefShape,
      sessionId,
      // The session kind as run: `apply-policy` stays distinct from a plain `configure`.
      operation: sessionKindSchema,
      step: z.string().optional(),
      completedSteps: z.array(z.string()).default([]),
    }),
    { description: 'An operation stopped mid-way (key pulled, gateway restart); repaired later.' },
  ),
} as const;
