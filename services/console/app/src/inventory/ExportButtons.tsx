import { Alert, Button, Flex, FlexItem } from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/errors.ts';
import { INVENTORY_TABS, type InventoryFilter } from './routes.ts';

/**
 * Export of the inventory as the page filters it (reporting GET /inventory/export, report:read,
 * streamed by the service and recorded as a download), saved through a blob link.
 */
export function ExportButtons(props: { filter: InventoryFilter }) {
  const { t } = useTranslation('inventory');
  const api = useApi();
  const [error, setError] = useState<string>();
  const download = async (format: 'csv' | 'json') => {
    setError(undefined);
    try {
      const { filter } = props;
      const result = await api.reporting.GET('/inventory/export', {
        params: {
          query: {
            format,
            status: filter.status ?? [...INVENTORY_TABS[filter.tab]],
            ...(filter.q ? { q: filter.q } : {}),
          },
        },
        parseAs: 'blob',
      });
      if (!result.response.ok) {
        throw new Error(`${result.response.status} ${result.response.statusText}`);
      }
      const href = URL.createObjectURL(result.data as unknown as Blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = `keyward-inventory-${filter.tab}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }}>
      {(['csv', 'json'] as const).map((format) => (
        <FlexItem key={format}>
          <Button variant="secondary" icon={<DownloadIcon />} onClick={() => void download(format)}>
            {t(`export.${format}`)}
          </Button>
        </FlexItem>
      ))}
      {error && (
        <FlexItem>
          <Alert isInline isPlain variant="danger" title={t('export.failed', { reason: error })} />
        </FlexItem>
      )}
    </Flex>
  );
}
