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
  connection: WsWebSocket;
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
    const existing = this.activeConnections.get(requestId)?.connection;
    if (existing && (existing.readyState === ws.WebSocket.CONNECTING || existing.readyState === ws.WebSocket.OPEN)) {
      return existing;
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
      return Promise.resolve();
    }

    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });

    this.eventCallback('main:ws:disconnecting', requestId, connectionMeta.collectionUid);

    // force-destroy the socket if the close handshake never completes
    const timeoutId = setTimeout(() => {
      if (!this.closingResolvers.has(requestId)) return;
      try {
        connectionMeta.connection.terminate();
      } catch (_) {}
      if (this.closingResolvers.get(requestId)) {
        this.closingResolvers.delete(requestId);
        this.removeConnection(requestId);
        resolve();
      }
    }, 5000);

    this.closingResolvers.set(requestId, { resolve, timeoutId, promise });
    connectionMeta.connection.close(code, reason);
    return promise;
  }

  closeForCollection(collectionUid: string) {
    [...this.activeConnections.keys()].forEach((k) => {
      const meta = this.activeConnections.get(k)!;
      if (meta.collectionUid === collectionUid) {
        meta.connection.close();
        this.activeConnections.delete(k);
      }
    });
  }

  clearAllConnections() {
    const connectionIds = Array.from(this.activeConnections.keys());

    this.activeConnections.forEach((connection: any) => {
      if (connection.readyState === ws.WebSocket.OPEN) {
        connection.close(1000, 'Client clearing all connections');
      }
    });

    this.activeConnections.clear(); // expect: stop-on-evict

    if (connectionIds.length > 0) {
      this.eventCallback('main:ws:connections-changed', { type: 'cleared', activeConnectionIds: [] });
    }
  }

  private setupWsEventHandlers(socket: WsWebSocket, requestId: string, collectionUid: string, options: { keepAlive: boolean; keepAliveInterval: number }) {
    socket.on('open', () => {
      if (options.keepAlive) {
        const handle = setInterval(() => {
          socket.ping();
        }, options.keepAliveInterval);

        this.connectionKeepAlive.set(requestId, handle); // expect: stop-on-evict
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
      this.removeConnection(requestId);
    });

    socket.on('error', (error: Error) => {
      this.eventCallback('main:ws:error', requestId, collectionUid, { error: error.message });
    });
  }

  private addConnection(requestId: string, collectionUid: string, connection: WsWebSocket) {
    this.activeConnections.set(requestId, { collectionUid, connection });
    this.eventCallback('main:ws:connections-changed', { type: 'added', requestId });
  }

  private removeConnection(requestId: string) {
    if (this.connectionKeepAlive.has(requestId)) {
      clearInterval(this.connectionKeepAlive.get(requestId));
      this.connectionKeepAlive.delete(requestId);
    }

    if (this.activeConnections.has(requestId)) {
      this.activeConnections.delete(requestId);
      this.eventCallback('main:ws:connections-changed', { type: 'removed', requestId });
    }
  }
}
