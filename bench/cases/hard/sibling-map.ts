// @eval unscored — PATTERNS.md "hard cases": a sibling map — data removed from one map while the timer
// for the same key lives on in another. Proposed decision: `users` holds plain data, so its delete is
// fine; the leak is `timers` never being cleared, which has no dropping site.
interface User {
  id: string;
  name: string;
}

const users = new Map<string, User>();
const timers = new Map<string, NodeJS.Timeout>();

export function join(user: User): void {
  users.set(user.id, user);
  if (!timers.has(user.id)) timers.set(user.id, setInterval(() => {}, 30_000));
}

export function leave(id: string): void {
  users.delete(id);
}
