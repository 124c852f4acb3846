import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';
import { FaultInjector } from './faults.ts';
import { type DirectoryUser, makeUser, type NewUser } from './users.ts';

/** A passkey an emulator registered after verifying its attestation. */
export interface RegisteredCredential {
  /** The provider's id for the method / factor / device. */
  methodId: string;
  userId: string;
  /** base64url credential id from the verified attestation. */
  credentialId: string;
  aaguid: string;
  fmt: string;
  publicKey: Uint8Array;
  displayName: string;
  createdAt: string;
}

/** A challenge the emulator issued and will accept once, until it expires. */
export interface IssuedChallenge {
  challenge: string;
  userId: string;
  expiresAt: number;
  /** Provider-specific handle (Okta factor id, PingOne device id). */
  ref?: string;
}

/**
 * The inspectable memory of an emulator: directory users, issued challenges, registered
 * credentials, permissions granted to clients, injected faults.
 */
export class EmulatorState {
  readonly users = new Map<string, DirectoryUser>();
  readonly credentials = new Map<string, RegisteredCredential>();
  readonly challenges = new Map<string, IssuedChallenge>();
  /** clientId → permissions (Entra app roles, Okta granted scopes, PingOne roles). */
  readonly grants = new Map<string, Set<string>>();
  readonly faults = new FaultInjector();

  readonly clock: Clock;
  private readonly idStyle: 'guid' | 'okta';

  constructor(clock: Clock, idStyle: 'guid' | 'okta') {
    this.clock = clock;
    this.idStyle = idStyle;
  }

  addUser(input: NewUser): DirectoryUser {
    const user = makeUser(input, this.idStyle);
    this.users.set(user.id, user);
    return user;
  }

  /** Finds by id or by login (case-insensitive), as the providers' `/users/{id|login}` do. */
  findUser(idOrLogin: string): DirectoryUser | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const lower = idOrLogin.toLowerCase();
    for (const u of this.users.values()) if (u.login.toLowerCase() === lower) return u;
    return undefined;
  }

  credentialsOf(userId: string): RegisteredCredential[] {
    return [...this.credentials.values()].filter((c) => c.userId === userId);
  }

  issueChallenge(userId: string, ttlSeconds: number, ref?: string): IssuedChallenge {
    const issued: IssuedChallenge = {
      challenge: randomBytes(32).toString('base64url'),
      userId,
      expiresAt: this.clock().getTime() + ttlSeconds * 1000,
      ...(ref ? { ref } : {}),
    };
    this.challenges.set(issued.challenge, issued);
    return issued;
  }

  /** True when `challenge` was issued for this user (and ref), is unused and has not expired. */
  challengeIsLive(challenge: string, userId: string, ref?: string): boolean {
    const issued = this.challenges.get(challenge);
    if (!issued || issued.userId !== userId) return false;
    if (ref !== undefined && issued.ref !== ref) return false;
    return issued.expiresAt > this.clock().getTime();
  }

  hasGrant(clientId: string, permission: string): boolean {
    return this.grants.get(clientId)?.has(permission) ?? false;
  }

  setGrants(clientId: string, permissions: Iterable<string>): void {
    this.grants.set(clientId, new Set(permissions));
  }
}
