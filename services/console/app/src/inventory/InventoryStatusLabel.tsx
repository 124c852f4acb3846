import { Label, LabelGroup } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InventoryStatus } from '../api/types.ts';
import { STATUS_COLOR } from '../devices/statusLabel.tsx';

/** The inventory status of a key, and LOCKED when its PIN is blocked. */
export function InventoryStatusLabel(props: { status: InventoryStatus; locked: boolean }) {
  const { t } = useTranslation('inventory');
  return (
    <LabelGroup numLabels={2}>
      <Label color={STATUS_COLOR[props.status]} isCompact>
        {t(`status.${props.status}`)}
      </Label>
      {props.locked && (
        <Label color="red" status="danger" isCompact>
          {t('locked')}
        </Label>
      )}
    </LabelGroup>
  );
}
