// history: prona-p4-learning-platform/learn-sdn-hub 05701fed877b — https://github.com/prona-p4-learning-platform/learn-sdn-hub/commit/05701fed877b6bf21a984ded90dba73ef49ccb8a (diff read)
// leaked: Environment.deleteEnvironment stopped only the environment it was asked for, then dropped every Environment of the same group from activeEnvironments (and on the "instance already gone" path dropped them all without stopping any), so the other group members' SSH consoles and SFTP file-handler connections were never closed.
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';

// Shaped like the parts of ssh2's Client that the reduction uses, with its release methods (@types/ssh2 1.15: end() and destroy()).
declare class Client extends EventEmitter {
  connect(config: { host: string; port: number; username?: string }): this;
  end(): this;
  destroy(): this;
}

interface EnvironmentDescription {
  terminals: { name: string; executable: string }[];
}

interface VMEndpoint {
  IPAddress: string;
  SSHPort: number;
}

interface InstanceProvider {
  getServer(environmentId: string, groupNumber: number): Promise<VMEndpoint>;
}

const DenyStartOfMissingInstanceErrorMessage = 'Instance is missing';

class SSHConsole extends EventEmitter {
  private readonly client = new Client();

  constructor(readonly name: string, ipaddress: string, port: number) {
    super();
    this.client.on('ready', () => this.emit('ready'));
    this.client.on('close', () => this.emit('close'));
    this.client.connect({ host: ipaddress, port });
  }

  close(): void {
    this.client.end();
  }
}

class SSHFileHandler {
  private readonly client = new Client();

  constructor(ipaddress: string, port: number) {
    this.client.connect({ host: ipaddress, port });
  }

  async close(): Promise<void> {
    this.client.end();
  }
}

export default class Environment {
  private static activeEnvironments = new Map<string, Environment>();
  private activeConsoles = new Map<string, SSHConsole>();
  private filehandler: SSHFileHandler | undefined;

  private constructor(
    private readonly username: string,
    private readonly groupNumber: number,
    private readonly environmentId: string,
    private readonly description: EnvironmentDescription,
    private readonly provider: InstanceProvider,
  ) {}

  static getActiveEnvironment(environmentId: string, groupNumber: number): Environment | undefined {
    for (const [, env] of Environment.activeEnvironments) {
      if (env.environmentId === environmentId && env.groupNumber === groupNumber) {
        return env;
      }
    }
    return undefined;
  }

  static async createEnvironment(
    username: string,
    groupNumber: number,
    environmentId: string,
    description: EnvironmentDescription,
    provider: InstanceProvider,
  ): Promise<Environment> {
    const environment = new Environment(username, groupNumber, environmentId, description, provider);
    await environment.start();
    Environment.activeEnvironments.set(`${username}-${groupNumber}-${environmentId}`, environment);
    return environment;
  }

  static async deleteEnvironment(groupNumber: number, environmentId: string): Promise<boolean> {
    const environment = this.getActiveEnvironment(environmentId, groupNumber);
    if (!environment) {
      return Promise.reject(false);
    }
    await environment
      .stop()
      .then(async () => {
        // the whole group shares the instance, so clean up and forget every member's environment
        for (const [key, env] of Environment.activeEnvironments) {
          if (env.groupNumber === groupNumber) {
            await Environment.cleanUp(env);
            Environment.activeEnvironments.delete(key);
          }
        }
      })
      .catch(async (err: Error) => {
        if (err.message !== DenyStartOfMissingInstanceErrorMessage) {
          return Promise.reject(err);
        }
        // the instance is already gone: silently delete the leftovers of the group
        for (const [key, env] of Environment.activeEnvironments) {
          if (env.groupNumber === groupNumber) {
            await Environment.cleanUp(env);
            Environment.activeEnvironments.delete(key);
          }
        }
      });
    return true;
  }

  private static async cleanUp(env: Environment): Promise<void> {
    env.activeConsoles.forEach((sshConsole: SSHConsole, key: string) => {
      sshConsole.close();
      env.activeConsoles.delete(key);
    });
    await env.filehandler?.close();
    env.filehandler = undefined;
  }

  async start(): Promise<VMEndpoint> {
    const endpoint = await this.provider.getServer(this.environmentId, this.groupNumber);
    this.filehandler = new SSHFileHandler(endpoint.IPAddress, endpoint.SSHPort);
    for (const terminal of this.description.terminals) {
      const sshConsole = new SSHConsole(terminal.name, endpoint.IPAddress, endpoint.SSHPort);
      sshConsole.on('ready', () => this.activeConsoles.set(terminal.name, sshConsole));
      sshConsole.on('close', () => this.activeConsoles.delete(terminal.name));
    }
    return endpoint;
  }

  async stop(): Promise<void> {
    // rejects with DenyStartOfMissingInstanceErrorMessage when the instance is already gone
    await this.provider.getServer(this.environmentId, this.groupNumber);
    for (const [key, sshConsole] of this.activeConsoles) {
      sshConsole.close();
      this.activeConsoles.delete(key);
    }
    await this.filehandler?.close();
    this.filehandler = undefined;
  }
}
