import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { checkAttestation } from '../common/attestation.ts';
import type { EmulatorState, RegisteredCredential } from '../common/state.ts';
import { sendGraphError } from './errors.ts';

/** v1.0 creation options have a fixed 5-minute challenge timeout (fido2 creationOptions doc). */
export const ENTRA_CHALLENGE_TTL_SECONDS = 300;

/** Entra accepts only these attestation formats (beta authentication-post-fido2methods). */
const ACCEPTED_FORMATS = new Set(['packed', 'none']);

const PostBody = z.object({
  displayName: z.string().min(1).max(256).optional(),
  publicKeyCredential: z.object({
    id: z.string().min(1),
    response: z.object({ clientDataJSON: z.string().min(1), attestationObject: z.string().min(1) }),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
  }),
});

function renderMethod(c: RegisteredCredential) {
  return {
    '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
    id: c.methodId,
    displayName: c.displayName,
    createdDateTime: c.createdAt,
    aaGuid: c.aaguid,
    model: null,
    attestationCertificates: [],
    attestationLevel: c.fmt === 'none' ? 'notAttested' : 'attested',
    passkeyType: 'deviceBound',
  };
}

export interface Fido2RouteOptions {
  state: EmulatorState;
  rpId: string;
  guard: { read: RequestHandler; write: RequestHandler };
  graphOrigin: string;
}

/** /users/{id|UPN}/authentication/fido2Methods: creationOptions, POST, list, get, delete. */
export function mountFido2Routes(router: Router, options: Fido2RouteOptions): void {
  const { state, rpId, guard } = options;
  const base = '/v1.0/users/:user/authentication/fido2Methods';

  const userOr404 = (req: Request, res: Response) => {
    const user = state.findUser(String(req.params.user));
    if (!user) {
      sendGraphError(
        res,
        404,
        'Request_ResourceNotFound',
        `Resource '${req.params.user}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    return user;
  };

  router.get(`${base}/creationOptions`, guard.write, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const issued = state.issueChallenge(user.id, ENTRA_CHALLENGE_TTL_SECONDS);
    res.json({
      '@odata.context': `${options.graphOrigin}/v1.0/$metadata#microsoft.graph.webauthnCredentialCreationOptions`,
      challengeTimeoutDateTime: new Date(issued.expiresAt).toISOString(),
      publicKey: {
        rp: { id: rpId, name: 'Microsoft' },
        user: {
          id: Buffer.from(`OF:${user.id}`).toString('base64url'),
          name: user.login,
          displayName: user.displayName,
        },
        challenge: issued.challenge,
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        timeout: 60_000,
        excludeCredentials: state
          .credentialsOf(user.id)
          .map((c) => ({ type: 'public-key', id: c.credentialId, transports: ['usb'] })),
        authenticatorSelection: {
          authenticatorAttachment: 'cross-platform',
          requireResidentKey: true,
          userVerification: 'required',
        },
        attestation: 'direct',
        extensions: {
          hmacCreateSecret: true,
          enforceCredentialProtectionPolicy: true,
          credentialProtectionPolicy: 'userVerificationOptional',
        },
      },
    });
  });

  router.post(base, guard.write, async (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    const parsed = PostBody.safeParse(req.body);
    if (!parsed.success) {
      sendGraphError(
        res,
        400,
        'badRequest',
        'The request is missing a fido2AuthenticationMethod entity with a displayName and publicKeyCredential in the request body. All other properties will be ignored.',
      );
      return;
    }
    const { publicKeyCredential: pkc, displayName } = parsed.data;
    let challengeSeen: string | undefined;
    const result = await checkAttestation({
      credentialId: pkc.id,
      clientDataJSON: pkc.response.clientDataJSON,
      attestationObject: pkc.response.attestationObject,
      challengeIsValid: (c) => {
        challengeSeen = c;
        return state.challengeIsLive(c, user.id);
      },
      expectedOrigin: `https://${rpId}`,
      expectedRPID: rpId,
      requireUserVerification: true,
    });
    if (!result.ok) {
      sendGraphError(
        res,
        400,
        'badRequest',
        `The passkey registration could not be verified: ${result.reason}`,
      );
      return;
    }
    if (!ACCEPTED_FORMATS.has(result.credential.fmt)) {
      sendGraphError(
        res,
        400,
        'badRequest',
        `Attestation format '${result.credential.fmt}' is not supported; expected packed or none.`,
      );
      return;
    }
    if (
      [...state.credentials.values()].some((c) => c.credentialId === result.credential.credentialId)
    ) {
      sendGraphError(
        res,
        409,
        'conflict',
        'A passkey with this credential id is already registered.',
      );
      return;
    }
    if (challengeSeen) state.challenges.delete(challengeSeen);
    const stored: RegisteredCredential = {
      methodId: randomBytes(16).toString('base64url'),
      userId: user.id,
      credentialId: result.credential.credentialId,
      aaguid: result.credential.aaguid,
      fmt: result.credential.fmt,
      publicKey: result.credential.publicKey,
      displayName: displayName ?? 'Passkey',
      createdAt: state.clock().toISOString(),
    };
    state.credentials.set(stored.methodId, stored);
    res.status(201).json(renderMethod(stored));
  });

  router.get(base, guard.read, (req, res) => {
    const user = userOr404(req, res);
    if (!user) return;
    res.json({
      '@odata.context': `${options.graphOrigin}/v1.0/$metadata#users('${user.id}')/authentication/fido2Methods`,
      value: state.credentialsOf(user.id).map(renderMethod),
    });
  });

  const methodOr404 = (req: Request, res: Response, userId: string) => {
    const m = state.credentials.get(String(req.params.methodId));
    if (!m || m.userId !== userId) {
      sendGraphError(
        res,
        404,
        'itemNotFound',
        `The fido2AuthenticationMethod '${req.params.methodId}' was not found.`,
      );
      return undefined;
    }
    return m;
  };

  router.get(`${base}/:methodId`, guard.read, (req, res) => {
    const user = userOr404(req, res);
    const m = user && methodOr404(req, res, user.id);
    if (m) res.json(renderMethod(m));
  });

  router.delete(`${base}/:methodId`, guard.write, (req, res) => {
    const user = userOr404(req, res);
    const m = user && methodOr404(req, res, user.id);
    if (!m) return;
    state.credentials.delete(m.methodId);
    res.status(204).end();
  });
}
