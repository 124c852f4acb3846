import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  fidoKeysHeading,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { configureByApi, statusOf } from './support/keys.ts';
import { type SimKey, useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();
const ALICE = 'alice@contoso.example';

/** The row of a key on the assignment page. */
function assignRow(page: import('playwright-core').Page, serial: string) {
  return page
    .getByRole('list', { name: 'Connected keys' })
    .getByRole('listitem')
    .filter({ has: page.getByText(serial, { exact: true }) });
}

/** Opens /assign-user/<user> signed in, runs the offered action on the key and touches it. */
async function assignThroughUrl(
  key: SimKey,
  offer: string,
  options: { policyName?: string; user?: string } = {},
) {
  const page = await openConsolePage(browser(), stack());
  const user = options.user ?? ALICE;
  await signIn(page, 'admin', {
    path: `/assign-user/${encodeURIComponent(user)}`,
    landing: (p) => p.getByRole('heading', { name: `Assign a key to ${user}`, level: 1 }),
  });
  await visible(page.getByText(/ at Contoso Entra/), 'the user resolved at the default IdP');
  const row = assignRow(page, key.serial);
  await row.getByRole('button', { name: offer, exact: true }).click();
  const dialogTitle = offer === 'Configure & assign' ? 'Configure & assign key' : 'Assign key';
  const assign = page.getByRole('dialog', { name: dialogTitle });
  if (options.policyName) {
    await assign.getByLabel('Policy').selectOption({ label: options.policyName });
    await assign.getByRole('button', { name: 'Next' }).click();
  }
  await visible(assign.getByText(user, { exact: false }).first(), 'the user in the review');
  await expectNoAxeViolations(page, `the ${offer} review`);
  const start = offer === 'Configure & assign' ? 'Configure & assign' : 'Assign';
  await assign.getByRole('button', { name: start, exact: true }).click();
  await visible(assign.getByText('Touch your key'), 'the touch prompt');
  await key.touch();
  await visible(assign.getByText('Enrollment successful'), 'Enrollment successful');
  await assign.getByRole('button', { name: 'Back to FIDO Keys' }).click();
  await visible(fidoKeysHeading(page), 'the FIDO Keys page');
  await visible(statusOf(page, key.serial).getByText('ENROLLED'), 'the key ENROLLED');
  return page;
}

describe('assignment by URL (/assign-user/<username>)', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('NOT CONFIGURED: choose a policy, Configure & assign, touch, Enrollment successful', async () => {
    await using key = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    await assignThroughUrl(key, 'Configure & assign', { policyName: policy.name });
  });

  it('READY: Configure & assign with the policy linked to the key', async () => {
    await using key = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    await stack().linkKeys(policy.id, [key.serial]);
    await assignThroughUrl(key, 'Configure & assign');
  });

  it('CONFIGURED: Assign', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    await assignThroughUrl(key, 'Assign', { user: 'bob@contoso.example' });
  });

  it('REVOKED: Assign again', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await assignThroughUrl(key, 'Assign', { user: 'carol@contoso.example' });
    await page.close();
    await stack().revokeKey(key.serial);
    await assignThroughUrl(key, 'Assign again', { user: 'carol@contoso.example' });
  });

  it('an unknown user is a clear error, and no key can be assigned', async () => {
    await using key = await stack().plugKey('generic');
    // The browser logs the directory's 404 for the unknown user.
    const page = await openConsolePage(browser(), stack(), {
      allowConsoleErrors: ['the server responded with a status of 404'],
    });
    const user = 'nobody@contoso.example';
    await signIn(page, 'admin', {
      path: `/assign-user/${user}`,
      landing: (p) => p.getByRole('heading', { name: `Assign a key to ${user}`, level: 1 }),
    });
    await visible(page.getByText(`The user ${user} cannot be assigned`), 'the error');
    await visible(assignRow(page, key.serial), 'the key listed');
    const offer = assignRow(page, key.serial).getByRole('button', { name: 'Configure & assign' });
    expect(await offer.isDisabled(), 'Configure & assign without a user').toBe(true);
  });
});
