// Shape (must report): quick-lru with cleanup only in `onEviction` — overwrite, `delete` and `clear`
// never reach it. Must not report: `peek()` + stop before `delete`/`set`, a stopping loop before `clear`.
import QuickLRU from 'quick-lru';
import { Ticker } from './lib/ticker.js';

export class TickerLru {
  private readonly lru = new QuickLRU<string, Ticker>({ // ok: stop-on-evict
    maxSize: 200,
    onEviction: (_key, ticker) => ticker.stop(),
  });

  start(key: string): void {
    this.lru.set(key, new Ticker(key)); // expect: no-silent-overwrite
  }

  remove(key: string): void {
    this.lru.delete(key); // expect: stop-on-evict
  }

  reset(): void {
    this.lru.clear(); // expect: stop-on-evict
  }

  restartCleanly(key: string): void {
    const next = new Ticker(key);
    const old = this.lru.peek(key);
    if (old !== undefined && old !== next) old.stop();
    this.lru.delete(key); // ok: stop-on-evict
    this.lru.set(key, next); // ok: no-silent-overwrite
  }

  removeCleanly(key: string): void {
    this.lru.peek(key)?.stop();
    this.lru.delete(key); // ok: stop-on-evict
  }

  resetCleanly(): void {
    for (const ticker of this.lru.values()) ticker.stop();
    this.lru.clear(); // ok: stop-on-evict
  }
}
