// Shapes: a per-key debounce. The correct one clears the previous timeout before `set()` (must not
// report); the broken one forgets it, so the earlier callback still fires (must report the `set`).
type Timeout = ReturnType<typeof setTimeout>;

export class Debouncer<K> {
  private readonly timers = new Map<K, Timeout>();

  constructor(private readonly waitMs: number) {}

  call(key: K, fn: () => void): void {
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous);
    this.timers.set( // ok: stop-on-evict
      key,
      setTimeout(() => {
        this.timers.delete(key); // ok: stop-on-evict
        fn();
      }, this.waitMs),
    );
  }

  flush(key: K): void {
    const t = this.timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(key); // ok: stop-on-evict
    }
  }
}

export class SloppyDebouncer {
  private readonly timers = new Map<string, Timeout>();

  call(key: string, fn: () => void, waitMs: number): void {
    this.timers.set(key, setTimeout(fn, waitMs)); // expect: stop-on-evict
  }
}
