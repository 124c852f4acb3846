import { z } from 'zod';
import { KEYWARD_ERROR_CODES, type KeywardErrorCode } from './errors.ts';

/** zod form of {@link ErrorBody}, for replies and OpenAPI. */
export const errorBodySchema = z.object({
  code: z.enum(KEYWARD_ERROR_CODES as [KeywardErrorCode, ...KeywardErrorCode[]]),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
