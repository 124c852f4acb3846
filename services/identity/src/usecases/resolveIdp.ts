import { KeywardError } from '@keyward/contracts';
import type { IdentityDeps } from './deps.ts';

/** Which IdP enrolls this user: explicit id, else the user's mapping, else the tenant default. */
export async function resolveIdp(
  deps: IdentityDeps,
  user: string,
  idpId?: string,
): Promise<string> {
  if (idpId) return idpId;
  const mapped = await deps.mappings.get(user);
  if (mapped) return mapped;
  const fallback = await deps.idps.defaultId();
  if (fallback) return fallback;
  throw new KeywardError(
    'VALIDATION_FAILED',
    `idpId: not given, no user mapping for ${user} and no default IdP configured`,
    { details: { field: 'idpId' } },
  );
}
