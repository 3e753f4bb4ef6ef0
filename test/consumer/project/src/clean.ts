/** Nothing here is reported: every resource is released before it is dropped. */
import { createMeter, type Meter } from './meter.js';

const meters = new Map<string, Meter>();

export function resetRoute(route: string): void {
  meters.get(route)?.stop();
  meters.set(route, createMeter(route));
}

export function removeRoute(route: string): void {
  const meter = meters.get(route);
  meters.delete(route);
  meter?.stop();
}

export function shutdown(): void {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}

// Plain values are not resources.
const counts = new Map<string, number>();

export function count(key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function reset(key: string): void {
  counts.delete(key);
}

// A disposable released through `using`-free code: stopped on every path, including the early return.
const timers = new Set<NodeJS.Timeout>();

export function every(ms: number, run: () => void): NodeJS.Timeout {
  const timer = setInterval(run, ms);
  timers.add(timer);
  return timer;
}

export function stop(timer: NodeJS.Timeout): void {
  if (!timers.has(timer)) return;
  clearInterval(timer);
  timers.delete(timer);
}
