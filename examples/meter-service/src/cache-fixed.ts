/**
 * Bug 2, fixed: `del()` before `set()` makes node-cache emit 'del' with the stored value —
 * expired or not — and the 'del' listener stops it. Nothing here is reported.
 */
import NodeCache from 'node-cache';

import { newMeter, type Meter } from './metrics.js';

const meters = new NodeCache({ stdTTL: 600, checkperiod: 120, useClones: false });
const stop = (_route: string, meter: Meter): void => meter.stop();
meters.on('expired', stop);
meters.on('del', stop);

export function hit(route: string): void {
  let meter = meters.get<Meter>(route);
  if (meter === undefined) {
    meter = newMeter();
    meters.set(route, meter);
  }
  meter.mark();
}

export function reconfigure(route: string): void {
  meters.del(route);
  meters.set(route, newMeter());
}
