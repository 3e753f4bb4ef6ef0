// Shapes (multi-file): a connection class from another file whose release returns a promise. `void
// conn.close()` then delete (must not report); delete without close (must report); `await` close in a
// loop then clear (must not report).
import { openConnection, type Connection } from './lib/connection.js';

export class ConnectionManager {
  private readonly conns = new Map<string, Connection>();

  get(host: string): Connection {
    let conn = this.conns.get(host);
    if (!conn) {
      conn = openConnection(host);
      this.conns.set(host, conn); // ok: stop-on-evict
    }
    return conn;
  }

  evict(host: string): void {
    const conn = this.conns.get(host);
    if (conn) void conn.close();
    this.conns.delete(host); // ok: stop-on-evict
  }

  drop(host: string): void {
    this.conns.delete(host); // expect: stop-on-evict
  }

  async closeAll(): Promise<void> {
    for (const conn of this.conns.values()) {
      await conn.close();
    }
    this.conns.clear(); // ok: stop-on-evict
  }
}
