/** @isaacs/ttlcache. */
import { NO_HOOKS, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const TTLCACHE: CacheLibrary = {
  id: '@isaacs/ttlcache',
  package: '@isaacs/ttlcache',
  family: '2',
  versionTested: '2.1.5',
  recognize: { packages: ['@isaacs/ttlcache'], types: ['TTLCache'] },
  construction: { objects: [0] },
  calls: [{ method: 'set', object: 2 }],
  hooks: [
    {
      id: 'dispose',
      registration: { kind: 'option', option: 'dispose' },
      signature: "dispose(value, key, reason: 'set' | 'delete' | 'stale' | 'evict')",
      value: { parameter: 0 },
      key: { parameter: 1 },
      reason: {
        parameter: 2,
        values: ['set', 'delete', 'stale', 'evict'],
        paths: { set: ['overwrite'], delete: ['delete', 'clear'], stale: ['expiry'], evict: ['sizeEviction'] },
      },
    },
  ],
  paths: {
    overwrite: path(['set'], 'hook', ['dispose'], [{ option: 'noDisposeOnSet', is: 'truthy', perCall: true, coverage: 'silent', hooks: NO_HOOKS }]),
    sameValue: path(['set'], 'kept'),
    delete: path(['delete'], 'hook', ['dispose']),
    clear: path(['clear'], 'hook', ['dispose']),
    expiry: path([], 'timer', ['dispose']),
    sizeEviction: path(['set'], 'hook', ['dispose']),
  },
  returnsDropped: [],
  // Without checkAgeOnGet, get() trusts the (unref'd) purge timer and returns a stale value it has not reached yet.
  expiredAccess: [{ method: 'get', outcome: 'stale' }],
  expiryOptions: ['ttl'],
  sizeOptions: ['max'],
  sizeLimitedByDefault: false,
  fix: 'Nothing needed for overwrite with a releasing dispose. Do not combine noDisposeOnSet: true (constructor or set(k, v, { noDisposeOnSet: true })) with a dispose that releases.',
  hazards: ['ttl is required: set() throws without it.'],
};
