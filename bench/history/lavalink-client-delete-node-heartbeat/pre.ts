// history: Tomato6966/lavalink-client PR #88 — https://github.com/Tomato6966/lavalink-client/pull/88 (diff read)
// leaked: LavalinkNode.destroy() with deleteNode removed the node from NodeManager.nodes after detaching its socket listeners but never cleared its heartbeat interval or ping timeout, so a deleted node kept pinging (and logging) on its interval forever.
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';

// shaped like the `ws` package typings (only what the reduction uses)
declare class WebSocket extends EventEmitter {
  static readonly OPEN: 1;
  readonly readyState: 0 | 1 | 2 | 3;
  constructor(address: string, options?: { headers?: Record<string, string> });
  ping(data?: unknown): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

class MiniMap<K, V> extends Map<K, V> {
  filter(fn: (value: V, key: K) => boolean): MiniMap<K, V> {
    const out = new MiniMap<K, V>();
    for (const [key, value] of this) {
      if (fn(value, key)) out.set(key, value);
    }
    return out;
  }
}

interface LavalinkNodeOptions {
  id?: string;
  host: string;
  port: number;
  authorization: string;
  retryAmount?: number;
  retryDelay?: number;
  heartBeatInterval?: number;
  enablePingOnStatsCheck?: boolean;
}

interface Player {
  guildId: string;
  node: LavalinkNode;
  destroy(reason?: string): Promise<void>;
}

export class NodeManager extends EventEmitter {
  nodes: MiniMap<string, LavalinkNode> = new MiniMap();
  players: MiniMap<string, Player> = new MiniMap();

  createNode(options: LavalinkNodeOptions): LavalinkNode {
    const id = options.id || `${options.host}:${options.port}`;
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node = new LavalinkNode(options, this);
    this.nodes.set(node.id, node);
    return node;
  }

  deleteNode(node: string | LavalinkNode): void {
    const target = typeof node === 'string' ? this.nodes.get(node) : node;
    if (!target) throw new Error('Node was not found');
    target.destroy('NodeDeleted');
    this.nodes.delete(target.id);
  }
}

export class LavalinkNode {
  private heartBeatInterval?: NodeJS.Timeout;
  private pingTimeout?: NodeJS.Timeout;
  private reconnectTimeout?: NodeJS.Timeout;
  private reconnectAttempts = 1;
  private socket: WebSocket | null = null;
  isAlive = false;
  readonly options: Required<Omit<LavalinkNodeOptions, 'id'>> & { id?: string };

  constructor(options: LavalinkNodeOptions, private readonly NodeManager: NodeManager) {
    this.options = { retryAmount: 5, retryDelay: 10e3, heartBeatInterval: 30_000, enablePingOnStatsCheck: true, ...options };
  }

  get id(): string {
    return this.options.id || `${this.options.host}:${this.options.port}`;
  }

  get connected(): boolean {
    return !!this.socket && this.socket.readyState === WebSocket.OPEN;
  }

  connect(): void {
    if (this.connected) return;
    this.socket = new WebSocket(`ws://${this.options.host}:${this.options.port}/v4/websocket`, {
      headers: { Authorization: this.options.authorization },
    });
    this.socket.on('open', () => this.open());
    this.socket.on('close', (code: number, reason: Buffer) => this.close(code, reason?.toString()));
    this.socket.on('message', (data: Buffer) => this.message(data));
  }

  destroy(destroyReason?: string, deleteNode = true): void {
    if (!this.connected) return;

    const players = this.NodeManager.players.filter((p) => p.node.id === this.id);
    players.forEach((p) => {
      void p.destroy(destroyReason || 'NodeDestroy');
    });

    this.socket!.close(1000, 'Node-Destroy');
    this.socket!.removeAllListeners();
    this.socket = null;

    this.reconnectAttempts = 1;
    clearTimeout(this.reconnectTimeout);

    if (deleteNode) {
      this.NodeManager.emit('destroy', this, destroyReason);
      this.NodeManager.nodes.delete(this.id); // expect: stop-on-evict
    } else {
      this.NodeManager.emit('disconnect', this, { code: 1000, reason: destroyReason });
    }
  }

  private heartBeat(): void {
    if (this.pingTimeout) clearTimeout(this.pingTimeout);
    this.pingTimeout = setTimeout(() => {
      this.pingTimeout = undefined;
      if (!this.socket) return;
      this.isAlive = false;
      this.socket.terminate();
    }, 65_000);
  }

  private reconnect(): void {
    this.reconnectTimeout = setTimeout(() => {
      this.reconnectTimeout = undefined;
      if (this.reconnectAttempts >= this.options.retryAmount) {
        this.NodeManager.emit('error', this, new Error(`Unable to connect after ${this.options.retryAmount} attempts.`));
        return this.destroy('NodeReconnectFail');
      }
      this.socket?.removeAllListeners();
      this.socket = null;
      this.connect();
      this.reconnectAttempts++;
    }, this.options.retryDelay);
  }

  private open(): void {
    this.isAlive = true;
    if (this.options.enablePingOnStatsCheck) this.heartBeat();

    if (this.heartBeatInterval) clearInterval(this.heartBeatInterval);
    if (this.options.heartBeatInterval > 0) {
      this.socket!.on('pong', () => {
        this.isAlive = true;
      });
      this.heartBeatInterval = setInterval(() => {
        if (!this.socket) return console.error('Node-Heartbeat-Interval - Socket not available - maybe reconnecting?');
        if (!this.isAlive) this.close(500, 'Node-Heartbeat-Timeout');
        this.isAlive = false;
        this.socket.ping();
      }, this.options.heartBeatInterval);
    }

    if (this.reconnectTimeout) clearTimeout(this.reconnectTimeout);
    this.reconnectAttempts = 1;
    this.NodeManager.emit('connect', this);
  }

  private close(code: number, reason: string): void {
    if (this.pingTimeout) clearTimeout(this.pingTimeout);
    if (this.heartBeatInterval) clearInterval(this.heartBeatInterval);
    if (code === 1000 && reason === 'Node-Disconnect') return;

    this.NodeManager.emit('disconnect', this, { code, reason });

    if (code !== 1000 || reason !== 'Node-Destroy') this.reconnect();
  }

  private message(data: Buffer): void {
    const payload = JSON.parse(data.toString()) as { op: string };
    if (payload.op === 'stats' && this.options.enablePingOnStatsCheck) this.heartBeat();
  }
}
