/** What the Users page shows, kept in its URL query (a link or reload keeps it). */
export interface UsersFilter {
  /** The IdP connection searched (none: the tenant default). */
  idp?: string | undefined;
  /** The search text sent to the IdP. */
  q?: string | undefined;
  /** The chosen user's id at the IdP, whose keys are listed. */
  user?: string | undefined;
}

/** Searching the directory needs this; the page itself only device:read. */
export const DIRECTORY_PERMISSION = 'device:enroll';
export const USERS_PERMISSION = 'device:read';

export function parseUsersFilter(search: URLSearchParams): UsersFilter {
  return {
    idp: search.get('idp') || undefined,
    q: search.get('q')?.trim() || undefined,
    user: search.get('user') || undefined,
  };
}

export function usersSearch(filter: UsersFilter): string {
  const search = new URLSearchParams();
  if (filter.idp) search.set('idp', filter.idp);
  if (filter.q) search.set('q', filter.q);
  if (filter.user) search.set('user', filter.user);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Typed paths of the users feature. */
export const toUsers = (filter?: UsersFilter) => `/users${filter ? usersSearch(filter) : ''}`;
/** The assign flow, with the user preselected (assign/AssignUserPage.tsx). */
export const toAssignUser = (username: string) => `/assign-user/${encodeURIComponent(username)}`;
