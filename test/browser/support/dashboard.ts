import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConsoleStack } from './stack.ts';

/** Locators and REST reads of the Dashboard page. */

export type DeviceStatus =
  | 'NOT_CONFIGURED'
  | 'READY'
  | 'CONFIGURED'
  | 'IN_STOCK'
  | 'ENROLLED'
  | 'REVOKED';

export const STATUSES: readonly DeviceStatus[] = [
  'NOT_CONFIGURED',
  'READY',
  'CONFIGURED',
  'IN_STOCK',
  'ENROLLED',
  'REVOKED',
];

export interface InventorySummary {
  total: number;
  byStatus: Record<DeviceStatus, number>;
  locked: number;
  enrolledUsers: number;
  byPolicy: { policyId: string | null; count: number }[];
  byIdp: { idpId: string | null; count: number }[];
}

/** The page's heading: where signing in at /dashboard lands. */
export function dashboardHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Dashboard', level: 1 });
}

/** The count cell of the row "<label>" showing <count>, in one of the dashboard's count tables (visible once it matches). */
export function countRow(page: Page, table: string, label: string, count: number): Locator {
  return page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) })
    .getByRole('cell', { name: String(count), exact: true });
}

/** "NOT_CONFIGURED" as the dashboard prints it. */
export const statusText = (status: string) => status.replaceAll('_', ' ');

/** GET /inventory/summary on the reporting service, as the demo administrator. */
export async function restSummary(stack: ConsoleStack): Promise<InventorySummary> {
  const r = await stack.api('reporting', 'GET', '/inventory/summary');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as InventorySummary;
}
