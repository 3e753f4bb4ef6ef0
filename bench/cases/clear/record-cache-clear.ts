// Shape (must report): a hand-written cache of records `{ data, timer }` whose `clear()` and `delete(key)`
// forget the record's expiry timer. Must not report: `set()` clears the old record's timer first.
interface Entry<V> {
  data: V;
  timer: NodeJS.Timeout;
}

export class ExpiringMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  set(key: string, data: V, ttlMs: number): void {
    const old = this.entries.get(key);
    if (old) clearTimeout(old.timer);
    const timer = setTimeout(() => this.entries.delete(key), ttlMs); // ok: stop-on-evict
    this.entries.set(key, { data, timer }); // ok: stop-on-evict
  }

  get(key: string): V | undefined {
    return this.entries.get(key)?.data;
  }

  delete(key: string): boolean {
    return this.entries.delete(key); // expect: stop-on-evict
  }

  clear(): void {
    this.entries.clear(); // expect: stop-on-evict
  }
}
