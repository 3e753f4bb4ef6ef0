// Shapes (issue 4): types with a stop()/close() whose visible body acquires nothing. Name rules alone
// report them; inference knows they own nothing.
export class Stopwatch {
  private started = Date.now();
  private stopped: number | undefined;
  stop(): void {
    this.stopped = Date.now();
  }
  elapsed(): number {
    return (this.stopped ?? Date.now()) - this.started;
  }
}

const watches = new Map<string, Stopwatch>();

export function begin(id: string): void {
  watches.set(id, new Stopwatch()); // ok: stop-on-evict
}

export function end(id: string): number | undefined {
  const watch = watches.get(id);
  watches.delete(id); // ok: stop-on-evict
  return watch?.elapsed();
}

export class Ledger {
  private readonly lines: string[] = [];
  add(line: string): void {
    this.lines.push(line);
  }
  close(): void {
    this.lines.push('-- closed --');
  }
}

const ledgers = new Map<string, Ledger>();

export function open(name: string): Ledger {
  const ledger = new Ledger();
  ledgers.set(name, ledger); // ok: stop-on-evict
  return ledger;
}

export function archiveAll(): void {
  ledgers.clear(); // ok: stop-on-evict
}
