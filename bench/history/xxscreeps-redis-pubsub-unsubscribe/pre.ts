// history: laverdet/xxscreeps 5b7bc5abefab — https://github.com/laverdet/xxscreeps/commit/5b7bc5abefab15fef80ea616dff756da6ffa40a3 (diff read)
// leaked: dropping the last local subscriber of a pub/sub key deleted its entry from subscribersByKey but never sent UNSUBSCRIBE on the listener connection, so Redis kept the channel subscribed and delivering messages nobody handled.
// covers: container=map drop=delete resource=subscription born=after-insert
import { RedisHolder } from './pre.client.js';

type PubSubListener = (message: string) => void;

export class RedisPubSubProvider {
  private readonly publishIgnore = new Map<string, { client: RedisSubscription; message: string }[]>();
  private readonly subscribersByKey = new Map<string, Set<RedisSubscription>>();

  constructor(private readonly listener: RedisHolder, private readonly publisher: RedisHolder) {
    listener.client.on('message', (key: string, message: string) => {
      const pending = this.publishIgnore.get(key);
      let skip: RedisSubscription | undefined;
      if (pending && pending[0].message === message) {
        skip = pending[0].client;
        if (pending.length === 1) {
          this.publishIgnore.delete(key);
        } else {
          pending.shift();
        }
      }
      for (const subscriber of this.subscribersByKey.get(key) ?? []) {
        if (subscriber !== skip) subscriber.listener(message);
      }
    });
  }

  async publishFromClient(key: string, message: string, client: RedisSubscription) {
    const ignore = this.publishIgnore.get(key);
    if (ignore) {
      ignore.push({ client, message });
    } else {
      this.publishIgnore.set(key, [ { client, message } ]);
    }
    await this.publisher.invoke(cb => this.publisher.batch().publish(key, message, cb));
  }

  async subscribe(key: string, listener: PubSubListener) {
    let subscribers = this.subscribersByKey.get(key);
    if (!subscribers) {
      subscribers = new Set();
      this.subscribersByKey.set(key, subscribers);
      await this.listener.invoke(cb => this.listener.batch().subscribe(key, cb));
    }
    const subscriber = new RedisSubscription(listener, key, this);
    subscribers.add(subscriber);
    return [ () => this.unsubscribe(key, subscriber), subscriber ] as const;
  }

  unsubscribe(key: string, subscriber: RedisSubscription) {
    const subscribers = this.subscribersByKey.get(key)!;
    if (subscribers.size === 1) {
      this.subscribersByKey.delete(key); // expect: stop-on-evict
    } else {
      subscribers.delete(subscriber);
    }
  }
}

class RedisSubscription {
  constructor(
    readonly listener: PubSubListener,
    private readonly key: string,
    private readonly parent: RedisPubSubProvider,
  ) {}

  publish(message: string) {
    return this.parent.publishFromClient(this.key, message, this);
  }
}
