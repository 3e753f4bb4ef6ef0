// Shape (must not report): removing a value the function received as a parameter — the caller still
// holds it and decides its fate (`detach(watcher)`, `remove(sub)` splicing it out of a list).
import { watch, type FSWatcher } from 'node:fs';
import { interval, type Subscription } from 'rxjs';

export class Attachments {
  private readonly watchers = new Set<FSWatcher>();
  private readonly subs: Subscription[] = [];

  watch(path: string): FSWatcher {
    const w = watch(path);
    this.watchers.add(w);
    return w;
  }

  detach(watcher: FSWatcher): void {
    this.watchers.delete(watcher); // ok: stop-on-evict
  }

  poll(fn: () => void): Subscription {
    const sub = interval(1_000).subscribe(fn);
    this.subs.push(sub);
    return sub;
  }

  remove(sub: Subscription): void {
    const i = this.subs.indexOf(sub);
    if (i !== -1) this.subs.splice(i, 1); // ok: stop-on-evict
  }
}
