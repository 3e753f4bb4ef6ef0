/** memory-cache. */
import { ABSENT_PATH as absent, pathBehaviour as path, type CacheLibrary } from '../model.js';

export const MEMORY_CACHE: CacheLibrary = {
  id: 'memory-cache',
  package: 'memory-cache',
  family: '0.2',
  versionTested: '0.2.0',
  recognize: { packages: ['@types/memory-cache', 'memory-cache'], types: ['CacheClass'], moduleIsCache: true },
  construction: {},
  calls: [{ method: 'put', positional: [undefined, undefined, 'time'] }],
  hooks: [
    {
      id: 'timeoutCallback',
      registration: { kind: 'callArgument', method: 'put', argument: 3 },
      signature: 'put(key, value, ms, timeoutCallback(key, value))',
      value: { parameter: 1 },
      key: { parameter: 0 },
    },
  ],
  paths: {
    // put() cancels the previous record's timer: the old value's callback is lost.
    overwrite: path(['put'], 'silent'),
    sameValue: path(['put'], 'kept'),
    delete: path(['del'], 'silent'),
    clear: path(['clear'], 'silent'),
    expiry: path([], 'timer', ['timeoutCallback']),
    sizeEviction: absent,
  },
  returnsDropped: [],
  expiredAccess: [{ method: 'get', outcome: 'silent' }],
  expiryOptions: ['time'],
  sizeOptions: [],
  sizeLimitedByDefault: false,
  fix: 'Release the previous value yourself before put() (via get()) and before del()/clear(); beware del() on an expired entry whose timer has not fired (it leaves a zombie entry). Prefer @isaacs/ttlcache.',
  hazards: [
    'del(k) on an expired entry whose timer has not fired returns false, cancels the timer and leaves the entry forever.',
    'get(k) deletes an expired entry without cancelling its timer; that timer later deletes a newer value put under the same key.',
    "Timers are ref'd: the process stays alive until the last TTL.",
  ],
};
