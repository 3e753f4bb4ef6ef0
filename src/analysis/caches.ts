/**
 * Cache libraries as data: how each is recognized, its hooks, and what each
 * eviction path does to the value it drops.
 *
 * The facts come from running the libraries (`/work/shared/cache-semantics.json`,
 * re-checked by `test/libraries/*.test.ts`, which reads these records). A library
 * is recognized by the `name` in the package.json that owns the declaring
 * `.d.ts` — never by type name alone: `LRUCache`, `NodeCache` and `QuickLRU`
 * each name two packages, and npm aliases (`lru-cache-7`) hide the real name
 * behind the folder.
 *
 * Everything here works on TypeScript nodes and types (the analysis layer's
 * currency); a rule maps its ESTree node through `esTreeNodeToTSNodeMap`.
 */
import ts from 'typescript';

import { skipOuter } from './expressions.js';

// ---------------------------------------------------------------------------
// The vocabulary
// ---------------------------------------------------------------------------

/** Ways a cached value can leave (or seem to leave) the cache. */
export type EvictionPath =
  /** `set(k, B)` over a present `k = A` (live, or expired but not yet swept: measured identical in every library). */
  | 'overwrite'
  /** `set(k, A)` again with the value already stored: nothing is dropped; a hook that runs here over-fires. */
  | 'sameValue'
  /** `delete(k)` / `del(k)` / `take(k)` / `remove(k)`. */
  | 'delete'
  /** `clear()` / `flushAll()` / `reset()`. */
  | 'clear'
  /** The TTL passes and nobody touches the key. */
  | 'expiry'
  /** A size limit pushes an entry out. */
  | 'sizeEviction';

export const EVICTION_PATHS: readonly EvictionPath[] = [
  'overwrite',
  'sameValue',
  'delete',
  'clear',
  'expiry',
  'sizeEviction',
];

/** What happens to the dropped value on one path. */
export type PathCoverage =
  /** The hook receives the value synchronously inside the call. */
  | 'hook'
  /** (expiry) The hook receives it, but only when the key is touched again by a checking method. */
  | 'lazy'
  /** (expiry) The hook receives it from the library's own timer. */
  | 'timer'
  /** The value is dropped and no hook sees it. */
  | 'silent'
  /** Nothing is dropped (same-value set, `deleteOnExpire: false`); listed hooks, if any, over-fire. */
  | 'kept'
  /** The library has no such path (no TTL, no size limit, or it throws instead of evicting). */
  | 'absent';

/** How a hook is attached to a cache. */
export type HookRegistration =
  /** A constructor/factory option: `new LRUCache({ dispose })`. */
  | { kind: 'option'; option: string }
  /** An EventEmitter-style listener: `cache.on('del', fn)`. */
  | { kind: 'event'; methods: readonly string[]; event: string }
  /** A registering method: tiny-lru `cache.onEvict(fn)`. */
  | { kind: 'method'; method: string }
  /** An argument of each insertion: memory-cache `put(k, v, ms, fn)`. */
  | { kind: 'callArgument'; method: string; argument: number };

/** Where an argument arrives in a hook: parameter index, and the property when the parameter is an object. */
export interface HookParameter {
  parameter: number;
  property?: string;
}

export interface CacheHook {
  /** Stable id used by `PathBehaviour.hooks`: the option, event or method name. */
  id: string;
  registration: HookRegistration;
  /** Human-readable signature for messages and docs. */
  signature: string;
  value: HookParameter;
  key: HookParameter;
  /** A reason argument and its possible values (a filter on it misses paths). */
  reason?: HookParameter & { values: readonly string[] };
}

/** A literal test of one option; `undefined` means "present as the literal `undefined`". */
export type OptionTest = 'truthy' | 'falsy' | 'undefined';

/** An option setting that changes a path; the first matching case wins over the default. */
export interface OptionCase {
  option: string;
  is: OptionTest;
  /** Also settable per call (lru-cache `set(k, v, { noDisposeOnSet })`); the call's value wins. */
  perCall?: boolean;
  coverage: PathCoverage;
  hooks: readonly string[];
}

export interface PathBehaviour {
  /** Methods that take this path (for expiry: none). */
  methods: readonly string[];
  /** Under default options. */
  coverage: PathCoverage;
  /** Hooks (by `CacheHook.id`) that receive the value on this path. */
  hooks: readonly string[];
  when?: readonly OptionCase[];
}

/** A method that hands the dropped value back instead of (or besides) a hook. */
export interface ReturnsDropped {
  method: string;
  paths: readonly EvictionPath[];
  /** Where the value is in the result: the result itself, or a property of it. */
  resultProperty?: string;
  /** The library's hooks run too. */
  hooksToo: boolean;
}

/** What reading an expired, unswept key does. */
export interface ExpiredAccess {
  method: string;
  /** `hook`: drops it through the hook; `silent`: drops it unseen; `stale`: returns it; `kept`: misses but keeps it. */
  outcome: 'hook' | 'silent' | 'stale' | 'kept';
}

/** The cache stores (and hands out) copies unless an option turns it off. */
export interface ValueCopies {
  option: string;
  /** The option value that keeps identity. */
  offWhen: OptionTest;
  /** `get()` returns a copy. */
  get: boolean;
  /** Hooks receive a copy. */
  hooks: boolean;
  how: string;
}

/** Where construction arguments carry options. */
export interface ConstructionArguments {
  /** Indices of arguments that may be an options object literal (keyv: `(options)` or `(store, options)`). */
  objects?: readonly number[];
  /** Positional option names: tiny-lru `lru(max, ttl, resetTtl)`. */
  positional?: readonly string[];
}

/** Per-call options: lru-cache `set(k, v, { noDisposeOnSet })`, node-cache `set(k, v, ttl)`. */
export interface CallArguments {
  method: string;
  /** Index of an options object literal. */
  object?: number;
  /** Positional names by index (`undefined` holes skip key/value). */
  positional?: readonly (string | undefined)[];
}

export interface VersionRange {
  /** Inclusive, `major.minor.patch`. */
  from?: string;
  /** Exclusive. */
  below?: string;
}

export interface CacheRecognition {
  /** package.json `name`s whose declarations define this library (`@types/*` included). */
  packages: readonly string[];
  /** Versions of those packages this record describes. */
  versions?: VersionRange;
  /** Class, interface or type-alias names declared by the package. */
  types: readonly string[];
  /** Factories whose anonymous return type is the cache (lru.min `createLRU`), or that build one. */
  factories?: readonly string[];
  /** The module object itself is a cache (memory-cache's default singleton). */
  moduleIsCache?: boolean;
}

export type CacheLibraryId =
  | 'lru-cache@6'
  | 'lru-cache@7'
  | 'lru-cache@10'
  | 'lru-cache@11'
  | '@isaacs/ttlcache'
  | 'node-cache'
  | '@cacheable/node-cache'
  | 'quick-lru'
  | '@alloc/quick-lru'
  | 'tiny-lru'
  | 'lru.min'
  | 'mnemonist'
  | 'memory-cache'
  | 'keyv'
  | 'cache-manager'
  | 'expiry-map';

export interface CacheLibrary {
  id: CacheLibraryId;
  /** The npm package as users know it. */
  package: string;
  /** Version family this record describes, e.g. `'11'` for lru-cache 11.x. */
  family: string;
  /** The version whose behaviour was measured. */
  versionTested: string;
  recognize: CacheRecognition;
  construction: ConstructionArguments;
  calls: readonly CallArguments[];
  hooks: readonly CacheHook[];
  paths: Readonly<Record<EvictionPath, PathBehaviour>>;
  returnsDropped: readonly ReturnsDropped[];
  expiredAccess: readonly ExpiredAccess[];
  /** Read without side effects (no recency update, no expiry flush). */
  peek?: string;
  /** Options (construction or per call) that give entries a TTL; empty: no TTL support. */
  expiryOptions: readonly string[];
  /** Options that bound the size; empty: unbounded. `sizeLimitedByDefault`: bounded without them. */
  sizeOptions: readonly string[];
  sizeLimitedByDefault: boolean;
  copies?: ValueCopies;
  /** The fix a linter can suggest (from the semantics table). */
  fix: string;
  hazards: readonly string[];
}

// ---------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------

const NO_HOOKS: readonly string[] = [];

function path(methods: readonly string[], coverage: PathCoverage, hooks: readonly string[] = NO_HOOKS, when?: readonly OptionCase[]): PathBehaviour {
  return when ? { methods, coverage, hooks, when } : { methods, coverage, hooks };
}

const absent = path([], 'absent');

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
    reason: { parameter: 2, values: reasons },
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
      overwrite: path(['set'], 'hook', hooks, [
        { option: 'noDisposeOnSet', is: 'truthy', perCall: true, coverage: 'silent', hooks: NO_HOOKS },
      ]),
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
      ...(family === '7'
        ? ["Expiry disposes with reason 'delete' (not 'expire').", 'set(k, undefined) stores undefined (v10+ deletes).']
        : []),
    ],
  };
}

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

function baseRecords(): CacheLibrary[] {
  return [
    {
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
        overwrite: path(['set'], 'hook', ['dispose'], [
          { option: 'noDisposeOnSet', is: 'truthy', coverage: 'silent', hooks: NO_HOOKS },
        ]),
        // No identity check: the hook runs for a value that stays cached.
        sameValue: path(['set'], 'kept', ['dispose'], [
          { option: 'noDisposeOnSet', is: 'truthy', coverage: 'kept', hooks: NO_HOOKS },
        ]),
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
    },
    lruCacheModern('7', { from: '7.0.0', below: '8.0.0' }, '7.18.3'),
    // 8.x and 9.x were not measured; their dispose contract matches 10 (TypeScript rewrite).
    lruCacheModern('10', { from: '8.0.0', below: '11.0.0' }, '10.4.3'),
    lruCacheModern('11', { from: '11.0.0' }, '11.5.3'),
    {
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
          reason: { parameter: 2, values: ['set', 'delete', 'stale', 'evict'] },
        },
      ],
      paths: {
        overwrite: path(['set'], 'hook', ['dispose'], [
          { option: 'noDisposeOnSet', is: 'truthy', perCall: true, coverage: 'silent', hooks: NO_HOOKS },
        ]),
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
    },
    nodeCacheLike('node-cache'),
    nodeCacheLike('@cacheable/node-cache'),
    quickLru('quick-lru'),
    quickLru('@alloc/quick-lru'),
    {
      id: 'tiny-lru',
      package: 'tiny-lru',
      family: '13',
      versionTested: '13.1.0',
      recognize: { packages: ['tiny-lru'], versions: { from: '13.0.0' }, types: ['LRU'], factories: ['lru'] },
      construction: { positional: ['max', 'ttl', 'resetTtl'] },
      calls: [],
      hooks: [
        {
          id: 'onEvict',
          registration: { kind: 'method', method: 'onEvict' },
          signature: 'cache.onEvict(({ key, value, expiry }) => …)',
          value: { parameter: 0, property: 'value' },
          key: { parameter: 0, property: 'key' },
        },
      ],
      paths: {
        overwrite: path(['set', 'setWithEvicted'], 'silent'),
        sameValue: path(['set', 'setWithEvicted'], 'kept'),
        delete: path(['delete'], 'silent'),
        clear: path(['clear'], 'silent'),
        // get()/has() drop expired entries unseen; only cleanup(true) reports them.
        expiry: path([], 'silent'),
        // setWithEvicted() evicts without the hook but returns the item (returnsDropped).
        sizeEviction: path(['set', 'evict'], 'hook', ['onEvict']),
      },
      // The result is the evicted `{ key, value, expiry }` item.
      returnsDropped: [{ method: 'setWithEvicted', paths: ['sizeEviction'], resultProperty: 'value', hooksToo: false }],
      expiredAccess: [
        { method: 'get', outcome: 'silent' },
        { method: 'has', outcome: 'silent' },
        { method: 'peek', outcome: 'stale' },
      ],
      peek: 'peek',
      expiryOptions: ['ttl'],
      sizeOptions: ['max'],
      // max defaults to 1000.
      sizeLimitedByDefault: true,
      fix: 'Before set: `const old = cache.peek(k); if (old !== undefined && old !== v) old.stop();`; release before delete()/clear(). With ttl > 0 expired entries never reach onEvict (get/has drop them silently): prefer lru-cache or @isaacs/ttlcache, or call cleanup(true) on a schedule (still misses get/has).',
      hazards: ['With a TTL, expiry is unobservable through normal access.', 'setWithEvicted() returns the evicted item and does not call onEvict.'],
    },
    {
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
    },
    {
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
    },
    {
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
        "get(k) deletes an expired entry without cancelling its timer; that timer later deletes a newer value put under the same key.",
        'Timers are ref\'d: the process stays alive until the last TTL.',
      ],
    },
    {
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
    },
    {
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
    },
    {
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
    },
  ];
}

/** Every known cache library, one record per version family. */
export const CACHE_LIBRARIES: readonly CacheLibrary[] = baseRecords();

const libraryById = new Map<CacheLibraryId, CacheLibrary>(CACHE_LIBRARIES.map((library) => [library.id, library]));

export function getCacheLibrary(id: CacheLibraryId): CacheLibrary {
  const library = libraryById.get(id);
  if (!library) throw new Error(`unknown cache library ${id}`);
  return library;
}

// ---------------------------------------------------------------------------
// Options as written
// ---------------------------------------------------------------------------

export type OptionLiteral = boolean | number | string | null | undefined;

export type OptionValue =
  /** A literal the linter can read. */
  | { kind: 'literal'; value: OptionLiteral; node: ts.Node }
  /** Present, but not a literal: a function (a hook), a variable, a call. */
  | { kind: 'expression'; node: ts.Node };

/** Options as they appear at a construction or call site. */
export interface CacheOptions {
  values: ReadonlyMap<string, OptionValue>;
  /** A spread, computed key or non-literal options argument: absent options are unknown, not defaults. */
  open: boolean;
}

export const NO_OPTIONS: CacheOptions = { values: new Map(), open: false };

function readOptionValue(node: ts.Expression): OptionValue {
  const inner = skipOuter(node);
  switch (inner.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return { kind: 'literal', value: true, node };
    case ts.SyntaxKind.FalseKeyword:
      return { kind: 'literal', value: false, node };
    case ts.SyntaxKind.NullKeyword:
      return { kind: 'literal', value: null, node };
  }
  if (ts.isNumericLiteral(inner)) return { kind: 'literal', value: Number(inner.text), node };
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return { kind: 'literal', value: inner.text, node };
  if (ts.isIdentifier(inner) && inner.text === 'undefined') return { kind: 'literal', value: undefined, node };
  if (ts.isVoidExpression(inner)) return { kind: 'literal', value: undefined, node };
  if (ts.isPrefixUnaryExpression(inner) && ts.isNumericLiteral(inner.operand)) {
    const value = Number(inner.operand.text);
    if (inner.operator === ts.SyntaxKind.MinusToken) return { kind: 'literal', value: -value, node };
    if (inner.operator === ts.SyntaxKind.PlusToken) return { kind: 'literal', value, node };
  }
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(inner.operand)) {
    // `!0` / `!1`, as minifiers write booleans.
    return { kind: 'literal', value: !Number(inner.operand.text), node };
  }
  return { kind: 'expression', node };
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const expression = skipOuter(name.expression);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  }
  return undefined;
}

/**
 * Reads an options object literal. A non-literal argument (a variable, a call)
 * yields an `open` result: every option is then unknown.
 */
export function readOptionsObject(node: ts.Expression | undefined): CacheOptions {
  if (!node) return NO_OPTIONS;
  const inner = skipOuter(node);
  if (!ts.isObjectLiteralExpression(inner)) return { values: new Map(), open: true };
  const values = new Map<string, OptionValue>();
  let open = false;
  for (const property of inner.properties) {
    if (ts.isSpreadAssignment(property)) {
      // A later literal still wins over the spread, so keep reading; earlier ones become unknown.
      values.clear();
      open = true;
      continue;
    }
    const name = property.name && propertyName(property.name);
    if (name === undefined) {
      open = true;
      continue;
    }
    if (ts.isPropertyAssignment(property)) values.set(name, readOptionValue(property.initializer));
    else values.set(name, { kind: 'expression', node: property });
  }
  return { values, open };
}

function mergeOptions(first: CacheOptions, second: CacheOptions): CacheOptions {
  if (first.values.size === 0 && !first.open) return second;
  if (second.values.size === 0 && !second.open) return first;
  return { values: new Map([...first.values, ...second.values]), open: first.open || second.open };
}

/**
 * Options of a construction (`new LRUCache({...})`, `lru(100, 5000)`, `createLRU({...})`),
 * from its argument list as the library lays it out.
 */
export function readConstructionOptions(library: CacheLibrary, args: readonly ts.Expression[] | undefined): CacheOptions {
  if (!args) return NO_OPTIONS;
  let options = NO_OPTIONS;
  const { objects, positional } = library.construction;
  if (objects) {
    for (const index of objects) {
      const argument = args[index];
      if (!argument) continue;
      const inner = skipOuter(argument);
      // keyv's `new Keyv(new Map(), options)`: a store, not options.
      if (ts.isNewExpression(inner) && objects.length > 1) continue;
      options = mergeOptions(options, readOptionsObject(argument));
    }
  }
  if (positional) {
    const values = new Map<string, OptionValue>();
    let open = false;
    positional.forEach((name, index) => {
      const argument = args[index];
      if (argument) values.set(name, readOptionValue(argument));
    });
    if (args.some((argument) => ts.isSpreadElement(argument))) open = true;
    options = mergeOptions(options, { values, open });
  }
  return options;
}

/** Per-call options of a method call (`set(k, v, { noDisposeOnSet: true })`, node-cache `set(k, v, ttl)`). */
export function readCallOptions(library: CacheLibrary, method: string, args: readonly ts.Expression[]): CacheOptions {
  let options = NO_OPTIONS;
  for (const call of library.calls) {
    if (call.method !== method) continue;
    if (call.object !== undefined) {
      const argument = args[call.object];
      if (argument) options = mergeOptions(options, readOptionsObject(argument));
    }
    if (call.positional) {
      const values = new Map<string, OptionValue>();
      call.positional.forEach((name, index) => {
        const argument = args[index];
        if (name && argument) values.set(name, readOptionValue(argument));
      });
      options = mergeOptions(options, { values, open: false });
    }
  }
  return options;
}

/** Options from a plain object, for tests and for callers that evaluated options themselves. */
export function cacheOptionsFromRecord(record: Readonly<Record<string, unknown>>): CacheOptions {
  const values = new Map<string, OptionValue>();
  const placeholder = ts.factory.createIdentifier('undefined');
  for (const [name, value] of Object.entries(record)) {
    if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
      values.set(name, { kind: 'literal', value, node: placeholder });
    } else {
      values.set(name, { kind: 'expression', node: placeholder });
    }
  }
  return { values, open: false };
}

type TestResult = 'match' | 'miss' | 'unknown';

function testOption(value: OptionValue | undefined, open: boolean, test: OptionTest): TestResult {
  if (!value) return open ? 'unknown' : 'miss';
  if (value.kind === 'expression') {
    // A function or object is truthy whatever it holds.
    const node = value.node;
    const alwaysTruthy =
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      (ts.isExpression(node) && (ts.isFunctionExpression(skipOuter(node)) || ts.isArrowFunction(skipOuter(node)) || ts.isObjectLiteralExpression(skipOuter(node))));
    if (alwaysTruthy) return test === 'truthy' ? 'match' : 'miss';
    return 'unknown';
  }
  switch (test) {
    case 'truthy':
      return value.value ? 'match' : 'miss';
    case 'falsy':
      // An explicit `undefined` means "use the default" in these libraries.
      return value.value !== undefined && !value.value ? 'match' : 'miss';
    case 'undefined':
      return value.value === undefined ? 'match' : 'miss';
  }
}

// ---------------------------------------------------------------------------
// Questions a rule asks
// ---------------------------------------------------------------------------

export interface PathVerdict {
  path: EvictionPath;
  coverage: PathCoverage;
  /** Hooks that receive the dropped value on this path. */
  hooks: readonly string[];
  methods: readonly string[];
  /** The hook sees the dropped value (now, on access, or from a timer). */
  reachesHook: boolean;
  /** Options that would change the answer but could not be read; the default was assumed. */
  unknownOptions: readonly string[];
}

/**
 * What `path` does with the dropped value for `library`, given the construction
 * options and, for a method call, that call's options (which win where the
 * library allows per-call overrides).
 */
export function evictionPathBehaviour(
  library: CacheLibrary,
  path: EvictionPath,
  options: { construction?: CacheOptions; call?: CacheOptions } = {},
): PathVerdict {
  const behaviour = library.paths[path];
  const construction = options.construction ?? NO_OPTIONS;
  const unknownOptions: string[] = [];
  let coverage = behaviour.coverage;
  let hooks = behaviour.hooks;
  for (const optionCase of behaviour.when ?? []) {
    let result: TestResult = 'miss';
    const callValue = optionCase.perCall && options.call ? options.call.values.get(optionCase.option) : undefined;
    if (callValue && !(callValue.kind === 'literal' && callValue.value === undefined)) {
      result = testOption(callValue, false, optionCase.is);
    } else {
      result = testOption(construction.values.get(optionCase.option), construction.open, optionCase.is);
      if (result !== 'match' && optionCase.perCall && options.call?.open) result = 'unknown';
    }
    if (result === 'unknown') unknownOptions.push(optionCase.option);
    if (result === 'match') {
      coverage = optionCase.coverage;
      hooks = optionCase.hooks;
      break;
    }
  }
  return {
    path,
    coverage,
    hooks,
    methods: behaviour.methods,
    reachesHook: coverage === 'hook' || coverage === 'lazy' || coverage === 'timer',
    unknownOptions,
  };
}

/** Shortcut: does `path` hand the dropped value to a hook under these options? */
export function pathReachesHook(library: CacheLibrary, path: EvictionPath, options?: { construction?: CacheOptions; call?: CacheOptions }): boolean {
  return evictionPathBehaviour(library, path, options).reachesHook;
}

/** Paths a method call can take (`set` → overwrite, sameValue, sizeEviction; `del` → delete). */
export function pathsOfMethod(library: CacheLibrary, method: string): EvictionPath[] {
  return EVICTION_PATHS.filter((candidate) => library.paths[candidate].methods.includes(method));
}

/** A method that returns the value it drops (mnemonist `setpop`/`remove`, node-cache `take`). */
export function returnsDroppedValue(library: CacheLibrary, method: string): ReturnsDropped | undefined {
  return library.returnsDropped.find((entry) => entry.method === method);
}

/** Whether `get()` / hooks hand out copies under these construction options. */
export function valueCopies(library: CacheLibrary, construction: CacheOptions = NO_OPTIONS): { get: boolean; hooks: boolean; unknown: boolean } {
  const copies = library.copies;
  if (!copies) return { get: false, hooks: false, unknown: false };
  const result = testOption(construction.values.get(copies.option), construction.open, copies.offWhen);
  if (result === 'match') return { get: false, hooks: false, unknown: false };
  return { get: copies.get, hooks: copies.hooks, unknown: result === 'unknown' };
}

/** Whether entries can expire: `true`, `false`, or `undefined` when options cannot be read. */
export function canExpire(library: CacheLibrary, construction: CacheOptions = NO_OPTIONS): boolean | undefined {
  if (library.expiryOptions.length === 0) return false;
  let unknown = false;
  for (const option of library.expiryOptions) {
    const value = construction.values.get(option);
    if (!value) {
      if (construction.open) unknown = true;
      continue;
    }
    if (value.kind === 'expression') unknown = true;
    else if (typeof value.value === 'number' && value.value > 0 && Number.isFinite(value.value)) return true;
  }
  return unknown ? undefined : false;
}

/** The hook registered by a construction option (`dispose`, `onEviction`), if one is written there. */
export function hookInOptions(library: CacheLibrary, construction: CacheOptions): { hook: CacheHook; value: OptionValue } | undefined {
  for (const hook of library.hooks) {
    if (hook.registration.kind !== 'option') continue;
    const value = construction.values.get(hook.registration.option);
    if (value && !(value.kind === 'literal' && (value.value === undefined || value.value === null))) return { hook, value };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------

interface PackageIdentity {
  name: string;
  version: string;
}

interface ProgramCaches {
  /** Directory → nearest named package.json at or above it. */
  packageByDirectory: Map<string, PackageIdentity | null>;
  bySourceFile: WeakMap<ts.SourceFile, PackageIdentity | null>;
  byDeclaration: WeakMap<ts.Node, CacheLibrary | null>;
  byType: WeakMap<ts.Type, CacheLibrary | null>;
  byDirectType: WeakMap<ts.Type, CacheLibrary | null>;
  /** Whether any known cache library's declarations are in the program at all; read once. */
  present?: boolean;
}

const programCaches = new WeakMap<ts.Program, ProgramCaches>();

function cachesFor(program: ts.Program): ProgramCaches {
  let caches = programCaches.get(program);
  if (!caches) {
    caches = {
      packageByDirectory: new Map(),
      bySourceFile: new WeakMap(),
      byDeclaration: new WeakMap(),
      byType: new WeakMap(),
      byDirectType: new WeakMap(),
    };
    programCaches.set(program, caches);
  }
  return caches;
}

const knownPackages = new Set(CACHE_LIBRARIES.flatMap((library) => library.recognize.packages));

function parentDirectory(directory: string): string | undefined {
  const index = directory.lastIndexOf('/');
  if (index <= 0) return index === 0 && directory.length > 1 ? '/' : undefined;
  return directory.slice(0, index);
}

/**
 * The nearest package.json with a `name` at or above `directory`. Nameless
 * ones (lru-cache's `dist/esm/package.json`, which only sets `type`) are skipped.
 */
function packageAt(caches: ProgramCaches, directory: string): PackageIdentity | undefined {
  const visited: string[] = [];
  let current: string | undefined = directory;
  let found: PackageIdentity | null = null;
  while (current !== undefined) {
    const cached = caches.packageByDirectory.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const text = ts.sys.readFile(current === '/' ? '/package.json' : `${current}/package.json`);
    if (text !== undefined) {
      try {
        const json = JSON.parse(text) as { name?: unknown; version?: unknown };
        if (typeof json.name === 'string') {
          found = { name: json.name, version: typeof json.version === 'string' ? json.version : '0.0.0' };
          break;
        }
      } catch {
        // A broken package.json names nothing; keep climbing.
      }
    }
    current = parentDirectory(current);
  }
  for (const directoryVisited of visited) caches.packageByDirectory.set(directoryVisited, found);
  return found ?? undefined;
}

function packageOfSourceFile(caches: ProgramCaches, sourceFile: ts.SourceFile): PackageIdentity | undefined {
  const cached = caches.bySourceFile.get(sourceFile);
  if (cached !== undefined) return cached ?? undefined;
  const fileName = sourceFile.fileName.replace(/\\/g, '/');
  // Only declaration files can belong to a library; user code never does.
  const identity = sourceFile.isDeclarationFile ? packageAt(caches, fileName.slice(0, fileName.lastIndexOf('/'))) : undefined;
  const relevant = identity && knownPackages.has(identity.name) ? identity : undefined;
  caches.bySourceFile.set(sourceFile, relevant ?? null);
  return relevant;
}

function parseVersion(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/, 3).map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

function compareVersions(left: string, right: string): number {
  const a = parseVersion(left);
  const b = parseVersion(right);
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function inRange(version: string, range: VersionRange | undefined): boolean {
  if (!range) return true;
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  if (range.below !== undefined && compareVersions(version, range.below) >= 0) return false;
  return true;
}

/** The library record for a package name and version, if one describes it. */
export function cacheLibraryForPackage(name: string, version: string): CacheLibrary | undefined {
  return CACHE_LIBRARIES.find((library) => library.recognize.packages.includes(name) && inRange(version, library.recognize.versions));
}

type DeclaredAs = { kind: 'type'; name: string } | { kind: 'factoryResult'; name: string } | { kind: 'module' };

function declarationName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** What a declaration declares, as far as recognition cares. */
function declaredAs(declaration: ts.Node): DeclaredAs | undefined {
  if (ts.isSourceFile(declaration)) return { kind: 'module' };
  if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    const name = declarationName(declaration);
    return name === undefined ? undefined : { kind: 'type', name };
  }
  if (ts.isTypeLiteralNode(declaration)) {
    const parent = declaration.parent;
    // `type Cache = { … }` (cache-manager).
    if (ts.isTypeAliasDeclaration(parent)) return { kind: 'type', name: parent.name.text };
    // `const createLRU: <K, V>(o) => { … }` / `function createLRU(): { … }` (lru.min): the literal must be the return type itself.
    if ((ts.isFunctionTypeNode(parent) || ts.isFunctionDeclaration(parent)) && parent.type === declaration) {
      const owner = ts.isFunctionDeclaration(parent) ? parent : parent.parent;
      const name = owner && declarationName(owner);
      if (name !== undefined && (ts.isFunctionDeclaration(owner) || ts.isVariableDeclaration(owner))) return { kind: 'factoryResult', name };
    }
  }
  return undefined;
}

function libraryOfDeclaration(caches: ProgramCaches, declaration: ts.Node): CacheLibrary | undefined {
  const cached = caches.byDeclaration.get(declaration);
  if (cached !== undefined) return cached ?? undefined;
  let result: CacheLibrary | undefined;
  const declared = declaredAs(declaration);
  if (declared) {
    const identity = packageOfSourceFile(caches, declaration.getSourceFile());
    const library = identity && cacheLibraryForPackage(identity.name, identity.version);
    if (library) {
      const { types, factories = [], moduleIsCache = false } = library.recognize;
      const matches =
        declared.kind === 'module'
          ? moduleIsCache
          : declared.kind === 'type'
            ? types.includes(declared.name)
            : factories.includes(declared.name);
      if (matches) result = library;
    }
  }
  caches.byDeclaration.set(declaration, result ?? null);
  return result;
}

function libraryOfSymbol(caches: ProgramCaches, symbol: ts.Symbol | undefined): CacheLibrary | undefined {
  for (const declaration of symbol?.declarations ?? []) {
    const library = libraryOfDeclaration(caches, declaration);
    if (library) return library;
  }
  return undefined;
}

/** The library whose declarations define `type` itself (its alias or symbol), bases not considered. */
function libraryOfTypeItself(caches: ProgramCaches, type: ts.Type): CacheLibrary | undefined {
  const cached = caches.byDirectType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const library = libraryOfSymbol(caches, type.aliasSymbol) ?? libraryOfSymbol(caches, type.getSymbol());
  caches.byDirectType.set(type, library ?? null);
  return library;
}

function libraryOfType(caches: ProgramCaches, checker: ts.TypeChecker, type: ts.Type, depth: number): CacheLibrary | undefined {
  const cached = caches.byType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  let result: CacheLibrary | undefined;
  if (type.isUnion()) {
    // `LRUCache<K, V> | undefined`: every non-nullish member must be the same library.
    const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const libraries = new Set(members.map((member) => libraryOfType(caches, checker, member, depth + 1)));
    const [only] = libraries;
    result = libraries.size === 1 ? only : undefined;
  } else if (type.isIntersection()) {
    for (const member of type.types) {
      result = libraryOfType(caches, checker, member, depth + 1);
      if (result) break;
    }
  } else {
    result = libraryOfTypeItself(caches, type);
    if (!result && depth < 8 && type.flags & ts.TypeFlags.Object) {
      // A user class `extends LRUCache<K, V>`: walk the declared base types.
      const objectType = type as ts.ObjectType;
      const target =
        objectType.objectFlags & ts.ObjectFlags.Reference ? (type as ts.TypeReference).target : objectType;
      if (target.objectFlags & ts.ObjectFlags.ClassOrInterface) {
        for (const base of checker.getBaseTypes(target as ts.InterfaceType)) {
          result = libraryOfType(caches, checker, base, depth + 1);
          if (result) break;
        }
      }
    }
  }
  caches.byType.set(type, result ?? null);
  return result;
}

/**
 * The cache library of a value's type: by the package that declares the type
 * (or, for anonymous types, the alias or factory that produces it), or of one
 * of its base types. `undefined` for anything else — Map, user classes named
 * like a library class, unions of different libraries.
 */
export function identifyCacheLibrary(type: ts.Type, program: ts.Program): CacheLibrary | undefined {
  if (!programUsesCacheLibrary(program)) return undefined;
  return libraryOfType(cachesFor(program), program.getTypeChecker(), type, 0);
}

/**
 * Whether the program contains the declarations of any known cache library. Most programs use
 * none, and then no cache question needs the checker: one look at the program's declaration
 * files (their package.json files, cached per directory) answers for every site.
 */
export function programUsesCacheLibrary(program: ts.Program): boolean {
  const caches = cachesFor(program);
  if (caches.present === undefined) {
    caches.present = program.getSourceFiles().some((sourceFile) => sourceFile.isDeclarationFile && packageOfSourceFile(caches, sourceFile) !== undefined);
  }
  return caches.present;
}

export interface CacheConstruction {
  library: CacheLibrary;
  /** The arguments are the library's own (not a user subclass's constructor). */
  direct: boolean;
  options: CacheOptions;
}

/**
 * A construction site: `new LRUCache({...})`, `new NodeCache()`, `lru(100)`,
 * `createLRU({...})`, `createCache()`. A call counts only when its callee is
 * a factory of the library; `new Sub()` of a user subclass is reported with
 * `direct: false` and no readable options.
 */
export function identifyCacheConstruction(node: ts.NewExpression | ts.CallExpression, program: ts.Program): CacheConstruction | undefined {
  if (!programUsesCacheLibrary(program)) return undefined;
  const caches = cachesFor(program);
  const checker = program.getTypeChecker();
  if (ts.isCallExpression(node)) {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) {
      const name = declarationName(declaration);
      if (name === undefined || !(ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration))) continue;
      const identity = packageOfSourceFile(caches, declaration.getSourceFile());
      const library = identity && cacheLibraryForPackage(identity.name, identity.version);
      if (library?.recognize.factories?.includes(name)) {
        return { library, direct: true, options: readConstructionOptions(library, node.arguments) };
      }
    }
    return undefined;
  }
  const type = checker.getTypeAtLocation(node);
  const direct = libraryOfTypeItself(caches, type);
  if (direct) return { library: direct, direct: true, options: readConstructionOptions(direct, node.arguments) };
  const viaBase = libraryOfType(caches, checker, type, 0);
  return viaBase ? { library: viaBase, direct: false, options: { values: new Map(), open: true } } : undefined;
}
