// Shape (must report): a pool whose slots `{ worker, idleTimer }` leave the `Set` on two paths and only
// one terminates the worker — a boolean flag decides. Must not report: shutdown terminates every slot
// and clears every idle timer before `clear()`.
import { Worker } from 'node:worker_threads';

interface Slot {
  worker: Worker;
  idleTimer: NodeJS.Timeout;
  busy: boolean;
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();

  constructor(private readonly script: URL) {}

  grow(): void {
    const slot: Slot = {
      worker: new Worker(this.script),
      idleTimer: setTimeout(() => this.reap(false), 30_000),
      busy: false,
    };
    this.slots.add(slot);
  }

  reap(force: boolean): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      this.slots.delete(slot); // expect: stop-on-evict
      if (force) {
        clearTimeout(slot.idleTimer);
        void slot.worker.terminate();
      }
    }
  }

  async shutdown(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear(); // ok: stop-on-evict
    await Promise.all(
      all.map((slot) => {
        clearTimeout(slot.idleTimer);
        return slot.worker.terminate();
      }),
    );
  }
}
