import { forInstance, gatewayRequests, KeywardError, policyRequests } from '@keyward/contracts';
import { handleRequest, type RequestServer, serveRequests } from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { configureKey } from '../operations/configureKey.ts';
import { enrollKey } from '../operations/enrollKey.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { runOne } from '../operations/runOne.ts';
import type { KeyTask } from '../operations/sessionManager.ts';

const GATEWAY_ACTOR = 'service:device-gateway';

/**
 * This gateway's own request subjects, `keyward.gateway.<gatewayId>.devices|provision`, for
 * other services (the printer service provisions the key in its encoder through them).
 */
export async function serveGatewayRequests(
  nc: NatsConnection,
  core: GatewayCore,
  version: string,
): Promise<RequestServer> {
  return serveRequests(nc, {
    service: 'device-gateway',
    version,
    description: `device gateway ${core.gatewayId}`,
    logger: core.logger,
    queue: `gateway-${core.gatewayId}`,
    handlers: [
      handleRequest(forInstance(gatewayRequests.devices, core.gatewayId), async () => ({
        gatewayId: core.gatewayId,
        devices: await Promise.all(
          core.registry.list().map(async (d) => ({
            deviceId: d.key.id,
            serial: d.facts.serial,
            aaguid: d.facts.aaguid,
            name: d.facts.name,
            transport: d.facts.transport,
            deviceType: d.facts.deviceType,
            busy: (await core.leases.holder(d.facts.serial).catch(() => undefined)) !== undefined,
            ...(d.facts.info.pinRetries !== undefined
              ? { locked: d.facts.info.pinRetries === 0 }
              : {}),
          })),
        ),
      })),
      handleRequest(forInstance(gatewayRequests.provision, core.gatewayId), async (data, ctx) => {
        const device = core.registry.get(data.deviceId);
        const actor = ctx.actor ?? GATEWAY_ACTOR;
        const result = await runOne(core, {
          kind: 'enroll',
          device,
          actor,
          policyId: data.policyId,
          annotation: { policyId: data.policyId, user: data.user.id },
          task: provisionTask(core, {
            policyId: data.policyId,
            user: data.user.id,
            ...(data.idpId ? { idpId: data.idpId } : {}),
          }),
          wait: true,
        });
        const value = (result.body as { result?: { credentialId?: string } }).result;
        if (!value?.credentialId)
          throw new KeywardError('INTERNAL', 'provisioning finished without a credential');
        return {
          sessionId: result.body.sessionId,
          serial: device.facts.serial,
          aaguid: device.facts.aaguid,
          credentialId: value.credentialId,
        };
      }),
    ],
  });
}

/** Configure to the policy, then enroll for the user — one lease, one session, one key run. */
function provisionTask(
  core: GatewayCore,
  options: { policyId: string; user: string; idpId?: string },
): KeyTask {
  return async (ctx) => {
    await configureKey(core, { policyId: options.policyId })(ctx);
    const facts = ctx.device.facts;
    const pins = await core.requester.request(
      policyRequests.pinRead,
      {
        serial: facts.serial,
        which: 'user',
        permissions: ['device:userpin:read'],
        gatewayId: core.gatewayId,
      },
      // The requesting service's actor (the session's), so the audited pin.read names it.
      { actor: ctx.session.actor },
    );
    if (!pins.ok) throw new KeywardError(pins.error.code, `PIN vault: ${pins.error.message}`);
    return enrollKey(core, {
      user: options.user,
      ...(options.idpId ? { idpId: options.idpId } : {}),
      ...(pins.data.userPin ? { pin: pins.data.userPin } : {}),
    })(ctx);
  };
}
