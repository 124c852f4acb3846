import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConsoleStack, SimKey } from './stack.ts';

/**
 * Seeds an ENROLLED key through the gateway's API (the assign UI is not under test here): the
 * assign runs with `wait=true` while the test touches the virtual key when it asks.
 */
export async function assignByApi(stack: ConsoleStack, key: SimKey, user: string): Promise<void> {
  const assigned = stack.api(
    'device-gateway',
    'POST',
    `/devices/${await key.deviceId()}/assign?wait=true`,
    { user, notifyUser: false },
  );
  await key.touch();
  const r = await assigned;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** The inventory table's row of a key. */
export function inventoryRow(page: Page, serial: string): Locator {
  return page
    .getByRole('table', { name: 'Keys in the inventory' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: serial, exact: true }) });
}

/** Whether the Entra emulator still holds a passkey with this credential id. */
export function heldAtEntra(stack: ConsoleStack, credentialId: string): boolean {
  return [...stack.entra.state.credentials.values()].some((c) => c.credentialId === credentialId);
}
