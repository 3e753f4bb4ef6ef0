// Shapes: `switch` over commands where one case deletes without stopping (must report) and another
// stops first (must not); `try/finally` that stops on every path (must not report); a `try/catch`
// whose catch path completes normally without the stop (must report).
class Tailer {
  private readonly timer = setInterval(() => this.poll(), 2_000);

  constructor(readonly path: string) {}

  private poll(): void {
    /* read new lines */
  }

  flush(): void {
    /* may throw on a full disk */
  }

  close(): void {
    clearInterval(this.timer);
  }
}

type Command = { kind: 'open' | 'close' | 'drop' | 'reopen'; path: string };

export class TailManager {
  private readonly tailers = new Map<string, Tailer>();

  handle(cmd: Command): void {
    switch (cmd.kind) {
      case 'open':
        if (!this.tailers.has(cmd.path)) this.tailers.set(cmd.path, new Tailer(cmd.path)); // ok: stop-on-evict
        break;
      case 'close':
        this.tailers.get(cmd.path)?.close();
        this.tailers.delete(cmd.path); // ok: stop-on-evict
        break;
      case 'drop':
        this.tailers.delete(cmd.path); // expect: stop-on-evict
        break;
      case 'reopen':
        this.tailers.get(cmd.path)?.close();
        this.tailers.set(cmd.path, new Tailer(cmd.path)); // ok: stop-on-evict
        break;
    }
  }

  closeFlushing(path: string): void {
    const tailer = this.tailers.get(path);
    try {
      tailer?.flush();
    } finally {
      tailer?.close();
    }
    this.tailers.delete(path); // ok: stop-on-evict
  }

  closeBestEffort(path: string): void {
    const tailer = this.tailers.get(path);
    try {
      tailer?.flush();
      tailer?.close();
    } catch (err) {
      console.warn('flush failed', err);
    }
    this.tailers.delete(path); // expect: stop-on-evict
  }
}
