import { describe, expect, it } from 'vitest';
import {
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { keyRow } from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

// Console tokens live 8 s here, so the session runs out during the scenario.
const TOKEN_TTL_SECONDS = 8;
const stack = useConsoleStack({ accessTokenTtlSeconds: TOKEN_TTL_SECONDS });
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
