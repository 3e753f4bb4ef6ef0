// Shape (must not report): caches of plain data (strings, numbers, records without resources) — no
// hook needed, no construction report, overwrites and deletes are fine.
import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';
import QuickLRU from 'quick-lru';
import { TTLCache } from '@isaacs/ttlcache';

interface Profile {
  id: string;
  name: string;
  updatedAt: number;
}

const profiles = new LRUCache<string, Profile>({ max: 10_000, ttl: 60_000 }); // ok: stop-on-evict
const counters = new NodeCache({ stdTTL: 60 }); // ok: stop-on-evict
const html = new QuickLRU<string, string>({ maxSize: 500 }); // ok: stop-on-evict
const tokens = new TTLCache<string, string>({ ttl: 900_000 }); // ok: stop-on-evict

export function remember(p: Profile, page: string, token: string): void {
  profiles.set(p.id, p); // ok: no-silent-overwrite
  counters.set(p.id, (counters.get<number>(p.id) ?? 0) + 1); // ok: no-silent-overwrite
  html.set(p.id, page); // ok: no-silent-overwrite
  tokens.set(p.id, token); // ok: no-silent-overwrite
}

export function forget(id: string): void {
  profiles.delete(id); // ok: stop-on-evict
  counters.del(id); // ok: stop-on-evict
  html.delete(id); // ok: stop-on-evict
  tokens.delete(id); // ok: stop-on-evict
}

export function reset(): void {
  profiles.clear(); // ok: stop-on-evict
  counters.flushAll(); // ok: stop-on-evict
  html.clear(); // ok: stop-on-evict
  tokens.clear(); // ok: stop-on-evict
}
