// Shapes: an object map of waiters. `waiting[id] = {…}` over a possible waiter (must report);
// duplicate ids rejected by a throw (must not report); `delete waiting[id]` after clearing (ok).
interface Waiter {
  resolve: (line: string) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const waiting: { [id: string]: Waiter } = {};

export function waitFor(id: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply for ${id}`)), ms);
    waiting[id] = { resolve, reject, timer }; // expect: stop-on-evict
  });
}

export function waitForUnique(id: string, ms: number): Promise<string> {
  if (waiting[id] !== undefined) {
    throw new Error(`already waiting for ${id}`);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply for ${id}`)), ms);
    waiting[id] = { resolve, reject, timer }; // ok: stop-on-evict
  });
}

export function deliver(id: string, line: string): void {
  const w = waiting[id];
  if (!w) return;
  clearTimeout(w.timer);
  delete waiting[id]; // ok: stop-on-evict
  w.resolve(line);
}
