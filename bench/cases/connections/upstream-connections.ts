// Shapes: connections opened by this module, one per upstream host. Guarded by a `get()` miss (must
// not report); reconnect that overwrites without destroying (must report); `clear()` with a destroying
// loop first (must not report).
import { createConnection, type Socket } from 'node:net';

const upstreams = new Map<string, Socket>();

export function connection(host: string): Socket {
  let socket = upstreams.get(host);
  if (socket === undefined) {
    socket = createConnection({ host, port: 6379 });
    upstreams.set(host, socket); // ok: stop-on-evict
  }
  return socket;
}

export function reconnect(host: string): Socket {
  const socket = createConnection({ host, port: 6379 });
  upstreams.set(host, socket); // expect: stop-on-evict
  return socket;
}

export function closeAll(): void {
  for (const socket of upstreams.values()) {
    socket.destroy();
  }
  upstreams.clear(); // ok: stop-on-evict
}
