// history: ldapts/ldapts bc97513cf395 — https://github.com/ldapts/ldapts/commit/bc97513cf395794a51268b263983a4bb8377f467 (diff read)
// leaked: every pending LDAP request kept its per-message timeout timer in messageDetailsByMessageId, and each path that removed the entry (response received, abandon, parser error, socket error or close) dropped it without clearTimeout, so the timer kept the process and the socket alive until it expired.
// covers: container=map drop=delete resource=timer
import { EventEmitter } from 'node:events';
import * as net from 'node:net';

interface SocketWithId extends net.Socket {
  id?: string;
}

class Message {
  constructor(readonly messageId: number) {}
}
class AbandonRequest extends Message {}
class UnbindRequest extends Message {}
class SearchEntry extends Message {}
class SearchResponse extends Message {
  readonly entries: SearchEntry[] = [];
}

interface MessageDetails {
  message: Message;
  entries?: SearchEntry[];
  resolve: (response?: Message) => void;
  reject: (err: Error) => void;
  timeoutTimer: NodeJS.Timeout | null;
  socket: SocketWithId;
}

class ParserError extends Error {
  constructor(message: string, readonly messageId?: number) {
    super(message);
  }
}

class MessageParser extends EventEmitter {
  read(_data: Buffer, _pending: Map<string, MessageDetails>): void {}
}

export class LdapClient {
  private socket?: SocketWithId;
  private connected = false;
  private readonly parser = new MessageParser();
  private readonly messageDetailsByMessageId = new Map<string, MessageDetails>();

  constructor(private readonly options: { host: string; port: number; timeout?: number }) {
    this.parser.on('error', (err: ParserError) => {
      if (err.messageId !== undefined) {
        const key = String(err.messageId);
        const details = this.messageDetailsByMessageId.get(key);
        if (details) {
          this.messageDetailsByMessageId.delete(key);
          details.reject(err);
          return;
        }
      }
      console.debug(err.stack);
    });
    this.parser.on('message', (message: Message) => this.handleResponse(message));
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket: SocketWithId = net.connect(this.options.port, this.options.host);
      socket.id = String(Date.now());
      this.socket = socket;
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        this.connected = true;
        this.hookSocket(socket);
        resolve();
      });
    });
  }

  private hookSocket(socket: SocketWithId): void {
    const onError = (err: Error): void => {
      for (const [key, details] of this.messageDetailsByMessageId.entries()) {
        if (details.message instanceof UnbindRequest) {
          details.resolve();
        } else {
          details.reject(new Error(`Socket error: ${err.message}`));
        }
        this.messageDetailsByMessageId.delete(key);
      }
      socket.destroy();
    };

    const onClose = (): void => {
      socket.removeListener('error', onError);
      socket.removeListener('data', onData);
      if (socket === this.socket) {
        this.connected = false;
        delete this.socket;
      }
      for (const [key, details] of this.messageDetailsByMessageId.entries()) {
        if (details.socket.id !== socket.id) continue;
        if (details.message instanceof UnbindRequest) {
          details.resolve();
        } else {
          details.reject(new Error('Connection closed before a response arrived'));
        }
        this.messageDetailsByMessageId.delete(key);
      }
    };

    const onData = (data: Buffer): void => {
      this.parser.read(data, this.messageDetailsByMessageId);
    };

    socket.on('error', onError);
    socket.on('close', onClose);
    socket.on('data', onData);
  }

  private endSocket(socket: SocketWithId): void {
    if (socket === this.socket) {
      this.connected = false;
    }
    socket.removeAllListeners('error');
    socket.on('error', () => {});
    socket.end();
  }

  send<T extends Message>(message: Message, payload: Buffer): Promise<T | undefined> {
    if (!this.connected || !this.socket) {
      throw new Error('Socket connection not established');
    }
    const key = String(message.messageId);

    const timeoutTimer = this.options.timeout
      ? setTimeout(() => {
          const details = this.messageDetailsByMessageId.get(key);
          if (details) {
            this.endSocket(details.socket);
            fail(new Error('Operation timed out'));
          }
        }, this.options.timeout)
      : null;

    let settle: (response?: T) => void = () => {};
    let fail: (err: Error) => void = () => {};
    // once the request settles (resolved or rejected on any path) its timer is no longer needed
    const pending = new Promise<T | undefined>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    }).finally(() => {
      if (timeoutTimer) {
        clearTimeout(timeoutTimer);
      }
    });

    this.messageDetailsByMessageId.set(key, {
      message,
      resolve: settle as (response?: Message) => void,
      reject: fail,
      timeoutTimer,
      socket: this.socket,
    });

    this.socket.write(payload, () => {
      if (message instanceof AbandonRequest) {
        this.messageDetailsByMessageId.delete(key);
        settle();
      } else if (message instanceof UnbindRequest && this.socket) {
        this.endSocket(this.socket);
      }
    });

    return pending;
  }

  private handleResponse(message: Message): void {
    const key = String(message.messageId);
    const details = this.messageDetailsByMessageId.get(key);
    if (!details) {
      console.debug(`No pending request for message ${key}`);
      return;
    }
    if (message instanceof SearchEntry) {
      (details.entries ??= []).push(message);
    } else if (message instanceof SearchResponse) {
      if (details.entries) {
        message.entries.push(...details.entries);
      }
      this.messageDetailsByMessageId.delete(key);
      details.resolve(message);
    } else {
      this.messageDetailsByMessageId.delete(key);
      details.resolve(message);
    }
  }
}
