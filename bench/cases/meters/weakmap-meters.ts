// Shape (must report): a WeakMap keyed by request context holding a meter with a running timer;
// WeakMap is not exempt. Must not report: stop first.
class LatencyMeter {
  private readonly timer = setInterval(() => this.publish(), 5_000);
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  private publish(): void {
    this.samples.length = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const meters = new WeakMap<object, LatencyMeter>();

export function meterFor(ctx: object): LatencyMeter {
  let meter = meters.get(ctx);
  if (!meter) {
    meter = new LatencyMeter();
    meters.set(ctx, meter); // ok: stop-on-evict
  }
  return meter;
}

export function release(ctx: object): void {
  meters.delete(ctx); // expect: stop-on-evict
}

export function releaseStopped(ctx: object): void {
  meters.get(ctx)?.stop();
  meters.delete(ctx); // ok: stop-on-evict
}
