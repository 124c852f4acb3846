import { MongoClient } from 'mongodb';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConsoleStack } from './stack.ts';

/** Locators and seeding of the Event log page. */

/** One audit record as GET /audit answers it (the fields the tests read). */
export interface AuditRecordBody {
  eventId: string;
  type: string;
  source: string;
  actor: string;
  serial: string | null;
  gatewayId: string | null;
  partition: string;
  signer: string | null;
}

/** The Event log page's heading: where signing in at /audit lands. */
export function auditHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Event log', level: 1 });
}

/** The audit records table. */
export function auditTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Audit records' });
}

/** Rows of the table whose key serial cell is `serial` (and event type `type`, if given). */
export function auditRows(page: Page, serial: string, type?: string): Locator {
  const rows = auditTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: serial, exact: true }) });
  return type ? rows.filter({ has: page.getByRole('cell', { name: type, exact: true }) }) : rows;
}

/** The newest audit record of this type for this key, as the demo administrator reads it. */
export async function newestRecord(
  stack: ConsoleStack,
  serial: string,
  type: string,
): Promise<AuditRecordBody> {
  const query = new URLSearchParams({ serial, type, limit: '1' });
  const r = await stack.api('reporting', 'GET', `/audit?${query}`);
  expect(r.status, r.text).toBe(200);
  const [record] = (r.body as { items: AuditRecordBody[] }).items;
  expect(record, `an audit record ${type} of ${serial}`).toBeDefined();
  return record!;
}

/**
 * Edits a stored audit record's data directly in reporting's database, as an attacker with
 * database access would, and returns the record's chain index (from its chain slot).
 */
export async function tamperAuditRecord(stack: ConsoleStack, eventId: string): Promise<number> {
  const { url, dbName } = stack.database('reporting');
  const client = new MongoClient(url);
  try {
    const db = client.db(dbName);
    const updated = await db
      .collection<{ _id: string }>('audit_records')
      .updateOne({ _id: eventId }, { $set: { dataJson: '{"serial":"forged"}' } });
    expect(updated.modifiedCount, `audit record ${eventId} modified`).toBe(1);
    const slot = await db.collection('audit_chain_slots').findOne({ eventId });
    expect(slot, `the chain slot of ${eventId}`).not.toBeNull();
    return slot!.index as number;
  } finally {
    await client.close();
  }
}
