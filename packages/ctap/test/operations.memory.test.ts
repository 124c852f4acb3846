import { operationSuite } from './operationsSuite.ts';

operationSuite('memory', () => undefined);
