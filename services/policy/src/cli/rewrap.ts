import { KeywardError } from '@keyward/contracts';
import { connectMongo, createLogger, loadConfig } from '@keyward/service-kit';
import { rewrapConfigSchema } from '../config.ts';
import { kekFingerprint, rewrapSecret } from '../domain/vault/vaultCrypto.ts';
import { defineModels } from '../store/models.ts';
import { VaultStore } from '../store/vaultStore.ts';

export interface RewrapResult {
  rewrapped: number;
  alreadyCurrent: number;
  /** Records neither KEK opens (reported by serial/kind, left untouched). */
  failed: { serial: string; kind: string; reason: string }[];
}

/**
 * KEK rotation: re-wrap every vault record's data key from the previous KEK to the new one.
 * Each record is replaced with a compare-and-set, so a record written meanwhile under the new
 * KEK is not overwritten; re-running after an interruption continues where it stopped.
 */
export async function rewrapVault({
  vault,
  previousKek,
  kek,
}: {
  vault: VaultStore;
  previousKek: Uint8Array;
  kek: Uint8Array;
}): Promise<RewrapResult> {
  const newId = kekFingerprint(kek);
  const result: RewrapResult = { rewrapped: 0, alreadyCurrent: 0, failed: [] };
  for await (const record of vault.notWrappedBy(newId)) {
    try {
      const sealed = rewrapSecret({
        kek: previousKek,
        newKek: kek,
        serial: record.serial,
        kind: record.kind,
        record: record.sealed,
      });
      const swapped = await vault.replaceIf(
        { ...record, sealed },
        record.sealed.kekId,
        record.sealed.wrappedKey,
      );
      if (swapped) result.rewrapped++;
      else result.alreadyCurrent++;
    } catch (error) {
      const reason = error instanceof KeywardError ? error.message : 'unexpected error';
      result.failed.push({ serial: record.serial, kind: record.kind, reason });
    }
  }
  return result;
}

/** `node --import tsx services/policy/src/cli/rewrap.ts`: KEYWARD_KEK_PREVIOUS → KEYWARD_KEK. */
export async function runRewrapCli(
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const config = loadConfig(rewrapConfigSchema, env);
  const logger = createLogger({ name: 'policy-rewrap', level: config.LOG_LEVEL });
  const connection = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB ?? `keyward-${config.SERVICE_NAME}`,
    logger,
  });
  try {
    const result = await rewrapVault({
      vault: new VaultStore(defineModels(connection)),
      previousKek: config.KEYWARD_KEK_PREVIOUS,
      kek: config.KEYWARD_KEK,
    });
    logger.info(
      {
        rewrapped: result.rewrapped,
        alreadyCurrent: result.alreadyCurrent,
        failed: result.failed,
        kekId: kekFingerprint(config.KEYWARD_KEK),
      },
      'vault rewrap finished',
    );
    return result.failed.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runRewrapCli();
}
