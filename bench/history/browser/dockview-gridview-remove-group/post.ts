// history: dockview/dockview a40ce0d428c6 — https://github.com/dockview/dockview/commit/a40ce0d428c6b550ec947a3b07d3084fc101614b (diff read)
// leaked: BaseGrid kept each panel in _groups as { value, disposable }; doRemoveGroup() released only the focus listener before deleting the entry, and GridviewComponent.fromJSON() cleared the whole map, so the removed GridviewPanel (its api emitters and framework part) was never disposed.
// covers: container=map drop=delete,clear resource=custom born=factory env=browser
interface IDisposable {
  dispose(): void;
}

interface IValueDisposable<T> {
  value: T;
  disposable: IDisposable;
}

type Event<T> = (listener: (e: T) => void) => IDisposable;

declare class Emitter<T> implements IDisposable {
  readonly event: Event<T>;
  fire(e: T): void;
  dispose(): void;
}

class CompositeDisposable implements IDisposable {
  private readonly disposables: IDisposable[];
  constructor(...args: IDisposable[]) {
    this.disposables = args;
  }
  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

interface IGridPanelView extends IDisposable {
  readonly id: string;
  readonly element: HTMLElement;
  setActive(isActive: boolean): void;
}

declare class Gridview implements IDisposable {
  readonly element: HTMLElement;
  addView(view: IGridPanelView, size: number | undefined, location: number[]): void;
  remove(view: IGridPanelView): IGridPanelView;
  deserialize(json: object, factory: { fromJSON: (node: { id: string; component: string }) => IGridPanelView }): void;
  clear(): void;
  dispose(): void;
}

interface FrameworkPart extends IDisposable {
  update(params: object): void;
}

class GridviewPanelApi implements IDisposable {
  private readonly _onDidFocusChange = new Emitter<{ isFocused: boolean }>();
  readonly onDidFocusChange = this._onDidFocusChange.event;
  dispose(): void {
    this._onDidFocusChange.dispose();
  }
}

export class GridviewPanel implements IGridPanelView {
  readonly element = document.createElement('div');
  readonly api = new GridviewPanelApi();
  private part?: FrameworkPart;

  constructor(readonly id: string, private readonly createPart: (el: HTMLElement) => FrameworkPart) {}

  init(params: object): void {
    this.part = this.createPart(this.element);
    this.part.update(params);
  }

  setActive(isActive: boolean): void {
    this.element.classList.toggle('active', isActive);
  }

  dispose(): void {
    this.api.dispose();
    this.part?.dispose();
  }
}

export abstract class BaseGrid<T extends IGridPanelView> {
  protected readonly _groups = new Map<string, IValueDisposable<T>>();
  protected readonly gridview: Gridview;
  protected _activeGroup: T | undefined;
  private readonly _onDidRemoveGroup = new Emitter<T>();
  readonly onDidRemoveGroup = this._onDidRemoveGroup.event;

  constructor(gridview: Gridview) {
    this.gridview = gridview;
  }

  protected doAddGroup(group: T, location: number[] = [0], size?: number): void {
    this.gridview.addView(group, size, location);
    this._activeGroup = group;
  }

  protected doRemoveGroup(group: T, options?: { skipActive?: boolean; skipDispose?: boolean }): T {
    const item = this._groups.get(group.id);
    if (!item) {
      throw new Error('invalid operation');
    }
    const view = this.gridview.remove(group);
    if (!options?.skipDispose) {
      item.disposable.dispose();
      item.value.dispose();
      this._groups.delete(group.id);
    }
    this._onDidRemoveGroup.fire(group);
    if (!options?.skipActive && this._activeGroup === group) {
      this._activeGroup = Array.from(this._groups.values())[0]?.value;
    }
    return view as T;
  }

  getPanel(id: string): T | undefined {
    return this._groups.get(id)?.value;
  }

  removeGroup(group: T): void {
    this.doRemoveGroup(group);
  }

  abstract fromJSON(data: object): void;
}

export class GridviewComponent extends BaseGrid<GridviewPanel> {
  constructor(private readonly components: Record<string, (el: HTMLElement) => FrameworkPart>, gridview: Gridview) {
    super(gridview);
  }

  private createComponent(id: string, component: string): GridviewPanel {
    return new GridviewPanel(id, this.components[component]);
  }

  addPanel(options: { id: string; component: string; params?: object; location?: number[] }): void {
    const view = this.createComponent(options.id, options.component);
    view.init(options.params ?? {});
    this.registerPanel(view);
    this.doAddGroup(view, options.location);
  }

  removePanel(panel: GridviewPanel): void {
    this.removeGroup(panel);
  }

  fromJSON(grid: object): void {
    const groups = Array.from(this._groups.values()); // copy, removing mutates the map
    for (const group of groups) {
      group.disposable.dispose();
      this.doRemoveGroup(group.value, { skipActive: true });
    }

    this.gridview.clear();

    this.gridview.deserialize(grid, {
      fromJSON: (node) => {
        const view = this.createComponent(node.id, node.component);
        view.init({});
        this.registerPanel(view);
        return view;
      },
    });
  }

  private registerPanel(panel: GridviewPanel): void {
    const disposable = new CompositeDisposable(
      panel.api.onDidFocusChange((event) => {
        if (!event.isFocused) {
          return;
        }
        this._groups.forEach((item) => item.value.setActive(item.value === panel));
      }),
    );
    this._groups.set(panel.id, { value: panel, disposable });
  }
}
