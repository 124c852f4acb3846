import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import {
  countRow,
  dashboardHeading,
  type InventorySummary,
  restSummary,
  STATUSES,
  statusText,
} from './support/dashboard.ts';
import { configureByApi } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const onDashboard = { path: '/dashboard', landing: dashboardHeading };

/** Waits for every count of `summary` on the page (the dashboard refetches on its own). */
async function expectCounts(page: Parameters<typeof countRow>[0], summary: InventorySummary) {
  await visible(countRow(page, 'Totals', 'Total keys', summary.total), `total ${summary.total}`);
  await visible(
    countRow(page, 'Totals', 'Enrolled users', summary.enrolledUsers),
    `${summary.enrolledUsers} enrolled users`,
  );
  for (const status of STATUSES) {
    const n = summary.byStatus[status];
    await visible(countRow(page, 'Counts per status', statusText(status), n), `${status} ${n}`);
  }
  await visible(
    countRow(page, 'Counts per status', 'LOCKED', summary.locked),
    `LOCKED ${summary.locked}`,
  );
}

describe('the Dashboard', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('counts the keys a test plugged and configured, as the reporting service does, with charts axe accepts', async () => {
    const before = await restSummary(stack());
    await using configured = await stack().plugKey('generic');
    await using _plain = await stack().plugKey('generic');
    await configureByApi(stack(), configured.serial);
    const expected: InventorySummary = {
      ...before,
      total: before.total + 2,
      byStatus: {
        ...before.byStatus,
        NOT_CONFIGURED: before.byStatus.NOT_CONFIGURED + 1,
        CONFIGURED: before.byStatus.CONFIGURED + 1,
      },
    };

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', onDashboard);
    await expectCounts(page, expected);
    // The page waited for these numbers; the service must answer the same (and nothing else moved).
    const after = await restSummary(stack());
    expect({ total: after.total, byStatus: after.byStatus, locked: after.locked }).toEqual({
      total: expected.total,
      byStatus: expected.byStatus,
      locked: expected.locked,
    });
    const policies = page.getByRole('table', { name: 'Counts per policy' });
    await visible(policies, 'the per-policy counts');
    await visible(
      page.getByRole('img', { name: /Bar chart of keys per status/ }),
      'the status chart, named',
    );
    await visible(
      page.getByRole('img', { name: /Donut chart of keys per policy/ }),
      'the policy chart, named',
    );
    const events = page.getByRole('table', { name: 'Last events' });
    await visible(events.getByRole('columnheader', { name: 'Serial' }), 'the last events');
    expect(await events.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'the dashboard');
  });

  it('shows the auditor (read-only) the same counts as the REST answer', async () => {
    const summary = await restSummary(stack());
    expect(summary.total).toBeGreaterThanOrEqual(2);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', onDashboard);
    await expectCounts(page, summary);
    await visible(page.getByRole('table', { name: 'Last events' }), 'the last events');
    await expectNoAxeViolations(page, 'the dashboard as the auditor');
  });

  it('names the missing permission: report:read for the page, audit:read for the last events', async () => {
    const operator = await openConsolePage(browser(), stack());
    await signIn(operator, 'operator', {
      path: '/dashboard',
      landing: (p) => p.getByRole('heading', { name: 'Access denied' }),
    });
    await visible(operator.getByText('"report:read"'), 'the missing report:read');

    const helpdesk = await openConsolePage(browser(), stack());
    await signIn(helpdesk, 'helpdesk', onDashboard);
    await visible(
      helpdesk.getByText('This needs the permission "audit:read"'),
      'the missing audit:read on the last events',
    );
    await expect(helpdesk.getByRole('table', { name: 'Last events' }).count()).resolves.toBe(0);
  });
});
