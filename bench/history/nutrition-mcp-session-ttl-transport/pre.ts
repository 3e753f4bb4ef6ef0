// history: akutishevsky/nutrition-mcp e630f94ba4d7 (PR #23) — https://github.com/akutishevsky/nutrition-mcp/commit/e630f94ba4d79e5993e3d5f28a383d2a80325081 (diff read)
// leaked: the periodic session TTL sweep deleted idle sessions from the module-level sessions map without closing their streamable-HTTP transport, so each expired session's open SSE stream kept the transport and its connected McpServer alive until restart.
// covers: container=map drop=delete resource=stream born=factory

// Shaped like @modelcontextprotocol/sdk's WebStandardStreamableHTTPServerTransport declarations (only the members used here).
declare class WebStandardStreamableHTTPServerTransport {
  constructor(options: {
    sessionIdGenerator?: () => string;
    onsessioninitialized?: (sessionId: string) => void | Promise<void>;
    onsessionclosed?: (sessionId: string) => void | Promise<void>;
  });
  handleRequest(req: Request): Promise<Response>;
  close(): Promise<void>;
}

// Shaped like @modelcontextprotocol/sdk's McpServer declarations.
declare class McpServer {
  constructor(info: { name: string; version: string }, options?: { capabilities?: Record<string, object> });
  connect(transport: WebStandardStreamableHTTPServerTransport): Promise<void>;
}

// Shaped like hono's Context (only the members used here).
interface Context {
  get(key: 'accessToken' | 'userId'): unknown;
  req: { raw: Request; method: string; header(name: string): string | undefined };
  json(body: unknown, status?: number): Response;
}

declare function registerTools(server: McpServer, userId: string): void;

const SESSION_TTL_MS = 60 * 60 * 1000;
const CLEANUP_INTERVAL_MS = 5 * 60 * 1000;

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  mcpToken: string;
  lastActivity: number;
}

const sessions = new Map<string, Session>();

setInterval(() => {
  const now = Date.now();
  for (const [id, session] of sessions) {
    if (now - session.lastActivity > SESSION_TTL_MS) {
      sessions.delete(id); // expect: stop-on-evict
    }
  }
}, CLEANUP_INTERVAL_MS);

export async function handleMcp(c: Context): Promise<Response> {
  const mcpToken = c.get('accessToken') as string;
  const userId = c.get('userId') as string;
  const sessionId = c.req.header('mcp-session-id');

  const session = sessionId ? sessions.get(sessionId) : undefined;
  if (sessionId && !session) {
    return c.json({ error: 'invalid_session' }, 404);
  }
  if (session && session.mcpToken !== mcpToken) {
    return c.json({ error: 'forbidden' }, 403);
  }
  if (session) {
    session.lastActivity = Date.now();
    return session.transport.handleRequest(c.req.raw);
  }

  if (c.req.method !== 'POST') {
    return c.json({ error: 'invalid_request' }, 400);
  }

  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
    onsessioninitialized: (id) => {
      sessions.set(id, { transport, mcpToken, lastActivity: Date.now() });
    },
    // the SDK calls this while it is itself closing the transport (client DELETE)
    onsessionclosed: (id) => {
      sessions.delete(id);
    },
  });

  const server = new McpServer({ name: 'nutrition-mcp', version: '1.13.1' }, { capabilities: { tools: {}, resources: {} } });
  registerTools(server, userId);
  await server.connect(transport);

  return transport.handleRequest(c.req.raw);
}
