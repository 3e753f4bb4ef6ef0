// Shape (must report): a per-key object owning a timer (a poller), kept in an object map and removed
// with `delete obj[key]` without `stop()`. Must not report: stopped before, or after, the delete.
class Poller {
  private handle: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {}

  start(): this {
    this.handle = setInterval(() => void fetch(this.url), 15_000);
    return this;
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
  }
}

export class FeedWatcher {
  private pollers: { [feed: string]: Poller } = {};

  follow(feed: string, url: string): void {
    if (feed in this.pollers) return;
    this.pollers[feed] = new Poller(url).start(); // ok: stop-on-evict
  }

  unfollow(feed: string): void {
    delete this.pollers[feed]; // expect: stop-on-evict
  }

  unfollowCleanly(feed: string): void {
    this.pollers[feed]?.stop();
    delete this.pollers[feed]; // ok: stop-on-evict
  }

  unfollowAfter(feed: string): void {
    const poller = this.pollers[feed];
    delete this.pollers[feed]; // ok: stop-on-evict
    poller?.stop();
  }
}
