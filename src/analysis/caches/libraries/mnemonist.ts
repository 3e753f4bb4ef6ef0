/** mnemonist. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const MNEMONIST: CacheLibrary = {
  id: 'mnemonist',
  package: 'mnemonist',
  family: '0.40',
  versionTested: '0.40.8',
  recognize: { packages: ['mnemonist'], types: ['LRUCache', 'LRUMap', 'LRUCacheWithDelete', 'LRUMapWithDelete'] },
  construction: {},
  calls: [],
  hooks: [],
  paths: {
    // setpop() and remove() drop silently too, but return what they drop (returnsDropped).
    overwrite: path(['set', 'setpop'], 'silent'),
    sameValue: path(['set', 'setpop'], 'kept'),
    // delete() and remove() exist on the WithDelete variants only.
    delete: path(['delete', 'remove'], 'silent'),
    clear: path(['clear'], 'silent'),
    expiry: absent,
    sizeEviction: path(['set', 'setpop'], 'silent'),
  },
  returnsDropped: [
    // { evicted, key, value }: evicted false on overwrite (also of the same value), true on size eviction.
    { method: 'setpop', paths: ['overwrite', 'sameValue', 'sizeEviction'], resultProperty: 'value', hooksToo: false },
    { method: 'remove', paths: ['delete'], hooksToo: false },
  ],
  expiredAccess: [],
  peek: 'peek',
  expiryOptions: [],
  sizeOptions: ['capacity'],
  sizeLimitedByDefault: true,
  fix: 'Use setpop() and stop result.value when `result && result.value !== v` (covers overwrite and size eviction); use remove() (WithDelete variants) and stop the result; release every value before clear().',
  hazards: ['No hook at all.', 'The .d.ts says set(): this but the runtime returns undefined.'],
};
