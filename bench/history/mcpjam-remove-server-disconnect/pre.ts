// history: MCPJam/inspector fb4bb58182431027449173aac1d3e049bf4f8054 — https://github.com/MCPJam/inspector/pull/1265 (diff read)
// leaked: MCPClientManager.removeServer() reset the server's state, deleting its connected Client and transport (a stdio child process or HTTP stream) from clientStates without closing them.
// covers: container=map drop=delete resource=custom born=start-method

// Shapes from @modelcontextprotocol/sdk (only the members used here).
interface Transport {
  start(): Promise<void>;
  close(): Promise<void>;
}

declare class StdioClientTransport implements Transport {
  constructor(params: { command: string; args?: string[]; env?: Record<string, string> });
  start(): Promise<void>;
  close(): Promise<void>;
}

declare class Client {
  constructor(info: { name: string; version: string });
  connect(transport: Transport, opts?: { timeout?: number }): Promise<void>;
  close(): Promise<void>;
  onclose?: () => void;
}

interface StdioServerConfig {
  command: string;
  args?: string[];
  timeout?: number;
}

interface ManagedClientState {
  config: StdioServerConfig;
  timeout: number;
  client?: Client;
  transport?: Transport;
  promise?: Promise<Client>;
}

export class MCPClientManager {
  private readonly clientStates = new Map<string, ManagedClientState>();
  private readonly toolsMetadataCache = new Map<string, Map<string, unknown>>();
  private readonly notificationHandlers = new Map<string, Set<() => void>>();

  async connectToServer(serverId: string, config: StdioServerConfig): Promise<Client> {
    const timeout = config.timeout ?? 10_000;
    const existingState = this.clientStates.get(serverId);
    if (existingState?.client) {
      throw new Error(`MCP server "${serverId}" is already connected.`);
    }
    const state: ManagedClientState = existingState ?? { config, timeout };
    if (state.promise) {
      return state.promise;
    }
    state.promise = this.performConnection(serverId, config, timeout, state);
    this.clientStates.set(serverId, state);
    return state.promise;
  }

  async disconnectServer(serverId: string): Promise<void> {
    const state = this.clientStates.get(serverId);
    if (!state?.client) return;
    try {
      await state.client.close();
    } catch {
      // ignore close errors
    } finally {
      if (state.transport) {
        await state.transport.close().catch(() => {});
      }
      this.resetState(serverId);
    }
  }

  /** Removes a server from the manager entirely. */
  removeServer(serverId: string): void {
    this.resetState(serverId); // expect: stop-on-evict
    this.notificationHandlers.delete(serverId);
  }

  private async performConnection(serverId: string, config: StdioServerConfig, timeout: number, state: ManagedClientState): Promise<Client> {
    const client = new Client({ name: serverId, version: '1.0.0' });
    client.onclose = () => this.resetState(serverId);
    const transport = new StdioClientTransport({ command: config.command, args: config.args });
    await client.connect(transport, { timeout });
    state.client = client;
    state.transport = transport;
    state.promise = undefined;
    this.clientStates.set(serverId, state);
    return client;
  }

  private resetState(serverId: string): void {
    this.clientStates.delete(serverId);
    this.toolsMetadataCache.delete(serverId);
  }
}
