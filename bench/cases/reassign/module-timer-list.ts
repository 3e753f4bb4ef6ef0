// Shapes: a module-level `let` array of interval handles. `timers = []` alone (must report);
// `timers.forEach(clearInterval); timers = []` (must not report).
let timers: NodeJS.Timeout[] = [];

export function every(ms: number, fn: () => void): void {
  timers.push(setInterval(fn, ms));
}

export function resetSchedule(): void {
  timers = []; // expect: stop-on-evict
}

export function cancelSchedule(): void {
  timers.forEach(clearInterval);
  timers = []; // ok: stop-on-evict
}
