// history: opensumi/core e6cb941c3a2d — https://github.com/opensumi/core/commit/e6cb941c3a2dc081143925e82d4e99b2e5e02cf4 (diff read)
// leaked: RecursiveFileSystemWatcher stored each watch in WATCHER_HANDLERS under the directory path it resolved, but its dispose-before-rewatch guard looked the entry up by the file:// uri, so watching a directory again overwrote the old entry with set() without disposing it and the old @parcel/watcher subscription kept running.
// covers: container=map drop=overwrite resource=watcher born=factory
import * as fs from 'node:fs/promises';
import * as paths from 'node:path';
import { fileURLToPath } from 'node:url';

// Shapes of @parcel/watcher's index.d.ts (only what is used here).
declare namespace ParcelWatcher {
  type EventType = 'create' | 'update' | 'delete';
  interface Event {
    path: string;
    type: EventType;
  }
  type SubscribeCallback = (err: Error | null, events: Event[]) => unknown;
  interface AsyncSubscription {
    unsubscribe(): Promise<void>;
  }
  function subscribe(dir: string, fn: SubscribeCallback, opts?: { ignore?: string[] }): Promise<AsyncSubscription>;
}

// Shapes of @opensumi/ide-core-common.
interface IDisposable {
  dispose(): void;
}
declare class DisposableCollection implements IDisposable {
  push(disposable: IDisposable): IDisposable;
  dispose(): void;
}
declare class Disposable implements IDisposable {
  static create(func: () => void): IDisposable;
  get disposed(): boolean;
  protected addDispose(disposable: IDisposable | IDisposable[]): void;
  dispose(): void;
}
interface ILogService {
  error(...args: unknown[]): void;
}
interface WatchOptions {
  excludes?: string[];
}

const pathExists = (path: string): Promise<boolean> => fs.access(path).then(() => true, () => false);

export class RecursiveFileSystemWatcher extends Disposable {
  private readonly WATCHER_HANDLERS = new Map<
    string,
    { path: string; handlers: ParcelWatcher.SubscribeCallback[]; disposable: IDisposable }
  >();
  protected readonly changes: { type: ParcelWatcher.EventType; path: string }[] = [];

  constructor(private excludes: string[], private readonly logger: ILogService) {
    super();
    this.addDispose(Disposable.create(() => this.WATCHER_HANDLERS.clear()));
  }

  async watchFileChanges(uri: string, options?: WatchOptions): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(`Watch ${uri} Timeout`), 60000);
      this.doWatchFileChange(uri, options).then(() => {
        resolve();
        clearTimeout(timer);
      });
    });
  }

  private async doWatchFileChange(uri: string, options?: WatchOptions): Promise<void> {
    const basePath = fileURLToPath(uri);
    const toDisposeWatcher = new DisposableCollection();
    let watchPath: string | undefined;
    if ((await pathExists(basePath)) && (await fs.lstat(basePath)).isDirectory()) {
      watchPath = basePath;
    } else {
      watchPath = await this.lookup(basePath);
    }
    if (!watchPath) {
      this.logger.error(`[Recursive] No valid watch path found for ${uri}`);
      return;
    }

    // the entry is keyed by the directory actually watched, so clean up under that key
    if (this.WATCHER_HANDLERS.has(watchPath)) {
      const previous = this.WATCHER_HANDLERS.get(watchPath);
      previous?.disposable.dispose();
      this.WATCHER_HANDLERS.delete(watchPath);
    }

    const handler: ParcelWatcher.SubscribeCallback = (err, events) => {
      if (err) {
        this.logger.error(`[Recursive] Watching ${watchPath} error: `, err);
        return;
      }
      for (const event of events) {
        this.changes.push({ type: event.type, path: event.path });
      }
    };

    this.WATCHER_HANDLERS.set(watchPath, {
      path: watchPath,
      disposable: toDisposeWatcher,
      handlers: [handler],
    });

    toDisposeWatcher.push(await this.start(watchPath, options));
    this.addDispose(toDisposeWatcher);
  }

  // walks up to `count` parents until one exists, so missing files are watched through their folder
  protected async lookup(path: string, count = 5): Promise<string | undefined> {
    let dir = paths.dirname(path);
    let times = 0;
    while (!(await pathExists(dir)) && times < count) {
      if (dir === paths.dirname(dir)) {
        return undefined;
      }
      dir = paths.dirname(dir);
      times++;
    }
    return (await pathExists(dir)) ? dir : undefined;
  }

  protected async start(basePath: string, options?: WatchOptions): Promise<DisposableCollection> {
    const disposables = new DisposableCollection();
    if (!(await pathExists(basePath))) {
      return disposables;
    }
    const realPath = await fs.realpath(basePath);
    const subscription = await ParcelWatcher.subscribe(
      realPath,
      (err, events) => {
        const handlers = this.WATCHER_HANDLERS.get(realPath)?.handlers;
        if (!handlers || events.length === 0) {
          return;
        }
        for (const handle of handlers) {
          handle(err, events);
        }
      },
      { ignore: this.excludes.concat(options?.excludes ?? []) },
    );
    disposables.push(Disposable.create(() => void subscription.unsubscribe()));
    return disposables;
  }

  private disposeWatcher(path: string): void {
    const watcher = this.WATCHER_HANDLERS.get(path);
    if (watcher) {
      watcher.disposable.dispose();
      this.WATCHER_HANDLERS.delete(path);
    }
  }

  unwatchFileChanges(uri: string): void {
    this.disposeWatcher(fileURLToPath(uri));
  }
}
