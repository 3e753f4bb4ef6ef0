// @eval unscored — PATTERNS.md "hard cases": streams. `Readable` has `[Symbol.asyncDispose]`, so every
// stream types as a resource; streams this module opens are owned (proposed: report the drop), streams
// handed to a request listener are borrowed (no report).
import { createReadStream, type ReadStream } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';

const tails = new Map<string, ReadStream>();
const uploads = new Map<string, IncomingMessage>();

export function tail(path: string): void {
  if (!tails.has(path)) tails.set(path, createReadStream(path));
}

export function untail(path: string): void {
  tails.delete(path); // expect: stop-on-evict
}

export const server = createServer((req, res) => {
  const id = req.headers['x-upload-id'];
  if (typeof id === 'string') {
    uploads.set(id, req);
    req.on('end', () => {
      uploads.delete(id);
      res.end();
    });
  }
});

export function abortUpload(id: string): void {
  uploads.delete(id);
}
