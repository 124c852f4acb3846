import {
  Checkbox,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { Controller, get, useFormContext } from 'react-hook-form';
import type { PolicyFormValues } from './formModel.ts';

// Thin typed controls over react-hook-form: each shows the error the service gave its field.

type Name = Parameters<ReturnType<typeof useFormContext<PolicyFormValues>>['register']>[0];

const idOf = (name: string) => `policy-${name.replaceAll('.', '-')}`;

function Help(props: { id: string; help?: string | undefined; error?: string | undefined }) {
  if (!props.help && !props.error) return null;
  return (
    <FormHelperText>
      <HelperText id={`${props.id}-help`}>
        {props.error ? (
          <HelperTextItem variant="error">{props.error}</HelperTextItem>
        ) : (
          <HelperTextItem>{props.help}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext<PolicyFormValues>();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

export function TextField(props: {
  name: Name;
  label: string;
  help?: string;
  type?: 'text' | 'number';
  multiline?: boolean;
  isRequired?: boolean;
}) {
  const { control } = useFormContext<PolicyFormValues>();
  const error = useFieldError(props.name);
  const id = idOf(props.name);
  const described = props.help || error ? `${id}-help` : undefined;
  return (
    <FormGroup label={props.label} fieldId={id} isRequired={props.isRequired}>
      <Controller
        control={control}
        name={props.name}
        render={({ field }) => {
          const common = {
            id,
            name: field.name,
            value: String(field.value ?? ''),
            onBlur: field.onBlur,
            validated: error ? ('error' as const) : ('default' as const),
            'aria-describedby': described,
            'aria-invalid': error ? true : undefined,
            isRequired: props.isRequired,
          };
          return props.multiline ? (
            <TextArea
              {...common}
              onChange={(_e, v) => field.onChange(v)}
              resizeOrientation="vertical"
            />
          ) : (
            <TextInput
              {...common}
              type={props.type ?? 'text'}
              onChange={(_e, v) => field.onChange(v)}
            />
          );
        }}
      />
      <Help id={id} help={props.help} error={error} />
    </FormGroup>
  );
}

export function CheckboxField(props: { name: Name; label: string }) {
  const { control } = useFormContext<PolicyFormValues>();
  const error = useFieldError(props.name);
  const id = idOf(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => (
        <Checkbox
          id={id}
          name={field.name}
          label={props.label}
          isChecked={Boolean(field.value)}
          onChange={(_e, checked) => field.onChange(checked)}
          body={error ? <Help id={id} error={error} /> : undefined}
          aria-describedby={error ? `${id}-help` : undefined}
        />
      )}
    />
  );
}

export function SelectField(props: {
  name: Name;
  label: string;
  options: readonly { value: string; label: string }[];
  help?: string;
}) {
  const { control } = useFormContext<PolicyFormValues>();
  const error = useFieldError(props.name);
  const id = idOf(props.name);
  return (
    <FormGroup label={props.label} fieldId={id}>
      <Controller
        control={control}
        name={props.name}
        render={({ field }) => (
          <FormSelect
            id={id}
            name={field.name}
            value={String(field.value ?? '')}
            onChange={(_e, v) => field.onChange(v)}
            validated={error ? 'error' : 'default'}
            aria-describedby={props.help || error ? `${id}-help` : undefined}
          >
            {props.options.map((o) => (
              <FormSelectOption key={o.value} value={o.value} label={o.label} />
            ))}
          </FormSelect>
        )}
      />
      <Help id={id} help={props.help} error={error} />
    </FormGroup>
  );
}

/** An error for a group of controls (e.g. the character classes) shown under the group. */
export function GroupError(props: { name: string }) {
  const error = useFieldError(props.name);
  return error ? <Help id={idOf(props.name)} error={error} /> : null;
}
