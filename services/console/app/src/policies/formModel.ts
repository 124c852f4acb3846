import type { paths as PolicyPaths } from '../api/generated/policy.ts';

// The form edits text and checkboxes; the policy service's schema (via the generated types) is
// the only judge of what is valid. These functions only convert between the two shapes.

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PolicyInput = JsonBody<PolicyPaths['/policies']['post']['requestBody']>;
export type Policy = JsonBody<PolicyPaths['/policies']['post']['responses'][201]>;
type Pin = PolicyInput['pin'];

export const CHARACTER_CLASSES = ['digits', 'lowercase', 'uppercase', 'symbols'] as const;
export const INITIAL_PIN_MODES = ['random', 'admin-chosen'] as const;
export const DELIVERY_MODES = ['displayed', 'disguised', 'not-displayed'] as const;
export const RESIDENT_KEY_MODES = ['required', 'preferred', 'discouraged'] as const;
export const CRED_PROTECT_LEVELS = ['1', '2', '3'] as const;
export const CERTIFICATION_LEVELS = [
  'FIDO_CERTIFIED_L1',
  'FIDO_CERTIFIED_L1plus',
  'FIDO_CERTIFIED_L2',
  'FIDO_CERTIFIED_L2plus',
  'FIDO_CERTIFIED_L3',
  'FIDO_CERTIFIED_L3plus',
] as const;
/** A tri-state key option: leave the key as it is, or set it on or off. */
export type TriState = 'unchanged' | 'on' | 'off';

/** Form field names are the policy's own dot paths, so server issues land on their field. */
export interface PolicyFormValues {
  name: string;
  description: string;
  idpId: string;
  pin: {
    minLength: string;
    generatedLength: string;
    characterClasses: Record<(typeof CHARACTER_CLASSES)[number], boolean>;
    requireEachClass: boolean;
    forbidSequences: boolean;
    forbidRepeats: boolean;
    initialPin: NonNullable<Pin['initialPin']>;
    delivery: NonNullable<Pin['delivery']>;
    changeAtIssuance: boolean;
  };
  key: {
    minPinLength: string;
    /** One RP ID per line. */
    minPinLengthRpIds: string;
    alwaysUv: TriState;
    enterpriseAttestation: boolean;
    credProtect: '' | (typeof CRED_PROTECT_LEVELS)[number];
    residentKey: (typeof RESIDENT_KEY_MODES)[number];
  };
  authenticators: {
    /** One AAGUID per line. */
    allowedAaguids: string;
    blockedAaguids: string;
    requiredCertification: '' | (typeof CERTIFICATION_LEVELS)[number];
    requireMetadata: boolean;
  };
  adminPin: { enabled: boolean; length: string };
}

/** The service's defaults (contracts domains/policy.ts), as a new policy's form starts. */
export const NEW_POLICY: PolicyFormValues = {
  name: '',
  description: '',
  idpId: '',
  pin: {
    minLength: '6',
    generatedLength: '8',
    characterClasses: { digits: true, lowercase: false, uppercase: false, symbols: false },
    requireEachClass: false,
    forbidSequences: true,
    forbidRepeats: true,
    initialPin: 'random',
    delivery: 'disguised',
    changeAtIssuance: false,
  },
  key: {
    minPinLength: '',
    minPinLengthRpIds: '',
    alwaysUv: 'unchanged',
    enterpriseAttestation: false,
    credProtect: '',
    residentKey: 'preferred',
  },
  authenticators: {
    allowedAaguids: '',
    blockedAaguids: '',
    requiredCertification: '',
    requireMetadata: false,
  },
  adminPin: { enabled: false, length: '12' },
};

const lines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** A number field: empty stays absent; anything else goes as typed (the service says if not). */
const num = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function toFormValues(policy: Policy): PolicyFormValues {
  const classes = new Set(policy.pin.characterClasses ?? ['digits']);
  const key = policy.key ?? {};
  const auth = policy.authenticators ?? {};
  return {
    name: policy.name,
    description: policy.description ?? '',
    idpId: policy.idpId ?? '',
    pin: {
      minLength: String(policy.pin.minLength),
      generatedLength: String(policy.pin.generatedLength ?? 8),
      characterClasses: Object.fromEntries(
        CHARACTER_CLASSES.map((c) => [c, classes.has(c)]),
      ) as PolicyFormValues['pin']['characterClasses'],
      requireEachClass: policy.pin.requireEachClass ?? false,
      forbidSequences: policy.pin.forbidSequences ?? true,
      forbidRepeats: policy.pin.forbidRepeats ?? true,
      initialPin: policy.pin.initialPin ?? 'random',
      delivery: policy.pin.delivery ?? 'disguised',
      changeAtIssuance: policy.pin.changeAtIssuance ?? false,
    },
    key: {
      minPinLength: key.minPinLength === undefined ? '' : String(key.minPinLength),
      minPinLengthRpIds: (key.minPinLengthRpIds ?? []).join('\n'),
      alwaysUv: key.alwaysUv === undefined ? 'unchanged' : key.alwaysUv ? 'on' : 'off',
      enterpriseAttestation: key.enterpriseAttestation ?? false,
      credProtect: key.credProtect === undefined ? '' : (String(key.credProtect) as '1'),
      residentKey: key.residentKey ?? 'preferred',
    },
    authenticators: {
      allowedAaguids: (auth.allowedAaguids ?? []).join('\n'),
      blockedAaguids: (auth.blockedAaguids ?? []).join('\n'),
      requiredCertification: auth.requiredCertification ?? '',
      requireMetadata: auth.requireMetadata ?? false,
    },
    adminPin: {
      enabled: policy.adminPin?.enabled ?? false,
      length: String(policy.adminPin?.length ?? 12),
    },
  };
}

export function toPolicyInput(v: PolicyFormValues): PolicyInput {
  return {
    name: v.name,
    description: v.description,
    ...optional('idpId', v.idpId.trim() || undefined),
    pin: {
      minLength: num(v.pin.minLength) as number,
      ...optional('generatedLength', num(v.pin.generatedLength)),
      characterClasses: CHARACTER_CLASSES.filter((c) => v.pin.characterClasses[c]),
      requireEachClass: v.pin.requireEachClass,
      forbidSequences: v.pin.forbidSequences,
      forbidRepeats: v.pin.forbidRepeats,
      initialPin: v.pin.initialPin,
      delivery: v.pin.delivery,
      changeAtIssuance: v.pin.changeAtIssuance,
    },
    key: {
      ...optional('minPinLength', num(v.key.minPinLength)),
      minPinLengthRpIds: lines(v.key.minPinLengthRpIds),
      ...optional('alwaysUv', v.key.alwaysUv === 'unchanged' ? undefined : v.key.alwaysUv === 'on'),
      enterpriseAttestation: v.key.enterpriseAttestation,
      ...optional('credProtect', v.key.credProtect ? (Number(v.key.credProtect) as 1) : undefined),
      residentKey: v.key.residentKey,
    },
    authenticators: {
      allowedAaguids: lines(v.authenticators.allowedAaguids),
      blockedAaguids: lines(v.authenticators.blockedAaguids),
      ...optional('requiredCertification', v.authenticators.requiredCertification || undefined),
      requireMetadata: v.authenticators.requireMetadata,
    },
    adminPin: { enabled: v.adminPin.enabled, ...optional('length', num(v.adminPin.length)) },
  };
}

/** Fields the form has, for mapping a server issue's path onto one. */
export const FORM_FIELDS = new Set([
  'name',
  'description',
  'idpId',
  'pin.minLength',
  'pin.generatedLength',
  'pin.characterClasses',
  'pin.requireEachClass',
  'pin.forbidSequences',
  'pin.forbidRepeats',
  'pin.initialPin',
  'pin.delivery',
  'pin.changeAtIssuance',
  'key.minPinLength',
  'key.minPinLengthRpIds',
  'key.alwaysUv',
  'key.enterpriseAttestation',
  'key.credProtect',
  'key.residentKey',
  'authenticators.allowedAaguids',
  'authenticators.blockedAaguids',
  'authenticators.requiredCertification',
  'authenticators.requireMetadata',
  'adminPin.enabled',
  'adminPin.length',
]);

/**
 * A server issue path ("body.authenticators.allowedAaguids[1]" from schema checks,
 * "authenticators.allowedAaguids.1" from contradiction checks) → the form field it names.
 */
export function fieldOfIssue(path: string): string | undefined {
  const field = path
    .replace(/^body\.?/, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\.\d+(?=\.|$)/g, '');
  return FORM_FIELDS.has(field) ? field : undefined;
}
