/** Meters kept per route: two paths drop a running meter. */
import { createMeter, type Meter } from './meter.js';

const meters = new Map<string, Meter>();

export function track(route: string): Meter {
  if (!meters.has(route)) meters.set(route, createMeter(route));
  return meters.get(route)!;
}

export function removeRoute(route: string): void {
  meters.delete(route); // LEAK: the meter keeps ticking
}

export function resetRoute(route: string): void {
  meters.set(route, createMeter(route)); // LEAK: the old meter is never stopped
}

export function retireRoute(route: string): void {
  meters.get(route)?.stop();
  meters.delete(route);
}
