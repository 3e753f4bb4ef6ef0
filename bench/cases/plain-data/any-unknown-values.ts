// Shape (must not report): values typed `any` or `unknown` carry no type information — no report, even
// when the runtime values are timers.
const handlesAny = new Map<string, any>();
const handlesUnknown = new Map<string, unknown>();
const bag: Record<string, any> = {};

export function arm(key: string): void {
  handlesAny.set(key, setInterval(() => {}, 1_000)); // ok: stop-on-evict
  handlesUnknown.set(key, setInterval(() => {}, 1_000)); // ok: stop-on-evict
  bag[key] = setInterval(() => {}, 1_000); // ok: stop-on-evict
}

export function disarm(key: string): void {
  handlesAny.delete(key); // ok: stop-on-evict
  handlesUnknown.delete(key); // ok: stop-on-evict
  delete bag[key]; // ok: stop-on-evict
}
