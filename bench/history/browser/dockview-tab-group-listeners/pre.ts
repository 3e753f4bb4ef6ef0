// history: dockview/dockview 8766a5fd4312 — https://github.com/dockview/dockview/commit/8766a5fd4312ee95e575b0065705ebb83647a403 (diff read)
// leaked: DockviewGroupPanelModel kept the listeners it registered on each TabGroup in _tabGroupDisposables; when a tab group was destroyed, _removeTabGroupInternal() deleted the entry without disposing it, leaving its onDidChange / onDidCollapseChange / onDidDestroy subscriptions to the TabGroup's own emitter teardown instead of releasing them.
// covers: container=map drop=delete resource=listener born=factory env=browser
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
  private readonly disposables: IDisposable[];
  constructor(...args: IDisposable[]) {
    this.disposables = args;
  }
  addDisposables(...args: IDisposable[]): void {
    this.disposables.push(...args);
  }
  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

type TabGroupColor = 'grey' | 'blue' | 'red' | 'green';

export class TabGroup extends CompositeDisposable {
  private readonly _onDidChange = new Emitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidCollapseChange = new Emitter<boolean>();
  readonly onDidCollapseChange = this._onDidCollapseChange.event;
  private readonly _onDidDestroy = new Emitter<void>();
  readonly onDidDestroy = this._onDidDestroy.event;
  readonly panelIds: string[] = [];

  constructor(readonly id: string, public label: string | undefined, public color: TabGroupColor | undefined) {
    super();
    this.addDisposables(this._onDidChange, this._onDidCollapseChange, this._onDidDestroy);
  }

  removePanel(panelId: string): void {
    const index = this.panelIds.indexOf(panelId);
    if (index !== -1) {
      this.panelIds.splice(index, 1);
      this._onDidChange.fire();
    }
  }

  collapse(): void {
    this._onDidCollapseChange.fire(true);
  }

  override dispose(): void {
    this._onDidDestroy.fire();
    super.dispose();
  }
}

export class DockviewGroupPanelModel {
  private readonly _tabGroups: TabGroup[] = [];
  private readonly _tabGroupMap = new Map<string, TabGroup>();
  private readonly _panelToTabGroup = new Map<string, TabGroup>();
  private readonly _tabGroupDisposables = new Map<string, IDisposable>();
  private _tabGroupIdCounter = 0;
  private readonly _onDidTabGroupChange = new Emitter<{ tabGroup: TabGroup }>();
  private readonly _onDidDestroyTabGroup = new Emitter<{ tabGroup: TabGroup }>();

  constructor(readonly id: string) {}

  createTabGroup(options?: { id?: string; label?: string; color?: TabGroupColor }): TabGroup {
    const id = options?.id ?? `tg-${this.id}-${this._tabGroupIdCounter++}`;
    const tabGroup = new TabGroup(id, options?.label, options?.color);
    this._tabGroups.push(tabGroup);
    this._tabGroupMap.set(id, tabGroup);
    this._tabGroupDisposables.set(
      id,
      new CompositeDisposable(
        tabGroup.onDidChange(() => this._onDidTabGroupChange.fire({ tabGroup })),
        tabGroup.onDidCollapseChange((collapsed) => {
          if (collapsed) {
            this.handleGroupCollapse(tabGroup);
          }
        }),
        tabGroup.onDidDestroy(() => this.removeTabGroupInternal(tabGroup)),
      ),
    );
    return tabGroup;
  }

  dissolveTabGroup(tabGroupId: string): void {
    const tabGroup = this._tabGroupMap.get(tabGroupId);
    if (!tabGroup) {
      return;
    }
    for (const panelId of [...tabGroup.panelIds]) {
      tabGroup.removePanel(panelId);
      this._panelToTabGroup.delete(panelId);
    }
    tabGroup.dispose();
  }

  private handleGroupCollapse(tabGroup: TabGroup): void {
    console.debug(`collapsed ${tabGroup.id}`);
  }

  private removeTabGroupInternal(tabGroup: TabGroup): void {
    const index = this._tabGroups.indexOf(tabGroup);
    if (index === -1) {
      return;
    }
    this._tabGroups.splice(index, 1);
    this._tabGroupMap.delete(tabGroup.id);
    for (const panelId of tabGroup.panelIds) {
      this._panelToTabGroup.delete(panelId);
    }
    this._onDidDestroyTabGroup.fire({ tabGroup });
    // Runs inside the onDidDestroy fire loop, so the entry is only forgotten
    // here on the assumption that tabGroup.dispose() clears the emitters.
    this._tabGroupDisposables.delete(tabGroup.id); // expect: stop-on-evict
  }

  dispose(): void {
    for (const tabGroup of [...this._tabGroups]) {
      tabGroup.dispose();
    }
    for (const disposable of this._tabGroupDisposables.values()) {
      disposable.dispose();
    }
    this._tabGroupDisposables.clear();
    this._onDidTabGroupChange.dispose();
    this._onDidDestroyTabGroup.dispose();
  }
}
