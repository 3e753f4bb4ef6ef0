// history: jupyterlab/jupyterlab 738dbb182c19 (PR #19370) — https://github.com/jupyterlab/jupyterlab/commit/738dbb182c197f545e49ad9ca07e563e313017f1 (diff read)
// leaked: DebuggerHandler kept the kernelChanged/statusChanged/iopubMessage slots it had connected to a session connection in id-keyed maps, and removeHandlers() deleted those entries without disconnecting the slots, so the long-lived connection kept closures over every closed notebook or console widget.
// covers: container=object-map drop=delete resource=listener env=browser

// Shaped like @lumino/signaling, @lumino/disposable and @lumino/widgets declarations (only what is used).
interface ISignal<T, U> {
  connect(slot: (sender: T, args: U) => void, thisArg?: unknown): boolean;
  disconnect(slot: (sender: T, args: U) => void, thisArg?: unknown): boolean;
}
declare class Signal<T, U> implements ISignal<T, U> {
  constructor(sender: T);
  connect(slot: (sender: T, args: U) => void, thisArg?: unknown): boolean;
  disconnect(slot: (sender: T, args: U) => void, thisArg?: unknown): boolean;
  emit(args: U): void;
  static disconnectBetween(sender: unknown, receiver: unknown): void;
  static clearData(object: unknown): void;
}
interface IDisposable {
  readonly isDisposed: boolean;
  dispose(): void;
}
declare class Widget implements IDisposable {
  id: string;
  readonly node: HTMLElement;
  readonly isDisposed: boolean;
  readonly disposed: ISignal<this, void>;
  dispose(): void;
}

type KernelStatus = 'idle' | 'busy' | 'restarting' | 'autorestarting' | 'dead';
interface IOPubMessage {
  parent_header: { msg_type: string };
}

interface ISessionConnection {
  readonly id: string;
  readonly path: string;
  readonly kernelChanged: ISignal<ISessionConnection, unknown>;
  readonly statusChanged: ISignal<ISessionConnection, KernelStatus>;
  readonly iopubMessage: ISignal<ISessionConnection, IOPubMessage>;
}

interface IDebuggerService {
  readonly isStarted: boolean;
  readonly stopped: ISignal<IDebuggerService, void>;
  isAvailable(connection: ISessionConnection): Promise<boolean>;
  stop(): Promise<void>;
  displayDefinedVariables(): Promise<void>;
  readonly model: { clear(): void };
}

class NotebookDebugHandler implements IDisposable {
  isDisposed = false;
  constructor(readonly widget: Widget, readonly service: IDebuggerService) {}
  dispose(): void {
    this.isDisposed = true;
  }
}

export class DebuggerHandler {
  private _handlers: { [id: string]: IDisposable } = {};
  private _kernelChangedHandlers: { [id: string]: () => void } = {};
  private _statusChangedHandlers: { [id: string]: (s: ISessionConnection, status: KernelStatus) => void } = {};
  private _iopubMessageHandlers: { [id: string]: (s: ISessionConnection, msg: IOPubMessage) => void } = {};
  private _iconButtons: { [id: string]: HTMLButtonElement } = {};
  private _activeWidget: Widget | null = null;

  constructor(private readonly _service: IDebuggerService) {}

  get activeWidget(): Widget | null {
    return this._activeWidget;
  }

  async update(widget: Widget, connection: ISessionConnection): Promise<void> {
    const kernelChanged = (): void => {
      void this.updateWidget(widget, connection);
    };
    const previousKernelChanged = this._kernelChangedHandlers[widget.id];
    if (previousKernelChanged) {
      connection.kernelChanged.disconnect(previousKernelChanged);
    }
    this._kernelChangedHandlers[widget.id] = kernelChanged;
    connection.kernelChanged.connect(kernelChanged);

    const statusChanged = (_: ISessionConnection, status: KernelStatus): void => {
      if (status.endsWith('restarting')) {
        void this.updateWidget(widget, connection);
      }
    };
    const previousStatusChanged = this._statusChangedHandlers[widget.id];
    if (previousStatusChanged) {
      connection.statusChanged.disconnect(previousStatusChanged);
    }
    connection.statusChanged.connect(statusChanged);
    this._statusChangedHandlers[widget.id] = statusChanged;

    const iopubMessage = (_: ISessionConnection, msg: IOPubMessage): void => {
      if (this._service.isStarted && msg.parent_header.msg_type === 'execute_request') {
        void this._service.displayDefinedVariables();
      }
    };
    const previousIopub = this._iopubMessageHandlers[widget.id];
    if (previousIopub) {
      connection.iopubMessage.disconnect(previousIopub);
    }
    connection.iopubMessage.connect(iopubMessage);
    this._iopubMessageHandlers[widget.id] = iopubMessage;
    this._activeWidget = widget;

    return this.updateWidget(widget, connection);
  }

  async updateWidget(widget: Widget, connection: ISessionConnection): Promise<void> {
    const createHandler = (): void => {
      if (this._handlers[widget.id]) {
        return;
      }
      this._handlers[widget.id] = new NotebookDebugHandler(widget, this._service);
      widget.node.setAttribute('data-jp-debugger', 'true');
    };

    const removeHandlers = (): void => {
      this._service.stopped.disconnect(onDebuggerStopped);

      const handler = this._handlers[widget.id];
      if (!handler) {
        return;
      }

      handler.dispose();
      delete this._handlers[widget.id];
      delete this._kernelChangedHandlers[widget.id]; // expect: stop-on-evict
      delete this._statusChangedHandlers[widget.id]; // expect: stop-on-evict
      delete this._iopubMessageHandlers[widget.id]; // expect: stop-on-evict

      this._service.model.clear();
      widget.node.removeAttribute('data-jp-debugger');
    };

    const onDebuggerStopped = (): void => {
      removeHandlers();
    };
    this._service.stopped.connect(onDebuggerStopped);

    widget.disposed.connect(async () => {
      if (this._service.isStarted) {
        await this._service.stop();
      }
      removeHandlers();
      delete this._iconButtons[widget.id];
    });

    const available = await this._service.isAvailable(connection);
    if (!available) {
      removeHandlers();
      return;
    }
    createHandler();
  }
}
