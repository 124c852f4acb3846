export { findBinary, type ResolveBinaryOptions, resolveBinary } from './binaries.ts';
export { MissingBinaryError, StartupError } from './errors.ts';
export {
  type ChooseDatabaseOptions,
  chooseDatabase,
  type DatabaseChoice,
  type DatabaseCommandOptions,
  type DatabaseCredentials,
  type DatabaseKind,
  databaseCommand,
  databaseUrl,
  ferretdbCandidates,
  generateDatabaseCredentials,
  loadOrCreateDatabaseCredentials,
  type MongoServer,
  prepareDataDir,
  type StartMongoOptions,
  startMongo,
  uniqueDbName,
} from './mongo.ts';
export {
  type NatsCommandOptions,
  type NatsServer,
  natsCommand,
  type StartNatsOptions,
  startNats,
} from './nats.ts';
export {
  type OidcIssuer,
  type StartOidcIssuerOptions,
  startOidcIssuer,
  type TokenClaims,
} from './oidcIssuer.ts';
export { type PcscStack, type StartPcscOptions, startPcsc, VPCD_DRIVER } from './pcsc.ts';
export { type FreePortOptions, freePort, type WaitForPortOptions, waitForPort } from './ports.ts';
export {
  type ManagedProcess,
  type ProcessExit,
  type SpawnProcessOptions,
  spawnProcess,
} from './process.ts';
export { repoRoot } from './repoRoot.ts';
export { type TempDir, tempDir } from './tempDir.ts';
