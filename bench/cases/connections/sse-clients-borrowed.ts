// Shape (must not report): HTTP request and response objects handed to a request listener are
// borrowed, not owned — a map of SSE responses removed on kick or on 'close'.
import { createServer, type ServerResponse } from 'node:http';

const streams = new Map<string, ServerResponse>();

export const server = createServer((req, res) => {
  const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? 'anon';
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  streams.set(id, res); // ok: stop-on-evict
  req.on('close', () => {
    streams.delete(id); // ok: stop-on-evict
  });
});

export function push(id: string, data: string): void {
  streams.get(id)?.write(`data: ${data}\n\n`);
}

export function kick(id: string): void {
  streams.delete(id); // ok: stop-on-evict
}
