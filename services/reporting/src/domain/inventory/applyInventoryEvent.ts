import type { ReportedEvent } from '../audit/types.ts';
import { inventoryEffect } from './inventoryEffect.ts';
import {
  type DeviceStatus,
  type EventVersion,
  type FieldGroup,
  HISTORY_LIMIT,
  type HistoryEntry,
  type InventoryPatch,
  type InventoryRecord,
} from './types.ts';

export type ApplyInventoryResult =
  | { changed: true; serial: string; device: InventoryRecord }
  | {
      changed: false;
      serial: string | null;
      reason: 'NOT_A_DEVICE_EVENT' | 'ALREADY_APPLIED' | 'NOT_A_KNOWN_DEVICE';
    };

/**
 * Event types that name a serial the caller asked about, not a key anything has seen: a refused
 * request (`keyward.admin.access_denied`) may name any string. They join a known key's history
 * but never create a record (issue 19: a 403 on an unknown serial made a phantom key).
 */
export function createsNoDevice(type: string): boolean {
  return type.startsWith('keyward.admin.');
}

/** Orders two events about one device: by event time (as instants), then by event id. */
export function compareVersions(a: EventVersion, b: EventVersion): number {
  const ta = Date.parse(a.time);
  const tb = Date.parse(b.time);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** A device no event has touched yet: every field at its initial value, no versions. */
export function emptyDevice(serial: string): InventoryRecord {
  return {
    serial,
    aaguid: null,
    status: 'NOT_CONFIGURED',
    lifecycleStatus: 'NOT_CONFIGURED',
    policyId: null,
    policyVersion: null,
    linkedPolicyId: null,
    linkedPolicyVersion: null,
    user: null,
    idpId: null,
    enrollmentId: null,
    credentialId: null,
    lastSeen: null,
    locked: false,
    history: [],
    versions: {},
  };
}

/**
 * The inventory reducer. Each field group is a last-writer-wins register ordered by
 * {@link compareVersions}, and history is a set of events kept newest-N, so applying the same
 * events in any order, any number of times, gives the same document (out-of-order and
 * redelivered events converge; an older event never overwrites newer state).
 */
export function applyInventoryEvent(
  current: InventoryRecord | null,
  event: ReportedEvent,
): ApplyInventoryResult {
  const effect = inventoryEffect(event);
  if (!effect) return { changed: false, serial: null, reason: 'NOT_A_DEVICE_EVENT' };
  if (!current && createsNoDevice(event.type)) {
    return { changed: false, serial: effect.serial, reason: 'NOT_A_KNOWN_DEVICE' };
  }
  const base = current ?? emptyDevice(effect.serial);
  if (base.history.some((h) => h.eventId === event.id)) {
    return { changed: false, serial: effect.serial, reason: 'ALREADY_APPLIED' };
  }
  const version: EventVersion = { time: event.time, eventId: event.id };
  const device: InventoryRecord = { ...base, versions: { ...base.versions } };
  for (const group of Object.keys(effect.patch) as FieldGroup[]) {
    const seen = device.versions[group];
    if (seen && compareVersions(seen, version) >= 0) continue; // newer state already holds
    const fields = effect.patch[group] as InventoryPatch[FieldGroup];
    if (group === 'status') device.lifecycleStatus = (fields as { status: DeviceStatus }).status;
    else Object.assign(device, fields);
    device.versions[group] = version;
  }
  device.status = shownStatus(device);
  device.history = mergeHistory(base.history, {
    eventId: event.id,
    type: event.type,
    time: event.time,
    actor: event.actor,
  });
  return { changed: true, serial: effect.serial, device };
}

/**
 * READY (design.md "Device lifecycle": a policy is linked but not applied) is derived, not an
 * event's own word: a key that is NOT_CONFIGURED and linked is READY; configuring it (or
 * unlinking) ends that. A pure function of the registers, so the reducer stays order-tolerant.
 */
function shownStatus(d: Pick<InventoryRecord, 'lifecycleStatus' | 'linkedPolicyId'>): DeviceStatus {
  return d.lifecycleStatus === 'NOT_CONFIGURED' && d.linkedPolicyId !== null
    ? 'READY'
    : d.lifecycleStatus;
}

function mergeHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const merged = [...history, entry].sort((a, b) => compareVersions(a, b));
  return merged.slice(-HISTORY_LIMIT);
}
