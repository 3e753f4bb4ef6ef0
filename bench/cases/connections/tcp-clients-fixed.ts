// Shape (must not report): the fixed reconnect — the previous socket for the id is destroyed before
// `set()` (only when it differs), a kick ends the socket before deleting it.
import { createServer, type Socket } from 'node:net';

export class Hub {
  private readonly clients = new Map<string, Socket>();
  readonly server = createServer((socket) => this.accept(socket));

  private accept(socket: Socket): void {
    socket.once('data', (chunk) => {
      const id = chunk.toString().trim();
      const previous = this.clients.get(id);
      if (previous && previous !== socket) previous.destroy();
      this.clients.set(id, socket); // ok: stop-on-evict
      socket.once('end', () => this.clients.delete(id)); // ok: stop-on-evict
    });
  }

  kick(id: string, reason: string): void {
    const socket = this.clients.get(id);
    socket?.end(`bye: ${reason}\n`);
    this.clients.delete(id); // ok: stop-on-evict
  }
}
