import { Alert, Button, Flex, FlexItem } from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { errorMessage } from '../../api/errors.ts';

/** "Download report" as CSV or JSON, fetched with the token and saved through a blob link. */
export function ReportDownload(props: { sessionId: string }) {
  const { t } = useTranslation('devices');
  const api = useApi();
  const [error, setError] = useState<string>();
  const download = async (format: 'csv' | 'json') => {
    setError(undefined);
    try {
      const url = `${api.gatewayUrl}/sessions/${encodeURIComponent(props.sessionId)}/report?format=${format}`;
      const response = await api.authorizedFetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = `keyward-session-${props.sessionId}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Flex>
      <FlexItem>
        <Button variant="secondary" icon={<DownloadIcon />} onClick={() => void download('csv')}>
          {t('report.csv')}
        </Button>
      </FlexItem>
      <FlexItem>
        <Button variant="secondary" icon={<DownloadIcon />} onClick={() => void download('json')}>
          {t('report.json')}
        </Button>
      </FlexItem>
      {error && (
        <FlexItem>
          <Alert isInline isPlain variant="danger" title={t('report.failed', { reason: error })} />
        </FlexItem>
      )}
    </Flex>
  );
}
