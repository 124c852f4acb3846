import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';

export function usePolicies() {
  const api = useApi();
  return useQuery({
    queryKey: ['policy', 'policies'],
    queryFn: async ({ signal }) => unwrap(await api.policy.GET('/policies', { signal })).policies,
  });
}

/** A policy select, with loading and error states said in its helper text. */
export function PolicyPicker(props: { value: string; onChange(policyId: string): void }) {
  const { t } = useTranslation('devices');
  const policies = usePolicies();
  return (
    <FormGroup label={t('policy.label')} isRequired fieldId="policy-picker">
      <FormSelect
        id="policy-picker"
        value={props.value}
        onChange={(_e, v) => props.onChange(v)}
        isDisabled={!policies.isSuccess}
        aria-describedby="policy-picker-helper"
      >
        <FormSelectOption value="" label={t('policy.choose')} isPlaceholder />
        {(policies.data ?? []).map((p) => (
          <FormSelectOption key={p.id} value={p.id} label={p.name} />
        ))}
      </FormSelect>
      <FormHelperText>
        <HelperText id="policy-picker-helper">
          <HelperTextItem variant={policies.isError ? 'error' : 'default'}>
            {policies.isPending
              ? t('policy.loading')
              : policies.isError
                ? errorMessage(policies.error)
                : policies.data.length === 0
                  ? t('policy.none')
                  : t('policy.help')}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
