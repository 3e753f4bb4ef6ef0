// history: mcp-use/mcp-use fb3904afcb27 (PR #1964) — https://github.com/mcp-use/mcp-use/commit/fb3904afcb2734b89524ca7bdea3c38e903da4ee (diff read)
// leaked: BaseMCPClient.createSession() stored the new session over this.sessions[serverName] without disconnecting the session already in that slot, so the replaced connector and the transport it owned (a stdio child process, or a server-side HTTP session) became unreachable from closeSession()/closeAllSessions() and lived until the process exited.
// covers: container=object-map drop=overwrite resource=custom born=factory

interface StdioServerConfig {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}
interface HttpServerConfig {
  url: string;
  headers?: Record<string, string>;
}
type ServerConfig = StdioServerConfig | HttpServerConfig;

declare const logger: {
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

// The package's transport layer: each connector owns one transport (a spawned child process
// for stdio, an HTTP session for url servers).
declare abstract class BaseConnector {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  initialize(): Promise<void>;
}
declare class StdioConnector extends BaseConnector {
  constructor(options: { command: string; args?: string[]; env?: Record<string, string> });
}
declare class HttpConnector extends BaseConnector {
  constructor(options: { url: string; headers?: Record<string, string> });
}

export class MCPSession {
  constructor(readonly connector: BaseConnector) {}

  async initialize(): Promise<void> {
    await this.connector.connect();
    await this.connector.initialize();
  }

  async disconnect(): Promise<void> {
    await this.connector.disconnect();
  }
}

export abstract class BaseMCPClient {
  protected config: { mcpServers?: Record<string, ServerConfig> } = {};
  // one slot per configured server
  protected sessions: Record<string, MCPSession> = {};
  public activeSessions: string[] = [];

  protected abstract createConnectorFromConfig(serverConfig: ServerConfig): BaseConnector | Promise<BaseConnector>;

  // documented as: an existing session for the server is replaced by the new one
  public async createSession(serverName: string, autoInitialize = true): Promise<MCPSession> {
    const serverConfig = this.config.mcpServers?.[serverName];
    if (!serverConfig) throw new Error(`Server '${serverName}' not found in config`);

    const connector = await Promise.resolve(this.createConnectorFromConfig({ ...serverConfig }));
    const session = new MCPSession(connector);
    if (autoInitialize) await session.initialize();

    this.sessions[serverName] = session; // expect: stop-on-evict
    if (!this.activeSessions.includes(serverName)) this.activeSessions.push(serverName);
    return session;
  }

  public getSession(serverName: string): MCPSession | null {
    return this.sessions[serverName] ?? null;
  }

  public async closeSession(serverName: string): Promise<void> {
    const session = this.sessions[serverName];
    if (!session) {
      logger.warn(`${serverName}: no session to close`);
      return;
    }
    try {
      await session.disconnect();
    } catch (e) {
      logger.error(`${serverName}: closing the session failed: ${e}`);
    } finally {
      // a createSession() that ran during the await may already own the slot
      if (this.sessions[serverName] === session) {
        delete this.sessions[serverName];
        this.activeSessions = this.activeSessions.filter((n) => n !== serverName);
      }
    }
  }

  public async closeAllSessions(): Promise<void> {
    for (const serverName of Object.keys(this.sessions)) {
      await this.closeSession(serverName);
    }
  }

  public async removeServer(name: string): Promise<void> {
    if (!this.config.mcpServers?.[name]) return;
    await this.closeSession(name);
    delete this.config.mcpServers[name];
  }
}

// Node entry point: stdio servers are spawned as child processes
export class MCPClient extends BaseMCPClient {
  constructor(config: { mcpServers: Record<string, ServerConfig> }) {
    super();
    this.config = config;
  }

  protected createConnectorFromConfig(serverConfig: ServerConfig): BaseConnector {
    if ('command' in serverConfig) {
      return new StdioConnector({ command: serverConfig.command, args: serverConfig.args, env: serverConfig.env });
    }
    return new HttpConnector({ url: serverConfig.url, headers: serverConfig.headers });
  }
}
