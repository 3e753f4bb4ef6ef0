// history: bitfinexcom/bfx-hf-algo 8722a4a28ac4 (PR #62) — https://github.com/bitfinexcom/bfx-hf-algo/commit/8722a4a28ac40c61c9d779c793b58c4975f2bdfc (diff read)
// leaked: on a websocket meta reload AOHost dropped every running algo order by resetting its instances map to {} after removing only the listeners of each order's event bus, so the slice interval a TWAP order had started in its life:start handler kept ticking for an order that no longer existed.
// covers: container=object-map drop=reassign resource=interval born=after-insert
import { EventEmitter } from 'node:events';

// Shaped like bfx-api-node-core's adapter (only what the reduction uses).
interface Connection {
  id: number;
}
declare class WsAdapter extends EventEmitter {
  constructor(settings?: object);
  getConnection(): Connection;
  subscribe(connection: Connection, channel: string, filter: object): void;
  unsubscribe(connection: Connection, channel: string, filter: object): void;
}

interface AOState {
  id: string;
  gid: string;
  args: { sliceInterval: number; orderType: string };
  ev: EventEmitter;
  interval: NodeJS.Timeout | null;
  channels: { channel: string; filter: object }[];
  connection?: Connection;
  active: boolean;
}

interface Helpers {
  debug(fmt: string, ...args: unknown[]): void;
  emitSelf(eventName: string): Promise<void>;
  updateState(instance: AOInstance, update: Partial<AOState>): Promise<void>;
}

interface AOInstance {
  state: AOState;
  h: Helpers;
}

type LifeHandler = (instance: AOInstance) => Promise<void>;

interface AODefinition {
  id: string;
  events: { life: { start?: LifeHandler; stop?: LifeHandler } };
}

function initAO(aoDef: AODefinition, gid: string, args: AOState['args']): AOInstance {
  const state: AOState = { id: aoDef.id, gid, args, ev: new EventEmitter(), interval: null, channels: [], active: false };
  const h: Helpers = {
    debug: (fmt, ...rest) => console.debug(`[${aoDef.id}:${gid}] ${fmt}`, ...rest),
    emitSelf: async (eventName) => {
      state.ev.emit(`self:${eventName}`);
    },
    updateState: async (instance, update) => {
      instance.state.ev.emit('state:update', instance.state.gid, update);
    },
  };
  return { state, h };
}

// TWAP: schedule one slice per interval once the order goes live
export const twap: AODefinition = {
  id: 'bfx-twap',
  events: {
    life: {
      start: async (instance) => {
        const { state, h } = instance;
        const interval = setInterval(() => {
          void h.emitSelf('interval_tick');
        }, state.args.sliceInterval);
        h.debug('scheduled interval (%f s)', state.args.sliceInterval / 1000);
        await h.updateState(instance, { interval });
      },
      stop: async (instance) => {
        const { state, h } = instance;
        if (state.interval !== null) {
          clearInterval(state.interval);
          await h.updateState(instance, { interval: null });
        }
      },
    },
  },
};

export class AOHost extends EventEmitter {
  private readonly adapter: WsAdapter;
  private instances: { [gid: string]: AOInstance } = {};

  constructor(private readonly aos: AODefinition[], wsSettings?: object) {
    super();
    this.adapter = new WsAdapter(wsSettings);
    this.adapter.on('meta:reload', () => this.onMetaReload());
  }

  private onMetaReload(): void {
    Object.values(this.instances).forEach((instance) => {
      const { state } = instance;
      const { id, gid, interval } = state;
      state.ev.removeAllListeners();
      if (interval) {
        clearInterval(interval);
        instance.h.debug('cleared interval for %s [gid %s]', id, gid);
      }
    });
    this.instances = {};
    this.emit('meta:reload');
  }

  async startAO(id: string, gid: string, args: AOState['args']): Promise<string> {
    const ao = this.aos.find((def) => def.id === id);
    if (!ao) {
      throw new Error(`unknown algo order: ${id}`);
    }
    const instance = initAO(ao, gid, args);
    instance.state.connection = this.adapter.getConnection();
    this.instances[gid] = instance;
    instance.state.ev.on('state:update', (updatedGid: string, update: Partial<AOState>) => {
      this.withAOUpdate(updatedGid, update);
    });
    this.withAOUpdate(gid, { active: true });
    await ao.events.life.start?.(instance);
    return gid;
  }

  async stopAO(gid: string): Promise<void> {
    const instance = this.instances[gid];
    if (!instance) {
      throw new Error(`unknown AO: ${gid}`);
    }
    const { state } = instance;
    this.withAOUpdate(gid, { active: false });
    if (state.connection) {
      for (const ch of state.channels) {
        this.adapter.unsubscribe(state.connection, ch.channel, ch.filter);
      }
    }
    await this.aos.find((def) => def.id === state.id)?.events.life.stop?.(instance);
  }

  private withAOUpdate(gid: string, update: Partial<AOState>): void {
    const instance = this.instances[gid];
    if (instance) {
      instance.state = { ...instance.state, ...update };
    }
  }
}
