// history: microsoft/vscode-pull-request-github 20f4fed6e7ab — https://github.com/microsoft/vscode-pull-request-github/commit/20f4fed6e7ab323bfb9c8f376938763b5365c6af (diff read)
// leaked: PullRequestChangesTreeDataProvider replaced (addPrToView, different PR) or removed (removePrFromView) the RepositoryChangesNode kept per folder manager in _pullRequestManagerMap without disposing it, so every dropped node kept its editor, visibility and invalidate listeners alive.
// covers: container=map drop=overwrite resource=custom born=constructor
interface Disposable {
  dispose(): any;
}

interface Event<T> {
  (listener: (e: T) => any): Disposable;
}

interface PullRequestModel {
  readonly number: number;
  readonly title: string;
  onDidInvalidate: Event<void>;
}

interface FolderRepositoryManager {
  readonly rootPath: string;
}

interface ChangesView {
  title: string | undefined;
  onDidChangeVisibility: Event<boolean>;
}

declare const window: {
  onDidChangeActiveTextEditor: Event<{ uri: string } | undefined>;
};

class RepositoryChangesNode implements Disposable {
  private listeners: Disposable[] = [];

  constructor(
    private readonly view: ChangesView,
    readonly pullRequestModel: PullRequestModel,
  ) {
    this.listeners.push(window.onDidChangeActiveTextEditor((e) => this.reveal(e?.uri)));
    this.listeners.push(view.onDidChangeVisibility(() => this.reveal(undefined)));
    this.listeners.push(pullRequestModel.onDidInvalidate(() => this.refresh()));
  }

  private reveal(_uri: string | undefined): void {}

  private refresh(): void {}

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.listeners = [];
  }
}

export class PullRequestChangesProvider {
  private readonly nodesByManager = new Map<FolderRepositoryManager, RepositoryChangesNode>();

  constructor(private readonly view: ChangesView) {}

  private updateTitle(): void {
    const only = this.nodesByManager.size === 1 ? [...this.nodesByManager.values()][0] : undefined;
    this.view.title = only ? `Changes in Pull Request #${only.pullRequestModel.number}` : 'Changes in Pull Request';
  }

  async addPrToView(manager: FolderRepositoryManager, model: PullRequestModel): Promise<void> {
    if (this.nodesByManager.has(manager)) {
      const existing = this.nodesByManager.get(manager);
      if (existing && existing.pullRequestModel === model) {
        return;
      }
    }
    const node = new RepositoryChangesNode(this.view, model);
    this.nodesByManager.set(manager, node); // expect: stop-on-evict
    this.updateTitle();
  }

  async removePrFromView(manager: FolderRepositoryManager): Promise<void> {
    this.nodesByManager.delete(manager); // expect: stop-on-evict
    this.updateTitle();
  }
}
