// history: czlonkowski/n8n-mcp PR #472 — https://github.com/czlonkowski/n8n-mcp/pull/472 (from the PR text)
// leaked: SingleSessionHTTPServer.removeSession (run on expiry, transport close and instance reconnect) deleted the per-session N8NDocumentationMCPServer from its servers map without closing it, so every dropped session kept its SDK server connection, request handlers and cached node data alive.
// covers: container=object-map drop=delete resource=custom born=factory
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

// Shaped like @modelcontextprotocol/sdk's transport declarations (only the members used here).
interface Transport {
  sessionId?: string;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  close(): Promise<void>;
}

declare class StreamableHTTPServerTransport implements Transport {
  constructor(options: {
    sessionIdGenerator: (() => string) | undefined;
    onsessioninitialized?: (sessionId: string) => void | Promise<void>;
  });
  sessionId?: string;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  handleRequest(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void>;
  close(): Promise<void>;
}

// Shaped like @modelcontextprotocol/sdk's low-level Server declarations.
declare class Server {
  constructor(info: { name: string; version: string }, options?: { capabilities?: Record<string, object> });
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}

interface InstanceContext {
  instanceId?: string;
  n8nApiUrl?: string;
}

declare const PROJECT_VERSION: string;

class SimpleCache {
  private readonly entries = new Map<string, { data: unknown; expires: number }>();
  private readonly sweep: NodeJS.Timeout;

  constructor() {
    this.sweep = setInterval(() => {
      const now = Date.now();
      for (const [key, entry] of this.entries) {
        if (entry.expires < now) this.entries.delete(key);
      }
    }, 60_000);
  }

  get(key: string): unknown {
    const entry = this.entries.get(key);
    return entry && entry.expires > Date.now() ? entry.data : undefined;
  }

  set(key: string, data: unknown, ttlSeconds = 300): void {
    this.entries.set(key, { data, expires: Date.now() + ttlSeconds * 1000 });
  }

  clear(): void {
    this.entries.clear();
  }
}

class N8NDocumentationMCPServer {
  private readonly server: Server;
  private readonly cache = new SimpleCache();

  constructor(private instanceContext?: InstanceContext) {
    this.server = new Server({ name: 'n8n-documentation-mcp', version: PROJECT_VERSION }, { capabilities: { tools: {} } });
  }

  async connect(transport: Transport): Promise<void> {
    await this.server.connect(transport);
  }

  async close(): Promise<void> {
    try {
      await this.server.close();
      this.cache.clear();
      this.instanceContext = undefined;
    } catch (error) {
      console.warn('Error closing MCP server', error);
    }
  }

  lookupNode(nodeType: string): unknown {
    const hit = this.cache.get(nodeType);
    if (hit !== undefined) return hit;
    const info = { nodeType, instance: this.instanceContext?.instanceId };
    this.cache.set(nodeType, info);
    return info;
  }
}

export class SingleSessionHTTPServer {
  private transports: { [sessionId: string]: StreamableHTTPServerTransport } = {};
  private servers: { [sessionId: string]: N8NDocumentationMCPServer } = {};
  private sessionMetadata: { [sessionId: string]: { lastAccess: Date; createdAt: Date } } = {};
  private sessionContexts: { [sessionId: string]: InstanceContext | undefined } = {};
  private readonly sessionTimeout = 30 * 60 * 1000;
  private cleanupTimer: NodeJS.Timeout | null = null;

  constructor() {
    this.cleanupTimer = setInterval(() => this.cleanupExpiredSessions(), 5 * 60 * 1000);
  }

  private cleanupExpiredSessions(): void {
    const now = Date.now();
    for (const sessionId in this.sessionMetadata) {
      if (now - this.sessionMetadata[sessionId].lastAccess.getTime() > this.sessionTimeout) {
        void this.removeSession(sessionId, 'expired');
      }
    }
  }

  private async removeSession(sessionId: string, reason: string): Promise<void> {
    try {
      const transport = this.transports[sessionId];
      const server = this.servers[sessionId];

      // entries go first so the transport's onclose does not come back in here
      delete this.transports[sessionId];
      delete this.servers[sessionId];
      delete this.sessionMetadata[sessionId];
      delete this.sessionContexts[sessionId];

      // the server goes before its transport; a failed close must not skip the transport
      if (server) {
        try {
          await server.close();
        } catch (serverError) {
          console.warn('Error closing server', { sessionId, error: serverError });
        }
      }

      if (transport) {
        await transport.close();
      }
      console.info('Session removed', { sessionId, reason });
    } catch (error) {
      console.warn('Error removing session', { sessionId, reason, error });
    }
  }

  async handleRequest(req: IncomingMessage, res: ServerResponse, body: { method?: string }, instanceContext?: InstanceContext): Promise<void> {
    const sessionId = req.headers['mcp-session-id'] as string | undefined;
    let transport: StreamableHTTPServerTransport;

    if (!sessionId && body.method === 'initialize') {
      if (instanceContext?.instanceId) {
        for (const [existingId, context] of Object.entries(this.sessionContexts)) {
          if (context?.instanceId === instanceContext.instanceId && this.transports[existingId]) {
            await this.removeSession(existingId, 'instance_reconnect');
          }
        }
      }

      const newSessionId = randomUUID();
      const server = new N8NDocumentationMCPServer(instanceContext);
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => newSessionId,
        onsessioninitialized: (initializedId) => {
          this.transports[initializedId] = transport;
          this.servers[initializedId] = server;
          this.sessionMetadata[initializedId] = { lastAccess: new Date(), createdAt: new Date() };
          this.sessionContexts[initializedId] = instanceContext;
        },
      });
      transport.onclose = () => {
        const sid = transport.sessionId;
        if (sid) void this.removeSession(sid, 'transport_closed');
      };
      await server.connect(transport);
    } else if (sessionId && this.transports[sessionId]) {
      transport = this.transports[sessionId];
      this.sessionMetadata[sessionId].lastAccess = new Date();
    } else {
      res.statusCode = 400;
      res.end('No valid session ID provided');
      return;
    }

    await transport.handleRequest(req, res, body);
  }

  async shutdown(): Promise<void> {
    if (this.cleanupTimer) {
      clearInterval(this.cleanupTimer);
      this.cleanupTimer = null;
    }
    for (const sessionId of Object.keys(this.transports)) {
      await this.removeSession(sessionId, 'server_shutdown');
    }
  }
}
