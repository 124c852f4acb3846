import { describe, expect, it } from 'vitest';
import {
  fidoKeysHeading,
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
  rowActions,
  startAction,
  statusOf,
} from './support/keys.ts';
import { useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

describe('the FIDO Keys page under concurrency and outages', {
  timeout: SCENARIO_TIMEOUT_MS,
}, () => {
  it('two tabs on one key: the second sees it busy, held by the first since when, and can start nothing', async () => {
    await using key = await stack().plugKey('generic');
    await configureByApi(stack(), key.serial);
    const first = await openConsolePage(browser(), stack());
    await signIn(first, 'admin');
    await startAction(first, key.serial, 'Reset');
    const reset = dialog(first, 'Reset key');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await visible(reset.getByText('Remove and reinsert the key'), 'the first tab waiting');

    const second = await openConsolePage(browser(), stack());
    await signIn(second, 'helpdesk');
    await visible(
      statusOf(second, key.serial).getByText(/BUSY: held by user:admin \(reset\) since/),
      'the holder in the second tab',
    );
    expect(await rowActions(second, key.serial), 'actions on a held key').toEqual([]);

    await key.reinsert();
    await key.touch();
    await visible(reset.getByText('Reset complete'), 'the first tab done');
    await closeButton(reset).click();
    // The second tab follows the key live: no longer busy, NOT CONFIGURED again.
    await visible(
      statusOf(second, key.serial).getByText('NOT CONFIGURED'),
      'the second tab updated',
    );
    await statusOf(second, key.serial).getByText(/BUSY/).waitFor({ state: 'detached' });
  });

  it('says when the gateway stops, and reconnects by itself when it is back', async () => {
    await using key = await stack().plugKey('generic');
    const page = await openConsolePage(browser(), stack(), {
      allowConsoleErrors: [
        'ERR_CONNECTION_REFUSED',
        'ERR_INCOMPLETE_CHUNKED_ENCODING',
        'ERR_EMPTY_RESPONSE',
      ],
    });
    await signIn(page, 'admin');
    await visible(page.getByText(/Service connected \(gateway/), 'connected');
    await visible(keyRow(page, key.serial), 'the key');

    await stack().stopGateway();
    await visible(
      page.getByText(/The Keyward device gateway is not running on this workstation/),
      'the not-running banner',
    );
    await stack().startGateway();
    await visible(page.getByText(/Service connected \(gateway/), 'connected again');
    await visible(keyRow(page, key.serial), 'the key listed again');
    await visible(fidoKeysHeading(page), 'the same page');
  });
});
