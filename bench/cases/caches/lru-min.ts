// Shape (must not report): lru.min's `onEviction` runs on overwrite, delete, clear and size eviction —
// a hook that terminates the worker covers every path.
import { createLRU } from 'lru.min';
import { Worker } from 'node:worker_threads';

const pool = createLRU<string, Worker>({ // ok: stop-on-evict
  max: 8,
  onEviction: (_key, worker) => void worker.terminate(),
});

export function workerFor(script: string): Worker {
  const w = new Worker(script);
  pool.set(script, w); // ok: no-silent-overwrite
  return w;
}

export function retire(script: string): void {
  pool.delete(script); // ok: stop-on-evict
}

export function retireAll(): void {
  pool.clear(); // ok: stop-on-evict
}
