/**
 * A meter counts requests on one route and flushes a per-second rate on a timer.
 *
 * Creating a meter starts a `setInterval` timer and registers the meter in a
 * process-wide registry. Only `stop()` clears the timer and takes the meter out of
 * the registry again: a meter that is forgotten without `stop()` keeps ticking and
 * stays reachable from the registry for the life of the process.
 */

/** Every running meter in the process, by id (read by the metrics endpoint). */
export const registry = new Map<number, Meter>();

let nextId = 0;

export class Meter {
  readonly id = ++nextId;
  private count = 0;
  private lastRate = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly route: string, intervalMs = 1000) {
    this.timer = setInterval(() => this.flush(intervalMs), intervalMs);
    registry.set(this.id, this);
  }

  /** Counts one request. */
  mark(): void {
    this.count++;
  }

  /** Requests per second over the last interval. */
  get rate(): number {
    return this.lastRate;
  }

  /** Clears the timer and unregisters the meter. */
  stop(): void {
    clearInterval(this.timer);
    registry.delete(this.id);
  }

  private flush(intervalMs: number): void {
    this.lastRate = (this.count * 1000) / intervalMs;
    this.count = 0;
  }
}

/** The factory the routes use. */
export function createMeter(route: string): Meter {
  return new Meter(route);
}
