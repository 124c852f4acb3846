import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  fidoKeysHeading,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  userMenu,
  visible,
} from './support/browser.ts';
import { expectNoLeaks, readBrowserStorage } from './support/leaks.ts';
import { useConsoleStack } from './support/stack.ts';

// The whole stack (services as processes, the dev OpenID provider, Chromium) once for this file;
// the scenarios below run in order against it, each in a fresh browser context.
const stack = useConsoleStack();
const browser = useBrowser();

describe('signing in to the console', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('an administrator signs in at the dev provider and lands on FIDO Keys under their name', async () => {
    const page = await openConsolePage(browser(), stack());

    const admin = await signIn(page, 'admin');

    expect(new URL(page.url()).pathname, 'the callback URL is replaced by the page').toBe('/');
    await visible(userMenu(page, admin), `the masthead naming ${admin.name}`);
    await expectNoAxeViolations(page, 'the FIDO Keys page');
    // The token lives in memory only: nothing of the session in storage, cookies or logs.
    await expectNoLeaks(page, stack().secrets);
    const storage = await readBrowserStorage(page);
    expect(Object.keys(storage.localStorage), 'localStorage').toEqual([]);
  });

  it('signing out leaves a signed-out page that offers to sign in again', async () => {
    const page = await openConsolePage(browser(), stack());
    const admin = await signIn(page, 'admin');

    await userMenu(page, admin).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    // The provider ends its own session too (RP-initiated logout), after a confirmation.
    await visible(
      page.getByRole('heading', { name: 'Sign out of Keyward?' }),
      "the provider's sign-out confirmation",
    );
    await page.getByRole('button', { name: 'Sign out' }).click();

    await visible(
      page.getByRole('heading', { name: 'You have signed out', level: 1 }),
      'the signed-out page',
    );
    expect(new URL(page.url()).origin, 'back on the console').toBe(
      new URL(stack().consoleUrl).origin,
    );
    await visible(page.getByRole('button', { name: 'Sign in' }), 'the Sign in button');
    await expect(fidoKeysHeading(page).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the signed-out page');
    await expectNoLeaks(page, stack().secrets);
  });

  it('a link to a page that does not exist says so, with a way back', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', {
      path: '/no-such-page',
      landing: (p) => p.getByRole('heading', { name: 'Page not found' }),
    });
    await expectNoAxeViolations(page, 'the not-found page');
    await page.getByRole('link', { name: 'Back to FIDO Keys' }).click();
    await visible(fidoKeysHeading(page), 'the FIDO Keys page');
  });
});
