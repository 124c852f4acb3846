import { Button, InputGroup, InputGroupItem, TextInput } from '@patternfly/react-core';
import EyeIcon from '@patternfly/react-icons/dist/esm/icons/eye-icon';
import EyeSlashIcon from '@patternfly/react-icons/dist/esm/icons/eye-slash-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A PIN shown masked, with a show/hide toggle; read-only. */
export function SecretField(props: { id: string; label: string; value: string }) {
  const { t } = useTranslation('devices');
  const [shown, setShown] = useState(false);
  return (
    <InputGroup>
      <InputGroupItem isFill>
        <TextInput
          id={props.id}
          aria-label={props.label}
          type={shown ? 'text' : 'password'}
          value={props.value}
          readOnlyVariant="default"
          autoComplete="off"
        />
      </InputGroupItem>
      <InputGroupItem>
        <Button
          variant="control"
          onClick={() => setShown(!shown)}
          aria-label={
            shown ? t('pin.hide', { label: props.label }) : t('pin.show', { label: props.label })
          }
          aria-pressed={shown}
          icon={shown ? <EyeSlashIcon /> : <EyeIcon />}
        />
      </InputGroupItem>
    </InputGroup>
  );
}
