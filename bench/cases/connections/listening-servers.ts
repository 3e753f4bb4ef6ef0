// Shapes: servers per port, duplicates rejected by a throw (must not report the `set`); stop closes
// then deletes (must not report); `stopAll()` closes each then clears (must not report).
import { createServer, type Server } from 'node:net';

export class Listeners {
  private readonly servers = new Map<number, Server>();

  listen(port: number, onConnection: Parameters<typeof createServer>[1]): void {
    if (this.servers.has(port)) {
      throw new Error(`port ${port} already in use`);
    }
    const server = createServer(onConnection).listen(port);
    this.servers.set(port, server); // ok: stop-on-evict
  }

  stop(port: number): void {
    this.servers.get(port)?.close();
    this.servers.delete(port); // ok: stop-on-evict
  }

  stopAll(): void {
    this.servers.forEach((server) => {
      server.close();
    });
    this.servers.clear(); // ok: stop-on-evict
  }
}
