import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { assignByApi } from './support/inventory.ts';
import { configureByApi } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';
import {
  downloadText,
  reportCard,
  reportsHeading,
  searchUser,
  userKeyRow,
  usersHeading,
} from './support/usersReports.ts';

const stack = useConsoleStack();
const browser = useBrowser();

/** The user id the inventory holds for a key (the IdP's id of its user). */
async function userIdOf(serial: string): Promise<string> {
  const record = await stack().api('reporting', 'GET', `/inventory/${serial}`);
  const user = (record.body as { user?: { id?: string } }).user;
  expect(user?.id, JSON.stringify(record.body)).toBeTruthy();
  return String(user?.id);
}

describe('the Users and Reports pages', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('finds a user at the IdP, lists their keys, and hands over to Add device', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await assignByApi(stack(), key, 'alice@contoso.example');
    await stack().reportingCaughtUp();

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', { path: '/users', landing: usersHeading });
    await visible(page.getByText('Search for a user'), 'the start state');
    await searchUser(page, 'alice@contoso.example');
    const found = page.getByRole('link', { name: /Show keys of Alice/ });
    await visible(found, 'Alice among the users found');
    // The list is reachable by keyboard: the result is a link, focus then Enter opens it.
    await found.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => Boolean(url.searchParams.get('user')));
    const row = userKeyRow(page, key.serial);
    await visible(row.getByText('ENROLLED'), "Alice's key ENROLLED");
    await expectNoAxeViolations(page, "the Users page with Alice's keys");

    // A reload keeps the search and the chosen user (both in the URL).
    await page.reload();
    await visible(row, 'the key after a reload');

    await searchUser(page, 'nobody@contoso.example');
    await visible(page.getByText('No users match'), 'the no-results state');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.waitForURL((url) => !url.searchParams.get('q'));
    await page.goBack();
    await page.goBack();
    await visible(row, 'the key once more');

    await page.getByRole('link', { name: 'Add device' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/assign-user/'));
    expect(decodeURIComponent(new URL(page.url()).pathname)).toContain('alice');

    await page.goBack();
    await row.getByRole('link', { name: key.serial }).click();
    await visible(page.getByRole('heading', { name: `Key ${key.serial}`, level: 1 }), 'key page');
  });

  it('shows the auditor a linked user’s keys read-only, naming the directory permission', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await assignByApi(stack(), key, 'bob@contoso.example');
    await stack().reportingCaughtUp();
    const userId = await userIdOf(key.serial);

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', {
      path: `/users?user=${encodeURIComponent(userId)}`,
      landing: usersHeading,
    });
    await visible(page.getByText('"device:enroll"', { exact: false }), 'the missing permission');
    await visible(userKeyRow(page, key.serial), "Bob's key");
    await visible(page.getByRole('heading', { name: /Keys of Bob/, level: 2 }), 'Bob named');
    await expect(page.getByRole('link', { name: 'Add device' }).count()).resolves.toBe(0);
    await expect(page.getByRole('textbox', { name: 'Search users' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the Users page of an auditor');
  });

  it('downloads every report as CSV or JSON with its filters, holding the seeded rows', async () => {
    const policy = await stack().createPolicy();
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial, policy.id);
    await assignByApi(stack(), key, 'carol@contoso.example');
    await stack().reportingCaughtUp();

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', { path: '/reports', landing: reportsHeading });
    for (const title of ['Devices', 'Devices by group', 'Sessions', 'Provisioning', 'PIN views']) {
      await visible(reportCard(page, title), `the ${title} report`);
    }
    await expectNoAxeViolations(page, 'the Reports page');

    const devices = await downloadText(page, 'Devices', 'CSV');
    expect(devices.name).toMatch(/\.csv$/);
    expect(devices.text).toContain(key.serial);

    await reportCard(page, 'Devices by group').getByLabel('Group by').selectOption('policy');
    const byPolicy = await downloadText(page, 'Devices by group', 'JSON');
    expect(byPolicy.name).toMatch(/\.json$/);
    expect(JSON.stringify(JSON.parse(byPolicy.text))).toContain(policy.id);
    await reportCard(page, 'Devices by group').getByLabel('Group by').selectOption('idp');
    const byIdp = await downloadText(page, 'Devices by group', 'CSV');
    expect(byIdp.text).toContain(`idp,${stack().idpId},`);

    // Sessions of today (UTC) hold the configuration just run; a range in the past holds none.
    const sessions = reportCard(page, 'Sessions');
    const today = new Date().toISOString().slice(0, 10);
    await sessions.getByLabel('From (UTC)').fill(today);
    await sessions.getByLabel('To (UTC)').fill(today);
    const recent = await downloadText(page, 'Sessions', 'JSON');
    expect(recent.text).toContain(policy.id);
    await sessions.getByLabel('From (UTC)').fill('2001-01-01');
    await sessions.getByLabel('To (UTC)').fill('2001-01-02');
    const old = await downloadText(page, 'Sessions', 'CSV');
    expect(old.text).toContain('sessionId');
    expect(old.text).not.toContain(policy.id);

    // A range that ends before it starts is refused in the form, before any request.
    await sessions.getByLabel('From (UTC)').fill('2001-01-03');
    await visible(sessions.getByText('"To" is before "From".'), 'the range error');
    await expect(
      page.getByRole('button', { name: 'Download Sessions as CSV' }).isDisabled(),
    ).resolves.toBe(true);
  });

  it('tells an operator the Reports page needs report:read', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'operator', {
      path: '/reports',
      landing: (p) => p.getByRole('heading', { name: 'Access denied', level: 1 }),
    });
    await visible(page.getByText('"report:read"', { exact: false }), 'the missing permission');
    await expect(page.getByRole('button', { name: /Download/ }).count()).resolves.toBe(0);
  });
});
