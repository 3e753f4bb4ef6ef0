// Shapes: a free list of child processes. `remove(child)` splices out a child received as a parameter
// (caller still holds it: must not report); `shift()` then `kill()` (must not report); `return shift()`
// hands it on (must not report); `pop()` whose result is dropped (must report).
import { spawn, type ChildProcess } from 'node:child_process';

export class ProcessPool {
  private readonly free: ChildProcess[] = [];

  warm(count: number): void {
    for (let i = 0; i < count; i++) {
      this.free.push(spawn('node', ['worker.js'], { stdio: 'pipe' }));
    }
  }

  checkout(): ChildProcess | undefined {
    return this.free.shift(); // ok: stop-on-evict
  }

  remove(child: ChildProcess): void {
    const index = this.free.indexOf(child);
    if (index >= 0) this.free.splice(index, 1); // ok: stop-on-evict
  }

  killOne(): void {
    const child = this.free.shift(); // ok: stop-on-evict
    child?.kill();
  }

  shrink(): void {
    if (this.free.length > 4) {
      this.free.pop(); // expect: stop-on-evict
    }
  }
}
