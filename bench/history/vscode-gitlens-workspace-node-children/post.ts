// history: gitkraken/vscode-gitlens 1ff1e4a12259 — https://github.com/gitkraken/vscode-gitlens/commit/1ff1e4a12259faaec6f7e7537243d38b8d39cca7 (diff read)
// leaked: WorkspaceNode.refresh() reset its cached children to undefined without disposing the RepositoryNode children, whose view-visibility and repository-change subscriptions kept every discarded node alive after each refresh.
// covers: container=array drop=reassign resource=listener born=factory
interface Disposable {
  dispose(): any;
}

type Event<T> = (listener: (e: T) => any, thisArgs?: any) => Disposable;

declare function combineDisposables(...items: Disposable[]): Disposable;

interface Repository {
  readonly path: string;
  readonly onDidChange: Event<{ changed: string[] }>;
}

interface RepositoryDescriptor {
  readonly name: string;
}

interface Workspace {
  readonly name: string;
  repositoryDescriptors(): Promise<RepositoryDescriptor[] | undefined>;
  repositoriesByName(options: { force: boolean }): Promise<Map<string, { repository: Repository }>>;
}

interface WorkspacesView {
  readonly visible: boolean;
  readonly onDidChangeVisibility: Event<{ visible: boolean }>;
  refreshNode(node: ViewNode): void;
}

abstract class ViewNode {
  constructor(
    readonly view: WorkspacesView,
    protected readonly parent?: ViewNode,
  ) {}

  abstract getChildren(): ViewNode[] | Promise<ViewNode[]>;

  refresh?(): void;
}

class MessageNode extends ViewNode {
  constructor(view: WorkspacesView, parent: ViewNode, readonly message: string) {
    super(view, parent);
  }

  getChildren(): ViewNode[] {
    return [];
  }
}

class MissingRepositoryNode extends ViewNode {
  constructor(view: WorkspacesView, parent: ViewNode, readonly descriptor: RepositoryDescriptor) {
    super(view, parent);
  }

  getChildren(): ViewNode[] {
    return [];
  }
}

abstract class SubscribeableViewNode extends ViewNode implements Disposable {
  private readonly viewSubscription: Disposable;
  private subscription: Disposable | undefined;

  constructor(view: WorkspacesView, parent?: ViewNode) {
    super(view, parent);
    this.viewSubscription = view.onDidChangeVisibility((e) => {
      if (e.visible) {
        this.subscription ??= this.subscribe();
      } else {
        this.subscription?.dispose();
        this.subscription = undefined;
      }
    }, this);
  }

  protected abstract subscribe(): Disposable;

  dispose(): any {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.viewSubscription.dispose();
  }
}

class RepositoryNode extends SubscribeableViewNode {
  constructor(view: WorkspacesView, parent: ViewNode, readonly repo: Repository) {
    super(view, parent);
  }

  getChildren(): ViewNode[] {
    return [];
  }

  protected subscribe(): Disposable {
    return combineDisposables(this.repo.onDidChange(() => this.view.refreshNode(this), this));
  }
}

export class WorkspaceNode extends ViewNode {
  private _children: (MessageNode | RepositoryNode | MissingRepositoryNode)[] | undefined;

  constructor(view: WorkspacesView, parent: ViewNode, readonly workspace: Workspace) {
    super(view, parent);
  }

  async getChildren(): Promise<ViewNode[]> {
    if (this._children == null) {
      this._children = [];
      try {
        const descriptors = await this.workspace.repositoryDescriptors();
        if (!descriptors?.length) {
          this._children.push(new MessageNode(this.view, this, 'No repositories'));
          return this._children;
        }

        const byName = await this.workspace.repositoriesByName({ force: true });
        for (const descriptor of descriptors) {
          const repo = byName.get(descriptor.name)?.repository;
          if (repo == null) {
            this._children.push(new MissingRepositoryNode(this.view, this, descriptor));
            continue;
          }
          this._children.push(new RepositoryNode(this.view, this, repo));
        }
      } catch {
        return [new MessageNode(this.view, this, 'Failed to load repositories')];
      }
    }
    return this._children;
  }

  override refresh(): void {
    if (this._children == null) return;

    if (this._children.length) {
      for (const child of this._children) {
        if ('dispose' in child) {
          child.dispose();
        }
      }
    }

    this._children = undefined; // ok: stop-on-evict
  }
}
