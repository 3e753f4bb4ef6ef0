// Shape (must not report): removing a value the function received as a parameter when the caller
// still holds it and decides its fate — a watcher handed in from outside (`attach`/`detach`), or a
// subscription the class made and handed out whose callers release it after `remove(sub)`.
import { type FSWatcher } from 'node:fs';
import { interval, type Subscription } from 'rxjs';

export class Attachments {
  private readonly watchers = new Set<FSWatcher>();
  private readonly subs: Subscription[] = [];

  attach(watcher: FSWatcher): void {
    this.watchers.add(watcher);
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

export function stopPolling(attachments: Attachments, sub: Subscription): void {
  attachments.remove(sub);
  sub.unsubscribe();
}
