import {
  Alert,
  Button,
  Content,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  FormSelect,
  FormSelectOption,
  PageSection,
  SearchInput,
  Tab,
  Tabs,
  TabTitleText,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasPermission } from '../access/useWhoami.ts';
import { errorMessage } from '../api/errors.ts';
import type { InventoryRecord, InventoryStatus } from '../api/types.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { InventoryStatusLabel } from './InventoryStatusLabel.tsx';
import {
  INVENTORY_TABS,
  type InventoryFilter,
  type InventoryTab,
  inventorySearch,
  nextPage,
  parseInventoryFilter,
  previousPage,
  toInventoryKey,
} from './routes.ts';
import { useInventoryPage } from './useInventory.ts';
import { useInventoryNames } from './useNames.ts';

/** A user as an administrator recognises them. */
export const userLabel = (user: InventoryRecord['user']) =>
  user ? (user.displayName ?? user.email ?? user.name ?? user.id) : null;

function InventoryTable(props: { items: InventoryRecord[] }) {
  const { t } = useTranslation('inventory');
  const names = useInventoryNames();
  return (
    <Table aria-label={t('tableLabel')} variant="compact" role="table">
      <Thead>
        <Tr>
          <Th>{t('column.serial')}</Th>
          <Th>{t('column.status')}</Th>
          <Th>{t('column.user')}</Th>
          <Th>{t('column.policy')}</Th>
          <Th>{t('column.lastSeen')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {props.items.map((key) => (
          <Tr key={key.serial}>
            <Td dataLabel={t('column.serial')}>
              <Link to={toInventoryKey(key.serial)}>{key.serial}</Link>
            </Td>
            <Td dataLabel={t('column.status')}>
              <InventoryStatusLabel status={key.status} locked={key.locked} />
            </Td>
            <Td dataLabel={t('column.user')}>{userLabel(key.user) ?? '—'}</Td>
            <Td dataLabel={t('column.policy')}>
              {key.policyId
                ? t('policyVersion', {
                    id: names.policyName(key.policyId),
                    version: String(key.policyVersion ?? '?'),
                  })
                : '—'}
            </Td>
            <Td dataLabel={t('column.lastSeen')}>
              {key.lastSeen ? new Date(key.lastSeen.at).toLocaleString() : '—'}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** Device Inventory: every key the reporting service knows, by tab, searchable, paged. */
export function InventoryPage() {
  const { t } = useTranslation('inventory');
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = parseInventoryFilter(searchParams);
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  const page = useInventoryPage(filter);
  // A new search, status or tab starts at the first page.
  const show = (next: InventoryFilter) =>
    setSearchParams(new URLSearchParams(inventorySearch(next)));
  const refine = (patch: Partial<InventoryFilter>) =>
    show({ ...filter, ...patch, cursor: undefined, back: undefined });
  const canExport = useHasPermission('report:read') === true;
  const filtered = Boolean(filter.q || filter.status);
  const items = page.data?.items ?? [];

  const content = (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              aria-label={t('search')}
              placeholder={t('searchPlaceholder')}
              value={text}
              onChange={(_e, value) => setText(value)}
              onSearch={(_e, value) => refine({ q: value.trim() || undefined })}
              onClear={() => {
                setText('');
                refine({ q: undefined });
              }}
            />
          </ToolbarItem>
          {INVENTORY_TABS[filter.tab].length > 1 && (
            <ToolbarItem>
              <FormSelect
                aria-label={t('statusFilter')}
                value={filter.status ?? ''}
                onChange={(_e, value) =>
                  refine({ status: (value || undefined) as InventoryStatus | undefined })
                }
              >
                <FormSelectOption value="" label={t('anyStatus')} />
                {INVENTORY_TABS[filter.tab].map((s) => (
                  <FormSelectOption key={s} value={s} label={t(`status.${s}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
          )}
          {canExport && (
            <ToolbarItem>
              <ExportButtons filter={filter} />
            </ToolbarItem>
          )}
          <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
            {filter.cursor && (
              <Button
                variant="link"
                onClick={() => show({ ...filter, cursor: undefined, back: undefined })}
              >
                {t('firstPage')}
              </Button>
            )}
            <Button
              variant="secondary"
              isDisabled={!filter.cursor || page.isPlaceholderData}
              onClick={() => show(previousPage(filter))}
            >
              {t('previousPage')}
            </Button>
            <Button
              variant="secondary"
              isDisabled={!page.data?.nextCursor || page.isPlaceholderData}
              onClick={() => page.data?.nextCursor && show(nextPage(filter, page.data.nextCursor))}
            >
              {t('nextPage')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {page.isPending && <PageLoading />}
      {page.isError && (
        <Alert variant="danger" isInline title={t('loadFailed')}>
          {errorMessage(page.error)}
        </Alert>
      )}
      {page.isSuccess && items.length === 0 && !filtered && (
        <EmptyState titleText={t(`empty.${filter.tab}.title`)} headingLevel="h2">
          <EmptyStateBody>{t(`empty.${filter.tab}.body`)}</EmptyStateBody>
        </EmptyState>
      )}
      {page.isSuccess && items.length === 0 && filtered && (
        <EmptyState titleText={t('noResults.title')} headingLevel="h2">
          <EmptyStateBody>{t('noResults.body')}</EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="link" onClick={() => show({ tab: filter.tab })}>
                {t('noResults.clear')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      )}
      {items.length > 0 && <InventoryTable items={items} />}
    </>
  );

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('title')}</Title>
        <Content component="p">{t('intro')}</Content>
      </PageSection>
      <PageSection>
        <Tabs
          activeKey={filter.tab}
          onSelect={(_e, key) => show({ tab: key as InventoryTab, q: filter.q })}
          aria-label={t('tabsLabel')}
        >
          {(['assigned', 'stock'] as const).map((tab) => (
            <Tab key={tab} eventKey={tab} title={<TabTitleText>{t(`tab.${tab}`)}</TabTitleText>}>
              {filter.tab === tab && content}
            </Tab>
          ))}
        </Tabs>
      </PageSection>
    </>
  );
}
