import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  SearchInput,
  Spinner,
  Stack,
  StackItem,
  Switch,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../../api/errors.ts';
import type { DeviceView } from '../../api/types.ts';
import { detailsOf } from '../deviceActions.ts';
import { isFinished, useSession } from '../useSession.ts';
import { PolicyPicker, usePolicies } from './PolicyPicker.tsx';
import { ReportDownload } from './ReportDownload.tsx';
import { useDirectoryIdps, useUserSearch } from './useDirectory.ts';

export interface AssignUser {
  id: string;
  displayName?: string | undefined;
  email?: string | undefined;
}

const userLabel = (u: AssignUser) =>
  u.displayName ? `${u.displayName}${u.email ? ` <${u.email}>` : ''}` : (u.email ?? u.id);

/**
 * Assign a key to a user (optionally configuring it first): choose the IdP and the user →
 * review (with the e-mail notification toggle) → "touch your key" while the key waits for
 * presence → "Enrollment successful" and the enrollment report.
 */
export function AssignDialog(props: {
  device: DeviceView;
  /** Configure first: with a chosen policy, or the linked one of a READY key. */
  configure?: boolean;
  /** Fixed user and IdP (assignment by URL): the dialog starts at the review. */
  user?: AssignUser;
  idpId?: string;
  onClose(): void;
  /** The success step's button (assignment by URL: back to FIDO Keys); default Close. */
  onDone?(): void;
  /** Shown on the success step instead of Close (assignment by URL: back to FIDO Keys). */
  doneLabel?: string;
}) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const { device } = props;
  const needsPolicy = props.configure === true && device.status !== 'READY';
  const idps = useDirectoryIdps();
  const policies = usePolicies();
  const [idpId, setIdpId] = useState(props.idpId ?? '');
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [user, setUser] = useState<AssignUser | undefined>(props.user);
  const [policyId, setPolicyId] = useState('');
  const [notifyUser, setNotifyUser] = useState(true);
  // Assignment by URL names the user: only a NOT CONFIGURED key still needs its policy chosen.
  const userGiven = props.user !== undefined;
  const [step, setStep] = useState<'user' | 'review' | 'run'>(
    userGiven && !needsPolicy ? 'review' : 'user',
  );

  useEffect(() => {
    if (!idpId && idps.data?.[0]) setIdpId(idps.data[0].id);
  }, [idpId, idps.data]);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const idp = idps.data?.find((i) => i.id === idpId);
  const exactOnly = idp?.userSearch === 'exact-id';
  const users = useUserSearch(idpId, debounced);

  const start = useMutation({
    mutationFn: async () => {
      const body = {
        user: user!.id,
        ...(idpId ? { idpId } : {}),
        notifyUser,
      };
      const path = { id: device.id };
      return props.configure
        ? unwrap(
            await api.gateway.POST('/devices/{id}/configure-and-assign', {
              params: { path },
              body: { ...body, ...(needsPolicy ? { policyId } : {}) },
            }),
          )
        : unwrap(await api.gateway.POST('/devices/{id}/assign', { params: { path }, body }));
    },
    onSuccess: () => setStep('run'),
  });
  const sessionId = start.data?.sessionId;
  const progress = useSession(sessionId);
  const run = progress.keys[device.serial];
  const done = isFinished(run);
  const policyName =
    policies.data?.find((p) => p.id === policyId)?.name ??
    detailsOf(device).policy?.name ??
    undefined;

  return (
    <Modal isOpen onClose={props.onClose} variant="medium" aria-labelledby="assign-title">
      <ModalHeader
        title={props.configure ? t('assign.titleConfigure') : t('assign.title')}
        labelId="assign-title"
        description={t('deviceLine', { name: device.name, serial: device.serial })}
      />
      <ModalBody>
        {step === 'user' && (
          <Form
            id="assign-user-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (user) setStep('review');
            }}
          >
            {!userGiven && (
              <>
                <FormGroup label={t('assign.idp')} isRequired fieldId="assign-idp">
                  <FormSelect
                    id="assign-idp"
                    value={idpId}
                    onChange={(_e, v) => {
                      setIdpId(v);
                      setUser(undefined);
                    }}
                    isDisabled={!idps.isSuccess}
                  >
                    {(idps.data ?? []).map((i) => (
                      <FormSelectOption
                        key={i.id}
                        value={i.id}
                        label={i.isDefault ? t('assign.idpDefault', { name: i.name }) : i.name}
                      />
                    ))}
                  </FormSelect>
                </FormGroup>
                {idps.isError && (
                  <Alert isInline variant="danger" title={errorMessage(idps.error)} />
                )}
                {idps.isSuccess && idps.data.length === 0 && (
                  <Alert isInline variant="warning" title={t('assign.noIdp')} />
                )}
              </>
            )}
            {needsPolicy && <PolicyPicker value={policyId} onChange={setPolicyId} />}
            {!userGiven && (
              <>
                <FormGroup label={t('assign.user')} isRequired fieldId="assign-search">
                  <SearchInput
                    id="assign-search"
                    aria-label={exactOnly ? t('assign.searchExact') : t('assign.search')}
                    placeholder={exactOnly ? t('assign.searchExact') : t('assign.search')}
                    value={query}
                    onChange={(_e, v) => setQuery(v)}
                    onClear={() => setQuery('')}
                  />
                </FormGroup>
                {users.isFetching && <Spinner size="md" aria-label={t('assign.searching')} />}
                {users.isError && (
                  <Alert isInline variant="danger" title={errorMessage(users.error)} />
                )}
                {users.isSuccess && debounced && users.data.length === 0 && (
                  <Alert
                    isInline
                    isPlain
                    variant="info"
                    title={t('assign.noUsers', { query: debounced })}
                  />
                )}
                {users.isSuccess && users.data.length > 0 && (
                  <FormGroup
                    role="radiogroup"
                    isStack
                    fieldId="assign-results"
                    label={t('assign.results')}
                  >
                    {users.data.map((u) => (
                      <Radio
                        key={u.id}
                        id={`user-${u.id}`}
                        name="assign-user"
                        label={userLabel(u)}
                        isChecked={user?.id === u.id}
                        onChange={() => setUser(u)}
                      />
                    ))}
                  </FormGroup>
                )}
              </>
            )}
          </Form>
        )}
        {step === 'review' && (
          <Stack hasGutter>
            <StackItem>
              <DescriptionList isHorizontal aria-label={t('assign.review')}>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('field.serial')}</DescriptionListTerm>
                  <DescriptionListDescription>{device.serial}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('field.user')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {user ? userLabel(user) : ''}
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('field.idp')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {idp?.name ?? t('assign.defaultIdp')}
                  </DescriptionListDescription>
                </DescriptionListGroup>
                {props.configure && (
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t('field.policy')}</DescriptionListTerm>
                    <DescriptionListDescription>
                      {policyName ?? t('assign.linkedPolicy')}
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                )}
              </DescriptionList>
            </StackItem>
            <StackItem>
              <Switch
                id="assign-notify"
                label={t('assign.notify')}
                isChecked={notifyUser}
                onChange={(_e, v) => setNotifyUser(v)}
              />
            </StackItem>
            {start.isError && (
              <StackItem>
                <Alert isInline variant="danger" title={errorMessage(start.error)} />
              </StackItem>
            )}
          </Stack>
        )}
        {step === 'run' && (
          <Stack hasGutter>
            {!done && run?.state === 'waiting-for-touch' && (
              <StackItem>
                <Alert isInline variant="info" title={t('assign.touch')} role="alert">
                  {t('assign.touchBody', { serial: device.serial })}
                </Alert>
              </StackItem>
            )}
            {!done && run?.state !== 'waiting-for-touch' && (
              <StackItem>
                <Spinner size="lg" aria-label={t('assign.working')} /> {t('assign.working')}
              </StackItem>
            )}
            {run?.state === 'succeeded' && (
              <StackItem>
                <Alert isInline variant="success" title={t('assign.success')}>
                  {t('assign.successBody', {
                    user: user ? userLabel(user) : '',
                    serial: device.serial,
                  })}
                </Alert>
              </StackItem>
            )}
            {done && run?.state !== 'succeeded' && (
              <StackItem>
                <Alert isInline variant="danger" title={t('assign.failed')}>
                  {(run?.error as { message?: string } | undefined)?.message}
                </Alert>
              </StackItem>
            )}
            {progress.lost && (
              <StackItem>
                <Alert isInline variant="warning" title={t('progress.lost')} />
              </StackItem>
            )}
            {run?.state === 'succeeded' && sessionId && (
              <StackItem>
                <ReportDownload sessionId={sessionId} />
              </StackItem>
            )}
          </Stack>
        )}
      </ModalBody>
      <ModalFooter>
        {step === 'user' && (
          <Button
            variant="primary"
            type="submit"
            form="assign-user-form"
            isDisabled={!user || (needsPolicy && !policyId)}
          >
            {t('next')}
          </Button>
        )}
        {step === 'review' && (
          <>
            <Button
              variant="primary"
              onClick={() => start.mutate()}
              isLoading={start.isPending}
              isDisabled={start.isPending}
            >
              {props.configure ? t('assign.startConfigure') : t('assign.start')}
            </Button>
            {(!userGiven || needsPolicy) && (
              <Button variant="secondary" onClick={() => setStep('user')}>
                {t('back')}
              </Button>
            )}
          </>
        )}
        {step === 'run' && done && run?.state !== 'succeeded' && (
          <Button
            variant="primary"
            onClick={() => {
              start.reset();
              setStep('review');
            }}
          >
            {t('retry')}
          </Button>
        )}
        <Button
          variant={step === 'run' && done ? 'primary' : 'link'}
          onClick={
            step === 'run' && run?.state === 'succeeded' && props.onDone
              ? props.onDone
              : props.onClose
          }
        >
          {step === 'run' && done ? (props.doneLabel ?? t('close')) : t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
