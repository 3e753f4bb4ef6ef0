// history: github/vscode-codeql 5b217220faf0 — https://github.com/github/vscode-codeql/commit/5b217220faf03eae4e969409ebbd0f6fa0e4631d (diff read)
// leaked: when a variant-analysis webview panel closed, VariantAnalysisManager.unregisterView dropped the view from its views map without disposing it, and the view stayed in the manager's push() list with its panel listeners until the extension shut down.
// covers: container=map drop=delete resource=custom born=parameter
interface Disposable {
  dispose(): any;
}

interface Event<T> {
  (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]): Disposable;
}

interface Webview {
  html: string;
  readonly onDidReceiveMessage: Event<any>;
  postMessage(message: any): PromiseLike<boolean>;
}

interface WebviewPanel {
  readonly webview: Webview;
  readonly onDidDispose: Event<void>;
  reveal(viewColumn?: number, preserveFocus?: boolean): void;
  dispose(): any;
}

interface ExtensionContext {
  readonly subscriptions: { dispose(): any }[];
}

declare function createWebviewPanel(viewType: string, title: string, showOptions: number): WebviewPanel;

interface VariantAnalysis {
  id: number;
  query: { filePath: string };
}

abstract class DisposableObject implements Disposable {
  private disposables: Disposable[] = [];
  private tracked?: Set<Disposable> = undefined;

  protected push<T extends Disposable>(obj: T): T {
    if (obj !== undefined) {
      this.disposables.push(obj);
    }
    return obj;
  }

  protected track<T extends Disposable>(obj: T): T {
    if (obj !== undefined) {
      if (this.tracked === undefined) {
        this.tracked = new Set<Disposable>();
      }
      this.tracked.add(obj);
    }
    return obj;
  }

  protected disposeAndStopTracking(obj: Disposable): void {
    if (obj && this.tracked) {
      this.tracked.delete(obj);
      obj.dispose();
    }
  }

  dispose(): void {
    if (this.tracked !== undefined) {
      for (const obj of this.tracked.values()) {
        obj.dispose();
      }
      this.tracked = undefined;
    }
    while (this.disposables.length > 0) {
      this.disposables.pop()!.dispose();
    }
  }
}

abstract class AbstractWebview extends DisposableObject {
  protected panel: WebviewPanel | undefined;

  constructor(protected readonly ctx: ExtensionContext) {
    super();
  }

  protected getPanel(): WebviewPanel {
    if (this.panel === undefined) {
      this.panel = createWebviewPanel('codeQL.variantAnalysis', this.title(), 1);
      this.setupPanel(this.panel);
    }
    return this.panel;
  }

  private setupPanel(panel: WebviewPanel): void {
    this.push(
      panel.onDidDispose(
        () => {
          this.panel = undefined;
          this.onPanelDispose();
        },
        null,
        this.ctx.subscriptions,
      ),
    );
    panel.webview.html = '<html></html>';
    this.push(panel.webview.onDidReceiveMessage(async (msg) => this.onMessage(msg), undefined, this.ctx.subscriptions));
  }

  protected abstract title(): string;
  protected abstract onPanelDispose(): void;
  protected abstract onMessage(msg: unknown): Promise<void>;
}

class VariantAnalysisView extends AbstractWebview {
  constructor(
    ctx: ExtensionContext,
    readonly variantAnalysisId: number,
    private readonly manager: VariantAnalysisManager,
  ) {
    super(ctx);
    manager.registerView(this);
  }

  async openView(): Promise<void> {
    this.getPanel().reveal(undefined, true);
  }

  async updateView(variantAnalysis: VariantAnalysis): Promise<void> {
    if (!this.panel) return;
    await this.panel.webview.postMessage({ t: 'setVariantAnalysis', variantAnalysis });
  }

  protected title(): string {
    return `CodeQL Query Results for ${this.variantAnalysisId}`;
  }

  protected onPanelDispose(): void {
    this.manager.unregisterView(this);
  }

  protected async onMessage(_msg: unknown): Promise<void> {}
}

export class VariantAnalysisManager extends DisposableObject {
  private readonly variantAnalyses = new Map<number, VariantAnalysis>();
  private readonly views = new Map<number, VariantAnalysisView>();

  constructor(private readonly ctx: ExtensionContext) {
    super();
  }

  async removeVariantAnalysis(variantAnalysis: VariantAnalysis): Promise<void> {
    this.variantAnalyses.delete(variantAnalysis.id);
  }

  async showView(variantAnalysisId: number): Promise<void> {
    if (!this.views.has(variantAnalysisId)) {
      // the view registers itself with the manager from its constructor
      this.push(new VariantAnalysisView(this.ctx, variantAnalysisId, this));
    }
    await this.views.get(variantAnalysisId)!.openView();
  }

  registerView(view: VariantAnalysisView): void {
    if (this.views.has(view.variantAnalysisId)) {
      throw new Error(`View for variant analysis with id: ${view.variantAnalysisId} already exists`);
    }
    this.views.set(view.variantAnalysisId, view);
  }

  unregisterView(view: VariantAnalysisView): void {
    this.views.delete(view.variantAnalysisId); // expect: stop-on-evict
  }

  getView(variantAnalysisId: number): VariantAnalysisView | undefined {
    return this.views.get(variantAnalysisId);
  }
}
