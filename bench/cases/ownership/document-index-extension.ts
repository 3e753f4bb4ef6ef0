// Shape (must not report): documents indexed by an extension of the server that owns them — every
// value comes from a hook payload; the server creates and destroys the documents.
import { EventEmitter } from 'node:events';

export class Doc {
  private readonly saveTimer = setInterval(() => this.save(), 10_000);

  constructor(readonly name: string) {}

  private save(): void {}

  destroy(): void {
    clearInterval(this.saveTimer);
  }
}

export interface DocServerEvents {
  load: [doc: Doc];
  unload: [doc: Doc];
}

export class SearchExtension {
  private readonly index = new Map<string, Doc>();

  constructor(server: EventEmitter<DocServerEvents>) {
    server.on('load', (doc) => {
      this.index.set(doc.name, doc); // ok: stop-on-evict
    });
    server.on('unload', (doc) => {
      this.index.delete(doc.name); // ok: stop-on-evict
    });
  }

  rebuild(): void {
    this.index.clear(); // ok: stop-on-evict
  }
}
