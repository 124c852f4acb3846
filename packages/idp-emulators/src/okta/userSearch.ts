import type { DirectoryUser } from '../common/users.ts';

export type OktaUserQuery = { ok: true; users: DirectoryUser[] } | { ok: false; cause: string };

const FIELDS: Record<string, (u: DirectoryUser) => string> = {
  id: (u) => u.id,
  'profile.login': (u) => u.login,
  'profile.email': (u) => u.email,
  'profile.firstName': (u) => u.givenName,
  'profile.lastName': (u) => u.surname,
};

/**
 * `GET /api/v1/users` with `search` / `filter` (`<field> eq "<value>"`) or `q` (startsWith on
 * firstName, lastName, email), and `limit` ≤ 200 (idp-apis.md §2.6).
 */
export function searchOktaUsers(
  all: DirectoryUser[],
  query: Record<string, unknown>,
): OktaUserQuery {
  const expr = (query.search ?? query.filter) as string | undefined;
  let users = all;
  if (expr !== undefined) {
    const m = /^([\w.]+) eq "((?:[^"\\]|\\.)*)"$/.exec(expr.trim());
    const get = m?.[1] ? FIELDS[m[1]] : undefined;
    if (!m || !get)
      return { ok: false, cause: `search: unsupported expression ${JSON.stringify(expr)}` };
    const value = JSON.parse(`"${m[2]}"`).toLowerCase();
    users = users.filter((u) => get(u).toLowerCase() === value);
  } else if (typeof query.q === 'string') {
    const q = query.q.toLowerCase();
    users = users.filter((u) =>
      [u.givenName, u.surname, u.email].some((v) => v.toLowerCase().startsWith(q)),
    );
  }
  const limit = query.limit === undefined ? 200 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    return { ok: false, cause: `limit: was ${String(query.limit)}, expected 1..200` };
  }
  return { ok: true, users: users.slice(0, limit) };
}
