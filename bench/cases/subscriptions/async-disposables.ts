// Shapes: values with `[Symbol.asyncDispose]` (released with a promise). `void x[Symbol.asyncDispose]()`
// before the delete (must not report); deleted without disposing (must report).
class Tunnel implements AsyncDisposable {
  private readonly keepAlive = setInterval(() => {}, 15_000);

  constructor(readonly target: string) {}

  async [Symbol.asyncDispose](): Promise<void> {
    clearInterval(this.keepAlive);
  }
}

export class TunnelTable {
  private readonly tunnels = new Map<string, Tunnel>();

  open(target: string): Tunnel {
    let tunnel = this.tunnels.get(target);
    if (!tunnel) {
      tunnel = new Tunnel(target);
      this.tunnels.set(target, tunnel); // ok: stop-on-evict
    }
    return tunnel;
  }

  async close(target: string): Promise<void> {
    const tunnel = this.tunnels.get(target);
    this.tunnels.delete(target); // ok: stop-on-evict
    await tunnel?.[Symbol.asyncDispose]();
  }

  drop(target: string): void {
    this.tunnels.delete(target); // expect: stop-on-evict
  }
}
