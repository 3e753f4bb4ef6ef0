// history: regaw-leinad/homebridge-winix-purifiers 813b724c3104e3cd0abebfbd91eac2fa4c1301e8 — https://github.com/regaw-leinad/homebridge-winix-purifiers/pull/40 (diff read)
// leaked: on every periodic device refresh, an already-known device gets a new handler whose polling loop starts, and handlers.set() replaces the old handler without stopping its poll timer, so the loops pile up.
// covers: container=map drop=overwrite resource=custom born=factory

// --- third-party shapes (homebridge, winix-api), only what is used ---
interface WinixDevice {
  deviceId: string;
  deviceAlias: string;
}
interface PlatformAccessory<C> {
  UUID: string;
  context: C;
}
interface API {
  hap: { uuid: { generate(data: string): string } };
  platformAccessory: new <C>(name: string, uuid: string) => PlatformAccessory<C>;
  registerPlatformAccessories(plugin: string, platform: string, accessories: PlatformAccessory<unknown>[]): void;
  unregisterPlatformAccessories(plugin: string, platform: string, accessories: PlatformAccessory<unknown>[]): void;
  updatePlatformAccessories(accessories: PlatformAccessory<unknown>[]): void;
}
declare class WinixClient {
  getDeviceStatus(deviceId: string): Promise<Record<string, unknown>>;
}

interface DeviceContext {
  device: WinixDevice;
}

class Device {
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deviceId: string,
    private readonly pollIntervalMs: number,
    private readonly client: WinixClient,
  ) {}

  startPolling(onUpdate: () => void): void {
    this.schedulePoll(Math.floor(Math.random() * this.pollIntervalMs), onUpdate);
  }

  stopPolling(): void {
    if (this.pollTimer) {
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }

  private schedulePoll(delayMs: number, onUpdate: () => void): void {
    this.pollTimer = setTimeout(async () => {
      await this.client.getDeviceStatus(this.deviceId).catch(() => undefined);
      onUpdate();
      this.schedulePoll(this.pollIntervalMs, onUpdate);
    }, delayMs);
  }
}

class WinixPurifierAccessory {
  readonly device: Device;

  constructor(
    readonly accessory: PlatformAccessory<DeviceContext>,
    client: WinixClient,
  ) {
    this.device = new Device(accessory.context.device.deviceId, 60_000, client);
  }

  async initialize(): Promise<void> {
    this.device.startPolling(() => this.sendHomekitUpdate());
  }

  private sendHomekitUpdate(): void {}
}

export class WinixPurifierPlatform {
  private readonly accessories = new Map<string, PlatformAccessory<DeviceContext>>();
  private readonly handlers = new Map<string, WinixPurifierAccessory>();

  constructor(
    private readonly api: API,
    private readonly client: WinixClient,
    private readonly getDevices: () => Promise<WinixDevice[]>,
  ) {}

  async onFinishLaunching(refreshIntervalMs: number): Promise<void> {
    await this.discoverDevices();
    setInterval(async () => await this.discoverDevices(), refreshIntervalMs);
  }

  async discoverDevices(): Promise<void> {
    const devices = await this.getDevices();
    const accessoriesToAdd: PlatformAccessory<DeviceContext>[] = [];
    const discoveredUUIDs = new Set<string>();

    for (const device of devices) {
      const uuid = this.api.hap.uuid.generate(device.deviceId);
      let accessory = this.accessories.get(uuid);

      if (accessory) {
        accessory.context.device = device;
        const handler = await this.createNewAccessoryHandler(accessory);
        this.handlers.set(uuid, handler); // expect: stop-on-evict
        this.api.updatePlatformAccessories([accessory]);
      } else {
        accessory = new this.api.platformAccessory<DeviceContext>(device.deviceAlias, uuid);
        accessory.context = { device };
        const handler = await this.createNewAccessoryHandler(accessory);
        this.accessories.set(uuid, accessory);
        this.handlers.set(uuid, handler);
        accessoriesToAdd.push(accessory);
      }
      discoveredUUIDs.add(accessory.UUID);
    }

    if (accessoriesToAdd.length > 0) {
      this.api.registerPlatformAccessories('homebridge-winix-purifiers', 'WinixPurifiers', accessoriesToAdd);
    }
    this.removeOldDevices(discoveredUUIDs);
  }

  private async createNewAccessoryHandler(accessory: PlatformAccessory<DeviceContext>): Promise<WinixPurifierAccessory> {
    const handler = new WinixPurifierAccessory(accessory, this.client);
    await handler.initialize();
    return handler;
  }

  private removeOldDevices(discoveredUUIDs: Set<string>): void {
    this.accessories.forEach((accessory) => {
      if (discoveredUUIDs.has(accessory.UUID)) {
        return;
      }
      this.handlers.get(accessory.UUID)?.device.stopPolling();
      this.api.unregisterPlatformAccessories('homebridge-winix-purifiers', 'WinixPurifiers', [accessory]);
      this.accessories.delete(accessory.UUID);
      this.handlers.delete(accessory.UUID);
    });
  }

  // Homebridge restores cached accessories here at boot, before any handler exists.
  configureAccessory(accessory: PlatformAccessory<DeviceContext>): void {
    this.accessories.set(accessory.UUID, accessory);
  }
}
