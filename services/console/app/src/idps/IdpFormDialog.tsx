import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors.ts';
import {
  FIELDS,
  type FieldSpec,
  initialValues,
  isSecret,
  PINGONE_REGIONS,
  toRequest,
} from './fields.ts';
import { SecretField } from './SecretField.tsx';
import { type CreateIdpBody, type IdpType, type IdpView, useIdpWrites } from './useIdps.ts';

export interface IdpFormDialogProps {
  type: IdpType;
  /** The connection being edited (its `version` guards the save), or none to create one. */
  existing?: IdpView | undefined;
  onClose(): void;
}

/** The sentence for a failed save: a stale edit (409 with both versions) says so. */
function useSaveError(error: unknown): string | undefined {
  const { t } = useTranslation('idps');
  if (!error) return undefined;
  const d = error instanceof ApiError ? error.details : undefined;
  if (error instanceof ApiError && error.status === 409 && d && 'currentVersion' in d) {
    return t('stale', { current: String(d.currentVersion), expected: String(d.expectedVersion) });
  }
  return errorMessage(error);
}

/** Create or edit one connection with exactly its provider's fields; saves with the version read. */
export function IdpFormDialog(props: IdpFormDialogProps) {
  const { t } = useTranslation('idps');
  const { type, existing } = props;
  const [values, setValues] = useState(() => initialValues(type, existing));
  const writes = useIdpWrites();
  const save = existing ? writes.update : writes.create;
  const set = (name: string) => (v: string) => setValues((old) => ({ ...old, [name]: v }));
  const busy = save.isPending;
  const saveError = useSaveError(save.error);
  const submit = () => {
    const { name, settings, secrets } = toRequest(type, values, existing);
    const body = { name, settings, secrets } as CreateIdpBody;
    const done = { onSuccess: props.onClose };
    if (existing) {
      writes.update.mutate(
        { id: existing.id, body: { ...body, expectedVersion: existing.version } },
        done,
      );
    } else writes.create.mutate(body, done);
  };
  const field = (spec: FieldSpec) => {
    const id = `idp-${spec.name}`;
    const label = t(`field.${spec.label}` as 'field.clientId');
    if (isSecret(spec)) {
      return (
        <SecretField
          key={spec.name}
          spec={spec}
          isSet={existing?.secretsSet.includes(spec.name) ?? false}
          value={values[spec.name] ?? ''}
          disabled={busy}
          onChange={set(spec.name)}
        />
      );
    }
    if (spec.kind === 'region') {
      return (
        <FormGroup key={spec.name} label={label} fieldId={id}>
          <FormSelect id={id} value={values.region} onChange={(_e, v) => set('region')(v)}>
            {Object.keys(PINGONE_REGIONS).map((r) => (
              <FormSelectOption key={r} value={r} label={t(`region.${r}` as 'region.NA')} />
            ))}
          </FormSelect>
        </FormGroup>
      );
    }
    return (
      <FormGroup key={spec.name} label={label} fieldId={id} isRequired>
        <TextInput
          id={id}
          type={spec.kind === 'url' ? 'url' : 'text'}
          value={values[spec.name] ?? ''}
          onChange={(_e, v) => set(spec.name)(v)}
          isDisabled={busy}
          isRequired
        />
      </FormGroup>
    );
  };
  const title = existing
    ? t('editTitle', { name: existing.name })
    : t('createTitle', { type: t(`type.${type}`) });
  return (
    <Modal isOpen onClose={props.onClose} variant="medium" aria-labelledby="idp-form-title">
      <ModalHeader title={title} labelId="idp-form-title" />
      <ModalBody>
        <Form
          id="idp-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <FormGroup label={t('field.name')} fieldId="idp-name" isRequired>
            <TextInput
              id="idp-name"
              value={values.name ?? ''}
              onChange={(_e, v) => set('name')(v)}
              isDisabled={busy}
              isRequired
            />
          </FormGroup>
          {FIELDS[type].map(field)}
          {saveError && (
            <Alert isInline variant="danger" title={t('saveFailed')}>
              {saveError}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="idp-form" isLoading={busy} isDisabled={busy}>
          {busy ? t('saving') : t('save')}
        </Button>
        <Button variant="link" onClick={props.onClose}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
