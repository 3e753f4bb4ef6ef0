// Shape (must not report): `clearInterval(map.get(id)); map.delete(id)` and variants — clear before
// the delete, clear after the delete on the same value, clear inside an `if` that guards the delete.
export class PeerHeartbeats {
  private readonly intervals = new Map<string, ReturnType<typeof setInterval>>();

  start(peer: string, ping: () => void): void {
    if (!this.intervals.has(peer)) {
      this.intervals.set(peer, setInterval(ping, 10_000)); // ok: stop-on-evict
    }
  }

  stop(peer: string): void {
    clearInterval(this.intervals.get(peer));
    this.intervals.delete(peer); // ok: stop-on-evict
  }

  stopQuietly(peer: string): boolean {
    const handle = this.intervals.get(peer);
    if (handle === undefined) return false;
    clearInterval(handle);
    return this.intervals.delete(peer); // ok: stop-on-evict
  }

  stopAfterDelete(peer: string): void {
    const handle = this.intervals.get(peer);
    this.intervals.delete(peer); // ok: stop-on-evict
    if (handle) clearInterval(handle);
  }
}
