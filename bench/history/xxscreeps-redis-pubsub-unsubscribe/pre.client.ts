// history: laverdet/xxscreeps 5b7bc5abefab — https://github.com/laverdet/xxscreeps/commit/5b7bc5abefab15fef80ea616dff756da6ffa40a3 (diff read)
// leaked: dropping the last local subscriber of a pub/sub key deleted its entry from subscribersByKey but never sent UNSUBSCRIBE on the listener connection, so Redis kept the channel subscribed and delivering messages nobody handled.
// covers: container=map drop=delete resource=subscription born=after-insert
import type { EventEmitter } from 'node:events';

// shaped like the redis v3 client typings, only the members used here
type Callback<T> = (err: Error | null, reply: T) => void;
export interface Multi {
  subscribe(channel: string, cb?: Callback<string>): Multi;
  unsubscribe(channel: string, cb?: Callback<string>): Multi;
  publish(channel: string, message: string, cb?: Callback<number>): Multi;
  exec(cb?: Callback<unknown[]>): boolean;
}
export interface RedisClient extends EventEmitter {
  batch(): Multi;
  quit(): boolean;
}
declare function createClient(url: string, options: { retry_strategy: () => false }): RedisClient;

export class RedisHolder {
  private tickBatch: Multi | undefined;

  private constructor(readonly client: RedisClient) {}

  static async connect(url: URL) {
    const client = createClient(`${url}`, { retry_strategy: () => false });
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('error', reject);
    });
    return [ () => client.quit(), new RedisHolder(client) ] as const;
  }

  // commands queued this tick are sent together on the next tick
  batch(): Multi {
    if (!this.tickBatch) {
      const batch = this.tickBatch = this.client.batch();
      process.nextTick(() => {
        this.tickBatch = undefined;
        batch.exec();
      });
    }
    return this.tickBatch;
  }

  invoke<T>(fn: (cb: Callback<T>) => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      fn((err, reply) => err ? reject(err) : resolve(reply));
    });
  }
}
