// Shape (must report): the story — a meter that starts a timer per route, kept in a Map; a route
// removed without `stop()`, and a meter replaced by `set()` over the old one.
class Meter {
  private count = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly route: string,
    private readonly flush: (route: string, count: number) => void,
  ) {
    this.timer = setInterval(() => {
      this.flush(this.route, this.count);
      this.count = 0;
    }, 1_000);
  }

  mark(): void {
    this.count++;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export class RouteMetrics {
  private readonly meters = new Map<string, Meter>();

  constructor(private readonly flush: (route: string, count: number) => void) {}

  hit(route: string): void {
    let meter = this.meters.get(route);
    if (!meter) {
      meter = new Meter(route, this.flush);
      this.meters.set(route, meter); // ok: stop-on-evict
    }
    meter.mark();
  }

  reset(route: string): void {
    this.meters.set(route, new Meter(route, this.flush)); // expect: stop-on-evict
  }

  removeRoute(route: string): void {
    this.meters.delete(route); // expect: stop-on-evict
  }
}
