// Shape (must not report): copying the container out, reassigning / clearing, then stopping each copy.
class Probe {
  private readonly t = setInterval(() => {}, 1_000);

  shutdown(): void {
    clearInterval(this.t);
  }
}

export class ProbeGroup {
  private probes = new Map<string, Probe>();

  add(name: string): void {
    if (!this.probes.has(name)) this.probes.set(name, new Probe()); // ok: stop-on-evict
  }

  swap(): void {
    const old = this.probes;
    this.probes = new Map(); // ok: stop-on-evict
    for (const probe of old.values()) probe.shutdown();
  }

  drain(): void {
    const all = [...this.probes.values()];
    this.probes.clear(); // ok: stop-on-evict
    all.forEach((p) => p.shutdown());
  }
}
