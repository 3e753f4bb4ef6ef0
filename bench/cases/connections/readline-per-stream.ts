// Shapes: a readline Interface per child stream. Deleted inside the interface's own 'close' handler
// (must not report); `detach()` deletes without `close()` (must report).
import { createInterface, type Interface } from 'node:readline';
import type { Readable } from 'node:stream';

export class LineRouter {
  private readonly readers = new Map<string, Interface>();

  attach(name: string, input: Readable, onLine: (name: string, line: string) => void): void {
    if (this.readers.has(name)) return;
    const rl = createInterface({ input });
    rl.on('line', (line) => onLine(name, line));
    rl.on('close', () => this.readers.delete(name)); // ok: stop-on-evict
    this.readers.set(name, rl); // ok: stop-on-evict
  }

  detach(name: string): void {
    this.readers.delete(name); // expect: stop-on-evict
  }

  close(name: string): void {
    const rl = this.readers.get(name);
    rl?.close();
    this.readers.delete(name); // ok: stop-on-evict
  }
}
