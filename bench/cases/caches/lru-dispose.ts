// Shape (must not report): lru-cache ≥ 7 with a `dispose` that stops the value and default options —
// every path runs it, overwrite included: unguarded `set()`, `delete()`, `clear()`.
import { LRUCache } from 'lru-cache';
import LRUCache7 from 'lru-cache-7';
import { Worker } from 'node:worker_threads';
import { Ticker } from './lib/ticker.js';

const tickers = new LRUCache<string, Ticker>({ // ok: stop-on-evict
  max: 1_000,
  ttl: 5 * 60_000,
  ttlAutopurge: true,
  dispose: (ticker) => ticker.stop(),
});

export function restart(key: string): Ticker {
  const ticker = new Ticker(key);
  tickers.set(key, ticker); // ok: no-silent-overwrite
  return ticker;
}

export function forget(key: string): void {
  tickers.delete(key); // ok: stop-on-evict
}

export function forgetAll(): void {
  tickers.clear(); // ok: stop-on-evict
}

export class WorkerCache {
  private readonly workers = new LRUCache7<string, Worker>({ // ok: stop-on-evict
    max: 4,
    disposeAfter: (worker) => void worker.terminate(),
  });

  spawn(script: string): Worker {
    const worker = new Worker(script);
    this.workers.set(script, worker); // ok: no-silent-overwrite
    return worker;
  }

  kill(script: string): void {
    this.workers.delete(script); // ok: stop-on-evict
  }
}
