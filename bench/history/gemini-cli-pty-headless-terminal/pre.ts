// history: google-gemini/gemini-cli 128e3567cb02 — https://github.com/google-gemini/gemini-cli/commit/128e3567cb021d6bf6aa069441643ff6667262c6 (diff read)
// leaked: ShellExecutionService removed ActivePty entries from activePtys (on exit, in the lifecycle kill hook and in kill()) without disposing their headless xterm Terminal, and kill() dropped the entry before the PTY itself was destroyed, exhausting PTY descriptors and scrollback memory.
// covers: container=map drop=delete resource=custom born=factory

interface IDisposable {
  dispose(): void;
}

interface IPty {
  readonly pid: number;
  onData(listener: (data: string) => void): IDisposable;
  onExit(listener: (e: { exitCode: number; signal?: number }) => void): IDisposable;
  write(data: string): void;
  kill(signal?: string): void;
}

declare function spawnPty(file: string, args: string[], options: { cwd: string; cols: number; rows: number }): IPty;

interface IBufferNamespace {
  readonly active: { readonly length: number };
}

declare class Terminal implements IDisposable {
  constructor(options?: { cols?: number; rows?: number; scrollback?: number; allowProposedApi?: boolean });
  readonly buffer: IBufferNamespace;
  write(data: string, callback?: () => void): void;
  resize(columns: number, rows: number): void;
  dispose(): void;
}

declare function getFullBufferText(terminal: Terminal): string;
declare function killProcessGroup(options: { pid: number; pty?: IPty }): Promise<void>;

interface ExecutionHandle {
  kill: () => void;
  getBackgroundOutput: () => string;
}

declare const ExecutionLifecycleService: {
  attachExecution(pid: number, handle: ExecutionHandle): { result: Promise<unknown> };
  completeWithResult(pid: number, result: { output: string; exitCode: number; pid: number }): void;
  kill(pid: number): void;
};

interface ActivePty {
  ptyProcess: IPty & { destroy?: () => void };
  headlessTerminal: Terminal;
  command: string;
}

export class ShellExecutionService {
  private static activePtys = new Map<number, ActivePty>();
  private static backgroundLogStreams = new Map<number, { end(cb: () => void): void }>();

  private static async cleanupLogStream(pid: number): Promise<void> {
    const stream = this.backgroundLogStreams.get(pid);
    if (stream) {
      await new Promise<void>((resolve) => stream.end(() => resolve()));
      this.backgroundLogStreams.delete(pid);
    }
  }

  static executeWithPty(command: string, cwd: string): Promise<unknown> {
    const ptyProcess: IPty & { destroy?: () => void } = spawnPty('/bin/bash', ['-c', command], { cwd, cols: 80, rows: 30 });
    const ptyPid = ptyProcess.pid;
    const headlessTerminal = new Terminal({ allowProposedApi: true, cols: 80, rows: 30, scrollback: 300000 });

    this.activePtys.set(ptyPid, { ptyProcess, headlessTerminal, command });

    const result = ExecutionLifecycleService.attachExecution(ptyPid, {
      kill: () => {
        killProcessGroup({ pid: ptyPid, pty: ptyProcess }).catch(() => {});
        try {
          ptyProcess.destroy?.();
        } catch {
          // already gone
        }
        this.activePtys.delete(ptyPid); // expect: stop-on-evict
      },
      getBackgroundOutput: () => getFullBufferText(headlessTerminal),
    }).result;

    ptyProcess.onData((data) => headlessTerminal.write(data));

    ptyProcess.onExit(({ exitCode }) => {
      try {
        ptyProcess.destroy?.();
      } catch {
        // already gone
      }

      void ShellExecutionService.cleanupLogStream(ptyPid).then(() => {
        ShellExecutionService.activePtys.delete(ptyPid); // expect: stop-on-evict
      });

      ExecutionLifecycleService.completeWithResult(ptyPid, {
        output: getFullBufferText(headlessTerminal),
        exitCode,
        pid: ptyPid,
      });
    });

    return result;
  }

  static async kill(pid: number): Promise<void> {
    await this.cleanupLogStream(pid);
    this.activePtys.delete(pid); // expect: stop-on-evict
    ExecutionLifecycleService.kill(pid);
  }

  static resizePty(pid: number, cols: number, rows: number): void {
    this.activePtys.get(pid)?.headlessTerminal.resize(cols, rows);
  }
}
