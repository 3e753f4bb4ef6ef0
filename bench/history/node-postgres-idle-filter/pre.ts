// history: brianc/node-postgres 40f5126b6ef1 — https://github.com/brianc/node-postgres/commit/40f5126b6ef1 (diff read)
// leaked: pg-pool's _remove() rebuilt the idle list with filter(), dropping the removed client's IdleItem without clearTimeout on its idle timer (so a shut-down pool kept a live timer).
// covers: container=array drop=filter resource=timer born=parameter
import { EventEmitter } from 'node:events';

declare class DbClient {
  end(): Promise<void>;
}

class IdleEntry {
  constructor(
    readonly client: DbClient,
    readonly timeoutId: NodeJS.Timeout | undefined,
  ) {}
}

export class ConnectionPool extends EventEmitter {
  private clients: DbClient[] = [];
  private idle: IdleEntry[] = [];
  private ending = false;

  constructor(private readonly idleTimeoutMillis: number) {
    super();
  }

  giveBack(client: DbClient, err?: Error): void {
    if (err || this.ending) {
      this.evict(client);
      this.pulse();
      return;
    }
    let tid: NodeJS.Timeout | undefined;
    if (this.idleTimeoutMillis) {
      tid = setTimeout(() => {
        this.evict(client);
      }, this.idleTimeoutMillis);
    }
    this.idle.push(new IdleEntry(client, tid));
    this.pulse();
  }

  private pulse(): void {
    if (this.ending) {
      for (const entry of this.idle.slice()) {
        this.evict(entry.client);
      }
      return;
    }
    const entry = this.idle.pop();
    if (entry) {
      clearTimeout(entry.timeoutId);
      this.emit('acquire', entry.client);
    }
  }

  private evict(client: DbClient): void {
    this.idle = this.idle.filter((entry) => entry.client !== client); // expect: stop-on-evict
    this.clients = this.clients.filter((c) => c !== client);
    void client.end();
    this.emit('remove', client);
  }

  end(): void {
    this.ending = true;
    this.pulse();
  }
}
