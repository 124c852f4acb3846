import type { DirectoryUser } from '../common/users.ts';

/** Graph's default user projection (api-reference/v1.0/api/user-list.md). */
export function renderGraphUser(u: DirectoryUser) {
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    id: u.id,
    jobTitle: null,
    mail: u.email,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: u.surname,
    userPrincipalName: u.login,
  };
}

export type UserQueryResult =
  | { ok: true; users: DirectoryUser[]; count?: number }
  | { ok: false; code: string; message: string };

const FIELD: Record<string, (u: DirectoryUser) => string> = {
  id: (u) => u.id,
  userprincipalname: (u) => u.login,
  mail: (u) => u.email,
  displayname: (u) => u.displayName,
};

const UNSUPPORTED = 'Request_UnsupportedQuery';

/** Evaluates the subset of $filter/$search/$count/$top Keyward uses, with Graph's header rules. */
export function queryUsers(
  all: DirectoryUser[],
  q: Record<string, string | undefined>,
  consistencyEventual: boolean,
): UserQueryResult {
  const needsEventual =
    q.$search !== undefined || q.$count === 'true' || /endswith\(/i.test(q.$filter ?? '');
  if (needsEventual && !consistencyEventual) {
    return {
      ok: false,
      code: UNSUPPORTED,
      message:
        "Request with $search, $count or endsWith only works with the request header 'ConsistencyLevel: eventual'.",
    };
  }
  let users = all;
  if (q.$filter !== undefined) {
    const f = q.$filter.trim();
    const eq = /^(\w+) eq '((?:[^']|'')*)'$/i.exec(f);
    const fn = /^(startswith|endswith)\((\w+),\s*'((?:[^']|'')*)'\)$/i.exec(f);
    if (eq?.[1] && eq[2] !== undefined && FIELD[eq[1].toLowerCase()]) {
      const get = FIELD[eq[1].toLowerCase()]!;
      const value = eq[2].replace(/''/g, "'").toLowerCase();
      users = users.filter((u) => get(u).toLowerCase() === value);
    } else if (fn?.[1] && fn[2] && fn[3] !== undefined && FIELD[fn[2].toLowerCase()]) {
      const get = FIELD[fn[2].toLowerCase()]!;
      const value = fn[3].replace(/''/g, "'").toLowerCase();
      const starts = fn[1].toLowerCase() === 'startswith';
      users = users.filter((u) =>
        starts ? get(u).toLowerCase().startsWith(value) : get(u).toLowerCase().endsWith(value),
      );
    } else {
      return {
        ok: false,
        code: UNSUPPORTED,
        message: `Unsupported or invalid query filter clause: ${f}`,
      };
    }
  }
  if (q.$search !== undefined) {
    const m = /^"(\w+):([^"]*)"$/.exec(q.$search);
    const get = m?.[1] ? FIELD[m[1].toLowerCase()] : undefined;
    if (!m || !get) {
      return { ok: false, code: 'BadRequest', message: `Invalid $search: ${q.$search}` };
    }
    const needle = (m[2] ?? '').toLowerCase();
    users = users.filter((u) => get(u).toLowerCase().includes(needle));
  }
  const count = users.length;
  if (q.$top !== undefined) {
    const top = Number(q.$top);
    if (!Number.isInteger(top) || top < 1 || top > 999) {
      return { ok: false, code: 'BadRequest', message: `Invalid $top: ${q.$top}, expected 1..999` };
    }
    users = users.slice(0, top);
  }
  return q.$count === 'true' ? { ok: true, users, count } : { ok: true, users };
}
