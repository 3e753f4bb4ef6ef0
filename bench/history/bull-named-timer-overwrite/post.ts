// history: OptimalBits/bull 8212cdde5fb6 — https://github.com/OptimalBits/bull/commit/8212cdde5fb6 (diff read)
// leaked: TimerManager kept timers by name, so a second job's lockRenewer set('lockRenewer') overwrote the first job's pending renew timer without clearing it; that orphaned timer kept re-arming and was never cleared by clear('lockRenewer').
// covers: container=object-map drop=overwrite resource=timer born=factory
import { randomUUID } from 'node:crypto';

interface LockedJob {
  renewLock(token: string): Promise<void>;
  moveToCompleted(): Promise<void>;
  moveToFailed(err: Error): Promise<void>;
}

interface TimerRecord {
  name: string;
  created: number;
  timer: NodeJS.Timeout;
}

export class TimerManager {
  private timers: Record<string, TimerRecord> = {};
  private idle = true;
  private listeners: Array<() => void> = [];

  // every timer now gets its own key, so arming one never replaces another
  set(name: string, delay: number, fn: () => void): string {
    const timer = setTimeout(fn, delay);
    const id = randomUUID();
    this.timers[id] = { name, created: Date.now(), timer }; // ok: stop-on-evict
    this.idle = false;
    return id;
  }

  clear(id: string | undefined): void {
    if (id === undefined) return;
    const entry = this.timers[id];
    if (!entry) return;
    clearTimeout(entry.timer);
    delete this.timers[id];
    if (!this.idle && Object.keys(this.timers).length === 0) {
      while (this.listeners.length) this.listeners.pop()!();
      this.idle = true;
    }
  }

  whenIdle(fn: () => void): void {
    if (this.idle) fn();
    else this.listeners.unshift(fn);
  }
}

export class JobQueue {
  private readonly timers = new TimerManager();
  private processing = 0;

  constructor(private readonly token: string, private readonly lockRenewTime: number) {}

  processJob(job: LockedJob, handler: (job: LockedJob) => Promise<void>): Promise<void> {
    let lockRenewId: string | undefined;
    const lockRenewer = (): void => {
      void job.renewLock(this.token);
      lockRenewId = this.timers.set('lockRenewer', this.lockRenewTime / 2, lockRenewer);
    };

    this.processing++;
    lockRenewer();
    return handler(job)
      .then(() => job.moveToCompleted(), (err: Error) => job.moveToFailed(err))
      .finally(() => {
        this.processing--;
        this.timers.clear(lockRenewId);
      });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.timers.whenIdle(resolve));
  }
}
