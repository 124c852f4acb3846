import type { ConfigOp, ConfigStep, CreationOptions } from '@keyward/contracts';
import type { CtapDevice } from '@keyward/ctap';
import type { DeviceFacts } from '../domain/deviceFacts.ts';

/**
 * The gateway's view of one attached key: a stable id for this attachment, and how it is
 * connected. The CTAP traffic goes through {@link DeviceOperations}.
 */
export interface AttachedKey {
  /** Stable while attached (the watcher's id, e.g. "memory:sim-3" or a hidraw path). */
  readonly id: string;
  readonly transport: DeviceFacts['transport'];
  readonly simulated: boolean;
  /** The CTAP transport (HID, PC/SC or in-memory). */
  readonly device: CtapDevice;
}

/** Progress callbacks of an operation; `touch` = the key waits for user presence (UPNEEDED). */
export interface OperationProgress {
  signal?: AbortSignal;
  onStep?: (step: ConfigOp, phase: 'start' | 'done') => void;
  onTouchNeeded?: () => void;
}

export interface MadeCredential {
  credentialId: string;
  attestationObject: string;
  clientDataJSON: string;
  transports?: string[];
}

export interface AssertionResult {
  credentialId: string;
  /** Whether the signature verified against the credential's public key. */
  verified: boolean;
  userVerified: boolean;
}

/**
 * Everything the gateway does on a key, as @keyward/ctap's operations offer it (readDevice,
 * applyConfig, makeCredential, getAssertion, reset, adminUnlock). One implementation binds the
 * real library; the gateway never speaks CTAP itself. Every call may throw the ctap typed
 * errors (code DEVICE_GONE, CTAP_ERROR, CANCELLED, …), mapped at the edge by toKeywardError.
 * Secrets (PINs) are arguments only; implementations never keep or log them.
 */
export interface DeviceOperations {
  readDevice(key: AttachedKey, options?: { signal?: AbortSignal }): Promise<DeviceFacts>;
  /** Applies the idempotent steps in order, reporting each step start/done. */
  applyConfig(
    key: AttachedKey,
    options: OperationProgress & {
      steps: ConfigStep[];
      /** unlockSecret: the per-key remote-unlock secret, provisioned after setAdminPin. */
      secrets: { userPin?: string; adminPin?: string; unlockSecret?: string };
    },
  ): Promise<void>;
  makeCredential(
    key: AttachedKey,
    options: OperationProgress & { publicKey: CreationOptions; origin: string; pin?: string },
  ): Promise<MadeCredential>;
  getAssertion(
    key: AttachedKey,
    /** Without `credentialId` a throwaway credential for `rpId` is made first (unenrolled key). */
    options: OperationProgress & { rpId: string; credentialId?: string; pin?: string },
  ): Promise<AssertionResult>;
  /**
   * authenticatorReset; the key must have been plugged in within the last 10 s (CTAP 2.1
   * §6.6) and is touched. With `adminPin` (managed keys) the admin PIN is proven on `key`
   * first, before `waitForReinsert` asks for the re-insert; a wrong one fails with CTAP2_ERR_PIN_INVALID
   * and leaves the key untouched. Resolves with the key the reset went to.
   */
  reset(
    key: AttachedKey,
    options: OperationProgress & {
      adminPin?: string;
      waitForReinsert?: () => Promise<AttachedKey>;
    },
  ): Promise<AttachedKey>;
  adminUnlock(
    key: AttachedKey,
    options: OperationProgress & { adminPin: string; newPin: string },
  ): Promise<void>;
  /** The key shows a challenge (base64url); `respond` returns the response (base64url). */
  remoteUnlock(
    key: AttachedKey,
    options: OperationProgress & {
      newPin: string;
      respond: (challenge: string) => Promise<string>;
    },
  ): Promise<void>;
}
