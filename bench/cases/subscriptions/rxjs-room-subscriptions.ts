// Shapes: RxJS Subscriptions per room. `leave()` deletes without `unsubscribe()` (must report);
// `subscribe()` stores a new subscription per room by a blind `set()`, nothing showing the room comes back
// (reported only with `overwrites: 'possible'`); unsubscribe then delete (must not report).
import { interval, type Subscription } from 'rxjs';

export class RoomFeed {
  private readonly subs = new Map<string, Subscription>();

  subscribe(room: string, push: (n: number) => void): void {
    this.subs.set(room, interval(1_000).subscribe(push)); // ok: stop-on-evict
  }

  leave(room: string): void {
    this.subs.delete(room); // expect: stop-on-evict
  }

  leaveCleanly(room: string): void {
    this.subs.get(room)?.unsubscribe();
    this.subs.delete(room); // ok: stop-on-evict
  }
}
