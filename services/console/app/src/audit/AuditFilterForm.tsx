import {
  ActionGroup,
  Button,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  TextInput,
} from '@patternfly/react-core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from './routes.ts';

/** ISO date-time → the value of a `datetime-local` input in the browser's time zone. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value (the browser's time zone) → ISO date-time, or undefined when empty. */
function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

type Draft = Record<'type' | 'actor' | 'serial' | 'from' | 'to', string>;

function draftOf(filters: AuditFilters): Draft {
  return {
    type: filters.type ?? '',
    actor: filters.actor ?? '',
    serial: filters.serial ?? '',
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
  };
}

export interface AuditFilterFormProps {
  filters: AuditFilters;
  onApply(filters: AuditFilters): void;
}

/**
 * Type, actor, serial and time range; applied on submit (Enter in any field) so the URL changes
 * once per search, not per keystroke. Re-mount it (key) when the URL's filters change.
 */
export function AuditFilterForm(props: AuditFilterFormProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.filters));
  const set = (key: keyof Draft) => (_event: unknown, value: string) =>
    setDraft({ ...draft, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({
      type: draft.type.trim() || undefined,
      actor: draft.actor.trim() || undefined,
      serial: draft.serial.trim() || undefined,
      from: fromLocalInput(draft.from),
      to: fromLocalInput(draft.to),
    });
  };
  const field = (key: keyof Draft, type: 'text' | 'datetime-local', placeholder?: string) => (
    <FlexItem>
      <FormGroup label={t(`filter.${key}`)} fieldId={`audit-filter-${key}`}>
        <TextInput
          id={`audit-filter-${key}`}
          name={key}
          type={type}
          value={draft[key]}
          onChange={set(key)}
          {...(placeholder ? { placeholder } : {})}
        />
      </FormGroup>
    </FlexItem>
  );
  return (
    <Form onSubmit={submit} aria-label={t('filter.label')}>
      <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
        {field('type', 'text', t('filter.typePlaceholder'))}
        {field('actor', 'text', t('filter.actorPlaceholder'))}
        {field('serial', 'text')}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
      </Flex>
      <ActionGroup>
        <Button type="submit" variant="primary">
          {t('filter.apply')}
        </Button>
        <Button variant="link" onClick={() => props.onApply({})}>
          {t('filter.clear')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
