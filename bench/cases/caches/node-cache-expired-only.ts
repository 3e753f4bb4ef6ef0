// Shape (must report): node-cache with cleanup only in `'expired'` — overwrite (`set`), `del`, `take`
// whose value is dropped, and `flushAll` all skip it. Construction with `useClones: false` is fine.
import NodeCache from 'node-cache';
import { Ticker } from './lib/ticker.js';

const cache = new NodeCache({ stdTTL: 120, checkperiod: 30, useClones: false }); // ok: stop-on-evict
cache.on('expired', (_key: string, value: Ticker) => value.stop());

export function start(key: string): void {
  cache.set<Ticker>(key, new Ticker(key)); // expect: no-silent-overwrite
}

export function remove(key: string): void {
  cache.del(key); // expect: stop-on-evict
}

export function discard(key: string): void {
  cache.take<Ticker>(key); // expect: stop-on-evict
}

export function flush(): void {
  cache.flushAll(); // expect: stop-on-evict
}
