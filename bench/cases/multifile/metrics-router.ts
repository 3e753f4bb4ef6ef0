// Shapes (multi-file): meters from a factory in another file. A meter made per route by a blind `set()`,
// nothing showing the route comes back (reported only with `overwrites: 'possible'`); a
// helper from another file that only logs, not stops (must report the delete); a helper that disposes
// (must not report).
import { createMeter, disposeMeter, logMeter, type Meter } from './lib/meter-factory.js';

const report = (name: string, rate: number): void => console.log(name, rate);

export class MetricsRouter {
  private readonly meters = new Map<string, Meter>();

  track(route: string): void {
    this.meters.set(route, createMeter(route, report)); // ok: stop-on-evict
  }

  untrackLogged(route: string): void {
    logMeter(this.meters.get(route));
    this.meters.delete(route); // expect: stop-on-evict
  }

  untrack(route: string): void {
    const meter = this.meters.get(route);
    if (meter) disposeMeter(meter);
    this.meters.delete(route); // ok: stop-on-evict
  }
}
