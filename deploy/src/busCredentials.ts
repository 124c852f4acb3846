// `npm run bus:credentials -- --dir <dir> [--gateway <id>]...`: the bus identities of one
// installation (docs/operations.md "NATS authorization"). Writes, into <dir>:
//   <identity>.creds.json  one per identity, mode 0600 — copy each to the host of its service only
//   roster.json            every identity's public key (every service gets it beside its creds)
//   auth.conf              nats-server's authorization block (included by nats-server.conf)
// Existing credentials are kept; run it again after adding a gateway.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  authorizationBlock,
  type BusIdentity,
  ensureCredentials,
  SERVICE_ROLES,
} from '@keyward/bus-identity';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, gateway: { type: 'string', multiple: true } },
});
if (!values.dir) {
  process.stderr.write('usage: npm run bus:credentials -- --dir <dir> [--gateway <id>]...\n');
  process.exit(2);
}
const gateways = values.gateway ?? [];
const identities: BusIdentity[] = [
  ...SERVICE_ROLES.filter((role) => role !== 'device-gateway').map((role) => ({
    name: role,
    role,
  })),
  // One identity per workstation: it serves only keyward.gateway.<its id>.>.
  ...gateways.map((id) => ({
    name: `gateway-${id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
    role: 'device-gateway' as const,
    gatewayId: id,
  })),
  { name: 'observer', role: 'observer' },
  { name: 'operator', role: 'operator' },
];
const roster = ensureCredentials({ dir: values.dir, identities });
writeFileSync(join(values.dir, 'auth.conf'), authorizationBlock(roster));
for (const entry of roster)
  process.stdout.write(`${entry.name}\t${entry.role}\t${entry.publicKey}\n`);
