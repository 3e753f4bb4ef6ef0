// history: toeverything/AFFiNE 307fac83647c — https://github.com/toeverything/AFFiNE/commit/307fac83647cb1fce201eddd690404c787d6e050 (diff read)
// leaked: ensureSQLiteDB() awaited openWorkspaceDatabase() between its cache miss and dbMapping.set(), so two overlapping calls for one workspace each opened a WorkspaceSQLiteDB and the second set() overwrote the first without destroy(), leaving its sqlite handle and Y.Doc open.
// covers: container=map drop=overwrite resource=custom born=factory
import { setTimeout as sleep } from 'node:timers/promises';

// Shaped like better-sqlite3's Database (only the members used here).
declare class SqliteDatabase {
  constructor(filename: string);
  close(): this;
}
// Shaped like yjs's Doc (only the members used here).
declare class YDoc {
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

class WorkspaceSqliteStore {
  db: SqliteDatabase;
  readonly doc = new YDoc();

  constructor(
    readonly path: string,
    readonly workspaceId: string,
  ) {
    this.db = new SqliteDatabase(path);
  }

  destroy(): void {
    this.db.close();
    this.doc.destroy();
  }
}

async function openWorkspaceStore(workspaceId: string): Promise<WorkspaceSqliteStore> {
  await sleep(0); // resolves the workspace directory first
  return new WorkspaceSqliteStore(`/data/workspaces/${workspaceId}/storage.db`, workspaceId);
}

const stores = new Map<string, WorkspaceSqliteStore>();
const stopWatching = new Map<string, () => void>();

function startWatchingDbFile(store: WorkspaceSqliteStore): void {
  if (stopWatching.has(store.workspaceId)) return;
  const watcher = chokidar.watch(store.path);
  stopWatching.set(store.workspaceId, () => void watcher.close());
  watcher.on('unlink', () => {
    void watcher.close().then(() => {
      store.destroy();
      stopWatching.delete(store.workspaceId);
      stores.delete(store.workspaceId);
    });
  });
}

export async function ensureSqliteStore(id: string): Promise<WorkspaceSqliteStore> {
  let store = stores.get(id);
  if (!store) {
    store = await openWorkspaceStore(id);
    stores.set(id, store); // expect: stop-on-evict
    startWatchingDbFile(store);
  }
  return store;
}

export function disconnectSqliteStore(id: string): void {
  const store = stores.get(id);
  if (store) {
    store.destroy();
    stopWatching.get(id)?.();
    stopWatching.delete(id);
    stores.delete(id);
  }
}
