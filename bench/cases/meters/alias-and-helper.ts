// Shape (must not report): stop through a local alias, through `?.`, through a helper in the same
// module that stops its parameter (`stopMeter(m)`), and through a method that clears then deletes.
interface Meter {
  readonly name: string;
  stop(): void;
}

function createMeter(name: string): Meter {
  const timer = setInterval(() => {}, 1_000);
  return { name, stop: () => clearInterval(timer) };
}

function stopMeter(meter: Meter | undefined): void {
  meter?.stop();
}

export class MeterBook {
  private readonly byTenant = new Map<string, Meter>();

  open(tenant: string): Meter {
    const existing = this.byTenant.get(tenant);
    if (existing) return existing;
    const meter = createMeter(tenant);
    this.byTenant.set(tenant, meter); // ok: stop-on-evict
    return meter;
  }

  closeViaAlias(tenant: string): void {
    const found = this.byTenant.get(tenant);
    const meter = found;
    this.byTenant.delete(tenant); // ok: stop-on-evict
    if (meter) meter.stop();
  }

  closeViaHelper(tenant: string): void {
    stopMeter(this.byTenant.get(tenant));
    this.byTenant.delete(tenant); // ok: stop-on-evict
  }

  private clear(tenant: string): void {
    this.byTenant.get(tenant)?.stop();
    this.byTenant.delete(tenant); // ok: stop-on-evict
  }

  closeViaMethod(tenant: string): void {
    this.clear(tenant);
  }

  rotate(tenant: string): void {
    this.clear(tenant);
    this.byTenant.set(tenant, createMeter(tenant)); // ok: stop-on-evict
  }
}
