// Shapes: FSWatcher per path. `unwatch()` deletes without `close()` (must report); insertion guarded by
// `has()` (must not); `unwatchAll()` closes every watcher then clears (must not report).
import { watch, type FSWatcher } from 'node:fs';

export class ConfigWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(private readonly onChange: (file: string) => void) {}

  watch(file: string): void {
    if (this.watchers.has(file)) return;
    this.watchers.set(file, watch(file, () => this.onChange(file))); // ok: stop-on-evict
  }

  unwatch(file: string): void {
    this.watchers.delete(file); // expect: stop-on-evict
  }

  unwatchAll(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear(); // ok: stop-on-evict
  }
}
