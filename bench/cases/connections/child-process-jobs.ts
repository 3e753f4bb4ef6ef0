// Shapes: a map of child processes spawned per job. Kill then delete (must not report); delete inside
// the child's own 'exit' handler (must not report); `forget()` deletes without kill (must report);
// `restartAll()` reassigns the container and drops every running child (must report).
import { spawn, type ChildProcess } from 'node:child_process';

export class JobRunner {
  private procs = new Map<string, ChildProcess>();

  run(jobId: string, script: string): void {
    if (this.procs.has(jobId)) throw new Error(`job ${jobId} already running`);
    const child = spawn(process.execPath, [script], { stdio: 'inherit' });
    child.on('exit', () => {
      this.procs.delete(jobId); // ok: stop-on-evict
    });
    this.procs.set(jobId, child); // ok: stop-on-evict
  }

  cancel(jobId: string): void {
    this.procs.get(jobId)?.kill('SIGTERM');
    this.procs.delete(jobId); // ok: stop-on-evict
  }

  forget(jobId: string): void {
    this.procs.delete(jobId); // expect: stop-on-evict
  }

  restartAll(): void {
    this.procs = new Map(); // expect: stop-on-evict
  }
}
