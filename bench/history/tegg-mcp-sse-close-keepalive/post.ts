// history: eggjs/tegg b29d68bd4ec4 — https://github.com/eggjs/tegg/commit/b29d68bd4ec4cdbef5b8246426fa0391208e8ded (diff read)
// leaked: each MCP SSE session kept its keepalive setInterval in sseConnections, and the transport's onclose handler deleted the session's entry without clearInterval, so the closed session's timer, response and closure stayed armed until a later tick happened to notice the missing entry.
// covers: container=map drop=delete resource=interval born=factory
import type { IncomingMessage, ServerResponse } from 'node:http';

// Shaped like @modelcontextprotocol/sdk's JSON-RPC and transport declarations (only the members used here).
type JSONRPCMessage = { jsonrpc: '2.0'; id?: string | number; method?: string };

declare class SSEServerTransport {
  constructor(endpoint: string, res: ServerResponse);
  get sessionId(): string;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  handlePostMessage(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void>;
  send(message: JSONRPCMessage): Promise<void>;
  close(): Promise<void>;
}

declare class McpServer {
  connect(transport: SSEServerTransport): Promise<void>;
}

// The slice of egg's Context, router and logger the register touches.
interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  query: Record<string, string>;
  status: number;
  body: unknown;
  respond: boolean;
  set(headers: Record<string, string>): void;
}

interface Router {
  get(name: string, path: string, handler: (ctx: Context) => Promise<void>): void;
  post(name: string, path: string, handler: (ctx: Context) => Promise<void>): void;
}

interface McpConfig {
  sseInitPath: string;
  sseMessagePath: string;
  sseHeartTime: number;
}

type PendingReplies = Record<string, { resolve: (value: null) => void; reject: (reason?: unknown) => void }>;

class SessionSSETransport extends SSEServerTransport {
  async send(message: JSONRPCMessage): Promise<void> {
    let failure: Error | null = null;
    try {
      await super.send(message);
    } catch (err) {
      failure = err as Error;
    } finally {
      const pending = McpControllerRegister.instance?.pendingRepliesByTransport.get(this);
      const key = message.id === undefined ? undefined : String(message.id);
      if (pending && key !== undefined && pending[key]) {
        if (failure) pending[key].reject(failure);
        else pending[key].resolve(null);
        delete pending[key];
      }
    }
  }
}

export class McpControllerRegister {
  static instance?: McpControllerRegister;

  transports: Record<string, SessionSSETransport> = {};
  sseConnections = new Map<string, { res: ServerResponse; intervalId: NodeJS.Timeout }>();
  pendingRepliesByTransport = new Map<SessionSSETransport, PendingReplies>();

  constructor(
    private readonly router: Router,
    private readonly config: McpConfig,
    private readonly server: McpServer,
    private readonly logger: { info(...args: unknown[]): void; error(...args: unknown[]): void },
  ) {
    McpControllerRegister.instance = this;
  }

  registerSseInit(): void {
    this.router.get('mcpSseInit', this.config.sseInitPath, async (ctx) => {
      const transport = new SessionSSETransport(this.config.sseMessagePath, ctx.res);
      const id = transport.sessionId;
      // proxies drop idle event streams, so a comment line is written on a timer
      const intervalId = setInterval(() => {
        if (this.sseConnections.has(id) && !ctx.res.writableEnded) {
          ctx.res.write(': keepalive\n\n');
        } else {
          clearInterval(intervalId);
          this.sseConnections.delete(id);
        }
      }, this.config.sseHeartTime);
      this.sseConnections.set(id, { res: ctx.res, intervalId });
      this.transports[id] = transport;
      ctx.set({ 'content-type': 'text/event-stream', 'transfer-encoding': 'chunked' });
      ctx.respond = false;
      await this.server.connect(transport);
      this.wireSession(transport);
    });
  }

  private wireSession(transport: SessionSSETransport): void {
    const previousOnClose = transport.onclose;
    transport.onclose = () => {
      previousOnClose?.();
      delete this.transports[transport.sessionId];
      this.pendingRepliesByTransport.delete(transport);
      const connection = this.sseConnections.get(transport.sessionId);
      if (connection) {
        clearInterval(connection.intervalId);
        this.sseConnections.delete(transport.sessionId);
      }
    };
    transport.onerror = (error) => {
      this.logger.error('session %s error %o', transport.sessionId, error);
    };
    const deliver = transport.onmessage;
    this.pendingRepliesByTransport.set(transport, {});
    transport.onmessage = async (message) => {
      deliver?.(message);
      if (message.method !== undefined && message.id !== undefined) {
        const pending = this.pendingRepliesByTransport.get(transport)!;
        const key = String(message.id);
        await new Promise<null>((resolve, reject) => {
          pending[key] = { resolve, reject };
        });
      }
    };
  }

  registerSseMessages(): void {
    this.router.post('mcpSseMessage', this.config.sseMessagePath, async (ctx) => {
      const transport = this.transports[ctx.query.sessionId];
      if (!transport) {
        ctx.status = 404;
        ctx.body = { jsonrpc: '2.0', error: { code: -32602, message: 'No transport for sessionId' }, id: null };
        return;
      }
      this.logger.info('message for session', ctx.query.sessionId);
      try {
        await transport.handlePostMessage(ctx.req, ctx.res);
      } catch (error) {
        this.logger.error('failed to handle MCP message', error);
        if (!ctx.res.headersSent) {
          ctx.status = 500;
          ctx.body = { jsonrpc: '2.0', error: { code: -32603, message: String(error) }, id: null };
        }
      }
    });
  }
}
