/** makeCredential steps 2 and 4–11 (CTAP 2.1 §6.1.2): options, UV requirements, token checks. */
import { type PinUvAuthProtocol, PinUvPermission } from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';
import { fail } from '../../ctapFailure.ts';
import { bindTokenRpId, protocolFor, verifyToken } from '../../pinUvAuth.ts';
import type { PinUvToken } from '../../runtime.ts';
import type { MakeCredentialRequest } from './request.ts';

export type McAuthorisation = {
  uv: boolean;
  token: PinUvToken | undefined;
  enterprise: boolean;
};

/** Step 9: enterprise attestation, when the key has it enabled. */
function enterpriseAttestation(ctx: CommandContext, req: MakeCredentialRequest): boolean {
  const ea = req.enterpriseAttestation;
  if (ea === undefined) return false;
  if (!ctx.profile.enterpriseAttestation || !ctx.state.config.enterpriseAttestation) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', 'enterprise attestation is not enabled');
  }
  if (ea !== 1 && ea !== 2) throw fail('CTAP2_ERR_INVALID_OPTION');
  // 1 = vendor-facilitated: only RP IDs configured into the key; 2 = platform-managed.
  return ea === 2 || ctx.state.config.enterpriseRpIds.includes(req.rpId);
}

/** Step 2: a pinUvAuthParam needs a (supported) protocol. */
export function requestProtocol(
  ctx: CommandContext,
  req: MakeCredentialRequest,
): PinUvAuthProtocol | undefined {
  const { pinUvAuthParam: param, pinUvAuthProtocol: version } = req;
  if (param === undefined) return undefined;
  if (version === undefined) throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  return protocolFor(ctx, version);
}

/** Steps 4–11, after the algorithm was chosen (step 3). */
export function authoriseMakeCredential(
  ctx: CommandContext,
  req: MakeCredentialRequest,
  protocol: PinUvAuthProtocol | undefined,
): McAuthorisation {
  const { pinUvAuthParam: param, options } = req;
  // 4-5. No built-in UV; up=false is not allowed for makeCredential.
  if (options.uv === true && param === undefined) throw fail('CTAP2_ERR_INVALID_OPTION');
  if (options.up === false) throw fail('CTAP2_ERR_INVALID_OPTION');
  // 6-8. Without a token: alwaysUv, or a PIN-protected key needing UV (makeCredUvNotRqd: rk only).
  if (param === undefined) {
    const uvNotRequired = ctx.profile.ctap21 && options.rk !== true;
    if (ctx.state.config.alwaysUv || (ctx.state.pin.hash !== undefined && !uvNotRequired)) {
      throw fail('CTAP2_ERR_PUAT_REQUIRED');
    }
  }
  const enterprise = enterpriseAttestation(ctx, req);
  // 11. The token: mc permission, RP ID binding, not yet used for an MC/GA.
  if (!protocol || !param) return { uv: false, token: undefined, enterprise };
  const token = verifyToken(ctx, {
    protocol,
    param,
    message: req.clientDataHash,
    permission: PinUvPermission.MAKE_CREDENTIAL,
  });
  if (!token.userVerified) throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'token already used');
  bindTokenRpId(token, req.rpId);
  return { uv: true, token, enterprise };
}
