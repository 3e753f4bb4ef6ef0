// Shape (must report): reassigning an object map of watchers on reconfigure drops every open watcher.
// Must not report: closing each value of the old object first.
import { watch, type FSWatcher } from 'node:fs';

export class DirWatch {
  private watchers: Record<string, FSWatcher> = {};

  configure(dirs: string[]): void {
    this.watchers = {}; // expect: stop-on-evict
    for (const dir of dirs) this.watchers[dir] = watch(dir); // ok: stop-on-evict
  }

  reconfigure(dirs: string[]): void {
    for (const w of Object.values(this.watchers)) w.close();
    this.watchers = {}; // ok: stop-on-evict
    for (const dir of dirs) this.watchers[dir] = watch(dir); // ok: stop-on-evict
  }
}
