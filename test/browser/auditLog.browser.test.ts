import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, toAudit } from '../../services/console/app/src/audit/routes.ts';
import {
  auditHeading,
  auditRows,
  auditTable,
  newestRecord,
  tamperAuditRecord,
} from './support/audit.ts';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { configureByApi } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const CONFIGURED = 'keyward.device.configured';
/** Everything the Event log offers: reading, filtering, paging, verifying. No write action. */
const READ_ONLY_BUTTONS = [
  'Verify now',
  'Apply filters',
  'Clear filters',
  'Previous page',
  'Next page',
  /^Details of event \S+$/,
];

/** The event ids of the rows shown, top to bottom (from their toggles' names). */
async function shownEventIds(page: Page): Promise<string[]> {
  return auditTable(page)
    .getByRole('button', { name: /^Details of event / })
    .evaluateAll((els) =>
      els.map((el) => (el.getAttribute('aria-label') ?? '').replace('Details of event ', '')),
    );
}

describe('the Event log', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('shows an auditor the events of configured keys, filters by serial in the URL, and names a tampered record', async () => {
    await using first = await stack().plugKey('generic');
    await using second = await stack().plugKey('generic');
    await configureByApi(stack(), first.serial);
    await configureByApi(stack(), second.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', { path: toAudit(), landing: auditHeading });

    // Newest first: the second key's events top the first page; the first key's may be on later pages.
    await visible(auditRows(page, second.serial, CONFIGURED), `${CONFIGURED} of ${second.serial}`);
    const buttons = await page
      .getByRole('main')
      .getByRole('button')
      .evaluateAll((els) =>
        els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
      );
    for (const name of buttons) {
      expect(
        READ_ONLY_BUTTONS.some((allowed) =>
          typeof allowed === 'string' ? allowed === name : allowed.test(name),
        ),
        `the auditor is offered "${name}"`,
      ).toBe(true);
    }

    await page.getByLabel('Key serial').fill(first.serial);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/audit' && url.searchParams.get('serial') === first.serial,
    );
    await auditRows(page, second.serial).first().waitFor({ state: 'detached' });
    await visible(auditRows(page, first.serial, CONFIGURED), 'the filtered list');

    const record = await newestRecord(stack(), first.serial, CONFIGURED);
    const row = auditRows(page, first.serial, CONFIGURED);
    for (const value of [record.source, record.actor, record.gatewayId, record.signer]) {
      expect(value, 'the record names it').toBeTruthy();
      await visible(row.getByRole('cell', { name: value!, exact: true }), `${value} in the row`);
    }
    // Keyboard: the row's toggle is a button in the tab order; Enter expands it.
    await row.getByRole('button', { name: `Details of event ${record.eventId}` }).focus();
    await page.keyboard.press('Enter');
    const details = auditTable(page).getByRole('cell', {
      name: `Details of event ${record.eventId}`,
    });
    await visible(details.getByText(record.partition, { exact: true }), 'the chain partition');
    await visible(details.getByText(`"signer": "${record.signer}"`), 'the full record JSON');
    await expectNoAxeViolations(page, 'the filtered Event log with a record expanded');

    const verify = page.getByRole('button', { name: 'Verify now' });
    await verify.click();
    await visible(page.getByText(/The chain is intact: \d+ records? checked/), 'an intact chain');

    const index = await tamperAuditRecord(stack(), record.eventId);
    await verify.click();
    await visible(page.getByText('The chain is broken'), 'a broken chain');
    await visible(
      page.getByText(
        `First broken record: partition ${record.partition}, index ${index}, event ${record.eventId} (HASH_MISMATCH).`,
      ),
      'the tampered record named',
    );
    await expectNoAxeViolations(page, 'the Event log with a broken chain');

    await page.getByLabel('Event type').fill('keyward.no.such_event');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await visible(page.getByText('No records match these filters'), 'the no-results state');
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.search === '');
    await visible(auditRows(page, second.serial, CONFIGURED), 'every record again');
  });

  it('pages through the trail with Next and Previous, and filters by a time range', async () => {
    // Three configured keys make more records than a page holds (about a dozen each),
    // whatever ran before; the last key's record on the page means the others are in.
    await using one = await stack().plugKey('generic');
    await configureByApi(stack(), one.serial);
    await using two = await stack().plugKey('generic');
    await configureByApi(stack(), two.serial);
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', { path: toAudit(), landing: auditHeading });

    await visible(auditRows(page, key.serial, CONFIGURED), 'the newest records');
    const firstPage = await shownEventIds(page);
    expect(firstPage).toHaveLength(AUDIT_PAGE_SIZE);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.searchParams.has('cursor'));
    await auditTable(page)
      .getByRole('button', { name: `Details of event ${firstPage[0]}` })
      .waitFor({ state: 'detached' });
    const secondPage = await shownEventIds(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(
      secondPage.filter((id) => firstPage.includes(id)),
      'no record on both pages',
    ).toEqual([]);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForURL((url) => !url.searchParams.has('cursor'));
    await visible(
      auditTable(page).getByRole('button', { name: `Details of event ${firstPage[0]}` }),
      'the first page again',
    );

    await page.getByLabel('From').fill('2099-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.has('from'));
    const from = new Date(new URL(page.url()).searchParams.get('from') ?? '');
    expect(from.getUTCFullYear(), 'the URL carries the range as an ISO date').toBeGreaterThan(2097);
    await visible(page.getByText('No records match these filters'), 'nothing recorded in 2099');
    await expectNoAxeViolations(page, 'the Event log with no results');
  });

  it('tells a user without audit:read which permission the page needs', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'operator', {
      path: toAudit(),
      landing: (p) => p.getByRole('heading', { name: 'Access denied' }),
    });
    await visible(page.getByText('"audit:read"'), 'the missing permission');
  });
});
