// Helper module for multi-file cases: an exported module-level registry that owns its values (this
// module inserts pollers it creates). Consumers in other files remove from it.
import { Poller } from './poller.js';

export const registry = new Map<string, Poller>();

export function track(url: string, onData: (body: string) => void): Poller {
  const existing = registry.get(url);
  if (existing) return existing;
  const poller = new Poller(url).start(onData);
  registry.set(url, poller); // ok: stop-on-evict
  return poller;
}
