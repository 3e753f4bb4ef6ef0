// Shape (must not report): the removed value is returned, moved into another container, or handed to a
// scheduler registry that takes ownership (`deleteAndLeak`-style methods).
class Job {
  private readonly timer = setInterval(() => {}, 1_000);

  cancel(): void {
    clearInterval(this.timer);
  }
}

class Scheduler {
  private readonly adopted = new Set<Job>();

  adopt(job: Job): void {
    this.adopted.add(job);
  }

  stopAll(): void {
    for (const job of this.adopted) job.cancel();
    this.adopted.clear(); // ok: stop-on-evict
  }
}

export class JobTable {
  private readonly jobs = new Map<string, Job>();
  private readonly parked = new Map<string, Job>();

  constructor(private readonly scheduler: Scheduler) {}

  create(id: string): void {
    if (this.jobs.has(id)) return;
    this.jobs.set(id, new Job()); // ok: stop-on-evict
  }

  take(id: string): Job | undefined {
    const job = this.jobs.get(id);
    this.jobs.delete(id); // ok: stop-on-evict
    return job;
  }

  park(id: string): void {
    const job = this.jobs.get(id);
    if (!job || this.parked.has(id)) return;
    this.parked.set(id, job); // ok: stop-on-evict
    this.jobs.delete(id); // ok: stop-on-evict
  }

  handOff(id: string): void {
    const job = this.jobs.get(id);
    if (job) this.scheduler.adopt(job);
    this.jobs.delete(id); // ok: stop-on-evict
  }
}
