/** expiry-map. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const EXPIRY_MAP: CacheLibrary = {
  id: 'expiry-map',
  package: 'expiry-map',
  family: '2',
  versionTested: '2.0.0',
  recognize: { packages: ['expiry-map'], types: ['ExpiryMap'] },
  construction: { positional: ['maxAge'] },
  calls: [],
  hooks: [],
  paths: {
    overwrite: path(['set'], 'silent'),
    sameValue: path(['set'], 'kept'),
    delete: path(['delete'], 'silent'),
    clear: path(['clear'], 'silent'),
    expiry: path([], 'silent'),
    sizeEviction: absent,
  },
  returnsDropped: [],
  // Until the (unref'd) cleaner timer runs, get() returns the expired value.
  expiredAccess: [{ method: 'get', outcome: 'stale' }],
  expiryOptions: ['maxAge'],
  sizeOptions: [],
  sizeLimitedByDefault: false,
  fix: 'No eviction hook: expiry of a resource cannot be observed. Do not store resources; use lru-cache (dispose + ttlAutopurge) or @isaacs/ttlcache.',
  hazards: ['implements Map: Map-based container logic must ask this module first.'],
};
