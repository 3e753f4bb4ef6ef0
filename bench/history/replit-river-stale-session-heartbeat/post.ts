// history: replit/river 2ef192a3fa50 — https://github.com/replit/river/commit/2ef192a3fa500bcc7a2d67876594435fea927324 (diff read)
// leaked: when a handshake came from a peer whose instance id had changed, onConnect removed the old Session from the sessions map without closing it, so its heartbeat interval kept firing forever and its old connection was left open (closeStaleConnection was handed the new connection and returned early).
// covers: container=map drop=delete resource=custom born=constructor
export type TransportClientId = string;

export const HEARTBEAT_INTERVAL_MS = 1000;
export const HEARTBEATS_TILL_DEAD = 2;
export const SESSION_DISCONNECT_GRACE_MS = 3000;

export abstract class Connection {
  debugId = `conn-${Math.random().toString(36).slice(2)}`;
  abstract send(msg: Uint8Array): boolean;
  abstract close(): void;
}

interface TransportMessage {
  to: TransportClientId;
  from: TransportClientId;
  seq: number;
  payload: unknown;
}

export class Session<ConnType extends Connection> {
  connection?: ConnType;
  readonly from: TransportClientId;
  readonly to: TransportClientId;
  private sendBuffer: TransportMessage[] = [];
  private seq = 0;
  private disconnectionGrace?: ReturnType<typeof setTimeout>;
  private heartbeatMisses: number;
  private heartbeat?: ReturnType<typeof setInterval>;

  constructor(from: TransportClientId, connectedTo: TransportClientId, conn: ConnType | undefined) {
    this.from = from;
    this.to = connectedTo;
    this.connection = conn;

    // setup heartbeat
    this.heartbeatMisses = 0;
    this.heartbeat = setInterval(() => this.sendHeartbeat(), HEARTBEAT_INTERVAL_MS);
  }

  send(payload: unknown): void {
    const msg: TransportMessage = { to: this.to, from: this.from, seq: this.seq++, payload };
    const ok = this.connection?.send(new TextEncoder().encode(JSON.stringify(msg)));
    if (!ok) this.sendBuffer.push(msg);
  }

  sendHeartbeat() {
    if (this.heartbeatMisses >= HEARTBEATS_TILL_DEAD) {
      if (this.connection) this.closeStaleConnection(this.connection);
      return;
    }
    this.send({ type: 'ACK' });
    this.heartbeatMisses++;
  }

  resetBufferedMessages() {
    this.sendBuffer = [];
    this.seq = 0;
  }

  closeStaleConnection(conn?: ConnType) {
    if (!this.connection || this.connection !== conn) return;
    this.connection.close();
    this.connection = undefined;
  }

  replaceWithNewConnection(newConn: ConnType) {
    this.closeStaleConnection(this.connection);
    this.cancelGrace();
    this.connection = newConn;
  }

  beginGrace(cb: () => void) {
    this.disconnectionGrace = setTimeout(() => {
      this.close();
      cb();
    }, SESSION_DISCONNECT_GRACE_MS);
  }

  // called on reconnect of the underlying session
  cancelGrace() {
    this.heartbeatMisses = 0;
    clearTimeout(this.disconnectionGrace);
  }

  // closed when we want to discard the whole session
  // (i.e. shutdown or session disconnect)
  close() {
    this.closeStaleConnection(this.connection);
    this.cancelGrace();
    clearInterval(this.heartbeat);
    this.resetBufferedMessages();
  }
}

export abstract class Transport<ConnType extends Connection> {
  clientId: TransportClientId;
  state: 'open' | 'closed' | 'destroyed' = 'open';
  sessions = new Map<TransportClientId, Session<ConnType>>();
  connectedInstanceIds = new Map<TransportClientId, string>();

  constructor(clientId: TransportClientId) {
    this.clientId = clientId;
  }

  protected onConnect(conn: ConnType, connectedTo: TransportClientId, instanceId: string): Session<ConnType> {
    let session = this.sessions.get(connectedTo);
    // check if the peer we are connected to is actually different by comparing instanceId
    const lastInstanceId = this.connectedInstanceIds.get(connectedTo);
    if (session && lastInstanceId !== instanceId && lastInstanceId !== undefined) {
      // mismatch, kill the old session and begin a new one
      session.close();
      this.deleteSession(session);
      session = undefined;
    }
    this.connectedInstanceIds.set(connectedTo, instanceId);

    if (session === undefined) {
      return this.createSession(connectedTo, conn);
    }

    // otherwise the old connection is dead and this one is canonical
    session.replaceWithNewConnection(conn);
    return session;
  }

  private createSession(connectedTo: TransportClientId, conn: ConnType | undefined) {
    const session = new Session<ConnType>(this.clientId, connectedTo, conn);
    this.sessions.set(session.to, session);
    return session;
  }

  protected deleteSession(session: Session<ConnType>) {
    this.sessions.delete(session.to);
  }

  onDisconnect(conn: ConnType, connectedTo: TransportClientId) {
    if (this.state !== 'open') return;
    const session = this.sessions.get(connectedTo);
    if (!session) throw new Error(`no existing session for ${connectedTo}`);
    session.closeStaleConnection(conn);
    session.beginGrace(() => this.deleteSession(session));
  }

  close() {
    this.state = 'closed';
    for (const session of this.sessions.values()) {
      session.close();
      this.deleteSession(session);
    }
  }

  destroy() {
    this.state = 'destroyed';
    for (const session of this.sessions.values()) {
      session.close();
      this.deleteSession(session);
    }
  }
}
