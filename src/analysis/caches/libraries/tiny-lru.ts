/** tiny-lru. */
import { pathBehaviour as path, type CacheLibrary } from '../model.js';

export const TINY_LRU: CacheLibrary = {
  id: 'tiny-lru',
  package: 'tiny-lru',
  family: '13',
  versionTested: '13.1.0',
  recognize: { packages: ['tiny-lru'], versions: { from: '13.0.0' }, types: ['LRU'], factories: ['lru'] },
  construction: { positional: ['max', 'ttl', 'resetTtl'] },
  calls: [],
  hooks: [
    {
      id: 'onEvict',
      registration: { kind: 'method', method: 'onEvict' },
      signature: 'cache.onEvict(({ key, value, expiry }) => …)',
      value: { parameter: 0, property: 'value' },
      key: { parameter: 0, property: 'key' },
    },
  ],
  paths: {
    overwrite: path(['set', 'setWithEvicted'], 'silent'),
    sameValue: path(['set', 'setWithEvicted'], 'kept'),
    delete: path(['delete'], 'silent'),
    clear: path(['clear'], 'silent'),
    // get()/has() drop expired entries unseen; only cleanup(true) reports them.
    expiry: path([], 'silent'),
    // setWithEvicted() evicts without the hook but returns the item (returnsDropped).
    sizeEviction: path(['set', 'evict'], 'hook', ['onEvict']),
  },
  // The result is the evicted `{ key, value, expiry }` item.
  returnsDropped: [{ method: 'setWithEvicted', paths: ['sizeEviction'], resultProperty: 'value', hooksToo: false }],
  expiredAccess: [
    { method: 'get', outcome: 'silent' },
    { method: 'has', outcome: 'silent' },
    { method: 'peek', outcome: 'stale' },
  ],
  peek: 'peek',
  expiryOptions: ['ttl'],
  sizeOptions: ['max'],
  // max defaults to 1000.
  sizeLimitedByDefault: true,
  fix: 'Before set: `const old = cache.peek(k); if (old !== undefined && old !== v) old.stop();`; release before delete()/clear(). With ttl > 0 expired entries never reach onEvict (get/has drop them silently): prefer lru-cache or @isaacs/ttlcache, or call cleanup(true) on a schedule (still misses get/has).',
  hazards: ['With a TTL, expiry is unobservable through normal access.', 'setWithEvicted() returns the evicted item and does not call onEvict.'],
};
