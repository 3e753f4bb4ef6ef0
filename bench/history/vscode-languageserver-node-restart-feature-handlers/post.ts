// history: microsoft/vscode-languageserver-node d649916b8595e660232f273cf1cb5ac0da666342 — https://github.com/microsoft/vscode-languageserver-node/commit/d649916b8595e660232f273cf1cb5ac0da666342 (diff read)
// leaked: when the connection closed and the client restarted, start() re-ran initRegistrationHandlers(), whose set() calls replaced the feature handlers in _registeredHandlers without disposing them, so their workspace event listeners stayed subscribed.
// covers: container=map drop=overwrite resource=listener born=after-insert

// Shapes from the vscode API (only the members used here).
declare class Disposable {
  constructor(callOnDispose: () => void);
  dispose(): any;
}
interface Event<T> {
  (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]): Disposable;
}
interface TextDocument { readonly uri: { toString(): string }; readonly languageId: string }
declare namespace workspace {
  const onDidOpenTextDocument: Event<TextDocument>;
  const onDidCloseTextDocument: Event<TextDocument>;
}

// Shapes from vscode-jsonrpc / the protocol (only the members used here).
interface Registration { id: string; method: string; registerOptions?: { documentSelector?: string[] } }
interface IConnection {
  onRegistration(handler: (params: { registrations: Registration[] }) => void): void;
  sendNotification(method: string, params: unknown): void;
  listen(): void;
  shutdown(): Promise<void>;
  exit(): void;
  dispose(): void;
}
declare function createConnection(command: string, onClose: () => void): Promise<IConnection>;

interface FeatureHandler {
  register(id: string, documentSelector: string[]): void;
  unregister(id: string): void;
  dispose(): void;
}

class DocumentNotifications<E> implements FeatureHandler {
  private _listener: Disposable | undefined;
  private readonly _selectors = new Map<string, string[]>();

  constructor(private _client: LanguageClient, private _event: Event<E>, private _method: string) {}

  register(id: string, documentSelector: string[]): void {
    if (!this._listener) {
      this._listener = this._event(this.callback, this);
    }
    this._selectors.set(id, documentSelector);
  }

  private callback(data: E): void {
    this._client.sendNotification(this._method, data);
  }

  unregister(id: string): void {
    this._selectors.delete(id);
    if (this._selectors.size === 0 && this._listener) {
      this._listener.dispose();
      this._listener = undefined;
    }
  }

  dispose(): void {
    if (this._listener) {
      this._listener.dispose();
    }
  }
}

enum CloseAction { DoNotRestart, Restart }

export class LanguageClient {
  private _stopped = false;
  private _listeners: Disposable[] | undefined;
  private _connection: IConnection | undefined;
  private readonly _registeredHandlers: Map<string, FeatureHandler> = new Map<string, FeatureHandler>();

  constructor(private readonly _command: string, private readonly _closed: () => CloseAction) {}

  start(): Disposable {
    this._listeners = [];
    this._stopped = false;
    createConnection(this._command, () => this.handleConnectionClosed()).then(connection => {
      this._connection = connection;
      connection.onRegistration(params => {
        for (const registration of params.registrations) {
          const selector = registration.registerOptions?.documentSelector;
          if (selector) {
            this._registeredHandlers.get(registration.method)?.register(registration.id, selector);
          }
        }
      });
      this.initRegistrationHandlers();
      connection.listen();
    });
    return new Disposable(() => void this.stop());
  }

  async stop(): Promise<void> {
    this._stopped = true;
    this.cleanUp();
    const connection = this._connection;
    this._connection = undefined;
    if (connection) {
      await connection.shutdown();
      connection.exit();
      connection.dispose();
    }
  }

  sendNotification(method: string, params: unknown): void {
    this._connection?.sendNotification(method, params);
  }

  private cleanUp(): void {
    if (this._listeners) {
      this._listeners.forEach(listener => listener.dispose());
      this._listeners = undefined;
    }
    for (const handler of this._registeredHandlers.values()) {
      handler.dispose();
    }
    this._registeredHandlers.clear();
  }

  private handleConnectionClosed(): void {
    if (this._stopped) {
      return;
    }
    this._connection?.dispose();
    this._connection = undefined;
    this.cleanUp();
    if (this._closed() === CloseAction.Restart) {
      this.start();
    } else {
      this._stopped = true;
    }
  }

  private initRegistrationHandlers(): void {
    this._registeredHandlers.set(
      'textDocument/didOpen',
      new DocumentNotifications(this, workspace.onDidOpenTextDocument, 'textDocument/didOpen'),
    );
    this._registeredHandlers.set(
      'textDocument/didClose',
      new DocumentNotifications(this, workspace.onDidCloseTextDocument, 'textDocument/didClose'),
    );
  }
}
