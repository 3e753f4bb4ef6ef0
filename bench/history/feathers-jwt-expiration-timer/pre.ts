// history: feathersjs/feathers 19854d346a2f — https://github.com/feathersjs/feathers/commit/19854d346a2f (diff read)
// leaked: JWTStrategy.handleConnection() on a repeated 'login' for the same connection (forced re-authenticate) set a new expiration timer into the expirationTimers WeakMap, overwriting the previous long-timeout timer without clearing it.
// covers: container=weakmap drop=overwrite resource=timer born=factory
import { EventEmitter } from 'node:events';

// Shaped like @types/long-timeout.
declare namespace lt {
  class Timeout {
    close(): void;
    ref(): void;
    unref(): void;
  }
  function setTimeout(listener: () => void, after: number): Timeout;
  function clearTimeout(timer: Timeout | undefined): void;
}

type ConnectionEvent = 'login' | 'logout' | 'disconnect';

interface AuthResult {
  accessToken?: string;
}

interface RealtimeConnection {
  authentication?: { strategy: string; accessToken: string };
}

declare class TokenService {
  verifyAccessToken(token: string): Promise<{ exp: number }>;
}

export class TokenExpiryStrategy {
  readonly name = 'jwt';
  private readonly expiryTimers = new WeakMap<RealtimeConnection, lt.Timeout>();

  constructor(
    private readonly app: EventEmitter,
    private readonly tokens: TokenService,
  ) {}

  async handleConnection(event: ConnectionEvent, connection: RealtimeConnection, result?: AuthResult): Promise<void> {
    const isOwnLogout =
      event === 'logout' &&
      connection.authentication !== undefined &&
      result !== undefined &&
      connection.authentication.accessToken === result.accessToken;
    const accessToken = result?.accessToken;

    if (accessToken && event === 'login') {
      const { exp } = await this.tokens.verifyAccessToken(accessToken);
      const remaining = exp * 1000 - Date.now();
      const timer = lt.setTimeout(() => this.app.emit('disconnect', connection), remaining);

      this.expiryTimers.set(connection, timer); // expect: stop-on-evict

      connection.authentication = { strategy: this.name, accessToken };
    } else if (event === 'disconnect' || isOwnLogout) {
      delete connection.authentication;
      lt.clearTimeout(this.expiryTimers.get(connection));
    }
  }
}
