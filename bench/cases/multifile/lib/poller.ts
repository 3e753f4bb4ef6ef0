// Helper module for multi-file cases (no findings expected here): a resource class defined in another
// file, and helpers that stop their parameter.
export class Poller {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly url: string,
    private readonly everyMs = 10_000,
  ) {}

  start(onData: (body: string) => void): this {
    this.timer = setInterval(async () => {
      const res = await fetch(this.url);
      onData(await res.text());
    }, this.everyMs);
    return this;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export function shutdownPoller(poller: Poller | undefined): void {
  poller?.stop();
}

export function stopAll(pollers: Iterable<Poller>): void {
  for (const p of pollers) p.stop();
}

export function describePoller(poller: Poller | undefined): string {
  return poller ? `poller(${poller.url})` : 'none';
}
