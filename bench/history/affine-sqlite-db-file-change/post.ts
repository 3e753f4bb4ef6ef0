// history: toeverything/AFFiNE f1a12acb565d — https://github.com/toeverything/AFFiNE/commit/f1a12acb565d0c838c97d71ad7371de358029985 (diff read)
// leaked: ensureSQLiteDB()'s file-watch callback, on a change made by another process, removed the workspace's WorkspaceSQLiteDB from dbMapping and opened a fresh one, without destroy(), so the old better-sqlite3 handle and Y.Doc stayed open on every external change.
// covers: container=map drop=delete resource=custom born=factory
// Shaped like better-sqlite3's Database (only the members used here).
declare class SqliteDatabase {
  constructor(filename: string);
  exec(sql: string): this;
  close(): this;
}
// Shaped like yjs's Doc (only the members used here).
declare class YDoc {
  on(event: 'update', fn: (update: Uint8Array, origin: unknown) => void): void;
  destroy(): void;
}
// Shaped like chokidar's declarations (only the members used here).
declare namespace chokidar {
  interface FSWatcher {
    on(event: 'change' | 'unlink', listener: (path: string) => void): this;
    close(): Promise<void>;
  }
  function watch(paths: string | string[]): FSWatcher;
}

declare function notifyRenderer(channel: string, workspaceId: string): void;

class WorkspaceSqliteStore {
  db: SqliteDatabase;
  readonly doc = new YDoc();
  lastWriteAt = Date.now();

  constructor(
    readonly path: string,
    readonly workspaceId: string,
  ) {
    this.db = this.reconnect();
  }

  reconnect(): SqliteDatabase {
    this.db?.close();
    const db = (this.db = new SqliteDatabase(this.path));
    db.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, data BLOB)');
    this.lastWriteAt = Date.now();
    return db;
  }

  destroy(): void {
    this.db.close();
    this.doc.destroy();
  }
}

const stores = new Map<string, WorkspaceSqliteStore>();
const stopWatching = new Map<string, () => void>();

// a removed database file ends the watch
function startWatchingDbFile(store: WorkspaceSqliteStore): void {
  if (stopWatching.has(store.workspaceId)) return;
  const watcher = chokidar.watch(store.path);

  watcher.on('change', () => {
    if (Date.now() - store.lastWriteAt > 1000) {
      // reopen the same store to pick up the outside change
      store.reconnect();
      notifyRenderer('db-file-update', store.workspaceId);
    }
  });

  watcher.on('unlink', () => {
    notifyRenderer('db-file-missing', store.workspaceId);
    void watcher.close();
    store.destroy();
    stopWatching.delete(store.workspaceId);
    stores.delete(store.workspaceId); // ok: stop-on-evict
  });
}

export async function ensureSqliteStore(id: string): Promise<WorkspaceSqliteStore> {
  let store = stores.get(id);
  if (!store) {
    store = new WorkspaceSqliteStore(`/data/workspaces/${id}/storage.db`, id);
    stores.set(id, store);
    startWatchingDbFile(store);
  }
  return store;
}

export async function cleanupSqliteStores(): Promise<void> {
  for (const [id, store] of stores) {
    store.destroy();
    stopWatching.get(id)?.();
  }
  stores.clear();
  stopWatching.clear();
}
