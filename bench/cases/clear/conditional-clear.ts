// Shape (must report): the stopping loop runs only when `force` is true, so `clear()` drops running
// watchers when it is false. Must not report: the loop runs unconditionally.
import { watch, type FSWatcher } from 'node:fs';

const watchers = new Map<string, FSWatcher>();

export function watchDir(dir: string): void {
  if (!watchers.has(dir)) watchers.set(dir, watch(dir, { recursive: true })); // ok: stop-on-evict
}

export function reset(force: boolean): void {
  if (force) {
    for (const w of watchers.values()) w.close();
  }
  watchers.clear(); // expect: stop-on-evict
}

export function closeAll(): void {
  watchers.forEach((w) => w.close());
  watchers.clear(); // ok: stop-on-evict
}
