// Shape (must report): lru-cache created to hold resources with no `dispose`/`disposeAfter` — size
// eviction, TTL expiry and overwrite all drop a running ticker silently. Reported on the construction.
// Must not report: an explicit stop before `delete()`, a `get()`-miss-guarded `set()`.
import { LRUCache } from 'lru-cache';
import { Ticker } from './lib/ticker.js';

export class TickerCache {
  private readonly cache = new LRUCache<string, Ticker>({ max: 500, ttl: 60_000 }); // expect: stop-on-evict

  get(key: string): Ticker {
    let ticker = this.cache.get(key);
    if (!ticker) {
      ticker = new Ticker(key);
      this.cache.set(key, ticker); // ok: no-silent-overwrite
    }
    return ticker;
  }

  remove(key: string): void {
    this.cache.get(key)?.stop();
    this.cache.delete(key); // ok: stop-on-evict
  }
}
