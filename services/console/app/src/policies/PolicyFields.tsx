import { FormGroup, FormSection } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { CheckboxField, GroupError, SelectField, TextField } from './fields.tsx';
import {
  CERTIFICATION_LEVELS,
  CHARACTER_CLASSES,
  CRED_PROTECT_LEVELS,
  DELIVERY_MODES,
  INITIAL_PIN_MODES,
  RESIDENT_KEY_MODES,
} from './formModel.ts';

/** Every option of a policy, in the sections an administrator thinks in. */
export function PolicyFields() {
  const { t } = useTranslation('policies');
  // Keys built from the option values listed in formModel.ts, all present in en.ts.
  const f = (key: string) => t(`field.${key}` as 'field.name');
  return (
    <>
      <FormSection title={t('section.general')} titleElement="h2">
        <TextField name="name" label={f('name')} isRequired />
        <TextField name="description" label={f('description')} multiline />
        <TextField name="idpId" label={f('idpId')} />
      </FormSection>
      <FormSection title={t('section.pin')} titleElement="h2">
        <TextField name="pin.minLength" label={f('minLength')} type="number" isRequired />
        <TextField name="pin.generatedLength" label={f('generatedLength')} type="number" />
        <FormGroup role="group" label={f('characterClasses')} fieldId="policy-pin-characterClasses">
          {CHARACTER_CLASSES.map((c) => (
            <CheckboxField key={c} name={`pin.characterClasses.${c}`} label={f(`class.${c}`)} />
          ))}
          <GroupError name="pin.characterClasses" />
        </FormGroup>
        <CheckboxField name="pin.requireEachClass" label={f('requireEachClass')} />
        <CheckboxField name="pin.forbidSequences" label={f('forbidSequences')} />
        <CheckboxField name="pin.forbidRepeats" label={f('forbidRepeats')} />
      </FormSection>
      <FormSection title={t('section.initial')} titleElement="h2">
        <SelectField
          name="pin.initialPin"
          label={f('initialPin')}
          options={INITIAL_PIN_MODES.map((m) => ({ value: m, label: f(`initialPinMode.${m}`) }))}
        />
        <SelectField
          name="pin.delivery"
          label={f('delivery')}
          options={DELIVERY_MODES.map((m) => ({ value: m, label: f(`deliveryMode.${m}`) }))}
        />
        <CheckboxField name="pin.changeAtIssuance" label={f('changeAtIssuance')} />
      </FormSection>
      <FormSection title={t('section.key')} titleElement="h2">
        <TextField
          name="key.minPinLength"
          label={f('minPinLength')}
          help={f('minPinLengthHelp')}
          type="number"
        />
        <TextField
          name="key.minPinLengthRpIds"
          label={f('minPinLengthRpIds')}
          help={f('listHelp')}
          multiline
        />
        <SelectField
          name="key.alwaysUv"
          label={f('alwaysUv')}
          options={(['unchanged', 'on', 'off'] as const).map((v) => ({
            value: v,
            label: f(`triState.${v}`),
          }))}
        />
        <CheckboxField name="key.enterpriseAttestation" label={f('enterpriseAttestation')} />
        <SelectField
          name="key.credProtect"
          label={f('credProtect')}
          options={[
            { value: '', label: f('credProtectLevel.none') },
            ...CRED_PROTECT_LEVELS.map((l) => ({ value: l, label: f(`credProtectLevel.${l}`) })),
          ]}
        />
        <SelectField
          name="key.residentKey"
          label={f('residentKey')}
          options={RESIDENT_KEY_MODES.map((m) => ({ value: m, label: f(`residentKeyMode.${m}`) }))}
        />
      </FormSection>
      <FormSection title={t('section.authenticators')} titleElement="h2">
        <TextField
          name="authenticators.allowedAaguids"
          label={f('allowedAaguids')}
          help={f('allowedHelp')}
          multiline
        />
        <TextField
          name="authenticators.blockedAaguids"
          label={f('blockedAaguids')}
          help={f('listHelp')}
          multiline
        />
        <SelectField
          name="authenticators.requiredCertification"
          label={f('requiredCertification')}
          options={[
            { value: '', label: f('anyCertification') },
            ...CERTIFICATION_LEVELS.map((l) => ({ value: l, label: l.replaceAll('_', ' ') })),
          ]}
        />
        <CheckboxField name="authenticators.requireMetadata" label={f('requireMetadata')} />
      </FormSection>
      <FormSection title={t('section.adminPin')} titleElement="h2">
        <CheckboxField name="adminPin.enabled" label={f('adminPinEnabled')} />
        <TextField name="adminPin.length" label={f('adminPinLength')} type="number" />
      </FormSection>
    </>
  );
}
