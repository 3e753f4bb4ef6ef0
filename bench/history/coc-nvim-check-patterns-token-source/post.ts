// history: neoclide/coc.nvim 7b583ac835b0 — https://github.com/neoclide/coc.nvim/commit/7b583ac835b0eb702c4a0c8df5976caf813164bd (diff read)
// leaked: checkPatterns registered a fresh CancellationTokenSource in _tokenSources for each root-pattern search and removed it from the set when a folder check finished without disposing it (and never removed it at all when the check timed out or failed), so the source and its cancellation emitter outlived the search.
// covers: container=set drop=delete resource=custom born=factory
interface Disposable {
  dispose(): void;
}

interface CancellationToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: (listener: (e: any) => any, thisArgs?: any, disposables?: Disposable[]) => Disposable;
}

// shaped like vscode-jsonrpc's cancellation.d.ts
declare class CancellationTokenSource {
  get token(): CancellationToken;
  cancel(): void;
  dispose(): void;
}

interface WorkspaceFolder {
  uri: string;
  name: string;
}

declare function checkFolder(dir: string, patterns: string[], token?: CancellationToken): Promise<boolean>;
declare function isCancellationError(error: unknown): boolean;
declare function uriToFsPath(uri: string): string;

declare const events: {
  on(event: 'VimLeavePre', handler: () => void, thisArg?: any): Disposable;
};

const checkPatternTimeout = 5000;

export default class WorkspaceFolderController {
  private rootPatterns = new Map<string, string[]>();
  private _workspaceFolders: WorkspaceFolder[] = [];
  private _tokenSources: Set<CancellationTokenSource> = new Set();

  constructor() {
    events.on('VimLeavePre', this.cancelAll, this);
  }

  get workspaceFolders(): ReadonlyArray<WorkspaceFolder> {
    return this._workspaceFolders;
  }

  cancelAll(): void {
    for (const tokenSource of this._tokenSources) {
      tokenSource.cancel();
    }
  }

  addRootPattern(filetype: string, patterns: string[]): void {
    const existing = this.rootPatterns.get(filetype) ?? [];
    this.rootPatterns.set(filetype, [...existing, ...patterns]);
  }

  reset(): void {
    this.rootPatterns.clear();
    this._workspaceFolders = [];
  }

  checkFolder(dir: string, patterns: string[], token?: CancellationToken): Promise<boolean> {
    return checkFolder(dir, patterns, token);
  }

  async checkPatterns(folders: ReadonlyArray<WorkspaceFolder>, patterns: string[]): Promise<boolean> {
    if (folders.length === 0) return false;
    const dirs = folders.map((folder) => uriToFsPath(folder.uri));
    let find = false;
    const tokenSource = new CancellationTokenSource();
    this._tokenSources.add(tokenSource);
    const token = tokenSource.token;
    const timer = setTimeout(() => {
      tokenSource.cancel();
    }, checkPatternTimeout);
    try {
      const results = await Promise.allSettled(
        dirs.map((dir) =>
          this.checkFolder(dir, patterns, token).then((checked) => {
            if (checked) {
              find = true;
              tokenSource.cancel();
            }
          }),
        ),
      );
      for (const res of results) {
        if (res.status === 'rejected' && !isCancellationError(res.reason)) {
          console.error('checkPatterns error:', patterns, res.reason);
        }
      }
      return find;
    } finally {
      // released on every outcome, including a timed-out or failed check
      clearTimeout(timer);
      this._tokenSources.delete(tokenSource);
      tokenSource.dispose();
    }
  }
}
