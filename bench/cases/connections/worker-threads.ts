// Shapes: named worker threads. Overwrite by an unguarded `set()` (must report); terminate then delete
// (must not report); delete inside the worker's own 'exit' handler (must not report).
import { Worker } from 'node:worker_threads';

export class WorkerDirectory {
  private readonly workers = new Map<string, Worker>();

  start(name: string, file: string): Worker {
    const worker = new Worker(file, { workerData: { name } });
    worker.once('exit', () => this.workers.delete(name)); // ok: stop-on-evict
    this.workers.set(name, worker); // expect: stop-on-evict
    return worker;
  }

  async stop(name: string): Promise<void> {
    const worker = this.workers.get(name);
    if (!worker) return;
    await worker.terminate();
    this.workers.delete(name); // ok: stop-on-evict
  }
}
