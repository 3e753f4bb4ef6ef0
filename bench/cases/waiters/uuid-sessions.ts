// Shapes: keys from `randomUUID()` are fresh (must not report the `set`); an abort path that deletes
// the pending record but leaves its timer armed (must report).
import { randomUUID } from 'node:crypto';

interface PendingUpload {
  resolve: (url: string) => void;
  reject: (error: Error) => void;
  expiry: NodeJS.Timeout;
}

export class UploadBroker {
  private readonly uploads = new Map<string, PendingUpload>();

  begin(): { id: string; done: Promise<string> } {
    const id = randomUUID();
    const done = new Promise<string>((resolve, reject) => {
      const expiry = setTimeout(() => {
        this.uploads.delete(id); // ok: stop-on-evict
        reject(new Error('upload expired'));
      }, 60_000);
      this.uploads.set(id, { resolve, reject, expiry }); // ok: stop-on-evict
    });
    return { id, done };
  }

  complete(id: string, url: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    clearTimeout(upload.expiry);
    upload.resolve(url);
    this.uploads.delete(id); // ok: stop-on-evict
  }

  abort(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    upload.reject(new Error('aborted'));
    this.uploads.delete(id); // expect: stop-on-evict
  }
}
