/**
 * The metrics library of the story. `newMeter()` creates a meter, registers it in a
 * process-wide registry and makes sure the shared ticker runs; only the meter's `stop()`
 * takes it out of the registry again. The implementation is not exported: users see the
 * `Meter` interface and the factory, as they did in the library that leaked.
 */
export interface Meter {
  /** Counts `n` events. */
  mark(n?: number): void;
  /** Events per second over the last tick. */
  rate(): number;
  /** Takes the meter out of the registry; the ticker stops with the last meter. */
  stop(): void;
}

/** Every live meter of the process: the ticker updates each of them every five seconds. */
const registry = new Set<StandardMeter>();
let ticker: NodeJS.Timeout | undefined;

class StandardMeter implements Meter {
  private count = 0;
  private lastRate = 0;

  mark(n = 1): void {
    this.count += n;
  }

  rate(): number {
    return this.lastRate;
  }

  tick(seconds: number): void {
    this.lastRate = this.count / seconds;
    this.count = 0;
  }

  stop(): void {
    registry.delete(this);
    if (registry.size === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  }
}

/** A new meter, registered and ticking until `stop()`. */
export function newMeter(): Meter {
  const meter = new StandardMeter();
  registry.add(meter);
  ticker ??= setInterval(() => {
    for (const each of registry) each.tick(5);
  }, 5_000);
  return meter;
}
