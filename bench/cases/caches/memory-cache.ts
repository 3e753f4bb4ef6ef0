// Shape (must report): memory-cache with cleanup only in its timeout callback — `put()` over an existing
// key cancels the old record's timer so its callback never runs, and `del()` never calls it.
// Must not report: a `put()` guarded by a `get()` miss.
import mc from 'memory-cache';
import { createConnection, type Socket } from 'node:net';

const conns = new mc.Cache<string, Socket>(); // ok: stop-on-evict
const TTL = 60_000;

function expire(_host: string, socket: Socket): void {
  socket.destroy();
}

export function open(host: string): Socket {
  const socket = createConnection({ host, port: 5432 });
  conns.put(host, socket, TTL, expire); // expect: no-silent-overwrite
  return socket;
}

export function openOnce(host: string): Socket {
  const cached = conns.get(host);
  if (cached !== null) return cached;
  const socket = createConnection({ host, port: 5432 });
  conns.put(host, socket, TTL, expire); // ok: no-silent-overwrite
  return socket;
}

export function close(host: string): void {
  conns.del(host); // expect: stop-on-evict
}
