import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { assignByApi, heldAtEntra, inventoryRow } from './support/inventory.ts';
import { configureByApi, dialog } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const inventoryHeading = (page: import('playwright-core').Page) =>
  page.getByRole('heading', { name: 'Device Inventory', level: 1 });

describe('the Device Inventory', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('lists an assigned key, shows its history, and revokes it at the IdP', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await assignByApi(stack(), key, 'alice@contoso.example');
    await stack().reportingCaughtUp();
    const record = await stack().api('reporting', 'GET', `/inventory/${key.serial}`);
    expect(record.body, JSON.stringify(record.body)).toMatchObject({ status: 'ENROLLED' });
    const credentialId = String(record.body.credentialId);
    expect(heldAtEntra(stack(), credentialId), 'the passkey at the Entra emulator').toBe(true);

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', { path: '/inventory', landing: inventoryHeading });
    const tab = page.getByRole('tab', { name: 'Configured & assigned' });
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
    const row = inventoryRow(page, key.serial);
    await visible(row.getByText('ENROLLED'), 'the key ENROLLED in the inventory');
    await visible(row.getByText('Alice', { exact: false }), 'its user');
    await expectNoAxeViolations(page, 'the inventory');

    // The search and the Stock tab live in the URL and filter on the server.
    await page.getByRole('textbox', { name: 'Search by serial or user' }).fill('alice');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'alice');
    await visible(row, 'the key found by its user');
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'stock');
    await visible(page.getByText('No keys match'), 'no assigned key in Stock');
    await page.getByRole('tab', { name: 'Configured & assigned' }).click();

    await row.getByRole('link', { name: key.serial }).click();
    await visible(
      page.getByRole('heading', { name: `Key ${key.serial}`, level: 1 }),
      'the key page',
    );
    const history = page.getByRole('table', { name: `History of key ${key.serial}` });
    await visible(history.getByText('keyward.enrollment.completed'), 'the enrollment in history');
    await visible(history.getByText('keyward.device.configured'), 'the configuration in history');
    await expectNoAxeViolations(page, 'the key page');

    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    const confirm = dialog(page, 'Revoke key');
    await visible(confirm.getByText(`Revoke key ${key.serial}?`), 'the serial in the dialog');
    await visible(confirm.getByText(/passkey of Alice/), 'the user in the dialog');
    await expectNoAxeViolations(page, 'the revoke dialog');
    await confirm.getByLabel('Reason (optional)').fill('lost on a train');
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await visible(page.getByText('REVOKED', { exact: true }), 'the key REVOKED');
    expect(heldAtEntra(stack(), credentialId), 'the passkey deleted at the IdP').toBe(false);
    await expect(page.getByRole('button', { name: 'Revoke', exact: true }).count()).resolves.toBe(
      0,
    );

    // The inventory and its history follow the revocation, by the signed-in administrator.
    await stack().reportingCaughtUp();
    await page.reload();
    await visible(page.getByText('REVOKED', { exact: true }), 'REVOKED after a reload');
    const revoked = page
      .getByRole('table', { name: `History of key ${key.serial}` })
      .getByRole('row')
      .filter({ hasText: 'keyward.credential.revoked' });
    await visible(revoked, 'the revocation in history');
    await expect(revoked.textContent()).resolves.toContain('user:');
  });

  it('offers the auditor no Revoke, and shows an operator which permission the history needs', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await assignByApi(stack(), key, 'bob@contoso.example');
    await stack().reportingCaughtUp();
    const keyHeading = (page: import('playwright-core').Page) =>
      page.getByRole('heading', { name: `Key ${key.serial}`, level: 1 });

    const auditorPage = await openConsolePage(browser(), stack());
    await signIn(auditorPage, 'auditor', {
      path: `/inventory/${key.serial}`,
      landing: keyHeading,
    });
    const history = auditorPage.getByRole('table', { name: `History of key ${key.serial}` });
    await visible(history.getByText('keyward.enrollment.completed'), 'the history');
    await visible(auditorPage.getByText('ENROLLED', { exact: true }), 'the key ENROLLED');
    await expect(
      auditorPage.getByRole('button', { name: 'Revoke', exact: true }).count(),
    ).resolves.toBe(0);

    const operatorPage = await openConsolePage(browser(), stack(), {
      // The history's GET /audit is refused (403): the page says so, the browser logs it.
      allowConsoleErrors: [/status of 403.*\/api\/reporting\/audit\?/],
    });
    await signIn(operatorPage, 'operator', {
      path: `/inventory/${key.serial}`,
      landing: keyHeading,
    });
    await visible(
      operatorPage.getByText('The history needs another permission'),
      'the history refused',
    );
    await visible(operatorPage.getByText('audit:read', { exact: false }), 'the missing permission');
    await expect(
      operatorPage.getByRole('button', { name: 'Revoke', exact: true }).count(),
    ).resolves.toBe(0);
  });
});
