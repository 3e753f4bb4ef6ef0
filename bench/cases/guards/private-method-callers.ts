// Shape (must not report): a private insertion method whose every caller checks `has()` first.
import { watch, type FSWatcher } from 'node:fs';

export class Tree {
  private readonly watchers = new Map<string, FSWatcher>();

  private install(dir: string): void {
    this.watchers.set(dir, watch(dir)); // ok: stop-on-evict
  }

  add(dir: string): void {
    if (this.watchers.has(dir)) return;
    this.install(dir);
  }

  addAll(dirs: string[]): void {
    for (const dir of dirs) {
      if (!this.watchers.has(dir)) this.install(dir);
    }
  }

  remove(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir); // ok: stop-on-evict
  }
}
