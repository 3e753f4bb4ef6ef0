// history: ArkEcosystem/core a853d63ff38c — https://github.com/ArkEcosystem/core/commit/a853d63ff38ca976d79635dba92352b4567d00bf (diff read)
// leaked: PeerConnector.terminate() (called when a peer sent ping/pong frames or flooded messages) killed only the raw ws socket under the SocketCluster client and forgot the client from its connections repository without destroy(), so the client object kept its listeners and reconnect machinery alive after it was dropped.
// covers: container=map drop=delete resource=socket born=factory
interface ClientOptions {
  hostname?: string;
  port?: number;
  ackTimeout?: number;
  perMessageDeflate?: boolean;
  maxPayload?: number;
}

declare class SCClientSocket {
  readonly id: string;
  readonly state: string;
  on(event: string, listener: (...args: any[]) => void): this;
  emit(event: string, data?: any, callback?: (err: Error | null, data?: any) => void): void;
  disconnect(code?: number, data?: any): void;
  destroy(code?: number, data?: any): void;
}

declare function create(options?: ClientOptions): SCClientSocket;

interface Peer {
  readonly ip: string;
  readonly port: number;
}

interface P2POptions {
  getBlocksTimeout: number;
  verifyTimeout: number;
}

// a thin keyed store the p2p layer uses for connections and peers
class PeerRepository<T> {
  private readonly repository: Map<string, T> = new Map<string, T>();

  public values(): T[] {
    return [...this.repository.values()];
  }

  public get(key: string): T | undefined {
    return this.repository.get(key);
  }

  public set(key: string, value: T): void {
    this.repository.set(key, value);
  }

  public forget(key: string): void {
    this.repository.delete(key);
  }
}

export class PeerConnector {
  private readonly connections: PeerRepository<SCClientSocket> = new PeerRepository<SCClientSocket>();
  private readonly errors: Map<string, string> = new Map<string, string>();

  constructor(private readonly options: P2POptions) {}

  public all(): SCClientSocket[] {
    return this.connections.values();
  }

  public connection(peer: Peer): SCClientSocket | undefined {
    return this.connections.get(peer.ip);
  }

  public connect(peer: Peer, maxPayload?: number): SCClientSocket {
    const connection = this.connection(peer) || this.create(peer);

    const socket = (connection as any).transport.socket;
    if (maxPayload && socket._receiver) {
      socket._receiver._maxPayload = maxPayload;
    }

    this.connections.set(peer.ip, connection);

    return connection;
  }

  public disconnect(peer: Peer): void {
    const connection = this.connection(peer);

    if (connection) {
      connection.destroy();

      this.connections.forget(peer.ip);
    }
  }

  public terminate(peer: Peer): void {
    const connection = this.connection(peer);

    if (connection) {
      (connection as any).transport.socket.terminate();
      connection.destroy();

      this.connections.forget(peer.ip);
    }
  }

  public emit(peer: Peer, event: string, data: any): void {
    this.connection(peer)?.emit(event, data);
  }

  public getError(peer: Peer): string | undefined {
    return this.errors.get(peer.ip);
  }

  public setError(peer: Peer, error: string): void {
    this.errors.set(peer.ip, error);
  }

  public forgetError(peer: Peer): void {
    this.errors.delete(peer.ip);
  }

  private create(peer: Peer): SCClientSocket {
    const connection = create({
      port: peer.port,
      hostname: peer.ip,
      ackTimeout: Math.max(this.options.getBlocksTimeout, this.options.verifyTimeout),
      perMessageDeflate: false,
      maxPayload: 102400,
    });

    const socket = (connection as any).transport.socket;

    // peers must not send control frames; a flood of messages is cut off as well
    socket.on('ping', () => this.terminate(peer));
    socket.on('pong', () => this.terminate(peer));
    socket.on('message', () => {
      const now = Date.now();
      const recent: number[] = (socket._recentMessages = socket._recentMessages || []);
      recent.push(now);
      if (recent.length >= 30) {
        socket._recentMessages = recent.slice(recent.length - 30);
        if (now - socket._recentMessages[0] < 1000) {
          this.terminate(peer);
        }
      }
    });

    connection.on('error', () => this.disconnect(peer));

    return connection;
  }
}
