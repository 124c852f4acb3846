import type { IdpType, IdpView } from './useIdps.ts';

/** A form field: a setting, a secret (write-only), or PingOne's region (two base URLs). */
export interface FieldSpec {
  name: string;
  /** Message key under `idps:field`. */
  label: string;
  kind: 'text' | 'url' | 'secret' | 'pem' | 'region';
}

/** Exactly the fields each provider needs; defaults (scopes, cloud endpoints) stay the service's. */
export const FIELDS: Record<IdpType, FieldSpec[]> = {
  entra: [
    { name: 'tenantId', label: 'tenantId', kind: 'text' },
    { name: 'clientId', label: 'clientId', kind: 'text' },
    { name: 'clientSecret', label: 'clientSecret', kind: 'secret' },
  ],
  okta: [
    { name: 'orgUrl', label: 'orgUrl', kind: 'url' },
    { name: 'clientId', label: 'clientId', kind: 'text' },
    { name: 'keyId', label: 'keyId', kind: 'text' },
    { name: 'privateKeyPem', label: 'privateKeyPem', kind: 'pem' },
  ],
  pingone: [
    { name: 'region', label: 'region', kind: 'region' },
    { name: 'envId', label: 'envId', kind: 'text' },
    { name: 'clientId', label: 'workerClientId', kind: 'text' },
    { name: 'clientSecret', label: 'workerSecret', kind: 'secret' },
    { name: 'rpId', label: 'rpId', kind: 'text' },
    { name: 'fido2PolicyId', label: 'fido2PolicyId', kind: 'text' },
  ],
  generic: [
    { name: 'scimBaseUrl', label: 'scimBaseUrl', kind: 'url' },
    { name: 'tokenUrl', label: 'tokenUrl', kind: 'url' },
    { name: 'clientId', label: 'clientId', kind: 'text' },
    { name: 'clientSecret', label: 'clientSecret', kind: 'secret' },
    { name: 'webhookUrl', label: 'webhookUrl', kind: 'url' },
    { name: 'webhookSecret', label: 'webhookSecret', kind: 'secret' },
    { name: 'rpId', label: 'rpId', kind: 'text' },
  ],
};

/** PingOne's regions and their auth / API hosts (PingOne "Regions and domains"). */
export const PINGONE_REGIONS = {
  NA: { authBaseUrl: 'https://auth.pingone.com', apiBaseUrl: 'https://api.pingone.com/v1' },
  EU: { authBaseUrl: 'https://auth.pingone.eu', apiBaseUrl: 'https://api.pingone.eu/v1' },
  CA: { authBaseUrl: 'https://auth.pingone.ca', apiBaseUrl: 'https://api.pingone.ca/v1' },
  AP: { authBaseUrl: 'https://auth.pingone.asia', apiBaseUrl: 'https://api.pingone.asia/v1' },
} as const;
export type PingOneRegion = keyof typeof PINGONE_REGIONS;

const isSecret = (f: FieldSpec) => f.kind === 'secret' || f.kind === 'pem';

/** The form's initial values: settings of an existing connection, secrets always empty. */
export function initialValues(type: IdpType, existing?: IdpView): Record<string, string> {
  const values: Record<string, string> = { name: existing?.name ?? '' };
  const settings = (existing?.settings ?? {}) as Record<string, unknown>;
  for (const f of FIELDS[type]) {
    if (f.kind === 'region') {
      const match = Object.entries(PINGONE_REGIONS).find(
        ([, r]) => r.authBaseUrl === settings.authBaseUrl,
      );
      values.region = match?.[0] ?? 'NA';
    } else if (!isSecret(f)) {
      values[f.name] = typeof settings[f.name] === 'string' ? (settings[f.name] as string) : '';
    } else values[f.name] = '';
  }
  return values;
}

/**
 * The request parts of the form. Settings the form does not show (scopes, stand-in endpoints)
 * are kept from the existing connection; an empty secret is left out, so the saved one stays.
 */
export function toRequest(type: IdpType, values: Record<string, string>, existing?: IdpView) {
  const settings: Record<string, unknown> = { ...(existing?.settings ?? {}), type };
  const secrets: Record<string, string> = {};
  for (const f of FIELDS[type]) {
    const value = (values[f.name] ?? '').trim();
    if (f.kind === 'region') Object.assign(settings, PINGONE_REGIONS[value as PingOneRegion]);
    else if (isSecret(f)) {
      if (value) secrets[f.name] = f.kind === 'pem' ? `${value}\n` : value;
    } else settings[f.name] = value;
  }
  return { name: values.name?.trim() ?? '', settings, secrets };
}

export { isSecret };
