// Shape (must not report): insertions guarded by `has()` (negated, early return, throw), by a `get()`
// miss (`=== undefined`, `??`-style early return), and an insertion guarded further up the function.
import { spawn, type ChildProcess } from 'node:child_process';

export class Supervisor {
  private readonly procs = new Map<string, ChildProcess>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly documents = new Map<string, ChildProcess>();

  a(name: string): void {
    if (!this.procs.has(name)) {
      this.procs.set(name, spawn(name)); // ok: stop-on-evict
    }
  }

  b(name: string): void {
    if (this.procs.has(name)) return;
    this.procs.set(name, spawn(name)); // ok: stop-on-evict
  }

  c(name: string): void {
    if (this.timers.has(name)) throw new Error(`timer ${name} exists`);
    this.timers.set(name, setInterval(() => {}, 1_000)); // ok: stop-on-evict
  }

  d(name: string): ChildProcess {
    const existing = this.procs.get(name);
    if (existing) return existing;
    const created = spawn(name);
    this.procs.set(name, created); // ok: stop-on-evict
    return created;
  }

  e(name: string): void {
    if (this.timers.get(name) === undefined) {
      this.timers.set(name, setTimeout(() => {}, 1_000)); // ok: stop-on-evict
    }
  }

  open(name: string, args: string[]): ChildProcess {
    if (this.documents.has(name)) return this.documents.get(name)!;
    const cleaned = args.filter((a) => a.length > 0);
    console.log('opening', name, cleaned.join(' '));
    const doc = spawn(name, cleaned);
    doc.stdout?.setEncoding('utf8');
    this.documents.set(name, doc); // ok: stop-on-evict
    return doc;
  }
}
