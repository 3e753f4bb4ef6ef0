// history: alibaba/hooks PR #2909 — https://github.com/alibaba/hooks/pull/2909 (diff read)
// leaked: clearCache() dropped useRequest cache records (one key, several keys, or the whole Map) without cancelling each record's cacheTime expiry timer, so a stale timer later deleted a fresh record stored under the same key.
// covers: container=map drop=delete,clear resource=timer born=factory
type Timer = ReturnType<typeof setTimeout>;
type CachedKey = string | number;

export interface CachedData<TData = unknown, TParams = unknown[]> {
  data: TData;
  params: TParams;
  time: number;
}

interface RecordData extends CachedData {
  timer: Timer | undefined;
}

const cache = new Map<CachedKey, RecordData>();

export const setCache = (key: CachedKey, cacheTime: number, cachedData: CachedData): void => {
  const previous = cache.get(key);
  if (previous?.timer) {
    clearTimeout(previous.timer);
  }

  let timer: Timer | undefined;
  if (cacheTime > -1) {
    // the record expires by itself once cacheTime has passed
    timer = setTimeout(() => {
      cache.delete(key);
    }, cacheTime);
  }

  cache.set(key, { ...cachedData, timer });
};

export const getCache = (key: CachedKey): RecordData | undefined => cache.get(key);

export const clearCache = (key?: string | string[]): void => {
  if (key) {
    const keys = Array.isArray(key) ? key : [key];
    keys.forEach((k) => cache.delete(k)); // expect: stop-on-evict
  } else {
    cache.clear(); // expect: stop-on-evict
  }
};
