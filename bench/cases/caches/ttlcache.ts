// Shapes: @isaacs/ttlcache with a stopping `dispose` and default options (must not report any path);
// with `noDisposeOnSet: true` an unguarded `set()` leaks (must report); without any `dispose` the
// cache cannot stop what expires (must report the construction).
import { TTLCache } from '@isaacs/ttlcache';
import { createConnection, type Socket } from 'node:net';

const sockets = new TTLCache<string, Socket>({ ttl: 30_000, dispose: (s) => s.destroy() }); // ok: stop-on-evict

export function connect(host: string): Socket {
  const socket = createConnection({ host, port: 443 });
  sockets.set(host, socket); // ok: no-silent-overwrite
  return socket;
}

export function disconnect(host: string): void {
  sockets.delete(host); // ok: stop-on-evict
}

const sticky = new TTLCache<string, Socket>({ // ok: stop-on-evict
  ttl: 30_000,
  noDisposeOnSet: true,
  dispose: (s) => s.destroy(),
});

export function connectSticky(host: string): void {
  sticky.set(host, createConnection({ host, port: 443 })); // expect: no-silent-overwrite
}

const bare = new TTLCache<string, Socket>({ ttl: 10_000, max: 100 }); // expect: stop-on-evict

export function connectBare(host: string): Socket {
  const existing = bare.get(host);
  if (existing) return existing;
  const socket = createConnection({ host, port: 443 });
  bare.set(host, socket); // ok: no-silent-overwrite
  return socket;
}
