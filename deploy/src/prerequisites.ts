import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDatabase, findBinary } from '@keyward/test-harness';

/**
 * What is missing for `npm start`, as readable reasons; empty when set-up can be skipped.
 * Cheap checks only: deploy/setup.sh does the thorough (and slower) ones.
 */
export function missingPrerequisites(root: string, env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
    missing.push('npm dependencies (node_modules)');
  }
  if (!findBinary({ name: 'nats-server', env })) missing.push('nats-server');
  try {
    chooseDatabase({ env });
  } catch {
    missing.push('a database (MONGO_URL, mongod or FerretDB)');
  }
  return missing;
}
