// Shapes (issue 4): resources whose release method has another name. Name rules alone miss these;
// inference reads the body: what the constructor starts and which method undoes it.
import { EventEmitter } from 'node:events';

export class Heartbeat {
  private readonly timer: NodeJS.Timeout;
  constructor(readonly peer: string, ping: () => void) {
    this.timer = setInterval(ping, 5_000);
  }
  halt(): void {
    clearInterval(this.timer);
  }
}

const beats = new Map<string, Heartbeat>();

export function watchPeer(peer: string, ping: () => void): void {
  if (beats.has(peer)) return;
  beats.set(peer, new Heartbeat(peer, ping)); // ok: stop-on-evict
}

export function forgetPeer(peer: string): void {
  beats.delete(peer); // expect: stop-on-evict
}

export function forgetPeerCleanly(peer: string): void {
  beats.get(peer)?.halt();
  beats.delete(peer); // ok: stop-on-evict
}

export class Tap {
  readonly #onData = (chunk: unknown) => this.seen.push(chunk);
  readonly seen: unknown[] = [];
  constructor(private readonly bus: EventEmitter) {
    bus.on('data', this.#onData);
  }
  teardown(): void {
    this.bus.off('data', this.#onData);
  }
}

const taps = new Set<Tap>();

export function tap(bus: EventEmitter): Tap {
  const created = new Tap(bus);
  taps.add(created);
  return created;
}

export function untapAll(): void {
  taps.clear(); // expect: stop-on-evict
}

export function untapAllCleanly(): void {
  for (const t of taps) t.teardown();
  taps.clear(); // ok: stop-on-evict
}
