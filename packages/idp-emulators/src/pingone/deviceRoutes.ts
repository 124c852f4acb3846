import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { checkAttestation, toBase64Url } from '../common/attestation.ts';
import type { EmulatorState, RegisteredCredential } from '../common/state.ts';
import { toSignedBytes } from './byteArrays.ts';
import { sendPingError } from './errors.ts';

const CreateBody = z.object({
  type: z.literal('FIDO2'),
  rp: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  policy: z.object({ id: z.string().min(1) }),
  nickname: z.string().optional(),
});
const ActivateBody = z.object({ origin: z.string().url(), attestation: z.string().min(1) });
const Attestation = z.object({
  id: z.string().min(1),
  response: z.object({ clientDataJSON: z.string().min(1), attestationObject: z.string().min(1) }),
});

interface PendingDevice {
  id: string;
  userId: string;
  rp: { id: string; name: string };
  nickname: string;
  createdAt: string;
}

export interface DeviceRouteOptions {
  state: EmulatorState;
  envId: string;
  fido2PolicyId: string;
  /** Challenge lifetime for a device awaiting activation. Default 120 s (options.timeout). */
  challengeTtlSeconds?: number;
  guard: RequestHandler;
}

/** MFA devices (FIDO2): create → ACTIVATION_REQUIRED, activate → ACTIVE, list, get, delete. */
export function mountDeviceRoutes(router: Router, options: DeviceRouteOptions): void {
  const { state, envId, guard, challengeTtlSeconds = 120 } = options;
  const base = `/v1/environments/${envId}/users/:userId/devices`;
  const pending = new Map<string, PendingDevice>();

  const userOr404 = (req: Request, res: Response) => {
    const user = state.findUser(String(req.params.userId));
    if (!user)
      sendPingError(res, 404, 'NOT_FOUND', `Unable to find user with ID ${req.params.userId}.`);
    return user;
  };
  const invalid = (res: Response, target: string, message: string) =>
    sendPingError(
      res,
      400,
      'INVALID_DATA',
      'The request could not be completed. One or more validation errors were in the request.',
      [{ code: 'INVALID_VALUE', target, message }],
    );

  router.post(base, guard, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const body = CreateBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      return invalid(res, issue?.path.join('.') ?? 'body', issue?.message ?? 'invalid');
    }
    if (body.data.policy.id !== options.fido2PolicyId) {
      return invalid(
        res,
        'policy.id',
        `Unknown FIDO2 device authentication policy ${body.data.policy.id}.`,
      );
    }
    const device: PendingDevice = {
      id: randomUUID(),
      userId: user.id,
      rp: body.data.rp,
      nickname: body.data.nickname ?? 'Security Key',
      createdAt: state.clock().toISOString(),
    };
    pending.set(device.id, device);
    const issued = state.issueChallenge(user.id, challengeTtlSeconds, device.id);
    const creationOptions = {
      rp: device.rp,
      user: {
        id: toSignedBytes(Buffer.from(user.id)),
        displayName: user.displayName,
        name: user.login,
      },
      challenge: toSignedBytes(Buffer.from(issued.challenge, 'base64url')),
      pubKeyCredParams: [
        { type: 'public-key', alg: '-7' },
        { type: 'public-key', alg: '-257' },
      ],
      timeout: challengeTtlSeconds * 1000,
      excludeCredentials: state.credentialsOf(user.id).map((c) => ({
        type: 'public-key',
        id: toSignedBytes(Buffer.from(c.credentialId, 'base64url')),
      })),
      authenticatorSelection: {
        residentKey: 'required',
        requireResidentKey: true,
        userVerification: 'required',
      },
      attestation: 'direct',
    };
    res.status(201).json({
      id: device.id,
      type: 'FIDO2',
      status: 'ACTIVATION_REQUIRED',
      nickname: device.nickname,
      rp: device.rp,
      createdAt: device.createdAt,
      publicKeyCredentialCreationOptions: JSON.stringify(creationOptions),
    });
  });

  router.post(`${base}/:deviceId`, guard, async (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const device = pending.get(String(req.params.deviceId));
    if (!device || device.userId !== user.id) {
      return sendPingError(
        res,
        404,
        'NOT_FOUND',
        `Unable to find device with ID ${req.params.deviceId}.`,
      );
    }
    if (
      !String(req.headers['content-type']).startsWith(
        'application/vnd.pingidentity.device.activate+json',
      )
    ) {
      return sendPingError(
        res,
        415,
        'INVALID_REQUEST',
        'Content-Type must be application/vnd.pingidentity.device.activate+json.',
      );
    }
    const body = ActivateBody.safeParse(req.body);
    if (!body.success) return invalid(res, 'attestation', 'origin and attestation are required');
    let parsed: z.infer<typeof Attestation>;
    try {
      parsed = Attestation.parse(JSON.parse(body.data.attestation));
    } catch {
      return invalid(
        res,
        'attestation',
        'attestation must be a JSON-serialised PublicKeyCredential',
      );
    }
    const originHost = new URL(body.data.origin).hostname;
    if (originHost !== device.rp.id && !originHost.endsWith(`.${device.rp.id}`)) {
      return invalid(
        res,
        'origin',
        `origin ${body.data.origin} is not within RP ID ${device.rp.id}`,
      );
    }
    let seen: string | undefined;
    const result = await checkAttestation({
      credentialId: toBase64Url(parsed.id),
      clientDataJSON: toBase64Url(parsed.response.clientDataJSON),
      attestationObject: toBase64Url(parsed.response.attestationObject),
      challengeIsValid: (c) => {
        seen = c;
        return state.challengeIsLive(c, user.id, device.id);
      },
      expectedOrigin: body.data.origin,
      expectedRPID: device.rp.id,
      requireUserVerification: true,
    });
    if (!result.ok)
      return invalid(res, 'attestation', `FIDO2 registration failed: ${result.reason}`);
    if (seen) state.challenges.delete(seen);
    pending.delete(device.id);
    const stored: RegisteredCredential = {
      methodId: device.id,
      userId: user.id,
      credentialId: result.credential.credentialId,
      aaguid: result.credential.aaguid,
      fmt: result.credential.fmt,
      publicKey: result.credential.publicKey,
      displayName: device.nickname,
      createdAt: device.createdAt,
    };
    state.credentials.set(stored.methodId, stored);
    res.json(renderDevice(stored, device.rp));
  });

  router.get(base, guard, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const devices = state.credentialsOf(user.id).map((c) => renderDevice(c));
    res.json({ _embedded: { devices }, count: devices.length, size: devices.length });
  });

  const deviceOr404 = (req: Request, res: Response, userId: string) => {
    const d = state.credentials.get(String(req.params.deviceId));
    if (!d || d.userId !== userId) {
      sendPingError(res, 404, 'NOT_FOUND', `Unable to find device with ID ${req.params.deviceId}.`);
      return undefined;
    }
    return d;
  };

  router.get(`${base}/:deviceId`, guard, (req, res) => {
    const user = userOr404(req, res);
    const d = user && deviceOr404(req, res, user.id);
    if (d) res.json(renderDevice(d));
  });

  router.delete(`${base}/:deviceId`, guard, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    if (pending.delete(String(req.params.deviceId))) return void res.status(204).end();
    const d = deviceOr404(req, res, user.id);
    if (!d) return;
    state.credentials.delete(d.methodId);
    res.status(204).end();
  });
}

function renderDevice(c: RegisteredCredential, rp?: { id: string; name: string }) {
  return {
    id: c.methodId,
    type: 'FIDO2',
    status: 'ACTIVE',
    nickname: c.displayName,
    createdAt: c.createdAt,
    ...(rp ? { rp } : {}),
    user: { id: c.userId },
  };
}
