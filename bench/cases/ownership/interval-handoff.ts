// Shape (must not report): an interval handed to a scheduler registry in another object
// (`registry.track(handle)`), a value moved into a field, and a value whose stop is deferred by a
// closure that is passed on (`setTimeout(() => old.stop())`).
class IntervalRegistry {
  private readonly handles = new Set<NodeJS.Timeout>();

  track(handle: NodeJS.Timeout): void {
    this.handles.add(handle);
  }

  clearAll(): void {
    this.handles.forEach(clearInterval);
    this.handles.clear(); // ok: stop-on-evict
  }
}

class Stream {
  private readonly pump = setInterval(() => {}, 100);

  close(): void {
    clearInterval(this.pump);
  }
}

export class Tasks {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly streams = new Map<string, Stream>();
  private active: Stream | undefined;

  constructor(private readonly registry: IntervalRegistry) {}

  start(name: string, fn: () => void): void {
    if (!this.pending.has(name)) this.pending.set(name, setInterval(fn, 1_000)); // ok: stop-on-evict
    if (!this.streams.has(name)) this.streams.set(name, new Stream()); // ok: stop-on-evict
  }

  promote(name: string): void {
    const handle = this.pending.get(name);
    if (handle) this.registry.track(handle);
    this.pending.delete(name); // ok: stop-on-evict
  }

  activate(name: string): void {
    this.active?.close();
    this.active = this.streams.get(name);
    this.streams.delete(name); // ok: stop-on-evict
  }

  closeLater(name: string): void {
    const stream = this.streams.get(name);
    this.streams.delete(name); // ok: stop-on-evict
    setTimeout(() => stream?.close(), 5_000);
  }
}
