// Shape (must not report): the story's fixed version — `map.get(k)?.stop(); map.delete(k)`, and
// replacing a meter after stopping the old one (only when it differs from the new one).
class Meter {
  private readonly timer = setInterval(() => this.tick(), 1_000);
  private hits = 0;

  constructor(readonly name: string) {}

  private tick(): void {
    this.hits = 0;
  }

  mark(): void {
    this.hits++;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export class RouteMetrics {
  private readonly meters = new Map<string, Meter>();

  reset(route: string): void {
    const next = new Meter(route);
    const old = this.meters.get(route);
    if (old !== undefined && old !== next) old.stop();
    this.meters.set(route, next); // ok: stop-on-evict
  }

  replace(route: string): void {
    this.meters.get(route)?.stop();
    this.meters.set(route, new Meter(route)); // ok: stop-on-evict
  }

  removeRoute(route: string): void {
    this.meters.get(route)?.stop();
    this.meters.delete(route); // ok: stop-on-evict
  }

  dispose(): void {
    this.meters.forEach((m) => m.stop());
    this.meters.clear(); // ok: stop-on-evict
  }
}
