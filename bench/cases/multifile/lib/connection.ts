// Helper module for multi-file cases (no findings expected here): a connection class wrapping a socket,
// released with an async `close()`.
import { EventEmitter } from 'node:events';
import { createConnection, type Socket } from 'node:net';

export class Connection extends EventEmitter {
  private readonly socket: Socket;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(readonly host: string, port: number) {
    super();
    this.socket = createConnection({ host, port });
    this.keepAlive = setInterval(() => this.socket.write('PING\r\n'), 30_000);
  }

  send(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    await new Promise<void>((resolve) => this.socket.end(resolve));
  }
}

export function openConnection(host: string): Connection {
  return new Connection(host, 6379);
}
