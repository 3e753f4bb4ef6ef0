// history: gitkraken/vscode-gitlens 06514d1d6236 — https://github.com/gitkraken/vscode-gitlens/commit/06514d1d623616723e5786c3572051f2318478e3 (diff read)
// leaked: LocalGitProvider dropped cached remote lists from _remotesCache (repository change, resetCache, resetCaches) without releasing the rich remote providers inside them, whose configuration/authentication listeners stayed registered for the life of the extension.
// covers: container=map drop=delete resource=listener born=factory
interface Disposable {
  dispose(): any;
}

type Event<T> = (listener: (e: T) => any, thisArgs?: any) => Disposable;

declare class EventEmitter<T> implements Disposable {
  readonly event: Event<T>;
  fire(data: T): void;
  dispose(): any;
}

declare function disposableFrom(...items: Disposable[]): Disposable;

declare const configuration: {
  onDidChange: Event<{ affects(section: string): boolean }>;
};

declare const authentication: {
  onDidChangeSessions: Event<{ provider: { id: string } }>;
};

interface ExtensionContext {
  readonly subscriptions: Disposable[];
}

declare function runGitRemote(repoPath: string): Promise<string>;

class RemoteProvider {
  constructor(
    readonly domain: string,
    readonly path: string,
  ) {}
}

class RichRemoteProvider extends RemoteProvider implements Disposable {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly ignoreSslErrors = new Map<string, boolean>();
  private session: string | null | undefined;
  private readonly subscriptions: Disposable;
  disposed = false;

  constructor(context: ExtensionContext, domain: string, path: string, private readonly authId: string) {
    super(domain, path);
    this.subscriptions = disposableFrom(
      configuration.onDidChange((e) => {
        if (e.affects('remotes')) {
          this.ignoreSslErrors.clear();
        }
      }),
      authentication.onDidChangeSessions(this.onSessionsChanged, this),
    );
    context.subscriptions.push(this.subscriptions);
  }

  dispose(): any {
    this.subscriptions.dispose();
    this.disposed = true;
  }

  private onSessionsChanged(e: { provider: { id: string } }): void {
    if (e.provider.id === this.authId) {
      this.session = undefined;
      this.changed.fire();
    }
  }
}

class GitRemote {
  constructor(
    readonly repoPath: string,
    readonly name: string,
    readonly provider: RemoteProvider | undefined,
  ) {}

  hasRichProvider(): this is GitRemote & { provider: RichRemoteProvider } {
    return this.provider instanceof RichRemoteProvider;
  }
}

type CacheName = 'branches' | 'remotes' | 'tags';

export class LocalGitProvider {
  private readonly remotesCache = new Map<string, Promise<GitRemote[]>>();
  private readonly branchesCache = new Map<string, Promise<string[]>>();

  constructor(private readonly context: ExtensionContext) {}

  onRepositoryChanged(repoPath: string, changed: { remotes: boolean; heads: boolean }): void {
    if (changed.heads) {
      this.branchesCache.delete(repoPath);
    }
    if (changed.remotes) {
      const remotes = this.remotesCache.get(repoPath);
      void disposeRemotes([remotes]);
      this.remotesCache.delete(repoPath); // ok: stop-on-evict
    }
  }

  resetCache(repoPath: string, ...caches: CacheName[]): void {
    if (caches.length === 0 || caches.includes('branches')) {
      this.branchesCache.delete(repoPath);
    }
    if (caches.length === 0 || caches.includes('remotes')) {
      const remotes = this.remotesCache.get(repoPath);
      void disposeRemotes([remotes]);
      this.remotesCache.delete(repoPath); // ok: stop-on-evict
    }
  }

  resetCaches(...caches: CacheName[]): void {
    if (caches.length === 0 || caches.includes('branches')) {
      this.branchesCache.clear();
    }
    if (caches.length === 0 || caches.includes('remotes')) {
      void disposeRemotes([...this.remotesCache.values()]);
      this.remotesCache.clear(); // ok: stop-on-evict
    }
  }

  getRemotes(repoPath: string): Promise<GitRemote[]> {
    let remotes = this.remotesCache.get(repoPath);
    if (remotes == null) {
      remotes = this.loadRemotes(repoPath);
      this.remotesCache.set(repoPath, remotes);
    }
    return remotes;
  }

  private async loadRemotes(repoPath: string): Promise<GitRemote[]> {
    const output = await runGitRemote(repoPath);
    const remotes: GitRemote[] = [];
    for (const line of output.split('\n')) {
      const [name, url] = line.split('\t');
      if (!name || !url) continue;
      const { hostname, pathname } = new URL(url);
      const provider =
        hostname === 'github.com'
          ? new RichRemoteProvider(this.context, hostname, pathname, 'github')
          : new RemoteProvider(hostname, pathname);
      remotes.push(new GitRemote(repoPath, name, provider));
    }
    return remotes;
  }
}

async function disposeRemotes(pending: (Promise<GitRemote[]> | undefined)[]): Promise<void> {
  const settled = await Promise.allSettled(pending);
  for (const result of settled) {
    if (result.status !== 'fulfilled' || result.value == null) continue;
    for (const remote of result.value) {
      if (remote.hasRichProvider()) {
        remote.provider.dispose();
      }
    }
  }
}
