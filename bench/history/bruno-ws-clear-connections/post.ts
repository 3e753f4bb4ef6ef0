// history: usebruno/bruno cf91406bb5483c063e6c2a05dee8c31556d22994 — https://github.com/usebruno/bruno/commit/cf91406bb5483c063e6c2a05dee8c31556d22994 (diff read)
// leaked: WsClient.clearAllConnections iterated the Map's {collectionUid, connection} records as if they were sockets, so nothing was closed before activeConnections.clear() dropped every live WebSocket, and a later 'open' for the same request stored a new keep-alive interval over the old one without clearing it.
// covers: container=map drop=clear resource=socket born=start-method
import { EventEmitter } from 'node:events';

// shaped like @types/ws (only the members used)
declare class WsWebSocket extends EventEmitter {
  static readonly CONNECTING: 0;
  static readonly OPEN: 1;
  static readonly CLOSING: 2;
  static readonly CLOSED: 3;
  readonly readyState: 0 | 1 | 2 | 3;
  readonly url: string;
  constructor(address: string, protocols?: string[], options?: { headers?: Record<string, string>; handshakeTimeout?: number });
  ping(): void;
  send(data: string, cb?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}
declare const ws: { WebSocket: typeof WsWebSocket };

type EventCallback = (channel: string, ...args: unknown[]) => void;

interface ConnectionMeta {
  collectionUid: string;
  connection: WsWebSocket | null;
}

interface ClosingResolver {
  resolve: () => void;
  timeoutId: NodeJS.Timeout;
  promise: Promise<void>;
}

interface StartOptions {
  keepAlive?: boolean;
  keepAliveInterval?: number;
  timeout?: number;
}

export class WsClient {
  activeConnections = new Map<string, ConnectionMeta>();
  connectionKeepAlive = new Map<string, NodeJS.Timeout>();
  closingResolvers = new Map<string, ClosingResolver>();

  constructor(private eventCallback: EventCallback) {}

  async startConnection(requestId: string, collectionUid: string, url: string, headers: Record<string, string>, options: StartOptions = {}) {
    const { timeout = 30000, keepAlive = false, keepAliveInterval = 10_000 } = options;

    // wait out an in-flight close
    if (this.closingResolvers.has(requestId)) {
      await this.closingResolvers.get(requestId)!.promise;
    }

    // reuse an in-flight / open socket
    const meta = this.activeConnections.get(requestId);
    const existing = meta?.connection;
    if (existing && (existing.readyState === ws.WebSocket.CONNECTING || existing.readyState === ws.WebSocket.OPEN)) {
      return existing;
    }
    if (existing) {
      this.detachSocket(requestId);
      this.activeConnections.delete(requestId);
    }

    const wsConnection = new ws.WebSocket(url, [], { headers, handshakeTimeout: timeout });
    this.setupWsEventHandlers(wsConnection, requestId, collectionUid, { keepAlive, keepAliveInterval });
    this.addConnection(requestId, collectionUid, wsConnection);
    this.eventCallback('main:ws:connecting', requestId, collectionUid);
    return wsConnection;
  }

  close(requestId: string, code = 1000, reason = 'Client initiated close'): Promise<void> {
    const connectionMeta = this.activeConnections.get(requestId);

    if (this.closingResolvers.has(requestId)) {
      return this.closingResolvers.get(requestId)!.promise;
    }
    if (!connectionMeta?.connection) {
      this.forgetRequest(requestId);
      return Promise.resolve();
    }
    const connection = connectionMeta.connection;

    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });

    const collectionUid = connectionMeta.collectionUid;

    // drop client state before the handshake so a late 'open' cannot use it
    this.clearClientState(requestId);

    this.eventCallback('main:ws:disconnecting', requestId, collectionUid);

    // force-destroy the socket if the close handshake never completes
    const timeoutId = setTimeout(() => {
      if (!this.closingResolvers.has(requestId)) return;
      try {
        connection.terminate();
      } catch (_) {}
      if (this.closingResolvers.get(requestId)) {
        this.closingResolvers.delete(requestId);
        this.eventCallback('main:ws:close', requestId, collectionUid, { code: 1006, reason: '' });
        this.forgetRequest(requestId);
        resolve();
      }
    }, 5000);

    this.closingResolvers.set(requestId, { resolve, timeoutId, promise });
    connection.close(code, reason);
    return promise;
  }

  closeForCollection(collectionUid: string) {
    for (const requestId of [...this.activeConnections.keys()]) {
      if (this.activeConnections.get(requestId)?.collectionUid === collectionUid) {
        this.close(requestId);
      }
    }
  }

  clearAllConnections() {
    const requestIds = new Set([...this.activeConnections.keys()]);

    for (const requestId of requestIds) {
      this.discard(requestId);
    }

    for (const [requestId, resolver] of this.closingResolvers) {
      clearTimeout(resolver.timeoutId);
      this.closingResolvers.delete(requestId);
      resolver.resolve();
    }

    if (requestIds.size > 0) {
      this.eventCallback('main:ws:connections-changed', { type: 'cleared', activeConnectionIds: [] });
    }
  }

  private setupWsEventHandlers(socket: WsWebSocket, requestId: string, collectionUid: string, options: { keepAlive: boolean; keepAliveInterval: number }) {
    socket.on('open', () => {
      if (options.keepAlive) {
        const handle = setInterval(() => {
          socket.ping();
        }, options.keepAliveInterval);

        this.connectionKeepAlive.set(requestId, handle);
      }
      this.eventCallback('main:ws:open', requestId, collectionUid, { url: socket.url });
    });

    socket.on('close', (code: number, reason: Buffer) => {
      const pendingClose = this.closingResolvers.get(requestId);
      if (pendingClose) {
        clearTimeout(pendingClose.timeoutId);
        this.closingResolvers.delete(requestId);
        pendingClose.resolve();
      }

      // timed-out / replaced socket: ignore so a replacement stays active
      if (this.activeConnections.get(requestId)?.connection !== socket) {
        return;
      }

      this.eventCallback('main:ws:close', requestId, collectionUid, { code, reason: reason.toString() });
      this.forgetRequest(requestId);
    });

    socket.on('error', (error: Error) => {
      this.eventCallback('main:ws:error', requestId, collectionUid, { error: error.message });
    });
  }

  private addConnection(requestId: string, collectionUid: string, connection: WsWebSocket) {
    this.activeConnections.set(requestId, { collectionUid, connection });
    this.eventCallback('main:ws:connections-changed', { type: 'added', requestId });
  }

  private detachSocket(requestId: string) {
    const meta = this.activeConnections.get(requestId);
    const conn = meta?.connection;
    // detach before terminate so a sync close does not re-enter forgetRequest
    if (meta) meta.connection = null;
    if (conn) {
      try {
        conn.terminate();
      } catch (_) {}
    }
    if (this.connectionKeepAlive.has(requestId)) {
      clearInterval(this.connectionKeepAlive.get(requestId));
      this.connectionKeepAlive.delete(requestId);
    }
  }

  private discard(requestId: string) {
    this.detachSocket(requestId);
    this.forgetRequest(requestId);
  }

  private clearClientState(requestId: string) {
    if (this.connectionKeepAlive.has(requestId)) {
      clearInterval(this.connectionKeepAlive.get(requestId));
      this.connectionKeepAlive.delete(requestId);
    }
  }

  private forgetRequest(requestId: string) {
    this.clearClientState(requestId);

    if (this.activeConnections.has(requestId)) {
      this.activeConnections.delete(requestId);
      this.eventCallback('main:ws:connections-changed', { type: 'removed', requestId });
    }
  }
}
