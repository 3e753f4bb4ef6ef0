// history: triggerdotdev/trigger.dev 29bd826caf41 — https://github.com/triggerdotdev/trigger.dev/commit/29bd826caf41 (diff read)
// leaked: when the split gate resolved to several sources, the boot-time replication service (whose constructor opened a replication client with Redis + Redlock) was replaced in the process-global registry slot without shutdown(), leaking one Redis connection per boot.
// covers: container=object-map drop=overwrite resource=custom born=constructor
declare class LogicalReplicationClient {
  constructor(opts: { connectionString: string; slotName: string; redisUrl: string });
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface SourceConfig {
  id: string;
  connectionString: string;
  slotName: string;
}

class ReplicationService {
  private readonly sources = new Map<string, { client: LogicalReplicationClient }>();
  private shuttingDown = false;

  constructor(sources: SourceConfig[], redisUrl: string) {
    for (const source of sources) {
      const client = new LogicalReplicationClient({
        connectionString: source.connectionString,
        slotName: source.slotName,
        redisUrl,
      });
      this.sources.set(source.id, { client });
    }
  }

  async start(): Promise<void> {
    for (const runtime of this.sources.values()) await runtime.client.start();
  }

  async shutdown(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    await Promise.all([...this.sources.values()].map((runtime) => runtime.client.stop()));
  }
}

const REPLICATION_KEY = Symbol.for('example.runs-replication');
type ReplicationGlobal = { [REPLICATION_KEY]?: ReplicationService };
const registry = globalThis as unknown as ReplicationGlobal;

function setReplicationGlobal(service: ReplicationService): void {
  registry[REPLICATION_KEY] = service;
}

declare function isSplitEnabled(): Promise<boolean>;
declare function buildSources(splitEnabled: boolean): SourceConfig[];

export function initializeReplication(legacy: SourceConfig, redisUrl: string): ReplicationService {
  let service = new ReplicationService([legacy], redisUrl);
  setReplicationGlobal(service);

  isSplitEnabled()
    .then(async (splitEnabled) => {
      const sources = buildSources(splitEnabled);
      if (sources.length > 1) {
        service = new ReplicationService(sources, redisUrl);
        setReplicationGlobal(service); // expect: stop-on-evict
      }
      return service.start();
    })
    .catch((error: unknown) => {
      console.error('replication failed to start', error);
    });

  process.on('SIGTERM', () => void service.shutdown());
  return service;
}
