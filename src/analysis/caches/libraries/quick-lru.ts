/** quick-lru and its fork @alloc/quick-lru: two generations, onEviction only when a generation is dropped. */
import { pathBehaviour as path, type CacheLibrary } from '../model.js';

const QUICK_LRU_FIX =
  'Before set: `const old = cache.peek(k); if (old !== undefined && old !== v) old.stop(); cache.delete(k);` (delete drops both generations, so the old value is not reported again later). Release values yourself before delete() and clear(). Make stop() idempotent.';

function quickLru(id: 'quick-lru' | '@alloc/quick-lru'): CacheLibrary {
  const hooks = ['onEviction'];
  return {
    id,
    package: id,
    family: id === 'quick-lru' ? '7' : '5',
    versionTested: id === 'quick-lru' ? '7.3.0' : '5.3.0',
    recognize: { packages: [id], types: ['QuickLRU'] },
    construction: { objects: [0] },
    calls: [{ method: 'set', object: 2 }],
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
      overwrite: path(['set'], 'silent'),
      sameValue: path(['set'], 'kept'),
      delete: path(['delete'], 'silent'),
      clear: path(['clear'], 'silent'),
      expiry: path([], 'lazy', hooks),
      // In batches, when a generation is dropped.
      sizeEviction: path(['set', 'resize'], 'hook', hooks),
    },
    returnsDropped: [],
    expiredAccess: [
      { method: 'get', outcome: 'hook' },
      { method: 'has', outcome: 'hook' },
      { method: 'peek', outcome: 'hook' },
    ],
    peek: 'peek',
    expiryOptions: ['maxAge'],
    sizeOptions: ['maxSize'],
    sizeLimitedByDefault: true,
    fix: QUICK_LRU_FIX,
    hazards: [
      'An overwrite of a key in the old generation is reported later, under a key that now maps to the new value: a hook must use its value argument, never cache.get(key).',
      ...(id === 'quick-lru' ? ['extends Map: Map-based container logic must ask this module first.'] : []),
    ],
  };
}

export const QUICK_LRU = quickLru('quick-lru');
export const ALLOC_QUICK_LRU = quickLru('@alloc/quick-lru');
