// Shapes (issue 4): a factory returning an object literal whose dispose() removes a listener; a
// registry-style class whose own stop() deletes it from the registry; a subclass whose release is on
// the base class.
import { EventEmitter } from 'node:events';

export function createSubscription(bus: EventEmitter, onTick: () => void) {
  bus.on('tick', onTick);
  return {
    dispose(): void {
      bus.off('tick', onTick);
    },
  };
}

const subscriptions = new Map<string, ReturnType<typeof createSubscription>>();

export function subscribe(id: string, bus: EventEmitter, onTick: () => void): void {
  subscriptions.get(id)?.dispose();
  subscriptions.set(id, createSubscription(bus, onTick)); // ok: stop-on-evict
}

export function unsubscribe(id: string): void {
  subscriptions.delete(id); // expect: stop-on-evict
}

const live = new Map<string, Gauge>();

export class Gauge {
  private readonly timer = setInterval(() => this.sample(), 1_000);
  constructor(readonly name: string) {
    live.set(name, this);
  }
  sample(): void {}
  quit(): void {
    clearInterval(this.timer);
    live.delete(this.name); // ok: stop-on-evict
  }
}

export class LatencyGauge extends Gauge {
  readonly buckets: number[] = [];
}

const latency = new Map<string, LatencyGauge>();

export function gauge(name: string): LatencyGauge {
  const found = latency.get(name);
  if (found) return found;
  const created = new LatencyGauge(name);
  latency.set(name, created); // ok: stop-on-evict
  return created;
}

export function drop(name: string): void {
  latency.delete(name); // expect: stop-on-evict
}
