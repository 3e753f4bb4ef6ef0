// history: microsoft/vscode-jupyter b5c6b587763a — https://github.com/microsoft/vscode-jupyter/commit/b5c6b587763a4e6dfbc666e49509c8802fbf29fa (diff read)
// leaked: KernelAutoReconnectMonitor dropped a kernel's "reconnecting" progress disposable from kernelReconnectProgress on the 'connected' and 'disconnected' status changes without disposing it, so the progress notification (resolved only by that disposable) stayed on screen forever.
// covers: container=weakmap drop=delete resource=custom born=factory
interface Disposable {
  dispose(): any;
}

declare class VsDisposable implements Disposable {
  constructor(callOnDispose: () => any);
  dispose(): any;
}

type ConnectionStatus = 'connected' | 'connecting' | 'disconnected';

interface KernelConnection {
  readonly id: string;
}

interface Kernel {
  readonly connection: KernelConnection;
  readonly disposed: boolean;
  onDisposed(listener: () => void): Disposable;
}

interface Shell {
  withProgress(options: { title: string }, task: () => Promise<void>): PromiseLike<void>;
  showErrorMessage(message: string): PromiseLike<unknown>;
}

export class KernelReconnectMonitor {
  private readonly kernelsByConnection = new WeakMap<KernelConnection, Kernel>();
  private readonly restarting = new WeakSet<Kernel>();
  private readonly reconnectProgress = new WeakMap<Kernel, Disposable>();

  constructor(
    private readonly shell: Shell,
    private readonly registry: Disposable[],
  ) {}

  onDidStartKernel(kernel: Kernel): void {
    this.kernelsByConnection.set(kernel.connection, kernel);
    this.registry.push(
      kernel.onDisposed(() => {
        this.reconnectProgress.get(kernel)?.dispose();
        this.reconnectProgress.delete(kernel);
      }),
    );
  }

  onKernelStatusChanged(connection: KernelConnection, status: ConnectionStatus): void {
    const kernel = this.kernelsByConnection.get(connection);
    if (!kernel || this.restarting.has(kernel)) {
      return;
    }
    switch (status) {
      case 'connected': {
        this.reconnectProgress.get(kernel)?.dispose();
        this.reconnectProgress.delete(kernel); // ok: stop-on-evict
        return;
      }
      case 'disconnected': {
        if (this.reconnectProgress.has(kernel)) {
          this.reconnectProgress.get(kernel)?.dispose();
          this.reconnectProgress.delete(kernel); // ok: stop-on-evict
          this.onKernelDisconnected(kernel);
        }
        return;
      }
      case 'connecting':
        if (!this.reconnectProgress.has(kernel)) {
          this.onKernelConnecting(kernel);
        }
        return;
    }
  }

  private onKernelConnecting(kernel: Kernel): void {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const progress = new VsDisposable(() => finish());
    this.reconnectProgress.set(kernel, progress);

    this.shell
      .withProgress({ title: `Reconnecting to kernel ${kernel.connection.id}` }, () => done)
      .then(undefined, () => undefined);

    this.registry.push(progress);
  }

  private onKernelDisconnected(kernel: Kernel): void {
    if (kernel.disposed) {
      return;
    }
    void this.shell.showErrorMessage(`Kernel ${kernel.connection.id} disconnected`);
  }
}
