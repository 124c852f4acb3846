import type { RegisteredCredential } from '../common/state.ts';
import type { DirectoryUser } from '../common/users.ts';

export function renderOktaUser(u: DirectoryUser, apiUrl: string) {
  return {
    id: u.id,
    status: 'ACTIVE',
    created: '2026-01-01T00:00:00.000Z',
    activated: '2026-01-01T00:00:00.000Z',
    statusChanged: '2026-01-01T00:00:00.000Z',
    lastLogin: null,
    lastUpdated: '2026-01-01T00:00:00.000Z',
    type: { id: 'oty1' },
    profile: { firstName: u.givenName, lastName: u.surname, email: u.email, login: u.login },
    _links: { self: { href: `${apiUrl}/users/${u.id}` } },
  };
}

export interface PendingFactor {
  id: string;
  userId: string;
  created: string;
}

export function factorLinks(apiUrl: string, userId: string, factorId: string, active: boolean) {
  const self = `${apiUrl}/users/${userId}/factors/${factorId}`;
  return active
    ? {
        self: { href: self, hints: { allow: ['GET', 'DELETE'] } },
        verify: { href: `${self}/verify`, hints: { allow: ['POST'] } },
        user: { href: `${apiUrl}/users/${userId}`, hints: { allow: ['GET'] } },
      }
    : {
        activate: { href: `${self}/lifecycle/activate`, hints: { allow: ['POST'] } },
        self: { href: self, hints: { allow: ['GET'] } },
        user: { href: `${apiUrl}/users/${userId}`, hints: { allow: ['GET'] } },
      };
}

export function renderActiveFactor(c: RegisteredCredential, apiUrl: string) {
  return {
    id: c.methodId,
    factorType: 'webauthn',
    provider: 'FIDO',
    vendorName: 'FIDO',
    status: 'ACTIVE',
    created: c.createdAt,
    lastUpdated: c.createdAt,
    profile: { credentialId: c.credentialId, authenticatorName: c.displayName },
    _links: factorLinks(apiUrl, c.userId, c.methodId, true),
  };
}
