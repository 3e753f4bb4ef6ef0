// history: dockview/dockview a40ce0d428c6 — https://github.com/dockview/dockview/commit/a40ce0d428c6b550ec947a3b07d3084fc101614b (diff read)
// leaked: Paneview kept each pane with its expansion listener in paneItems; removePane() spliced the item out and dispose() reset the array while releasing only the listener, so the removed PaneviewPanel (its api emitters, header/body parts and DOM) was never disposed.
// covers: container=array drop=splice,reassign resource=custom born=parameter env=browser
interface IDisposable {
  dispose(): void;
}

type Event<T> = (listener: (e: T) => void) => IDisposable;

declare class Emitter<T> implements IDisposable {
  readonly event: Event<T>;
  fire(e: T): void;
  dispose(): void;
}

class CompositeDisposable implements IDisposable {
  private readonly disposables: IDisposable[] = [];
  addDisposables(...args: IDisposable[]): void {
    this.disposables.push(...args);
  }
  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

declare class Splitview implements IDisposable {
  constructor(container: HTMLElement, options: { orientation: 'vertical' | 'horizontal' });
  readonly length: number;
  addView(view: PaneviewPanel, size: number | undefined, index: number): void;
  removeView(index: number): PaneviewPanel;
  getViews(): PaneviewPanel[];
  dispose(): void;
}

export class PaneviewPanel extends CompositeDisposable {
  readonly element = document.createElement('div');
  private readonly _onDidChangeExpansionState = new Emitter<boolean>();
  readonly onDidChangeExpansionState = this._onDidChangeExpansionState.event;
  size = 0;

  constructor(readonly id: string, private readonly body: IDisposable) {
    super();
    this.addDisposables(this._onDidChangeExpansionState);
  }

  override dispose(): void {
    super.dispose();
    this.body.dispose();
    this.element.remove();
  }
}

interface PaneItem {
  pane: PaneviewPanel;
  disposable: IDisposable;
}

export class Paneview extends CompositeDisposable {
  private readonly element: HTMLElement;
  private readonly splitview: Splitview;
  private paneItems: PaneItem[] = [];
  private animationTimer: number | undefined;
  private skipAnimation = false;
  private readonly _onDidChange = new Emitter<void>();
  readonly onDidChange = this._onDidChange.event;

  constructor(container: HTMLElement) {
    super();
    this.element = document.createElement('div');
    this.element.className = 'pane-container';
    container.appendChild(this.element);
    this.splitview = new Splitview(this.element, { orientation: 'vertical' });
    this.addDisposables(this._onDidChange);
  }

  getPanes(): PaneviewPanel[] {
    return this.splitview.getViews();
  }

  addPane(pane: PaneviewPanel, size?: number, index = this.splitview.length): void {
    const listener = pane.onDidChangeExpansionState(() => {
      this.setupAnimation();
      this._onDidChange.fire();
    });
    this.paneItems.splice(index, 0, { pane, disposable: listener });
    this.splitview.addView(pane, size, index);
  }

  removePane(index: number, options: { skipDispose: boolean } = { skipDispose: false }): PaneItem {
    const paneItem = this.paneItems.splice(index, 1)[0];
    this.splitview.removeView(index);
    if (!options.skipDispose) {
      paneItem.disposable.dispose();
      paneItem.pane.dispose();
    }
    return paneItem;
  }

  moveView(from: number, to: number): void {
    if (from === to) {
      return;
    }
    const item = this.removePane(from, { skipDispose: true });
    this.skipAnimation = true;
    try {
      this.addPane(item.pane, item.pane.size, to);
    } finally {
      this.skipAnimation = false;
    }
  }

  private setupAnimation(): void {
    if (this.skipAnimation) {
      return;
    }
    clearTimeout(this.animationTimer);
    this.element.classList.add('animated');
    this.animationTimer = setTimeout(() => {
      this.animationTimer = undefined;
      this.element.classList.remove('animated');
    }, 200);
  }

  override dispose(): void {
    super.dispose();
    clearTimeout(this.animationTimer);
    this.animationTimer = undefined;
    this.paneItems.forEach((item) => {
      item.disposable.dispose();
      item.pane.dispose();
    });
    this.paneItems = [];
    this.splitview.dispose();
    this.element.remove();
  }
}

export class PaneviewComponent {
  private readonly paneview: Paneview;

  constructor(element: HTMLElement) {
    this.paneview = new Paneview(element);
  }

  addPanel(id: string, body: IDisposable, size?: number): PaneviewPanel {
    const view = new PaneviewPanel(id, body);
    this.paneview.addPane(view, size);
    return view;
  }

  removePanel(panel: PaneviewPanel): void {
    const index = this.paneview.getPanes().findIndex((p) => p === panel);
    this.paneview.removePane(index);
  }

  movePanel(from: number, to: number): void {
    this.paneview.moveView(from, to);
  }

  dispose(): void {
    this.paneview.dispose();
  }
}
