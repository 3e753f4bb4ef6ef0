// history: modelcontextprotocol/inspector fe57d7e952d8ec679821c3959b24171b042fe09b — https://github.com/modelcontextprotocol/inspector/commit/fe57d7e952d8ec679821c3959b24171b042fe09b (diff read)
// leaked: the proxy's DELETE /mcp handler terminated the upstream session and dropped the StreamableHTTPClientTransport from serverTransports without close(), leaving its abort controller and reconnection timers alive.
// covers: container=map drop=delete resource=custom born=factory

import { randomUUID } from 'node:crypto';

// Shapes from @modelcontextprotocol/sdk (only the members used here).
interface Transport {
  start(): Promise<void>;
  close(): Promise<void>;
  onclose?: () => void;
}

declare class StreamableHTTPClientTransport implements Transport {
  constructor(url: URL, opts?: { fetch?: typeof fetch });
  start(): Promise<void>;
  close(): Promise<void>;
  terminateSession(): Promise<void>;
  onclose?: () => void;
}

declare class StreamableHTTPServerTransport implements Transport {
  constructor(opts: { sessionIdGenerator: () => string; onsessioninitialized?: (sessionId: string) => void });
  start(): Promise<void>;
  close(): Promise<void>;
  handleRequest(req: Req, res: Res, body?: unknown): Promise<void>;
  onclose?: () => void;
}

// Minimal express-like surface.
interface Req {
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  body?: unknown;
}
interface Res {
  status(code: number): Res;
  end(msg?: string): void;
  json(v: unknown): void;
}
type Handler = (req: Req, res: Res) => Promise<void>;
declare const app: {
  post(path: string, h: Handler): void;
  delete(path: string, h: Handler): void;
};
declare function mcpProxy(p: { transportToClient: Transport; transportToServer: Transport }): void;

// Server transports by web app session id.
const serverTransports: Map<string, Transport> = new Map<string, Transport>();
const sessionHeaderHolders: Map<string, { headers: Record<string, string> }> = new Map();

async function createTransport(req: Req): Promise<{ transport: Transport; headerHolder: { headers: Record<string, string> } }> {
  const headerHolder = { headers: { Accept: 'text/event-stream, application/json' } };
  const transport = new StreamableHTTPClientTransport(new URL(req.query.url ?? ''), {});
  await transport.start();
  return { transport, headerHolder };
}

app.post('/mcp', async (req, res) => {
  const { transport: serverTransport, headerHolder } = await createTransport(req);
  const webAppTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    onsessioninitialized: (sessionId) => {
      serverTransports.set(sessionId, serverTransport);
      sessionHeaderHolders.set(sessionId, headerHolder);
    },
  });
  await webAppTransport.start();
  mcpProxy({ transportToClient: webAppTransport, transportToServer: serverTransport });
  await webAppTransport.handleRequest(req, res, req.body);
});

app.delete('/mcp', async (req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  if (sessionId) {
    try {
      const serverTransport = serverTransports.get(sessionId) as StreamableHTTPClientTransport;
      if (!serverTransport) {
        res.status(404).end('Transport not found for sessionId ' + sessionId);
      } else {
        await serverTransport.terminateSession();
        await serverTransport.close();
        serverTransports.delete(sessionId);
        sessionHeaderHolders.delete(sessionId);
        console.log(`Transports removed for sessionId ${sessionId}`);
      }
      res.status(200).end();
    } catch (error) {
      console.error('Error in /mcp route:', error);
      res.status(500).json(error);
    }
  }
});

export {};
