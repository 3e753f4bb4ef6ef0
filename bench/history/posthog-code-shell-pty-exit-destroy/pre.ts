// history: PostHog/code 5d3b52ab4e30 — https://github.com/PostHog/code/commit/5d3b52ab4e30085bfa1e12ba363e6a65632516a0 (diff read)
// leaked: when a shell's process exited, ShellService's onExit handler removed the session from its sessions map without destroying the node-pty handle, so the PTY master pipe stayed open after the shell was gone (the fix destroys the pty and disposes its data/exit listeners there, and in destroy()).
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { homedir, platform } from 'node:os';

// shaped like node-pty's typings (only what is used here)
interface IDisposable {
  dispose(): void;
}

interface IPty {
  readonly pid: number;
  readonly process: string;
  onData(listener: (data: string) => void): IDisposable;
  onExit(listener: (e: { exitCode: number; signal?: number }) => void): IDisposable;
  write(data: string): void;
  resize(columns: number, rows: number): void;
  kill(signal?: string): void;
}

declare function spawn(
  file: string,
  args: string[],
  options: { name?: string; cols?: number; rows?: number; cwd?: string; env?: Record<string, string> },
): IPty;

declare class ProcessTrackingService {
  register(pid: number, kind: string, label: string, meta?: Record<string, unknown>, taskId?: string): void;
  unregister(pid: number, reason: string): void;
  kill(pid: number): void;
}

export interface ShellSession {
  pty: IPty;
  exitPromise: Promise<{ exitCode: number }>;
  command?: string;
}

export interface CreateSessionOptions {
  sessionId: string;
  cwd?: string;
  initialCommand?: string;
}

function defaultShell(): string {
  if (platform() === 'win32') return process.env.COMSPEC || 'cmd.exe';
  return process.env.SHELL || '/bin/bash';
}

export class ShellService extends EventEmitter {
  private sessions = new Map<string, ShellSession>();

  constructor(private readonly processTracking: ProcessTrackingService) {
    super();
  }

  async createSession(options: CreateSessionOptions): Promise<ShellSession> {
    const { sessionId, cwd, initialCommand } = options;
    const known = this.sessions.get(sessionId);
    if (known) return known;

    const workingDir = cwd && existsSync(cwd) ? cwd : homedir();
    const ptyProcess = spawn(defaultShell(), ['-l'], {
      name: 'xterm-256color',
      cols: 80,
      rows: 24,
      cwd: workingDir,
      env: { ...(process.env as Record<string, string>), COLORTERM: 'truecolor' },
    });
    this.processTracking.register(ptyProcess.pid, 'shell', `shell:${sessionId}`, { sessionId });

    let resolveExit: (result: { exitCode: number }) => void = () => {};
    const exitPromise = new Promise<{ exitCode: number }>((resolve) => {
      resolveExit = resolve;
    });

    ptyProcess.onData((data) => {
      this.emit('data', { sessionId, data });
    });

    ptyProcess.onExit(({ exitCode }) => {
      this.processTracking.unregister(ptyProcess.pid, 'exited');
      this.sessions.delete(sessionId); // expect: stop-on-evict
      this.emit('exit', { sessionId, exitCode });
      resolveExit({ exitCode });
    });

    if (initialCommand) {
      setTimeout(() => ptyProcess.write(`${initialCommand}\n`), 100);
    }

    const session: ShellSession = { pty: ptyProcess, exitPromise, command: initialCommand };
    this.sessions.set(sessionId, session);
    return session;
  }

  write(sessionId: string, data: string): void {
    this.mustGet(sessionId).pty.write(data);
  }

  resize(sessionId: string, cols: number, rows: number): void {
    this.mustGet(sessionId).pty.resize(cols, rows);
  }

  destroyByPrefix(prefix: string): void {
    for (const sessionId of this.sessions.keys()) {
      if (sessionId.startsWith(prefix)) this.destroy(sessionId);
    }
  }

  destroy(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (session) {
      this.processTracking.kill(session.pty.pid);
      session.pty.kill();
      this.sessions.delete(sessionId);
    }
  }

  // run by the DI container when the app shuts down
  destroyAll(): void {
    for (const sessionId of this.sessions.keys()) {
      this.destroy(sessionId);
    }
  }

  private mustGet(sessionId: string): ShellSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`Shell session ${sessionId} not found`);
    return session;
  }
}
