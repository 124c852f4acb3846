import { type OktaEmulator, startOktaEmulator } from '@keyward/idp-emulators';
import * as jose from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { expectNoLeaks } from './support/leaks.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const CLIENT_ID = '0oa-console';
const KEY_ID = 'kw-console-1';
let okta: OktaEmulator;
let privateKeyPem: string;

beforeAll(async () => {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
  privateKeyPem = await jose.exportPKCS8(privateKey);
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256' };
  okta = await startOktaEmulator({
    clients: [
      { clientId: CLIENT_ID, publicJwk, grantedScopes: ['okta.users.read', 'okta.users.manage'] },
    ],
    users: [{ login: 'erin@okta.example', givenName: 'Erin', surname: 'Evans' }],
  });
});
afterAll(async () => okta?.stop());

const heading = (page: Page) => page.getByRole('heading', { name: 'Identity providers', level: 1 });
const row = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Identity provider connections' }).getByRole('row', { name });

describe('the Identity providers page', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('creates an Okta connection from a pasted PEM whose Test connection passes, then names the withheld scope', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', { path: '/idps', landing: heading });
    await visible(row(page, 'Contoso Entra (emulator)'), 'the stack’s Entra connection');

    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByRole('menuitem', { name: 'Add Okta connection' }).click();
    const form = page.getByRole('dialog', { name: 'New Okta connection' });
    await form.getByLabel('Name').fill('Okta browser');
    await form.getByLabel('Org URL').fill(okta.baseUrl);
    await form.getByLabel('Client ID').fill(CLIENT_ID);
    await form.getByLabel('Key ID').fill(KEY_ID);
    await form.getByLabel('Private key (PEM)').fill(privateKeyPem);
    await expectNoAxeViolations(page, 'the Okta form');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const okRow = row(page, 'Okta browser');
    await okRow.getByRole('button', { name: 'Test connection' }).click();
    await visible(
      page.getByText('Test connection of Okta browser succeeded'),
      'the successful Test connection',
    );

    // The grants are withdrawn at the provider (okta.users.manage would also let a read pass):
    // the user read now answers 403 insufficient_scope naming okta.users.read.
    okta.state.setGrants(CLIENT_ID, []);
    await okRow.getByRole('button', { name: 'Test connection' }).click();
    await visible(page.getByText(/Test connection of Okta browser failed/), 'the failed test');
    await visible(page.getByText('Missing: scope okta.users.read'), 'the missing scope named');
    await expectNoAxeViolations(page, 'the failed verdict');

    // The saved key is write-only: the edit form offers only to replace it.
    await okRow.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Okta browser' });
    await visible(edit.getByText('set — replace'), 'the saved PEM not shown again');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    const body = privateKeyPem.split('\n').slice(1, -2).join('');
    await expectNoLeaks(page, [{ label: 'Okta private key', value: body }], {
      services: ['identity'],
    });
  });

  it('shows the auditor which permission the page needs', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'auditor', {
      path: '/idps',
      landing: (p) => p.getByRole('heading', { name: 'Access denied' }),
    });
    await visible(page.getByText('idp:write'), 'the missing permission named');
    await expect(page.getByRole('button', { name: 'Add connection' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the access-denied page');
  });
});
