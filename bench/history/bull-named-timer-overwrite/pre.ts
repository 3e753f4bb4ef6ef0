// history: OptimalBits/bull 8212cdde5fb6 — https://github.com/OptimalBits/bull/commit/8212cdde5fb6 (diff read)
// leaked: TimerManager kept timers by name, so a second job's lockRenewer set('lockRenewer') overwrote the first job's pending renew timer without clearing it; that orphaned timer kept re-arming and was never cleared by clear('lockRenewer').
// covers: container=object-map drop=overwrite resource=timer born=factory
interface LockedJob {
  renewLock(token: string): Promise<void>;
  moveToCompleted(): Promise<void>;
  moveToFailed(err: Error): Promise<void>;
}

export class TimerManager {
  private timers: Record<string, NodeJS.Timeout> = {};
  private idle = true;
  private listeners: Array<() => void> = [];

  set(name: string, delay: number, fn: () => void): void {
    this.timers[name] = setTimeout(fn, delay); // expect: stop-on-evict
    this.idle = false;
  }

  clear(name: string): void {
    clearTimeout(this.timers[name]);
    delete this.timers[name];
    if (!this.idle && Object.keys(this.timers).length === 0) {
      this.idle = true;
      while (this.listeners.length) this.listeners.pop()!();
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
    const lockRenewer = (): void => {
      void job.renewLock(this.token);
      this.timers.set('lockRenewer', this.lockRenewTime / 2, lockRenewer);
    };

    this.processing++;
    lockRenewer();
    return handler(job)
      .then(() => job.moveToCompleted(), (err: Error) => job.moveToFailed(err))
      .finally(() => {
        this.processing--;
        this.timers.clear('lockRenewer');
      });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.timers.whenIdle(resolve));
  }
}
