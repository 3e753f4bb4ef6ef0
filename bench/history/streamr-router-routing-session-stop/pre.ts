// history: streamr-dev/network b2ed770a156d (PR #2030) — https://github.com/streamr-dev/network/commit/b2ed770a156d12b314c33aa7891146dcb12b2a5b (diff read)
// leaked: once a routing session finished (or its 10 s race timed out) the DHT Router deleted it from ongoingRoutingSessions without stopping it, so the session's contact list and the listeners hung on it were never torn down.
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';

interface PeerDescriptor {
  nodeId: string;
}

interface RouteMessageWrapper {
  requestId: string;
  sourcePeer: PeerDescriptor;
  destinationPeer: PeerDescriptor;
  routingPath: PeerDescriptor[];
}

interface RouteMessageAck {
  requestId: string;
  error: string;
}

// Shaped like @streamr/utils' declarations (only the members used here).
declare function raceEvents3(emitter: EventEmitter, events: string[], timeout: number | null): Promise<unknown>;
declare function withTimeout<T>(task: Promise<T>, timeoutMs: number): Promise<T>;

export enum RoutingMode { ROUTE, FORWARD }

class SortedContactList extends EventEmitter {
  private readonly contacts = new Map<string, PeerDescriptor>();

  constructor(readonly targetId: string, private readonly maxSize: number) {
    super();
  }

  addContacts(peers: PeerDescriptor[]): void {
    for (const peer of peers) {
      if (this.contacts.size < this.maxSize && !this.contacts.has(peer.nodeId)) {
        this.contacts.set(peer.nodeId, peer);
        this.emit('newContact', peer);
      }
    }
  }

  size(): number {
    return this.contacts.size;
  }

  stop(): void {
    this.removeAllListeners();
    this.contacts.clear();
  }
}

class RoutingSession extends EventEmitter {
  readonly sessionId = randomUUID();
  private readonly contactList: SortedContactList;
  private stopped = false;

  constructor(
    private readonly message: RouteMessageWrapper,
    private readonly connections: Map<string, PeerDescriptor>,
    readonly mode: RoutingMode,
  ) {
    super();
    this.contactList = new SortedContactList(message.destinationPeer.nodeId, 10000);
  }

  start(): void {
    this.contactList.addContacts(Array.from(this.connections.values()));
    if (this.contactList.size() < 1) {
      this.stopped = true;
      this.emit('noCandidatesFound', this.sessionId);
      throw new Error('noCandidatesFound ' + this.sessionId);
    }
    setImmediate(() => {
      if (!this.stopped) {
        this.stopped = true;
        this.emit('routingSucceeded', this.sessionId, this.message.requestId);
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.contactList.stop();
    this.emit('stopped', this.sessionId);
    this.removeAllListeners();
  }
}

interface ForwardingTableEntry {
  timeout: NodeJS.Timeout;
  peerDescriptors: PeerDescriptor[];
}

export class Router {
  private readonly forwardingTable = new Map<string, ForwardingTableEntry>();
  private ongoingRoutingSessions: Map<string, RoutingSession> = new Map();
  private stopped = false;

  constructor(
    private readonly localPeerDescriptor: PeerDescriptor,
    private readonly connections: Map<string, PeerDescriptor>,
  ) {}

  doRouteMessage(routedMessage: RouteMessageWrapper, mode = RoutingMode.ROUTE): RouteMessageAck {
    if (this.stopped) {
      return { requestId: routedMessage.requestId, error: 'DhtNode Stopped' };
    }
    routedMessage.routingPath.push(this.localPeerDescriptor);
    const session = new RoutingSession(routedMessage, this.connections, mode);
    this.addRoutingSession(session);
    try {
      const eventReceived = raceEvents3(
        session,
        ['routingSucceeded', 'partialSuccess', 'routingFailed', 'stopped', 'noCandidatesFound'],
        null,
      );
      setImmediate(async () => {
        try {
          await withTimeout(eventReceived, 10000);
        } catch {
          // the race timed out; the session is dropped all the same
        }
        this.removeRoutingSession(session.sessionId);
      });
      session.start();
    } catch {
      return { requestId: routedMessage.requestId, error: 'No routing candidates found' };
    }
    return { requestId: routedMessage.requestId, error: '' };
  }

  addRoutingSession(session: RoutingSession): void {
    this.ongoingRoutingSessions.set(session.sessionId, session);
  }

  removeRoutingSession(sessionId: string): void {
    this.ongoingRoutingSessions.delete(sessionId); // expect: stop-on-evict
  }

  setForwardingEntries(routedMessage: RouteMessageWrapper, reachableThrough: PeerDescriptor[]): void {
    const sourceKey = routedMessage.sourcePeer.nodeId;
    const oldEntry = this.forwardingTable.get(sourceKey);
    if (oldEntry) {
      clearTimeout(oldEntry.timeout);
      this.forwardingTable.delete(sourceKey);
    }
    this.forwardingTable.set(sourceKey, {
      peerDescriptors: reachableThrough,
      timeout: setTimeout(() => this.forwardingTable.delete(sourceKey), 10000),
    });
  }

  stop(): void {
    this.stopped = true;
    this.ongoingRoutingSessions.forEach((session) => {
      session.stop();
    });
    this.ongoingRoutingSessions.clear();
    this.forwardingTable.forEach((entry) => {
      clearTimeout(entry.timeout);
    });
    this.forwardingTable.clear();
  }
}
