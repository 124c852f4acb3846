import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConsoleStack } from './stack.ts';

/** Locators and REST reads of the Policies pages. */

export function policiesHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Policies', level: 1 });
}

export function policyHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name: `Policy ${name}`, level: 1 });
}

/** The row of a policy in the Policies table. */
export function policyRow(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: 'Policies' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Cell `column` (0-based: name, version, keys, users, …) of a row showing `text`. */
export function cellText(row: Locator, column: number, text: string): Locator {
  return row.getByRole('cell').nth(column).getByText(text, { exact: true });
}

/** The text that a field's aria-describedby points at (its help or its error), as a screen reader reads it. */
export async function descriptionOf(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(
    ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ').trim();
}

export interface RestPolicy {
  id: string;
  name: string;
  version: number;
  description: string;
  pin: Record<string, unknown>;
  key: Record<string, unknown>;
  authenticators: Record<string, unknown>;
}

export async function restPolicy(stack: ConsoleStack, id: string): Promise<RestPolicy> {
  const r = await stack.api('policy', 'GET', `/policies/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as RestPolicy;
}

export async function restPolicyByName(stack: ConsoleStack, name: string): Promise<RestPolicy> {
  const r = await stack.api('policy', 'GET', '/policies');
  const found = (r.body as { policies: RestPolicy[] }).policies.find((p) => p.name === name);
  expect(found, `policy "${name}" in GET /policies`).toBeDefined();
  return found as RestPolicy;
}

export async function restLinkedSerials(stack: ConsoleStack, id: string): Promise<string[]> {
  const r = await stack.api('policy', 'GET', `/policies/${id}/devices`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { devices: { serial: string }[] }).devices.map((d) => d.serial);
}
