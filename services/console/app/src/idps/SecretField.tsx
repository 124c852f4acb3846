import { Button, FormGroup, TextArea, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from './fields.ts';

export interface SecretFieldProps {
  spec: FieldSpec;
  /** The service says a value is saved (`secretsSet`): show "set — replace", never the value. */
  isSet: boolean;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
}

/**
 * A write-only secret. A saved one is only named as set; Replace opens an empty input. A PEM can
 * be pasted or read from a file: the file is read in the page, never uploaded on its own or kept.
 */
export function SecretField(props: SecretFieldProps) {
  const { t } = useTranslation('idps');
  const [replacing, setReplacing] = useState(!props.isSet);
  const id = `idp-${props.spec.name}`;
  const label = t(`field.${props.spec.label}` as 'field.clientSecret');
  if (!replacing) {
    return (
      <FormGroup label={label} fieldId={id}>
        <Button id={id} variant="link" isInline onClick={() => setReplacing(true)}>
          {t('secretSet')}
        </Button>
      </FormGroup>
    );
  }
  const readFile = async (file: File | undefined) => {
    if (file) props.onChange(await file.text());
  };
  return (
    <FormGroup label={label} fieldId={id} isRequired={!props.isSet}>
      {props.spec.kind === 'pem' ? (
        <>
          <TextArea
            id={id}
            value={props.value}
            onChange={(_e, v) => props.onChange(v)}
            isDisabled={props.disabled}
            isRequired={!props.isSet}
            autoComplete="off"
            spellCheck={false}
            rows={6}
            resizeOrientation="vertical"
          />
          <label htmlFor={`${id}-file`}>{t('pemFile')}</label>{' '}
          <input
            id={`${id}-file`}
            type="file"
            accept=".pem,.key,application/x-pem-file"
            disabled={props.disabled}
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </>
      ) : (
        <TextInput
          id={id}
          type="password"
          value={props.value}
          onChange={(_e, v) => props.onChange(v)}
          isDisabled={props.disabled}
          isRequired={!props.isSet}
          autoComplete="new-password"
        />
      )}
      {props.isSet && (
        <Button
          variant="link"
          isInline
          onClick={() => {
            props.onChange('');
            setReplacing(false);
          }}
        >
          {t('secretKeep')}
        </Button>
      )}
    </FormGroup>
  );
}
