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

abstract class ViewNode implements Disposable {
  protected disposed = false;

  constructor(
    readonly view: View,
    protected readonly parent?: ViewNode,
  ) {}

  abstract get order(): number;

  dispose(): any {
    this.disposed = true;
  }
}

function disposeChildren(oldChildren: ViewNode[] | undefined, newChildren?: ViewNode[]): void {
  if (!oldChildren?.length) return;

  for (const child of oldChildren) {
    if (newChildren?.includes(child)) continue;
    child.dispose();
  }
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

  override dispose(): any {
    super.dispose();
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

  override dispose(): any {
    super.dispose();
    disposeChildren(this._children);
  }

  private get children(): ResultNode[] {
    if (this._children == null) {
      const children: ResultNode[] = [];
      const stored = this.view.storedNodes();
      if (stored.length !== 0) {
        children.push(...stored);
      }
      disposeChildren(this._children, children);
      this._children = children;
    }
    return this._children;
  }

  private set children(value: ResultNode[] | undefined) {
    if (this._children === value) return;

    disposeChildren(this._children, value);
    this._children = value; // ok: stop-on-evict
  }

  getChildren(): ViewNode[] {
    return this.children.sort((a, b) => b.order - a.order);
  }

  addOrReplace(results: CompareResultsNode | SearchResultsNode): void {
    const children = [...this.children];
    if (children.includes(results)) return;

    children.push(results);
    this.children = children;
    this.view.triggerNodeChange();
  }

  async clear(): Promise<void> {
    if (this.children.length === 0) return;

    this.comparePicker = undefined;
    this.children = []; // ok: stop-on-evict

    await this.view.clearStorage();
    this.view.triggerNodeChange();
  }

  dismiss(node: CompareResultsNode | SearchResultsNode): void {
    node.dismiss();

    const children = [...this.children];
    const index = children.indexOf(node);
    if (index === -1) return;

    children.splice(index, 1);
    this.children = children;
    this.view.triggerNodeChange();
  }
}
