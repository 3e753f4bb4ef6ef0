// Shape (must report): lru-cache with `noDisposeOnSet: true` (in the constructor, or per `set()` call)
// and an unguarded `set()` — the replaced ticker is never stopped. Must not report: a guarded `set()`.
import { LRUCache } from 'lru-cache';
import { Ticker } from './lib/ticker.js';

const quiet = new LRUCache<string, Ticker>({ // ok: stop-on-evict
  max: 100,
  noDisposeOnSet: true,
  dispose: (t) => t.stop(),
});

export function replace(key: string): void {
  quiet.set(key, new Ticker(key)); // expect: no-silent-overwrite
}

export function ensure(key: string): Ticker {
  const found = quiet.get(key);
  if (found) return found;
  const ticker = new Ticker(key);
  quiet.set(key, ticker); // ok: no-silent-overwrite
  return ticker;
}

const normal = new LRUCache<string, Ticker>({ max: 100, dispose: (t) => t.stop() }); // ok: stop-on-evict

export function replaceQuietly(key: string): void {
  normal.set(key, new Ticker(key), { noDisposeOnSet: true }); // expect: no-silent-overwrite
}

export function replaceNormally(key: string): void {
  normal.set(key, new Ticker(key)); // ok: no-silent-overwrite
}
