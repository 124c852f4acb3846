import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { closeButton, configureByApi, dialog, vaultPin } from './support/keys.ts';
import { expectNoLeaks } from './support/leaks.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const keyHeading = (serial: string) => (page: Page) =>
  page.getByRole('heading', { name: `Key ${serial}`, level: 1 });

describe('the Device inventory’s help-desk actions', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('issues a remote-unlock response for the challenge a locked key shows, and the key accepts it', async () => {
    await using key = await stack().plugKey('enterprise');
    const policy = await stack().createPolicy({ adminPin: { enabled: true, length: 12 } });
    await configureByApi(stack(), key.serial, policy.id);
    const userPin = await vaultPin(stack(), key.serial, 'user');
    await key.blockPin();
    // The user's side: their key shows a challenge, which they read out to the help desk.
    const started = await stack().api(
      'device-gateway',
      'POST',
      `/simulation/devices/${await key.deviceId()}/unlock-challenge`,
      { newPin: '73915582' },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const challenge = String((started.body as { challenge: string }).challenge);
    await stack().reportingCaughtUp();

    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', {
      path: `/inventory/${key.serial}`,
      landing: keyHeading(key.serial),
    });
    await visible(page.getByText(policy.name), 'the policy by its name');

    await page.getByRole('button', { name: 'Remote unlock' }).click();
    const unlock = dialog(page, 'Remote unlock');
    await expect(unlock.getByLabel('Serial of the key').inputValue()).resolves.toBe(key.serial);
    const challengeField = unlock.getByLabel('Challenge the user reads out');
    await challengeField.fill('not a challenge');
    await visible(unlock.getByText('A challenge is 32 hexadecimal characters.'), 'the format rule');
    // Read out in groups, as a person would.
    await challengeField.fill(challenge.match(/.{4}/g)!.join(' '));
    await unlock.getByRole('button', { name: 'Get response' }).click();
    const responseField = unlock.getByLabel('Response to read back');
    await visible(responseField, 'the response');
    await expectNoAxeViolations(page, 'the remote unlock dialog');
    const response = (await responseField.inputValue()).replace(/\s/g, '');
    expect(response).toMatch(/^[0-9a-f]{32}$/);

    // The user types the response into their key: it accepts it, the PIN is no longer blocked.
    const answered = await stack().api(
      'device-gateway',
      'POST',
      `/simulation/devices/${await key.deviceId()}/unlock-answer`,
      { response },
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect((answered.body as { pinRetries: number }).pinRetries).toBeGreaterThan(0);

    await closeButton(unlock).click();
    await unlock.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(response);
    // Issuing the response is audited, naming the administrator.
    await stack().reportingCaughtUp();
    const audit = await stack().api(
      'reporting',
      'GET',
      `/audit?serial=${key.serial}&type=keyward.unlock.response_issued`,
    );
    const records = (audit.body as { items: { type: string; actor: string }[] }).items.filter(
      (r) => r.type === 'keyward.unlock.response_issued',
    );
    expect(records.length, JSON.stringify(audit.body)).toBe(1);
    expect(records[0]!.actor).toContain('admin');
    await expectNoLeaks(page, [...stack().secrets, { label: 'user PIN', value: userPin }]);
  });

  it('exports the filtered inventory as CSV and JSON', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await stack().reportingCaughtUp();
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', {
      path: `/inventory?q=${key.serial}`,
      landing: (p) => p.getByRole('heading', { name: 'Device Inventory', level: 1 }),
    });
    await visible(page.getByRole('link', { name: key.serial, exact: true }), 'the key found');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csvText.split('\n')[0]).toContain('serial');
    expect(csvText).toContain(key.serial);
    // The search is part of the export: one key, not the whole inventory.
    expect(csvText.trim().split('\n')).toHaveLength(2);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const jsonText = await readFile(await json.path(), 'utf8');
    expect(jsonText).toContain(key.serial);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: key.serial, exact: true }).click();
    await visible(keyHeading(key.serial)(page), 'the key page');
    // Initial PIN: the FIDO Keys page's dialog, with the gateway's permission table.
    await page.getByRole('button', { name: 'Initial PIN' }).click();
    const pins = dialog(page, 'Initial PIN');
    await visible(pins.getByLabel('User PIN', { exact: true }), 'the user PIN field');
    await expectNoAxeViolations(page, 'the initial PIN dialog');
    await closeButton(pins).click();
    await pins.waitFor({ state: 'detached' });
  });

  it('offers the auditor no remote unlock and no initial PIN', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await stack().reportingCaughtUp();
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', {
      path: `/inventory/${key.serial}`,
      landing: keyHeading(key.serial),
    });
    await visible(page.getByRole('heading', { name: 'History', level: 2 }), 'the history');
    expect(await page.getByRole('button', { name: 'Remote unlock' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Initial PIN' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
  });
});
