import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import {
  checkAttestation,
  credentialIdFromAttestation,
  toBase64Url,
} from '../common/attestation.ts';
import type { EmulatorState, RegisteredCredential } from '../common/state.ts';
import { sendOktaError } from './errors.ts';
import { factorLinks, type PendingFactor, renderActiveFactor } from './render.ts';

const EnrollBody = z.object({ factorType: z.literal('webauthn'), provider: z.literal('FIDO') });
const ActivateBody = z.object({ attestation: z.string().min(1), clientData: z.string().min(1) });

export interface FactorRouteOptions {
  state: EmulatorState;
  apiUrl: string;
  /** `https://{yourOktaDomain}`: the origin clients must put in clientDataJSON. */
  origin: string;
  rpId: string;
  orgName: string;
  guard: { read: RequestHandler; manage: RequestHandler };
}

/** Factors API for WebAuthn: enroll, activate, list, get, delete (idp-apis.md §2.3–2.5). */
export function mountFactorRoutes(router: Router, options: FactorRouteOptions): void {
  const { state, apiUrl, guard } = options;
  const pending = new Map<string, PendingFactor>();

  const userOr404 = (req: Request, res: Response) => {
    const user = state.findUser(String(req.params.userId));
    if (!user)
      sendOktaError(
        res,
        'E0000007',
        [],
        `Not found: Resource not found: ${req.params.userId} (User)`,
      );
    return user;
  };

  router.post('/api/v1/users/:userId/factors', guard.manage, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const body = EnrollBody.safeParse(req.body);
    if (!body.success) {
      return sendOktaError(res, 'E0000001', [
        'factorType: expected "webauthn" with provider "FIDO"',
      ]);
    }
    const lifetime =
      req.query.tokenLifetimeSeconds === undefined ? 300 : Number(req.query.tokenLifetimeSeconds);
    if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 86_400) {
      return sendOktaError(res, 'E0000001', [
        `tokenLifetimeSeconds: was ${req.query.tokenLifetimeSeconds}, expected 1..86400`,
      ]);
    }
    const factor: PendingFactor = {
      id: `fwf${randomBytes(12).toString('base64url').slice(0, 17)}`,
      userId: user.id,
      created: state.clock().toISOString(),
    };
    pending.set(factor.id, factor);
    const issued = state.issueChallenge(user.id, lifetime, factor.id);
    res.json({
      id: factor.id,
      factorType: 'webauthn',
      provider: 'FIDO',
      vendorName: 'FIDO',
      status: 'PENDING_ACTIVATION',
      created: factor.created,
      lastUpdated: factor.created,
      _links: factorLinks(apiUrl, user.id, factor.id, false),
      _embedded: {
        activation: {
          attestation: 'direct',
          authenticatorSelection: { userVerification: 'preferred', requireResidentKey: false },
          challenge: issued.challenge,
          excludeCredentials: state
            .credentialsOf(user.id)
            .map((c) => ({ type: 'public-key', id: c.credentialId })),
          pubKeyCredParams: [
            { type: 'public-key', alg: -7 },
            { type: 'public-key', alg: -257 },
          ],
          rp: { name: options.orgName },
          user: {
            displayName: user.displayName,
            name: user.login,
            id: Buffer.from(user.id).toString('base64url'),
          },
          u2fParams: { appid: options.origin },
        },
      },
    });
  });

  router.post(
    '/api/v1/users/:userId/factors/:factorId/lifecycle/activate',
    guard.manage,
    async (req, res) => {
      const user = userOr404(req, res);
      if (!user) return;
      const factor = pending.get(String(req.params.factorId));
      if (!factor || factor.userId !== user.id) {
        return sendOktaError(
          res,
          'E0000007',
          [],
          `Not found: Resource not found: ${req.params.factorId} (UserFactor)`,
        );
      }
      const body = ActivateBody.safeParse(req.body);
      if (!body.success)
        return sendOktaError(res, 'E0000001', ['attestation and clientData are required']);
      const attestationObject = toBase64Url(body.data.attestation);
      const credentialId = credentialIdFromAttestation(attestationObject);
      let seen: string | undefined;
      const result = credentialId
        ? await checkAttestation({
            credentialId,
            attestationObject,
            clientDataJSON: toBase64Url(body.data.clientData),
            challengeIsValid: (c) => {
              seen = c;
              return state.challengeIsLive(c, user.id, factor.id);
            },
            expectedOrigin: options.origin,
            expectedRPID: options.rpId,
          })
        : ({ ok: false, reason: 'attestation object did not parse' } as const);
      if (!result.ok) {
        // Okta answers every bad nonce / attestation / clientData with E0000068 (legacy factors doc).
        return sendOktaError(res, 'E0000068', [
          "Your passcode doesn't match our records. Please try again.",
          result.reason,
        ]);
      }
      if (
        [...state.credentials.values()].some(
          (c) => c.credentialId === result.credential.credentialId,
        )
      ) {
        return sendOktaError(res, 'E0000157');
      }
      if (seen) state.challenges.delete(seen);
      pending.delete(factor.id);
      const stored: RegisteredCredential = {
        methodId: factor.id,
        userId: user.id,
        credentialId: result.credential.credentialId,
        aaguid: result.credential.aaguid,
        fmt: result.credential.fmt,
        publicKey: result.credential.publicKey,
        displayName: 'Security Key',
        createdAt: factor.created,
      };
      state.credentials.set(stored.methodId, stored);
      res.json(renderActiveFactor(stored, apiUrl));
    },
  );

  router.get('/api/v1/users/:userId/factors', guard.read, (req, res) => {
    const user = userOr404(req, res);
    if (user) res.json(state.credentialsOf(user.id).map((c) => renderActiveFactor(c, apiUrl)));
  });

  const factorOr404 = (req: Request, res: Response, userId: string) => {
    const f = state.credentials.get(String(req.params.factorId));
    if (!f || f.userId !== userId) {
      sendOktaError(
        res,
        'E0000007',
        [],
        `Not found: Resource not found: ${req.params.factorId} (UserFactor)`,
      );
      return undefined;
    }
    return f;
  };

  router.get('/api/v1/users/:userId/factors/:factorId', guard.read, (req, res) => {
    const user = userOr404(req, res);
    const f = user && factorOr404(req, res, user.id);
    if (f) res.json(renderActiveFactor(f, apiUrl));
  });

  router.delete('/api/v1/users/:userId/factors/:factorId', guard.manage, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    if (pending.delete(String(req.params.factorId))) return void res.status(204).end();
    const f = factorOr404(req, res, user.id);
    if (!f) return;
    state.credentials.delete(f.methodId);
    res.status(204).end();
  });
}
