import { deviceEvents } from '@keyward/contracts';
import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';

/**
 * device.attached / device.detached on the bus, and the session hooks (continuous sessions,
 * repair of interrupted keys, interruption of a pulled key). Returns a stop function.
 */
export function deviceLifecycleEvents(core: GatewayCore): { stop(): void } {
  const actor = 'service:device-gateway';
  const ref = (d: RegisteredDevice) => ({
    gatewayId: core.gatewayId,
    deviceId: d.key.id,
    serial: d.facts.serial,
    aaguid: d.facts.aaguid,
  });
  const onAttached = (d: RegisteredDevice) => {
    core.sessions.onAttached(d);
    core.events
      .publish(deviceEvents.attached, {
        actor,
        subject: d.facts.serial,
        data: {
          ...ref(d),
          name: d.facts.name,
          transport: d.facts.transport,
          deviceType: d.facts.deviceType,
          versions: d.facts.info.versions,
          ...(d.facts.info.firmwareVersion !== undefined
            ? { firmwareVersion: d.facts.info.firmwareVersion }
            : {}),
          simulated: d.facts.simulated,
        },
      })
      .catch((error) => core.logger.error({ err: error }, 'device.attached not published'));
  };
  const onDetached = (d: RegisteredDevice) => {
    const during = core.sessions.list().find((s) => {
      const run = s.keys[d.facts.serial];
      return run && (run.state === 'running' || run.state === 'waiting-for-touch');
    });
    core.sessions.onDetached(d);
    core.events
      .publish(deviceEvents.detached, {
        actor,
        subject: d.facts.serial,
        data: { ...ref(d), ...(during ? { during: during.kind } : {}) },
      })
      .catch((error) => core.logger.error({ err: error }, 'device.detached not published'));
  };
  const onUnidentified = ({ key, error }: { key: { id: string }; error: unknown }) => {
    core.logger.warn({ err: error, deviceId: key.id }, 'attached key could not be identified');
  };
  core.registry.on('attached', onAttached);
  core.registry.on('detached', onDetached);
  core.registry.on('unidentified', onUnidentified);
  return {
    stop() {
      core.registry.off('attached', onAttached);
      core.registry.off('detached', onDetached);
      core.registry.off('unidentified', onUnidentified);
    },
  };
}
