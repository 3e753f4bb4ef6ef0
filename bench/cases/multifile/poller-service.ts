// Shapes (multi-file): a resource class from another file. Delete without stop (must report); stop
// through a helper defined in another file that stops its parameter (must not report); `clear()` after
// a helper that stops every value (must not report).
import { Poller, shutdownPoller, stopAll } from './lib/poller.js';

export class PollerService {
  private readonly pollers = new Map<string, Poller>();

  add(url: string): void {
    if (this.pollers.has(url)) return;
    this.pollers.set(url, new Poller(url).start((body) => console.log(body.length))); // ok: stop-on-evict
  }

  remove(url: string): void {
    this.pollers.delete(url); // expect: stop-on-evict
  }

  removeCleanly(url: string): void {
    shutdownPoller(this.pollers.get(url));
    this.pollers.delete(url); // ok: stop-on-evict
  }

  removeAll(): void {
    stopAll(this.pollers.values());
    this.pollers.clear(); // ok: stop-on-evict
  }
}
