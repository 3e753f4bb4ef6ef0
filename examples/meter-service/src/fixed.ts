/**
 * The two leaking paths of routes.ts, fixed. Nothing here is reported.
 */
import { createMeter, type Meter } from './meter.js';

const meters = new Map<string, Meter>();

export function track(route: string): Meter {
  if (!meters.has(route)) meters.set(route, createMeter(route));
  return meters.get(route)!;
}

/** Fixed LEAK 1: stop the meter, then remove the route. */
export function removeRoute(route: string): void {
  meters.get(route)?.stop();
  meters.delete(route);
}

/** Fixed LEAK 2: stop the meter being replaced, then store the new one. */
export function resetRoute(route: string): void {
  meters.get(route)?.stop();
  meters.set(route, createMeter(route));
}

export function shutdown(): void {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}
