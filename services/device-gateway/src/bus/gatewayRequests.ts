import { forInstance, gatewayRequests, KeywardError } from '@keyward/contracts';
import { handleRequest, type RequestServer, serveRequests } from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { provisionKey } from '../operations/provisionKey.ts';
import { runOne } from '../operations/runOne.ts';

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
          task: provisionKey(core, {
            policyId: data.policyId,
            user: data.user.id,
            ...(data.idpId ? { idpId: data.idpId } : {}),
          }),
          wait: true,
        });
        const value = (result.body as { result?: { assigned?: { credentialId?: string } } }).result
          ?.assigned;
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
