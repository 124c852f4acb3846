import type { EventDefinition } from '@keyward/contracts';
import type { Logger } from '@keyward/service-kit';
import type { z } from 'zod';
import type { LinkStore } from '../store/linkStore.ts';
import type { PolicyStore } from '../store/policyStore.ts';
import type { VaultStore } from '../store/vaultStore.ts';
import type { MdsTrust } from './mdsTrust.ts';

/** The slice of service-kit's EventPublisher the use cases need. */
export interface EventSink {
  publish<D extends EventDefinition>(
    definition: D,
    input: { actor: string; subject?: string; data: z.input<D['schema']> },
  ): Promise<unknown>;
}

/** Everything the use cases (shared by http/ and bus/) work with. */
export interface PolicyServiceDeps {
  policies: PolicyStore;
  links: LinkStore;
  vault: VaultStore;
  mds: MdsTrust;
  events: EventSink;
  /** Key-encryption key for the vault (32 bytes). */
  kek: Uint8Array;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}
