// Shape (must report): a map of sockets per client id, received from a server's connection listener;
// overwritten when the same id reconnects, and removed by a kick, without closing the old socket.
// Must not report: the delete inside the socket's own 'close' handler.
import { createServer, type Socket } from 'node:net';

const clients = new Map<string, Socket>();

export const server = createServer((socket) => {
  socket.once('data', (hello) => {
    const id = hello.toString('utf8').trim();
    clients.set(id, socket); // expect: stop-on-evict
    socket.on('close', () => {
      clients.delete(id); // ok: stop-on-evict
    });
  });
});

export function kick(id: string): void {
  clients.delete(id); // expect: stop-on-evict
}

export function broadcast(line: string): void {
  for (const socket of clients.values()) socket.write(`${line}\n`);
}
