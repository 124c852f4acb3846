import {
  Button,
  DataList,
  DataListAction,
  DataListCell,
  DataListCheck,
  DataListContent,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  DataListToggle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
} from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../api/types.ts';
import { type DeviceAction, detailsOf, offeredActions, primaryAction } from './deviceActions.ts';
import { StatusLabels } from './statusLabel.tsx';

export interface DeviceListProps {
  devices: DeviceView[];
  selected: ReadonlySet<string>;
  onSelect(id: string, selected: boolean): void;
  onAction(action: DeviceAction, device: DeviceView): void;
}

function Detail(props: { term: string; value: string | number | null | undefined }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{props.term}</DescriptionListTerm>
      <DescriptionListDescription>{props.value ?? '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function RowActions(props: { device: DeviceView; onAction: DeviceListProps['onAction'] }) {
  const { t } = useTranslation('devices');
  const [open, setOpen] = useState(false);
  const actions = offeredActions(props.device);
  const primary = primaryAction(actions);
  const rest = actions.filter((a) => a !== primary);
  return (
    <>
      {primary && (
        <Button variant="secondary" onClick={() => props.onAction(primary, props.device)}>
          {t(`action.${primary}`)}
        </Button>
      )}
      {rest.length > 0 && (
        <Dropdown
          isOpen={open}
          onOpenChange={setOpen}
          popperProps={{ position: 'right' }}
          toggle={(ref) => (
            <MenuToggle
              ref={ref}
              variant="plain"
              isExpanded={open}
              onClick={() => setOpen(!open)}
              aria-label={t('actionsFor', { serial: props.device.serial })}
              icon={<EllipsisVIcon />}
            />
          )}
        >
          <DropdownList>
            {rest.map((action) => (
              <DropdownItem
                key={action}
                onClick={() => {
                  setOpen(false);
                  props.onAction(action, props.device);
                }}
              >
                {t(`action.${action}`)}
              </DropdownItem>
            ))}
          </DropdownList>
        </Dropdown>
      )}
    </>
  );
}

/** The connected keys: a summary row each, expanded to the key's details. */
export function DeviceList(props: DeviceListProps) {
  const { t } = useTranslation('devices');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };
  return (
    <DataList aria-label={t('listLabel')}>
      {props.devices.map((device) => {
        const d = detailsOf(device);
        const isExpanded = expanded.has(device.id);
        const rowId = `device-${device.id}`;
        return (
          <DataListItem key={device.id} aria-labelledby={`${rowId}-name`} isExpanded={isExpanded}>
            <DataListItemRow>
              <DataListToggle
                id={`${rowId}-toggle`}
                onClick={() => toggle(device.id)}
                isExpanded={isExpanded}
                aria-controls={`${rowId}-details`}
                aria-label={t('toggleDetails', { serial: device.serial })}
              />
              <DataListCheck
                id={`${rowId}-check`}
                // Named by serial (every key of a model has the same name): a self-reference
                // in aria-labelledby takes the element's own aria-label.
                aria-labelledby={`${rowId}-check`}
                aria-label={t('select', { serial: device.serial })}
                isChecked={props.selected.has(device.id)}
                onChange={(_e, checked) => props.onSelect(device.id, checked)}
              />
              <DataListItemCells
                dataListCells={[
                  <DataListCell key="name" width={2}>
                    <strong id={`${rowId}-name`}>{device.name}</strong>
                    <div>{t('serialValue', { serial: device.serial })}</div>
                  </DataListCell>,
                  <DataListCell key="status" width={3}>
                    <StatusLabels device={device} />
                  </DataListCell>,
                ]}
              />
              <DataListAction
                id={`${rowId}-actions`}
                aria-labelledby={`${rowId}-name ${rowId}-actions`}
                aria-label={t('actionsFor', { serial: device.serial })}
              >
                <RowActions device={device} onAction={props.onAction} />
              </DataListAction>
            </DataListItemRow>
            <DataListContent
              aria-label={t('detailsOf', { serial: device.serial })}
              id={`${rowId}-details`}
              isHidden={!isExpanded}
            >
              <DescriptionList isCompact isHorizontal columnModifier={{ default: '2Col' }}>
                <Detail term={t('field.aaguid')} value={d.aaguid} />
                <Detail term={t('field.fidoVersion')} value={d.versions?.join(', ')} />
                <Detail term={t('field.deviceType')} value={d.deviceType} />
                <Detail term={t('field.transport')} value={d.transport} />
                <Detail
                  term={t('field.user')}
                  value={d.user ? (d.user.displayName ?? d.user.email ?? d.user.id) : null}
                />
                <Detail term={t('field.idp')} value={d.idp?.name ?? d.idp?.id ?? d.idpId} />
                <Detail
                  term={t('field.policy')}
                  value={d.policy ? (d.policy.name ?? d.policy.id) : null}
                />
                <Detail term={t('field.pinRetries')} value={d.pinRetries} />
                <Detail term={t('field.minPinLength')} value={d.minPinLength} />
              </DescriptionList>
            </DataListContent>
          </DataListItem>
        );
      })}
    </DataList>
  );
}
