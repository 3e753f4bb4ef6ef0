// Shape (must report): guards that do not cover every path — a `has()` check only when `unique` is set,
// a `has()` on a different key, and a guard whose branch falls through instead of returning.
class Lease {
  private readonly renew = setInterval(() => {}, 10_000);

  release(): void {
    clearInterval(this.renew);
  }
}

export class LeaseManager {
  private readonly leases = new Map<string, Lease>();

  acquire(key: string, unique: boolean): void {
    if (unique && this.leases.has(key)) throw new Error(`lease ${key} held`);
    this.leases.set(key, new Lease()); // expect: stop-on-evict
  }

  acquireFor(owner: string, key: string): void {
    if (this.leases.has(owner)) return;
    this.leases.set(key, new Lease()); // expect: stop-on-evict
  }

  acquireLogged(key: string): void {
    if (this.leases.has(key)) {
      console.warn(`lease ${key} already held; replacing`);
    }
    this.leases.set(key, new Lease()); // expect: stop-on-evict
  }

  releaseKey(key: string): void {
    this.leases.get(key)?.release();
    this.leases.delete(key); // ok: stop-on-evict
  }
}
