// Shapes: a delete inside the timer's own callback. For `setTimeout` the timer has fired (must not
// report); for `setInterval` deleting the entry without `clearInterval` leaves it running (must report).
export class RetryLoop {
  private readonly loops = new Map<string, NodeJS.Timeout>();
  private readonly once = new Map<string, NodeJS.Timeout>();

  retryUntil(id: string, attempt: () => boolean): void {
    if (this.loops.has(id)) return;
    const handle = setInterval(() => {
      if (attempt()) {
        this.loops.delete(id); // expect: stop-on-evict
      }
    }, 1_000);
    this.loops.set(id, handle); // ok: stop-on-evict
  }

  retryUntilCleared(id: string, attempt: () => boolean): void {
    if (this.loops.has(id)) return;
    const handle = setInterval(() => {
      if (attempt()) {
        clearInterval(handle);
        this.loops.delete(id); // ok: stop-on-evict
      }
    }, 1_000);
    this.loops.set(id, handle); // ok: stop-on-evict
  }

  later(id: string, run: () => void): void {
    if (this.once.has(id)) return;
    this.once.set( // ok: stop-on-evict
      id,
      setTimeout(() => {
        this.once.delete(id); // ok: stop-on-evict
        run();
      }, 500),
    );
  }
}
