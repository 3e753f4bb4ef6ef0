// Shape (must not report): a map that lives as long as the process and is only emptied by a shutdown
// path that stops everything; entries are never removed otherwise.
const flushers = new Map<string, NodeJS.Timeout>();

export function registerFlusher(name: string, flush: () => void): void {
  if (flushers.has(name)) throw new Error(`duplicate flusher ${name}`);
  flushers.set(name, setInterval(flush, 60_000)); // ok: stop-on-evict
}

function shutdown(): void {
  for (const [name, timer] of flushers) {
    clearInterval(timer);
    console.log('stopped', name);
  }
  flushers.clear(); // ok: stop-on-evict
}

process.once('SIGTERM', shutdown);
