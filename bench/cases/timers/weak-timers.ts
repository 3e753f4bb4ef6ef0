// Shape (must report): a WeakMap is not exempt — a running interval keeps its value alive, so
// `delete(owner)` without `clearInterval` leaks. Must not report: clear first.
const refreshers = new WeakMap<object, NodeJS.Timeout>();

export function startRefreshing(owner: object, refresh: () => void): void {
  if (refreshers.has(owner)) return;
  refreshers.set(owner, setInterval(refresh, 30_000)); // ok: stop-on-evict
}

export function forget(owner: object): void {
  refreshers.delete(owner); // expect: stop-on-evict
}

export function stopRefreshing(owner: object): void {
  const timer = refreshers.get(owner);
  if (timer) {
    clearInterval(timer);
  }
  refreshers.delete(owner); // ok: stop-on-evict
}
