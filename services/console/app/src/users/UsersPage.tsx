import {
  Alert,
  Button,
  Content,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  FormSelect,
  FormSelectOption,
  PageSection,
  SearchInput,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasPermission } from '../access/useWhoami.ts';
import { errorMessage } from '../api/errors.ts';
import { PageLoading } from '../common/PageLoading.tsx';
import {
  DIRECTORY_PERMISSION,
  parseUsersFilter,
  toUsers,
  type UsersFilter,
  usersSearch,
} from './routes.ts';
import { UserKeys } from './UserKeys.tsx';
import { useDirectoryIdps, useUserSearch } from './useUsers.ts';

interface DirectoryUser {
  id: string;
  name?: string;
  email?: string;
  displayName?: string;
}

const labelOf = (u: DirectoryUser) => u.displayName ?? u.name ?? u.email ?? u.id;
/** The login the assign flow resolves (/directory/users/:username). */
const usernameOf = (u: DirectoryUser) => u.name ?? u.email;

/** Users: search at an IdP, pick a user, see their keys and (with device:enroll) add one. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = parseUsersFilter(searchParams);
  const show = (next: UsersFilter) => setSearchParams(new URLSearchParams(usersSearch(next)));
  const canEnroll = useHasPermission(DIRECTORY_PERMISSION);
  const idps = useDirectoryIdps(canEnroll === true);
  const idp = idps.data?.find((i) => i.id === filter.idp) ?? idps.data?.find((i) => i.isDefault);
  const idpId = idp?.id ?? idps.data?.[0]?.id;
  const found = useUserSearch(idpId, filter.q);
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  const results = found.data ?? [];
  const chosen = results.find((u) => u.id === filter.user);

  const search = (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect
              aria-label={t('idp')}
              value={idpId ?? ''}
              onChange={(_e, value) => show({ idp: value, q: filter.q })}
            >
              {(idps.data ?? []).map((i) => (
                <FormSelectOption
                  key={i.id}
                  value={i.id}
                  label={i.isDefault ? t('idpDefault', { name: i.name }) : i.name}
                />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <SearchInput
              aria-label={t('search')}
              placeholder={t('searchPlaceholder')}
              value={text}
              onChange={(_e, value) => setText(value)}
              onSearch={(_e, value) => show({ idp: filter.idp, q: value.trim() || undefined })}
              onClear={() => {
                setText('');
                show({ idp: filter.idp });
              }}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {idp?.userSearch === 'exact-id' && <Content component="small">{t('exactIdHint')}</Content>}
      {!filter.q && (
        <EmptyState titleText={t('start.title')} headingLevel="h2">
          <EmptyStateBody>{t('start.body')}</EmptyStateBody>
        </EmptyState>
      )}
      {filter.q && found.isPending && <PageLoading />}
      {found.isError && (
        <Alert variant="danger" isInline title={t('searchFailed')}>
          {errorMessage(found.error)}
        </Alert>
      )}
      {found.isSuccess && results.length === 0 && (
        <EmptyState titleText={t('noResults.title')} headingLevel="h2">
          <EmptyStateBody>{t('noResults.body', { q: filter.q })}</EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="link" onClick={() => show({ idp: filter.idp })}>
                {t('noResults.clear')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      )}
      {results.length > 0 && (
        <DataList aria-label={t('resultsLabel')} isCompact>
          {results.map((u) => (
            <DataListItem key={u.id} aria-labelledby={`user-${u.id}`}>
              <DataListItemRow>
                <DataListItemCells
                  dataListCells={[
                    <DataListCell key="name">
                      <Link
                        id={`user-${u.id}`}
                        to={toUsers({ ...filter, user: u.id })}
                        aria-label={t('showKeys', { name: labelOf(u) })}
                        aria-current={u.id === filter.user ? 'true' : undefined}
                      >
                        {labelOf(u)}
                      </Link>
                    </DataListCell>,
                    <DataListCell key="email">{u.email ?? u.name ?? ''}</DataListCell>,
                  ]}
                />
              </DataListItemRow>
            </DataListItem>
          ))}
        </DataList>
      )}
    </>
  );

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('title')}</Title>
        <Content component="p">{t('intro')}</Content>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            {canEnroll === undefined && <PageLoading />}
            {canEnroll === false && (
              <EmptyState
                titleText={t('directoryForbidden.title')}
                headingLevel="h2"
                status="warning"
              >
                <EmptyStateBody>
                  {t('directoryForbidden.body', { permission: DIRECTORY_PERMISSION })}
                </EmptyStateBody>
              </EmptyState>
            )}
            {canEnroll === true && idps.isPending && <PageLoading />}
            {idps.isError && (
              <Alert variant="danger" isInline title={t('idpsFailed')}>
                {errorMessage(idps.error)}
              </Alert>
            )}
            {idps.isSuccess && idps.data.length === 0 && (
              <EmptyState titleText={t('noIdps.title')} headingLevel="h2">
                <EmptyStateBody>{t('noIdps.body')}</EmptyStateBody>
              </EmptyState>
            )}
            {idps.isSuccess && idps.data.length > 0 && search}
          </StackItem>
          {filter.user && (
            <StackItem>
              <UserKeys
                userId={filter.user}
                name={chosen ? labelOf(chosen) : undefined}
                username={chosen ? usernameOf(chosen) : undefined}
                canEnroll={canEnroll}
              />
            </StackItem>
          )}
        </Stack>
      </PageSection>
    </>
  );
}
