// Shapes: tiny-lru with cleanup only in `onEvict` — overwrite and `delete` never reach it (must
// report); with a TTL, expiry never reaches the hook either (must report the factory call).
// Must not report: `peek()` + stop before `set`. A `get()` miss does not guard the TTL cache's `set`:
// tiny-lru's `get()` drops an expired entry without calling `onEvict` (issue: a guard counts only where
// the library's look-up flushes expired entries through the hook).
import { lru } from 'tiny-lru';
import { spawn, type ChildProcess } from 'node:child_process';

const procs = lru<ChildProcess>(32); // ok: stop-on-evict
procs.onEvict(({ value }) => value.kill());

export function run(cmd: string): void {
  procs.set(cmd, spawn(cmd, { shell: true })); // expect: no-silent-overwrite
}

export function rerun(cmd: string): void {
  procs.peek(cmd)?.kill();
  procs.set(cmd, spawn(cmd, { shell: true })); // ok: no-silent-overwrite
}

export function abandon(cmd: string): void {
  procs.delete(cmd); // expect: stop-on-evict
}

const expiring = lru<ChildProcess>(32, 60_000); // expect: stop-on-evict
expiring.onEvict(({ value }) => value.kill());

export function runExpiring(cmd: string): ChildProcess {
  const running = expiring.get(cmd);
  if (running) return running;
  const child = spawn(cmd, { shell: true });
  expiring.set(cmd, child); // expect: no-silent-overwrite
  return child;
}
