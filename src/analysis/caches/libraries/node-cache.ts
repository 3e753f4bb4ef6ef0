/** node-cache and its TypeScript port @cacheable/node-cache: events, not hooks; clones by default. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheHook, type CacheLibrary } from '../model.js';

const NODE_CACHE_FIX =
  "Construct with useClones: false. Before set(k, v) call cache.del(k), which fires 'del' with the stored value even for an expired-unswept key, or `const old = cache.take(k); if (old && old !== v) old.stop()`. Before flushAll(), release every value (cache.mget(cache.keys())) or del(cache.keys()). Handle both 'del' and 'expired' with an idempotent stop: on expiry both fire.";

function nodeCacheLike(id: 'node-cache' | '@cacheable/node-cache'): CacheLibrary {
  const hooks = ['del', 'expired'];
  const eventHook = (event: string): CacheHook => ({
    id: event,
    registration: { kind: 'event', methods: ['on', 'once', 'addListener', 'prependListener'], event },
    signature: `on('${event}', (key, value) => …)`,
    value: { parameter: 1 },
    key: { parameter: 0 },
  });
  const original = id === 'node-cache';
  return {
    id,
    package: id,
    family: original ? '5' : '3',
    versionTested: original ? '5.1.2' : '3.1.1',
    recognize: original
      ? { packages: ['node-cache'], versions: { from: '5.0.0' }, types: ['NodeCache'] }
      : // NodeCacheStore in the same package is a keyv-backed store with other semantics.
        { packages: ['@cacheable/node-cache'], versions: { from: '1.0.0' }, types: ['NodeCache'] },
    construction: { objects: [0] },
    calls: [{ method: 'set', positional: [undefined, undefined, 'ttl'] }],
    hooks: [eventHook('del'), eventHook('expired')],
    paths: {
      overwrite: path(['set', 'mset'], 'silent'),
      sameValue: path(['set', 'mset'], 'kept'),
      delete: path(['del', 'take'], 'hook', ['del']),
      clear: path(['flushAll'], 'silent'),
      expiry: path([], 'timer', hooks, [
        { option: 'deleteOnExpire', is: 'falsy', coverage: 'kept', hooks: ['expired'] },
        { option: 'checkperiod', is: 'falsy', coverage: 'lazy', hooks },
      ]),
      // maxKeys makes set() throw ECACHEFULL instead of evicting.
      sizeEviction: absent,
    },
    returnsDropped: [{ method: 'take', paths: ['delete'], hooksToo: true }],
    // node-cache's `get<T>(key)` returns what it is told; the port's `NodeCache<T>` reads `T`.
    readIsGeneric: original,
    expiredAccess: [
      { method: 'get', outcome: 'hook' },
      { method: 'has', outcome: 'hook' },
    ],
    expiryOptions: ['stdTTL', 'ttl'],
    sizeOptions: [],
    sizeLimitedByDefault: false,
    copies: original
      ? { option: 'useClones', offWhen: 'falsy', get: true, hooks: true, how: 'deep copy (clone@2) on set, get and in event payloads' }
      : { option: 'useClones', offWhen: 'falsy', get: true, hooks: false, how: 'structuredClone on get(); listeners receive the original' },
    fix: NODE_CACHE_FIX,
    hazards: original
      ? [
          "set() replaces a key without emitting 'del' or 'expired' (live or expired-unswept).",
          'flushAll() emits only flush: values are dropped unseen.',
          'useClones (default true): get() and hooks receive deep copies; stop() on a copy leaves the original running, clearInterval on a cloned Timeout corrupts Node timer bookkeeping, a net.Socket value crashes V8.',
          'maxKeys throws ECACHEFULL even when overwriting an existing key at the limit.',
        ]
      : [
          "set() replaces a key without emitting 'del' or 'expired'.",
          'flushAll() emits only flush.',
          'useClones (default true): get() uses structuredClone, which throws DataCloneError for an object holding a Timeout or function.',
          'deleteOnExpire: false: get() of an expired key returns undefined yet keeps the entry, and emits expired on every access.',
          'Declares engines node >= 22 but runs on Node 20 (measured).',
        ],
  };
}

export const NODE_CACHE = nodeCacheLike('node-cache');
export const CACHEABLE_NODE_CACHE = nodeCacheLike('@cacheable/node-cache');
