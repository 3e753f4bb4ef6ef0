// Shapes: `clear()` of subscriptions — `forEach(s => s.unsubscribe())` first (must not report);
// a bare `clear()` in `reset()` (must report); copying out, clearing, then unsubscribing (must not).
import { fromEvent, Subscription } from 'rxjs';
import { EventEmitter } from 'node:events';

export class Bindings {
  private readonly subs = new Set<Subscription>();

  constructor(private readonly bus: EventEmitter) {}

  bind(event: string, handler: (payload: unknown) => void): void {
    this.subs.add(fromEvent(this.bus, event).subscribe(handler));
  }

  dispose(): void {
    this.subs.forEach((s) => s.unsubscribe());
    this.subs.clear(); // ok: stop-on-evict
  }

  reset(): void {
    this.subs.clear(); // expect: stop-on-evict
  }

  disposeLater(): void {
    const all = Array.from(this.subs);
    this.subs.clear(); // ok: stop-on-evict
    for (const s of all) s.unsubscribe();
  }
}
