/**
 * Bug 2 of the story: the cleanup moved into the TTL cache's expiry hook, trusted to stop
 * every meter the cache lets go of. node-cache calls its 'expired' listener when it sweeps an
 * expired key — but `set()` over a key that still holds a meter (live, or expired and not yet
 * swept) replaces the entry silently: no event fires, the old meter is never stopped.
 */
import NodeCache from 'node-cache';

import { newMeter, type Meter } from './metrics.js';

const meters = new NodeCache({ stdTTL: 600, checkperiod: 120, useClones: false });
meters.on('expired', (_route: string, meter: Meter) => meter.stop());

/** Correct: a get() miss flushes an expired entry through 'expired' before the set(). */
export function hit(route: string): void {
  let meter = meters.get<Meter>(route);
  if (meter === undefined) {
    meter = newMeter();
    meters.set(route, meter);
  }
  meter.mark();
}

/** LEAK: a route's meter is replaced when its settings change, and the old one is left to the hook. */
export function reconfigure(route: string): void {
  meters.set(route, newMeter());
}
