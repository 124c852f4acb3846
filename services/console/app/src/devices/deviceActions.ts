import type { DeviceView } from '../api/types.ts';

/** Every action the FIDO Keys page can offer; the gateway says which apply (`actions`). */
export const DEVICE_ACTIONS = [
  'configure',
  'apply-policy',
  'assign',
  'configure-and-assign',
  'pin',
  'test',
  'stock',
  'reset',
  'unlock',
] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

/** The actions the gateway offers this caller on this key (status, flags and permissions). */
export function offeredActions(device: DeviceView): DeviceAction[] {
  const actions = (device as { actions?: unknown }).actions;
  if (!Array.isArray(actions)) return [];
  return DEVICE_ACTIONS.filter((a) => actions.includes(a));
}

/** The one action shown as a button on the row; the rest sit in its menu. */
export function primaryAction(actions: DeviceAction[]): DeviceAction | undefined {
  const order: DeviceAction[] = ['unlock', 'configure', 'apply-policy', 'assign'];
  return order.find((a) => actions.includes(a));
}

/** Details of the expanded view (the gateway's `?expand=true` fields). */
export interface DeviceDetails {
  aaguid?: string;
  versions?: string[];
  deviceType?: string;
  transport?: string;
  keyKind?: 'standard' | 'enterprise';
  user?: { id: string; displayName?: string; email?: string } | null;
  idp?: { id: string; name: string | null } | null;
  idpId?: string | null;
  policy?: { id: string; version: number | null; name?: string | null } | null;
  pinSet?: boolean;
  pinRetries?: number | null;
  adminPinRetries?: number | null;
  minPinLength?: number | null;
}

export function detailsOf(device: DeviceView): DeviceDetails {
  return device as DeviceView & DeviceDetails;
}
