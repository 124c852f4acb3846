import { z } from 'zod';
import { defineEvent } from '../define.ts';
import { permissionSchema } from '../permissions.ts';

// Owner: KIT. Privileged acts that no domain event covers (KEK rewrap, audit export, ...) and
// refused access, so every privileged act is audited (design.md "Security").

export const adminEvents = {
  action: defineEvent(
    'keyward.admin.action',
    z.object({
      service: z.string(),
      action: z.string(),
      target: z.string().optional(),
      outcome: z.enum(['succeeded', 'failed']),
      reason: z.string().optional(),
    }),
    { description: 'A privileged administrative act and its outcome.' },
  ),
  accessDenied: defineEvent(
    'keyward.admin.access_denied',
    z.object({
      service: z.string(),
      method: z.string(),
      path: z.string(),
      permission: permissionSchema,
    }),
    { description: 'An authenticated caller was refused for lacking `permission`.' },
  ),
} as const;
