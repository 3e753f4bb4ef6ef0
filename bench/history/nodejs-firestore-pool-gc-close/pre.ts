// history: googleapis/nodejs-firestore 22ef0d0229569f0d97ff908b5866264a8de2ca78 (PR #779) — https://github.com/googleapis/nodejs-firestore/commit/22ef0d0229569f0d97ff908b5866264a8de2ca78 (diff read)
// leaked: ClientPool.garbageCollect() deleted every surplus idle GAPIC client from the activeClients map (keyed by the client, valued by its request count) without closing it, so each collected client kept its gRPC channel open.
// covers: container=map drop=delete resource=custom born=factory

// Shaped like the generated Firestore v1 GAPIC client (only the members used here).
declare class GapicFirestoreClient {
  constructor(settings: { sslCreds?: unknown; host?: string });
  close(): Promise<void>;
}

const CLIENT_OP_LIMIT = 100;

// The pool is generic in the real code; here it is pinned to the client type it holds.
export class GapicClientPool {
  // each live client -> number of operations it is currently serving
  private readonly liveClients = new Map<GapicFirestoreClient, number>();

  constructor(
    private readonly opLimit: number,
    private readonly makeClient: () => GapicFirestoreClient,
  ) {}

  private acquire(): GapicFirestoreClient {
    let chosen: GapicFirestoreClient | null = null;
    let chosenCount = 0;

    for (const [client, count] of this.liveClients) {
      if (!chosen && count < this.opLimit) {
        chosen = client;
        chosenCount = count;
      }
    }

    if (!chosen) {
      chosen = this.makeClient();
    }

    this.liveClients.set(chosen, chosenCount + 1);
    return chosen;
  }

  private release(client: GapicFirestoreClient): void {
    const count = (this.liveClients.get(client) ?? 0) - 1;
    this.liveClients.set(client, count);

    if (count === 0) {
      this.sweepIdle();
    }
  }

  run<R>(op: (client: GapicFirestoreClient) => Promise<R>): Promise<R> {
    const client = this.acquire();
    return op(client)
      .catch((err: unknown) => {
        this.release(client);
        return Promise.reject(err);
      })
      .then((res) => {
        this.release(client);
        return res;
      });
  }

  // Keeps a single idle client around for reuse and drops the rest.
  private sweepIdle(): number {
    let idle = 0;
    this.liveClients.forEach((count, client) => {
      if (count === 0) {
        ++idle;
        if (idle > 1) {
          this.liveClients.delete(client); // expect: stop-on-evict
        }
      }
    });
    return idle - 1;
  }
}

export class FirestoreLike {
  private readonly pool: GapicClientPool;

  constructor(private readonly settings: { ssl?: boolean; host?: string }) {
    this.pool = new GapicClientPool(CLIENT_OP_LIMIT, () => {
      if (this.settings.ssl === false) {
        return new GapicFirestoreClient({ sslCreds: 'insecure', host: this.settings.host });
      }
      return new GapicFirestoreClient({ host: this.settings.host });
    });
  }

  request<R>(op: (client: GapicFirestoreClient) => Promise<R>): Promise<R> {
    return this.pool.run(op);
  }
}
