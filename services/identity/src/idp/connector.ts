import type { CreationOptions, UserRef } from '@keyward/contracts';
import type { IdpType } from '../domain/connection/connectionConfig.ts';
import type { IdpFailureKindName } from '../domain/connection/failureKind.ts';

/** What the IdP needs back from a begun registration (Okta factor id, PingOne device id, ...). */
export type ProviderState = Record<string, string>;

export interface BegunRegistration {
  publicKey: CreationOptions;
  /** The origin the client must put in clientDataJSON. */
  origin: string;
  /** When the IdP stops accepting this challenge, if it says. */
  expiresAt?: Date;
  providerState: ProviderState;
}

/** An attested credential in WebAuthn JSON form (base64url). */
export interface AttestedCredential {
  credentialId: string;
  clientDataJSON: string;
  attestationObject: string;
  transports?: string[];
}

export interface RegistrationRef {
  user: UserRef;
  providerState: ProviderState;
}

export type TestConnectionStep = 'configuration' | 'token' | 'read_user';

export type TestConnectionResult =
  | { ok: true; steps: TestConnectionStep[]; sampleUser?: UserRef }
  | {
      ok: false;
      step: TestConnectionStep;
      kind: IdpFailureKindName;
      message: string;
      details: Record<string, unknown>;
    };

/**
 * One identity provider, behind one interface (issue 7 "Connectors"). Every method throws
 * KeywardError (via idpError) with `details.kind` and `details.retryable` on provider failures.
 */
export interface IdpConnector {
  readonly type: IdpType;
  /** Gets a token and reads one user; never throws. */
  testConnection(): Promise<TestConnectionResult>;
  /** Users matching a login / e-mail / name fragment (providers without search: exact id). */
  searchUsers(query: string, limit?: number): Promise<UserRef[]>;
  /** One user by id or login; NOT_FOUND when absent. */
  getUser(idOrLogin: string): Promise<UserRef>;
  beginRegistration(options: { user: UserRef; displayName?: string }): Promise<BegunRegistration>;
  completeRegistration(
    options: RegistrationRef & { credential: AttestedCredential; displayName?: string },
  ): Promise<{ idpCredentialId: string }>;
  /** Discards a begun registration at the IdP (pending factor / device). Best effort. */
  cancelRegistration(options: RegistrationRef): Promise<void>;
  /** Deletes a registered passkey; `alreadyGone` when the IdP no longer had it. */
  deleteCredential(options: {
    user: UserRef;
    idpCredentialId: string;
    credentialId?: string;
  }): Promise<{ alreadyGone: boolean }>;
}
