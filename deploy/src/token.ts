// `npm run token`: prints an access token for the demo admin (every permission) from the dev
// OpenID provider of a running `npm start`. Use: curl -H "Authorization: Bearer $(npm run -s token)" ...
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@keyward/test-harness';
import { loadStackConfig } from './config.ts';
import { loadOrCreateIssuerState, requestDevToken } from './devIssuer.ts';

const config = loadStackConfig(process.env, repoRoot());
const stateDir = join(config.dataDir, 'oidc');
if (!existsSync(join(stateDir, 'dev-issuer.json'))) {
  process.stderr.write(`no dev OpenID provider state in ${stateDir}: run \`npm start\` first\n`);
  process.exit(1);
}
const { clientSecret } = await loadOrCreateIssuerState(stateDir);
const tokenUrl = `http://${config.host}:${config.issuerPort}/token`;
try {
  process.stdout.write(`${await requestDevToken({ tokenUrl, clientSecret })}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message} — is \`npm start\` running?\n`);
  process.exit(1);
}
