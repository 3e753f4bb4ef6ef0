// Runs every cache library and checks each claim of src/analysis/caches.ts against what the
// library really does: for each record and option variant, every eviction path is observed and
// compared with `evictionPathBehaviour()` for the same options. Values are tiny resources with an
// id; hooks log what they receive, so "the hook saw the dropped value" is observed, not assumed.
//
// Expired-but-unswept states: libraries without a sweeping timer get a real (short) sleep; for
// those with one, the event loop is blocked past the TTL so the timer cannot run first — the
// go-cache race.
//
// lru-cache 6 is not installed (it ships no types); its record is checked only by the data suite.
// @cacheable/node-cache declares engines node >= 22 but runs on Node 20: everything below passes on 20.
import { TTLCache } from '@isaacs/ttlcache';
import AllocQuickLRU from '@alloc/quick-lru';
import { NodeCache as CacheableNodeCache } from '@cacheable/node-cache';
import { createCache } from 'cache-manager';
import ExpiryMap from 'expiry-map';
import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import { LRUCache as LRUCache10 } from 'lru-cache-10';
import LRUCache7 from 'lru-cache-7';
import { createLRU } from 'lru.min';
import memoryCache from 'memory-cache';
import { LRUCache as MnemonistLRUCache, LRUCacheWithDelete, LRUMap, LRUMapWithDelete } from 'mnemonist';
import NodeCache from 'node-cache';
import QuickLRU from 'quick-lru';
import { LRU as TinyLRU } from 'tiny-lru';
import { afterAll, describe, expect, it } from 'vitest';

import { canExpire, evictionPathBehaviour, valueCopies } from '../../src/analysis/caches/behaviour.js';
import { CACHE_LIBRARIES, getCacheLibrary } from '../../src/analysis/caches/libraries/index.js';
import type { CacheLibrary, CacheLibraryId, PathCoverage } from '../../src/analysis/caches/model.js';
import { cacheOptionsFromRecord } from '../../src/analysis/caches/options.js';

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

let nextId = 0;
class Resource {
  readonly id = ++nextId;
  stops = 0;
  stop(): void {
    this.stops++;
  }
}

function idOf(value: unknown): number | undefined {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' ? value.id : undefined;
}

interface HookCall {
  hook: string;
  value: unknown;
}

type AnyMethod = (...args: unknown[]) => unknown;

interface Driver {
  readonly calls: HookCall[];
  /** The cache object, for calling a record's method names generically. */
  readonly cache: object;
  set(key: string, value: Resource, callOptions?: Record<string, unknown>): unknown;
  get(key: string): unknown;
  /** Entries the cache still holds (expired or not). */
  size(): number | Promise<number>;
  /** The library sweeps expired entries with a timer under these options. */
  readonly sweepsWithTimer: boolean;
  close(): void;
}

type DriverFactory = (options: Record<string, unknown>) => Driver;

interface Variant {
  label: string;
  options: Record<string, unknown>;
  /** Per-call options passed to the overwriting set(). */
  call?: Record<string, unknown>;
}

interface LibraryUnderTest {
  make: DriverFactory;
  variants: readonly Variant[];
  /** The TTL the variants use, in ms (for sleeps). */
  ttlMs?: number;
  /** The size-limit option value the variants use. */
  max?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * A read of an entry stored at `since` says what the write kept only before its TTL ran out: on a
 * busy machine a 20 ms TTL can pass between the write and the read.
 */
const readWithinTtl = (subject: LibraryUnderTest, since: number): boolean => subject.ttlMs === undefined || performance.now() - since < subject.ttlMs;

function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // Busy-wait: no timer may run before the next statement.
  }
}

function call(target: object, method: string, ...args: unknown[]): unknown {
  const fn = (target as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new Error(`no method ${method}`);
  return (fn as AnyMethod).apply(target, args);
}

/** Hooks that received the resource (by id: some libraries hand out copies). */
function hooksThatSaw(driver: Driver, resource: Resource): string[] {
  return [...new Set(driver.calls.filter((entry) => idOf(entry.value) === resource.id).map((entry) => entry.hook))].sort();
}

async function expireUnswept(driver: Driver, ttlMs: number): Promise<void> {
  if (driver.sweepsWithTimer) blockFor(ttlMs + 15);
  else await sleep(ttlMs + 15);
}

function recorder(calls: HookCall[], hook: string) {
  return (value: unknown) => {
    calls.push({ hook, value });
  };
}

// ---------------------------------------------------------------------------
// Drivers: one per library, registering every hook the record names
// ---------------------------------------------------------------------------

type LruCacheClass = new (options: Record<string, unknown>) => {
  set(k: string, v: Resource, o?: Record<string, unknown>): unknown;
  get(k: string): unknown;
  readonly size: number;
};

function lruCacheDriver(Ctor: LruCacheClass): DriverFactory {
  return (options) => {
    const calls: HookCall[] = [];
    const cache = new Ctor({ ...options, dispose: recorder(calls, 'dispose'), disposeAfter: recorder(calls, 'disposeAfter') });
    return {
      calls,
      cache,
      set: (k, v, o) => cache.set(k, v, o),
      get: (k) => cache.get(k),
      size: () => cache.size,
      sweepsWithTimer: Boolean(options.ttlAutopurge),
      close: () => undefined,
    };
  };
}

function nodeCacheDriver(Ctor: new (options: Record<string, unknown>) => NodeCache | CacheableNodeCache<Resource>): DriverFactory {
  return (options) => {
    const calls: HookCall[] = [];
    const cache = new Ctor(options);
    cache.on('del', (_key: unknown, value: unknown) => calls.push({ hook: 'del', value }));
    cache.on('expired', (_key: unknown, value: unknown) => calls.push({ hook: 'expired', value }));
    return {
      calls,
      cache,
      set: (k, v) => cache.set(k, v),
      get: (k) => cache.get(k),
      size: () => cache.keys().length,
      sweepsWithTimer: Number(options.checkperiod ?? 600) > 0,
      close: () => cache.close(),
    };
  };
}

function quickLruDriver(Ctor: typeof QuickLRU | typeof AllocQuickLRU): DriverFactory {
  return (options) => {
    const calls: HookCall[] = [];
    const cache = new (Ctor as typeof QuickLRU<string, Resource>)({
      maxSize: 2,
      ...options,
      onEviction: (_key, value) => calls.push({ hook: 'onEviction', value }),
    });
    return {
      calls,
      cache,
      set: (k, v) => cache.set(k, v),
      get: (k) => cache.get(k),
      // `.size` counts expired entries and both generations.
      size: () => cache.size,
      sweepsWithTimer: false,
      close: () => undefined,
    };
  };
}

type MnemonistClass = new (capacity: number) => { set(k: string, v: Resource): unknown; get(k: string): unknown; size: number };

function mnemonistDriver(Ctor: MnemonistClass): DriverFactory {
  return (options) => {
    const cache = new Ctor(Number(options.capacity));
    return {
      calls: [],
      cache,
      set: (k, v) => cache.set(k, v),
      get: (k) => cache.get(k),
      size: () => cache.size,
      sweepsWithTimer: false,
      close: () => undefined,
    };
  };
}

function memoryCacheDriver(singleton: boolean): DriverFactory {
  return (options) => {
    const calls: HookCall[] = [];
    const cache = singleton ? memoryCache : new memoryCache.Cache<string, Resource>();
    const time = typeof options.time === 'number' ? options.time : undefined;
    return {
      calls,
      cache,
      set: (k, v) => cache.put(k, v, time, (_key: unknown, value: unknown) => calls.push({ hook: 'timeoutCallback', value })),
      get: (k) => cache.get(k),
      size: () => cache.size(),
      sweepsWithTimer: time !== undefined,
      // clear() cancels the (ref'd) timers so vitest can exit.
      close: () => cache.clear(),
    };
  };
}

const UNDER_TEST: Record<Exclude<CacheLibraryId, 'lru-cache@6'>, readonly LibraryUnderTest[]> = {
  'lru-cache@11': lruCacheVariants(LRUCache as unknown as LruCacheClass),
  'lru-cache@10': lruCacheVariants(LRUCache10 as unknown as LruCacheClass),
  'lru-cache@7': lruCacheVariants(LRUCache7 as unknown as LruCacheClass),
  '@isaacs/ttlcache': [
    {
      ttlMs: 20,
      max: 2,
      make: (options) => {
        const calls: HookCall[] = [];
        const cache = new TTLCache<string, Resource>({ ...options, dispose: recorder(calls, 'dispose') });
        return {
          calls,
          cache,
          set: (k, v, o) => cache.set(k, v, o),
          get: (k) => cache.get(k),
          size: () => cache.size,
          sweepsWithTimer: true,
          close: () => cache.cancelTimer(),
        };
      },
      variants: [
        { label: 'default', options: { ttl: 20, max: 2 } },
        { label: 'noDisposeOnSet', options: { ttl: 20, max: 2, noDisposeOnSet: true } },
        { label: 'set(…, { noDisposeOnSet: true })', options: { ttl: 20, max: 2 }, call: { noDisposeOnSet: true } },
      ],
    },
  ],
  'node-cache': nodeCacheVariants(NodeCache as unknown as new (options: Record<string, unknown>) => NodeCache),
  '@cacheable/node-cache': nodeCacheVariants(CacheableNodeCache as unknown as new (options: Record<string, unknown>) => NodeCache),
  'quick-lru': [{ ttlMs: 20, max: 2, make: quickLruDriver(QuickLRU), variants: [{ label: 'maxAge', options: { maxSize: 2, maxAge: 20 } }] }],
  '@alloc/quick-lru': [{ ttlMs: 20, max: 2, make: quickLruDriver(AllocQuickLRU), variants: [{ label: 'maxAge', options: { maxSize: 2, maxAge: 20 } }] }],
  'tiny-lru': [
    {
      ttlMs: 20,
      max: 2,
      make: (options) => {
        const calls: HookCall[] = [];
        const cache = new TinyLRU<Resource>(Number(options.max), Number(options.ttl ?? 0));
        cache.onEvict((item) => calls.push({ hook: 'onEvict', value: item.value }));
        return {
          calls,
          cache,
          set: (k, v) => cache.set(k, v),
          get: (k) => cache.get(k),
          size: () => cache.size,
          sweepsWithTimer: false,
          close: () => undefined,
        };
      },
      variants: [{ label: 'ttl', options: { max: 2, ttl: 20 } }],
    },
  ],
  'lru.min': [
    {
      max: 2,
      make: (options) => {
        const calls: HookCall[] = [];
        const cache = createLRU<string, Resource>({ max: Number(options.max), onEviction: (_key, value) => calls.push({ hook: 'onEviction', value }) });
        return {
          calls,
          cache,
          set: (k, v) => cache.set(k, v),
          get: (k) => cache.get(k),
          size: () => cache.size,
          sweepsWithTimer: false,
          close: () => undefined,
        };
      },
      variants: [{ label: 'max', options: { max: 2 } }],
    },
  ],
  mnemonist: [
    { max: 2, make: mnemonistDriver(MnemonistLRUCache as unknown as MnemonistClass), variants: [{ label: 'LRUCache', options: { capacity: 2 } }] },
    { max: 2, make: mnemonistDriver(LRUMap as unknown as MnemonistClass), variants: [{ label: 'LRUMap', options: { capacity: 2 } }] },
    {
      max: 2,
      make: mnemonistDriver(LRUCacheWithDelete as unknown as MnemonistClass),
      variants: [{ label: 'LRUCacheWithDelete', options: { capacity: 2 } }],
    },
    {
      max: 2,
      make: mnemonistDriver(LRUMapWithDelete as unknown as MnemonistClass),
      variants: [{ label: 'LRUMapWithDelete', options: { capacity: 2 } }],
    },
  ],
  'memory-cache': [
    { ttlMs: 20, make: memoryCacheDriver(false), variants: [{ label: 'new Cache()', options: { time: 20 } }] },
    { ttlMs: 20, make: memoryCacheDriver(true), variants: [{ label: 'default singleton', options: { time: 20 } }] },
  ],
  keyv: [
    {
      ttlMs: 20,
      make: (options) => {
        const cache = new Keyv<Resource>(options);
        return {
          calls: [],
          cache,
          set: (k, v) => cache.set(k, v),
          get: (k) => cache.get(k),
          size: () => (cache.store as Map<unknown, unknown>).size,
          sweepsWithTimer: false,
          close: () => undefined,
        };
      },
      variants: [
        { label: 'default serialization', options: { ttl: 20 } },
        { label: 'serialization off', options: { ttl: 20, serialize: undefined, deserialize: undefined } },
      ],
    },
  ],
  'cache-manager': [
    {
      ttlMs: 20,
      make: (options) => {
        const cache = createCache(options);
        return {
          calls: [],
          cache,
          set: (k, v) => cache.set(k, v),
          get: (k) => cache.get(k),
          size: () => (cache.stores[0]?.store as Map<unknown, unknown>).size,
          sweepsWithTimer: false,
          close: () => undefined,
        };
      },
      variants: [{ label: 'in-memory', options: { ttl: 20 } }],
    },
  ],
  'expiry-map': [
    {
      ttlMs: 20,
      make: (options) => {
        const cache = new ExpiryMap<string, Resource>(Number(options.maxAge));
        return {
          calls: [],
          cache,
          set: (k, v) => cache.set(k, v),
          get: (k) => cache.get(k),
          size: () => cache.size,
          sweepsWithTimer: true,
          close: () => cache.clear(),
        };
      },
      variants: [{ label: 'maxAge', options: { maxAge: 20 } }],
    },
  ],
};

function lruCacheVariants(Ctor: LruCacheClass): LibraryUnderTest[] {
  return [
    {
      ttlMs: 20,
      max: 2,
      make: lruCacheDriver(Ctor),
      variants: [
        { label: 'default', options: { max: 2, ttl: 20 } },
        { label: 'ttlAutopurge', options: { max: 2, ttl: 20, ttlAutopurge: true } },
        { label: 'noDisposeOnSet', options: { max: 2, ttl: 20, noDisposeOnSet: true } },
        { label: 'set(…, { noDisposeOnSet: true })', options: { max: 2, ttl: 20 }, call: { noDisposeOnSet: true } },
        { label: 'noDisposeOnSet, set(…, { noDisposeOnSet: false })', options: { max: 2, ttl: 20, noDisposeOnSet: true }, call: { noDisposeOnSet: false } },
      ],
    },
  ];
}

function nodeCacheVariants(Ctor: new (options: Record<string, unknown>) => NodeCache): LibraryUnderTest[] {
  // TTLs are in seconds; fractions work. maxKeys 2 is there for the size path.
  const base = { stdTTL: 0.02, useClones: false, maxKeys: 2 };
  return [
    {
      ttlMs: 20,
      max: 2,
      make: nodeCacheDriver(Ctor),
      variants: [
        { label: 'checkperiod 0', options: { ...base, checkperiod: 0 } },
        { label: 'checkperiod 10 ms', options: { ...base, checkperiod: 0.01 } },
        { label: 'deleteOnExpire false', options: { ...base, checkperiod: 0, deleteOnExpire: false } },
      ],
    },
  ];
}

// ---------------------------------------------------------------------------
// Observations, each in the vocabulary of the data module
// ---------------------------------------------------------------------------

interface Observed {
  coverage: PathCoverage;
  hooks: string[];
}

async function observeOverwrite(subject: LibraryUnderTest, variant: Variant, expired: boolean): Promise<Observed> {
  const driver = subject.make(variant.options);
  try {
    const a = new Resource();
    const b = new Resource();
    await driver.set('k', a);
    if (expired) await expireUnswept(driver, subject.ttlMs ?? 0);
    const before = driver.calls.length;
    const stored = performance.now();
    await driver.set('k', b, variant.call);
    const duringSet = { ...driver, calls: driver.calls.slice(before) };
    const hooks = hooksThatSaw(duringSet, a);
    const found = idOf(await driver.get('k'));
    if (!expired && readWithinTtl(subject, stored)) expect(found).toBe(b.id);
    return { coverage: hooks.length > 0 ? 'hook' : 'silent', hooks };
  } finally {
    driver.close();
  }
}

async function observeSameValue(subject: LibraryUnderTest, variant: Variant): Promise<Observed> {
  const driver = subject.make(variant.options);
  try {
    const a = new Resource();
    const stored = performance.now();
    await driver.set('k', a);
    await driver.set('k', a, variant.call);
    const found = idOf(await driver.get('k'));
    if (readWithinTtl(subject, stored)) expect(found).toBe(a.id);
    return { coverage: 'kept', hooks: hooksThatSaw(driver, a) };
  } finally {
    driver.close();
  }
}

const ARRAY_KEY_METHODS = new Set(['mdel', 'deleteMany']);

async function observeRemoval(subject: LibraryUnderTest, variant: Variant, method: string, withKey: boolean): Promise<Observed> {
  const driver = subject.make(variant.options);
  try {
    const a = new Resource();
    await driver.set('k', a);
    await (withKey ? call(driver.cache, method, ARRAY_KEY_METHODS.has(method) ? ['k'] : 'k') : call(driver.cache, method));
    const hooks = hooksThatSaw(driver, a);
    expect(await driver.get('k')).toBeFalsy();
    return { coverage: hooks.length > 0 ? 'hook' : 'silent', hooks };
  } finally {
    driver.close();
  }
}

async function observeExpiry(subject: LibraryUnderTest, variant: Variant): Promise<Observed> {
  const driver = subject.make(variant.options);
  try {
    const a = new Resource();
    await driver.set('k', a);
    // Let timers run: a sweeping timer reports now.
    await sleep((subject.ttlMs ?? 0) + 30);
    const byTimer = hooksThatSaw(driver, a);
    if (byTimer.length > 0) return { coverage: 'timer', hooks: byTimer };
    const got = await driver.get('k');
    const hooks = hooksThatSaw(driver, a);
    // Kept: returned stale, or (@cacheable/node-cache, deleteOnExpire false) hidden but still stored.
    if (idOf(got) === a.id || (await driver.size()) > 0) return { coverage: 'kept', hooks };
    return { coverage: hooks.length > 0 ? 'lazy' : 'silent', hooks };
  } finally {
    driver.close();
  }
}

async function observeSizeEviction(subject: LibraryUnderTest, variant: Variant): Promise<Observed> {
  const driver = subject.make(variant.options);
  try {
    const resources = Array.from({ length: 3 * (subject.max ?? 2) }, () => new Resource());
    const first = resources[0]!;
    try {
      for (const [index, resource] of resources.entries()) await driver.set(`k${index}`, resource, variant.call);
    } catch {
      // node-cache's maxKeys throws ECACHEFULL instead of evicting.
      return { coverage: 'absent', hooks: [] };
    }
    const hooks = hooksThatSaw(driver, first);
    if (hooks.length > 0) return { coverage: 'hook', hooks };
    expect(await driver.get('k0')).toBeUndefined();
    return { coverage: 'silent', hooks };
  } finally {
    driver.close();
  }
}

async function observeExpiredAccess(subject: LibraryUnderTest, variant: Variant, method: string): Promise<string> {
  const driver = subject.make(variant.options);
  try {
    const a = new Resource();
    await driver.set('k', a);
    await expireUnswept(driver, subject.ttlMs ?? 0);
    const result = await call(driver.cache, method, 'k');
    if (hooksThatSaw(driver, a).length > 0) return 'hook';
    if (idOf(result) === a.id) return 'stale';
    return (await driver.size()) > 0 ? 'kept' : 'silent';
  } finally {
    driver.close();
  }
}

// ---------------------------------------------------------------------------
// The claims, library by library
// ---------------------------------------------------------------------------

it('every library record is run here (lru-cache 6 is not installed: it ships no types)', () => {
  expect(CACHE_LIBRARIES.map((library) => library.id).filter((id) => !(id in UNDER_TEST))).toEqual(['lru-cache@6']);
});

function expectedFor(library: CacheLibrary, variant: Variant, pathName: Parameters<typeof evictionPathBehaviour>[1]): Observed {
  const verdict = evictionPathBehaviour(library, pathName, {
    construction: cacheOptionsFromRecord(variant.options),
    ...(variant.call ? { call: cacheOptionsFromRecord(variant.call) } : {}),
  });
  expect(verdict.unknownOptions).toEqual([]);
  return { coverage: verdict.coverage, hooks: [...verdict.hooks].sort() };
}

/** Whether a variant's instance has this method: asked at collection time, so no test is skipped. */
function hasMethod(subject: LibraryUnderTest, variant: Variant, method: string): boolean {
  const driver = subject.make(variant.options);
  try {
    return typeof (driver.cache as Record<string, unknown>)[method] === 'function';
  } finally {
    driver.close();
  }
}

for (const [id, subjects] of Object.entries(UNDER_TEST) as [Exclude<CacheLibraryId, 'lru-cache@6'>, LibraryUnderTest[]][]) {
  const library = getCacheLibrary(id);
  describe(id, () => {
    for (const subject of subjects) {
      for (const variant of subject.variants) {
        describe(variant.label, () => {
          const options = cacheOptionsFromRecord(variant.options);
          const expires = canExpire(library, options) === true;

          it('overwrite of a live key', async () => {
            expect(await observeOverwrite(subject, variant, false)).toEqual(expectedFor(library, variant, 'overwrite'));
          });

          if (expires) {
            it('overwrite of an expired, unswept key', async () => {
              expect(await observeOverwrite(subject, variant, true)).toEqual(expectedFor(library, variant, 'overwrite'));
            });
          }

          it('set of the same value', async () => {
            expect(await observeSameValue(subject, variant)).toEqual(expectedFor(library, variant, 'sameValue'));
          });

          for (const method of library.paths.delete.methods) {
            // mnemonist: delete() exists on the WithDelete variants only; the others are checked to lack it.
            if (id === 'mnemonist' && !hasMethod(subject, variant, method)) {
              it(`has no ${method}()`, () => {
                expect(hasMethod(subject, variant, method)).toBe(false);
                expect(variant.label).not.toMatch(/WithDelete/);
              });
              continue;
            }
            it(`delete by ${method}()`, async () => {
              expect(await observeRemoval(subject, variant, method, true)).toEqual(expectedFor(library, variant, 'delete'));
            });
          }

          for (const method of library.paths.clear.methods) {
            it(`clear by ${method}()`, async () => {
              expect(await observeRemoval(subject, variant, method, false)).toEqual(expectedFor(library, variant, 'clear'));
            });
          }

          if (expires) {
            it('expiry without access', async () => {
              expect(await observeExpiry(subject, variant)).toEqual(expectedFor(library, variant, 'expiry'));
            });
          } else {
            it('has no TTL when the record says expiry is absent', () => {
              expect(library.paths.expiry.coverage === 'absent' || library.expiryOptions.length > 0).toBe(true);
            });
          }

          if (library.sizeOptions.length > 0) {
            it('size eviction', async () => {
              expect(await observeSizeEviction(subject, variant)).toEqual(expectedFor(library, variant, 'sizeEviction'));
            });
          }

          if (variant === subject.variants[0] && expires) {
            for (const access of library.expiredAccess) {
              it(`${access.method}() of an expired, unswept key: ${access.outcome}`, async () => {
                expect(await observeExpiredAccess(subject, variant, access.method)).toBe(access.outcome);
              });
            }
          }
        });
      }
    }
  });
}

// ---------------------------------------------------------------------------
// Methods that hand the dropped value back
// ---------------------------------------------------------------------------

describe('returnsDropped', () => {
  const subjects: [CacheLibraryId, LibraryUnderTest, Variant][] = [];
  for (const [id, list] of Object.entries(UNDER_TEST) as [CacheLibraryId, LibraryUnderTest[]][]) {
    for (const subject of list) for (const variant of subject.variants.slice(0, 1)) subjects.push([id, subject, variant]);
  }
  for (const [id, subject, variant] of subjects) {
    const library = getCacheLibrary(id);
    for (const entry of library.returnsDropped) {
      for (const pathName of entry.paths) {
        // mnemonist: remove() exists on the WithDelete variants only; the others are checked to lack it.
        if (id === 'mnemonist' && !hasMethod(subject, variant, entry.method)) {
          it(`${id} ${variant.label}: has no ${entry.method}()`, () => {
            expect(hasMethod(subject, variant, entry.method)).toBe(false);
            expect(variant.label).not.toMatch(/WithDelete/);
          });
          continue;
        }
        it(`${id} ${variant.label}: ${entry.method}() returns the value dropped by ${pathName}`, async () => {
          const driver = subject.make(variant.options);
          try {
            const a = new Resource();
            const b = new Resource();
            let result: unknown;
            if (pathName === 'delete') {
              await driver.set('k', a);
              result = call(driver.cache, entry.method, 'k');
            } else if (pathName === 'overwrite' || pathName === 'sameValue') {
              await driver.set('k', a);
              result = call(driver.cache, entry.method, 'k', pathName === 'overwrite' ? b : a);
            } else {
              await driver.set('k0', a);
              for (let index = 1; index < (subject.max ?? 2); index++) await driver.set(`k${index}`, new Resource());
              result = call(driver.cache, entry.method, 'new', b);
            }
            const value = entry.resultProperty && result ? (result as Record<string, unknown>)[entry.resultProperty] : result;
            expect(idOf(value)).toBe(a.id);
            expect(hooksThatSaw(driver, a).length > 0).toBe(entry.hooksToo);
          } finally {
            driver.close();
          }
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------
// Copies: node-cache useClones, @cacheable/node-cache structuredClone, keyv serialization
// ---------------------------------------------------------------------------

describe('copies', () => {
  const cases: [CacheLibraryId, DriverFactory, Record<string, unknown>][] = [
    ['node-cache', nodeCacheDriver(NodeCache as unknown as new (options: Record<string, unknown>) => NodeCache), { checkperiod: 0 }],
    ['node-cache', nodeCacheDriver(NodeCache as unknown as new (options: Record<string, unknown>) => NodeCache), { checkperiod: 0, useClones: false }],
    ['@cacheable/node-cache', nodeCacheDriver(CacheableNodeCache as unknown as new (options: Record<string, unknown>) => NodeCache), { checkperiod: 0 }],
    [
      '@cacheable/node-cache',
      nodeCacheDriver(CacheableNodeCache as unknown as new (options: Record<string, unknown>) => NodeCache),
      { checkperiod: 0, useClones: false },
    ],
    ['keyv', UNDER_TEST.keyv[0]!.make, {}],
    ['keyv', UNDER_TEST.keyv[0]!.make, { serialize: undefined, deserialize: undefined }],
  ];
  for (const [id, make, options] of cases) {
    it(`${id} ${JSON.stringify(options)}`, async () => {
      const library = getCacheLibrary(id);
      const expected = valueCopies(library, cacheOptionsFromRecord(options));
      const driver = make(options);
      try {
        const a = new Resource();
        await driver.set('k', a);
        const got = await driver.get('k');
        expect(idOf(got)).toBe(a.id);
        const observedGet = got !== a;
        let observedHooks = false;
        if (library.hooks.length > 0) {
          call(driver.cache, 'del', 'k');
          const delivered = driver.calls.find((entry) => idOf(entry.value) === a.id);
          expect(delivered).toBeDefined();
          observedHooks = delivered?.value !== a;
        }
        expect({ get: observedGet, hooks: observedHooks }).toEqual({ get: expected.get, hooks: expected.hooks });
      } finally {
        driver.close();
      }
    });
  }

  it('node-cache: stop() on a copy does not stop the stored resource', () => {
    const cache = new NodeCache({ checkperiod: 0 });
    try {
      const a = new Resource();
      cache.set('k', a);
      (cache.get('k') as Resource).stop();
      expect(a.stops).toBe(0);
    } finally {
      cache.close();
    }
  });

  it('@cacheable/node-cache: get() of a value holding a timer throws DataCloneError', () => {
    const cache = new CacheableNodeCache<{ timer: NodeJS.Timeout }>({ checkperiod: 0 });
    const timer = setInterval(() => undefined, 1000);
    timer.unref();
    try {
      cache.set('k', { timer });
      expect(() => cache.get('k')).toThrow(/could not be cloned/);
    } finally {
      clearInterval(timer);
      cache.close();
    }
  });

  it('keyv: default serialization cannot store a value holding a timer', async () => {
    const keyv = new Keyv();
    const timer = setInterval(() => undefined, 1000);
    timer.unref();
    try {
      await expect(keyv.set('k', { timer })).rejects.toThrow(RangeError);
    } finally {
      clearInterval(timer);
    }
  });
});

// ---------------------------------------------------------------------------
// Hazards the records name
// ---------------------------------------------------------------------------

describe('hook reasons are among those the record lists', () => {
  const cases: [
    CacheLibraryId,
    new (options: Record<string, unknown>) => { set(k: string, v: unknown): unknown; get(k: string): unknown; delete(k: string): unknown },
    string,
  ][] = [
    ['lru-cache@7', LRUCache7 as never, 'delete'],
    ['lru-cache@10', LRUCache10 as never, 'expire'],
    ['lru-cache@11', LRUCache as never, 'expire'],
  ];
  for (const [id, Ctor, expiryReason] of cases) {
    it(`${id}: set, delete, evict and expiry reasons`, async () => {
      const reasons: string[] = [];
      const cache = new Ctor({ max: 1, ttl: 10, dispose: (_value: unknown, _key: unknown, reason: string) => reasons.push(reason) });
      cache.set('k', new Resource());
      cache.set('k', new Resource()); // set
      cache.delete('k'); // delete
      cache.set('a', new Resource());
      cache.set('b', new Resource()); // evict
      await sleep(25);
      cache.get('b'); // expiry
      expect(reasons).toEqual(['set', 'delete', 'evict', expiryReason]);
      expect(getCacheLibrary(id).hooks[0]?.reason?.values).toEqual(expect.arrayContaining(reasons));
    });
  }

  it('@isaacs/ttlcache: set, delete, evict and stale', async () => {
    const reasons: string[] = [];
    const cache = new TTLCache<string, Resource>({ max: 1, ttl: 10, dispose: (_value, _key, reason) => reasons.push(reason) });
    cache.set('k', new Resource());
    cache.set('k', new Resource());
    cache.delete('k');
    cache.set('a', new Resource());
    cache.set('b', new Resource());
    await sleep(30);
    expect(reasons).toEqual(['set', 'delete', 'evict', 'stale']);
    expect(getCacheLibrary('@isaacs/ttlcache').hooks[0]?.reason?.values).toEqual(expect.arrayContaining(reasons));
  });
});

describe('hazards', () => {
  it('memory-cache: del() of an expired entry whose timer has not fired leaves a zombie', () => {
    const cache = new memoryCache.Cache<string, Resource>();
    try {
      cache.put('k', new Resource(), 10);
      blockFor(20);
      expect(cache.del('k')).toBe(false);
      expect(cache.keys()).toEqual(['k']);
    } finally {
      cache.clear();
    }
  });

  it('quick-lru: an overwritten old-generation value is reported later under the same key', () => {
    const calls: [string, Resource][] = [];
    const cache = new QuickLRU<string, Resource>({ maxSize: 2, onEviction: (key, value) => calls.push([key, value]) });
    const a = new Resource();
    const b = new Resource();
    cache.set('k', a);
    cache.set('x', new Resource()); // generation full: k moves to the old generation
    cache.set('k', b); // silent: a is still in the old generation
    expect(calls).toEqual([]);
    cache.set('y', new Resource());
    cache.set('z', new Resource()); // the old generation is dropped
    expect(calls.some(([key, value]) => key === 'k' && value === a)).toBe(true);
    expect(cache.get('k')).toBe(b);
  });

  it('tiny-lru: cleanup(true) is the only way expired entries reach onEvict', async () => {
    const cache = new TinyLRU<Resource>(10, 10);
    const seen: unknown[] = [];
    cache.onEvict((item) => seen.push(item.value));
    const a = new Resource();
    cache.set('k', a);
    await sleep(20);
    cache.cleanup(true);
    expect(seen).toEqual([a]);
  });

  it('lru-cache 7: set(k, undefined) stores undefined; 11 deletes', () => {
    const v7 = new LRUCache7<string, Resource | undefined>({ max: 2 });
    v7.set('k', new Resource());
    v7.set('k', undefined);
    expect(v7.has('k')).toBe(true);
    const v11 = new LRUCache<string, Resource>({ max: 2 });
    v11.set('k', new Resource());
    v11.set('k', undefined as unknown as Resource);
    expect(v11.has('k')).toBe(false);
  });
});

afterAll(() => {
  memoryCache.clear();
});
