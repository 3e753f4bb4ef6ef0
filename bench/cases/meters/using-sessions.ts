// Shapes: a Disposable value (`[Symbol.dispose]`). Released by a `using` declaration around the
// delete (must not report); deleted with no dispose at all (must report).
class Session implements Disposable {
  private readonly keepAlive = setInterval(() => this.ping(), 20_000);

  constructor(readonly user: string) {}

  private ping(): void {}

  [Symbol.dispose](): void {
    clearInterval(this.keepAlive);
  }
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  login(user: string): Session {
    const existing = this.sessions.get(user);
    if (existing) return existing;
    const session = new Session(user);
    this.sessions.set(user, session); // ok: stop-on-evict
    return session;
  }

  logout(user: string): void {
    using session = this.sessions.get(user);
    this.sessions.delete(user); // ok: stop-on-evict
    if (session) console.log('logged out', session.user);
  }

  expire(user: string): void {
    this.sessions.delete(user); // expect: stop-on-evict
  }
}
