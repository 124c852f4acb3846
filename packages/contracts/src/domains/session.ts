import { z } from 'zod';
import { defineEvent } from '../define.ts';
import { deviceRefShape, failureSchema, gatewayIdSchema } from './common.ts';

// Owner: GATEWAY. A session is one operation or bulk run on a gateway, with a journal.

export const sessionKindSchema = z.enum([
  'configure',
  'apply-policy',
  'enroll',
  'test',
  'reset',
  'unlock',
]);
export const sessionModeSchema = z.enum(['one', 'selected', 'stop-when-done', 'continuous']);
export const deviceOutcomeSchema = z.enum(['succeeded', 'failed', 'interrupted', 'skipped']);

export const sessionCountsSchema = z.object({
  total: z.number().int().min(0),
  succeeded: z.number().int().min(0),
  failed: z.number().int().min(0),
  interrupted: z.number().int().min(0),
  skipped: z.number().int().min(0).default(0),
});

export const sessionEvents = {
  started: defineEvent(
    'keyward.session.started',
    z.object({
      sessionId: z.string().min(1),
      gatewayId: gatewayIdSchema,
      kind: sessionKindSchema,
      mode: sessionModeSchema,
      policyId: z.string().optional(),
      deviceIds: z.array(z.string()).default([]),
      resumed: z.boolean().default(false),
    }),
    { description: 'A session began (or resumed after a gateway restart when `resumed`).' },
  ),
  progress: defineEvent(
    'keyward.session.progress',
    z.object({
      sessionId: z.string().min(1),
      ...deviceRefShape,
      step: z.string(),
      state: z.enum([
        'running',
        'waiting-for-touch',
        'waiting-for-reinsert',
        'done',
        'failed',
        // Stopped mid-way (key pulled, gateway restart); repaired later, unlike `failed`.
        'interrupted',
      ]),
      outcome: deviceOutcomeSchema.optional(),
      error: failureSchema.optional(),
    }),
    { description: 'One key in a session reached a step (also streamed to the client as SSE).' },
  ),
  completed: defineEvent(
    'keyward.session.completed',
    z.object({
      sessionId: z.string().min(1),
      gatewayId: gatewayIdSchema,
      kind: sessionKindSchema,
      outcome: z.enum(['completed', 'stopped', 'failed']),
      counts: sessionCountsSchema,
    }),
    { description: 'A session closed; counts per outcome.' },
  ),
} as const;
