// Shapes: named worker threads. A worker made per name and stored by an unguarded `set()`, nothing showing
// the name comes back (not reported by default; `overwrites: 'possible'` reports it); terminate then delete
// (must not report); delete inside the worker's own 'exit' handler (must not report).
import { Worker } from 'node:worker_threads';

export class WorkerDirectory {
  private readonly workers = new Map<string, Worker>();

  start(name: string, file: string): Worker {
    const worker = new Worker(file, { workerData: { name } });
    worker.once('exit', () => this.workers.delete(name)); // ok: stop-on-evict
    this.workers.set(name, worker); // ok: stop-on-evict
    return worker;
  }

  async stop(name: string): Promise<void> {
    const worker = this.workers.get(name);
    if (!worker) return;
    await worker.terminate();
    this.workers.delete(name); // ok: stop-on-evict
  }
}
