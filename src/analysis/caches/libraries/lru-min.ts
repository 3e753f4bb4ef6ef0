/** lru.min. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const LRU_MIN: CacheLibrary = {
  id: 'lru.min',
  package: 'lru.min',
  family: '1',
  versionTested: '1.1.5',
  recognize: { packages: ['lru.min'], types: [], factories: ['createLRU'] },
  construction: { objects: [0] },
  calls: [],
  hooks: [
    {
      id: 'onEviction',
      registration: { kind: 'option', option: 'onEviction' },
      signature: 'onEviction(key, value)',
      value: { parameter: 1 },
      key: { parameter: 0 },
    },
  ],
  paths: {
    overwrite: path(['set'], 'hook', ['onEviction']),
    // No identity check: the hook runs for a value that stays cached.
    sameValue: path(['set'], 'kept', ['onEviction']),
    delete: path(['delete'], 'hook', ['onEviction']),
    clear: path(['clear'], 'hook', ['onEviction']),
    expiry: absent,
    sizeEviction: path(['set', 'evict', 'resize'], 'hook', ['onEviction']),
  },
  returnsDropped: [],
  expiredAccess: [],
  peek: 'peek',
  expiryOptions: [],
  sizeOptions: ['max'],
  sizeLimitedByDefault: true,
  fix: 'The hook fires on a same-value set(): skip redundant sets (`if (cache.peek(k) !== v) cache.set(k, v)`) or make stop() idempotent and do not re-set live values.',
  hazards: ['set(k, sameValue) calls onEviction: a releasing hook stops a resource that is still cached.'],
};
