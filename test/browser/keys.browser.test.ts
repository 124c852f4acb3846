import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { closeButton, dialog, keyRow, startAction, statusOf } from './support/keys.ts';
import { expectNoLeaks } from './support/leaks.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

async function vaultUserPin(serial: string): Promise<string> {
  const r = await stack().api('policy', 'GET', `/devices/${serial}/pins/user`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { userPin: string }).userPin;
}

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
    const pin = await vaultUserPin(key.serial);
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
});
