// Shapes from socket.io, engine.io and bullmq: keys that cannot already be in the container — an id
// from a module helper over random bytes, an awaited generator assigned once, a value stored under
// its own `id`/`pid` (must not report) — and a value stored under a property that names something
// else, where a second connection of the same user would replace the first: nothing here shows the user
// comes back, so only `overwrites: 'possible'` reports it (a rule test keeps that).
import { randomBytes } from 'node:crypto';

declare function generateId(): Promise<string>;
declare class Connection {
  readonly id: string;
  readonly userId: string;
  constructor(userId: string);
  close(): void;
}

function randomId(): string {
  return randomBytes(8).toString('hex');
}

export class Requests {
  private readonly pending = new Map<string, { timeout: NodeJS.Timeout }>();

  start(onTimeout: () => void): string {
    const requestId = randomId();
    const timeout = setTimeout(() => {
      this.pending.delete(requestId); // ok: stop-on-evict
      onTimeout();
    }, 5000);
    this.pending.set(requestId, { timeout }); // ok: stop-on-evict
    return requestId;
  }
}

export class Handshakes {
  private readonly clients: Record<string, Connection> = {};
  private readonly byId = new Map<string, Connection>();
  private readonly byUser = new Map<string, Connection>();

  async accept(userId: string): Promise<void> {
    let id;
    try {
      id = await generateId();
    } catch {
      return;
    }
    this.clients[id] = new Connection(userId); // ok: stop-on-evict
  }

  register(userId: string): void {
    const connection = new Connection(userId);
    this.byId.set(connection.id, connection); // ok: stop-on-evict
    this.byUser.set(connection.userId, connection); // ok: stop-on-evict
  }

  close(id: string): void {
    this.clients[id]?.close();
    delete this.clients[id];
  }
}
