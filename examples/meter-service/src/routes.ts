/**
 * Meters kept per route. Two paths here leak a running meter (the story's bug);
 * the others show the shapes the rule accepts.
 */
import { createMeter, type Meter } from './meter.js';

const meters = new Map<string, Meter>();

/** Correct: set() guarded by has(), so it never replaces a running meter. */
export function track(route: string): Meter {
  if (!meters.has(route)) meters.set(route, createMeter(route));
  return meters.get(route)!;
}

/** Correct: get() hit returns early; the set() below only fills an empty key. */
export function meterFor(route: string): Meter {
  const existing = meters.get(route);
  if (existing) return existing;
  const meter = createMeter(route);
  meters.set(route, meter);
  return meter;
}

/** LEAK 1: the route is removed, its meter keeps ticking in the registry. */
export function removeRoute(route: string): void {
  meters.delete(route);
}

/** LEAK 2: a fresh meter replaces the old one, which is never stopped. */
export function resetRoute(route: string): void {
  meters.set(route, createMeter(route));
}

/** Correct: the meter is stopped before its route is removed. */
export function retireRoute(route: string): void {
  meters.get(route)?.stop();
  meters.delete(route);
}

/** Correct: every meter is stopped before the map is cleared. */
export function shutdown(): void {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}
