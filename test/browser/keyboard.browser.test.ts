import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { configureByApi, dialog, keyRow, statusOf } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

/** Whether keyboard focus is inside `container`. */
async function hasFocusWithin(container: Locator): Promise<boolean> {
  return container.evaluate((el) => el.contains(el.ownerDocument.activeElement));
}

/** Opens a row action from its menu with the keyboard only. */
async function openFromMenu(page: Page, serial: string, action: string): Promise<void> {
  await keyRow(page, serial)
    .getByRole('button', { name: `Actions for key ${serial}` })
    .focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('menuitem');
  await items.first().waitFor();
  const names = (await items.allTextContents()).map((t) => t.trim());
  const index = names.indexOf(action);
  expect(index, `${action} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  // The menu focuses its first item; arrows move through the rest.
  await items.first().focus();
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe('the FIDO Keys page from the keyboard', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('configures a key with the keyboard only', async () => {
    await using key = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    await keyRow(page, key.serial).getByRole('button', { name: 'Configure', exact: true }).focus();
    await page.keyboard.press('Enter');
    const configure = dialog(page, 'Configure keys');
    await visible(configure, 'the configure dialog');
    expect(await hasFocusWithin(configure), 'focus moves into the dialog').toBe(true);
    await configure.getByLabel('Policy').focus();
    await configure.getByLabel('Policy').selectOption({ label: policy.name });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Next (the form submits)
    await visible(configure.getByText(`Policy: ${policy.name}`), 'the confirmation');
    await configure.getByRole('button', { name: 'Configure', exact: true }).focus();
    await page.keyboard.press('Enter');
    await visible(configure.getByText('Configuration completed'), 'completed');
    await page.keyboard.press('Escape');
    await configure.waitFor({ state: 'detached' });
    await visible(statusOf(page, key.serial).getByText('CONFIGURED'), 'CONFIGURED');
  });

  it('opens every dialog of a key from its menu, keeps focus inside, and closes it with Escape', async () => {
    await using key = await stack().plugKey('enterprise');
    const policy = await stack().createPolicy({ adminPin: { enabled: true, length: 12 } });
    await configureByApi(stack(), key.serial, policy.id);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await visible(statusOf(page, key.serial).getByText('CONFIGURED'), 'CONFIGURED');

    const dialogs = {
      'Initial PIN': 'Initial PIN',
      'Functional test': 'Functional test',
      'Park in stock': 'Park in stock',
      Reset: 'Reset key',
    } as const;
    for (const [action, title] of Object.entries(dialogs)) {
      await openFromMenu(page, key.serial, action);
      const open = dialog(page, title);
      await visible(open, `the ${title} dialog`);
      expect(await hasFocusWithin(open), `focus inside ${title}`).toBe(true);
      for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
      expect(await hasFocusWithin(open), `Tab stays inside ${title}`).toBe(true);
      await expectNoAxeViolations(page, `the ${title} dialog`);
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'detached' });
    }
    // Assign is the row's button.
    await keyRow(page, key.serial).getByRole('button', { name: 'Assign', exact: true }).focus();
    await page.keyboard.press('Enter');
    const assign = dialog(page, 'Assign key');
    await visible(assign, 'the assign dialog');
    expect(await hasFocusWithin(assign)).toBe(true);
    await expectNoAxeViolations(page, 'the assign dialog');
    await page.keyboard.press('Escape');
    await assign.waitFor({ state: 'detached' });
  });
});
