// history: opensumi/core 784927347ff3 — https://github.com/opensumi/core/commit/784927347ff381e3af7fadb5d9e851f4607dfa4e (diff read)
// leaked: FileServiceClient kept one FileSystemWatcher per watched uri in uriWatcherMap, and the disposer it registered per watch id (run by unwatchFileChanges, e.g. for every id when a provider scheme was unregistered) deleted the watcher from that map without disposing it, so its change emitter and listeners stayed alive.
// covers: container=map drop=delete resource=custom born=constructor
// Shapes of @opensumi/ide-core-common (a port of VS Code's base/common/event and lifecycle).
interface IDisposable {
  dispose(): void;
}
interface Event<T> {
  (listener: (e: T) => any, thisArgs?: any, disposables?: IDisposable[]): IDisposable;
}
declare class Emitter<T> {
  get event(): Event<T>;
  fire(event: T): void;
  dispose(): void;
}
declare class DisposableCollection implements IDisposable {
  push(disposable: IDisposable): IDisposable;
  pushAll(disposables: IDisposable[]): IDisposable[];
  dispose(): void;
}
declare class URI {
  readonly scheme: string;
  toString(): string;
}

interface FileChange {
  uri: string;
  type: number;
}

interface FileSystemProvider {
  watch(uri: URI, options: { excludes?: string[] }): number | Promise<number>;
  unwatch?(watcherId: number): void | Promise<void>;
  readonly onDidChangeFile?: Event<FileChange[]>;
}

interface IFileServiceWatcher extends IDisposable {
  readonly onFilesChanged: Event<FileChange[]>;
}

class FileSystemWatcher implements IFileServiceWatcher {
  private readonly toDispose = new DisposableCollection();
  protected readonly changeEmitter = new Emitter<FileChange[]>();
  readonly watchId: number;

  constructor(private readonly client: FileServiceClient, watchId: number, private readonly uri: URI) {
    this.watchId = watchId;
    this.toDispose.push(this.changeEmitter);
    this.client.onFilesChanged((changes) => {
      const prefix = this.uri.toString();
      const mine = changes.filter((change) => change.uri.startsWith(prefix));
      if (mine.length > 0) {
        this.changeEmitter.fire(mine);
      }
    });
  }

  get onFilesChanged(): Event<FileChange[]> {
    return this.changeEmitter.event;
  }

  dispose(): Promise<void> {
    this.toDispose.dispose();
    return this.client.unwatchFileChanges(this.watchId);
  }
}

export class FileServiceClient {
  protected readonly watcherWithSchemaMap = new Map<string, number[]>();
  protected readonly watcherDisposerMap = new Map<number, IDisposable>();
  protected readonly _onFilesChanged = new Emitter<FileChange[]>();
  readonly onFilesChanged: Event<FileChange[]> = this._onFilesChanged.event;
  protected watcherId = 0;
  protected readonly toDisposable = new DisposableCollection();
  private readonly fsProviders = new Map<string, FileSystemProvider>();
  private readonly uriWatcherMap = new Map<string, FileSystemWatcher>();

  private async getProvider(scheme: string): Promise<FileSystemProvider> {
    const provider = this.fsProviders.get(scheme);
    if (!provider) {
      throw new Error(`no file system provider for ${scheme}`);
    }
    return provider;
  }

  async watchFileChanges(uri: URI, excludes?: string[]): Promise<IFileServiceWatcher> {
    const key = uri.toString();
    const existing = this.uriWatcherMap.get(key);
    if (existing) {
      return existing;
    }
    const id = this.watcherId++;
    const provider = await this.getProvider(uri.scheme);
    const idsOfScheme = this.watcherWithSchemaMap.get(uri.scheme) || [];
    const providerWatchId = await provider.watch(uri, { excludes });

    this.watcherDisposerMap.set(id, {
      dispose: () => {
        provider.unwatch?.(providerWatchId);
        this.uriWatcherMap.delete(key); // expect: stop-on-evict
      },
    });
    idsOfScheme.push(id);
    this.watcherWithSchemaMap.set(uri.scheme, idsOfScheme);

    const watcher = new FileSystemWatcher(this, id, uri);
    this.uriWatcherMap.set(key, watcher);
    return watcher;
  }

  async unwatchFileChanges(watcherId: number): Promise<void> {
    const disposer = this.watcherDisposerMap.get(watcherId);
    if (!disposer || !disposer.dispose) {
      return;
    }
    disposer.dispose();
  }

  registerProvider(scheme: string, provider: FileSystemProvider): IDisposable {
    if (this.fsProviders.has(scheme)) {
      throw new Error(`a file system provider for '${scheme}' already exists`);
    }
    const disposables: IDisposable[] = [];
    this.fsProviders.set(scheme, provider);
    disposables.push({ dispose: () => this.fsProviders.delete(scheme) });
    if (provider.onDidChangeFile) {
      disposables.push(provider.onDidChangeFile((changes) => this._onFilesChanged.fire(changes)));
    }
    disposables.push({
      dispose: () => {
        (this.watcherWithSchemaMap.get(scheme) || []).forEach((id) => this.unwatchFileChanges(id));
      },
    });
    this.toDisposable.pushAll(disposables);

    const forCaller = new DisposableCollection();
    forCaller.pushAll(disposables);
    return forCaller;
  }

  dispose(): void {
    this.toDisposable.dispose();
  }
}
