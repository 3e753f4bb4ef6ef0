// history: leanprover/vscode-lean4 fd07ca1ec989683831266db1342e2aa3ceacee43 — https://github.com/leanprover/vscode-lean4/commit/fd07ca1ec989683831266db1342e2aa3ceacee43 (diff read)
// leaked: when a call failed with RpcNeedsReconnect, the connected RpcSession was deleted from #connected without dispose(), so its keep-alive window.setInterval kept pinging the server forever.
// covers: container=map drop=delete resource=custom born=constructor env=browser

type DocumentUri = string;

interface EditorApi {
  sendClientRequest(method: string, params: unknown): Promise<any>;
  sendClientNotification(method: string, params: unknown): Promise<void>;
}

interface EditorConnection {
  api: EditorApi;
}

interface DocumentPosition {
  uri: DocumentUri;
  line: number;
  character: number;
}

const keepAlivePeriodMs = 10000;
const RpcNeedsReconnect = -32900;

class RpcSession {
  #ec: EditorConnection;
  #uri: DocumentUri;
  #keepAliveInterval: number;

  constructor(
    readonly sessionId: string,
    uri: DocumentUri,
    ec: EditorConnection,
  ) {
    this.#ec = ec;
    this.#uri = uri;
    // periodic ping that keeps the server-side session alive
    this.#keepAliveInterval = window.setInterval(() => {
      void this.#ec.api.sendClientNotification('$/lean/rpc/keepAlive', {
        uri: this.#uri,
        sessionId: this.sessionId,
      });
    }, keepAlivePeriodMs);
  }

  async call(pos: DocumentPosition, method: string, params: unknown): Promise<unknown> {
    return this.#ec.api.sendClientRequest('$/lean/rpc/call', {
      textDocument: { uri: pos.uri },
      position: { line: pos.line, character: pos.character },
      sessionId: this.sessionId,
      method,
      params,
    });
  }

  dispose(): void {
    window.clearInterval(this.#keepAliveInterval);
  }
}

export class RpcSessions {
  #connected = new Map<DocumentUri, RpcSession>();
  #connecting = new Map<DocumentUri, Promise<RpcSession>>();
  #ec: EditorConnection;

  constructor(ec: EditorConnection) {
    this.#ec = ec;
  }

  private async sessionAt(uri: DocumentUri): Promise<RpcSession | undefined> {
    if (this.#connected.has(uri)) return this.#connected.get(uri)!;
    if (this.#connecting.has(uri)) return this.#connecting.get(uri)!;
    return undefined;
  }

  private connectAt(uri: DocumentUri): void {
    if (this.#connecting.has(uri) || this.#connected.has(uri)) {
      throw new Error(`already connecting or connected at '${uri}'`);
    }
    this.ensureSessionClosed(uri);
    const pending: Promise<RpcSession> = this.#ec.api
      .sendClientRequest('$/lean/rpc/connect', { uri })
      .then((conn: { sessionId: string }) => new RpcSession(conn.sessionId, uri, this.#ec));
    this.#connecting.set(uri, pending);
    void pending.then((sesh) => {
      this.#connected.set(uri, sesh);
      this.#connecting.delete(uri);
    });
  }

  async call<T>(pos: DocumentPosition, method: string, params: unknown): Promise<T | undefined> {
    const sesh = await this.sessionAt(pos.uri);
    if (!sesh) {
      this.connectAt(pos.uri);
      return undefined;
    }
    try {
      return (await sesh.call(pos, method, params)) as T;
    } catch (ex: any) {
      if (ex.code === RpcNeedsReconnect) {
        const uri = pos.uri;
        if (!this.#connecting.has(uri)) {
          // force a reconnect
          if (this.#connected.has(uri)) {
            this.#connected.get(uri)?.dispose();
            this.#connected.delete(uri);
          }
          this.connectAt(uri);
        }
        return undefined;
      }
      throw ex;
    }
  }

  /** Closes the session at `uri`, connected or still connecting. */
  ensureSessionClosed(uri: DocumentUri): void {
    this.#connected.get(uri)?.dispose();
    this.#connected.delete(uri);
    void this.#connecting.get(uri)?.then((sesh) => {
      sesh.dispose();
      this.#connecting.delete(uri);
    });
  }

  dispose(): void {
    this.#connected.forEach((s) => s.dispose());
    this.#connecting.forEach((p) => void p.then((s) => s.dispose()));
  }
}
