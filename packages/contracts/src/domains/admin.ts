import { z } from 'zod';
import { defineEvent } from '../define.ts';
import { permissionSchema } from '../permissions.ts';
import { serialSchema } from './common.ts';

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
      /** The route pattern, e.g. `/devices/:serial/pins/user`. */
      path: z.string(),
      /** The path requested, naming the resource. */
      resource: z.string().optional(),
      serial: serialSchema.optional(),
      permission: permissionSchema,
      /**
       * `forbidden` (absent on older events): a valid token without `permission`.
       * `unauthenticated`: a bus request that needs an administrator's token came without a
       * valid one; the actor is then the calling service.
       */
      reason: z.enum(['forbidden', 'unauthenticated']).optional(),
    }),
    {
      description:
        'A caller was refused for lacking `permission` (or, on the bus, a valid token); `serial` names the key when the route addresses one.',
    },
  ),
} as const;
