// Shape (must report): an object used as a map of timeout handles — `obj[id] = setTimeout(…)` over an
// existing handle, and `delete obj[id]` without clearing. Must not report: clear, then delete.
export class ReminderService {
  private handles: Record<string, NodeJS.Timeout> = {};

  remind(userId: string, inMs: number, notify: (id: string) => void): void {
    this.handles[userId] = setTimeout(() => notify(userId), inMs); // expect: stop-on-evict
  }

  dismiss(userId: string): void {
    delete this.handles[userId]; // expect: stop-on-evict
  }

  cancel(userId: string): void {
    const handle = this.handles[userId];
    if (handle) clearTimeout(handle);
    delete this.handles[userId]; // ok: stop-on-evict
  }

  snooze(userId: string, inMs: number, notify: (id: string) => void): void {
    clearTimeout(this.handles[userId]);
    this.handles[userId] = setTimeout(() => notify(userId), inMs); // ok: stop-on-evict
  }
}
