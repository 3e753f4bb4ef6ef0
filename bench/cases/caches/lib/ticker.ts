// Helper module for cache cases (no findings expected here): a resource that owns an interval.
export class Ticker {
  private readonly timer: NodeJS.Timeout;
  ticks = 0;

  constructor(readonly key: string, everyMs = 1_000) {
    this.timer = setInterval(() => this.ticks++, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
