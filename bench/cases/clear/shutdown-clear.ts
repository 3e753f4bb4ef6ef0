// Shape (must report): a `clear()` of a map of resources with no stopping loop before it — in a class
// (Map of intervals) and in a module (Set of child processes).
import { fork, type ChildProcess } from 'node:child_process';

export class CronLite {
  private readonly jobs = new Map<string, NodeJS.Timeout>();

  add(name: string, everyMs: number, fn: () => void): void {
    if (this.jobs.has(name)) return;
    this.jobs.set(name, setInterval(fn, everyMs)); // ok: stop-on-evict
  }

  shutdown(): void {
    this.jobs.clear(); // expect: stop-on-evict
  }
}

const helpers = new Set<ChildProcess>();

export function startHelper(modulePath: string): void {
  helpers.add(fork(modulePath));
}

export function forgetHelpers(): void {
  helpers.clear(); // expect: stop-on-evict
}
