/**
 * readDevice: getInfo + serial + PIN retries + what the key can do, in one typed report.
 * Serial: vendor profile, else the PC/SC card UID, else the USB serial string.
 */
import { ClientPin } from '../ctap2/clientPin.ts';
import { Config } from '../ctap2/config.ts';
import { CredentialManagement } from '../ctap2/credentialManagement.ts';
import type { CtapInfo } from '../ctap2/info.ts';
import { isCtap21 } from '../ctap2/info.ts';
import type { CtapDevice, DeviceDescriptor } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import type { AdminPinStatus } from '../vendor/vendorProfile.ts';
import { callOptions, type OperationOptions, openCtap2, vendorOf } from './common.ts';

/** The getInfo summary the policy service plans with (keyward.policy.plan `info`). */
export type InfoSummary = {
  versions: string[];
  options: Record<string, boolean>;
  minPinLength: number;
  forcePinChange: boolean;
  pinRetries?: number;
  extensions: string[];
  algorithms: { alg: number; type: string }[];
  transports: string[];
  firmwareVersion?: number;
  pinUvAuthProtocols: number[];
  maxRpIdsForSetMinPinLength?: number;
};

export type DeviceCapabilities = {
  ctap21: boolean;
  clientPin: boolean;
  pinSet: boolean;
  pinUvAuthToken: boolean;
  pinProtocols: number[];
  credentialManagement: boolean;
  authenticatorConfig: boolean;
  setMinPinLength: boolean;
  /** undefined: the key has no alwaysUv switch. */
  alwaysUv: boolean | undefined;
  /** undefined: no enterprise attestation; false: supported but disabled. */
  enterpriseAttestation: boolean | undefined;
  selection: boolean;
  adminPin: boolean;
  adminUnlock: boolean;
  remoteUnlock: boolean;
};

export type DeviceReport = {
  descriptor: DeviceDescriptor;
  aaguid: string;
  serial?: string;
  serialSource?: 'vendor' | 'pcsc-uid' | 'usb';
  vendorProfile?: string;
  pinRetries?: number;
  /** The key wants a power cycle before the next PIN attempt (3 wrong PINs in a row). */
  powerCycleRequired?: boolean;
  adminPin?: AdminPinStatus;
  capabilities: DeviceCapabilities;
  summary: InfoSummary;
  info: Omit<CtapInfo, 'raw'>;
};

export function summarize(info: CtapInfo, pinRetries?: number): InfoSummary {
  const out: InfoSummary = {
    versions: info.versions,
    options: { ...info.options },
    minPinLength: info.minPinLength,
    forcePinChange: info.forcePinChange,
    extensions: info.extensions,
    algorithms: info.algorithms ?? [],
    transports: info.transports,
    pinUvAuthProtocols: info.pinUvAuthProtocols,
  };
  if (info.maxRpIdsForSetMinPinLength !== undefined) {
    out.maxRpIdsForSetMinPinLength = info.maxRpIdsForSetMinPinLength;
  }
  if (pinRetries !== undefined) out.pinRetries = pinRetries;
  if (info.firmwareVersion !== undefined) out.firmwareVersion = info.firmwareVersion;
  return out;
}

export async function readDevice(
  dev: CtapDevice,
  options: OperationOptions = {},
): Promise<DeviceReport> {
  const ctap2 = await openCtap2(dev, options);
  const { info } = ctap2;
  const call = callOptions(options);
  const vendor = vendorOf(ctap2, options);
  const { raw: _raw, ...plainInfo } = info;
  const report: DeviceReport = {
    descriptor: dev.descriptor,
    aaguid: info.aaguid,
    capabilities: capabilities(
      info,
      vendor?.setAdminPin !== undefined,
      vendor?.adminUnlock !== undefined,
      vendor?.remoteUnlock !== undefined,
    ),
    summary: summarize(info),
    info: plainInfo,
  };
  if (vendor) report.vendorProfile = vendor.id;
  if (vendor?.getSerial) {
    report.serial = await vendor.getSerial(ctap2, call);
    report.serialSource = 'vendor';
  } else if (dev.descriptor.serial) {
    report.serial = dev.descriptor.serial;
    report.serialSource = dev.descriptor.transport === 'pcsc' ? 'pcsc-uid' : 'usb';
  }
  if (ClientPin.isSupported(info)) {
    const { retries, powerCycleState } = await new ClientPin(ctap2).getRetries(call);
    report.pinRetries = retries;
    report.summary.pinRetries = retries;
    if (powerCycleState !== undefined) report.powerCycleRequired = powerCycleState;
  }
  if (vendor?.getAdminPinStatus) {
    report.adminPin = await vendor.getAdminPinStatus(ctap2, call).catch((error: unknown) => {
      // Models without admin mode: report "no admin PIN support" instead of failing.
      if (error instanceof UnsupportedError) return undefined;
      throw error;
    });
    if (!report.adminPin) {
      delete report.adminPin;
      report.capabilities.adminPin = false;
      report.capabilities.adminUnlock = false;
      report.capabilities.remoteUnlock = false;
    }
  }
  return report;
}

function capabilities(
  info: CtapInfo,
  adminPin: boolean,
  adminUnlock: boolean,
  remoteUnlock: boolean,
): DeviceCapabilities {
  return {
    ctap21: isCtap21(info),
    clientPin: ClientPin.isSupported(info),
    pinSet: info.options.clientPin === true,
    pinUvAuthToken: ClientPin.isTokenSupported(info),
    pinProtocols: info.pinUvAuthProtocols,
    credentialManagement: CredentialManagement.isSupported(info),
    authenticatorConfig: Config.isSupported(info),
    setMinPinLength: info.options.setMinPINLength === true,
    alwaysUv: info.options.alwaysUv,
    enterpriseAttestation: info.options.ep,
    selection: info.versions.includes('FIDO_2_1'),
    adminPin,
    adminUnlock,
    remoteUnlock,
  };
}
