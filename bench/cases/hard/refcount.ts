// @eval unscored — PATTERNS.md "hard cases": reference-counted resources shared by several entries;
// terminate only when the count reaches zero. Proposed decision: the release is conditional on the
// count, which the rule cannot prove; a report on `release()`'s delete would be a false alarm.
import { Worker } from 'node:worker_threads';

interface Shared {
  worker: Worker;
  refs: number;
}

export class SharedWorkers {
  private readonly byScript = new Map<string, Shared>();

  acquire(script: string): Worker {
    let entry = this.byScript.get(script);
    if (!entry) {
      entry = { worker: new Worker(script), refs: 0 };
      this.byScript.set(script, entry);
    }
    entry.refs++;
    return entry.worker;
  }

  release(script: string): void {
    const entry = this.byScript.get(script);
    if (!entry) return;
    if (--entry.refs === 0) {
      void entry.worker.terminate();
      this.byScript.delete(script);
    }
  }
}
