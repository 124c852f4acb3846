import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, unwrap } from '../api/errors.ts';

/** What a user reads out: hex, perhaps grouped with spaces or dashes. */
const normalizeChallenge = (text: string) => text.replace(/[\s-]/g, '').toLowerCase();
const isChallenge = (text: string) => /^[0-9a-f]{32}$/.test(text);

/** Groups of four, easier to read back over the phone. */
const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;

/**
 * Help-desk remote unlock: the administrator types the key's serial and the challenge the user
 * reads out, and gets the response to read back (policy POST /devices/{serial}/unlock-response,
 * device:unlock, audited naming the caller). The response stays in this dialog's state only.
 */
export function RemoteUnlockDialog(props: { serial?: string; onClose(): void }) {
  const { t } = useTranslation('inventory');
  const api = useApi();
  const [serial, setSerial] = useState(props.serial ?? '');
  const [challenge, setChallenge] = useState('');
  const normalized = normalizeChallenge(challenge);
  const challengeOk = isChallenge(normalized);
  const issue = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.policy.POST('/devices/{serial}/unlock-response', {
          params: { path: { serial: serial.trim() } },
          body: { challenge: normalized },
          cache: 'no-store',
        }),
      ),
  });
  const response = issue.data?.response;
  return (
    <Modal isOpen onClose={props.onClose} variant="small" aria-labelledby="remote-unlock-title">
      <ModalHeader
        title={t('remoteUnlock.title')}
        labelId="remote-unlock-title"
        description={t('remoteUnlock.intro')}
      />
      <ModalBody>
        <Form
          id="remote-unlock-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (challengeOk && serial.trim()) issue.mutate();
          }}
        >
          <FormGroup label={t('remoteUnlock.serial')} isRequired fieldId="remote-unlock-serial">
            <TextInput
              id="remote-unlock-serial"
              value={serial}
              isRequired
              autoComplete="off"
              isDisabled={issue.isPending}
              onChange={(_e, v) => {
                setSerial(v);
                issue.reset();
              }}
            />
          </FormGroup>
          <FormGroup
            label={t('remoteUnlock.challenge')}
            isRequired
            fieldId="remote-unlock-challenge"
          >
            <TextInput
              id="remote-unlock-challenge"
              value={challenge}
              isRequired
              autoComplete="off"
              spellCheck={false}
              isDisabled={issue.isPending}
              validated={challenge && !challengeOk ? 'error' : 'default'}
              onChange={(_e, v) => {
                setChallenge(v);
                issue.reset();
              }}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={challenge && !challengeOk ? 'error' : 'default'}>
                  {challenge && !challengeOk
                    ? t('remoteUnlock.challengeInvalid')
                    : t('remoteUnlock.challengeHelp')}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {response && (
            <FormGroup label={t('remoteUnlock.response')} fieldId="remote-unlock-response">
              <TextInput
                id="remote-unlock-response"
                value={grouped(response)}
                readOnlyVariant="default"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('remoteUnlock.responseHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
          )}
          {issue.isError && (
            <Alert isInline variant="danger" title={t('remoteUnlock.failed')}>
              {errorMessage(issue.error)}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        {!response && (
          <Button
            variant="primary"
            type="submit"
            form="remote-unlock-form"
            isLoading={issue.isPending}
            isDisabled={issue.isPending || !challengeOk || !serial.trim()}
          >
            {t('remoteUnlock.submit')}
          </Button>
        )}
        <Button variant={response ? 'primary' : 'link'} onClick={props.onClose}>
          {response ? t('remoteUnlock.close') : t('remoteUnlock.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
