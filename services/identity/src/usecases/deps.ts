import type { UserRef } from '@keyward/contracts';
import type { EventPublisher, Logger } from '@keyward/service-kit';
import type { IdpConnector } from '../idp/connector.ts';
import type { CredentialStore } from '../store/credentialStore.ts';
import type { EnrollmentStore } from '../store/enrollmentStore.ts';
import type { IdpStore } from '../store/idpStore.ts';
import type { MappingStore } from '../store/mappingStore.ts';
import type { ProvisioningStore } from '../store/provisioningStore.ts';

/** Sends the "your key was enrolled" notice; failures are logged, never fail an enrollment. */
export interface EnrollmentNotifier {
  enrolled(input: { user: UserRef; serial: string; idpName: string; at: Date }): Promise<void>;
}

/** Everything the identity use cases touch, injected by main.ts (and by tests). */
export interface IdentityDeps {
  idps: IdpStore;
  enrollments: EnrollmentStore;
  credentials: CredentialStore;
  mappings: MappingStore;
  provisioning: ProvisioningStore;
  /** A connector for a stored IdP connection (secrets opened inside). */
  connectorFor: (idpId: string) => Promise<IdpConnector>;
  events: Pick<EventPublisher, 'publish'>;
  clock: () => Date;
  /** Upper bound on a half-done enrollment's life. */
  enrollmentTtlMs: number;
  /** How long a handed-out provisioning user waits for its outcome (default 30 min). */
  provisioningClaimTimeoutMs?: number;
  notifier?: EnrollmentNotifier;
  logger: Logger;
}
