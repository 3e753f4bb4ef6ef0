// history: microsoft/vscode-livepreview 0698552cc96b — https://github.com/microsoft/vscode-livepreview/commit/0698552cc96ba5979d96d4c8d15dd7f7ac8b6fc7 (diff read)
// leaked: ConnectionManager.removeConnection() only read the Connection's `dispose` property (no call) before deleting it from _connections, so a removed workspace's Connection kept its configuration listener and event emitters alive.
// covers: container=map drop=delete resource=custom born=factory
interface Disposable {
  dispose(): any;
}

type Event<T> = (listener: (e: T) => any) => Disposable;

declare class EventEmitter<T> implements Disposable {
  readonly event: Event<T>;
  fire(data: T): void;
  dispose(): any;
}

interface ConfigurationChange {
  affectsConfiguration(section: string): boolean;
}

declare const workspace: {
  onDidChangeConfiguration(listener: (e: ConfigurationChange) => any): Disposable;
};

interface WorkspaceFolder {
  readonly name: string;
  readonly uri: { toString(): string };
}

declare function resolveServerRoot(folder: WorkspaceFolder): Promise<string>;

abstract class OwnerBase implements Disposable {
  private released = false;
  protected readonly owned: Disposable[] = [];

  dispose(): any {
    if (this.released) return;
    this.released = true;
    while (this.owned.length) {
      this.owned.pop()?.dispose();
    }
  }

  protected track<T extends Disposable>(value: T): T {
    if (this.released) {
      value.dispose();
    } else {
      this.owned.push(value);
    }
    return value;
  }
}

class Connection extends OwnerBase {
  private readonly connectedEmitter = this.track(new EventEmitter<number>());
  readonly onConnected = this.connectedEmitter.event;

  constructor(
    private readonly folder: WorkspaceFolder | undefined,
    private rootPrefix: string,
    public httpPort: number,
  ) {
    super();
    this.track(
      workspace.onDidChangeConfiguration(async (e) => {
        if (e.affectsConfiguration('livePreview')) {
          this.rootPrefix = this.folder ? await resolveServerRoot(this.folder) : '';
        }
      }),
    );
  }

  connected(): void {
    this.connectedEmitter.fire(this.httpPort);
  }
}

export class ConnectionManager extends OwnerBase {
  private readonly connections = new Map<string | undefined, Connection>();
  private readonly connectedEmitter = this.track(new EventEmitter<number>());
  readonly onConnected = this.connectedEmitter.event;

  constructor(private initialPort: number) {
    super();
  }

  getConnection(folder: WorkspaceFolder | undefined): Connection | undefined {
    return this.connections.get(folder?.uri.toString());
  }

  async createAndAddNewConnection(folder: WorkspaceFolder | undefined): Promise<Connection> {
    const prefix = folder ? await resolveServerRoot(folder) : '';
    const connection = this.track(new Connection(folder, prefix, this.initialPort));
    this.track(connection.onConnected((port) => this.connectedEmitter.fire(port)));
    this.connections.set(folder?.uri.toString(), connection);
    return connection;
  }

  removeConnection(folder: WorkspaceFolder | undefined): void {
    this.connections.get(folder?.uri.toString())?.dispose();
    this.connections.delete(folder?.uri.toString()); // ok: stop-on-evict
  }

  get all(): Connection[] {
    return Array.from(this.connections.values());
  }
}
