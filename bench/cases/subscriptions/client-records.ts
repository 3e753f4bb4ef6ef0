// Shape (must report): records whose fields hold resources — `{ socketId, sub }` with an RxJS
// Subscription — removed without unsubscribing. Must not report: unsubscribe the field first.
import { timer, type Subscription } from 'rxjs';

interface ClientState {
  socketId: string;
  joinedAt: number;
  sub: Subscription;
}

const clients: Record<string, ClientState> = {};

export function onJoin(socketId: string, tick: () => void): void {
  if (clients[socketId]) return;
  clients[socketId] = { socketId, joinedAt: Date.now(), sub: timer(0, 5_000).subscribe(tick) }; // ok: stop-on-evict
}

export function onLeave(socketId: string): void {
  delete clients[socketId]; // expect: stop-on-evict
}

export function onLeaveCleanly(socketId: string): void {
  clients[socketId]?.sub.unsubscribe();
  delete clients[socketId]; // ok: stop-on-evict
}
