// history: revoltchat/revite 68c8ca50f3bb — https://github.com/revoltchat/revite/commit/68c8ca50f3bb9f63bd15d8f108f418d27e68f7b8 (diff read)
// leaked: ClientController.hydrate() removed a saved account's Session from the sessions map when its LOGIN transition was rejected as Forbidden/Unauthorized, without destroy(), so the half-built revolt.js Client (and its socket) stayed alive.
// covers: container=map drop=delete resource=custom born=constructor env=browser
import { ObservableMap } from 'mobx';

// Shaped like revolt.js's Client (only the members used here).
declare class Client {
  constructor(options: { apiURL?: string; autoReconnect?: boolean });
  useExistingSession(session: SessionToken): Promise<void>;
  logout(avoidRequest?: boolean): Promise<void>;
  addListener(event: 'dropped' | 'ready', fn: () => void): this;
  removeAllListeners(): this;
}

interface SessionToken {
  token: string;
  user_id: string;
}

interface AccountStore {
  getAccounts(): Array<{ session: SessionToken }>;
  removeSession(userId: string): void;
}

type SessionState = 'Ready' | 'Connecting' | 'Online';

class Session {
  state: SessionState = 'Ready';
  client: Client | null = null;

  constructor() {
    window.addEventListener('online', this.onOnline);
  }

  private onOnline = (): void => {
    // retries the connection
  };

  async login(token: SessionToken): Promise<void> {
    this.state = 'Connecting';
    this.client = new Client({ autoReconnect: false });
    this.client.addListener('ready', () => (this.state = 'Online'));
    try {
      await this.client.useExistingSession(token);
    } catch (err) {
      this.state = 'Ready';
      throw err;
    }
  }

  destroy(): void {
    if (this.client) {
      void this.client.logout(false);
      this.state = 'Ready';
      this.client = null;
    }
  }
}

export class ClientController {
  private readonly sessions = new ObservableMap<string, Session>();
  private current: string | null = null;

  hydrate(auth: AccountStore): void {
    for (const entry of auth.getAccounts()) {
      const userId = entry.session.user_id;
      const session = new Session();
      this.sessions.set(userId, session);

      session.login(entry.session).catch((error: unknown) => {
        if (error === 'Forbidden' || error === 'Unauthorized') {
          this.sessions.delete(userId); // expect: stop-on-evict
          auth.removeSession(userId);
        }
      });
    }
    this.current = this.sessions.keys().next().value ?? null;
  }

  logout(userId: string): void {
    const session = this.sessions.get(userId);
    if (session) {
      this.sessions.delete(userId);
      if (userId === this.current) {
        this.current = this.sessions.keys().next().value ?? null;
      }
      session.destroy();
    }
  }
}
