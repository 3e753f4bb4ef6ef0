// Shape (must report): a second `set(id, …)` for a key that may hold a pending waiter
// `{ resolve, reject, timer }` — the id comes from the caller, so the old timer stays armed.
// Must not report: the response handler clears the waiter's timer before deleting it.
interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class RpcClient {
  private readonly pending = new Map<string, Waiter<unknown>>();

  constructor(private readonly send: (id: string, method: string) => void) {}

  call(id: string, method: string, timeoutMs = 5_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id); // ok: stop-on-evict
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer }); // expect: stop-on-evict
      this.send(id, method);
    });
  }

  onResponse(id: string, result: unknown): void {
    const waiter = this.pending.get(id);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.pending.delete(id); // ok: stop-on-evict
    waiter.resolve(result);
  }
}
