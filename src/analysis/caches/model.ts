/**
 * The vocabulary in which cache libraries are described as data: the ways a value can leave a
 * cache, what happens to it on each (a hook sees it, or nobody does), how hooks are registered,
 * how options change a path, how a library is recognized. The records themselves are in
 * `libraries/`, one file per library family; the facts come from running the libraries (the
 * repository's shared cache-semantics measurements, re-checked by `test/libraries/`).
 */
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

export const EVICTION_PATHS: readonly EvictionPath[] = ['overwrite', 'sameValue', 'delete', 'clear', 'expiry', 'sizeEviction'];

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
  /** A reason argument, its possible values (a filter on it misses paths), and the paths each names. */
  reason?: HookParameter & { values: readonly string[]; paths: Readonly<Record<string, readonly EvictionPath[]>> };
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
  /** The read returns whatever type it is told (node-cache's `get<T>(key)`): a release written on it names the value's type. */
  readIsGeneric?: boolean;
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
// Builders for the records
// ---------------------------------------------------------------------------

export const NO_HOOKS: readonly string[] = [];

export function pathBehaviour(
  methods: readonly string[],
  coverage: PathCoverage,
  hooks: readonly string[] = NO_HOOKS,
  when?: readonly OptionCase[],
): PathBehaviour {
  return when ? { methods, coverage, hooks, when } : { methods, coverage, hooks };
}

/** The library has no such path. */
export const ABSENT_PATH = pathBehaviour([], 'absent');
