// history: automerge/automerge-repo dc0d0adef53f — https://github.com/automerge/automerge-repo/commit/dc0d0adef53fa7aeb9c281e9fa67a15b5ede8a60 (diff read)
// leaked: LocalFirstAuthProvider#removeConnection() (reached from a peer disconnect or the connection's own "disconnected" event) deleted the started localfirst/auth Connection from the per-share connections map without calling stop(), so its running protocol state machine was never stopped.
// covers: container=object-map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';

// Shaped like @localfirst/auth's Connection declarations (only the members used here).
declare class AuthConnection extends EventEmitter {
  constructor(options: { context: { device: string }; sendMessage: (message: string) => void });
  start(storedMessages?: string[]): this;
  stop(): this;
  deliver(serializedMessage: string): void;
}

type ShareId = string;
type PeerId = string;

interface BaseAdapter {
  send(message: { type: 'auth'; targetId: PeerId; payload: { shareId: ShareId; message: string } }): void;
}

export class AuthProvider extends EventEmitter {
  #connections = {} as Record<ShareId, Record<PeerId, AuthConnection>>;

  constructor(private readonly device: string) {
    super();
  }

  connectPeers(shareId: ShareId, peerIds: PeerId[], adapter: BaseAdapter): void {
    for (const peerId of peerIds) {
      if (!this.#connections[shareId]?.[peerId]) {
        this.#createConnection(shareId, peerId, adapter);
      }
    }
  }

  onPeerDisconnected(peerId: PeerId): void {
    for (const shareId of Object.keys(this.#connections)) {
      if (peerId in this.#connections[shareId]) this.#disconnect(shareId, peerId);
    }
  }

  #createConnection(shareId: ShareId, peerId: PeerId, adapter: BaseAdapter): void {
    const connection = new AuthConnection({
      context: { device: this.device },
      sendMessage: message => adapter.send({ type: 'auth', targetId: peerId, payload: { shareId, message } }),
    });
    connection.on('connected', () => this.emit('connected', { shareId, peerId }));
    connection.on('disconnected', event => this.#disconnect(shareId, peerId, event));
    connection.start();

    const connections = this.#connections[shareId] || {};
    this.#connections[shareId] = { ...connections, [peerId]: connection };
  }

  #disconnect(shareId: ShareId, peerId: PeerId, event?: unknown): void {
    this.#removeConnection(shareId, peerId);
    this.emit('disconnected', { shareId, peerId, event });
  }

  #removeConnection(shareId: ShareId, peerId: PeerId): void {
    const connections = this.#connections[shareId];
    if (connections && peerId in connections) {
      const connection = connections[peerId];
      connection.stop();
      delete connections[peerId]; // ok: stop-on-evict
    }
  }
}
