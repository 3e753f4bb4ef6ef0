/** lru-cache: version 6 (callbacks keyed first, no types of its own) and the rewrites 7, 10 and 11. */
import { NO_HOOKS, pathBehaviour as path, type CacheHook, type CacheLibrary, type VersionRange } from '../model.js';

const LRU_CACHE_FIX =
  'Nothing needed for overwrite with a releasing dispose. Do not combine noDisposeOnSet: true (constructor or set(k, v, { noDisposeOnSet: true })) with a dispose that releases. With ttl, add ttlAutopurge: true or call purgeStale() periodically: otherwise an expired resource runs until get() touches its key (has() does not dispose).';

function lruCacheModern(family: '7' | '10' | '11', versions: VersionRange, versionTested: string): CacheLibrary {
  const reasons = family === '7' ? ['evict', 'set', 'delete'] : ['evict', 'set', 'delete', 'expire', 'fetch'];
  const disposeHook = (id: string): CacheHook => ({
    id,
    registration: { kind: 'option', option: id },
    signature: `${id}(value, key, reason: ${reasons.map((r) => `'${r}'`).join(' | ')})`,
    value: { parameter: 0 },
    key: { parameter: 1 },
    reason: {
      parameter: 2,
      values: reasons,
      // 7 disposes expired entries with reason 'delete'.
      paths:
        family === '7'
          ? { evict: ['sizeEviction'], set: ['overwrite'], delete: ['delete', 'clear', 'expiry'] }
          : { evict: ['sizeEviction'], set: ['overwrite'], delete: ['delete', 'clear'], expire: ['expiry'], fetch: [] },
    },
  });
  const hooks = ['dispose', 'disposeAfter'];
  // v7 still ships the v6 names as deprecated aliases.
  const deleteMethods = family === '7' ? ['delete', 'del'] : ['delete'];
  const clearMethods = family === '7' ? ['clear', 'reset'] : ['clear'];
  return {
    id: `lru-cache@${family}`,
    package: 'lru-cache',
    family,
    versionTested,
    recognize: { packages: ['lru-cache'], versions, types: ['LRUCache'] },
    construction: { objects: [0] },
    calls: [{ method: 'set', object: 2 }],
    hooks: [disposeHook('dispose'), disposeHook('disposeAfter')],
    paths: {
      overwrite: path(['set'], 'hook', hooks, [{ option: 'noDisposeOnSet', is: 'truthy', perCall: true, coverage: 'silent', hooks: NO_HOOKS }]),
      sameValue: path(['set'], 'kept'),
      delete: path(deleteMethods, 'hook', hooks),
      clear: path(clearMethods, 'hook', hooks),
      expiry: path([], 'lazy', hooks, [{ option: 'ttlAutopurge', is: 'truthy', coverage: 'timer', hooks }]),
      sizeEviction: path(
        ['set'],
        'hook',
        hooks,
        // Measured: from 10 on, a set() with noDisposeOnSet leaves disposeAfter of the entries it
        // evicts queued until a later delete or set without the flag drains the queue.
        family === '7' ? undefined : [{ option: 'noDisposeOnSet', is: 'truthy', perCall: true, coverage: 'hook', hooks: ['dispose'] }],
      ),
    },
    returnsDropped: [],
    expiredAccess: [
      { method: 'get', outcome: 'hook' },
      { method: 'has', outcome: 'kept' },
    ],
    peek: 'peek',
    expiryOptions: ['ttl'],
    sizeOptions: ['max', 'maxSize'],
    // lru-cache >= 7 refuses to construct without max, maxSize or ttl.
    sizeLimitedByDefault: false,
    fix: LRU_CACHE_FIX,
    hazards: [
      'Without ttlAutopurge an expired resource keeps running until get(), purgeStale() or size eviction reaches it; has() and size do not.',
      ...(family === '7'
        ? []
        : ['noDisposeOnSet also defers disposeAfter of entries that set() evicts for size, until a later delete or set without the flag.']),
      ...(family === '7' ? ["Expiry disposes with reason 'delete' (not 'expire').", 'set(k, undefined) stores undefined (v10+ deletes).'] : []),
    ],
  };
}

export const LRU_CACHE_6: CacheLibrary = {
  id: 'lru-cache@6',
  package: 'lru-cache',
  family: '6',
  versionTested: '6.0.0',
  // lru-cache 6 ships no types; @types/lru-cache 5.x describes its API.
  recognize: { packages: ['lru-cache', '@types/lru-cache'], versions: { below: '7.0.0' }, types: ['LRUCache', 'LRU', 'Cache'] },
  construction: { objects: [0] },
  calls: [{ method: 'set', positional: [undefined, undefined, 'maxAge'] }],
  hooks: [
    {
      id: 'dispose',
      registration: { kind: 'option', option: 'dispose' },
      signature: 'dispose(key, value)  (key first)',
      value: { parameter: 1 },
      key: { parameter: 0 },
    },
  ],
  paths: {
    overwrite: path(['set'], 'hook', ['dispose'], [{ option: 'noDisposeOnSet', is: 'truthy', coverage: 'silent', hooks: NO_HOOKS }]),
    // No identity check: the hook runs for a value that stays cached.
    sameValue: path(['set'], 'kept', ['dispose'], [{ option: 'noDisposeOnSet', is: 'truthy', coverage: 'kept', hooks: NO_HOOKS }]),
    delete: path(['del'], 'hook', ['dispose']),
    clear: path(['reset'], 'hook', ['dispose']),
    expiry: path([], 'lazy', ['dispose']),
    sizeEviction: path(['set'], 'hook', ['dispose']),
  },
  returnsDropped: [],
  expiredAccess: [{ method: 'get', outcome: 'hook' }],
  peek: 'peek',
  expiryOptions: ['maxAge'],
  sizeOptions: ['max', 'length'],
  sizeLimitedByDefault: false,
  fix: 'The hook fires on a same-value set(): skip redundant sets (`if (cache.peek(k) !== v) cache.set(k, v)`) or make stop() idempotent and do not re-set live values. Note the (key, value) argument order of dispose.',
  hazards: ['set(k, sameValue) calls dispose: a releasing hook stops a resource that is still cached.', 'dispose takes (key, value), key first.'],
};

export const LRU_CACHE_7 = lruCacheModern('7', { from: '7.0.0', below: '8.0.0' }, '7.18.3');
// 8.x and 9.x were not measured; their dispose contract matches 10 (TypeScript rewrite).
export const LRU_CACHE_10 = lruCacheModern('10', { from: '8.0.0', below: '11.0.0' }, '10.4.3');
export const LRU_CACHE_11 = lruCacheModern('11', { from: '11.0.0' }, '11.5.3');
