import { afterAll, beforeAll } from 'vitest';
import { operationSuite } from './operationsSuite.ts';
import { type PcscEnv, startPcscEnv } from './support.ts';

let env: PcscEnv | undefined;
beforeAll(async () => {
  env = await startPcscEnv();
});
afterAll(async () => {
  await env?.stop();
});

operationSuite('pcsc', () => env);
