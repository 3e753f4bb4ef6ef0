/**
 * Bug 1 of the story: meters kept per route in a map. Two paths drop a meter without
 * `stop()`, and the dropped meter stays in the library's registry for the life of the
 * process. The other paths show the shapes the rule accepts.
 */
import { newMeter, type Meter } from './metrics.js';

const meters = new Map<string, Meter>();

/** Correct: the set() is guarded by has(), so it never replaces a live meter. */
export function hit(route: string): void {
  if (!meters.has(route)) meters.set(route, newMeter());
  meters.get(route)!.mark();
}

/** LEAK: the route is removed, its meter stays registered. */
export function removeRoute(route: string): void {
  meters.delete(route);
}

/** LEAK: a fresh meter replaces the old one, which is never stopped. */
export function resetRoute(route: string): void {
  meters.set(route, newMeter());
}

/** Correct: every meter is stopped before the map is cleared. */
export function shutdown(): void {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}
