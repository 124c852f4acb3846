/**
 * What the seeder writes, generated without a database: inventory documents and audit records
 * (with their chain slots and member markers) in exactly the reporting service's stored shape.
 * The shapes come from the service's own domain code — applyInventoryEvent for a key's
 * document, auditRecordFromEvent + nextLink for a record and its link — so a change to the
 * service changes the seed with it, and /audit/verify still walks a valid chain.
 */

import { auditRecordFromEvent } from '../../../services/reporting/src/domain/audit/auditRecordFromEvent.ts';
import { nextLink } from '../../../services/reporting/src/domain/audit/hashRecord.ts';
import type { ReportedEvent } from '../../../services/reporting/src/domain/audit/types.ts';
import { GENESIS_HASH } from '../../../services/reporting/src/domain/audit/types.ts';
import { applyInventoryEvent } from '../../../services/reporting/src/domain/inventory/applyInventoryEvent.ts';
import type { InventoryRecord } from '../../../services/reporting/src/domain/inventory/types.ts';
import { slotId } from '../../../services/reporting/src/store/chainSlots.ts';
import type {
  AuditDoc,
  ChainMemberDoc,
  ChainSlotDoc,
  InventoryDoc,
} from '../../../services/reporting/src/store/models.ts';

/** Event times start here and advance 10 ms per event (1 M events ≈ 2.8 hours). */
export const SEED_START = Date.UTC(2026, 9, 1, 8, 0, 0);
const STEP_MS = 10;
const AAGUID = '00000000-0000-0000-0000-0000000000b1';
export const SEED_SIGNER = 'device-gateway';

export const serialOfKey = (k: number): string => `BK-${String(k).padStart(7, '0')}`;
/** Every third key is enrolled to a user; ids/e-mails sort so a prefix picks a slice of users. */
export const userOfKey = (k: number) => ({
  id: `user-${String(k).padStart(7, '0')}`,
  email: `person${k}@example.test`,
  displayName: `Person ${k}`,
});
const gatewayOfKey = (k: number): string => `gw-${k % 20}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID (time + counter instead of randomness): event ids sort like the events' times. */
export function seedUlid(time: number, counter: number): string {
  let t = '';
  for (let i = 0, v = time; i < 10; i++, v = Math.floor(v / 32)) t = CROCKFORD[v % 32] + t;
  let c = '';
  for (let i = 0, v = counter; i < 16; i++, v = Math.floor(v / 32)) c = CROCKFORD[v % 32] + c;
  return t + c;
}

/**
 * Event i of the seeded trail: a key (round robin) and one of its lifecycle events, with the
 * data the producers put in (contracts' schemas; the unit test parses one of each).
 */
export function seedEvent(i: number, keys: number): ReportedEvent {
  const k = i % keys;
  const round = Math.floor(i / keys);
  const serial = serialOfKey(k);
  const time = SEED_START + i * STEP_MS;
  const id = seedUlid(time, i);
  const gatewayId = gatewayOfKey(k);
  const ref = { gatewayId, deviceId: `hid-${k}`, serial, aaguid: AAGUID };
  const gw = `keyward/device-gateway/${gatewayId}`;
  const at = new Date(time).toISOString();
  const kind = round === 0 ? 0 : round === 1 ? 1 : round === 2 && k % 3 === 0 ? 2 : 3 + (i % 2);
  switch (kind) {
    case 0:
      return {
        id,
        time: at,
        source: gw,
        actor: 'service:device-gateway',
        subject: serial,
        type: 'keyward.device.attached',
        data: {
          ...ref,
          name: 'Bench Key',
          transport: 'usb',
          deviceType: 'usb-key',
          versions: ['FIDO_2_1'],
        },
      };
    case 1:
    case 4:
      return {
        id,
        time: at,
        source: gw,
        actor: 'user:admin',
        subject: serial,
        type: 'keyward.device.configured',
        data: { ...ref, policyId: `p-${k % 4}`, policyVersion: 1, steps: ['setPin'], pinSet: true },
      };
    case 2:
      return {
        id,
        time: at,
        source: 'keyward/identity',
        actor: 'user:admin',
        type: 'keyward.enrollment.completed',
        data: {
          enrollmentId: `enr-${k}`,
          idpId: 'entra',
          user: userOfKey(k),
          serial,
          credentialId: `cred-${k}`,
          idpCredentialId: `icred-${k}`,
        },
      };
    default:
      return {
        id,
        time: at,
        source: gw,
        actor: 'service:device-gateway',
        subject: serial,
        type: 'keyward.device.attached',
        data: {
          ...ref,
          name: 'Bench Key',
          transport: 'usb',
          deviceType: 'usb-key',
          versions: ['FIDO_2_1'],
        },
      };
  }
}

/** Key k's inventory document after its first three rounds of events (what the service stores). */
export function seedInventoryDoc(k: number, keys: number): InventoryDoc {
  let device: InventoryRecord | null = null;
  let updated = SEED_START;
  for (const round of [0, 1, 2]) {
    const event = seedEvent(round * keys + k, keys);
    const result = applyInventoryEvent(device, event);
    if (result.changed) {
      device = result.device;
      updated = Date.parse(event.time);
    }
  }
  if (!device) throw new Error(`key ${k}: its events made no inventory document`);
  return { _id: device.serial, ...device, rev: 2, updatedAt: new Date(updated + 5) };
}

export interface AuditBatch {
  audit: AuditDoc[];
  slots: ChainSlotDoc[];
  members: ChainMemberDoc[];
}

/** Builds audit records in event order and links each into its partition's chain. */
export function createAuditGenerator(keys: number) {
  const heads = new Map<string, { index: number; hash: string }>();
  return {
    heads,
    batch(from: number, to: number): AuditBatch {
      const out: AuditBatch = { audit: [], slots: [], members: [] };
      for (let i = from; i < to; i++) {
        const record = auditRecordFromEvent({
          event: seedEvent(i, keys),
          streamSeq: i + 1,
          signer: SEED_SIGNER,
        });
        const head = heads.get(record.partition) ?? { index: 0, hash: GENESIS_HASH };
        const link = nextLink(record, head);
        heads.set(record.partition, { index: link.index, hash: link.hash });
        out.audit.push({
          _id: record.eventId,
          ...record,
          recordedAt: new Date(record.time.getTime() + 3),
        });
        out.slots.push({
          _id: slotId(record.partition, link.index),
          partition: record.partition,
          eventId: record.eventId,
          ...link,
        });
        out.members.push({ _id: record.eventId, partition: record.partition, index: link.index });
      }
      return out;
    },
  };
}
