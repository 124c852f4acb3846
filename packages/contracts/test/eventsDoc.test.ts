import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENTS_DOC_PATH, renderEventsDoc } from '../scripts/generateEventsDoc.ts';
import { allEvents, allRequests } from '../src/index.ts';

describe('docs/events.md', () => {
  it('is exactly what the generator renders from the contracts (run npm run docs:events)', () => {
    const committed = readFileSync(EVENTS_DOC_PATH, 'utf8');
    expect(
      committed === renderEventsDoc(),
      'docs/events.md is stale: run `npm run docs:events -w packages/contracts`',
    ).toBe(true);
  });

  it('documents every event type and request subject', () => {
    const text = renderEventsDoc();
    for (const definition of allEvents) expect(text).toContain(`### ${definition.type}\n`);
    for (const definition of allRequests) expect(text).toContain(`### ${definition.subject}\n`);
  });
});
