// history: cline/cline 754228715958 — https://github.com/cline/cline/commit/754228715958f4f3517e1999437ceab2efcfba8e (diff read)
// leaked: a startSession that reused a live session id overwrote the ActiveSession in LocalRuntimeHost.sessions without releasing the old one, so the old runtime (its monitor registry and background processes), agent and plugin sandbox were never shut down.
// covers: container=map drop=overwrite resource=custom born=factory
interface MonitorRecord {
  id: string;
  command: string;
}

interface BuiltRuntime {
  tools: unknown[];
  listMonitors?: () => MonitorRecord[];
  stopMonitor?: (monitorId: string) => Promise<boolean>;
  shutdown: (reason: string) => Promise<void> | void;
}

interface RuntimeBuilder {
  build(input: { sessionId: string; cwd: string; onMonitorOutput: (text: string) => void }): Promise<BuiltRuntime>;
}

interface AgentRunner {
  canStartRun(): boolean;
  abort(reason: Error): void;
  shutdown(reason: string): Promise<void>;
}

declare function createAgentRunner(runtime: BuiltRuntime, sessionId: string): AgentRunner;
declare function startPluginSandbox(cwd: string): Promise<{ shutdown: () => Promise<void> } | undefined>;

declare class MonitorSteerQueue {
  deliver(sessionId: string, text: string): void;
  forget(sessionId: string): void;
}

interface StartInput {
  sessionId?: string;
  cwd: string;
  interactive?: boolean;
}

interface ActiveSession {
  sessionId: string;
  startedAt: string;
  interactive: boolean;
  aborting: boolean;
  runtime: BuiltRuntime;
  agent: AgentRunner;
  pluginSandboxShutdown?: () => Promise<void>;
}

export class LocalRuntimeHost {
  private readonly sessions = new Map<string, ActiveSession>();
  private readonly monitorSteerQueue = new MonitorSteerQueue();

  constructor(private readonly runtimeBuilder: RuntimeBuilder) {}

  async startSession(input: StartInput): Promise<{ sessionId: string }> {
    const sessionId = input.sessionId?.trim() || `sess_${Date.now()}`;
    return this.startResolvedSession(input, sessionId);
  }

  private async startResolvedSession(input: StartInput, sessionId: string): Promise<{ sessionId: string }> {
    // a same-id start replaces the live session: release the old runtime first
    const replaced = this.sessions.get(sessionId);
    if (replaced) {
      try {
        await this.releaseSessionRuntime(replaced, 'session_replaced');
      } catch (error) {
        // a partial release must not block the replacement start
        console.warn('replaced session released with errors', sessionId, error);
      }
    }
    const startedAt = new Date().toISOString();
    const sandbox = await startPluginSandbox(input.cwd);
    const runtime = await this.runtimeBuilder.build({
      sessionId,
      cwd: input.cwd,
      onMonitorOutput: (text) => this.monitorSteerQueue.deliver(sessionId, text),
    });
    const agent = createAgentRunner(runtime, sessionId);
    const active: ActiveSession = {
      sessionId,
      startedAt,
      interactive: input.interactive === true,
      aborting: false,
      runtime,
      agent,
      pluginSandboxShutdown: sandbox?.shutdown,
    };
    this.sessions.set(sessionId, active);
    return { sessionId };
  }

  listMonitors(sessionId: string): MonitorRecord[] {
    return this.sessions.get(sessionId)?.runtime.listMonitors?.() ?? [];
  }

  async stopSession(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    await this.releaseSessionRuntime(session, 'session_stop');
  }

  async dispose(reason = 'host_dispose'): Promise<void> {
    const sessions = [...this.sessions.values()];
    await Promise.allSettled(sessions.map((s) => this.releaseSessionRuntime(s, reason)));
  }

  private async releaseSessionRuntime(session: ActiveSession, reason: string): Promise<void> {
    const errors: unknown[] = [];
    if (!session.aborting && !session.agent.canStartRun()) {
      session.aborting = true;
      session.agent.abort(new Error(reason));
    }
    try {
      await session.agent.shutdown(reason);
    } catch (error) {
      errors.push(error);
    }
    try {
      await Promise.resolve(session.runtime.shutdown(reason));
    } catch (error) {
      errors.push(error);
    }
    try {
      await session.pluginSandboxShutdown?.();
    } catch (error) {
      errors.push(error);
    }
    this.sessions.delete(session.sessionId);
    // drops buffered monitor output and its cooldown timer
    this.monitorSteerQueue.forget(session.sessionId);
    if (errors.length > 0) throw errors[0];
  }
}
