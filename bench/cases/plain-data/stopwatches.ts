// Shape (must not report): a stopwatch whose `stop()` only reads the clock and returns a number —
// not a release method; a map of them is plain data.
class Stopwatch {
  private readonly started = process.hrtime.bigint();

  stop(): number {
    return Number(process.hrtime.bigint() - this.started) / 1e6;
  }
}

const running = new Map<string, Stopwatch>();

export function startTiming(label: string): void {
  running.set(label, new Stopwatch()); // ok: stop-on-evict
}

export function abandon(label: string): void {
  running.delete(label); // ok: stop-on-evict
}

export function endTiming(label: string): number | undefined {
  const sw = running.get(label);
  running.delete(label); // ok: stop-on-evict
  return sw?.stop();
}

export function abandonAll(): void {
  running.clear(); // ok: stop-on-evict
}
