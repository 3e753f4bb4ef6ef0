// Shapes (multi-file): removing from a registry that another module owns and fills with pollers it
// creates. Delete without stop (must report); stop then delete (must not report).
import { registry } from './lib/registry.js';
import { describePoller } from './lib/poller.js';

export function untrack(url: string): void {
  console.log('untracking', describePoller(registry.get(url)));
  registry.delete(url); // expect: stop-on-evict
}

export function untrackCleanly(url: string): void {
  registry.get(url)?.stop();
  registry.delete(url); // ok: stop-on-evict
}
