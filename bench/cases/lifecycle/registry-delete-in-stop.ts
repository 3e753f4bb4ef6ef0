// Shape (must not report): a registry that deletes `this` inside the resource's own `stop()` — that
// delete *is* the stop. Must report: an admin path that removes a meter from the registry directly.
const registry = new Set<Meter>();
const byName = new Map<string, Meter>();

export class Meter {
  private readonly timer: NodeJS.Timeout;

  constructor(readonly name: string) {
    this.timer = setInterval(() => this.flush(), 1_000);
    registry.add(this);
  }

  private flush(): void {}

  stop(): void {
    clearInterval(this.timer);
    registry.delete(this); // ok: stop-on-evict
    if (byName.get(this.name) === this) byName.delete(this.name); // ok: stop-on-evict
  }
}

export function meter(name: string): Meter {
  let m = byName.get(name);
  if (!m) {
    m = new Meter(name);
    byName.set(name, m); // ok: stop-on-evict
  }
  return m;
}

export function unregister(name: string): void {
  byName.delete(name); // expect: stop-on-evict
}
