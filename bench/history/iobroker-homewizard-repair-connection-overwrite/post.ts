// history: krobipd/ioBroker.homewizard 0debe0e7a419 — https://github.com/krobipd/ioBroker.homewizard/commit/0debe0e7a41934af7c8ddcb0fd9d224926b1adda (diff read)
// leaked: re-pairing a device that was already known (e.g. after a factory reset) stored a fresh DeviceConnection under the same key in connections, overwriting the old one without closing its WebSocket client or clearing its REST poll interval and reconnect timeout, so the old socket kept running as a zombie until the adapter restarted.
// covers: container=map drop=overwrite resource=socket born=after-insert
declare namespace ioBroker {
  type Timeout = number & { readonly __brand: 'Timeout' };
  type Interval = number & { readonly __brand: 'Interval' };
  interface Logger {
    debug(message: string): void;
    info(message: string): void;
  }
}

// shaped like @iobroker/adapter-core's Adapter (only the members used here)
declare class Adapter {
  readonly log: ioBroker.Logger;
  setTimeout(callback: () => void, ms: number): ioBroker.Timeout | undefined;
  clearTimeout(timer: ioBroker.Timeout | undefined): void;
  setInterval(callback: () => void, ms: number): ioBroker.Interval | undefined;
  clearInterval(interval: ioBroker.Interval | undefined): void;
}

// shaped like the `ws` package's WebSocket (only the members used here)
declare class WebSocket {
  constructor(address: string, options?: { handshakeTimeout?: number });
  on(event: 'open', listener: () => void): this;
  on(event: 'close', listener: (code: number) => void): this;
  close(): void;
}

declare function requestPairing(ip: string): Promise<{ token: string; serial: string; name: string }>;

interface DeviceConfig {
  token: string;
  serial: string;
  productName: string;
}

class HomeWizardWebSocket {
  private ws: WebSocket | null = null;
  private destroyed = false;

  constructor(
    private readonly ip: string,
    private readonly onDisconnected: () => void,
  ) {}

  connect(): void {
    if (this.destroyed) return;
    this.ws = new WebSocket(`wss://${this.ip}/api/ws`, { handshakeTimeout: 10_000 });
    this.ws.on('close', () => {
      this.ws = null;
      if (!this.destroyed) this.onDisconnected();
    });
  }

  close(): void {
    this.destroyed = true;
    this.ws?.close();
    this.ws = null;
  }
}

interface DeviceConnection {
  config: DeviceConfig;
  ip: string;
  wsClient: HomeWizardWebSocket | null;
  pollTimer: ioBroker.Interval | undefined;
  reconnectTimer: ioBroker.Timeout | undefined;
  wsFailCount: number;
}

function createDeviceConnection(config: DeviceConfig, ip: string): DeviceConnection {
  return { config, ip, wsClient: null, pollTimer: undefined, reconnectTimer: undefined, wsFailCount: 0 };
}

export class HomeWizard extends Adapter {
  // one live connection per paired device, keyed by its object prefix
  private readonly connections = new Map<string, DeviceConnection>();
  private discoveredDuringPairing: { ip: string }[] = [];

  private devicePrefix(config: DeviceConfig): string {
    return config.serial.toLowerCase();
  }

  async pollPairing(): Promise<void> {
    for (const device of this.discoveredDuringPairing) {
      try {
        const paired = await requestPairing(device.ip);
        const config: DeviceConfig = { token: paired.token, serial: paired.serial, productName: paired.name };
        const key = this.devicePrefix(config);
        // a re-paired device already has a live connection under this key: shut it down first
        const previous = this.connections.get(key);
        if (previous) {
          this.log.debug(`${config.productName}: shutting down the old connection before re-pairing`);
          previous.wsClient?.close();
          if (previous.pollTimer) this.clearInterval(previous.pollTimer);
          if (previous.reconnectTimer) this.clearTimeout(previous.reconnectTimer);
        }
        const conn = createDeviceConnection(config, device.ip);
        this.connections.set(key, conn);
        this.connectWebSocket(conn);
        this.discoveredDuringPairing = this.discoveredDuringPairing.filter(d => d !== device);
        return;
      } catch {
        // button not pressed yet, keep polling
      }
    }
  }

  private connectWebSocket(conn: DeviceConnection): void {
    const wsClient = new HomeWizardWebSocket(conn.ip, () => {
      conn.wsClient = null;
      this.startRestFallback(conn);
      conn.wsFailCount++;
      conn.reconnectTimer = this.setTimeout(() => {
        conn.reconnectTimer = undefined;
        this.connectWebSocket(conn);
      }, Math.min(300_000, 5_000 * 2 ** conn.wsFailCount));
    });
    conn.wsClient = wsClient;
    wsClient.connect();
  }

  private startRestFallback(conn: DeviceConnection): void {
    if (conn.pollTimer) return;
    conn.pollTimer = this.setInterval(() => {
      this.log.debug(`${conn.config.productName}: polling measurement over REST`);
    }, 10_000);
  }

  removeDevice(key: string): void {
    const conn = this.connections.get(key);
    if (!conn) return;
    conn.wsClient?.close();
    if (conn.pollTimer) this.clearInterval(conn.pollTimer);
    if (conn.reconnectTimer) this.clearTimeout(conn.reconnectTimer);
    this.connections.delete(key);
    this.log.info(`Removed device ${conn.config.productName}`);
  }

  onUnload(callback: () => void): void {
    for (const conn of this.connections.values()) {
      conn.wsClient?.close();
      if (conn.pollTimer) this.clearInterval(conn.pollTimer);
      if (conn.reconnectTimer) this.clearTimeout(conn.reconnectTimer);
    }
    this.connections.clear();
    callback();
  }
}
