// Shape (must report): removal in an event handler — but the handler belongs to the bus, not to the
// resource, so the subscription is not already closed (the "own 'close' handler" exemption does not
// apply). Must not report: the same handler unsubscribing first.
import { EventEmitter } from 'node:events';
import { Subject, type Subscription } from 'rxjs';

interface BusEvents {
  connect: [clientId: string];
  disconnect: [clientId: string];
  kicked: [clientId: string];
}

export const bus = new EventEmitter<BusEvents>();
const updates = new Subject<string>();
const feeds = new Map<string, Subscription>();

bus.on('connect', (clientId) => {
  if (feeds.has(clientId)) return;
  feeds.set(clientId, updates.subscribe((u) => console.log(clientId, u))); // ok: stop-on-evict
});

bus.on('disconnect', (clientId) => {
  feeds.delete(clientId); // expect: stop-on-evict
});

bus.on('kicked', (clientId) => {
  feeds.get(clientId)?.unsubscribe();
  feeds.delete(clientId); // ok: stop-on-evict
});
