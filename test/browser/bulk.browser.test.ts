import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  openConsolePage,
  SCENARIO_TIMEOUT_MS,
  signIn,
  useBrowser,
  visible,
} from './support/browser.ts';
import {
  closeButton,
  configureByApi,
  dialog,
  keyRow,
  startAction,
  statusOf,
} from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

describe('working on several keys', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('applies the linked policy to every READY key after a review list', async () => {
    await using first = await stack().plugKey('generic');
    await using second = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    await stack().linkKeys(policy.id, [first.serial, second.serial]);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    await page.getByRole('button', { name: 'Apply linked policy to 2 READY keys' }).click();
    const apply = dialog(page, 'Apply linked policy');
    const review = apply.getByRole('list', { name: 'Keys and their linked policies' });
    for (const key of [first, second])
      await visible(review.getByText(`${key.serial}: ${policy.name}`), `${key.serial} reviewed`);
    await expectNoAxeViolations(page, 'the apply-policy review');
    await apply.getByRole('button', { name: 'Apply', exact: true }).click();
    await visible(apply.getByText('Configuration completed'), 'completed');
    await closeButton(apply).click();
    for (const key of [first, second])
      await visible(statusOf(page, key.serial).getByText('CONFIGURED'), `${key.serial} configured`);
  });

  it("applies the linked policy to one READY key from the key's menu", async () => {
    await using key = await stack().plugKey('generic');
    const policy = await stack().createPolicy();
    await stack().linkKeys(policy.id, [key.serial]);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await visible(statusOf(page, key.serial).getByText('READY'), 'READY');

    await startAction(page, key.serial, 'Apply linked policy');
    const apply = dialog(page, 'Apply linked policy');
    await visible(apply.getByText(`${key.serial}: ${policy.name}`), 'the key and its policy');
    await apply.getByRole('button', { name: 'Apply', exact: true }).click();
    await visible(apply.getByText('Configuration completed'), 'completed');
    await closeButton(apply).click();
    await visible(statusOf(page, key.serial).getByText('CONFIGURED'), 'CONFIGURED');
  });

  it('keeps configuring keys as they are plugged in until Stop, then offers the report', async () => {
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');
    await visible(page.getByText('No keys connected'), 'an empty list');
    const policy = await stack().createPolicy();

    await page.getByRole('button', { name: 'Configure all connected keys' }).click();
    const configure = dialog(page, 'Configure keys');
    const continuous = configure.getByRole('radio', {
      name: 'Keep configuring new devices until I stop',
    });
    expect(await continuous.isChecked(), 'preselected with no key connected').toBe(true);
    await configure.getByLabel('Policy').selectOption({ label: policy.name });
    await configure.getByRole('button', { name: 'Next' }).click();
    await visible(configure.getByText(/Every key plugged in from now on/), 'the confirmation');
    await configure.getByRole('button', { name: 'Configure', exact: true }).click();
    await visible(configure.getByText(/Plug in the next key/), 'waiting for keys');

    await using key = await stack().plugKey('generic');
    const progress = configure.getByRole('list', { name: 'Progress per key' });
    await visible(
      progress.getByRole('listitem').filter({ hasText: key.serial }).getByText('Done'),
      'the new key done',
    );
    await expectNoAxeViolations(page, 'the continuous configure progress');
    await configure.getByRole('button', { name: 'Stop', exact: true }).click();
    await visible(configure.getByText('Configuration completed'), 'completed after Stop');
    const download = page.waitForEvent('download');
    await configure.getByRole('button', { name: 'Download report (CSV)' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toContain(key.serial);
    await closeButton(configure).click();
    await visible(statusOf(page, key.serial).getByText('CONFIGURED'), 'CONFIGURED in the list');
  });

  it("runs a functional test and parks the key in stock from the key's menu", async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    await startAction(page, key.serial, 'Functional test');
    const test = dialog(page, 'Functional test');
    await test.getByRole('button', { name: 'Run test' }).click();
    // A throwaway credential, then an assertion with it: the key asks for two touches.
    await visible(test.getByText('Touch your key'), 'the touch prompt');
    await key.touch();
    await key.touch();
    await visible(test.getByText('The key works'), 'the test passed');
    await closeButton(test).click();

    await startAction(page, key.serial, 'Park in stock');
    const stock = dialog(page, 'Park in stock');
    await expectNoAxeViolations(page, 'the park-in-stock dialog');
    await stock.getByRole('button', { name: 'Park in stock', exact: true }).click();
    await visible(stock.getByText(`${key.serial} is in stock`), 'parked');
    await closeButton(stock).click();
    await visible(statusOf(page, key.serial).getByText('IN STOCK'), 'IN STOCK in the list');
  });

  it('configures the selected keys; one the policy refuses turns red with the reason and a Retry', async () => {
    await using modern = await stack().plugKey('generic');
    await using old = await stack().plugKey('ctap20');
    await using other = await stack().plugKey('generic');
    // Only the generic model is allowed: the CTAP 2.0 key's AAGUID is refused by the policy.
    const policy = await stack().createPolicy({
      authenticators: { allowedAaguids: ['8f4c0add-96f0-404f-80e0-4cb0c1012d04'] },
    });
    const page = await openConsolePage(browser(), stack());
    await signIn(page, 'admin');

    for (const key of [modern, old])
      await keyRow(page, key.serial)
        .getByRole('checkbox', { name: `Select key ${key.serial}` })
        .check();
    await page.getByRole('button', { name: 'Configure 2 selected keys' }).click();
    const configure = dialog(page, 'Configure keys');
    await configure.getByLabel('Policy').selectOption({ label: policy.name });
    await configure.getByRole('button', { name: 'Next' }).click();
    const listed = configure.getByRole('list', { name: 'Keys to configure' });
    await visible(listed.getByText(modern.serial, { exact: false }), 'the first selected key');
    await visible(listed.getByText(old.serial, { exact: false }), 'the second selected key');
    expect(await listed.getByText(other.serial, { exact: false }).count(), 'not selected').toBe(0);
    await configure.getByRole('button', { name: 'Configure', exact: true }).click();

    const progress = configure.getByRole('list', { name: 'Progress per key' });
    const row = (serial: string) => progress.getByRole('listitem').filter({ hasText: serial });
    await visible(row(modern.serial).getByText('Done'), 'the allowed key done');
    await visible(
      row(old.serial).getByText(/Failed — .*AAGUID/i),
      'the refused key failed, with the reason',
    );
    await visible(row(old.serial).getByRole('button', { name: `Retry ${old.serial}` }), 'Retry');
    await expectNoAxeViolations(page, 'a session with a failed key');
  });
});
