import { randomBytes, randomUUID } from 'node:crypto';

/** A directory user, shared by all emulators; each renders it in its provider's shape. */
export interface DirectoryUser {
  id: string;
  login: string;
  email: string;
  givenName: string;
  surname: string;
  displayName: string;
}

export interface NewUser {
  login: string;
  givenName?: string;
  surname?: string;
  id?: string;
}

/** Builds a directory user; ids follow each provider's style via `idStyle`. */
export function makeUser(input: NewUser, idStyle: 'guid' | 'okta'): DirectoryUser {
  const local = input.login.split('@')[0] ?? input.login;
  const givenName = input.givenName ?? local;
  const surname = input.surname ?? 'User';
  return {
    id:
      input.id ??
      (idStyle === 'guid'
        ? randomUUID()
        : `00u${randomBytes(12).toString('base64url').slice(0, 17)}`),
    login: input.login,
    email: input.login,
    givenName,
    surname,
    displayName: `${givenName} ${surname}`,
  };
}
