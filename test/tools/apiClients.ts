import { join } from 'node:path';
import { openapiDocument as gatewayDocument } from '@keyward/device-gateway/openapi';
import { openapiDocument as identityDocument } from '@keyward/identity/openapi';
import { openapiDocument as policyDocument } from '@keyward/policy/openapi';
import { openapiDocument as reportingDocument } from '@keyward/reporting/openapi';
import { repoRoot } from '@keyward/test-harness';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the console's generated clients live (its only view of the services' APIs). */
export const GENERATED_DIR = join(repoRoot(), 'services/console/app/src/api/generated');

const SERVICES = {
  gateway: gatewayDocument,
  policy: policyDocument,
  identity: identityDocument,
  reporting: reportingDocument,
} as const;

const HEADER = [
  '// Generated from the service OpenAPI 3.1 documents by `npm run api:generate`',
  '// (test/tools/generateApiClients.ts). Do not edit: test/tools/apiClients.test.ts fails on drift.',
  '',
].join('\n');

/** File name → contents of every generated client type module, from the live route tables. */
export async function renderApiClients(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, document] of Object.entries(SERVICES)) {
    const ast = await openapiTS(document() as unknown as OpenAPI3, { alphabetize: true });
    files.set(`${name}.ts`, HEADER + astToString(ast));
  }
  return files;
}
