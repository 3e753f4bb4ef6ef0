// Shapes: a debounce with a maximum wait (as in hocuspocus' webhook extension). The callback is
// scheduled by setTimeout and also run directly once the wait is exceeded; each direct run must
// come after the previous timer is cleared. The first class does that (must not report); the second
// runs the callback before clearing (must report the delete inside the callback); the third handles
// its timeouts in a private method that only the timer calls (must not report).
export class MaxWaitDebouncer {
  private readonly entries = new Map<string, { timeout: NodeJS.Timeout; start: number }>();

  debounce(id: string, fn: () => void, waitMs: number, maxWaitMs: number): void {
    const old = this.entries.get(id);
    const start = old?.start ?? Date.now();
    const run = () => {
      this.entries.delete(id); // ok: stop-on-evict
      fn();
    };
    if (old) clearTimeout(old.timeout);
    if (Date.now() - start >= maxWaitMs) {
      run();
      return;
    }
    this.entries.set(id, { start, timeout: setTimeout(run, waitMs) }); // ok: stop-on-evict
  }
}

export class EagerDebouncer {
  private readonly entries = new Map<string, NodeJS.Timeout>();

  debounce(id: string, fn: () => void, waitMs: number, immediate: boolean): void {
    const run = () => {
      this.entries.delete(id); // expect: stop-on-evict
      fn();
    };
    if (immediate) return run();
    clearTimeout(this.entries.get(id));
    this.entries.set(id, setTimeout(run, waitMs)); // ok: stop-on-evict
  }
}

export class JobTimeouts {
  private readonly pending = new Map<string, { jobId: string; timer: NodeJS.Timeout }>();

  start(jobId: string, timeoutMs: number): void {
    if (this.pending.has(jobId)) return;
    this.pending.set(jobId, { jobId, timer: setTimeout(() => this.expire(jobId), timeoutMs) }); // ok: stop-on-evict
  }

  finish(jobId: string): void {
    const entry = this.pending.get(jobId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(jobId); // ok: stop-on-evict
  }

  private expire(jobId: string): void {
    this.pending.delete(jobId); // ok: stop-on-evict
  }
}
