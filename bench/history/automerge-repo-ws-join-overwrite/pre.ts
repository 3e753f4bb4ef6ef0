// history: automerge/automerge-repo 483005052953 (PR #206) — https://github.com/automerge/automerge-repo/commit/48300505295386d5c920e659a1ee856b15211d91 (diff read)
// leaked: NodeWSServerAdapter.receiveMessage() on a second "join" from the same peer id stored the new socket in the sockets object map over the previous one without closing it, so the stale WebSocket stayed open (and the peer's sync state was never reset).
// covers: container=object-map drop=overwrite resource=socket born=parameter
import { EventEmitter } from 'node:events';

// Shaped like the `ws` package declarations (only the members used here).
declare class WebSocket extends EventEmitter {
  static readonly OPEN: 1;
  readonly readyState: 0 | 1 | 2 | 3;
  send(data: ArrayBuffer | Uint8Array | string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}
declare class WebSocketServer extends EventEmitter {}

type PeerId = string & { readonly __peer: unique symbol };

interface JoinMessage {
  type: 'join';
  senderId: PeerId;
  supportedProtocolVersions?: string[];
}
interface LeaveMessage {
  type: 'leave';
  senderId: PeerId;
}
type ClientMessage = JoinMessage | LeaveMessage;

declare function decodeMessage(bytes: Uint8Array): ClientMessage;
declare function encodeMessage(message: object): Uint8Array;

export class SocketServerAdapter extends EventEmitter {
  sockets: { [peerId: PeerId]: WebSocket } = {};

  constructor(readonly server: WebSocketServer, readonly peerId: PeerId) {
    super();
    this.server.on('connection', (socket: WebSocket) => {
      socket.on('close', () => {
        for (const [otherPeerId, otherSocket] of Object.entries(this.sockets)) {
          if (otherSocket === socket) {
            this.emit('peer-disconnected', { peerId: otherPeerId });
            delete this.sockets[otherPeerId as PeerId];
          }
        }
      });
      socket.on('message', (bytes: Uint8Array) => this.receiveMessage(bytes, socket));
    });
  }

  receiveMessage(bytes: Uint8Array, socket: WebSocket): void {
    const message = decodeMessage(bytes);
    const { senderId } = message;

    switch (message.type) {
      case 'join': {
        this.emit('peer-candidate', { peerId: senderId });
        this.sockets[senderId] = socket; // expect: stop-on-evict

        const versions = message.supportedProtocolVersions;
        if (versions !== undefined && !versions.includes('1')) {
          socket.send(encodeMessage({ type: 'error', message: 'unsupported protocol version' }));
          this.sockets[senderId].close();
          delete this.sockets[senderId];
        } else {
          socket.send(encodeMessage({ type: 'peer', senderId: this.peerId, selectedProtocolVersion: '1' }));
        }
        break;
      }
      case 'leave':
        break;
    }
  }
}
