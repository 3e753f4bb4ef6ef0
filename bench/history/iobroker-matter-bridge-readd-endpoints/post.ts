// history: ioBroker/ioBroker.matter 004e64eb7132 — https://github.com/ioBroker/ioBroker.matter/commit/004e64eb7132d106a2b8c57030a321c2c19f5ccc (diff read)
// leaked: when a bridged ioBroker device was added to a Matter bridge a second time under the same uuid, addBridgedIoBrokerDevice overwrote its deviceEndpoints entry with the new endpoints while the previously added Matter endpoints were never closed and stayed live in the bridge.
// covers: container=map drop=overwrite resource=custom born=factory
// ---- shaped like @matter/main (only the members used here) ----
declare class Endpoint {
  constructor(type: unknown, options: { id: string; [key: string]: unknown });
  readonly id: string;
  add(child: Endpoint): Promise<void>;
  close(): Promise<void>;
  delete(): Promise<void>;
}
declare const BridgedNodeEndpoint: unknown;

interface GenericDevice {
  readonly uuid: string;
  readonly deviceType: string;
  destroy(): Promise<void>;
}

interface BridgeDeviceDescription {
  uuid: string;
  name: string;
  noComposed?: boolean;
}

/** Maps one ioBroker device onto one or more Matter endpoints. */
interface DeviceToMatter {
  readonly name: string;
  getMatterEndpoints(): Endpoint[];
  init(): Promise<void>;
  destroy(): Promise<void>;
}

declare function matterDeviceFactory(device: GenericDevice, name: string, uuid: string): DeviceToMatter | undefined;

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export class BridgedDevices {
  #aggregator?: Endpoint;
  readonly #deviceEndpoints = new Map<string, Endpoint[]>();

  constructor(
    private readonly log: Logger,
    aggregator: Endpoint,
  ) {
    this.#aggregator = aggregator;
  }

  /** Builds the Matter endpoints for an ioBroker device and hangs them below the bridge aggregator. */
  async addBridgedIoBrokerDevice(device: GenericDevice, deviceOptions: BridgeDeviceDescription): Promise<void> {
    if (!this.#aggregator) {
      this.log.error('Aggregator not initialized. Should never happen');
      return;
    }
    if (this.#deviceEndpoints.has(deviceOptions.uuid)) {
      this.log.warn(`Device ${deviceOptions.uuid} already in bridge. Should never happen. Closing them before re-adding`);
      for (const endpoint of this.#deviceEndpoints.get(deviceOptions.uuid) ?? []) {
        await endpoint.close();
      }
    }

    const mappingDevice = matterDeviceFactory(device, deviceOptions.name, deviceOptions.uuid);
    if (!mappingDevice) {
      this.log.error(`ioBroker Device in Bridge "${device.deviceType}" is not supported`);
      return;
    }
    const endpoints = mappingDevice.getMatterEndpoints();
    if (endpoints.length === 1 || deviceOptions.noComposed) {
      for (const endpoint of endpoints) {
        try {
          await this.#aggregator.add(endpoint);
        } catch (error) {
          this.log.error(`Error adding endpoint ${endpoint.id} to bridge: ${String(error)}`);
        }
      }
      this.#deviceEndpoints.set(deviceOptions.uuid, endpoints);
    } else {
      const composedEndpoint = new Endpoint(BridgedNodeEndpoint, { id: `${deviceOptions.uuid}-composed` });
      await this.#aggregator.add(composedEndpoint);
      for (const endpoint of endpoints) {
        try {
          await composedEndpoint.add(endpoint);
        } catch (error) {
          this.log.error(`Error adding endpoint ${endpoint.id} to bridge: ${String(error)}`);
        }
      }
      this.#deviceEndpoints.set(deviceOptions.uuid, [composedEndpoint]);
    }
    await mappingDevice.init();
  }

  /** Drops the devices that are no longer part of the bridge configuration. */
  async removeDevicesNotIn(keep: string[]): Promise<void> {
    for (const [uuid, endpoints] of this.#deviceEndpoints) {
      if (keep.includes(uuid)) continue;
      this.log.info(`Removing device ${uuid} from bridge`);
      for (const endpoint of endpoints) {
        await endpoint.close();
      }
      this.#deviceEndpoints.delete(uuid);
    }
  }
}
