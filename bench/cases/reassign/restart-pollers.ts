// Shape (must report): a service whose `restart()` reassigns `this.pollers = new Map()` and drops every
// poller still running. Must not report: stopping each poller before the reassignment.
class Poller {
  private readonly timer: NodeJS.Timeout;

  constructor(readonly target: string, everyMs: number) {
    this.timer = setInterval(() => void this.poll(), everyMs);
  }

  private async poll(): Promise<void> {}

  stop(): void {
    clearInterval(this.timer);
  }
}

export class HealthService {
  private pollers: Map<string, Poller>;

  constructor(private readonly targets: string[]) {
    this.pollers = HealthService.build(targets);
  }

  private static build(targets: readonly string[]): Map<string, Poller> {
    const pollers = new Map<string, Poller>();
    for (const t of targets) pollers.set(t, new Poller(t, 5_000)); // ok: stop-on-evict
    return pollers;
  }

  restart(): void {
    this.pollers = HealthService.build(this.targets); // expect: stop-on-evict
  }

  restartInPlace(): void {
    this.pollers = new Map(); // expect: stop-on-evict
    for (const t of this.targets) this.pollers.set(t, new Poller(t, 5_000)); // ok: stop-on-evict
  }

  restartCleanly(): void {
    for (const poller of this.pollers.values()) poller.stop();
    this.pollers = HealthService.build(this.targets); // ok: stop-on-evict
  }
}
