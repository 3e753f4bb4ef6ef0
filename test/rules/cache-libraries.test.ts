// Every cache library the plugin knows, with a reported and a not-reported case under the rule
// that owns the site: stop-on-evict for constructions, deletes and clears; no-silent-overwrite for
// insertions. Libraries are imported from their real packages (and their real declarations).
import noSilentOverwrite from '../../src/rules/no-silent-overwrite.js';
import stopOnEvict from '../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../ruleTester.js';

const ruleTester = createTypedRuleTester();
const meter = `import { createMeter, type Meter } from './resources.js';`;

interface LibraryCase {
  library: string;
  reported: {
    code: string;
    rule: 'stop-on-evict' | 'no-silent-overwrite';
    messageId: string;
    line: number;
    /** The editor suggestion: its message and the statement it inserts before the reported one. */
    suggestion?: { messageId: string; insert: string; before: string };
  };
  notReported: string;
}

/** `code` with `insert` placed on its own line before the statement that starts with `before`. */
function withInsertion(code: string, insert: string, before: string): string {
  const at = code.indexOf(before);
  if (at < 0) throw new Error(`no "${before}" in the case`);
  const lineStart = code.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(code.slice(lineStart, at))?.[0] ?? '';
  return `${code.slice(0, at)}${insert}\n${indent}${code.slice(at)}`;
}

const libraries: LibraryCase[] = [
  {
    library: 'lru-cache 11',
    reported: {
      rule: 'no-silent-overwrite',
      messageId: 'silentOverwrite',
      line: 3,
      suggestion: { messageId: 'deleteFirst', insert: 'c.delete(k);', before: 'c.set(k, createMeter(k)); }' },
      code: `${meter} import { LRUCache } from 'lru-cache';
const c = new LRUCache<string, Meter>({ max: 9, noDisposeOnSet: true, dispose: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { LRUCache } from 'lru-cache';
const c = new LRUCache<string, Meter>({ max: 9, dispose: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }`,
  },
  {
    library: 'lru-cache 10 (npm alias lru-cache-10)',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { LRUCache } from 'lru-cache-10';
const c = new LRUCache<string, Meter>({ max: 9 });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { LRUCache } from 'lru-cache-10';
const c = new LRUCache<string, Meter>({ max: 9, disposeAfter: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }
export function drop(k: string) { c.delete(k); }`,
  },
  {
    library: 'lru-cache 7 (npm alias lru-cache-7)',
    reported: {
      rule: 'no-silent-overwrite',
      messageId: 'silentOverwrite',
      line: 3,
      suggestion: { messageId: 'deleteFirst', insert: 'c.delete(k);', before: 'c.set(k, createMeter(k), { noDisposeOnSet: true }); }' },
      code: `${meter} import LRU from 'lru-cache-7';
const c = new LRU<string, Meter>({ max: 9, dispose: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k), { noDisposeOnSet: true }); }`,
    },
    notReported: `${meter} import LRU from 'lru-cache-7';
const c = new LRU<string, Meter>({ max: 9, dispose: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }
export function reset() { c.clear(); }`,
  },
  {
    library: '@isaacs/ttlcache',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { TTLCache } from '@isaacs/ttlcache';
const c = new TTLCache<string, Meter>({ ttl: 1000 });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { TTLCache } from '@isaacs/ttlcache';
const c = new TTLCache<string, Meter>({ ttl: 1000, dispose: (m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }`,
  },
  {
    library: 'node-cache',
    reported: {
      rule: 'no-silent-overwrite',
      messageId: 'silentOverwrite',
      line: 4,
      suggestion: { messageId: 'releasePrevious', insert: 'c.get<Meter>(k)?.stop();', before: 'c.set(k, createMeter(k)); }' },
      code: `${meter} import NodeCache from 'node-cache';
const c = new NodeCache({ stdTTL: 60, useClones: false });
c.on('expired', (_k: string, m: Meter) => m.stop());
export function put(k: string) { c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import NodeCache from 'node-cache';
const c = new NodeCache({ stdTTL: 60, useClones: false });
c.on('del', (_k: string, m: Meter) => m.stop());
c.on('expired', (_k: string, m: Meter) => m.stop());
export function put(k: string) { c.del(k); c.set(k, createMeter(k)); }`,
  },
  {
    library: '@cacheable/node-cache',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { NodeCache } from '@cacheable/node-cache';
const c = new NodeCache<Meter>({ stdTTL: 60 });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
    },
    notReported: `import { NodeCache } from '@cacheable/node-cache';
const c = new NodeCache<string>({ stdTTL: 60 });
export function put(k: string) { c.set(k, k.toUpperCase()); c.del(k); }`,
  },
  {
    library: 'quick-lru',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'unreleasedCacheDrop',
      line: 4,
      suggestion: { messageId: 'releaseBeforeDrop', insert: 'c.peek(k)?.stop();', before: 'c.delete(k); }' },
      code: `${meter} import QuickLRU from 'quick-lru';
const c = new QuickLRU<string, Meter>({ maxSize: 9, onEviction: (_k, m) => m.stop() });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }
export function drop(k: string) { c.delete(k); }`,
    },
    notReported: `${meter} import QuickLRU from 'quick-lru';
const c = new QuickLRU<string, Meter>({ maxSize: 9, onEviction: (_k, m) => m.stop() });
export function put(k: string) { c.peek(k)?.stop(); c.set(k, createMeter(k)); }
export function drop(k: string) { c.peek(k)?.stop(); c.delete(k); }`,
  },
  {
    library: '@alloc/quick-lru',
    reported: {
      rule: 'no-silent-overwrite',
      messageId: 'silentOverwrite',
      line: 3,
      suggestion: { messageId: 'releasePrevious', insert: 'c.peek(k)?.stop();', before: 'c.set(k, createMeter(k)); }' },
      code: `${meter} import QuickLRU from '@alloc/quick-lru';
const c = new QuickLRU<string, Meter>({ maxSize: 9, onEviction: (_k, m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import QuickLRU from '@alloc/quick-lru';
const c = new QuickLRU<string, Meter>({ maxSize: 9, onEviction: (_k, m) => m.stop() });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
  },
  {
    library: 'tiny-lru',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { lru } from 'tiny-lru';
const c = lru<Meter>(9, 5000);
c.onEvict(({ value }) => value.stop());
export function put(k: string) { c.peek(k)?.stop(); c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { lru } from 'tiny-lru';
const c = lru<Meter>(9);
c.onEvict(({ value }) => value.stop());
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
  },
  {
    library: 'lru.min',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { createLRU } from 'lru.min';
const c = createLRU<string, Meter>({ max: 9 });
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { createLRU } from 'lru.min';
const c = createLRU<string, Meter>({ max: 9, onEviction: (_k, m) => m.stop() });
export function put(k: string) { c.set(k, createMeter(k)); }`,
  },
  {
    library: 'mnemonist',
    reported: {
      rule: 'no-silent-overwrite',
      messageId: 'hooklessInsertion',
      line: 3,
      code: `${meter} import { LRUCache } from 'mnemonist';
const c = new LRUCache<string, Meter>(9);
export function put(k: string) { c.set(k, createMeter(k)); }`,
    },
    notReported: `${meter} import { LRUCache } from 'mnemonist';
const c = new LRUCache<string, Meter>(9);
export function put(k: string) { const dropped = c.setpop(k, createMeter(k)); dropped?.value.stop(); }`,
  },
  {
    library: 'memory-cache',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'unreleasedCacheDrop',
      line: 4,
      suggestion: { messageId: 'releaseBeforeDrop', insert: 'c.get(k)?.stop();', before: 'c.del(k); }' },
      code: `${meter} import mc from 'memory-cache';
const c = new mc.Cache<string, Meter>();
export function put(k: string) { if (!c.get(k)) c.put(k, createMeter(k), 1000, (_k, m) => m.stop()); }
export function drop(k: string) { c.del(k); }`,
    },
    notReported: `${meter} import mc from 'memory-cache';
const c = new mc.Cache<string, Meter>();
export function put(k: string) { c.get(k)?.stop(); c.put(k, createMeter(k), 1000, (_k, m) => m.stop()); }
export function drop(k: string) { c.get(k)?.stop(); c.del(k); }`,
  },
  {
    library: 'keyv',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { Keyv } from 'keyv';
const c = new Keyv<Meter>({ ttl: 1000 });
export async function put(k: string) { await c.set(k, createMeter(k)); }`,
    },
    notReported: `import { Keyv } from 'keyv';
const c = new Keyv<string>({ ttl: 1000 });
export async function put(k: string) { await c.set(k, k); await c.delete(k); }`,
  },
  {
    library: 'cache-manager',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import { createCache } from 'cache-manager';
const c = createCache({ ttl: 1000 });
export async function put(k: string) { await c.set(k, createMeter(k)); }`,
    },
    notReported: `import { createCache } from 'cache-manager';
const c = createCache({ ttl: 1000 });
export async function put(k: string) { await c.set(k, { name: k }); await c.del(k); }`,
  },
  {
    library: 'expiry-map',
    reported: {
      rule: 'stop-on-evict',
      messageId: 'cacheDropsResources',
      line: 2,
      code: `${meter} import ExpiryMap from 'expiry-map';
const c = new ExpiryMap<string, Meter>(1000);
export function put(k: string) { if (!c.has(k)) c.set(k, createMeter(k)); }`,
    },
    notReported: `import ExpiryMap from 'expiry-map';
const c = new ExpiryMap<string, number>(1000);
export function put(k: string) { c.set(k, 1); c.delete(k); c.clear(); }`,
  },
];

for (const rule of ['stop-on-evict', 'no-silent-overwrite'] as const) {
  const ruleModule = rule === 'stop-on-evict' ? stopOnEvict : noSilentOverwrite;
  ruleTester.run(`${rule} on every cache library`, ruleModule as typeof stopOnEvict, {
    valid: libraries.flatMap((entry) => [
      { name: `${entry.library}: not reported`, code: entry.notReported },
      // The site belongs to the other rule: this one stays silent on it (one report per site).
      ...(entry.reported.rule === rule ? [] : [{ name: `${entry.library}: reported by ${entry.reported.rule} only`, code: entry.reported.code }]),
    ]),
    invalid: libraries
      .filter((entry) => entry.reported.rule === rule)
      .map((entry) => ({
        name: `${entry.library}: reported`,
        code: entry.reported.code,
        errors: [
          {
            messageId: entry.reported.messageId as 'unreleasedDrop',
            line: entry.reported.line,
            suggestions: entry.reported.suggestion
              ? [
                  {
                    messageId: entry.reported.suggestion.messageId as 'releaseBeforeDrop',
                    output: withInsertion(entry.reported.code, entry.reported.suggestion.insert, entry.reported.suggestion.before),
                  },
                ]
              : [],
          },
        ],
      })),
  });
}
