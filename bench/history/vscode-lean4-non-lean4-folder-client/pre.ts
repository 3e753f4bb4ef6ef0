// history: leanprover/vscode-lean4 b8fc5a87f45b6e8213fd5b3aa3f41ead33f6c5ed — https://github.com/leanprover/vscode-lean4/commit/b8fc5a87f45b6e8213fd5b3aa3f41ead33f6c5ed (diff read)
// leaked: when the awaited version check showed a folder was not Lean 4, ensureClient deleted the optimistic LeanClient from the clients map without dispose(), leaving its configuration listener registered (and a removed workspace folder's client was only stopped, never disposed).
// covers: container=map drop=delete resource=custom born=constructor

interface Disposable {
  dispose(): void;
}

interface Uri {
  toString(): string;
}

interface WorkspaceFolder {
  readonly uri: Uri;
}

interface ConfigurationChangeEvent {
  affectsConfiguration(section: string): boolean;
}

interface WorkspaceFoldersChangeEvent {
  readonly removed: readonly WorkspaceFolder[];
}

declare const workspace: {
  onDidChangeConfiguration(listener: (e: ConfigurationChangeEvent) => unknown): Disposable;
  onDidChangeWorkspaceFolders(listener: (e: WorkspaceFoldersChangeEvent) => unknown): Disposable;
};

interface LeanVersion {
  version: string;
  error?: string;
}

interface LeanInstaller {
  testLeanVersion(packageUri: Uri): Promise<LeanVersion>;
}

declare function findLeanPackageRoot(uri: Uri): [WorkspaceFolder | undefined, Uri];

class LeanClient implements Disposable {
  private subscriptions: Disposable[] = [];
  private started = false;

  constructor(
    readonly workspaceFolder: WorkspaceFolder | undefined,
    readonly folderUri: Uri,
  ) {
    this.subscriptions.push(workspace.onDidChangeConfiguration((e) => this.configChanged(e)));
  }

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
  }

  private configChanged(e: ConfigurationChangeEvent): void {
    if (e.affectsConfiguration('lean4') && this.started) void this.start();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    if (this.started) void this.stop();
  }
}

// One LeanClient per workspace folder.
export class LeanClientProvider implements Disposable {
  private subscriptions: Disposable[] = [];
  private versions = new Map<string, LeanVersion>();
  private clients = new Map<string, LeanClient>();
  private pending = new Map<string, boolean>();

  constructor(private installer: LeanInstaller) {
    this.subscriptions.push(
      workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          const path = folder.uri.toString();
          const client = this.clients.get(path);
          if (client) {
            this.clients.delete(path); // expect: stop-on-evict
            this.versions.delete(path);
            void client.stop();
          }
        }
      }),
    );
  }

  private async getLeanVersion(folderUri: Uri): Promise<LeanVersion> {
    const path = folderUri.toString();
    const cached = this.versions.get(path);
    if (cached) return cached;
    const info = await this.installer.testLeanVersion(folderUri);
    this.versions.set(path, info);
    return info;
  }

  async ensureClient(uri: Uri, versionInfo: LeanVersion | null): Promise<LeanClient | undefined> {
    const [workspaceFolder, folderUri] = findLeanPackageRoot(uri);
    const path = folderUri.toString();
    let client = this.clients.get(path);
    if (!client && !this.pending.has(path)) {
      this.pending.set(path, true);
      // optimistic client, created before the (slow) version check
      client = new LeanClient(workspaceFolder, folderUri);
      this.subscriptions.push(client);
      this.clients.set(path, client);

      if (!versionInfo) {
        versionInfo = await this.getLeanVersion(folderUri);
      }
      if (versionInfo.version && versionInfo.version !== '4') {
        // not a Lean 4 workspace: forget it
        this.pending.delete(path);
        this.clients.delete(path); // expect: stop-on-evict
        return undefined;
      }

      this.pending.delete(path);
      if (!versionInfo.error) {
        await client.start();
      }
    }
    return client;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
