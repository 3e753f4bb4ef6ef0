/** keyv. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const KEYV: CacheLibrary = {
  id: 'keyv',
  package: 'keyv',
  family: '5',
  versionTested: '5.6.0',
  recognize: { packages: ['keyv'], types: ['Keyv'] },
  construction: { objects: [0, 1] },
  calls: [{ method: 'set', positional: [undefined, undefined, 'ttl'] }],
  hooks: [],
  paths: {
    overwrite: path(['set', 'setMany'], 'silent'),
    sameValue: path(['set', 'setMany'], 'kept'),
    // PRE_DELETE / POST_DELETE hooks carry the key only.
    delete: path(['delete', 'deleteMany'], 'silent'),
    clear: path(['clear'], 'silent'),
    expiry: path([], 'silent'),
    sizeEviction: absent,
  },
  returnsDropped: [],
  expiredAccess: [{ method: 'get', outcome: 'silent' }],
  expiryOptions: ['ttl'],
  sizeOptions: [],
  sizeLimitedByDefault: false,
  copies: { option: 'serialize', offWhen: 'undefined', get: true, hooks: false, how: 'JSON serialization through @keyv/serialize, even for the in-memory Map' },
  fix: 'No value-carrying eviction hook: expiry and removal of a resource cannot be observed. Do not store resources; use lru-cache (dispose + ttlAutopurge) or @isaacs/ttlcache. Default serialization breaks resource objects (a Timeout makes set() throw).',
  hazards: ['Default serialization: an object holding a Timeout makes set() throw RangeError; other objects come back as plain copies without methods.'],
};
