// Shapes: a module-level object map of timeouts; the one-shot timer deletes its own entry when it fires
// (must not report); a setInterval that deletes its entry in its callback without clearing it (must
// report).
const timeouts: { [key: string]: NodeJS.Timeout } = {};
const repeats: { [key: string]: NodeJS.Timeout } = {};

export function after(key: string, ms: number, fn: () => void): void {
  if (timeouts[key]) return;
  timeouts[key] = setTimeout(() => { // ok: stop-on-evict
    delete timeouts[key]; // ok: stop-on-evict
    fn();
  }, ms);
}

export function pollUntil(key: string, ms: number, done: () => boolean): void {
  if (repeats[key]) return;
  repeats[key] = setInterval(() => { // ok: stop-on-evict
    if (done()) delete repeats[key]; // expect: stop-on-evict
  }, ms);
}
