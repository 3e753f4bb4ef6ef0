// Shape (must report): cache libraries with no hook that carries a value (mnemonist LRUCache,
// expiry-map) holding resources — size eviction and expiry drop them silently. Reported on the
// construction — except mnemonist, which returns what it drops from `setpop()`/`remove()`: its plain
// `set()` of a resource is the site (no-silent-overwrite). mnemonist's `LRUCache` shares its name with
// lru-cache's: match the package, not the name.
import { LRUCache as MnemonistLRU } from 'mnemonist';
import ExpiryMap from 'expiry-map';
import { fork, type ChildProcess } from 'node:child_process';

const workers = new MnemonistLRU<string, ChildProcess>(16); // ok: stop-on-evict
const heartbeats = new ExpiryMap<string, NodeJS.Timeout>(30_000); // expect: stop-on-evict

export function worker(name: string): ChildProcess {
  const found = workers.get(name);
  if (found) return found;
  const child = fork(name);
  workers.set(name, child); // expect: no-silent-overwrite
  return child;
}

export function beat(peer: string, ping: () => void): void {
  if (heartbeats.has(peer)) return;
  heartbeats.set(peer, setInterval(ping, 5_000)); // ok: no-silent-overwrite
}
