// history: microsoft/vscode-python 3e7e0d244b18 — https://github.com/microsoft/vscode-python/commit/3e7e0d244b18079767a3f68b72cf855abe375429 (diff read)
// leaked: TerminalService.executeCommand() removed its shell-integration and end-of-execution event subscriptions from executeCommandListeners once they fired, without disposing them, so every command left two live listeners on the terminal manager.
// covers: container=set drop=delete resource=listener born=factory
interface Disposable {
  dispose(): void;
}

interface TerminalShellExecution {
  readonly commandLine: { value: string };
}

interface TerminalShellExecutionEndEvent {
  readonly execution: TerminalShellExecution;
  readonly exitCode: number | undefined;
}

interface Terminal {
  readonly shellIntegration: { executeCommand(commandLine: string): TerminalShellExecution } | undefined;
  show(preserveFocus?: boolean): void;
  sendText(text: string): void;
  dispose(): void;
}

interface TerminalManager {
  onDidChangeTerminalShellIntegration(listener: () => void): Disposable;
  onDidEndTerminalShellExecution(listener: (e: TerminalShellExecutionEndEvent) => void): Disposable;
}

export class TerminalService implements Disposable {
  private terminal?: Terminal;
  private readonly executeCommandListeners: Set<Disposable> = new Set();
  private firstLaunch = true;

  constructor(private readonly terminalManager: TerminalManager, private readonly hideFromUser = false) {}

  dispose(): void {
    this.terminal?.dispose();
    this.executeCommandListeners.forEach((d) => d.dispose());
  }

  async executeCommand(commandLine: string): Promise<TerminalShellExecution | undefined> {
    const terminal = this.terminal!;
    if (!this.hideFromUser) {
      terminal.show(true);
    }

    // a fresh terminal may still be wiring up shell integration
    if (!terminal.shellIntegration && this.firstLaunch) {
      this.firstLaunch = false;
      await new Promise<boolean>((resolve) => {
        const integrationListener = this.terminalManager.onDidChangeTerminalShellIntegration(() => {
          clearTimeout(timer);
          integrationListener.dispose();
          resolve(true);
        });
        const timer = setTimeout(() => {
          integrationListener.dispose();
          resolve(true);
        }, 500);
      });
    }

    if (terminal.shellIntegration) {
      return terminal.shellIntegration.executeCommand(commandLine);
    }

    terminal.sendText(commandLine);
    return undefined;
  }
}
