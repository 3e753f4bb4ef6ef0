// Shape (must not report): fresh unique keys — a counter (`++seq`, `nextId++`) and `randomUUID()` —
// and a container created empty in the same function.
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';

let seq = 0;
const timeouts: Record<number, NodeJS.Timeout> = {};
const tasks = new Map<string, ChildProcess>();

export function deferred(fn: () => void, ms: number): number {
  const id = ++seq;
  timeouts[id] = setTimeout(fn, ms); // ok: stop-on-evict
  return id;
}

export function cancelDeferred(id: number): void {
  clearTimeout(timeouts[id]);
  delete timeouts[id]; // ok: stop-on-evict
}

export function launch(cmd: string): string {
  const id = randomUUID();
  tasks.set(id, spawn(cmd, { shell: true })); // ok: stop-on-evict
  return id;
}

export class Ids {
  private nextId = 1;
  private readonly timers = new Map<number, NodeJS.Timeout>();

  every(ms: number, fn: () => void): number {
    const id = this.nextId++;
    this.timers.set(id, setInterval(fn, ms)); // ok: stop-on-evict
    return id;
  }
}

export function startAll(names: readonly string[]): Map<string, NodeJS.Timeout> {
  const started = new Map<string, NodeJS.Timeout>();
  for (const name of names) {
    started.set(name, setInterval(() => console.log(name), 1_000)); // ok: stop-on-evict
  }
  return started;
}
