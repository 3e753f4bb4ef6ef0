// Shape (must not report): node-cache done right — `useClones: false`, stopping in both `'del'` and
// `'expired'`, `del(k)` before `set()`, `take()` then stop, and `del(keys())` before `flushAll()`.
import NodeCache from 'node-cache';
import { Ticker } from './lib/ticker.js';

const cache = new NodeCache({ stdTTL: 120, useClones: false }); // ok: stop-on-evict
cache.on('del', (_key: string, value: Ticker) => value.stop());
cache.on('expired', (_key: string, value: Ticker) => value.stop());

export function restart(key: string): void {
  cache.del(key); // ok: stop-on-evict
  cache.set<Ticker>(key, new Ticker(key)); // ok: no-silent-overwrite
}

export function remove(key: string): void {
  cache.del(key); // ok: stop-on-evict
}

export function detach(key: string): void {
  const ticker = cache.take<Ticker>(key); // ok: stop-on-evict
  ticker?.stop();
}

export function reset(): void {
  cache.del(cache.keys()); // ok: stop-on-evict
  cache.flushAll(); // ok: stop-on-evict
}
