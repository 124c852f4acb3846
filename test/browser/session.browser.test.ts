import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { configureByApi, dialog, keyRow, startAction } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

// Short windows: console tokens live 15 s here, so a session runs out during the scenario, and a
// reset waits 3 s for the key to be pulled out and put back.
const TOKEN_TTL_SECONDS = 15;
const stack = useConsoleStack({
  accessTokenTtlSeconds: TOKEN_TTL_SECONDS,
  resetReinsertTimeoutMs: 3_000,
});
const browser = useBrowser();

describe('an expired session', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('says so, signs in again in a pop-up and keeps the page as it was', async () => {
    await using key = await stack().plugKey('generic');
    const page = await openConsolePage(browser(), stack(), {
      // Calls made in the instant the token runs out are answered 401.
      allowConsoleErrors: ['status of 401'],
    });
    await signIn(page, 'admin');
    const toggle = keyRow(page, key.serial).getByRole('button', {
      name: `Details of key ${key.serial}`,
    });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    const expired = page.getByRole('dialog', { name: 'Your session has expired' });
    await expired.waitFor({ timeout: TOKEN_TTL_SECONDS * 1000 + STEP_TIMEOUT_MS });
    await expectNoAxeViolations(page, 'the session-expired dialog');
    const popup = page.waitForEvent('popup');
    await expired.getByRole('button', { name: 'Sign in again' }).click();
    // The provider still knows the browser: the pop-up goes straight back and closes.
    const signInWindow = await popup;
    if (!signInWindow.isClosed())
      await signInWindow.waitForEvent('close', { timeout: STEP_TIMEOUT_MS });
    await expired.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded'), 'the expanded row stays expanded').toBe(
      'true',
    );
    await visible(keyRow(page, key.serial), 'the key still listed');
  });
});

describe('a missed reset window', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('says the key was not reinserted in time and resets it on Try again', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await startAction(page, key.serial, 'Reset');
    const reset = dialog(page, 'Reset key');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await visible(reset.getByText('Remove and reinsert the key'), 'the reinsert prompt');
    // Nobody reinserts it: the window closes.
    await visible(reset.getByText('The reset did not complete'), 'the missed window');
    await expectNoAxeViolations(page, 'the failed reset');
    await reset.getByRole('button', { name: 'Try again' }).click();
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await visible(reset.getByText('Remove and reinsert the key'), 'the reinsert prompt again');
    await key.reinsert();
    await key.touch();
    await visible(reset.getByText('Reset complete'), 'Reset complete');
  });
});
