// history: EvolutionAPI/evolution-api 1017010e155a — https://github.com/EvolutionAPI/evolution-api/commit/1017010e155a3428d070e2869658474ab297d1a7 (diff read)
// leaked: an instance still in the 'connecting' state (QR code pending) was deleted from waInstances, both by the DEL_INSTANCE timer and by the deleteInstance endpoint, without logging out or closing its Baileys WhatsApp socket, which stayed open with nothing referencing it.
// covers: container=object-map drop=delete resource=custom born=after-insert
import { EventEmitter } from 'node:events';

// shaped like @whiskeysockets/baileys (only the members used here)
interface WebSocketClient {
  close(): void;
}
interface ConnectionState {
  connection: 'open' | 'connecting' | 'close';
  lastDisconnect?: { error: (Error & { output?: { statusCode: number } }) | undefined };
  qr?: string;
}
interface BaileysEventEmitter {
  on(event: 'connection.update', listener: (update: Partial<ConnectionState>) => void): void;
}
declare const DisconnectReason: { loggedOut: number };
interface WASocket {
  ws: WebSocketClient;
  ev: BaileysEventEmitter;
  user?: { id: string };
  logout(msg?: string): Promise<void>;
  end(error: Error | undefined): void;
}
interface UserFacingSocketConfig {
  printQRInTerminal: boolean;
  connectTimeoutMs: number;
  qrTimeout: number;
}
declare function makeWASocket(config: UserFacingSocketConfig): WASocket;

type StateConnection = { state: 'open' | 'connecting' | 'close'; statusReason?: number };

// one WhatsApp connection; the socket is opened by connectToWhatsapp()
export class WAStartupService {
  public client!: WASocket;
  public instanceName = '';
  private stateConnection: StateConnection = { state: 'close' };

  constructor(private readonly eventEmitter: EventEmitter) {}

  private async connectionUpdate({ connection, lastDisconnect }: Partial<ConnectionState>) {
    if (connection) {
      this.stateConnection = {
        state: connection,
        statusReason: lastDisconnect?.error?.output?.statusCode ?? 200,
      };
    }

    if (connection === 'close') {
      const shouldReconnect = lastDisconnect?.error?.output?.statusCode !== DisconnectReason.loggedOut;
      if (shouldReconnect) {
        await this.connectToWhatsapp();
      } else {
        this.eventEmitter.emit('remove.instance', this.instanceName, 'inner');
        this.client?.ws?.close();
        this.client.end(new Error('Close connection'));
      }
    }
  }

  private eventHandler() {
    this.client.ev.on('connection.update', (update) => this.connectionUpdate(update));
  }

  public async connectToWhatsapp(): Promise<WASocket> {
    this.client = makeWASocket({ printQRInTerminal: false, connectTimeoutMs: 60_000, qrTimeout: 40_000 });
    this.eventHandler();
    return this.client;
  }

  public get connectionStatus() {
    return this.stateConnection;
  }
}

export class WAMonitoringService {
  public readonly waInstances: Record<string, WAStartupService> = {};

  constructor(
    private readonly eventEmitter: EventEmitter,
    private readonly delInstanceMinutes: number,
  ) {}

  public delInstanceTime(instance: string) {
    const time = this.delInstanceMinutes;
    if (typeof time === 'number' && time > 0) {
      setTimeout(async () => {
        if (this.waInstances[instance]?.connectionStatus?.state !== 'open') {
          if (this.waInstances[instance]?.connectionStatus?.state === 'connecting') {
            await this.waInstances[instance]?.client?.logout('Log out instance: ' + instance);
            this.waInstances[instance]?.client?.ws?.close();
            this.waInstances[instance]?.client?.end(undefined);
            delete this.waInstances[instance];
          } else {
            delete this.waInstances[instance];
            this.eventEmitter.emit('remove.instance', instance, 'inner');
          }
        }
      }, 1000 * 60 * time);
    }
  }
}

export class InstanceController {
  constructor(
    private readonly waMonitor: WAMonitoringService,
    private readonly eventEmitter: EventEmitter,
  ) {}

  public async createInstance({ instanceName, qrcode }: { instanceName: string; qrcode?: boolean }) {
    const instance = new WAStartupService(this.eventEmitter);
    instance.instanceName = instanceName;
    this.waMonitor.waInstances[instance.instanceName] = instance;
    this.waMonitor.delInstanceTime(instance.instanceName);

    if (qrcode) {
      await instance.connectToWhatsapp();
    }
    return { instance: { instanceName: instance.instanceName, status: 'created' } };
  }

  public async connectionState({ instanceName }: { instanceName: string }) {
    return this.waMonitor.waInstances[instanceName]?.connectionStatus;
  }

  public async logout({ instanceName }: { instanceName: string }) {
    await this.waMonitor.waInstances[instanceName]?.client?.logout('Log out instance: ' + instanceName);

    this.waMonitor.waInstances[instanceName]?.client?.ws?.close();
    this.waMonitor.waInstances[instanceName]?.client?.end(undefined);

    return { error: false, message: 'Instance logged out' };
  }

  public async deleteInstance({ instanceName }: { instanceName: string }) {
    const stateConn = await this.connectionState({ instanceName });
    if (stateConn?.state === 'open') {
      throw new Error('Deletion failed: the instance needs to be disconnected');
    }
    try {
      if (stateConn?.state === 'connecting') {
        await this.logout({ instanceName });
        delete this.waMonitor.waInstances[instanceName];
        return { error: false, message: 'Instance deleted' };
      } else {
        delete this.waMonitor.waInstances[instanceName];
        this.eventEmitter.emit('remove.instance', instanceName, 'inner');
        return { error: false, message: 'Instance deleted' };
      }
    } catch (error) {
      throw new Error(String(error));
    }
  }
}
