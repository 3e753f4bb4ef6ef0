// Shapes: fresh keys from a counter cannot overwrite (must not report the `set`); the error path
// deletes the waiter without clearing its timer (must report); the timer's own callback may delete.
type Pending = { resolve(v: Buffer): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> };

export class RequestTracker {
  private seq = 0;
  private readonly inflight = new Map<number, Pending>();

  request(write: (id: number) => void): Promise<Buffer> {
    const id = ++this.seq;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.inflight.delete(id); // ok: stop-on-evict
        reject(new Error('timeout'));
      }, 10_000);
      this.inflight.set(id, { resolve, reject, timer }); // ok: stop-on-evict
      write(id);
    });
  }

  settle(id: number, payload: Buffer): void {
    const entry = this.inflight.get(id);
    if (entry === undefined) return;
    this.inflight.delete(id); // ok: stop-on-evict
    clearTimeout(entry.timer);
    entry.resolve(payload);
  }

  fail(id: number, error: Error): void {
    const entry = this.inflight.get(id);
    this.inflight.delete(id); // expect: stop-on-evict
    entry?.reject(error);
  }
}
