// history: openlayers/openlayers f9fe6a4e42c8 — https://github.com/openlayers/openlayers/commit/f9fe6a4e42c8275986f304e3f9a284d258f97c90 (diff read)
// leaked: LRUCache.clear() threw its entries_ object map away by assigning {} without disposing the cached Disposable tiles, although expireCache() disposed every entry it popped.
// covers: container=object-map drop=reassign resource=custom born=factory env=browser

// Shaped like ol/Disposable.d.ts and ol/Tile.d.ts.
declare abstract class Disposable {
  protected disposed: boolean;
  dispose(): void;
  protected disposeInternal(): void;
}
declare class Tile extends Disposable {
  constructor(coord: [number, number, number]);
  load(): void;
}

interface Entry<T> {
  key_: string;
  newer: Entry<T> | null;
  older: Entry<T> | null;
  value_: T;
}

export class LRUCache<T extends Disposable> {
  private count_ = 0;
  private entries_: Record<string, Entry<T>> = {};
  private oldest_: Entry<T> | null = null;
  private newest_: Entry<T> | null = null;

  constructor(private readonly highWaterMark = 2048) {}

  canExpireCache(): boolean {
    return this.highWaterMark > 0 && this.count_ > this.highWaterMark;
  }

  expireCache(): void {
    while (this.canExpireCache()) {
      const value = this.pop();
      value.dispose();
    }
  }

  clear(): void {
    this.count_ = 0;
    this.entries_ = {}; // expect: stop-on-evict
    this.oldest_ = null;
    this.newest_ = null;
  }

  containsKey(key: string): boolean {
    return key in this.entries_;
  }

  get(key: string): T {
    return this.entries_[key].value_;
  }

  set(key: string, value: T): void {
    if (key in this.entries_) throw new Error(`duplicate key ${key}`);
    const entry: Entry<T> = { key_: key, newer: null, older: this.newest_, value_: value };
    if (this.newest_) this.newest_.newer = entry;
    else this.oldest_ = entry;
    this.newest_ = entry;
    this.entries_[key] = entry;
    ++this.count_;
  }

  pop(): T {
    const entry = this.oldest_!;
    delete this.entries_[entry.key_];
    if (entry.newer) entry.newer.older = null;
    this.oldest_ = entry.newer;
    if (!this.oldest_) this.newest_ = null;
    --this.count_;
    return entry.value_;
  }
}

export class TileSource {
  private readonly tileCache = new LRUCache<Tile>(512);

  getTile(z: number, x: number, y: number): Tile {
    const key = `${z}/${x}/${y}`;
    if (this.tileCache.containsKey(key)) return this.tileCache.get(key);
    const tile = new Tile([z, x, y]);
    this.tileCache.set(key, tile);
    tile.load();
    return tile;
  }

  refresh(): void {
    this.tileCache.clear();
  }
}
