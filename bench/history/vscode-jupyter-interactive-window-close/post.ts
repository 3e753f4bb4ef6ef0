// history: microsoft/vscode-jupyter c0f2a08ab63e — https://github.com/microsoft/vscode-jupyter/commit/c0f2a08ab63ef3bb8e00a97cc4fff72582658c86 (diff read)
// leaked: when an interactive window was closed, InteractiveWindowProvider rebuilt _windows with a filter that dropped it without disposing it, so its controller-selection listeners and kernel hooks stayed alive until the extension shut down.
// covers: container=array drop=filter resource=custom born=constructor
interface Disposable {
  dispose(): any;
}

interface Event<T> {
  (listener: (e: T) => any): Disposable;
}

interface Uri {
  readonly fsPath: string;
}

interface ControllerSelection {
  onControllerSelected: Event<{ notebookUri: Uri; controllerId: string }>;
}

class InteractiveWindow implements Disposable {
  private readonly listeners: Disposable[] = [];
  private readonly closedHandlers: ((w: InteractiveWindow) => void)[] = [];

  constructor(readonly owner: Uri | undefined, selection: ControllerSelection) {
    this.listeners.push(selection.onControllerSelected((e) => this.onControllerChanged(e.controllerId)));
  }

  closed(handler: (w: InteractiveWindow) => void): Disposable {
    this.closedHandlers.push(handler);
    return { dispose: () => this.closedHandlers.splice(this.closedHandlers.indexOf(handler), 1) };
  }

  notifyClosed(): void {
    this.closedHandlers.slice().forEach((h) => h(this));
  }

  private onControllerChanged(_id: string): void {}

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.listeners.length = 0;
  }
}

export class InteractiveWindowProvider {
  private windows: InteractiveWindow[] = [];
  private lastActive: InteractiveWindow | undefined;

  constructor(
    private readonly registry: Disposable[],
    private readonly selection: ControllerSelection,
  ) {}

  getOrCreate(owner: Uri | undefined): InteractiveWindow {
    const existing = this.windows.find((w) => w.owner?.fsPath === owner?.fsPath);
    if (existing) {
      return existing;
    }
    const created = new InteractiveWindow(owner, this.selection);
    this.windows.push(created);
    this.lastActive = created;
    // the extension-wide registry disposes everything it holds only on deactivation
    this.registry.push(created);
    this.registry.push(created.closed(this.onWindowClosed));
    return created;
  }

  private onWindowClosed = (window: InteractiveWindow): void => {
    console.log(`Closing interactive window ${window.owner?.fsPath ?? '<none>'}`);
    window.dispose();
    this.windows = this.windows.filter((w) => w !== window); // ok: stop-on-evict
    if (this.lastActive === window) {
      this.lastActive = this.windows[0];
    }
  };
}
