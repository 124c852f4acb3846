import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import { assignByApi } from './support/inventory.ts';
import { configureByApi } from './support/keys.ts';
import {
  cellText,
  descriptionOf,
  policiesHeading,
  policyHeading,
  policyRow,
  restLinkedSerials,
  restPolicy,
  restPolicyByName,
} from './support/policies.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

const onPolicies = { path: '/policies', landing: policiesHeading };

describe('the Policies pages', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('starts empty with Create, then lists each policy with its keys and users as reporting counts them', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin', onPolicies);
    await visible(page.getByRole('heading', { name: 'No policies yet' }), 'the empty state');
    await visible(page.getByRole('button', { name: 'Create policy' }).first(), 'Create');
    await expectNoAxeViolations(page, 'the empty Policies list');

    const used = await stack().createPolicy({ name: 'Used policy' });
    await stack().createPolicy({ name: 'Unused policy' });
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial, used.id);
    await assignByApi(stack(), key, 'alice@contoso.example');
    await stack().reportingCaughtUp();

    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = policyRow(page, 'Used policy');
    await visible(cellText(row, 2, '1'), 'one key of Used policy');
    await visible(cellText(row, 3, '1'), 'one user of Used policy');
    await visible(cellText(policyRow(page, 'Unused policy'), 2, '0'), 'no key of Unused policy');
    await visible(row.getByRole('link', { name: 'Edit Used policy' }), 'the Edit link');
    await expectNoAxeViolations(page, 'the Policies list');
  });

  it('creates a policy with options from every section; a contradiction shows at the field it names', async () => {
    const page = await openConsolePage(browser(), stack(), {
      allowConsoleErrors: ['the server responded with a status of 400'],
    });
    await signIn(page, 'admin', onPolicies);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await visible(page.getByRole('heading', { name: 'Create policy', level: 1 }), 'the form');
    await page.getByLabel('Name').fill('Strict cards');
    await page.getByLabel(/^Minimum PIN length\s*\*?$/).fill('8');
    const generated = page.getByLabel('Length of generated PINs');
    await generated.fill('6');
    await page.getByLabel('Upper-case letters').check();
    await page.getByLabel('Who picks the initial PIN').selectOption('admin-chosen');
    await page.getByLabel('How the initial PIN is shown').selectOption('displayed');
    await page.getByLabel('The user must change the PIN on first use (forcePINChange)').check();
    await page.getByLabel('Minimum PIN length set on the key').fill('8');
    await page
      .getByLabel('RP IDs allowed to read the minimum PIN length')
      .fill('login.contoso.example\nvpn.contoso.example');
    await page.getByLabel('Always require user verification (alwaysUv)').selectOption('on');
    await page.getByLabel('Required credProtect level').selectOption('3');
    await page.getByLabel('Allowed AAGUIDs').fill('ee882879-721c-4913-9775-3dfcce97072a');
    await page.getByLabel('Lowest FIDO certification level').selectOption('FIDO_CERTIFIED_L2');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await visible(
      page.getByText('The policy service refused the policy; see the fields marked below.'),
      'the form alert',
    );
    await visible(page.getByText(/expected at least pin\.minLength \(8\)/), 'the contradiction');
    expect(await descriptionOf(generated)).toContain('expected at least pin.minLength (8)');
    await expect(generated.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'the policy form with a refused field');

    await generated.fill('10');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await visible(policyHeading(page, 'Strict cards'), 'the new policy');
    await visible(page.getByText('Saved as version 1.'), 'saved');
    const saved = await restPolicyByName(stack(), 'Strict cards');
    expect(saved).toMatchObject({
      version: 1,
      pin: {
        minLength: 8,
        generatedLength: 10,
        characterClasses: ['digits', 'uppercase'],
        initialPin: 'admin-chosen',
        delivery: 'displayed',
        changeAtIssuance: true,
      },
      key: {
        minPinLength: 8,
        minPinLengthRpIds: ['login.contoso.example', 'vpn.contoso.example'],
        alwaysUv: true,
        credProtect: 3,
      },
      authenticators: {
        allowedAaguids: ['ee882879-721c-4913-9775-3dfcce97072a'],
        requiredCertification: 'FIDO_CERTIFIED_L2',
      },
    });
  });

  it('refuses a stale save and offers a reload; links pasted serials; refuses delete naming linked keys', async () => {
    const policy = await stack().createPolicy({ name: 'Raced policy' });
    const page = await openConsolePage(browser(), stack(), {
      allowConsoleErrors: [
        'the server responded with a status of 409',
        'the server responded with a status of 400',
      ],
    });
    await signIn(page, 'admin', {
      path: `/policies/${policy.id}`,
      landing: (p) => policyHeading(p, 'Raced policy'),
    });
    const description = page.getByLabel('Description');
    await description.fill('mine');
    // Someone else saves version 2 while the form is open.
    const theirs = await stack().api('policy', 'PUT', `/policies/${policy.id}`, {
      name: 'Raced policy',
      description: 'theirs',
      pin: { minLength: 6, generatedLength: 8 },
      key: { minPinLength: 6 },
      expectedVersion: 1,
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByText('Someone else changed this policy meanwhile'), 'the lost race');
    await visible(page.getByText(/You edited version 1, but version 2 is now current/), 'versions');
    expect(await restPolicy(stack(), policy.id)).toMatchObject({
      version: 2,
      description: 'theirs',
    });
    await page.getByRole('button', { name: 'Reload the current version' }).click();
    await visible(page.getByText('v2', { exact: false }).first(), 'version 2 loaded');
    await expect(description.inputValue()).resolves.toBe('theirs');

    const tooLong = `X${'9'.repeat(128)}`;
    await page.getByLabel('Serials to link').fill(`POL-A1\nPOL-A2, ${tooLong}`);
    await page.getByRole('button', { name: 'Link keys' }).click();
    await visible(page.getByText('Linked 2 keys: POL-A1, POL-A2'), 'the linked serials');
    await visible(page.getByText(`Not linked: ${tooLong}`, { exact: false }), 'the failed serial');
    const linked = page.getByRole('table', { name: 'Linked keys' });
    await visible(linked.getByRole('cell', { name: 'POL-A2', exact: true }), 'POL-A2 listed');
    expect(await restLinkedSerials(stack(), policy.id)).toEqual(['POL-A1', 'POL-A2']);
    await expectNoAxeViolations(page, 'the policy page after linking');

    await page.getByRole('button', { name: 'Delete policy' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete policy Raced policy?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await visible(
      confirm.getByText('It is still used by 2 keys: POL-A1, POL-A2. Unlink or relink them first.'),
      'the refusal naming the keys',
    );
    expect((await restPolicy(stack(), policy.id)).version).toBe(2);
  });

  it('shows the auditor policies read-only, and a 403 naming policy:write for Create', async () => {
    const page = await openConsolePage(browser(), stack(), {
      allowConsoleErrors: [],
    });
    await signIn(page, 'auditor', onPolicies);
    const row = policyRow(page, 'Raced policy');
    await visible(row.getByRole('link', { name: 'View Raced policy' }), 'a View link');
    await expect(page.getByRole('button', { name: 'Create policy' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the Policies list as the auditor');

    await row.getByRole('link', { name: 'View Raced policy' }).click();
    await visible(policyHeading(page, 'Raced policy'), 'the policy, read-only');
    await visible(
      page.getByText('Read-only: changing policies needs the permission "policy:write".'),
      'why',
    );
    await visible(page.getByRole('cell', { name: 'POL-A1', exact: true }), 'its linked keys');
    await expect(page.getByLabel('Description').isDisabled()).resolves.toBe(true);
    for (const name of ['Save', 'Delete policy', 'Link keys'])
      await expect(page.getByRole('button', { name }).count(), name).resolves.toBe(0);
    await expect(page.getByLabel('Serials to link').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'a policy as the auditor');

    await page.goto(new URL('/policies/new', stack().consoleUrl).href);
    await visible(page.getByRole('heading', { name: 'Access denied' }), 'the 403 panel');
    await visible(page.getByText('"policy:write"'), 'the missing permission');
  });
});
