// history: howardchung/watchparty 41a17c7eea7d — https://github.com/howardchung/watchparty/commit/41a17c7eea7d5cba068095d0f89230f49bde6e76 (diff read)
// leaked: every Room started a one-second setInterval in its constructor that broadcast the timestamp map, and cleanupRooms() dropped expired empty rooms from the rooms map without stopping it, so each evicted room's interval kept firing (and kept the room alive) for the life of the process.
// covers: container=map drop=delete resource=interval born=constructor
interface Namespace {
  emit(event: string, ...args: unknown[]): boolean;
}

declare class SocketServer {
  of(name: string): Namespace;
}

declare class Redis {
  get(key: string): Promise<string | null>;
  keys(pattern: string): Promise<string[]>;
  mget(keys: string[]): Promise<(string | null)[]>;
}

interface User {
  id: string;
}

class Room {
  public video = '';
  public roster: User[] = [];
  private tsMap: Record<string, number> = {};

  constructor(
    private readonly io: SocketServer,
    public readonly roomId: string,
    roomData?: string | null,
  ) {
    if (roomData) {
      this.restore(roomData);
    }

    setInterval(() => {
      if (this.video) {
        this.io.of(this.roomId).emit('REC:tsMap', this.tsMap);
      }
    }, 1000);
  }

  private restore(roomData: string): void {
    const saved = JSON.parse(roomData) as { video?: string };
    this.video = saved.video ?? '';
  }
}

declare const io: SocketServer;
declare const redis: Redis | undefined;
declare const permanentRoomIds: string[];

const rooms = new Map<string, Room>();

export async function init(): Promise<void> {
  if (redis) {
    const keys = await redis.keys('/[a-z]*');
    const data = await redis.mget(keys);
    keys.forEach((key, i) => {
      rooms.set(key, new Room(io, key, data[i]));
    });
  }
  if (!rooms.has('/default')) {
    rooms.set('/default', new Room(io, '/default'));
  }
  setInterval(cleanupRooms, 5 * 60 * 1000);
}

export function createRoom(pickName: () => string, video?: string): string {
  let name = pickName();
  while (rooms.has(name)) {
    name = pickName();
  }
  const room = new Room(io, name);
  room.video = video ?? '';
  rooms.set(name, room);
  return name.slice(1);
}

// Drops rooms that expired from Redis and have nobody in them, to free memory in a
// long-running process.
function cleanupRooms(): void {
  if (!redis) {
    return;
  }
  const permanent = new Set(permanentRoomIds);
  rooms.forEach(async (room, key) => {
    if (room.roster.length === 0) {
      const inRedis = await redis?.get(room.roomId);
      if (!inRedis && !permanent.has(room.roomId)) {
        rooms.delete(key); // expect: stop-on-evict
      }
    }
  });
}
