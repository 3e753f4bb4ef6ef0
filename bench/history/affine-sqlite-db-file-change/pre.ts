// history: toeverything/AFFiNE f1a12acb565d — https://github.com/toeverything/AFFiNE/commit/f1a12acb565d0c838c97d71ad7371de358029985 (diff read)
// leaked: ensureSQLiteDB()'s file-watch callback, on a change made by another process, removed the workspace's WorkspaceSQLiteDB from dbMapping and opened a fresh one, without destroy(), so the old better-sqlite3 handle and Y.Doc stayed open on every external change.
// covers: container=map drop=delete resource=custom born=factory
import { watch, type FSWatcher } from 'node:fs';

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

declare function notifyRenderer(channel: string, workspaceId: string): void;

class WorkspaceSqliteStore {
  db: SqliteDatabase;
  readonly doc = new YDoc();
  lastWriteAt = Date.now();

  constructor(
    readonly path: string,
    readonly workspaceId: string,
  ) {
    this.db = new SqliteDatabase(path);
    this.db.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, data BLOB)');
  }

  destroy(): void {
    this.db.close();
    this.doc.destroy();
  }
}

function watchDbFile(path: string, onChange: (filename: string | null) => void): () => void {
  const watcher: FSWatcher = watch(path, (_event, filename) => onChange(filename));
  return () => watcher.close();
}

const stores = new Map<string, WorkspaceSqliteStore>();
const stopWatching = new Map<string, () => void>();

export async function ensureSqliteStore(id: string): Promise<WorkspaceSqliteStore> {
  let store = stores.get(id);
  if (!store) {
    const opened = new WorkspaceSqliteStore(`/data/workspaces/${id}/storage.db`, id);
    store = opened;
    stores.set(id, opened);

    stopWatching.set(
      id,
      watchDbFile(opened.path, filename => {
        if (Date.now() - opened.lastWriteAt < 1000) return;
        notifyRenderer('db-file-update', id);
        console.debug('database file changed by another process', filename);

        // reopen the database to pick up the outside change
        stopWatching.get(id)?.();
        stores.delete(id); // expect: stop-on-evict
        stopWatching.delete(id);
        void ensureSqliteStore(id);
      }),
    );
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
