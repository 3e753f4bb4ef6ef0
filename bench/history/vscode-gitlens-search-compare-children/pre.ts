// history: gitkraken/vscode-gitlens 873386f191e3 — https://github.com/gitkraken/vscode-gitlens/commit/873386f191e384581ed98a9f577d84c6d77e8736 (diff read)
// leaked: SearchAndCompareViewNode emptied its children with `length = 0` (clear) and removed a dismissed result with splice() without disposing the CompareResultsNode, whose view-visibility/auto-refresh/checked-state subscriptions kept the discarded node alive.
// covers: container=array drop=length resource=listener born=parameter
interface Disposable {
  dispose(): any;
}

type Event<T> = (listener: (e: T) => any, thisArgs?: any) => Disposable;

declare function disposableFrom(...items: Disposable[]): Disposable;

interface View {
  readonly visible: boolean;
  readonly onDidChangeVisibility: Event<{ visible: boolean }>;
  readonly onDidChangeAutoRefresh: Event<void>;
  readonly onDidChangeNodesCheckedState: Event<{ checked: string[] }>;
  triggerNodeChange(node?: ViewNode): void;
  storedNodes(): (CompareResultsNode | SearchResultsNode)[];
  clearStorage(): Promise<void>;
  forget(key: string): Promise<void>;
}

abstract class ViewNode {
  constructor(
    readonly view: View,
    protected readonly parent?: ViewNode,
  ) {}

  abstract get order(): number;
}

abstract class SubscribeableViewNode extends ViewNode implements Disposable {
  protected readonly disposable: Disposable;
  protected subscription: Promise<Disposable | undefined> | undefined;

  constructor(view: View, parent?: ViewNode) {
    super(view, parent);
    this.disposable = disposableFrom(
      view.onDidChangeVisibility(this.onVisibilityChanged, this),
      view.onDidChangeAutoRefresh(() => this.onVisibilityChanged({ visible: view.visible }), this),
    );
  }

  dispose(): any {
    void this.unsubscribe();
    this.disposable.dispose();
  }

  protected abstract subscribe(): Disposable | undefined;

  protected async unsubscribe(): Promise<void> {
    if (this.subscription != null) {
      const pending = this.subscription;
      this.subscription = undefined;
      (await pending)?.dispose();
    }
  }

  protected onVisibilityChanged(e: { visible: boolean }): void {
    if (e.visible) {
      this.subscription ??= Promise.resolve(this.subscribe());
    } else {
      void this.unsubscribe();
    }
  }
}

class ComparePickerNode extends ViewNode {
  constructor(
    view: View,
    parent: ViewNode,
    readonly repoPath: string,
  ) {
    super(view, parent);
  }

  get order(): number {
    return Number.MAX_SAFE_INTEGER;
  }
}

class SearchResultsNode extends ViewNode {
  constructor(
    view: View,
    parent: ViewNode,
    readonly key: string,
    private readonly storedAt: number,
  ) {
    super(view, parent);
  }

  get order(): number {
    return this.storedAt;
  }

  dismiss(): void {
    void this.view.forget(this.key);
  }
}

class CompareResultsNode extends SubscribeableViewNode {
  constructor(
    view: View,
    parent: ViewNode,
    readonly key: string,
    private readonly storedAt: number,
  ) {
    super(view, parent);
  }

  get order(): number {
    return this.storedAt;
  }

  dismiss(): void {
    void this.view.forget(this.key);
  }

  protected subscribe(): Disposable | undefined {
    return this.view.onDidChangeNodesCheckedState(() => this.view.triggerNodeChange(this), this);
  }
}

type ResultNode = ComparePickerNode | CompareResultsNode | SearchResultsNode;

export class SearchAndCompareViewNode extends ViewNode {
  private comparePicker: ComparePickerNode | undefined;
  private _children: ResultNode[] | undefined;

  constructor(view: View) {
    super(view);
  }

  get order(): number {
    return 0;
  }

  private get children(): ResultNode[] {
    if (this._children == null) {
      this._children = [];
      const stored = this.view.storedNodes();
      if (stored.length !== 0) {
        this._children.push(...stored);
      }
    }
    return this._children;
  }

  getChildren(): ViewNode[] {
    return this.children.sort((a, b) => b.order - a.order);
  }

  addOrReplace(results: CompareResultsNode | SearchResultsNode): void {
    const children = this.children;
    if (children.includes(results)) return;

    children.push(results);
    this.view.triggerNodeChange();
  }

  async clear(): Promise<void> {
    if (this.children.length === 0) return;

    this.comparePicker = undefined;
    this._children!.length = 0; // expect: stop-on-evict

    await this.view.clearStorage();
    this.view.triggerNodeChange();
  }

  dismiss(node: CompareResultsNode | SearchResultsNode): void {
    node.dismiss();

    const children = this.children;
    const index = children.indexOf(node);
    if (index === -1) return;

    children.splice(index, 1); // expect: stop-on-evict
    this.view.triggerNodeChange();
  }
}
