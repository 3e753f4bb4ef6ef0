// history: LiskArchive/lisk-sdk 387025dfab85 — https://github.com/LiskArchive/lisk-sdk/commit/387025dfab85ded59362216ba49e0f456c227cc3 (diff read)
// leaked: registering a child-process module with an rpcSocketPath opened an axon "req" socket wrapped in an RPC client stored in channels[moduleAlias], and unregisterChannel deleted that entry without closing the socket, so every unregistered module left a live IPC connection behind.
// covers: container=object-map drop=delete resource=socket born=factory
import { EventEmitter } from 'node:events';

// shaped like pm2-axon / pm2-axon-rpc (untyped libraries), only the members used here
interface AxonSocket extends EventEmitter {
  connect(path: string): AxonSocket;
  bind(path: string): AxonSocket;
  close(): void;
}
declare const axon: { socket(type: 'req' | 'rep' | 'pub-emitter' | 'sub-emitter'): AxonSocket };
declare class RPCClient {
  constructor(sock: AxonSocket);
  call(method: string, ...args: unknown[]): void;
}

interface InMemoryChannel {
  invoke(action: string): Promise<unknown>;
}

interface ChannelOptions {
  type: 'inMemory' | 'ipcSocket';
  channel?: InMemoryChannel;
  rpcSocketPath?: string;
}

interface ChannelRecord {
  channel: InMemoryChannel | RPCClient | undefined;
  actions: string[];
  events: string[];
  type: string;
}

export class Bus extends EventEmitter {
  private actions: Record<string, true> = {};
  private events: Record<string, true> = {};
  private channels: Record<string, ChannelRecord> = {};

  async registerChannel(
    moduleAlias: string,
    events: string[],
    actions: string[],
    options: ChannelOptions = { type: 'inMemory' },
  ): Promise<void> {
    for (const name of events) {
      const full = `${moduleAlias}:${name}`;
      if (this.events[full]) throw new Error(`Event "${full}" already registered with bus.`);
      this.events[full] = true;
    }
    for (const name of actions) {
      const full = `${moduleAlias}:${name}`;
      if (this.actions[full]) throw new Error(`Action "${full}" already registered with bus.`);
      this.actions[full] = true;
    }

    let channel: InMemoryChannel | RPCClient | undefined = options.channel;

    if (options.rpcSocketPath) {
      const rpcSocket = axon.socket('req');
      rpcSocket.connect(options.rpcSocketPath);
      channel = new RPCClient(rpcSocket);
    }

    this.channels[moduleAlias] = { channel, actions, events, type: options.type };
  }

  async unregisterChannel(moduleAlias: string): Promise<void> {
    for (const eventName of Object.keys(this.events)) {
      const [owner] = eventName.split(':');
      if (owner === moduleAlias) delete this.events[eventName];
    }
    for (const actionName of Object.keys(this.actions)) {
      const [owner] = actionName.split(':');
      if (owner === moduleAlias) delete this.actions[actionName];
    }

    delete this.channels[moduleAlias]; // expect: stop-on-evict
  }

  invoke(module: string, action: string): Promise<unknown> {
    const record = this.channels[module];
    if (!record) throw new Error(`Module ${module} is not registered to bus.`);
    if (record.type === 'inMemory') {
      return (record.channel as InMemoryChannel).invoke(action);
    }
    return new Promise((resolve, reject) => {
      (record.channel as RPCClient).call('invoke', action, (err: Error | null, data: unknown) =>
        err ? reject(err) : resolve(data),
      );
    });
  }
}
