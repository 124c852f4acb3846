import { z } from 'zod';
import { defineEvent } from '../define.ts';
import { aaguidSchema, failureSchema, gatewayIdSchema, serialSchema, userRef } from './common.ts';

// Owner: PRINTER (a later issue). Card printers with encoders running automatic provisioning.

const printerRef = { printerId: z.string(), gatewayId: gatewayIdSchema };
const jobRef = { ...printerRef, jobId: z.string(), requestId: z.string().optional() };

export const printerEvents = {
  registered: defineEvent(
    'keyward.printer.registered',
    z.object({ ...printerRef, name: z.string(), model: z.string().optional() }),
    { description: 'A card printer with an encoder was registered on a gateway.' },
  ),
  jobStarted: defineEvent(
    'keyward.printer.job_started',
    z.object({ ...jobRef, user: userRef.optional() }),
    { description: 'A print-and-encode job began for one card.' },
  ),
  cardEncoded: defineEvent(
    'keyward.printer.card_encoded',
    z.object({ ...jobRef, serial: serialSchema, aaguid: aaguidSchema, user: userRef.optional() }),
    { description: 'The card in the encoder was configured (and enrolled when a user is set).' },
  ),
  jobCompleted: defineEvent(
    'keyward.printer.job_completed',
    z.object({ ...jobRef, serial: serialSchema }),
    {
      description: 'The card was printed, encoded and ejected.',
    },
  ),
  jobFailed: defineEvent(
    'keyward.printer.job_failed',
    z.object({ ...jobRef, serial: serialSchema.optional(), error: failureSchema }),
    { description: 'A job failed; the card is rejected to the reject bin.' },
  ),
} as const;
