// history: CherryHQ/cherry-studio PR #18146 — https://github.com/CherryHQ/cherry-studio/pull/18146 (from the PR text)
// leaked: when a cached MCP client failed (or timed out on) its liveness ping, McpRuntimeService.getOrCreateClient removed it from the clients map with a bare delete instead of closeClient(), so client.close() never ran and the StdioClientTransport child process (e.g. `python server.py`) was orphaned on every reconnect.
// covers: container=map drop=delete resource=custom born=factory

// Shaped like @modelcontextprotocol/sdk's client declarations (only the members used here).
interface RequestOptions {
  timeout?: number;
  signal?: AbortSignal;
}
interface Transport {
  start(): Promise<void>;
  close(): Promise<void>;
}
interface StdioServerParameters {
  command: string;
  args?: string[];
  env?: Record<string, string>;
  stderr?: 'pipe' | 'inherit' | 'ignore';
}
declare class StdioClientTransport implements Transport {
  constructor(server: StdioServerParameters);
  start(): Promise<void>;
  close(): Promise<void>;
}
declare class Client {
  constructor(info: { name: string; version: string }, options?: { capabilities?: Record<string, object> });
  connect(transport: Transport, options?: RequestOptions): Promise<void>;
  ping(options?: RequestOptions): Promise<object>;
  close(): Promise<void>;
}

interface McpServer {
  id: string;
  name: string;
  isActive: boolean;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  timeout?: number;
}

declare const logger: {
  debug(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  error(message: string, error?: unknown): void;
};
declare function getShellEnv(): Promise<Record<string, string>>;
declare function getAppVersion(): string;

export class McpRuntimeService {
  private clients: Map<string, Client> = new Map();
  private pendingClients: Map<string, Promise<Client>> = new Map();
  private statuses = new Map<string, 'connecting' | 'connected' | 'error'>();

  getServerKey(server: McpServer): string {
    return JSON.stringify({ id: server.id, command: server.command, args: server.args ?? [], env: server.env });
  }

  async withClient<T>(server: McpServer, operation: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.getOrCreateClient(server);
    return operation(client);
  }

  private async getOrCreateClient(server: McpServer): Promise<Client> {
    if (!server.isActive) throw new Error(`MCP server ${server.name} is disabled`);
    const serverKey = this.getServerKey(server);

    const pending = this.pendingClients.get(serverKey);
    if (pending) return pending;

    // reuse the cached client only if it still answers a ping
    const existingClient = this.clients.get(serverKey);
    if (existingClient) {
      try {
        const pingResult = await existingClient.ping({ timeout: 1000 });
        if (!pingResult) {
          this.clients.delete(serverKey); // expect: stop-on-evict
        } else {
          this.statuses.set(server.id, 'connected');
          return existingClient;
        }
      } catch (error) {
        logger.error(`Error pinging server ${server.name}`, error);
        this.clients.delete(serverKey); // expect: stop-on-evict
      }
    }

    this.statuses.set(server.id, 'connecting');
    const initPromise = (async () => {
      try {
        const client = new Client({ name: 'Cherry Studio', version: getAppVersion() }, { capabilities: {} });
        const transport = new StdioClientTransport({
          command: server.command ?? '',
          args: server.args,
          env: { ...(await getShellEnv()), ...server.env },
          stderr: 'pipe',
        });
        await client.connect(transport, { timeout: Math.max(server.timeout ?? 0, 180_000) });
        this.clients.set(serverKey, client);
        this.statuses.set(server.id, 'connected');
        return client;
      } catch (error) {
        this.statuses.set(server.id, 'error');
        throw error;
      } finally {
        this.pendingClients.delete(serverKey);
      }
    })();
    this.pendingClients.set(serverKey, initPromise);
    return initPromise;
  }

  async closeClient(serverKey: string): Promise<void> {
    const client = this.clients.get(serverKey);
    if (!client) {
      logger.warn('No client found for server', { serverKey });
      return;
    }
    await client.close();
    this.clients.delete(serverKey);
  }

  // the connectivity check already closed before dropping
  async checkMcpConnectivity(server: McpServer): Promise<boolean> {
    try {
      await this.withClient(server, (client) => client.ping({ timeout: 5000 }));
      return true;
    } catch (error) {
      await this.closeClient(this.getServerKey(server));
      return false;
    }
  }

  async onStop(): Promise<void> {
    await Promise.allSettled([...this.pendingClients.values()]);
    const results = await Promise.allSettled([...this.clients.keys()].map((key) => this.closeClient(key)));
    for (const result of results) {
      if (result.status === 'rejected') logger.error('Failed to close client', result.reason);
    }
    this.pendingClients.clear();
  }
}
