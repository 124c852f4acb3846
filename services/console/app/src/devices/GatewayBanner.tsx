import { Alert, AlertActionLink } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/errors.ts';
import { diagnoseGateway, useDevices } from './useGateway.ts';

/** "Service connected" or "Connect to service" with the reason and a retry. */
export function GatewayBanner(props: { live: boolean }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const devices = useDevices();
  // The list keeps retrying, so a failure shows as the reason of the current attempt, not as
  // an error (which would come only after the last retry).
  const failure = devices.error ?? devices.failureReason;
  const problem = useQuery({
    queryKey: ['gateway', 'diagnosis', devices.errorUpdatedAt, devices.failureCount],
    enabled: failure !== null,
    queryFn: () => diagnoseGateway(api.gatewayUrl, failure),
  });
  if (devices.isSuccess && failure === null) {
    return (
      <Alert
        isInline
        isPlain
        variant="success"
        title={t('banner.connected', { gatewayId: devices.data.gatewayId })}
      >
        {props.live ? t('banner.live') : t('banner.notLive')}
      </Alert>
    );
  }
  if (failure === null) {
    return (
      <Alert
        isInline
        isPlain
        variant="info"
        title={t('banner.connecting', { url: api.gatewayUrl })}
      />
    );
  }
  const reason =
    problem.data === 'refused'
      ? t('banner.refused', { url: api.gatewayUrl, origin: window.location.origin })
      : problem.data === 'not-running'
        ? t('banner.notRunning', { url: api.gatewayUrl })
        : errorMessage(failure);
  return (
    <Alert
      isInline
      variant="warning"
      title={t('banner.connect')}
      actionLinks={
        <AlertActionLink onClick={() => void devices.refetch()}>
          {t('banner.retry')}
        </AlertActionLink>
      }
    >
      {reason} {t('banner.retrying')}
    </Alert>
  );
}
