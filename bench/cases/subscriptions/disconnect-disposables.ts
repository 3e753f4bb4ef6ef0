// Shapes: a map of objects each holding a registered listener (a disposable), removed on disconnect.
// Without dispose (must report); with dispose (must not report).
import { EventEmitter } from 'node:events';

interface ListenerHandle {
  dispose(): void;
}

function listen(emitter: EventEmitter, event: string, fn: (...args: unknown[]) => void): ListenerHandle {
  emitter.on(event, fn);
  return { dispose: () => void emitter.off(event, fn) };
}

export class PresenceTracker {
  private readonly handles = new Map<string, ListenerHandle>();

  constructor(private readonly bus: EventEmitter) {}

  connect(userId: string): void {
    if (this.handles.has(userId)) return;
    this.handles.set( // ok: stop-on-evict
      userId,
      listen(this.bus, `presence:${userId}`, () => {}),
    );
  }

  onDisconnect(userId: string): void {
    this.handles.delete(userId); // expect: stop-on-evict
  }

  onDisconnectCleanly(userId: string): void {
    const handle = this.handles.get(userId);
    this.handles.delete(userId); // ok: stop-on-evict
    handle?.dispose();
  }
}
