import rule from '../../src/rules/no-silent-overwrite.js';
import { createTypedRuleTester } from '../ruleTester.js';

const ruleTester = createTypedRuleTester();

const meter = `import { createMeter, type Meter } from './resources.js';`;

ruleTester.run('no-silent-overwrite', rule, {
  valid: [
    {
      // What the suggestion writes for a TTL cache: peek() returns an expired entry the sweep has not removed yet.
      name: 'tiny-lru with a TTL: the stored value killed through peek() unless it is the one stored again',
      code: `import { lru } from 'tiny-lru';
import { spawn, type ChildProcess } from 'node:child_process';
const expiring = lru<ChildProcess>(32, 60_000);
expiring.onEvict(({ value }) => value.kill());
export function runExpiring(cmd: string): ChildProcess {
  const child = spawn(cmd, { shell: true });
  if (expiring.peek(cmd) !== child) expiring.peek(cmd)?.kill();
  expiring.set(cmd, child);
  return child;
}`,
    },
    {
      name: 'lru-cache with a releasing dispose and default options: set() disposes the replaced value',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, dispose: (m) => m.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: 'lru-cache 7 (installed under an alias) with dispose',
      code: `${meter} import LRU7 from 'lru-cache-7';
const meters = new LRU7<string, Meter>({ max: 100, dispose: (m) => m.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: '@isaacs/ttlcache with a releasing dispose',
      code: `${meter} import { TTLCache } from '@isaacs/ttlcache';
const meters = new TTLCache<string, Meter>({ ttl: 60_000, dispose: (m) => m.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: "node-cache: del() first fires 'del' with the stored value, even for an expired one",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, useClones: false });
cache.on('del', (_key: string, value: Meter) => value.stop());
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) {
  cache.del(route);
  cache.set(route, createMeter(route));
}`,
    },
    {
      name: "node-cache: a get() miss guards the set(), since get() flushes an expired key through 'del'",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, useClones: false });
cache.on('del', (_key: string, value: Meter) => value.stop());
export function meterFor(route: string): Meter {
  const existing = cache.get<Meter>(route);
  if (existing) return existing;
  const created = createMeter(route);
  cache.set(route, created);
  return created;
}`,
    },
    {
      name: 'quick-lru: the previous value stopped through peek() before set()',
      code: `${meter} import QuickLRU from 'quick-lru';
export class Meters {
  private readonly lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
  track(route: string) {
    this.lru.peek(route)?.stop();
    this.lru.set(route, createMeter(route));
  }
}`,
    },
    {
      name: 'tiny-lru without a TTL: a has() miss proves the key empty',
      code: `${meter} import { lru } from 'tiny-lru';
const meters = lru<Meter>(32);
meters.onEvict(({ value }) => value.stop());
export function ensure(route: string) {
  if (meters.has(route)) return;
  meters.set(route, createMeter(route));
}`,
    },
    {
      name: 'lru.min calls onEviction on overwrite',
      code: `${meter} import { createLRU } from 'lru.min';
const meters = createLRU<string, Meter>({ max: 10, onEviction: (_key, value) => value.stop() });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: 'a cache of plain data',
      code: `import NodeCache from 'node-cache';
import QuickLRU from 'quick-lru';
const counters = new NodeCache({ stdTTL: 60 });
const pages = new QuickLRU<string, string>({ maxSize: 10 });
counters.on('expired', () => {});
export function hit(id: string, page: string) { counters.set(id, 1); pages.set(id, page); }`,
    },
    {
      name: 'no hook at all: the construction is the problem (stop-on-evict reports it), not the set()',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100 });
export function track(route: string) { meters.set(route, createMeter(route)); }`,
    },
    {
      name: 'node-cache with default clones: stop-on-evict reports the construction',
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60 });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) { cache.set(route, createMeter(route)); }`,
    },
    {
      name: 'a fresh key cannot replace anything',
      code: `${meter} import QuickLRU from 'quick-lru';
import { randomUUID } from 'node:crypto';
const lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
export function track() { const id = randomUUID(); lru.set(id, createMeter(id)); return id; }`,
    },
    {
      name: 'a hook that does not release (only logs) is not cleanup living in a hook',
      code: `${meter} import QuickLRU from 'quick-lru';
const lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (key) => console.log('evicted', key) });
export function track(route: string) { lru.set(route, createMeter(route)); }`,
    },
    {
      name: 'lru-cache with noDisposeOnSet but the set() is guarded by a get() miss and entries cannot expire',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, noDisposeOnSet: true, dispose: (m) => m.stop() });
export function ensure(route: string) {
  if (meters.get(route)) return;
  meters.set(route, createMeter(route));
}`,
    },
  ],
  invalid: [
    {
      name: 'a storage class whose only release of the sockets set() hands it is its cache hook: the hook skips the value set() replaces',
      code: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'delete') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { this.conns.set(host, socket); }
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Socket',
            method: 'set',
            container: 'this.conns',
            release: '`destroy()`',
            behaviour: 'its `dispose` hook does not release the value set() replaces',
          },
          line: 10,
          suggestions: [
            {
              // The value set() is given may be the one already stored: deleting it would destroy it.
              messageId: 'deleteFirst',
              data: { deleteMethod: 'delete', hook: '`dispose`' },
              output: `import net from 'node:net';
import { LRUCache } from 'lru-cache';
export class ConnectionCache {
  private readonly conns = new LRUCache<string, net.Socket>({
    max: 100,
    dispose: (socket, _host, reason) => {
      if (reason === 'delete') socket.destroy();
    },
  });
  set(host: string, socket: net.Socket) { if (this.conns.peek(host) !== socket) this.conns.delete(host);
  this.conns.set(host, socket); }
}`,
            },
          ],
        },
      ],
    },
    {
      name: "the story: node-cache with cleanup only in 'expired', set() over an expired-but-unswept key",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, checkperiod: 600, useClones: false });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) {
  cache.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'cache',
            release: '`stop()`',
            behaviour: "node-cache emits no 'expired' event when set() replaces a key",
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'releasePrevious',
              data: { release: '`stop()`' },
              output: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, checkperiod: 600, useClones: false });
cache.on('expired', (_key: string, value: Meter) => value.stop());
export function track(route: string) {
  cache.get<Meter>(route)?.stop();
  cache.set(route, createMeter(route));
}`,
            },
          ],
        },
      ],
    },
    {
      name: "node-cache with a releasing 'del' listener: the fix deletes first",
      code: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, useClones: false });
cache.on('del', (_key: string, value: Meter) => value.stop());
export function track(route: string) {
  cache.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'cache',
            release: '`stop()`',
            behaviour: "node-cache emits no 'del' event when set() replaces a key",
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'deleteFirst',
              data: { deleteMethod: 'del', hook: "'del' event" },
              output: `${meter} import NodeCache from 'node-cache';
const cache = new NodeCache({ stdTTL: 60, useClones: false });
cache.on('del', (_key: string, value: Meter) => value.stop());
export function track(route: string) {
  cache.del(route);
  cache.set(route, createMeter(route));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'quick-lru with cleanup only in onEviction',
      code: `${meter} import QuickLRU from 'quick-lru';
export class Meters {
  private readonly lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
  track(route: string) {
    const meter = createMeter(route);
    this.lru.set(route, meter);
  }
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'this.lru',
            release: '`stop()`',
            behaviour: 'quick-lru does not call `onEviction` when set() replaces a key',
          },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'releasePrevious',
              data: { release: '`stop()`' },
              output: `${meter} import QuickLRU from 'quick-lru';
export class Meters {
  private readonly lru = new QuickLRU<string, Meter>({ maxSize: 100, onEviction: (_key, value) => value.stop() });
  track(route: string) {
    const meter = createMeter(route);
    if (this.lru.peek(route) !== meter) this.lru.peek(route)?.stop();
    this.lru.set(route, meter);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'lru-cache with noDisposeOnSet in the constructor',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, noDisposeOnSet: true, dispose: (m) => m.stop() });
export function track(route: string) {
  meters.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'meters',
            release: '`stop()`',
            behaviour: 'with `noDisposeOnSet`, lru-cache does not call `dispose` when set() replaces a key',
          },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'deleteFirst',
              data: { deleteMethod: 'delete', hook: '`dispose`' },
              output: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, noDisposeOnSet: true, dispose: (m) => m.stop() });
export function track(route: string) {
  meters.delete(route);
  meters.set(route, createMeter(route));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'lru-cache with noDisposeOnSet in the call',
      code: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, dispose: (m) => m.stop() });
export function track(route: string) {
  meters.set(route, createMeter(route), { noDisposeOnSet: true });
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'meters',
            release: '`stop()`',
            behaviour: 'with `noDisposeOnSet`, lru-cache does not call `dispose` when set() replaces a key',
          },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'deleteFirst',
              data: { deleteMethod: 'delete', hook: '`dispose`' },
              output: `${meter} import { LRUCache } from 'lru-cache';
const meters = new LRUCache<string, Meter>({ max: 100, dispose: (m) => m.stop() });
export function track(route: string) {
  meters.delete(route);
  meters.set(route, createMeter(route), { noDisposeOnSet: true });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'tiny-lru with a TTL: a get() miss does not guard, get() drops an expired entry without onEvict',
      code: `${meter} import { lru } from 'tiny-lru';
const meters = lru<Meter>(32, 60_000);
meters.onEvict(({ value }) => value.stop());
export function meterFor(route: string): Meter {
  const running = meters.get(route);
  if (running) return running;
  const created = createMeter(route);
  meters.set(route, created);
  return created;
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'set',
            container: 'meters',
            release: '`stop()`',
            behaviour: 'tiny-lru does not call `onEvict` when set() replaces a key',
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'releasePrevious',
              data: { release: '`stop()`' },
              output: `${meter} import { lru } from 'tiny-lru';
const meters = lru<Meter>(32, 60_000);
meters.onEvict(({ value }) => value.stop());
export function meterFor(route: string): Meter {
  const running = meters.get(route);
  if (running) return running;
  const created = createMeter(route);
  if (meters.peek(route) !== created) meters.peek(route)?.stop();
  meters.set(route, created);
  return created;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "memory-cache: put() cancels the old entry's timeout callback",
      code: `${meter} import mc from 'memory-cache';
const meters = new mc.Cache<string, Meter>();
export function track(route: string) {
  meters.put(route, createMeter(route), 60_000, (_key, value) => value.stop());
}`,
      errors: [
        {
          messageId: 'silentOverwrite',
          data: {
            because: '',
            type: 'Meter',
            method: 'put',
            container: 'meters',
            release: '`stop()`',
            behaviour: 'memory-cache does not call `timeoutCallback` when put() replaces a key',
          },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'releasePrevious',
              data: { release: '`stop()`' },
              output: `${meter} import mc from 'memory-cache';
const meters = new mc.Cache<string, Meter>();
export function track(route: string) {
  meters.get(route)?.stop();
  meters.put(route, createMeter(route), 60_000, (_key, value) => value.stop());
}`,
            },
          ],
        },
      ],
    },
  ],
});
