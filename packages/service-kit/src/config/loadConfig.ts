import { validationError } from '@keyward/contracts';
import type { z } from 'zod';

/**
 * Reads configuration from environment variables with a zod object schema (usually
 * `commonConfig.extend({...})`). Throws KeywardError CONFIG_INVALID naming every bad variable;
 * values are never echoed, since some are secrets.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(blanksRemoved);
  if (!result.success) throw validationError(result.error, { code: 'CONFIG_INVALID' });
  return result.data;
}
