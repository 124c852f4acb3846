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
  closeButton,
  configureByApi,
  dialog,
  keyRow,
  startAction,
  statusOf,
  vaultPin,
} from './support/keys.ts';
import { expectNoLeaks } from './support/leaks.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

describe('the FIDO Keys page', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('configures a plugged-in key to a policy, shows its initial PIN on request and forgets it on close', async () => {
    await using key = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await visible(statusOf(page, key.serial).getByText('NOT CONFIGURED'), 'NOT CONFIGURED');

    await startAction(page, key.serial, 'Configure');
    const configure = dialog(page, 'Configure keys');
    await configure.getByLabel('Policy').selectOption({ label: policy.name });
    await configure.getByRole('button', { name: 'Next' }).click();
    await visible(configure.getByText(`Policy: ${policy.name}`), 'the confirmation step');
    await visible(configure.getByText(key.serial), 'the key in the confirmation');
    await expectNoAxeViolations(page, 'the configure confirmation');
    await configure.getByRole('button', { name: 'Configure', exact: true }).click();
    await visible(configure.getByText('Configuration completed'), 'Configuration completed');
    await visible(configure.getByText('Done'), 'the key marked done');
    await closeButton(configure).click();
    await visible(statusOf(page, key.serial).getByText('CONFIGURED'), 'CONFIGURED in the list');

    await keyRow(page, key.serial)
      .getByRole('button', { name: `Details of key ${key.serial}` })
      .click();
    await visible(
      keyRow(page, key.serial).getByText(policy.name),
      'the policy name in the details',
    );

    await startAction(page, key.serial, 'Initial PIN');
    const pinDialog = dialog(page, 'Initial PIN');
    const field = pinDialog.getByLabel('User PIN', { exact: true });
    await visible(field, 'the user PIN field');
    await expect(field.getAttribute('type')).resolves.toBe('password');
    const pin = await vaultPin(stack(), key.serial);
    await expect(field.inputValue()).resolves.toBe(pin);
    await pinDialog.getByRole('button', { name: 'Show User PIN' }).click();
    await expect(field.getAttribute('type')).resolves.toBe('text');
    await expect(pinDialog.getByLabel('Admin PIN', { exact: true }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the Initial PIN dialog');
    await closeButton(pinDialog).click();
    await pinDialog.waitFor({ state: 'detached' });
    expect(await page.content(), 'the PIN is gone from the DOM').not.toContain(pin);
    await expectNoLeaks(page, [...stack().secrets, { label: 'user PIN', value: pin }]);
  });

  it('assigns a configured key to a directory user: search, review, touch, Enrollment successful', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    await startAction(page, key.serial, 'Assign');
    const assign = dialog(page, 'Assign key');
    await visible(assign.getByLabel('Identity provider'), 'the IdP picker');
    expect(
      await assign.getByLabel('Identity provider').locator('option:checked').textContent(),
    ).toMatch(/\(default\)/);
    await assign.getByRole('textbox', { name: /Search users/ }).fill('alice');
    await assign.getByRole('radio', { name: /alice@contoso\.example/ }).check();
    await assign.getByRole('button', { name: 'Next' }).click();
    await visible(assign.getByLabel('Review'), 'the review');
    await expectNoAxeViolations(page, 'the assign review');
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await visible(assign.getByText('Touch your key'), 'the touch prompt');
    await key.touch();
    await visible(assign.getByText('Enrollment successful'), 'Enrollment successful');
    await visible(assign.getByRole('button', { name: 'Download report (CSV)' }), 'the report');
    await closeButton(assign).click();
    await visible(statusOf(page, key.serial).getByText('ENROLLED'), 'ENROLLED in the list');
  });

  it('resets a key: confirm naming the key, reinsert, touch, Reset complete', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    await startAction(page, key.serial, 'Reset');
    const reset = dialog(page, 'Reset key');
    await visible(reset.getByText(`Resetting ${key.serial} cannot be undone`), 'the warning');
    await expectNoAxeViolations(page, 'the reset confirmation');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await visible(reset.getByText('Remove and reinsert the key'), 'the reinsert prompt');
    await key.reinsert();
    await visible(reset.getByText('Touch the key now'), 'the touch prompt');
    await key.touch();
    await visible(reset.getByText('Reset complete'), 'Reset complete');
    await closeButton(reset).click();
    await visible(statusOf(page, key.serial).getByText('NOT CONFIGURED'), 'NOT CONFIGURED');
  });

  it('unlocks a LOCKED enterprise key with a chosen PIN checked as it is typed, and shows it once', async () => {
    await using key = await stack().plugKey('enterprise');
    const policy = await stack().createPolicy({ adminPin: { enabled: true, length: 12 } });
    await configureByApi(stack(), key.serial, policy.id);
    const adminPin = await vaultPin(stack(), key.serial, 'admin');
    await key.blockPin();
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await visible(statusOf(page, key.serial).getByText('LOCKED'), 'LOCKED');

    await startAction(page, key.serial, 'Unlock');
    const unlock = dialog(page, 'Unlock key');
    await unlock.getByLabel('Admin PIN').fill(adminPin);
    await unlock.getByRole('radio', { name: 'A PIN I choose' }).check();
    const chosen = unlock.getByLabel('Chosen PIN');
    await chosen.fill('7391');
    await visible(unlock.getByText(/expected at least 6/), 'the too-short rule');
    expect(await unlock.getByRole('button', { name: 'Unlock', exact: true }).isDisabled()).toBe(
      true,
    );
    await chosen.fill('73915582');
    await visible(unlock.getByText('The PIN meets the policy.'), 'the PIN accepted');
    await expectNoAxeViolations(page, 'the unlock dialog');
    await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
    await visible(unlock.getByText('The key is unlocked'), 'unlocked');
    await expect(unlock.getByLabel('New user PIN', { exact: true }).inputValue()).resolves.toBe(
      '73915582',
    );
    await closeButton(unlock).click();
    await unlock.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain('73915582');
    await statusOf(page, key.serial).getByText('LOCKED').waitFor({ state: 'detached' });
    await expectNoLeaks(page, [
      ...stack().secrets,
      { label: 'admin PIN', value: adminPin },
      { label: 'new PIN', value: '73915582' },
    ]);
  });
});
