// Shapes: a `Set` of timeout handles (a common "track every timer" pattern). The one-shot timer removes
// itself from the set when it fires (must not report); `cancelAll()` clears each first (must not
// report); `forgetAll()` clears the set with no clearing loop (must report).
const timers = new Set<NodeJS.Timeout>();

export function later(fn: () => void, ms: number): void {
  const t = setTimeout(() => {
    timers.delete(t); // ok: stop-on-evict
    fn();
  }, ms);
  timers.add(t);
}

export function cancelAll(): void {
  for (const t of timers) clearTimeout(t);
  timers.clear(); // ok: stop-on-evict
}

export function forgetAll(): void {
  timers.clear(); // expect: stop-on-evict
}
