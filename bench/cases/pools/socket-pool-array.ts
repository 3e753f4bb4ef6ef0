// Shapes: an array of sockets. `forEach(destroy)` then `length = 0` (must not report); `length = 0`
// alone (must report); `splice(0, n)` whose removed sockets are dropped (must report); `splice` whose
// removed sockets are ended in a loop (must not report).
import { createConnection, type Socket } from 'node:net';

export class SocketPool {
  private readonly sockets: Socket[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  open(n: number): void {
    for (let i = 0; i < n; i++) {
      this.sockets.push(createConnection({ host: this.host, port: this.port }));
    }
  }

  closeAll(): void {
    this.sockets.forEach((s) => s.destroy());
    this.sockets.length = 0; // ok: stop-on-evict
  }

  forget(): void {
    this.sockets.length = 0; // expect: stop-on-evict
  }

  shrinkTo(n: number): void {
    this.sockets.splice(n); // expect: stop-on-evict
  }

  shrinkGracefully(n: number): void {
    const removed = this.sockets.splice(n); // ok: stop-on-evict
    for (const socket of removed) socket.end();
  }
}
