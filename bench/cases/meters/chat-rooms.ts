// Shapes: a room that sweeps idle members every minute, kept per id in a module Map. `closeRoom`
// deletes then closes the same value (must not report); the idle sweep deletes empty rooms inside a
// `for…of` without closing them (must report).
class Room {
  readonly members = new Set<string>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000);

  constructor(readonly id: string) {}

  private sweep(): void {
    /* drop members that stopped sending heartbeats */
  }

  get empty(): boolean {
    return this.members.size === 0;
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}

const rooms = new Map<string, Room>();

export function join(roomId: string, member: string): void {
  let room = rooms.get(roomId);
  if (room === undefined) {
    room = new Room(roomId);
    rooms.set(roomId, room); // ok: stop-on-evict
  }
  room.members.add(member);
}

export function closeRoom(roomId: string): void {
  const room = rooms.get(roomId);
  if (!room) return;
  rooms.delete(roomId); // ok: stop-on-evict
  room.close();
}

export function evictIdle(): void {
  for (const [id, room] of rooms) {
    if (room.empty) {
      rooms.delete(id); // expect: stop-on-evict
    }
  }
}

export function evictIdleCleanly(): void {
  for (const [id, room] of rooms) {
    if (room.empty) {
      room.close();
      rooms.delete(id); // ok: stop-on-evict
    }
  }
}
