// Shape (must not report): a delete inside the resource's own 'close' / 'exit' / 'end' handler — the
// resource is already closed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { createReadStream, type ReadStream } from 'node:fs';

const children = new Map<number, ChildProcess>();
const sockets = new Set<Socket>();
const readers: Record<string, ReadStream> = {};

export function launch(cmd: string): number {
  const child = spawn(cmd, { shell: true });
  const pid = child.pid ?? -1;
  if (children.has(pid)) throw new Error('pid reused');
  children.set(pid, child); // ok: stop-on-evict
  child.on('exit', () => children.delete(pid)); // ok: stop-on-evict
  return pid;
}

export function dial(port: number): Socket {
  const socket = createConnection(port);
  sockets.add(socket);
  socket.on('close', () => {
    sockets.delete(socket); // ok: stop-on-evict
  });
  return socket;
}

export function read(path: string): void {
  if (readers[path]) return;
  const stream = createReadStream(path);
  readers[path] = stream; // ok: stop-on-evict
  stream.on('end', () => {
    delete readers[path]; // ok: stop-on-evict
  });
}
