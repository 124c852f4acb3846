import { KeywardError, type Permission, policyEvents } from '@keyward/contracts';
import { computeUnlockResponse } from '../domain/unlock/unlockResponse.ts';
import { openSecretBytes } from '../domain/vault/vaultCrypto.ts';
import type { PolicyServiceDeps } from './deps.ts';

export interface UnlockResponseOptions {
  serial: string;
  /** 16 bytes as 32 hex or 22 base64url characters. */
  challenge: string;
  permissions: readonly Permission[];
  actor: string;
  gatewayId?: string;
}

/** Remote unlock: answer a locked key's challenge from its sealed unlock secret; audited. */
export async function issueUnlockResponse(
  deps: PolicyServiceDeps,
  { serial, challenge, permissions, actor, gatewayId }: UnlockResponseOptions,
): Promise<{ response: string; responseBase64url: string }> {
  if (!permissions.includes('device:unlock')) {
    throw new KeywardError('FORBIDDEN', 'a remote-unlock response needs device:unlock', {
      details: { required: ['device:unlock'] },
    });
  }
  const record = await deps.vault.get(serial, 'unlockSecret');
  if (!record) {
    throw new KeywardError('NOT_FOUND', `no remote-unlock secret stored for serial ${serial}`, {
      details: { serial },
    });
  }
  const unlockSecret = openSecretBytes({
    kek: deps.kek,
    serial,
    kind: 'unlockSecret',
    record: record.sealed,
  });
  // 32 characters can only be hex; base64url of 16 bytes is 22 (the contract allows just these).
  const bytes = Buffer.from(challenge, challenge.length === 32 ? 'hex' : 'base64url');
  const response = computeUnlockResponse({ unlockSecret, challenge: bytes });
  unlockSecret.fill(0);
  await deps.events.publish(policyEvents.unlockResponseIssued, {
    actor,
    subject: serial,
    data: { serial, ...(gatewayId ? { gatewayId } : {}) },
  });
  return { response: response.toString('hex'), responseBase64url: response.toString('base64url') };
}
