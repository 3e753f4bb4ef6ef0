// history: apmantza/pi-lens PR #2078 — https://github.com/apmantza/pi-lens/pull/2078 (from the PR text)
// leaked: setReverseDepsEntry() replaced a warm root's cache entry with set() while the outgoing entry's idle-eviction timer was still armed, so that timer (and the index it closed over) stayed alive until it fired.
// covers: container=map drop=overwrite resource=timer born=after-insert

interface ReverseDependencyIndex {
  importers: Map<string, string[]>;
}

type ReverseDepsCacheEntry = {
  index: ReverseDependencyIndex;
  savedToSnapshot: boolean;
  generation: number | undefined;
  lastUsedAt: number;
  idleTimer?: ReturnType<typeof setTimeout>;
};

const reverseDepsIndexCache = new Map<string, ReverseDepsCacheEntry>();
const MAX_WARM_ROOTS = 8;
const IDLE_EVICT_MS = 20 * 60_000;

function deleteReverseDepsEntry(key: string): void {
  const entry = reverseDepsIndexCache.get(key);
  if (entry?.idleTimer !== undefined) clearTimeout(entry.idleTimer);
  if (entry) entry.idleTimer = undefined;
  reverseDepsIndexCache.delete(key);
}

function touchReverseDepsEntry(key: string, entry: ReverseDepsCacheEntry, armIdleTimer = true): void {
  entry.lastUsedAt = Date.now();
  if (entry.idleTimer !== undefined) clearTimeout(entry.idleTimer);
  entry.idleTimer = undefined;
  if (!armIdleTimer) return;
  const stamp = entry.lastUsedAt;
  entry.idleTimer = setTimeout(() => {
    if (reverseDepsIndexCache.get(key) !== entry || entry.lastUsedAt !== stamp) return;
    deleteReverseDepsEntry(key);
  }, IDLE_EVICT_MS);
  entry.idleTimer.unref?.();
}

export function setReverseDepsEntry(
  key: string,
  entry: Omit<ReverseDepsCacheEntry, 'lastUsedAt' | 'idleTimer'>,
  armIdleTimer = true,
): void {
  const resident: ReverseDepsCacheEntry = { ...entry, lastUsedAt: Date.now() };
  reverseDepsIndexCache.set(key, resident); // expect: stop-on-evict
  touchReverseDepsEntry(key, resident, armIdleTimer);
  while (reverseDepsIndexCache.size > MAX_WARM_ROOTS) {
    const victim = [...reverseDepsIndexCache.entries()].sort(([, a], [, b]) => a.lastUsedAt - b.lastUsedAt)[0];
    if (!victim) break;
    deleteReverseDepsEntry(victim[0]);
  }
}

export function getReverseDepsEntry(key: string): ReverseDependencyIndex | undefined {
  const entry = reverseDepsIndexCache.get(key);
  if (!entry) return undefined;
  touchReverseDepsEntry(key, entry);
  return entry.index;
}

export function clearReverseDepsIndexCache(): void {
  for (const key of [...reverseDepsIndexCache.keys()]) deleteReverseDepsEntry(key);
}
