// Shape (must not report): maps and sets of numbers, strings and promises; records without resources.
interface PendingCall {
  resolve: (v: string) => void;
  reject: (e: Error) => void;
  startedAt: number;
}

export class Dedupe {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly counts = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly calls = new Map<number, PendingCall>();
  private retries: number[] = [];

  run(key: string, fn: () => Promise<string>): Promise<string> {
    const p = fn().finally(() => this.inflight.delete(key)); // ok: stop-on-evict
    this.inflight.set(key, p); // ok: stop-on-evict
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1); // ok: stop-on-evict
    this.seen.add(key);
    return p;
  }

  expect(id: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, startedAt: Date.now() }); // ok: stop-on-evict
    });
  }

  forget(key: string, id: number): void {
    this.counts.delete(key); // ok: stop-on-evict
    this.seen.delete(key); // ok: stop-on-evict
    this.calls.delete(id); // ok: stop-on-evict
    this.retries.splice(0, 1); // ok: stop-on-evict
  }

  reset(): void {
    this.inflight.clear(); // ok: stop-on-evict
    this.seen.clear(); // ok: stop-on-evict
    this.retries = []; // ok: stop-on-evict
  }
}
