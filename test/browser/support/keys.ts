import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { visible } from './browser.ts';
import type { ConsoleStack } from './stack.ts';

/** Locators of the FIDO Keys page. */

/** The row of one key in the "Connected keys" list. */
export function keyRow(page: Page, serial: string): Locator {
  return page
    .getByRole('list', { name: 'Connected keys' })
    .getByRole('listitem')
    .filter({ has: page.getByText(`Serial ${serial}`, { exact: true }) });
}

/** Starts an action from the key's row: its button, or else its menu. */
export async function startAction(page: Page, serial: string, action: string): Promise<void> {
  const row = keyRow(page, serial);
  await visible(row, `the row of ${serial}`);
  const button = row.getByRole('button', { name: action, exact: true });
  if ((await button.count()) > 0) {
    await button.click();
    return;
  }
  await row.getByRole('button', { name: `Actions for key ${serial}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** The status label group of a key's row. */
export function statusOf(page: Page, serial: string): Locator {
  return keyRow(page, serial).getByRole('list', { name: `Status of key ${serial}` });
}

/** The open modal dialog with this title. */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

/** A dialog's footer Close button (not the X in its header, which is named "Close" too). */
export function closeButton(d: Locator): Locator {
  return d.getByRole('button', { name: 'Close', exact: true }).last();
}

/** The key's initial PIN from the policy vault, as the demo administrator reads it. */
export async function vaultPin(
  stack: ConsoleStack,
  serial: string,
  kind: 'user' | 'admin' = 'user',
): Promise<string> {
  const r = await stack.api('policy', 'GET', `/devices/${serial}/pins/${kind}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as Record<string, string>)[`${kind}Pin`]!;
}

/** Seeds a CONFIGURED key through the gateway's API (another feature's UI is not under test). */
export async function configureByApi(
  stack: ConsoleStack,
  serial: string,
  policyId?: string,
): Promise<void> {
  const id = policyId ?? (await stack.createPolicy()).id;
  const devices = await stack.api('device-gateway', 'GET', '/devices');
  const device = (devices.body as { devices: { id: string; serial: string }[] }).devices.find(
    (d) => d.serial === serial,
  );
  expect(device, `${serial} is attached`).toBeDefined();
  const r = await stack.api(
    'device-gateway',
    'POST',
    `/devices/${device!.id}/configure?wait=true`,
    {
      policyId: id,
    },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Every action a key's row offers: its button and the items of its menu. */
export async function rowActions(page: Page, serial: string): Promise<string[]> {
  const row = keyRow(page, serial);
  await visible(row, `the row of ${serial}`);
  const menu = row.getByRole('button', { name: `Actions for key ${serial}` });
  const buttons = (await row.getByRole('button').allTextContents())
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if ((await menu.count()) === 0) return buttons;
  await menu.click();
  const items = (await page.getByRole('menuitem').allTextContents()).map((t) => t.trim());
  await page.keyboard.press('Escape');
  return [...buttons, ...items];
}
