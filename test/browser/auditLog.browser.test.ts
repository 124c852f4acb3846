import { describe, expect, it } from 'vitest';
import { toAudit } from '../../services/console/app/src/audit/routes.ts';
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

  it('tells a user without audit:read which permission the page needs', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'operator', {
      path: toAudit(),
      landing: (p) => p.getByRole('heading', { name: 'Access denied' }),
    });
    await visible(page.getByText('"audit:read"'), 'the missing permission');
  });
});
