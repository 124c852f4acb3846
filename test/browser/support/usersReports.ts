import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Locators and helpers of the Users and Reports pages (usersReports.browser.test.ts). */
export const usersHeading = (page: Page) => page.getByRole('heading', { name: 'Users', level: 1 });
export const reportsHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Reports', level: 1 });

/** The keys table of the chosen user, and a key's row in it. */
export function userKeyRow(page: Page, serial: string): Locator {
  return page
    .getByRole('table', { name: 'Keys of the user' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: serial, exact: true }) });
}

/** Searches the directory from the Users page and waits until the query is in the URL. */
export async function searchUser(page: Page, q: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Search users' }).fill(q);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

/** A report's card on the Reports page, by its title. */
export function reportCard(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true });
}

/** Clicks a report's download button and returns the saved file's text. */
export async function downloadText(
  page: Page,
  report: string,
  format: 'CSV' | 'JSON',
): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download ${report} as ${format}`, exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}
