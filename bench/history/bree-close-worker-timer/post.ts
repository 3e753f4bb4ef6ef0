// history: breejs/bree 0ea22af1270e — https://github.com/breejs/bree/commit/0ea22af1270e (diff read)
// leaked: the per-job closeWorkerAfterMs timer (armed once the worker is online) was left running when the worker exited or sent "done", so the next run of that job overwrote its slot without clearing it and the stale timer later terminated the new worker.
// covers: container=object-map drop=overwrite resource=timer born=after-insert
import { Worker } from 'node:worker_threads';

interface JobConfig {
  name: string;
  path: string;
  closeWorkerAfterMs?: number;
}

export class JobRunner {
  private readonly workers: Record<string, Worker> = {};
  private readonly closeWorkerAfterMs: Record<string, NodeJS.Timeout> = {};

  constructor(private readonly jobs: JobConfig[], private readonly defaultCloseAfterMs = 0) {}

  run(name: string): void {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`Job "${name}" does not exist`);
    if (this.workers[name]) {
      console.warn(`Job "${name}" is already running`);
      return;
    }

    this.workers[name] = new Worker(job.path, { workerData: { job } });

    this.workers[name].on('online', () => {
      const closeAfter = job.closeWorkerAfterMs ?? this.defaultCloseAfterMs;
      if (Number.isFinite(closeAfter) && closeAfter > 0) {
        // the slot is emptied whenever the previous worker went away, so nothing live is replaced here
        this.closeWorkerAfterMs[name] = setTimeout(() => { // ok: stop-on-evict
          if (this.workers[name]) {
            void this.workers[name].terminate();
          }
        }, closeAfter);
      }
    });

    this.workers[name].on('message', (message: unknown) => {
      if (message === 'done') {
        this.workers[name].removeAllListeners('message');
        this.workers[name].removeAllListeners('exit');
        void this.workers[name].terminate();
        delete this.workers[name];
        this.removeTimer(name);
      }
    });

    this.workers[name].on('exit', (code: number) => {
      console.log(`Worker for job "${name}" exited with code ${code}`);
      delete this.workers[name];
      this.removeTimer(name);
    });
  }

  stop(name: string): void {
    if (this.workers[name]) {
      this.workers[name].postMessage('cancel');
    }
    this.removeTimer(name);
  }

  private removeTimer(name: string): void {
    if (this.closeWorkerAfterMs[name]) {
      clearTimeout(this.closeWorkerAfterMs[name]);
      delete this.closeWorkerAfterMs[name];
    }
  }
}
