import {
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Icon,
} from '@patternfly/react-core';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { useTranslation } from 'react-i18next';
import type { KeyRun } from '../../api/types.ts';

function RunIcon(props: { state: string }) {
  if (props.state === 'succeeded') {
    return (
      <Icon status="success">
        <CheckCircleIcon />
      </Icon>
    );
  }
  if (['failed', 'interrupted'].includes(props.state)) {
    return (
      <Icon status="danger">
        <ExclamationCircleIcon />
      </Icon>
    );
  }
  return (
    <Icon>
      <InProgressIcon />
    </Icon>
  );
}

/** One line per key of a session: green when done, red with the reason and a Retry. */
export function SessionProgressList(props: { runs: KeyRun[]; onRetry?: (run: KeyRun) => void }) {
  const { t } = useTranslation('devices');
  return (
    <DataList aria-label={t('progress.label')} isCompact>
      {props.runs.map((run) => (
        <DataListItem key={run.serial} aria-labelledby={`run-${run.serial}`}>
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="icon" isIcon>
                  <RunIcon state={run.state} />
                </DataListCell>,
                <DataListCell key="serial">
                  <span id={`run-${run.serial}`}>{run.serial}</span>
                </DataListCell>,
                <DataListCell key="state" width={3}>
                  <span role="status">
                    {t(`runState.${run.state as 'running'}`, { step: String(run.step ?? '') })}
                    {run.error ? ` — ${(run.error as { message: string }).message}` : ''}
                  </span>
                </DataListCell>,
                <DataListCell key="retry" alignRight>
                  {run.state === 'failed' && props.onRetry && (
                    <Button variant="link" isInline onClick={() => props.onRetry?.(run)}>
                      {t('progress.retry', { serial: run.serial })}
                    </Button>
                  )}
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
}
