#!/usr/bin/env node
// Deterministic generator of the benchmark's synthetic corpus: container, cache and resource code in
// many shapes (../../../shared/PATTERNS.md), leaks and correct code mixed, plus ordinary code with no
// resources at all. Output goes to a git-ignored scratch folder (bench/.out/ by default).
//
//   node bench/corpus/generate.mjs <outDir> [--scale 1] [--seed 20261127]
//
// File i of the corpus depends only on (seed, i), so the 2× corpus is the 1× corpus plus as many
// files again, and so on: a change in time per 1k lines from 1× to 8× is the rule's own scaling, not a
// change of mix. Dropping sites carry `// gen: leak` or `// gen: ok` so a run can be sanity-checked
// (the markers are not an evaluation; bench/cases/ is the labelled collection).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FILES_PER_SCALE = 12;
export const DEFAULT_SEED = 20261127;

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['route', 'tenant', 'session', 'job', 'room', 'device', 'client', 'topic', 'user', 'shard', 'feed', 'worker', 'channel', 'probe', 'order'];
const VERBS = ['remove', 'drop', 'forget', 'evict', 'release', 'detach', 'close', 'discard', 'unregister', 'cancel'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function makeCtx(rng, fileIndex) {
  let n = 0;
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  return {
    rng,
    pick,
    int: (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)),
    chance: (p) => rng() < p,
    /** A unique identifier in this file. */
    uid: (base) => `${base}${fileIndex}_${n++}`,
    noun: () => pick(NOUNS),
    verb: () => pick(VERBS),
  };
}

// ---------------------------------------------------------------------------------------------------
// Shapes. Each returns TypeScript text; `leak` decides the variant. Names are randomized, so no two
// files are alike, but every file type-checks against lib/resources.ts and the installed libraries.
// ---------------------------------------------------------------------------------------------------

const shapes = [];
const shape = (name, weight, fn) => shapes.push({ name, weight, fn });

shape('map-of-intervals', 3, (c) => {
  const n = c.noun();
  const cls = c.uid(`${cap(n)}Heartbeats`);
  const leak = c.chance(0.4);
  const ms = c.int(1, 60) * 1000;
  return `export class ${cls} {
  private readonly ${n}Timers = new Map<string, NodeJS.Timeout>();

  start(id: string, beat: (id: string) => void): void {
    if (this.${n}Timers.has(id)) return;
    this.${n}Timers.set(id, setInterval(() => beat(id), ${ms})); // gen: ok
  }

  ${c.verb()}(id: string): void {
${leak ? '' : `    clearInterval(this.${n}Timers.get(id));\n`}    this.${n}Timers.delete(id); // gen: ${leak ? 'leak' : 'ok'}
  }

  get size(): number {
    return this.${n}Timers.size;
  }
}
`;
});

shape('set-of-timeouts', 2, (c) => {
  const fn = c.uid('pending');
  const leak = c.chance(0.35);
  return `const ${fn} = new Set<NodeJS.Timeout>();

export function schedule_${fn}(task: () => void, delay: number): void {
  const handle = setTimeout(() => {
    ${fn}.delete(handle); // gen: ok
    task();
  }, delay);
  ${fn}.add(handle);
}

export function cancelAll_${fn}(): void {
${leak ? '' : `  for (const handle of ${fn}) clearTimeout(handle);\n`}  ${fn}.clear(); // gen: ${leak ? 'leak' : 'ok'}
}
`;
});

shape('array-of-intervals', 2, (c) => {
  const v = c.uid('loops');
  const variant = c.int(0, 2);
  const body = [
    `  ${v}.forEach(clearInterval);\n  ${v}.length = 0; // gen: ok`,
    `  ${v}.length = 0; // gen: leak`,
    `  for (const t of ${v}.splice(0)) clearInterval(t); // gen: ok`,
  ][variant];
  return `const ${v}: NodeJS.Timeout[] = [];

export function every_${v}(ms: number, fn: () => void): number {
  return ${v}.push(setInterval(fn, ms));
}

export function stopAll_${v}(): void {
${body}
}
`;
});

shape('object-map-handles', 2, (c) => {
  const cls = c.uid('Reminders');
  const leak = c.chance(0.4);
  return `export class ${cls} {
  private handles: Record<string, NodeJS.Timeout> = {};

  remind(key: string, inMs: number, notify: (key: string) => void): void {
${leak ? '' : '    clearTimeout(this.handles[key]);\n'}    this.handles[key] = setTimeout(() => notify(key), inMs); // gen: ${leak ? 'leak' : 'ok'}
  }

  dismiss(key: string): void {
    const handle = this.handles[key];
    if (handle) clearTimeout(handle);
    delete this.handles[key]; // gen: ok
  }
}
`;
});

shape('meters-map', 4, (c) => {
  const n = c.noun();
  const cls = c.uid(`${cap(n)}Metrics`);
  const variant = c.int(0, 3);
  const removal = [
    `    this.meters.delete(${n}); // gen: leak`,
    `    this.meters.get(${n})?.stop();\n    this.meters.delete(${n}); // gen: ok`,
    `    const meter = this.meters.get(${n});\n    this.meters.delete(${n}); // gen: ok\n    meter?.stop();`,
    `    stopMeter(this.meters.get(${n}));\n    this.meters.delete(${n}); // gen: ok`,
  ][variant];
  return `export class ${cls} {
  private readonly meters = new Map<string, Meter>();

  constructor(private readonly sink: (name: string, count: number) => void) {}

  hit(${n}: string): void {
    let meter = this.meters.get(${n});
    if (!meter) {
      meter = new Meter(${n}, this.sink);
      this.meters.set(${n}, meter); // gen: ok
    }
    meter.mark();
  }

  ${c.verb()}(${n}: string): void {
${removal}
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, meter] of this.meters) out[name] = meter.count;
    return out;
  }
}
`;
});

shape('waiters', 3, (c) => {
  const cls = c.uid('RpcClient');
  const leak = c.chance(0.4);
  return `interface Waiter${cls} {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ${cls} {
  private readonly waiters = new Map<string, Waiter${cls}>();

  call(id: string, send: (id: string) => void, timeoutMs = ${c.int(1, 30) * 1000}): Promise<unknown> {
${leak ? '' : `    if (this.waiters.has(id)) return Promise.reject(new Error('duplicate id ' + id));\n`}    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id); // gen: ok
        reject(new Error('timeout ' + id));
      }, timeoutMs);
      this.waiters.set(id, { resolve, reject, timer }); // gen: ${leak ? 'leak' : 'ok'}
      send(id);
    });
  }

  settle(id: string, value: unknown): void {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(id); // gen: ok
    waiter.resolve(value);
  }
}
`;
});

shape('record-cache', 3, (c) => {
  const cls = c.uid('TtlStore');
  const leak = c.chance(0.4);
  return `interface Entry${cls}<V> {
  data: V;
  timer: NodeJS.Timeout;
}

export class ${cls}<V> {
  private readonly entries = new Map<string, Entry${cls}<V>>();

  constructor(private readonly ttlMs = ${c.int(1, 10) * 10_000}) {}

  put(key: string, data: V): void {
    const previous = this.entries.get(key);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.entries.delete(key), this.ttlMs); // gen: ok
    this.entries.set(key, { data, timer }); // gen: ok
  }

  read(key: string): V | undefined {
    return this.entries.get(key)?.data;
  }

  clear(): void {
${leak ? '' : '    for (const entry of this.entries.values()) clearTimeout(entry.timer);\n'}    this.entries.clear(); // gen: ${leak ? 'leak' : 'ok'}
  }
}
`;
});

shape('sockets', 3, (c) => {
  const v = c.uid('peers');
  const variant = c.int(0, 2);
  return `const ${v} = new Map<string, Socket>();

export function connect_${v}(id: string, host: string, port: number): Socket {
  const socket = createConnection({ host, port });
${variant === 0 ? '' : `  ${v}.get(id)?.destroy();\n`}  ${v}.set(id, socket); // gen: ${variant === 0 ? 'leak' : 'ok'}
  socket.on('close', () => {
    if (${v}.get(id) === socket) ${v}.delete(id); // gen: ok
  });
  return socket;
}

export function kick_${v}(id: string): void {
${variant === 2 ? '' : `  ${v}.get(id)?.end();\n`}  ${v}.delete(id); // gen: ${variant === 2 ? 'leak' : 'ok'}
}
`;
});

shape('child-processes', 2, (c) => {
  const cls = c.uid('JobRunner');
  const leak = c.chance(0.35);
  return `export class ${cls} {
  private readonly children = new Map<number, ChildProcess>();
  private nextId = 0;

  run(command: string, args: string[]): number {
    const id = this.nextId++;
    const child = spawn(command, args, { stdio: 'ignore' });
    this.children.set(id, child); // gen: ok
    child.on('exit', () => {
      this.children.delete(id); // gen: ok
    });
    return id;
  }

  abort(id: number): void {
${leak ? '' : '    this.children.get(id)?.kill();\n'}    this.children.delete(id); // gen: ${leak ? 'leak' : 'ok'}
  }
}
`;
});

shape('restart-pollers', 2, (c) => {
  const cls = c.uid('PollerService');
  const leak = c.chance(0.4);
  return `export class ${cls} {
  private pollers = new Map<string, Poller>();

  watch(url: string, every: number): void {
    if (this.pollers.has(url)) return;
    this.pollers.set(url, new Poller(url, every)); // gen: ok
  }

  restart(): void {
${leak ? '' : '    for (const poller of this.pollers.values()) poller.close();\n'}    this.pollers = new Map(); // gen: ${leak ? 'leak' : 'ok'}
  }
}
`;
});

shape('lru-cache', 3, (c) => {
  const v = c.uid('lru');
  const variant = c.int(0, 2);
  if (variant === 2) {
    return `const ${v} = new LRUCache<string, number>({ max: ${c.int(10, 900)} }); // gen: ok

export function count_${v}(key: string): number {
  const next = (${v}.get(key) ?? 0) + 1;
  ${v}.set(key, next); // gen: ok
  return next;
}
`;
  }
  const leak = variant === 0;
  return `const ${v} = new LRUCache<string, Meter>({ // gen: ${leak ? 'leak' : 'ok'}
  max: ${c.int(10, 900)},
  ttl: ${c.int(1, 60)} * 60_000,${leak ? '' : '\n  dispose: (meter) => meter.stop(),'}
});

export function meter_${v}(key: string, sink: (name: string, count: number) => void): Meter {
  let meter = ${v}.get(key);
  if (!meter) {
    meter = new Meter(key, sink);
    ${v}.set(key, meter); // gen: ok
  }
  return meter;
}

export function drop_${v}(key: string): void {
  ${v}.get(key)?.stop();
  ${v}.delete(key); // gen: ok
}
`;
});

shape('node-cache', 2, (c) => {
  const v = c.uid('nodeCache');
  const plain = c.chance(0.5);
  if (plain) {
    return `const ${v} = new NodeCache({ stdTTL: ${c.int(10, 600)} }); // gen: ok

export function remember_${v}(key: string, value: string): void {
  ${v}.set<string>(key, value); // gen: ok
}

export function recall_${v}(key: string): string | undefined {
  return ${v}.get<string>(key);
}
`;
  }
  return `const ${v} = new NodeCache({ stdTTL: ${c.int(10, 600)}, useClones: false }); // gen: ok
${v}.on('expired', (_key: string, value: Meter) => value.stop());

export function start_${v}(key: string, sink: (name: string, count: number) => void): void {
  ${v}.set<Meter>(key, new Meter(key, sink)); // gen: leak
}
`;
});

shape('plain-data', 5, (c) => {
  const cls = c.uid('Stats');
  return `export class ${cls} {
  private readonly counts = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly last: Record<string, string> = {};
  private readonly inflight = new Map<string, Promise<string>>();

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by); // gen: ok
    this.seen.add(key);
    this.last[key] = new Date().toISOString(); // gen: ok
  }

  forget(key: string): void {
    this.counts.delete(key); // gen: ok
    this.seen.delete(key); // gen: ok
    delete this.last[key]; // gen: ok
  }

  load(key: string, fetcher: (key: string) => Promise<string>): Promise<string> {
    let p = this.inflight.get(key);
    if (!p) {
      p = fetcher(key).finally(() => this.inflight.delete(key)); // gen: ok
      this.inflight.set(key, p); // gen: ok
    }
    return p;
  }

  reset(): void {
    this.counts.clear(); // gen: ok
    this.seen.clear(); // gen: ok
  }

  top(n: number): Array<[string, number]> {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  }
}
`;
});

shape('interval-callback-delete', 2, (c) => {
  const v = c.uid('retries');
  const leak = c.chance(0.5);
  const timer = leak ? 'setInterval' : 'setTimeout';
  return `const ${v} = new Map<string, NodeJS.Timeout>();

export function retry_${v}(key: string, attempt: () => boolean, ms: number): void {
  if (${v}.has(key)) return;
  const handle = ${timer}(() => {
    if (attempt()) ${v}.delete(key); // gen: ${leak ? 'leak' : 'ok'}
  }, ms);
  ${v}.set(key, handle); // gen: ok
}
`;
});

shape('try-finally', 2, (c) => {
  const cls = c.uid('Leases');
  return `export class ${cls} {
  private readonly leases = new Map<string, NodeJS.Timeout>();

  async withLease<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.leases.has(key)) throw new Error('busy ' + key);
    this.leases.set(key, setInterval(() => undefined, ${c.int(1, 9) * 1000})); // gen: ok
    try {
      return await work();
    } finally {
      clearInterval(this.leases.get(key));
      this.leases.delete(key); // gen: ok
    }
  }
}
`;
});

shape('loop-removal', 3, (c) => {
  const cls = c.uid('IdleReaper');
  const leak = c.chance(0.4);
  return `export class ${cls} {
  private readonly sessions = new Map<string, Session>();

  open(id: string): Session {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const session = new Session(id);
    this.sessions.set(id, session); // gen: ok
    return session;
  }

  reap(now: number, maxIdleMs: number): number {
    let reaped = 0;
    for (const [id, session] of this.sessions) {
      if (now - session.lastSeen < maxIdleMs) continue;
${leak ? '' : '      session.dispose();\n'}      this.sessions.delete(id); // gen: ${leak ? 'leak' : 'ok'}
      reaped++;
    }
    return reaped;
  }
}
`;
});

shape('fresh-keys', 2, (c) => {
  const v = c.uid('tickers');
  return `let next_${v} = 0;
const ${v} = new Map<number, NodeJS.Timeout>();

export function tick_${v}(fn: () => void, ms: number): number {
  const id = ++next_${v};
  ${v}.set(id, setInterval(fn, ms)); // gen: ok
  return id;
}

export function untick_${v}(id: number): void {
  const handle = ${v}.get(id);
  if (handle === undefined) return;
  clearInterval(handle);
  ${v}.delete(id); // gen: ok
}
`;
});

shape('ownership-handoff', 2, (c) => {
  const cls = c.uid('Registry');
  return `export class ${cls} {
  private readonly byName = new Map<string, Meter>();
  private readonly free: Meter[] = [];

  attach(name: string, meter: Meter): void {
    this.byName.set(name, meter); // gen: ok
  }

  detach(name: string): Meter | undefined {
    const meter = this.byName.get(name);
    this.byName.delete(name); // gen: ok
    return meter;
  }

  release(meter: Meter): void {
    const i = this.free.indexOf(meter);
    if (i >= 0) this.free.splice(i, 1); // gen: ok
  }
}
`;
});

shape('disposables', 2, (c) => {
  const cls = c.uid('Subscriptions');
  const leak = c.chance(0.4);
  return `export class ${cls} {
  private readonly subs = new Map<string, Disposable>();

  subscribe(topic: string, bus: EventEmitter, onEvent: (payload: unknown) => void): void {
    this.subs.get(topic)?.[Symbol.dispose]();
    bus.on(topic, onEvent);
    this.subs.set(topic, { [Symbol.dispose]: () => bus.off(topic, onEvent) }); // gen: ok
  }

  onDisconnect(topic: string): void {
${leak ? '' : '    this.subs.get(topic)?.[Symbol.dispose]();\n'}    this.subs.delete(topic); // gen: ${leak ? 'leak' : 'ok'}
  }
}
`;
});

shape('worker-pool', 2, (c) => {
  const cls = c.uid('WorkerPool');
  const leak = c.chance(0.4);
  return `export class ${cls} {
  private readonly idle = new Set<Worker>();

  constructor(private readonly script: string, private readonly max = ${c.int(2, 8)}) {}

  acquire(): Worker {
    const worker = this.idle.values().next().value ?? new Worker(this.script);
    this.idle.delete(worker); // gen: ok
    return worker;
  }

  giveBack(worker: Worker, broken: boolean): void {
    if (broken || this.idle.size >= this.max) {
${leak ? '' : '      void worker.terminate();\n'}      return;
    }
    this.idle.add(worker);
  }

  shutdown(): void {
    for (const worker of this.idle) void worker.terminate();
    this.idle.clear(); // gen: ok
  }
}
`;
});

shape('fs-watchers', 2, (c) => {
  const v = c.uid('watchers');
  const leak = c.chance(0.4);
  return `const ${v} = new Map<string, FSWatcher>();

export function follow_${v}(file: string, onChange: () => void): void {
${leak ? '' : `  ${v}.get(file)?.close();\n`}  ${v}.set(file, watch(file, onChange)); // gen: ${leak ? 'leak' : 'ok'}
}

export function unfollow_${v}(file: string): void {
  const watcher = ${v}.get(file);
  if (!watcher) return;
  watcher.close();
  ${v}.delete(file); // gen: ok
}
`;
});

shape('switch-messages', 2, (c) => {
  const cls = c.uid('RoomHub');
  const leak = c.chance(0.4);
  return `type Msg${cls} = { kind: 'join'; room: string } | { kind: 'leave'; room: string } | { kind: 'ping' };

export class ${cls} {
  private readonly rooms = new Map<string, Meter>();

  handle(msg: Msg${cls}, sink: (name: string, count: number) => void): void {
    switch (msg.kind) {
      case 'join':
        if (!this.rooms.has(msg.room)) this.rooms.set(msg.room, new Meter(msg.room, sink)); // gen: ok
        break;
      case 'leave': {
${leak ? '' : '        this.rooms.get(msg.room)?.stop();\n'}        this.rooms.delete(msg.room); // gen: ${leak ? 'leak' : 'ok'}
        break;
      }
      default:
        break;
    }
  }
}
`;
});

shape('guard-helper', 2, (c) => {
  const cls = c.uid('Debouncer');
  return `export class ${cls} {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  private clear(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key); // gen: ok
  }

  debounce(key: string, fn: () => void, ms = ${c.int(50, 900)}): void {
    this.clear(key);
    this.timers.set(key, setTimeout(() => { // gen: ok
      this.timers.delete(key); // gen: ok
      fn();
    }, ms));
  }

  flush(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
  }
}
`;
});

shape('ordinary-code', 6, (c) => {
  const fn = c.uid('format');
  const k = c.int(2, 6);
  return `export interface Row_${fn} {
  id: number;
  name: string;
  tags: string[];
  score: number;
}

export function ${fn}(rows: readonly Row_${fn}[], width = ${k * 10}): string {
  const lines: string[] = [];
  for (const row of rows) {
    const tags = row.tags.length > 0 ? ' [' + row.tags.join(', ') + ']' : '';
    const name = row.name.length > width ? row.name.slice(0, width - 1) + '…' : row.name.padEnd(width);
    lines.push(String(row.id).padStart(${k}) + ' ' + name + ' ' + row.score.toFixed(${k % 3}) + tags);
  }
  return lines.join('\\n');
}

export function group_${fn}(rows: readonly Row_${fn}[]): Map<string, Row_${fn}[]> {
  const groups = new Map<string, Row_${fn}[]>();
  for (const row of rows) {
    for (const tag of row.tags) {
      const list = groups.get(tag) ?? [];
      list.push(row);
      groups.set(tag, list); // gen: ok
    }
  }
  return groups;
}

export async function load_${fn}(fetchRow: (id: number) => Promise<Row_${fn}>, ids: number[]): Promise<Row_${fn}[]> {
  const rows = await Promise.all(ids.map((id) => fetchRow(id)));
  return rows.filter((row) => row.score >= ${k}).sort((a, b) => a.name.localeCompare(b.name));
}
`;
});

const HEADER = `// Generated by bench/corpus/generate.mjs — do not edit; regenerate instead.
import { type EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';
import { Meter, Poller, Session, stopMeter } from './lib/resources.js';

void [watch, createConnection, spawn, Worker, LRUCache, NodeCache, Meter, Poller, Session, stopMeter];
export type { EventEmitter, FSWatcher, Socket, ChildProcess };
`;

const LIB = `// Generated by bench/corpus/generate.mjs — shared resource classes of the synthetic corpus.
export class Meter {
  count = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly name: string,
    private readonly sink: (name: string, count: number) => void,
  ) {
    this.timer = setInterval(() => {
      this.sink(this.name, this.count);
      this.count = 0;
    }, 1_000);
  }

  mark(): void {
    this.count++;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export function stopMeter(meter: Meter | undefined): void {
  meter?.stop();
}

export class Poller {
  private readonly timer: NodeJS.Timeout;
  last: string | undefined;

  constructor(
    readonly url: string,
    every: number,
  ) {
    this.timer = setInterval(() => {
      this.last = new Date().toISOString();
    }, every);
  }

  close(): void {
    clearInterval(this.timer);
  }
}

export class Session {
  lastSeen = Date.now();
  private readonly keepAlive = setInterval(() => {
    this.lastSeen = Date.now();
  }, 30_000);

  constructor(readonly id: string) {}

  dispose(): void {
    clearInterval(this.keepAlive);
  }
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'ESNext.Disposable'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['**/*.ts'],
};

/** Text of corpus file `index` (0-based): 7–10 shapes drawn by weight. */
export function generateFile(index, seed = DEFAULT_SEED) {
  const rng = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const c = makeCtx(rng, index);
  const total = shapes.reduce((s, x) => s + x.weight, 0);
  const parts = [HEADER];
  const used = [];
  const count = c.int(7, 10);
  for (let i = 0; i < count; i++) {
    let r = rng() * total;
    const chosen = shapes.find((s) => (r -= s.weight) < 0) ?? shapes[shapes.length - 1];
    used.push(chosen.name);
    parts.push(chosen.fn(c));
  }
  return { text: parts.join('\n'), shapes: used };
}

/** Writes the corpus at `scale` (FILES_PER_SCALE × scale files) into `outDir`; returns a summary. */
export function generateCorpus(outDir, { scale = 1, seed = DEFAULT_SEED } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'src', 'lib'), { recursive: true });
  writeFileSync(path.join(outDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(outDir, 'src', 'lib', 'resources.ts'), LIB);
  let lines = LIB.split('\n').length;
  let leaks = 0;
  let oks = 0;
  const shapeCounts = {};
  const files = FILES_PER_SCALE * scale;
  for (let i = 0; i < files; i++) {
    const { text, shapes: used } = generateFile(i, seed);
    writeFileSync(path.join(outDir, 'src', `module${String(i).padStart(3, '0')}.ts`), text);
    lines += text.split('\n').length;
    leaks += (text.match(/\/\/ gen: leak/g) ?? []).length;
    oks += (text.match(/\/\/ gen: ok/g) ?? []).length;
    for (const s of used) shapeCounts[s] = (shapeCounts[s] ?? 0) + 1;
  }
  return { outDir, scale, seed, files: files + 1, lines, leaks, oks, shapes: Object.keys(shapeCounts).length, shapeCounts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = args.find((a) => !a.startsWith('--'));
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  if (!outDir) {
    console.error('usage: generate.mjs <outDir> [--scale N] [--seed S]');
    process.exit(2);
  }
  console.log(JSON.stringify(generateCorpus(path.resolve(outDir), { scale: opt('scale', 1), seed: opt('seed', DEFAULT_SEED) })));
}
