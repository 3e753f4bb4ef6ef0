import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

// stop-on-evict on cache libraries: what the cache itself drops (expiry, size eviction, copies)
// is reported on its construction; a delete or clear that reaches no releasing hook, on the call.
const ruleTester = createTypedRuleTester();

const meter = `import { createMeter, type Meter } from './resources.js';`;

/** Polls kept per key in an lru-cache with no hook; `arm` is the timer each insertion stores. */
const pollCache = (arm: string): string => `import { LRUCache } from 'lru-cache';
const polls = new LRUCache<string, NodeJS.Timeout>({ max: 100, ttl: 60_000 });
export function poll(key: string, run: () => void) { if (!polls.has(key)) polls.set(key, ${arm}(run, 1000)); }`;
/** The same in a quick-lru whose hook clears what it evicts, which its `delete()` does not reach. */
const quickPolls = (release: string): string => `import QuickLRU from 'quick-lru';
const polls = new QuickLRU<string, NodeJS.Timeout>({ maxSize: 100, onEviction: (_key, timer) => clearInterval(timer) });
export function poll(key: string, run: () => void) { if (!polls.has(key)) polls.set(key, setInterval(run, 1000)); }
export function forget(key: string) {
  ${release}polls.delete(key);
}`;

ruleTester.run('stop-on-evict (caches)', rule, {
  valid: [
    {
      name: 'caches: a dispose that stops for every reason',
      code: `
import { createMeter, type Meter } from './resources.js';
import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({
  max: 100,
  ttl: 60_000,
  dispose: (value) => {
    value.stop();
  },
});
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }`,
    },
    {
      name: 'lru-cache with a releasing dispose: expiry, size eviction, delete and clear all reach it',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, ttl: 60_000, ttlAutopurge: true, dispose: (m) => m.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }
export function forget(route: string) { meters.delete(route); }
export function reset() { meters.clear(); }`,
    },
    {
      name: '@isaacs/ttlcache with a releasing dispose',
      code: `${meter} import { TTLCache } from '@isaacs/ttlcache';
const meters = new TTLCache<string, Meter>({ ttl: 60_000, dispose: (m) => m.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }
export function forget(route: string) { meters.delete(route); }`,
    },
    {
      name: 'a dispose hook written as a named function of the module',
      code: `${meter} import { LRUCache } from 'lru-cache';
function stopEvicted(value: Meter) { value.stop(); }
const meters = new LRUCache<string, Meter>({ max: 100, dispose: stopEvicted });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: 'quick-lru: stopped through peek() before delete(), and every value before clear()',
      code: `${meter} import QuickLRU from 'quick-lru';
export class Meters {
  private readonly lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
  track(route: string) { if (!this.lru.has(route)) this.lru.set(route, createMeter(route)); }
  forget(route: string) {
    this.lru.peek(route)?.stop();
    this.lru.delete(route);
  }
  reset() {
    for (const value of this.lru.values()) value.stop();
    this.lru.clear();
  }
}`,
    },
    {
      name: "node-cache without clones: take() hands the value over; del() reaches 'del'",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, useClones: false });
cache.on('del', (_key: string, value: Meter) => value.stop());
export function track(route: string) { cache.del(route); cache.set(route, createMeter(route)); }
export function takeOut(route: string) { const taken = cache.take<Meter>(route); taken?.stop(); }
export function forget(route: string) { cache.del(route); }
export function reset() { cache.del(cache.keys()); cache.flushAll(); }`,
    },
    {
      name: 'lru.min: onEviction receives every dropped value; no TTL',
      code: `${meter} import { createLRU } from 'lru.min';
const meters = createLRU<string, Meter>({ max: 10, onEviction: (_key, value) => value.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }
export function forget(route: string) { meters.delete(route); }`,
    },
    {
      name: 'mnemonist: no construction report (setpop()/remove() return what they drop); remove() hands the value over',
      code: `${meter} import { LRUCacheWithDelete } from 'mnemonist';
const meters = new LRUCacheWithDelete<string, Meter>(16);
export function track(route: string) { meters.setpop(route, createMeter(route))?.value.stop(); }
export function forget(route: string) { meters.remove(route)?.stop(); }`,
    },
    {
      name: 'caches of plain data',
      code: `import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';
const profiles = new LRUCache<string, { name: string }>({ max: 100, ttl: 1000 });
const counters = new NodeCache({ stdTTL: 60 });
export function put(id: string) { profiles.set(id, { name: id }); counters.set(id, 1); }
export function forget(id: string) { profiles.delete(id); counters.del(id); counters.flushAll(); }`,
    },
    {
      name: 'a cache that only indexes values created and stopped elsewhere',
      code: `${meter} import { LRUCache } from 'lru-cache';
const byRoute = new LRUCache<string, Meter>({ max: 100 });
export function remember(meter: Meter) { byRoute.set(meter.route, meter); }
export function forget(route: string) { byRoute.delete(route); }`,
    },
    {
      name: 'a storage class whose sockets arrive through set(), with a dispose that destroys for every reason: eviction, delete() and clear() all reach it',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({ max: 100, dispose: (socket) => socket.destroy() });
  set(host: string, socket: net.Socket) { this.conns.set(host, socket); }
  remove(host: string) { this.conns.delete(host); }
  reset() { this.conns.clear(); }
}`,
    },
    {
      name: 'a storage class whose sockets arrive through set() and whose releaseAll() destroys them, with a dispose that destroys for every reason',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({ max: 100, dispose: (socket) => socket.destroy() });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.delete(host); }
  reset() { this.conns.clear(); }
  releaseAll() { for (const socket of this.conns.values()) socket.destroy(); }
}`,
    },
  ],
  invalid: [
    ...['setInterval', 'setTimeout'].map((arm) => ({
      name: `a cache of timers from ${arm}() with no hook: the message names the clear that matches`,
      code: pollCache(arm),
      errors: [
        {
          messageId: 'cacheDropsResources' as const,
          data: {
            because: '',
            type: 'Timeout',
            container: 'polls',
            library: 'lru-cache',
            paths: 'expiry, size eviction',
            release: arm === 'setInterval' ? '`clearInterval()`' : '`clearTimeout()`',
            why: 'no `dispose` or `disposeAfter` hook releases them',
          },
          line: 2,
        },
      ],
    })),
    {
      name: "quick-lru's delete() of an interval its eviction hook would clear: clearInterval() named and suggested",
      code: quickPolls(''),
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Timeout', container: 'polls', operation: '`delete()`', release: '`clearInterval()`', library: 'quick-lru' },
          line: 5,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: quickPolls('clearInterval(polls.peek(key));\n  ') }],
        },
      ],
    },
    {
      name: 'caches: a dispose that stops only stale values: size eviction loses the rest',
      code: `
import { createMeter, type Meter } from './resources.js';
import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({
  max: 100,
  ttl: 60_000,
  dispose: (value, _key, reason) => {
    if (reason === 'expire' || reason === 'stale') value.stop();
  },
});
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          // The path it loses the values on, not the one it releases them on.
          data: {
            type: 'Meter',
            container: 'meters',
            library: 'lru-cache',
            paths: 'size eviction',
            release: '`stop()`',
            why: 'its `dispose` hook does not release them there',
          },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      name: 'lru-cache holding meters with no dispose: expiry and size eviction drop them',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, ttl: 60_000 });
export function meterFor(route: string) {
  const found = meters.get(route);
  if (found) return found;
  const created = createMeter(route);
  meters.set(route, created);
  return created;
}`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          data: {
            because: '',
            type: 'Meter',
            container: 'meters',
            library: 'lru-cache',
            paths: 'expiry, size eviction',
            release: '`stop()`',
            why: 'no `dispose` or `disposeAfter` hook releases them',
          },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 70,
        },
      ],
    },
    {
      name: 'a dispose that stops only when a value is evicted for size: expiry loses it, and the message names expiry',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({
  max: 100,
  ttl: 60_000,
  dispose: (value, _key, reason) => {
    if (reason === 'evict') value.stop();
  },
});
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          data: {
            container: 'meters',
            type: 'Meter',
            library: 'lru-cache',
            paths: 'expiry',
            release: '`stop()`',
            why: 'its `dispose` hook does not release them there',
          },
          line: 2,
          column: 16,
          endLine: 8,
          endColumn: 3,
        },
      ],
    },
    {
      name: 'a dispose that stops for some reasons only: delete() is a path it skips',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({
  max: 100,
  dispose: (value, _key, reason) => {
    if (reason !== 'delete') value.stop();
  },
});
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function forget(route: string) { meters.delete(route); }`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({
  max: 100,
  dispose: (value, _key, reason) => {
    if (reason !== 'delete') value.stop();
  },
});
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function forget(route: string) { meters.peek(route)?.stop();
meters.delete(route); }`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-cache with default clones: a release reaches a copy',
      code: `${meter} import NodeCache from 'node-cache';
export class Meters {
  private readonly cache = new NodeCache({ stdTTL: 300 });
  track(route: string) { this.cache.set<Meter>(route, createMeter(route)); }
}`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          data: {
            because: '',
            type: 'Meter',
            container: 'this.cache',
            library: 'node-cache',
            paths: 'every path',
            release: '`stop()`',
            why: 'get() and its hooks get copies: set `useClones: false`',
          },
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 58,
        },
      ],
    },
    {
      name: "mnemonist's delete() drops without a hook",
      code: `${meter} import { LRUCacheWithDelete } from 'mnemonist';
const meters = new LRUCacheWithDelete<string, Meter>(16);
export function track(route: string) { meters.setpop(route, createMeter(route))?.value.stop(); }
export function forget(route: string) {
  meters.delete(route);
}`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`', library: 'mnemonist' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${meter} import { LRUCacheWithDelete } from 'mnemonist';
const meters = new LRUCacheWithDelete<string, Meter>(16);
export function track(route: string) { meters.setpop(route, createMeter(route))?.value.stop(); }
export function forget(route: string) {
  meters.peek(route)?.stop();
  meters.delete(route);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'tiny-lru with a TTL: expiry never reaches onEvict',
      code: `${meter} import { lru } from 'tiny-lru';
const meters = lru<Meter>(32, 60_000);
meters.onEvict(({ value }) => value.stop());
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          data: { container: 'meters', type: 'Meter', library: 'tiny-lru', paths: 'expiry', release: '`stop()`', why: 'the library calls no hook there' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 38,
        },
      ],
    },
    {
      name: 'quick-lru delete() and clear() call no hook',
      code: `${meter} import QuickLRU from 'quick-lru';
const lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
export function track(route: string) { if (!lru.has(route)) lru.set(route, createMeter(route)); }
export function forget(route: string) {
  lru.delete(route);
}
export function reset() {
  lru.clear();
}`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'lru', operation: '`delete()`', release: '`stop()`', library: 'quick-lru' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${meter} import QuickLRU from 'quick-lru';
const lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
export function track(route: string) { if (!lru.has(route)) lru.set(route, createMeter(route)); }
export function forget(route: string) {
  lru.peek(route)?.stop();
  lru.delete(route);
}
export function reset() {
  lru.clear();
}`,
            },
          ],
        },
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'lru', operation: '`clear()`', release: '`stop()`', library: 'quick-lru' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: "node-cache with cleanup only in 'expired': del(), take() and flushAll() reach no release",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 120, useClones: false });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) { if (!cache.has(route)) cache.set(route, createMeter(route)); }
export function forget(route: string) {
  cache.del(route);
}
export function pop(route: string) {
  cache.take<Meter>(route);
}
export function reset() {
  cache.flushAll();
}`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'cache', operation: '`del()`', release: '`stop()`', library: 'node-cache' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 120, useClones: false });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) { if (!cache.has(route)) cache.set(route, createMeter(route)); }
export function forget(route: string) {
  cache.get<Meter>(route)?.stop();
  cache.del(route);
}
export function pop(route: string) {
  cache.take<Meter>(route);
}
export function reset() {
  cache.flushAll();
}`,
            },
          ],
        },
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'cache', operation: '`take()`', release: '`stop()`', library: 'node-cache' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 120, useClones: false });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) { if (!cache.has(route)) cache.set(route, createMeter(route)); }
export function forget(route: string) {
  cache.del(route);
}
export function pop(route: string) {
  cache.get<Meter>(route)?.stop();
  cache.take<Meter>(route);
}
export function reset() {
  cache.flushAll();
}`,
            },
          ],
        },
        {
          messageId: 'unreleasedCacheDrop',
          data: { because: '', type: 'Meter', container: 'cache', operation: '`flushAll()`', release: '`stop()`', library: 'node-cache' },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a storage class whose sockets arrive through set() and whose releaseAll() destroys them owns them: a dispose only for delete loses them on size eviction',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'delete') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.delete(host); }
  reset() { this.conns.clear(); }
  releaseAll() { for (const socket of this.conns.values()) socket.destroy(); }
}`,
      errors: [
        {
          messageId: 'cacheDropsResources',
          data: {
            type: 'Socket',
            container: 'this.conns',
            library: 'lru-cache',
            paths: 'size eviction',
            release: '`destroy()`',
            why: 'its `dispose` hook does not release them there',
          },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a storage class whose sockets arrive through set() and whose releaseAll() destroys them owns them: a dispose only for eviction misses delete() and clear()',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'evict') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.delete(host); }
  reset() { this.conns.clear(); }
  releaseAll() { for (const socket of this.conns.values()) socket.destroy(); }
}`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { type: 'Socket', container: 'this.conns', operation: '`delete()`', release: '`destroy()`', library: 'lru-cache' },
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'evict') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.peek(host)?.destroy();
  this.conns.delete(host); }
  reset() { this.conns.clear(); }
  releaseAll() { for (const socket of this.conns.values()) socket.destroy(); }
}`,
            },
          ],
        },
        {
          messageId: 'unreleasedCacheDrop',
          data: { type: 'Socket', container: 'this.conns', operation: '`clear()`', release: '`destroy()`', library: 'lru-cache' },
          line: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a storage class whose only release of the sockets set() hands it is its cache hook owns them: a dispose only for eviction misses delete() and clear()',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'evict') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.delete(host); }
  reset() { this.conns.clear(); }
}`,
      errors: [
        {
          messageId: 'unreleasedCacheDrop',
          data: { type: 'Socket', container: 'this.conns', operation: '`delete()`', release: '`destroy()`', library: 'lru-cache' },
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'evict') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (!this.conns.has(host)) this.conns.set(host, socket); }
  remove(host: string) { this.conns.peek(host)?.destroy();
  this.conns.delete(host); }
  reset() { this.conns.clear(); }
}`,
            },
          ],
        },
        {
          messageId: 'unreleasedCacheDrop',
          data: { type: 'Socket', container: 'this.conns', operation: '`clear()`', release: '`destroy()`', library: 'lru-cache' },
          line: 12,
          suggestions: [],
        },
      ],
    },
  ],
});
