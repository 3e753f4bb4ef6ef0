// Shapes: removal inside loops. Stopping each entry before deleting it in a `for…of` over keys (must
// not report); a `while` loop trimming the map to a size limit without stopping (must report).
class Gauge {
  private readonly timer: NodeJS.Timeout;

  constructor(readonly key: string, readonly createdAt = Date.now()) {
    this.timer = setInterval(() => this.report(), 10_000);
  }

  private report(): void {}

  dispose(): void {
    clearInterval(this.timer);
  }
}

export class GaugeSet {
  private readonly gauges = new Map<string, Gauge>();

  constructor(private readonly limit: number) {}

  ensure(key: string): Gauge {
    let gauge = this.gauges.get(key);
    if (!gauge) this.gauges.set(key, (gauge = new Gauge(key))); // ok: stop-on-evict
    return gauge;
  }

  removeMany(keys: readonly string[]): void {
    for (const key of keys) {
      this.gauges.get(key)?.dispose();
      this.gauges.delete(key); // ok: stop-on-evict
    }
  }

  trim(): void {
    while (this.gauges.size > this.limit) {
      const oldest = this.gauges.keys().next().value;
      if (oldest === undefined) break;
      this.gauges.delete(oldest); // expect: stop-on-evict
    }
  }

  trimCleanly(): void {
    for (const [key, gauge] of this.gauges) {
      if (this.gauges.size <= this.limit) break;
      gauge.dispose();
      this.gauges.delete(key); // ok: stop-on-evict
    }
  }
}
