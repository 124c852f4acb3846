import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EntraEmulator, startEntraEmulator } from '@keyward/idp-emulators';
import {
  type MongoServer,
  type NatsServer,
  type OidcIssuer,
  startMongo,
  startNats,
  startOidcIssuer,
} from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiReply, api, pollUntil, waitReady } from './support/api.ts';
import { type BusRecorder, startBusRecorder } from './support/busRecorder.ts';
import { findLeaks, type KnownSecret } from './support/leakScan.ts';
import { type RunningService, type ServiceName, startService } from './support/services.ts';

/**
 * One complete key lifecycle across the four real services, each its own process, on a real
 * nats-server (JetStream) and a MongoDB-wire database, with an Entra emulator as the IdP and
 * virtual keys plugged into the gateway. Only REST with real JWTs drives it. The steps share
 * state and run in order; a step whose prerequisite failed says so instead of cascading noise.
 */

const ADMIN_SUB = 'e2e-admin';
const ACTOR = `user:${ADMIN_SUB}`;
const GATEWAY_ID = 'e2e-gw';
const GENERIC_SERIAL = `E2E-GEN-${randomBytes(3).toString('hex')}`;
const ENTERPRISE_SERIAL = `E2E-ENT-${randomBytes(3).toString('hex')}`;
const ENTRA_CLIENT_SECRET = `e2e-entra-secret-${randomBytes(8).toString('hex')}`;
const USER_LOGIN = 'alice@example.com';

let nats: NatsServer;
let mongo: MongoServer;
let issuer: OidcIssuer;
let entra: EntraEmulator;
let bus: BusRecorder;
const services = new Map<ServiceName, RunningService>();

/** What earlier steps produced, for the later ones. */
const run: {
  policyId?: string;
  idpId?: string;
  genericId?: string;
  enterpriseId?: string;
  credentialId?: string;
  configureSessionId?: string;
  /** PINs read back through the PIN endpoint, and the other secrets of this run. */
  secrets: KnownSecret[];
} = { secrets: [{ label: 'Entra client secret', value: ENTRA_CLIENT_SECRET }] };

/** Every bearer token of the run: a credential, so never on the bus in clear (issue 19). */
const issuedTokens: string[] = [];

function token(permissions: readonly string[]): string {
  const t = issuer.token({ sub: ADMIN_SUB, name: 'E2E Admin', permissions });
  issuedTokens.push(t);
  return t;
}

function svc(name: ServiceName): RunningService {
  const s = services.get(name);
  if (!s) throw new Error(`the ${name} service is not running (start-up failed, see beforeAll)`);
  return s;
}

/** Every REST reply except the PIN view and unlock: reports and views must not carry a PIN. */
const restReplies: { where: string; text: string }[] = [];

async function call(
  name: ServiceName,
  method: string,
  path: string,
  permissions: readonly string[],
  body?: unknown,
): Promise<ApiReply> {
  const reply = await api(svc(name).url, method, path, {
    token: token(permissions),
    ...(body !== undefined ? { body } : {}),
  });
  // The PIN view and a waited-for unlock hand the administrator a PIN over HTTPS, by design.
  if (!/\/pin$|\/unlock\?wait=true$/.test(path)) {
    restReplies.push({ where: `REST reply of ${name} ${method} ${path}`, text: reply.text });
  }
  return reply;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`prerequisite missing: ${what} (an earlier step failed)`);
  return value;
}

/** The bus messages about one serial (for failure messages that say what the services did). */
function busAbout(serial: string, typePart: string): string {
  return bus.messages
    .filter((m) => m.raw.includes(serial) && m.subject.includes(typePart))
    .map((m) => `${m.subject} ${m.raw.slice(0, 700)}`)
    .join('\n');
}

/** `METHOD path → status body` for assertion messages. */
function show(r: ApiReply, what: string): string {
  return `${what} → ${r.status} ${r.text.slice(0, 1500)}`;
}

beforeAll(async () => {
  nats = await startNats({ jetstream: true });
  // Subscribes to everything before anything can publish: as the operator identity, i.e. a
  // subscriber past every ACL (issue 19) — what it sees must still hold no secret in clear.
  bus = await startBusRecorder(nats.connectOptions('operator'));
  mongo = await startMongo();
  issuer = await startOidcIssuer();
  entra = await startEntraEmulator({
    clients: [
      {
        clientId: 'keyward-e2e',
        clientSecret: ENTRA_CLIENT_SECRET,
        permissions: ['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All'],
      },
    ],
    users: [
      { login: USER_LOGIN, givenName: 'Alice', surname: 'Adams' },
      { login: 'bob@example.com', givenName: 'Bob', surname: 'Brown' },
    ],
  });
  const common = {
    NATS_URL: nats.url,
    MONGO_URL: mongo.url,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: issuer.jwksUrl,
    KEYWARD_KEK: randomBytes(32).toString('base64'),
  };
  const started = await Promise.allSettled([
    startService('policy', common, {
      KEYWARD_KEK: randomBytes(32).toString('base64'),
      NATS_CREDENTIALS: nats.credentialsFile('policy'),
    }),
    startService('identity', common, {
      IDP_ALLOW_INSECURE_LOOPBACK: 'true',
      NATS_CREDENTIALS: nats.credentialsFile('identity'),
    }),
    startService('reporting', common, { NATS_CREDENTIALS: nats.credentialsFile('reporting') }),
    startService('device-gateway', common, {
      NATS_CREDENTIALS: nats.credentialsFile('device-gateway'),
      GATEWAY_ID,
      KEYWARD_SIM: 'true',
      KEYWARD_HID: 'false',
      KEYWARD_PCSC: 'false',
    }),
  ]);
  const failures: string[] = [];
  for (const s of started) {
    if (s.status === 'fulfilled') services.set(s.value.name, s.value);
    else failures.push((s.reason as Error).message);
  }
  for (const s of services.values()) {
    await waitReady(s.name, s.url).catch((e: Error) => failures.push(e.message));
  }
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}, 300_000);

afterAll(async () => {
  await Promise.allSettled([...services.values()].map((s) => s.proc.stop()));
  // KEYWARD_E2E_LOG_DIR=<dir> keeps every service's output and the bus messages for debugging.
  const logDir = process.env.KEYWARD_E2E_LOG_DIR;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    for (const s of services.values()) {
      writeFileSync(join(logDir, `${s.name}.log`), s.lines.map((l) => l.line).join('\n'));
    }
    if (bus) {
      writeFileSync(
        join(logDir, 'bus.log'),
        bus.messages.map((m) => `${m.subject} ${m.raw}`).join('\n'),
      );
    }
  }
  await bus?.stop();
  await entra?.stop();
  await issuer?.stop();
  await mongo?.stop();
  await nats?.stop();
}, 120_000);

describe('one key lifecycle across policy, identity, device-gateway and reporting', () => {
  it('policy service stores a policy with generated user and admin PINs', async () => {
    const r = await call('policy', 'POST', '/policies', ['policy:write'], {
      name: 'E2E lifecycle',
      pin: { minLength: 6, generatedLength: 8 },
      key: { minPinLength: 6 },
      adminPin: { enabled: true, length: 12 },
    });
    expect(r.status, show(r, 'POST policy /policies')).toBe(201);
    expect(r.body).toMatchObject({ name: 'E2E lifecycle', version: 1 });
    run.policyId = r.body.id;
  });

  it('identity service holds a working connection to the Entra emulator', async () => {
    const r = await call('identity', 'POST', '/idps', ['idp:write'], {
      name: 'Entra (emulator)',
      settings: {
        type: 'entra',
        tenantId: entra.tenantId,
        clientId: 'keyward-e2e',
        loginBaseUrl: entra.loginBaseUrl,
        graphBaseUrl: entra.graphBaseUrl,
      },
      secrets: { clientSecret: ENTRA_CLIENT_SECRET },
      isDefault: true,
    });
    expect(r.status, show(r, 'POST identity /idps')).toBe(201);
    expect(r.body).toMatchObject({ type: 'entra', secretsSet: ['clientSecret'] });
    expect(r.text).not.toContain(ENTRA_CLIENT_SECRET);
    run.idpId = r.body.id;
    const test = await call('identity', 'POST', `/idps/${r.body.id}/test`, ['idp:write']);
    expect(test.status, show(test, 'POST identity /idps/:id/test')).toBe(200);
    expect(test.body, show(test, 'Test Connection')).toMatchObject({ ok: true });
  });

  it('gateway shows a generic and an enterprise virtual key', async () => {
    for (const [profile, serial] of [
      ['generic', GENERIC_SERIAL],
      ['enterprise', ENTERPRISE_SERIAL],
    ] as const) {
      const r = await call('device-gateway', 'POST', '/simulation/devices', ['device:configure'], {
        profile,
        serial,
      });
      expect(r.status, show(r, `POST gateway /simulation/devices (${profile})`)).toBe(201);
      expect(r.body.serial).toBe(serial);
      if (profile === 'generic') run.genericId = r.body.deviceId;
      else run.enterpriseId = r.body.deviceId;
    }
    const list = await call('device-gateway', 'GET', '/devices', ['device:read']);
    expect(list.status, show(list, 'GET gateway /devices')).toBe(200);
    const serials = (list.body.devices as { serial: string }[]).map((d) => d.serial);
    expect(serials).toEqual(expect.arrayContaining([GENERIC_SERIAL, ENTERPRISE_SERIAL]));
  });

  it('gateway configures both keys from the policy (plan and PIN vault in the policy service)', async () => {
    const policyId = need(run.policyId, 'policy id');
    const replies = new Map<string, ApiReply>();
    for (const [id, serial] of [
      [need(run.genericId, 'generic key'), GENERIC_SERIAL],
      [need(run.enterpriseId, 'enterprise key'), ENTERPRISE_SERIAL],
    ] as const) {
      const r = await call(
        'device-gateway',
        'POST',
        `/devices/${id}/configure?wait=true`,
        ['device:configure'],
        { policyId },
      );
      replies.set(serial, r);
      run.configureSessionId ??= r.body?.sessionId;
      expect(r.status, show(r, `POST gateway /devices/${serial}/configure`)).toBe(200);
      expect(r.body.run, show(r, `configure ${serial}`)).toMatchObject({
        serial,
        state: 'succeeded',
        policyVersion: 1,
      });
      expect(r.body.run.completedSteps, show(r, `configure ${serial}`)).toContain('setPin');
    }
    const ent = await call('device-gateway', 'GET', `/devices/${run.enterpriseId}`, [
      'device:read',
    ]);
    expect(ent.status, show(ent, 'GET gateway enterprise device')).toBe(200);
    expect(ent.body).toMatchObject({ serial: ENTERPRISE_SERIAL, status: 'CONFIGURED' });
    // The policy enables the vendor admin PIN; the enterprise key has one (not yet set), so the
    // plan must set it. The gateway's plan request has to tell the policy service that the key
    // has an admin PIN (`adminPinState`), else the plan lists setAdminPin as unsupported.
    const entConfigure = replies.get(ENTERPRISE_SERIAL)!;
    expect(
      entConfigure.body?.result?.steps ?? entConfigure.body?.run?.completedSteps,
      `${show(entConfigure, `configure ${ENTERPRISE_SERIAL} (policy adminPin.enabled)`)}\n` +
        'the enterprise key was configured without its admin PIN: plan unsupported = ' +
        JSON.stringify(entConfigure.body?.result?.unsupported),
    ).toContain('setAdminPin');
  });

  it('assigning the generic key to an Entra user leaves a verified credential at the emulator', async () => {
    const id = need(run.genericId, 'generic key');
    const r = await call(
      'device-gateway',
      'POST',
      `/devices/${id}/assign?wait=true`,
      ['device:enroll'],
      { idpId: need(run.idpId, 'IdP connection'), user: USER_LOGIN },
    );
    expect(r.status, show(r, 'POST gateway /devices/:id/assign')).toBe(200);
    expect(r.body.run, show(r, 'assign')).toMatchObject({ state: 'succeeded' });
    const alice = entra.state.findUser(USER_LOGIN);
    expect(alice, 'Entra emulator user').toBeDefined();
    const held = entra.state.credentialsOf(alice!.id);
    expect(held, 'credentials the Entra emulator registered for the user').toHaveLength(1);
    const result = r.body.result ?? {};
    expect(result.credentialId, show(r, 'assign result credentialId')).toBe(held[0]!.credentialId);
    run.credentialId = held[0]!.credentialId;
    // The emulator registered only after verifying the attestation; it must be this key's.
    const view = await call('device-gateway', 'GET', `/devices/${id}`, ['device:read']);
    expect(held[0]!.aaguid, show(view, 'AAGUID of the enrolled key')).toBe(view.body.aaguid);
  });

  it('functional test asserts with the enrolled credential', async () => {
    const credentialId = need(run.credentialId, 'enrolled credential');
    const r = await call(
      'device-gateway',
      'POST',
      `/devices/${need(run.genericId, 'generic key')}/test?wait=true`,
      ['device:enroll'],
      { rpId: entra.rpId, credentialId },
    );
    expect(r.status, show(r, 'POST gateway /devices/:id/test')).toBe(200);
    expect(r.body.result, show(r, 'functional test')).toMatchObject({ passed: true, credentialId });
  });

  it('initial PINs follow the permission table (user PIN; admin PIN only for enterprise keys)', async () => {
    const genericId = need(run.genericId, 'generic key');
    const enterpriseId = need(run.enterpriseId, 'enterprise key');
    const pinOf = (id: string, perms: string[]) =>
      call('device-gateway', 'GET', `/devices/${id}/pin`, ['device:read', ...perms]);

    const user = await pinOf(genericId, ['device:userpin:read']);
    expect(user.status, show(user, 'GET generic PIN with device:userpin:read')).toBe(200);
    expect(user.body.userPin).toMatch(/^\d{8}$/);
    expect(user.body.adminPin).toBeUndefined();
    run.secrets.push({ label: `user PIN of ${GENERIC_SERIAL}`, value: user.body.userPin });

    const noPerm = await pinOf(genericId, []);
    expect(noPerm.status, show(noPerm, 'GET generic PIN without PIN permissions')).toBe(403);

    const both = await pinOf(enterpriseId, ['device:userpin:read', 'device:adminpin:read']);
    expect(both.status, show(both, 'GET enterprise PINs with both permissions')).toBe(200);
    if (typeof both.body.userPin === 'string')
      run.secrets.push({ label: `user PIN of ${ENTERPRISE_SERIAL}`, value: both.body.userPin });
    if (typeof both.body.adminPin === 'string')
      run.secrets.push({ label: `admin PIN of ${ENTERPRISE_SERIAL}`, value: both.body.adminPin });
    expect(both.body.userPin).toMatch(/^\d{8}$/);
    // Soft: the rest of the permission table is still checked when the admin PIN is missing.
    expect
      .soft(
        both.body.adminPin,
        `${show(both, 'enterprise admin PIN')}\nbus:\n${busAbout(ENTERPRISE_SERIAL, 'pin')}\n${busAbout(ENTERPRISE_SERIAL, 'configured')}`,
      )
      .toEqual(expect.any(String));
    if (typeof both.body.adminPin === 'string') expect(both.body.adminPin).toHaveLength(12);

    const userOnly = await pinOf(enterpriseId, ['device:userpin:read']);
    expect(userOnly.status, show(userOnly, 'GET enterprise PIN with userpin only')).toBe(200);
    expect(userOnly.body.adminPin, 'admin PIN without device:adminpin:read').toBeUndefined();

    const adminDenied = await pinOf(enterpriseId, []);
    expect(adminDenied.status, show(adminDenied, 'GET enterprise PIN without permissions')).toBe(
      403,
    );
    for (const secret of run.secrets) expect(adminDenied.text).not.toContain(secret.value);
  });

  it('reporting inventory converges on the keys with status, policy and user', async () => {
    const policyId = need(run.policyId, 'policy id');
    const read = (serial: string) =>
      call('reporting', 'GET', `/inventory/${encodeURIComponent(serial)}`, ['device:read']);
    const generic = await pollUntil(
      () => read(GENERIC_SERIAL),
      (r) => r.status === 200 && r.body.status === 'ENROLLED' && r.body.policyId === policyId,
    );
    expect(generic.status, show(generic, `GET reporting /inventory/${GENERIC_SERIAL}`)).toBe(200);
    expect(generic.body, show(generic, 'generic inventory')).toMatchObject({
      serial: GENERIC_SERIAL,
      status: 'ENROLLED',
      policyId,
      policyVersion: 1,
      idpId: need(run.idpId, 'IdP connection'),
      credentialId: need(run.credentialId, 'enrolled credential'),
    });
    const alice = entra.state.findUser(USER_LOGIN)!;
    expect(
      [generic.body.user?.id, generic.body.user?.email, generic.body.user?.name],
      show(generic, 'inventory user'),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^(${alice.id}|${USER_LOGIN})$`, 'i')),
      ]),
    );

    const enterprise = await pollUntil(
      () => read(ENTERPRISE_SERIAL),
      (r) => r.status === 200 && r.body.status === 'CONFIGURED' && r.body.policyId === policyId,
    );
    expect(enterprise.body, show(enterprise, 'enterprise inventory')).toMatchObject({
      serial: ENTERPRISE_SERIAL,
      status: 'CONFIGURED',
      policyId,
      policyVersion: 1,
      user: null,
    });
  });

  it('gateway derives ENROLLED with the user from the inventory', async () => {
    const view = await pollUntil(
      () =>
        call('device-gateway', 'GET', `/devices/${need(run.genericId, 'generic key')}`, [
          'device:read',
        ]),
      (r) => r.status === 200 && r.body.status === 'ENROLLED',
    );
    expect(view.body, show(view, 'GET gateway generic device')).toMatchObject({
      serial: GENERIC_SERIAL,
      status: 'ENROLLED',
      unknownFields: [],
    });
  });

  it('audit trail records configured, enrolled and pin_viewed with actor and serial', async () => {
    const expected = [
      ['keyward.device.configured', GENERIC_SERIAL],
      ['keyward.device.configured', ENTERPRISE_SERIAL],
      ['keyward.device.enrolled', GENERIC_SERIAL],
      ['keyward.device.pin_viewed', GENERIC_SERIAL],
      ['keyward.device.pin_viewed', ENTERPRISE_SERIAL],
    ] as const;
    for (const [type, serial] of expected) {
      const q = `/audit?type=${encodeURIComponent(type)}&serial=${encodeURIComponent(serial)}`;
      const r = await pollUntil(
        () => call('reporting', 'GET', q, ['audit:read']),
        (x) => x.status === 200 && x.body.items.length > 0,
      );
      expect(r.status, show(r, `GET reporting ${q}`)).toBe(200);
      expect(r.body.items.length, show(r, `audit ${type} for ${serial}`)).toBeGreaterThan(0);
      expect(r.body.items[0], show(r, `audit ${type} for ${serial}`)).toMatchObject({
        type,
        serial,
        actor: ACTOR,
        gatewayId: GATEWAY_ID,
      });
    }
    // The other services' events about the same acts carry the administrator too: the actor
    // travels gateway → policy / identity in the request header.
    for (const [type, serial] of [
      ['keyward.pin.stored', GENERIC_SERIAL],
      ['keyward.pin.read', ENTERPRISE_SERIAL],
      ['keyward.enrollment.completed', GENERIC_SERIAL],
    ] as const) {
      const q = `/audit?type=${encodeURIComponent(type)}&serial=${encodeURIComponent(serial)}`;
      const r = await pollUntil(
        () => call('reporting', 'GET', q, ['audit:read']),
        (x) => x.status === 200 && x.body.items.length > 0,
      );
      expect.soft(r.body?.items?.[0], show(r, `audit ${type} for ${serial}`)).toMatchObject({
        type,
        serial,
        actor: ACTOR,
      });
    }
    // Two PIN views of the enterprise key revealed something (both, user only); denied reads
    // reveal nothing and publish no pin_viewed.
    const views = await call(
      'reporting',
      'GET',
      `/audit?type=keyward.device.pin_viewed&serial=${ENTERPRISE_SERIAL}`,
      ['audit:read'],
    );
    const revealed = (views.body.items as { data: { revealed: string[] } }[]).map((i) =>
      [...i.data.revealed].sort().join('+'),
    );
    expect(
      revealed.sort(),
      `${show(views, 'pin_viewed of the enterprise key')}\n(one view with both permissions must reveal admin+user, one with device:userpin:read only user)`,
    ).toEqual(['admin+user', 'user']);
  });

  it('audit chain verifies intact', async () => {
    const r = await call('reporting', 'GET', '/audit/verify', ['audit:read']);
    expect(r.status, show(r, 'GET reporting /audit/verify')).toBe(200);
    expect(r.body.partitions.length, show(r, 'audit partitions')).toBeGreaterThan(0);
    expect(r.body, show(r, 'audit chain verdict')).toMatchObject({ ok: true });
  });

  it('reports download with the PIN views and the configure session', async () => {
    const pinViews = await pollUntil(
      () => call('reporting', 'GET', '/reports/pin-views?format=csv', ['report:read']),
      (r) => r.status === 200 && r.text.includes(ENTERPRISE_SERIAL),
    );
    expect(pinViews.status, show(pinViews, 'GET reporting /reports/pin-views')).toBe(200);
    expect(pinViews.text, 'pin-views report').toContain(GENERIC_SERIAL);
    expect(pinViews.text, 'pin-views report').toContain(ENTERPRISE_SERIAL);
    for (const path of [
      '/reports/devices?format=json',
      '/reports/sessions?format=csv',
      '/inventory/export?format=csv',
    ]) {
      const r = await call('reporting', 'GET', path, ['report:read']);
      expect(r.status, show(r, `GET reporting ${path}`)).toBe(200);
    }
    const sessionId = need(run.configureSessionId, 'configure session');
    const report = await call('device-gateway', 'GET', `/sessions/${sessionId}/report?format=csv`, [
      'device:read',
    ]);
    expect(report.status, show(report, 'GET gateway /sessions/:id/report')).toBe(200);
    expect(report.text).toContain(GENERIC_SERIAL);
  });

  it('remote unlock of the PIN-blocked enterprise key gives it a new PIN from the vault (issue 19: sealed on the bus)', async () => {
    const id = need(run.enterpriseId, 'enterprise key');
    const blocked = await call('device-gateway', 'POST', `/simulation/devices/${id}/block-pin`, [
      'device:configure',
    ]);
    expect(blocked.status, show(blocked, 'POST gateway block-pin')).toBeLessThan(300);
    const lockedId: string = blocked.body?.deviceId ?? id;
    run.enterpriseId = lockedId;
    const r = await call(
      'device-gateway',
      'POST',
      `/devices/${lockedId}/unlock?wait=true`,
      ['device:read', 'device:unlock'],
      { method: 'remote', pinSource: 'generated' },
    );
    expect(r.status, show(r, 'POST gateway /devices/:id/unlock (remote)')).toBe(200);
    const newPin = r.body?.result?.newPin;
    expect(newPin, show(r, 'unlock result')).toEqual(expect.any(String));
    run.secrets.push({ label: `new user PIN of ${ENTERPRISE_SERIAL} (unlock)`, value: newPin });
    // The new PIN as the vault holds it: what the policy service decrypts and seals for the view.
    const after = await call('device-gateway', 'GET', `/devices/${lockedId}/pin`, [
      'device:read',
      'device:userpin:read',
    ]);
    expect(after.status, show(after, 'GET gateway PIN after unlock')).toBe(200);
    expect(after.body.userPin).toBe(newPin);
  });

  it('resets the generic key (remove/reinsert, touch) to NOT CONFIGURED without a PIN, so the bus capture covers a reset', async () => {
    const id = need(run.genericId, 'generic key');
    const started = await call(
      'device-gateway',
      'POST',
      `/devices/${id}/reset`,
      ['device:reset'],
      {},
    );
    expect(started.status, show(started, 'POST gateway /devices/:id/reset')).toBe(202);
    const sessionId: string = started.body.sessionId;
    const stateOf = async () => {
      const r = await call('device-gateway', 'GET', `/sessions/${sessionId}`, ['device:read']);
      const key = (r.body?.keys ?? []).find((k: { serial: string }) => k.serial === GENERIC_SERIAL);
      return { state: key?.state as string | undefined, reply: r };
    };
    // The session moves on its own (the simulator's touch is automatic here); ask until it
    // reaches the state each physical act needs, a bounded number of times.
    const until = async (wanted: readonly string[]) => {
      for (let i = 0; i < 300; i += 1) {
        const { state, reply } = await stateOf();
        if (state && wanted.includes(state)) return state;
        if (state === 'failed') throw new Error(show(reply, 'reset failed'));
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`reset never reached ${wanted.join(' or ')}`);
    };
    await until(['waiting-for-reinsert']);
    const back = await call('device-gateway', 'POST', `/simulation/devices/${id}/reinsert`, [
      'device:configure',
    ]);
    expect(back.status, show(back, 'POST gateway reinsert')).toBe(200);
    const touched = await until(['waiting-for-touch', 'succeeded']);
    if (touched === 'waiting-for-touch') {
      const t = await call(
        'device-gateway',
        'POST',
        `/simulation/devices/${back.body.deviceId}/touch`,
        ['device:configure'],
      );
      expect(t.status, show(t, 'POST gateway touch')).toBe(204);
      await until(['succeeded']);
    }
    run.genericId = back.body.deviceId;
    const view = await call('device-gateway', 'GET', `/devices/${back.body.deviceId}`, [
      'device:read',
    ]);
    expect(view.body, show(view, 'GET gateway device after reset')).toMatchObject({
      status: 'NOT_CONFIGURED',
      pinSet: false,
    });
  });

  it('nothing was dead-lettered during the lifecycle', () => {
    const dlq = bus.messages.filter((m) => m.subject.startsWith('keyward.dlq.'));
    expect(
      dlq.map((m) => `${m.subject}: ${m.raw.slice(0, 600)}`),
      'dead-lettered messages (a consumer rejected another service’s event)',
    ).toEqual([]);
  });

  it('no PIN or secret of this run appears in any service output, bus message, report or REST reply', () => {
    const pins = run.secrets.filter((s) => s.label.includes('PIN'));
    expect(pins.length, 'PINs read back (the PIN step must have run)').toBeGreaterThan(0);
    const texts = [
      ...[...services.values()].flatMap((s) =>
        (['stdout', 'stderr'] as const).map((stream) => ({
          where: `service ${s.name} ${stream}`,
          text: s.lines
            .filter((l) => l.stream === stream)
            .map((l) => l.line)
            .join('\n'),
        })),
      ),
      ...restReplies,
      ...bus.messages.map((m, i) => ({
        where: `bus subject ${m.subject} (message #${i})`,
        text: `${m.headers}\n${m.raw}`,
      })),
    ];
    // The scan must have had something to look at: the services log and the bus carried events.
    expect(bus.messages.length, 'messages seen on keyward.evt.>').toBeGreaterThan(5);
    for (const s of services.values()) {
      expect(s.lines.length, `lines captured from the ${s.name} service`).toBeGreaterThan(0);
    }
    // Requests and replies were captured too (`>`): the PIN traffic of the run went over the bus.
    const subjectsSeen = new Set(bus.messages.map((m) => m.subject));
    for (const s of [
      'keyward.policy.plan',
      'keyward.policy.pin.read',
      'keyward.policy.unlock.response',
    ]) {
      expect(subjectsSeen.has(s), `a ${s} request was captured`).toBe(true);
    }
    expect(
      bus.messages.some((m) => m.subject.startsWith('_INBOX.')),
      'replies captured',
    ).toBe(true);
    const busTexts = texts.filter((t) => t.where.startsWith('bus '));
    const tokens = issuedTokens.map((value, i) => ({ label: `bearer token #${i}`, value }));
    const leaks = [...findLeaks(run.secrets, texts), ...findLeaks(tokens, busTexts)];
    expect(
      leaks.map((l) => `${l.secret} leaked as ${l.encoding} in ${l.where}: …${l.excerpt}…`),
      'secrets found in service output or on the bus',
    ).toEqual([]);
  });
});
