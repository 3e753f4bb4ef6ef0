// Shape (must report): an eviction hook that stops only for some reasons
// (`if (reason === 'evict') v.stop()`) — expiry leaks, reported on the construction (deletes and
// unguarded overwrites would leak too, at their sites). Must not report: a hook that stops for
// every reason, and guarded insertions.
import { LRUCache } from 'lru-cache';
import { Ticker } from './lib/ticker.js';

const partial = new LRUCache<string, Ticker>({ // expect: stop-on-evict
  max: 50,
  ttl: 60_000,
  dispose: (ticker, _key, reason) => {
    if (reason === 'evict') ticker.stop();
  },
});

const complete = new LRUCache<string, Ticker>({ // ok: stop-on-evict
  max: 50,
  dispose: (ticker, key, reason) => {
    console.debug('disposing', key, reason);
    ticker.stop();
  },
});

export function ticker(key: string): Ticker {
  const cached = partial.get(key) ?? complete.get(key);
  if (cached) return cached;
  const created = new Ticker(key);
  if (key.startsWith('tmp:')) partial.set(key, created); // ok: no-silent-overwrite
  else complete.set(key, created); // ok: no-silent-overwrite
  return created;
}
