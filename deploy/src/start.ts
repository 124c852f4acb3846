// `npm start` (through deploy/bin/start, which sets the machine up first when needed): the
// whole Keyward stack under one supervisor — NATS (JetStream), the database, pcscd, the dev
// OpenID provider and every service in services/*/src/main.ts, the console's app built first
// when it changed. Ctrl-C stops it; data stays in ./.keyward (or KEYWARD_DATA_DIR). See
// docs/operations.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  authorizationBlock,
  credentialsFile,
  ensureCredentials,
  STANDARD_IDENTITIES,
} from '@keyward/bus-identity';
import {
  findBinary,
  natsCommand,
  prepareDataDir,
  repoRoot,
  waitForPort,
} from '@keyward/test-harness';
import { loadStackConfig } from './config.ts';
import { buildConsole, consoleBuildReason } from './consoleBuild.ts';
import { planDatabase } from './database.ts';
import { CONSOLE_CLIENT_ID, DEV_AUDIENCE, DEV_USERS, startDevIssuer } from './devIssuer.ts';
import { useColor } from './logFormat.ts';
import { pcscdRunning, pcscdSocket, planPcscd } from './pcscd.ts';
import { checkPortsFree } from './ports.ts';
import { missingPrerequisites } from './prerequisites.ts';
import { waitReady } from './readiness.ts';
import { loadOrCreateDevSecrets } from './secrets.ts';
import { consoleOrigins, discoverServices, serviceEnv } from './services.ts';
import { createSupervisor } from './supervisor.ts';

const root = repoRoot();
const env = process.env;
const supervisor = createSupervisor({ color: useColor(process.stdout, env) });
const say = (message: string) => supervisor.log('keyward', message);

function runSetupIfNeeded(): void {
  const missing = missingPrerequisites(root, env);
  if (missing.length === 0) return;
  say(`missing: ${missing.join(', ')} — running deploy/setup.sh`);
  const result = spawnSync('bash', [join(root, 'deploy', 'setup.sh')], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`deploy/setup.sh failed (exit ${result.status})`);
  const still = missingPrerequisites(root, env);
  if (still.length) throw new Error(`still missing after set-up: ${still.join(', ')}`);
}

let shuttingDown = false;
const stopping = new AbortController();
const stopLast: Array<() => Promise<void>> = [];

// Registered before anything starts, so Ctrl-C during start-up also stops what is already up.
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) {
    say(`${signal} again: killing everything now`);
    process.exit(1);
  }
  shuttingDown = true;
  stopping.abort();
  say(`${signal}: stopping`);
  await supervisor.stopAll();
  for (const stop of stopLast) await stop();
  say('all stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

async function main(): Promise<void> {
  runSetupIfNeeded();
  const config = loadStackConfig(env, root);
  const services = discoverServices(root);
  const servicePorts = services.map((s, i) => ({ ...s, port: config.servicePort(s.name, i) }));
  const database = planDatabase({
    env,
    host: config.host,
    port: config.databasePort,
    debugPort: config.databaseDebugPort,
    dataDir: join(config.dataDir, 'db'),
  });
  await checkPortsFree([
    { name: 'NATS (KEYWARD_NATS_PORT)', port: config.natsPort },
    ...(database.kind === 'external'
      ? []
      : [
          { name: 'database (KEYWARD_DB_PORT)', port: config.databasePort },
          ...(database.kind === 'ferretdb'
            ? [{ name: 'FerretDB debug (KEYWARD_DB_DEBUG_PORT)', port: config.databaseDebugPort }]
            : []),
        ]),
    { name: 'dev OpenID provider (KEYWARD_ISSUER_PORT)', port: config.issuerPort },
    ...servicePorts.map((s) => ({
      name: `${s.name} (${s.name.toUpperCase()}_HTTP_PORT)`,
      port: s.port,
    })),
  ]);
  say(`data in ${config.dataDir}`);
  const consoleService = servicePorts.find((s) => s.name === 'console');
  if (consoleService) await buildConsoleIfNeeded();

  // 1. NATS with JetStream
  const natsDir = join(config.dataDir, 'nats');
  mkdirSync(natsDir, { recursive: true });
  // One identity per service, generated once (0600) and kept, like the dev issuer's key; the
  // server refuses anonymous clients and gives each identity exactly its grants.
  const busDir = join(config.dataDir, 'bus');
  const roster = ensureCredentials({ dir: busDir, identities: STANDARD_IDENTITIES });
  const authConf = join(busDir, 'auth.conf');
  writeFileSync(authConf, authorizationBlock(roster));
  const nats = supervisor.start({
    name: 'nats',
    ...natsCommand({
      port: config.natsPort,
      host: config.host,
      storeDir: natsDir,
      args: ['-c', authConf],
    }),
  });
  await waitForPort({ port: config.natsPort, abort: () => nats.current()?.exitReason() });
  const natsUrl = `nats://${config.host}:${config.natsPort}`;
  say(`NATS (JetStream) at ${natsUrl}`);

  // 2. The database
  say(database.description);
  if (database.kind !== 'external') {
    prepareDataDir(join(config.dataDir, 'db'));
    const db = supervisor.start({
      name: database.kind,
      command: database.command,
      args: database.args,
      ...(database.env ? { env: { ...env, ...database.env } } : {}),
    });
    await waitForPort({
      port: config.databasePort,
      timeoutMs: 60_000,
      abort: () => db.current()?.exitReason(),
    });
  }

  // 3. pcscd for PC/SC readers (the vpcd virtual reader included)
  const pcscd = planPcscd({
    enabled: config.pcscd,
    running: await pcscdRunning(pcscdSocket(env)),
    isRoot: process.getuid?.() === 0,
    binary: findBinary({ name: 'pcscd', env }),
  });
  say(pcscd.reason);
  if (pcscd.action === 'start') {
    supervisor.start({ name: 'pcscd', command: pcscd.command, args: pcscd.args });
  }

  // 4. The dev OpenID provider, in this process
  const issuer = await startDevIssuer({
    port: config.issuerPort,
    host: config.host,
    stateDir: join(config.dataDir, 'oidc'),
    ...(consoleService ? { consoleOrigins: consoleOrigins(config.host, consoleService.port) } : {}),
  });
  stopLast.push(issuer.stop);
  say(`dev OpenID provider at ${issuer.issuer} (\`npm run token\` prints an admin token)`);

  // 5. Every service, each its own process
  const secrets = loadOrCreateDevSecrets(join(config.dataDir, 'dev-secrets.json'), env);
  if (servicePorts.length === 0) say('no services found (services/*/src/main.ts)');
  const ports = Object.fromEntries(servicePorts.map((s) => [s.name, s.port]));
  const readiness = servicePorts.map((service) => {
    supervisor.start({
      name: service.name,
      command: process.execPath,
      args: ['--import', 'tsx', service.entry],
      cwd: root,
      tier: 1,
      env: serviceEnv({
        name: service.name,
        httpPort: service.port,
        config,
        natsUrl,
        natsCredentials: credentialsFile(busDir, service.name),
        mongoUrl: database.url,
        issuer: issuer.issuer,
        audience: DEV_AUDIENCE,
        secrets,
        base: env,
        pcscd: pcscd.action !== 'skip',
        ports,
        consoleClientId: CONSOLE_CLIENT_ID,
      }),
    });
    const url = `http://${config.host}:${service.port}`;
    return waitReady({ url: `${url}/readyz`, cancelled: () => shuttingDown }).then((ready) => {
      if (ready && service.name !== 'console') {
        say(`${service.name} ready at ${url} (OpenAPI: ${url}/openapi.json)`);
      } else if (!ready && !shuttingDown) {
        say(`${service.name} not ready at ${url}/readyz after 120 s`);
      }
      return ready;
    });
  });
  const ready = await Promise.all(readiness);
  if (shuttingDown) return;

  const notReady = servicePorts.filter((_, i) => !ready[i]).map((s) => s.name);
  say(
    notReady.length
      ? `up, but not ready: ${notReady.join(', ')} — Ctrl-C stops everything`
      : `all ${servicePorts.length} services ready — Ctrl-C stops everything`,
  );
  if (consoleService && !notReady.includes('console')) {
    const users = DEV_USERS.map((u) => u.id);
    const list = `${users.slice(0, -1).join(', ')} or ${users.at(-1)}`;
    say(
      `console ready at http://${config.host}:${consoleService.port} — sign in as ${list} (dev users)`,
    );
  }
}

/** Builds services/console/dist when it is missing or older than services/console/app. */
async function buildConsoleIfNeeded(): Promise<void> {
  const reason = consoleBuildReason(root);
  if (!reason) return;
  say(`building the console (${reason}): npm run build -w services/console`);
  const result = await buildConsole({ root, env, signal: stopping.signal });
  for (const line of result.lastLines) supervisor.log('build', line);
  if (!result.ok) {
    throw new Error(
      `the console build failed (npm run build -w services/console, ${result.exit}); its output is above`,
    );
  }
}

main().catch(async (error: unknown) => {
  // a Ctrl-C during start-up makes the pending step fail; shutdown() is already on it
  if (shuttingDown) return;
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await supervisor.stopAll();
  for (const stop of stopLast) await stop();
  process.exit(1);
});
