// Shape (must not report): `clear()` after a loop that releases every value — `for…of values()`,
// `forEach` with a clearing arrow, `for…of` over entries, `Array.from(...).forEach(...)`.
export class Timers {
  private readonly a = new Map<string, NodeJS.Timeout>();
  private readonly b = new Map<string, NodeJS.Timeout>();
  private readonly c = new Map<string, NodeJS.Timeout>();
  private readonly d = new Map<string, NodeJS.Timeout>();

  arm(key: string, fn: () => void): void {
    if (this.a.has(key) || this.b.has(key) || this.c.has(key) || this.d.has(key)) return;
    this.a.set(key, setInterval(fn, 1_000)); // ok: stop-on-evict
    this.b.set(key, setInterval(fn, 2_000)); // ok: stop-on-evict
    this.c.set(key, setTimeout(fn, 3_000)); // ok: stop-on-evict
    this.d.set(key, setInterval(fn, 4_000)); // ok: stop-on-evict
  }

  disarmAll(): void {
    for (const t of this.a.values()) clearInterval(t);
    this.a.clear(); // ok: stop-on-evict

    this.b.forEach((t) => clearInterval(t));
    this.b.clear(); // ok: stop-on-evict

    for (const [, t] of this.c) {
      clearTimeout(t);
    }
    this.c.clear(); // ok: stop-on-evict

    Array.from(this.d.values()).forEach((t) => clearInterval(t));
    this.d.clear(); // ok: stop-on-evict
  }
}
