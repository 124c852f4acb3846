/**
 * applyConfig: runs a policy's configuration plan idempotently. getInfo is read first and after
 * every change; a step already in the wanted state is skipped, a step the key cannot do is
 * "unsupported" (never attempted), and a failing step is reported without stopping the plan.
 * A PIN token is asked for at most once, so a wrong PIN costs one retry, not one per step.
 */
import { PinUvPermission } from '../constants.ts';
import { ClientPin, type PinToken } from '../ctap2/clientPin.ts';
import { Config } from '../ctap2/config.ts';
import type { Ctap2 } from '../ctap2/ctap2.ts';
import type { CtapDevice } from '../device.ts';
import { CtapError, isCtapLibraryError, UnsupportedError } from '../errors.ts';
import type { VendorProfile } from '../vendor/vendorProfile.ts';
import { callOptions, type OperationOptions, openCtap2, vendorOf } from './common.ts';
import { type InfoSummary, summarize } from './readDevice.ts';

/** The plan steps of keyward.policy.plan (packages/contracts configStepSchema). */
export type ConfigStep =
  | { op: 'setPin' }
  | { op: 'changePin' }
  | { op: 'setMinPinLength'; minPinLength: number; rpIds?: string[] }
  | { op: 'forcePinChange' }
  | { op: 'setAlwaysUv'; enabled: boolean }
  | { op: 'enableEnterpriseAttestation' }
  | { op: 'setAdminPin' };

export type ConfigSecrets = {
  /** The user PIN the key should end up with (policy's `userPin`; either name works). */
  pin?: string;
  userPin?: string;
  adminPin?: string;
  /** 32 bytes, base64 or base64url; provisioned right after setAdminPin when given. */
  unlockSecret?: string | Uint8Array;
};

export type ApplyConfigOptions = OperationOptions & {
  plan: { steps: ConfigStep[] };
  secrets: ConfigSecrets;
  /** The PIN on the key now, when it has one and it differs from secrets.pin. */
  currentPin?: string;
};

export type StepOutcome = {
  op: ConfigStep['op'];
  outcome: 'applied' | 'skipped' | 'unsupported' | 'failed';
  reason?: string;
  error?: { code: string; message: string; status?: number; statusName?: string };
};

export type ApplyConfigResult = { steps: StepOutcome[]; summary: InfoSummary; ok: boolean };

/** Thrown by a step that finds the key already in the wanted state. */
class Skip {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

type Run = {
  ctap2: Ctap2;
  o: ApplyConfigOptions;
  vendor: VendorProfile | undefined;
  /** The PIN the key has now (changes when a step sets it). */
  pin: string | undefined;
  token: PinToken | Error | undefined;
};

export async function applyConfig(
  dev: CtapDevice,
  options: ApplyConfigOptions,
): Promise<ApplyConfigResult> {
  const ctap2 = await openCtap2(dev, options);
  const wanted = options.secrets.pin ?? options.secrets.userPin;
  const run: Run = {
    ctap2,
    o: options,
    vendor: vendorOf(ctap2, options),
    pin: ctap2.info.options.clientPin === true ? (options.currentPin ?? wanted) : undefined,
    token: undefined,
  };
  const steps: StepOutcome[] = [];
  for (const step of options.plan.steps) {
    steps.push(await runStep(run, step, wanted));
    if (steps.at(-1)?.outcome === 'applied') await ctap2.refreshInfo(callOptions(options));
  }
  return { steps, summary: summarize(ctap2.info), ok: steps.every((s) => s.outcome !== 'failed') };
}

async function runStep(
  run: Run,
  step: ConfigStep,
  wanted: string | undefined,
): Promise<StepOutcome> {
  try {
    await STEPS[step.op](run, step as never, wanted);
    return { op: step.op, outcome: 'applied' };
  } catch (error) {
    if (error instanceof Skip) return { op: step.op, outcome: 'skipped', reason: error.reason };
    if (error instanceof UnsupportedError)
      return { op: step.op, outcome: 'unsupported', reason: error.message };
    if (!isCtapLibraryError(error) && !(error instanceof TypeError)) throw error;
    const out: StepOutcome = { op: step.op, outcome: 'failed', reason: error.message };
    out.error = { code: 'code' in error ? error.code : 'INVALID_INPUT', message: error.message };
    if (error instanceof CtapError)
      Object.assign(out.error, { status: error.status, statusName: error.statusName });
    return out;
  }
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new TypeError(`${what} is required for this step`);
  return value;
};

/** An acfg token from the current PIN, asked for once per run. */
async function configToken(run: Run): Promise<PinToken | undefined> {
  if (run.ctap2.info.options.clientPin !== true) return undefined;
  if (run.token instanceof Error) throw run.token;
  if (run.token) return run.token;
  const pin = need(run.pin, 'currentPin (or secrets.pin)');
  try {
    run.token = await new ClientPin(run.ctap2).getPinToken(
      pin,
      { permissions: PinUvPermission.AUTHENTICATOR_CONFIG },
      callOptions(run.o),
    );
    return run.token;
  } catch (error) {
    if (error instanceof Error) run.token = error;
    throw error;
  }
}

async function config(run: Run): Promise<Config> {
  if (!Config.isSupported(run.ctap2.info))
    throw new UnsupportedError('authenticatorConfig (option authnrCfg)');
  const token = await configToken(run);
  return new Config(run.ctap2, token);
}

type StepFn<S> = (run: Run, step: S, wanted: string | undefined) => Promise<void>;

const STEPS: { [K in ConfigStep['op']]: StepFn<Extract<ConfigStep, { op: K }>> } = {
  async setPin(run, _step, wanted) {
    const { info } = run.ctap2;
    if (!ClientPin.isSupported(info))
      throw new UnsupportedError('client PIN (option clientPin absent)');
    if (info.options.clientPin === true) throw new Skip('a PIN is already set');
    const pin = need(wanted, 'secrets.pin');
    await new ClientPin(run.ctap2).setPin(pin, callOptions(run.o));
    run.pin = pin;
  },

  async changePin(run, _step, wanted) {
    const { info } = run.ctap2;
    if (!ClientPin.isSupported(info))
      throw new UnsupportedError('client PIN (option clientPin absent)');
    const next = need(wanted, 'secrets.pin');
    const current = need(run.pin, 'currentPin');
    if (current === next && !info.forcePinChange)
      throw new Skip('the PIN is already the wanted one');
    await new ClientPin(run.ctap2).changePin(current, next, callOptions(run.o));
    run.pin = next;
    run.token = undefined;
  },

  async setMinPinLength(run, step) {
    const { info } = run.ctap2;
    if (info.options.setMinPINLength !== true)
      throw new UnsupportedError('setMinPINLength (option absent)');
    if (info.minPinLength >= step.minPinLength && !step.rpIds?.length) {
      throw new Skip(`minimum PIN length is already ${info.minPinLength}`);
    }
    const request = {
      ...(info.minPinLength < step.minPinLength ? { minPinLength: step.minPinLength } : {}),
      ...(step.rpIds?.length ? { rpIds: step.rpIds } : {}),
    };
    await (await config(run)).setMinPinLength(request, callOptions(run.o));
  },

  async forcePinChange(run) {
    const { info } = run.ctap2;
    if (info.options.setMinPINLength !== true) {
      throw new UnsupportedError('forcePINChange (needs setMinPINLength)');
    }
    if (info.forcePinChange) throw new Skip('a PIN change is already forced');
    await (await config(run)).setMinPinLength({ forceChangePin: true }, callOptions(run.o));
  },

  async setAlwaysUv(run, step) {
    const current = run.ctap2.info.options.alwaysUv;
    if (current === undefined) throw new UnsupportedError('alwaysUv (option absent)');
    if (current === step.enabled) throw new Skip(`alwaysUv is already ${current ? 'on' : 'off'}`);
    await (await config(run)).toggleAlwaysUv(callOptions(run.o));
  },

  async enableEnterpriseAttestation(run) {
    const ep = run.ctap2.info.options.ep;
    if (ep === undefined) throw new UnsupportedError('enterprise attestation (option ep absent)');
    if (ep) throw new Skip('enterprise attestation is already enabled');
    await (await config(run)).enableEnterpriseAttestation(callOptions(run.o));
  },

  async setAdminPin(run) {
    const { vendor, ctap2 } = run;
    if (!vendor?.setAdminPin || !vendor.getAdminPinStatus) {
      throw new UnsupportedError(`admin PIN (no vendor profile for AAGUID ${ctap2.info.aaguid})`);
    }
    const call = callOptions(run.o);
    const status = await vendor.getAdminPinStatus(ctap2, call);
    const adminPin = need(run.o.secrets.adminPin, 'secrets.adminPin');
    if (status.set) throw new Skip('an admin PIN is already set');
    await vendor.setAdminPin(ctap2, { newAdminPin: adminPin }, call);
    const secret = run.o.secrets.unlockSecret;
    if (secret !== undefined) {
      if (!vendor.setUnlockSecret)
        throw new UnsupportedError('remote unlock secret (vendor profile lacks it)');
      const bytes =
        typeof secret === 'string' ? new Uint8Array(Buffer.from(secret, 'base64')) : secret;
      await vendor.setUnlockSecret(ctap2, { adminPin, unlockSecret: bytes }, call);
    }
  },
};
