// Shapes from engine.io and socket.io's cluster adapter. A connection arms a ping timer through a
// method that clears and re-arms it (onOpen → resetPingTimeout), so onOpen() is no release; its
// close() releases through `this.onClose.bind(this)` handed to the transport. Closing before the
// delete is fine (must not report); calling onOpen() instead leaks the timer (must report). A
// Map.forEach that clears each request's timeout before deleting it is fine (must not report).
class Transport {
  close(done: () => void): void {
    setImmediate(done);
  }
}

class Connection {
  private pingTimer?: NodeJS.Timeout;

  constructor(private readonly transport: Transport) {
    this.onOpen();
  }

  onOpen(): void {
    this.resetPingTimeout();
  }

  private resetPingTimeout(): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => this.onClose(), 20_000);
  }

  private onClose(): void {
    clearTimeout(this.pingTimer);
  }

  close(): void {
    this.transport.close(this.onClose.bind(this));
  }
}

export class EngineServer {
  private readonly clients: Record<string, Connection> = {};

  add(id: string): void {
    if (this.clients[id]) return;
    this.clients[id] = new Connection(new Transport()); // ok: stop-on-evict
  }

  drop(id: string): void {
    const connection = this.clients[id];
    if (!connection) return;
    connection.close();
    delete this.clients[id]; // ok: stop-on-evict
  }

  reopen(id: string): void {
    this.clients[id]?.onOpen();
    delete this.clients[id]; // expect: stop-on-evict
  }
}

interface PendingRequest {
  timeout: NodeJS.Timeout;
  missing: Set<string>;
}

export class ClusterRequests {
  private readonly requests = new Map<string, PendingRequest>();

  add(id: string, missing: Set<string>): void {
    if (this.requests.has(id)) return;
    this.requests.set(id, { timeout: setTimeout(() => this.requests.delete(id), 5000), missing }); // ok: stop-on-evict
  }

  removeNode(uid: string): void {
    this.requests.forEach((request, requestId) => {
      request.missing.delete(uid);
      if (request.missing.size === 0) {
        clearTimeout(request.timeout);
        this.requests.delete(requestId); // ok: stop-on-evict
      }
    });
  }
}
