/** Bug 1, fixed: the meter is stopped on every path that drops it. Nothing here is reported. */
import { newMeter, type Meter } from './metrics.js';

const meters = new Map<string, Meter>();

export function hit(route: string): void {
  if (!meters.has(route)) meters.set(route, newMeter());
  meters.get(route)!.mark();
}

export function removeRoute(route: string): void {
  meters.get(route)?.stop();
  meters.delete(route);
}

export function resetRoute(route: string): void {
  meters.get(route)?.stop();
  meters.set(route, newMeter());
}

export function shutdown(): void {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}
