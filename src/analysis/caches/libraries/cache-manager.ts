/** cache-manager. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const CACHE_MANAGER: CacheLibrary = {
  id: 'cache-manager',
  package: 'cache-manager',
  family: '7',
  versionTested: '7.2.9',
  recognize: { packages: ['cache-manager'], versions: { from: '6.0.0' }, types: ['Cache'], factories: ['createCache'] },
  construction: { objects: [0] },
  calls: [{ method: 'set', positional: [undefined, undefined, 'ttl'] }],
  hooks: [],
  paths: {
    overwrite: path(['set', 'mset'], 'silent'),
    sameValue: path(['set', 'mset'], 'kept'),
    // The 'del' event carries the key only.
    delete: path(['del', 'mdel'], 'silent'),
    clear: path(['clear'], 'silent'),
    expiry: path([], 'silent'),
    sizeEviction: absent,
  },
  returnsDropped: [],
  expiredAccess: [{ method: 'get', outcome: 'silent' }],
  expiryOptions: ['ttl'],
  sizeOptions: [],
  sizeLimitedByDefault: false,
  fix: 'No value-carrying eviction hook: expiry and removal of a resource cannot be observed. Do not store resources; use lru-cache (dispose + ttlAutopurge) or @isaacs/ttlcache.',
  hazards: ['Events (set, del, clear, refresh) never carry a displaced or expiring value.'],
};
