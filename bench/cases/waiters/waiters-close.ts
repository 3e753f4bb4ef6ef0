// Shapes: `clear()` of a map of waiters. Clearing each timer in a loop first (must not report);
// rejecting every waiter but forgetting the timers (must report the `clear`).
import { clearTimeout, setTimeout } from 'node:timers';

interface Deferred {
  resolve: () => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class LockQueue {
  private readonly waiters = new Map<symbol, Deferred>();

  acquire(timeoutMs: number): Promise<void> {
    const token = Symbol('waiter');
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(token); // ok: stop-on-evict
        reject(new Error('lock timeout'));
      }, timeoutMs);
      this.waiters.set(token, { resolve, reject, timer }); // ok: stop-on-evict
    });
  }

  close(err: Error): void {
    for (const waiter of this.waiters.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(err);
    }
    this.waiters.clear(); // ok: stop-on-evict
  }

  abortAll(err: Error): void {
    for (const waiter of this.waiters.values()) {
      waiter.reject(err);
    }
    this.waiters.clear(); // expect: stop-on-evict
  }
}
