import type { Locator, Page } from 'playwright-core';
import { visible } from './browser.ts';

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
