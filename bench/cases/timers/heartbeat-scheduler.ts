// Shape (must report): a Map<string, Timeout> of interval handles; `delete(id)` without `clearInterval`
// leaves a ghost timer running. Insertion guarded by `has()` + return (must not report).
export class HeartbeatScheduler {
  private readonly intervals = new Map<string, NodeJS.Timeout>();

  constructor(private readonly send: (peer: string) => void) {}

  start(peer: string, everyMs = 5_000): void {
    if (this.intervals.has(peer)) return;
    this.intervals.set(peer, setInterval(() => this.send(peer), everyMs)); // ok: stop-on-evict
  }

  stop(peer: string): void {
    this.intervals.delete(peer); // expect: stop-on-evict
  }

  get size(): number {
    return this.intervals.size;
  }
}
