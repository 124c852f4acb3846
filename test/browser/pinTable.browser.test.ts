import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DevUserId,
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
  rowActions,
  startAction,
  vaultPin,
} from './support/keys.ts';
import { expectNoLeaks } from './support/leaks.ts';
import { type SimKey, useConsoleStack } from './support/stack.ts';

const stack = useConsoleStack();
const browser = useBrowser();

// One standard and one enterprise (managed) key, configured, for every user below.
let standard: SimKey;
let enterprise: SimKey;
beforeAll(async () => {
  standard = await stack().plugKey('generic');
  enterprise = await stack().plugKey('enterprise');
  await configureByApi(stack(), standard.serial);
  const managed = await stack().createPolicy({ adminPin: { enabled: true, length: 12 } });
  await configureByApi(stack(), enterprise.serial, managed.id);
}, 60_000);

/** The seed's PIN table: which PINs each dev user's Initial PIN dialog shows, per key kind. */
const PIN_TABLE: Record<DevUserId, { standard: string[]; enterprise: string[] } | 'no action'> = {
  admin: { standard: ['User PIN'], enterprise: ['User PIN', 'Admin PIN'] },
  helpdesk: { standard: ['User PIN'], enterprise: ['User PIN'] },
  operator: 'no action',
  auditor: 'no action',
};

describe('the Initial PIN action follows the PIN table', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  for (const [user, expected] of Object.entries(PIN_TABLE) as [
    DevUserId,
    (typeof PIN_TABLE)[DevUserId],
  ][]) {
    it(`${user}: ${expected === 'no action' ? 'no Initial PIN action on any key' : `standard key ${expected.standard.join(' + ')}, enterprise key ${expected.enterprise.join(' + ')}`}`, async () => {
      const page = await openConsolePage(browser(), stack());
      await signIn(page, user);
      const shown: string[] = [];
      for (const [kind, key] of [
        ['standard', standard],
        ['enterprise', enterprise],
      ] as const) {
        const actions = await rowActions(page, key.serial);
        if (expected === 'no action') {
          expect(actions, `${kind} key actions for ${user}`).not.toContain('Initial PIN');
          // The operator still works with keys: the menu was read, it just lacks the PIN.
          if (user === 'operator') expect(actions).toContain('Reset');
          continue;
        }
        await startAction(page, key.serial, 'Initial PIN');
        const pins = dialog(page, 'Initial PIN');
        await visible(pins.getByText(/Anyone who sees this PIN/), 'the caution banner');
        for (const label of ['User PIN', 'Admin PIN']) {
          const field = pins.getByLabel(label, { exact: true });
          if (expected[kind].includes(label)) {
            await visible(field, `${label} of the ${kind} key`);
            shown.push(await field.inputValue());
          } else {
            expect(await field.count(), `${label} of the ${kind} key for ${user}`).toBe(0);
          }
        }
        await closeButton(pins).click();
        await pins.waitFor({ state: 'detached' });
      }
      if (expected !== 'no action') {
        expect(shown).toContain(await vaultPin(stack(), standard.serial));
        if (expected.enterprise.includes('Admin PIN'))
          expect(shown).toContain(await vaultPin(stack(), enterprise.serial, 'admin'));
      }
      if (user === 'auditor') {
        // Read-only: no operation at all is offered.
        expect(await rowActions(page, standard.serial)).toEqual([]);
      }
      const secrets = [
        await vaultPin(stack(), standard.serial),
        await vaultPin(stack(), enterprise.serial),
        await vaultPin(stack(), enterprise.serial, 'admin'),
      ];
      expect(await page.content()).not.toContain(secrets[2]!);
      await expectNoLeaks(page, [...stack().secrets, ...secrets]);
    });
  }
});
