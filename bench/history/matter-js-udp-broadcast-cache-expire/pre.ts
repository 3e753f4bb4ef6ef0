// history: project-chip/matter.js 0f25846eec71 — https://github.com/project-chip/matter.js/commit/0f25846eec71594563f21b08cd75cfd1c584abc6 (diff read)
// leaked: UdpMulticastServer cached one broadcast UDP channel per interface and IP family in a Cache whose periodic expire() and clear()/close() removed entries from its values map without closing them, so every expiry (each 5 minutes of idleness) and every shutdown left the channels' sockets open.
// covers: container=map drop=delete,clear resource=socket born=factory
interface Timer {
  start(): Timer;
  stop(): Timer;
}

declare class Time {
  static readonly nowMs: () => number;
  static readonly getPeriodicTimer: (intervalMs: number, callback: () => unknown) => Timer;
}

interface UdpChannelOptions {
  listeningPort?: number;
  type: 'udp4' | 'udp6';
  netInterface?: string;
}

interface UdpChannel {
  send(host: string, port: number, data: Uint8Array): Promise<void>;
  close(): void;
}

declare abstract class Network {
  static get: () => Network;
  abstract getNetInterfaces(): string[];
  abstract getIpMac(netInterface: string): { mac: string; ips: string[] } | undefined;
  abstract createUdpChannel(options: UdpChannelOptions): Promise<UdpChannel>;
}

const isIPv4 = (ip: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(ip);

/** Keeps computed values or resources for a while, forgetting those not asked for within expirationMs. */
export class Cache<T> {
  private readonly values = new Map<string, T>();
  private readonly timestamps = new Map<string, number>();
  private readonly periodicTimer: Timer;

  constructor(
    private readonly generator: (...params: any[]) => T,
    private readonly expirationMs: number,
  ) {
    this.periodicTimer = Time.getPeriodicTimer(expirationMs, () => this.expire()).start();
  }

  get(...params: any[]): T {
    const key = params.join(',');
    let value = this.values.get(key);
    if (value === undefined) {
      value = this.generator(...params);
      this.values.set(key, value);
    }
    this.timestamps.set(key, Time.nowMs());
    return value;
  }

  clear(): void {
    this.values.clear(); // expect: stop-on-evict
    this.timestamps.clear();
  }

  close(): void {
    this.clear();
    this.periodicTimer.stop();
  }

  private expire(): void {
    const now = Time.nowMs();
    [...this.timestamps.entries()].forEach(([key, timestamp]) => {
      if (now - timestamp < this.expirationMs) return;
      this.values.delete(key); // expect: stop-on-evict
      this.timestamps.delete(key);
    });
  }
}

export class UdpMulticastServer {
  static async create(options: {
    listeningPort: number;
    broadcastAddressIpv4: string;
    broadcastAddressIpv6: string;
    netInterface?: string;
  }): Promise<UdpMulticastServer> {
    const { listeningPort, netInterface } = options;
    const network = Network.get();
    return new UdpMulticastServer(
      network,
      options.broadcastAddressIpv4,
      options.broadcastAddressIpv6,
      listeningPort,
      await network.createUdpChannel({ type: 'udp4', netInterface, listeningPort }),
      await network.createUdpChannel({ type: 'udp6', netInterface, listeningPort }),
      netInterface,
    );
  }

  private readonly broadcastChannels = new Cache<Promise<UdpChannel>>(
    (netInterface: string, iPv4: boolean) => this.createBroadcastChannel(netInterface, iPv4),
    5 * 60 * 1000,
  );

  private constructor(
    private readonly network: Network,
    private readonly broadcastAddressIpv4: string,
    private readonly broadcastAddressIpv6: string,
    private readonly broadcastPort: number,
    private readonly serverIpv4: UdpChannel,
    private readonly serverIpv6: UdpChannel,
    private readonly netInterface: string | undefined,
  ) {}

  async send(message: Uint8Array, netInterface?: string): Promise<void> {
    netInterface = netInterface ?? this.netInterface;
    const netInterfaces = netInterface !== undefined ? [netInterface] : this.network.getNetInterfaces();
    for (const iface of netInterfaces) {
      const { ips } = this.network.getIpMac(iface) ?? { ips: [] };
      for (const ip of ips) {
        const iPv4 = isIPv4(ip);
        try {
          const channel = await this.broadcastChannels.get(iface, iPv4);
          await channel.send(iPv4 ? this.broadcastAddressIpv4 : this.broadcastAddressIpv6, this.broadcastPort, message);
        } catch (error) {
          console.info(`${iface}: ${(error as Error).message}`);
        }
      }
    }
  }

  private async createBroadcastChannel(netInterface: string, iPv4: boolean): Promise<UdpChannel> {
    return await this.network.createUdpChannel({
      type: iPv4 ? 'udp4' : 'udp6',
      listeningPort: this.broadcastPort,
      netInterface,
    });
  }

  close(): void {
    this.serverIpv4.close();
    this.serverIpv6.close();
    this.broadcastChannels.close();
  }
}
