import rule from '../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../ruleTester.js';

const ruleTester = createTypedRuleTester();

const imports = `import { createMeter, createPoller, openLease, startJob, stopMeter, type Meter, type Poller, type Watcher, type Stopwatch, type Candle, type PendingRequest, type Lease, type Job } from './resources.js';`;

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'stopped with ?. before delete',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string) {
  meters.get(route)?.stop();
  meters.delete(route);
}`,
    },
    {
      name: 'stopped through a local alias after the delete',
      code: `${imports}
export class Routes {
  private meters = new Map<string, Meter>();
  add(route: string) { this.meters.get(route)?.stop(); this.meters.set(route, createMeter(route)); }
  remove(route: string) {
    const meter = this.meters.get(route);
    this.meters.delete(route);
    meter?.stop();
  }
}`,
    },
    {
      name: 'stopped when present: the absent path owes nothing',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { meters.get(route)?.stop(); meters.set(route, createMeter(route)); }
export function remove(route: string) {
  const meter = meters.get(route);
  if (!meter) return;
  meter.stop();
  meters.delete(route);
}`,
    },
    {
      name: 'stopped through a helper of the program, in another file',
      code: `${imports}import { shutDownMeter } from './helpers.js';
const meters = new Map<string, Meter>();
export function add(route: string) { shutDownMeter(meters.get(route)); meters.set(route, createMeter(route)); }
export function remove(route: string) {
  shutDownMeter(meters.get(route));
  meters.delete(route);
}`,
    },
    {
      name: 'handed to a declared function that may keep it',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { stopMeter(meters.get(route)!); meters.set(route, createMeter(route)); }
export function remove(route: string) {
  const meter = meters.get(route);
  meters.delete(route);
  if (meter) stopMeter(meter);
}`,
    },
    {
      name: 'every value stopped in a for-of loop before clear()',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (meters.has(route)) return; meters.set(route, createMeter(route)); }
export function reset() {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}`,
    },
    {
      name: 'every value stopped with forEach before clear()',
      code: `${imports}
export class Service {
  private readonly meters = new Map<string, Meter>();
  add(route: string) { if (!this.meters.has(route)) this.meters.set(route, createMeter(route)); }
  shutdown() {
    this.meters.forEach((meter) => meter.stop());
    this.meters.clear();
  }
}`,
    },
    {
      name: 'arr.forEach(clearInterval) before length = 0',
      code: `
const intervals: NodeJS.Timeout[] = [];
export function every(ms: number, fn: () => void) { intervals.push(setInterval(fn, ms)); }
export function stopAll() {
  intervals.forEach(clearInterval);
  intervals.length = 0;
}`,
    },
    {
      name: 'values copied out, cleared, then each copy stopped',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function reset() {
  const all = [...meters.values()];
  meters.clear();
  for (const meter of all) meter.stop();
}`,
    },
    {
      name: 'entries loop stopping each value and deleting its key',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function prune(isIdle: (route: string) => boolean) {
  for (const [route, meter] of meters) {
    if (!isIdle(route)) continue;
    meter.stop();
    meters.delete(route);
  }
}`,
    },
    {
      name: 'set() guarded by has()',
      code: `${imports}
const meters = new Map<string, Meter>();
export function ensure(route: string) {
  if (!meters.has(route)) {
    meters.set(route, createMeter(route));
  }
}`,
    },
    {
      name: 'set() after an early return on a get() hit',
      code: `${imports}
export class Meters {
  private readonly byRoute = new Map<string, Meter>();
  get(route: string): Meter {
    const existing = this.byRoute.get(route);
    if (existing) return existing;
    const meter = createMeter(route);
    this.byRoute.set(route, meter);
    return meter;
  }
}`,
    },
    {
      name: 'duplicate keys rejected by a throw',
      code: `${imports}
const pollers = new Map<string, Poller>();
export function register(url: string) {
  if (pollers.has(url)) throw new Error('already polling ' + url);
  pollers.set(url, createPoller(url));
}`,
    },
    {
      name: 'fresh keys from a counter and from randomUUID()',
      code: `
import { randomUUID } from 'node:crypto';
const timers = new Map<number, NodeJS.Timeout>();
const byId = new Map<string, NodeJS.Timeout>();
let seq = 0;
export function schedule(fn: () => void) {
  const id = ++seq;
  timers.set(id, setTimeout(fn, 10));
  byId.set(randomUUID(), setTimeout(fn, 10));
  return id;
}`,
    },
    {
      name: 'delete inside the one-shot timer callback that fired',
      code: `
const pending = new Map<string, NodeJS.Timeout>();
export function debounce(key: string, fn: () => void) {
  clearTimeout(pending.get(key));
  pending.set(key, setTimeout(() => {
    pending.delete(key);
    fn();
  }, 50));
}`,
    },
    {
      name: 'pending request record removed in its own timeout callback',
      code: `${imports}
const pending = new Map<number, PendingRequest>();
let nextId = 0;
export function request(send: (id: number) => void): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('timed out'));
    }, 1000);
    pending.set(id, { resolve, reject, timer });
    send(id);
  });
}
export function settle(id: number, value: unknown) {
  const entry = pending.get(id);
  if (!entry) return;
  clearTimeout(entry.timer);
  pending.delete(id);
  entry.resolve(value);
}`,
    },
    {
      name: "delete inside the socket's own close handler",
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function connect(id: string, port: number) {
  sockets.get(id)?.destroy();
  const socket = net.createConnection(port);
  sockets.set(id, socket);
  socket.on('close', () => {
    sockets.delete(id);
  });
}`,
    },
    {
      name: "delete inside a child process's exit handler",
      code: `
import { spawn, type ChildProcess } from 'node:child_process';
const children = new Set<ChildProcess>();
export function run(cmd: string) {
  const child = spawn(cmd);
  children.add(child);
  child.once('exit', () => children.delete(child));
}`,
    },
    {
      name: 'a registry deleting the meter inside its own stop()',
      code: `
const registry = new Map<string, Ticker>();
export class Ticker {
  private readonly timer: NodeJS.Timeout;
  constructor(readonly id: string) {
    this.timer = setInterval(() => {}, 1000);
    registry.set(id, this);
  }
  stop(): void {
    clearInterval(this.timer);
    registry.delete(this.id);
  }
}`,
    },
    {
      name: 'removed and returned: the caller owns it now',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function take(route: string): Meter | undefined {
  const meter = meters.get(route);
  meters.delete(route);
  return meter;
}`,
    },
    {
      name: 'moved into another container',
      code: `${imports}
const active = new Map<string, Meter>();
const retired: Meter[] = [];
export function add(route: string) { if (!active.has(route)) active.set(route, createMeter(route)); }
export function retire(route: string) {
  const meter = active.get(route);
  if (!meter) return;
  active.delete(route);
  retired.push(meter);
}`,
    },
    {
      name: 'values typed any or unknown',
      code: `
const handles = new Map<string, any>();
const things = new Map<string, unknown>();
export function add(id: string) { handles.set(id, setInterval(() => {}, 10)); things.set(id, setInterval(() => {}, 10)); }
export function remove(id: string) { handles.delete(id); things.delete(id); }`,
    },
    {
      name: 'a stopwatch whose stop() returns the elapsed time owns nothing',
      code: `${imports}
declare function startStopwatch(): Stopwatch;
const watches = new Map<string, Stopwatch>();
export function start(id: string) { watches.set(id, startStopwatch()); }
export function end(id: string) { const elapsed = watches.get(id)?.stop(); watches.delete(id); return elapsed; }
export function reset() { watches.clear(); }`,
    },
    {
      name: 'candles whose close is a price are data',
      code: `${imports}
const candles = new Map<string, Candle>();
export function add(symbol: string, open: number, close: number) { candles.set(symbol, { open, close }); }
export function drop(symbol: string) { candles.delete(symbol); }`,
    },
    {
      name: 'maps of promises, strings and numbers',
      code: `
const inflight = new Map<string, Promise<string>>();
const names = new Set<string>();
export function fetchOnce(url: string, load: (u: string) => Promise<string>) {
  inflight.set(url, load(url));
  names.add(url);
}
export function forget(url: string) { inflight.delete(url); names.delete(url); }`,
    },
    {
      name: 'an index of borrowed values: every insertion stores a parameter',
      code: `${imports}
export class Providers {
  private readonly byRoute = new Map<string, Meter>();
  attach(meter: Meter) { this.byRoute.set(meter.route, meter); }
  detach(route: string) { this.byRoute.delete(route); }
  reset() { this.byRoute.clear(); }
}`,
    },
    {
      name: 'removing a value the function received as a parameter',
      code: `
import { Worker } from 'node:worker_threads';
export class Pool {
  private readonly idle = new Set<Worker>();
  private readonly all: Worker[] = [];
  grow(file: string) { const worker = new Worker(file); this.idle.add(worker); this.all.push(worker); }
  checkout(worker: Worker) {
    this.idle.delete(worker);
    this.all.splice(this.all.indexOf(worker), 1);
  }
}`,
    },
    {
      name: 'removing a provider by the id of the provider passed in',
      code: `${imports}
export class Meters {
  private readonly byRoute = new Map<string, Meter>();
  create(route: string) { const meter = createMeter(route); if (!this.byRoute.has(route)) this.byRoute.set(route, meter); return meter; }
  detach(meter: Meter) { this.byRoute.delete(meter.route); }
}`,
    },
    {
      name: 'stopped in finally, on every path',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export async function drain(route: string, flush: () => Promise<void>) {
  try {
    await flush();
  } finally {
    meters.get(route)?.stop();
    meters.delete(route);
  }
}`,
    },
    {
      name: 'released in every case of a switch',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string, mode: 'fast' | 'slow') {
  switch (mode) {
    case 'fast':
      meters.get(route)?.stop();
      break;
    case 'slow':
    default:
      stopMeter(meters.get(route)!);
  }
  meters.delete(route);
}`,
    },
    {
      name: 'the guarded release of a replaced value',
      code: `${imports}
const meters = new Map<string, Meter>();
export function replace(route: string, next: Meter) {
  const previous = meters.get(route);
  if (previous && previous !== next) previous.stop();
  meters.set(route, next);
}
export function create(route: string) { replace(route, createMeter(route)); }`,
    },
    {
      name: 'a record whose timer is cleared before the delete',
      code: `${imports}
const pending = new Map<string, PendingRequest>();
export function track(id: string, entry: PendingRequest) { clearTimeout(pending.get(id)?.timer); pending.set(id, { ...entry, timer: setTimeout(() => {}, 10) }); }
export function cancel(id: string) {
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}`,
    },
    {
      name: 'a Set of intervals cleared in a loop before clear()',
      code: `
const timers = new Set<NodeJS.Timeout>();
export function every(ms: number, fn: () => void) { timers.add(setInterval(fn, ms)); }
export function stopAll() {
  for (const timer of timers) clearInterval(timer);
  timers.clear();
}`,
    },
    {
      name: 'a helper method that clears and deletes, before set()',
      code: `
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private cancel(id: string) {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }
  schedule(id: string, fn: () => void, ms: number) {
    this.cancel(id);
    this.timers.set(id, setTimeout(fn, ms));
  }
}`,
    },
    {
      name: 'a stopAll() helper method before clear()',
      code: `${imports}
export class Service {
  private readonly meters = new Map<string, Meter>();
  add(route: string) { if (!this.meters.has(route)) this.meters.set(route, createMeter(route)); }
  private stopAll() { for (const meter of this.meters.values()) meter.stop(); }
  shutdown() {
    this.stopAll();
    this.meters.clear();
  }
}`,
    },
    {
      name: 'the old container kept and its values closed after reassignment',
      code: `${imports}
export class Service {
  private pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  async restart() {
    const old = this.pollers;
    this.pollers = new Map();
    await Promise.all([...old.values()].map((poller) => poller.close()));
  }
}`,
    },
    {
      name: 'the first assignment in the constructor drops nothing',
      code: `${imports}
export class Service {
  private pollers: Map<string, Poller>;
  constructor(urls: string[]) {
    this.pollers = new Map();
    for (const url of urls) this.pollers.set(url, createPoller(url));
  }
}`,
    },
    {
      name: 'object map: stopped before the delete operator, ??= never overwrites',
      code: `${imports}
export class Rooms {
  private rooms: Record<string, Meter> = {};
  open(id: string) { this.rooms[id] ??= createMeter(id); }
  close(id: string) {
    this.rooms[id]?.stop();
    delete this.rooms[id];
  }
}`,
    },
    {
      name: 'request objects handed to a request listener are borrowed',
      code: `
import http from 'node:http';
const waiting = new Map<string, http.IncomingMessage>();
export function listen(server: http.Server) {
  server.on('request', (req, res) => {
    waiting.set(String(req.url), req);
    res.end();
  });
}
export function done(url: string) { waiting.delete(url); }`,
    },
    {
      name: 'released in a closure passed on after the delete',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function removeLater(route: string) {
  const meter = meters.get(route);
  meters.delete(route);
  setImmediate(() => meter?.stop());
}`,
    },
    {
      name: 'a disposable released with Symbol.dispose, and with using',
      code: `${imports}
const leases = new Map<string, Lease>();
export function take(name: string) { leases.get(name)?.[Symbol.dispose](); leases.set(name, openLease(name)); }
export function give(name: string) {
  leases.get(name)?.[Symbol.dispose]();
  leases.delete(name);
}
export function giveScoped(name: string) {
  using lease = leases.get(name)!;
  leases.delete(name);
  return lease !== undefined;
}`,
    },
    {
      name: 'a WeakMap entry stopped before the delete',
      code: `${imports}
const byOwner = new WeakMap<object, Meter>();
export function attach(owner: object, route: string) { byOwner.get(owner)?.stop(); byOwner.set(owner, createMeter(route)); }
export function detach(owner: object) { byOwner.get(owner)?.stop(); byOwner.delete(owner); }`,
    },
    {
      name: 'name rules switched off: a declared type with stop() is not a resource',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { meters.set(route, createMeter(route)); }
export function remove(route: string) { meters.delete(route); }`,
      options: [{ nameRules: false }],
    },
    {
      name: 'from real code (hocuspocus): a named callback scheduled once by setTimeout deletes its own entry',
      code: `
const debounced = new Map<string, { timeout: NodeJS.Timeout; start: number }>();
export function debounce(id: string, fn: () => void, ms: number) {
  const old = debounced.get(id);
  if (old) clearTimeout(old.timeout);
  const run = () => {
    debounced.delete(id);
    fn();
  };
  debounced.set(id, { start: Date.now(), timeout: setTimeout(run, ms) });
}`,
    },
    {
      name: 'from real code (hocuspocus webhook): a debounce callback also run directly once the old timer is cleared',
      code: `
export class Webhook {
  private debounced = new Map<string, { timeout: NodeJS.Timeout; start: number }>();
  debounce(id: string, func: () => void, maxWait: number, ms: number) {
    const old = this.debounced.get(id);
    const start = old?.start || Date.now();
    const run = () => {
      this.debounced.delete(id);
      func();
    };
    if (old?.timeout) clearTimeout(old.timeout);
    if (Date.now() - start >= maxWait) return run();
    this.debounced.set(id, { start, timeout: setTimeout(run, ms) });
  }
}`,
    },
    {
      name: 'from real code (socket.io adapter): a key from a module helper that returns random bytes',
      code: `
import { randomBytes } from 'node:crypto';
function randomId(): string {
  return randomBytes(8).toString('hex');
}
interface PendingRequest { timeout: NodeJS.Timeout; resolve: (value: unknown) => void }
export class Adapter {
  private requests = new Map<string, PendingRequest>();
  request(): Promise<unknown> {
    const requestId = randomId();
    return new Promise((resolve) => {
      const timeout = setTimeout(() => { this.requests.delete(requestId); resolve(null); }, 5000);
      this.requests.set(requestId, { timeout, resolve });
    });
  }
}`,
    },
    {
      name: 'from real code (engine.io): an awaited id generator and a template key with a fresh part',
      code: `
import { randomUUID } from 'node:crypto';
declare function generateId(): string;
declare class Conn { close(): void }
export class Server {
  private clients: Record<string, Conn> = {};
  private jobs = new Map<string, NodeJS.Timeout>();
  async handshake(): Promise<void> {
    const id = await generateId();
    this.clients[id] = new Conn();
  }
  async upgrade(): Promise<void> {
    let id;
    try {
      id = await generateId();
    } catch {
      return;
    }
    this.clients[id] = new Conn();
  }
  schedule(kind: string, fn: () => void) {
    this.jobs.set(\`\${kind}:\${randomUUID()}\`, setInterval(fn, 1000));
  }
}`,
    },
    {
      name: 'from real code (bullmq, socket.io): a value stored under its own id',
      code: `
import { fork, type ChildProcess } from 'node:child_process';
export class Pool {
  private retained: { [pid: number]: ChildProcess } = {};
  private byId = new Map<string, { id: string; timer: NodeJS.Timeout }>();
  retain(): ChildProcess {
    const child = fork('./worker.js');
    this.retained[child.pid!] = child;
    return child;
  }
  track(entry: { id: string; timer: NodeJS.Timeout }) {
    this.byId.set(entry.id, entry);
  }
  release(child: ChildProcess) { child.kill(); delete this.retained[child.pid!]; }
}`,
    },
    {
      name: 'from real code (socket.io adapter): Map.forEach releases the entry it deletes',
      code: `
interface PendingRequest { timeout: NodeJS.Timeout; missing: Set<string> }
export class Adapter {
  private requests = new Map<string, PendingRequest>();
  add(id: string, missing: Set<string>): void {
    if (this.requests.has(id)) return;
    this.requests.set(id, { timeout: setTimeout(() => this.requests.delete(id), 5000), missing });
  }
  removeNode(uid: string): void {
    this.requests.forEach((request, requestId) => {
      request.missing.delete(uid);
      if (request.missing.size === 0) {
        clearTimeout(request.timeout);
        this.requests.delete(requestId);
      }
    });
  }
}`,
    },
    {
      name: 'from real code (nostream): a private method that only one-shot timers call deletes the entry whose timer fired',
      code: `
interface PendingJob { id: string; timer: NodeJS.Timeout }
export class Orchestrator {
  private pending = new Map<string, PendingJob>();
  dispatch(id: string, timeoutMs: number) {
    if (this.pending.has(id)) return;
    const timer = setTimeout(() => this.handleJobTimeout(id), timeoutMs);
    this.pending.set(id, { id, timer });
  }
  onReply(id: string) {
    const job = this.pending.get(id);
    if (!job) return;
    clearTimeout(job.timer);
    this.pending.delete(id);
  }
  private handleJobTimeout(id: string): void {
    if (!this.pending.get(id)) return;
    this.pending.delete(id);
  }
}`,
    },
    {
      name: 'a module function that only one-shot timers call, from a block callback',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
function expire(key: string) {
  timers.delete(key);
}
export function touch(key: string, ms: number) {
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(() => { expire(key); }, ms));
}`,
    },
    {
      name: 'from real code (hocuspocus): a delete inside the connection\'s own onClose hook',
      code: `
declare class Connection { close(): void; onClose(callback: () => void): void }
declare function connect(key: string): Connection;
export class Client {
  private connections: Record<string, Connection> = {};
  open(key: string) {
    this.connections[key]?.close();
    const connection = connect(key);
    connection.onClose(() => {
      delete this.connections[key];
    });
    this.connections[key] = connection;
  }
}`,
    },
    {
      name: 'from real code (hocuspocus): the key is the name of the document passed in, which the caller destroys',
      code: `
declare class Doc { readonly name: string; destroy(): void }
declare function load(name: string): Doc;
export class Server {
  private readonly documents = new Map<string, Doc>();
  open(name: string) { if (!this.documents.has(name)) this.documents.set(name, load(name)); }
  async unload(document: Doc) {
    const documentName = document.name;
    const unloadNow = async () => {
      this.documents.delete(documentName);
      document.destroy();
    };
    await unloadNow();
  }
}`,
    },
    {
      name: 'from real code (hocuspocus): hook payloads holding a borrowed server are records of records, not resources',
      code: `
import type { Server } from 'node:http';
interface Payload { instance: { server: Server }; requestHeaders: Record<string, string> }
export class Connections {
  private payloads: Record<string, Payload> = {};
  constructor(private readonly instance: { server: Server }) {}
  add(key: string) { this.payloads[key] = { instance: this.instance, requestHeaders: Object.fromEntries([]) }; }
  remove(key: string) { delete this.payloads[key]; }
}`,
    },
    {
      name: 'from real code (nostream): the local timer stored in the record is cleared before the delete',
      code: `
interface PendingJob { id: string; timer: NodeJS.Timeout }
export class Orchestrator {
  private readonly pending = new Map<string, PendingJob>();
  constructor(private readonly send: (id: string) => boolean) {}
  start(id: string) {
    if (this.pending.has(id)) return;
    const timer = setTimeout(() => this.pending.delete(id), 1000);
    this.pending.set(id, { id, timer });
    if (!this.send(id)) {
      clearTimeout(timer);
      this.pending.delete(id);
    }
  }
}`,
    },
    {
      name: 'from real code (ioredis): a client moved between role maps that mirror the map of all clients',
      code: `
import net from 'node:net';
interface Nodes { all: Record<string, net.Socket>; master: Record<string, net.Socket>; replica: Record<string, net.Socket> }
export class Pool {
  private readonly nodes: Nodes = { all: {}, master: {}, replica: {} };
  add(key: string, readOnly: boolean) {
    const existing = this.nodes.all[key];
    if (existing) {
      if (readOnly) {
        delete this.nodes.master[key];
        this.nodes.replica[key] = existing;
      } else {
        delete this.nodes.replica[key];
        this.nodes.master[key] = existing;
      }
      return;
    }
    const socket = net.createConnection(6379);
    this.nodes.all[key] = socket;
    if (readOnly) this.nodes.replica[key] = socket;
    else this.nodes.master[key] = socket;
  }
}`,
    },
    {
      name: 'deeply nested loops (past the exact two-pass depth): a release in the same iteration still counts',
      code: `${imports}
const meters = new Map<string, Meter>();
declare const lists: string[][];
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function sweep(route: string) {
  for (const v0 of lists) for (const v1 of lists) for (const v2 of lists) for (const v3 of lists) for (const v4 of lists) for (const v5 of lists) {
    meters.get(route)?.stop();
    meters.delete(route);
  }
}`,
    },
    {
      name: 'a private insertion method whose every caller checks has() first',
      code: `
import { watch, type FSWatcher } from 'node:fs';
export class Tree {
  private readonly watchers = new Map<string, FSWatcher>();
  private install(dir: string): void {
    this.watchers.set(dir, watch(dir));
  }
  add(dir: string): void {
    if (this.watchers.has(dir)) return;
    this.install(dir);
  }
  addAll(dirs: string[]): void {
    for (const dir of dirs) if (!this.watchers.has(dir)) this.install(dir);
  }
}`,
    },
    {
      name: 'a container created empty in the same function',
      code: `${imports}
export function build(routes: string[]) {
  const meters = new Map<string, Meter>();
  for (const route of routes) meters.set(route, createMeter(route));
  return meters;
}`,
    },
  ],
  invalid: [
    {
      name: 'a value stored under a property that names something else (userId): a second connection of a user replaces the first',
      code: `
declare class Connection { readonly userId: string; constructor(userId: string); close(): void }
export class Connections {
  private byUser = new Map<string, Connection>();
  open(userId: string) {
    const connection = new Connection(userId);
    this.byUser.set(connection.userId, connection);
  }
  end(userId: string) { this.byUser.get(userId)?.close(); this.byUser.delete(userId); }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `
declare class Connection { readonly userId: string; constructor(userId: string); close(): void }
export class Connections {
  private byUser = new Map<string, Connection>();
  open(userId: string) {
    const connection = new Connection(userId);
    if (this.byUser.get(connection.userId) !== connection) this.byUser.get(connection.userId)?.close();
    this.byUser.set(connection.userId, connection);
  }
  end(userId: string) { this.byUser.get(userId)?.close(); this.byUser.delete(userId); }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a key from a module helper that does not always return a fresh value',
      code: `
import { randomUUID } from 'node:crypto';
const timers = new Map<string, NodeJS.Timeout>();
function keyFor(name?: string): string {
  if (name) return name;
  return randomUUID();
}
export function schedule(fn: () => void, name?: string) {
  timers.set(keyFor(name), setInterval(fn, 1000));
}
export function cancel(name: string) { clearInterval(timers.get(name)); timers.delete(name); }`,
      // The key is a call: a suggestion would run it twice, so none is offered.
      errors: [{ messageId: 'unreleasedDrop', line: 9 }],
    },
    {
      name: 'Map.forEach that releases one entry and deletes another',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
export function add(id: string, fn: () => void) { if (!timers.has(id)) timers.set(id, setInterval(fn, 1000)); }
export function prune(keep: string) {
  timers.forEach((timer, id) => {
    clearInterval(timer);
    if (id !== keep) timers.delete(keep);
  });
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearInterval()`' },
              // The body of an \`if\` without braces: the release and the delete become one block.
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function add(id: string, fn: () => void) { if (!timers.has(id)) timers.set(id, setInterval(fn, 1000)); }
export function prune(keep: string) {
  timers.forEach((timer, id) => {
    clearInterval(timer);
    if (id !== keep) { clearInterval(timers.get(keep)); timers.delete(keep); }
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a debounce callback run directly before the old timer is cleared',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
export function debounce(id: string, func: () => void, now: boolean, ms: number) {
  const run = () => {
    timers.delete(id);
    func();
  };
  if (now) return run();
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(run, ms));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearTimeout()`' },
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function debounce(id: string, func: () => void, now: boolean, ms: number) {
  const run = () => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    func();
  };
  if (now) return run();
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(run, ms));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a private timeout handler that is also called directly, before the timer fired',
      code: `
interface PendingJob { id: string; timer: NodeJS.Timeout }
export class Orchestrator {
  private pending = new Map<string, PendingJob>();
  dispatch(id: string, timeoutMs: number) {
    if (this.pending.has(id)) return;
    const timer = setTimeout(() => this.handleJobTimeout(id), timeoutMs);
    this.pending.set(id, { id, timer });
  }
  abort(id: string) {
    this.handleJobTimeout(id);
  }
  private handleJobTimeout(id: string): void {
    if (!this.pending.get(id)) return;
    this.pending.delete(id);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearTimeout()` on `timer`' },
              output: `
interface PendingJob { id: string; timer: NodeJS.Timeout }
export class Orchestrator {
  private pending = new Map<string, PendingJob>();
  dispatch(id: string, timeoutMs: number) {
    if (this.pending.has(id)) return;
    const timer = setTimeout(() => this.handleJobTimeout(id), timeoutMs);
    this.pending.set(id, { id, timer });
  }
  abort(id: string) {
    this.handleJobTimeout(id);
  }
  private handleJobTimeout(id: string): void {
    if (!this.pending.get(id)) return;
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a public timeout handler: callers outside the class may call it before the timer fires',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
export class Expirer {
  touch(key: string, ms: number) {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => this.expire(key), ms));
  }
  expire(key: string) {
    timers.delete(key);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearTimeout()`' },
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export class Expirer {
  touch(key: string, ms: number) {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => this.expire(key), ms));
  }
  expire(key: string) {
    clearTimeout(timers.get(key));
    timers.delete(key);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the story: a route removed without stop()',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string) {
  meters.delete(route);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string) {
  meters.get(route)?.stop();
  meters.delete(route);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the story: a meter replaced by set() without stop()',
      code: `${imports}
export class Metering {
  private readonly meters = new Map<string, Meter>();
  track(route: string) {
    this.meters.set(route, createMeter(route));
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'this.meters', operation: '`set()` over an existing key', release: '`stop()`' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
export class Metering {
  private readonly meters = new Map<string, Meter>();
  track(route: string) {
    this.meters.get(route)?.stop();
    this.meters.set(route, createMeter(route));
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'stopped only when graceful: the message names the branch',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string, graceful: boolean) {
  if (graceful) meters.get(route)?.stop();
  meters.delete(route);
}`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`', when: '`graceful` is false' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string, graceful: boolean) {
  if (graceful) meters.get(route)?.stop();
  meters.get(route)?.stop();
  meters.delete(route);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a replaced value named by a variable is released only when it differs',
      code: `${imports}
const meters = new Map<string, Meter>();
export function put(route: string) {
  const meter = createMeter(route);
  meters.set(route, meter);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`set()` over an existing key', release: '`stop()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const meters = new Map<string, Meter>();
export function put(route: string) {
  const meter = createMeter(route);
  if (meters.get(route) !== meter) meters.get(route)?.stop();
  meters.set(route, meter);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'clear() with no stopping loop',
      code: `${imports}
export class Service {
  private readonly pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  reset() {
    this.pollers.clear();
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'this.pollers', operation: '`clear()`', release: '`close()`' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `${imports}
export class Service {
  private readonly pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  reset() {
    for (const value of this.pollers.values()) void value.close();
    this.pollers.clear();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a map of intervals: delete without clearInterval',
      code: `
const intervals = new Map<string, NodeJS.Timeout>();
export function every(id: string, fn: () => void) {
  clearInterval(intervals.get(id));
  intervals.set(id, setInterval(fn, 1000));
}
export function cancel(id: string) {
  intervals.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Timeout', container: 'intervals', operation: '`delete()`', release: '`clearInterval()`' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearInterval()`' },
              output: `
const intervals = new Map<string, NodeJS.Timeout>();
export function every(id: string, fn: () => void) {
  clearInterval(intervals.get(id));
  intervals.set(id, setInterval(fn, 1000));
}
export function cancel(id: string) {
  clearInterval(intervals.get(id));
  intervals.delete(id);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a setInterval callback that deletes its entry leaves the interval running',
      code: `
const polls = new Map<string, NodeJS.Timeout>();
export function poll(id: string, check: () => boolean) {
  if (polls.has(id)) return;
  polls.set(id, setInterval(() => {
    if (check()) polls.delete(id);
  }, 100));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Timeout', container: 'polls', operation: '`delete()`', release: '`clearInterval()`' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearInterval()`' },
              output: `
const polls = new Map<string, NodeJS.Timeout>();
export function poll(id: string, check: () => boolean) {
  if (polls.has(id)) return;
  polls.set(id, setInterval(() => {
    if (check()) { clearInterval(polls.get(id)); polls.delete(id); }
  }, 100));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a pending record deleted without clearing its timer',
      code: `${imports}
const pending = new Map<number, PendingRequest>();
let nextId = 0;
export function request(): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, timer: setTimeout(() => reject(new Error('timeout')), 1000) });
  });
}
export function settle(id: number, value: unknown) {
  pending.get(id)?.resolve(value);
  pending.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'PendingRequest', container: 'pending', operation: '`delete()`', release: '`clearTimeout()` on `timer`' },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearTimeout()` on `timer`' },
              output: `${imports}
const pending = new Map<number, PendingRequest>();
let nextId = 0;
export function request(): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, timer: setTimeout(() => reject(new Error('timeout')), 1000) });
  });
}
export function settle(id: number, value: unknown) {
  pending.get(id)?.resolve(value);
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'obj[id] = setTimeout(…) over an existing handle',
      code: `
const timeouts: Record<string, NodeJS.Timeout> = {};
export function later(id: string, fn: () => void) {
  timeouts[id] = setTimeout(fn, 100);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Timeout', container: 'timeouts', operation: 'assignment over an existing key', release: '`clearTimeout()`' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearTimeout()`' },
              output: `
const timeouts: Record<string, NodeJS.Timeout> = {};
export function later(id: string, fn: () => void) {
  clearTimeout(timeouts[id]);
  timeouts[id] = setTimeout(fn, 100);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'delete obj[key] of a per-key meter',
      code: `${imports}
export class Rooms {
  private rooms: { [id: string]: Meter } = {};
  open(id: string) { this.rooms[id] ??= createMeter(id); }
  close(id: string) {
    delete this.rooms[id];
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'this.rooms', operation: 'the `delete` operator', release: '`stop()`' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
export class Rooms {
  private rooms: { [id: string]: Meter } = {};
  open(id: string) { this.rooms[id] ??= createMeter(id); }
  close(id: string) {
    this.rooms[id]?.stop();
    delete this.rooms[id];
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'restart() reassigns the container and drops every poller',
      code: `${imports}
export class Service {
  private pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  restart() {
    this.pollers = new Map();
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'this.pollers', operation: 'reassigning the container', release: '`close()`' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `${imports}
export class Service {
  private pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  restart() {
    for (const value of this.pollers.values()) void value.close();
    this.pollers = new Map();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a pool slot leaves the Set on two paths, only one terminates the worker',
      code: `
import { Worker } from 'node:worker_threads';
interface Slot { worker: Worker; idleTimer: NodeJS.Timeout }
export class Pool {
  private readonly slots = new Set<Slot>();
  spawn(file: string) {
    const slot: Slot = { worker: new Worker(file), idleTimer: setTimeout(() => {}, 1000) };
    this.slots.add(slot);
    return slot;
  }
  retire(slot: Slot) { clearTimeout(slot.idleTimer); void slot.worker.terminate(); this.slots.delete(slot); }
  sweep(crashed: boolean) {
    for (const slot of [...this.slots]) {
      clearTimeout(slot.idleTimer);
      if (crashed) void slot.worker.terminate();
      this.slots.delete(slot);
    }
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          data: { because: '', type: 'Slot', container: 'this.slots', operation: '`delete()`', release: '`terminate()` on `worker`', when: '`crashed` is false' },
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`terminate()` on `worker`' },
              output: `
import { Worker } from 'node:worker_threads';
interface Slot { worker: Worker; idleTimer: NodeJS.Timeout }
export class Pool {
  private readonly slots = new Set<Slot>();
  spawn(file: string) {
    const slot: Slot = { worker: new Worker(file), idleTimer: setTimeout(() => {}, 1000) };
    this.slots.add(slot);
    return slot;
  }
  retire(slot: Slot) { clearTimeout(slot.idleTimer); void slot.worker.terminate(); this.slots.delete(slot); }
  sweep(crashed: boolean) {
    for (const slot of [...this.slots]) {
      clearTimeout(slot.idleTimer);
      if (crashed) void slot.worker.terminate();
      void slot.worker.terminate();
      clearTimeout(slot.idleTimer);
      this.slots.delete(slot);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'splice() of an interval whose result is dropped',
      code: `
const timers: NodeJS.Timeout[] = [];
export function every(fn: () => void) { timers.push(setInterval(fn, 10)); }
export function removeAt(index: number) {
  timers.splice(index, 1);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Timeout', container: 'timers', operation: '`splice()`', release: '`clearInterval()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: 'length = 0 on an array of intervals',
      code: `
const timers: NodeJS.Timeout[] = [];
export function every(fn: () => void) { timers.push(setInterval(fn, 10)); }
export function reset() {
  timers.length = 0;
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Timeout', container: 'timers', operation: '`length = 0`', release: '`clearInterval()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearInterval()`' },
              output: `
const timers: NodeJS.Timeout[] = [];
export function every(fn: () => void) { timers.push(setInterval(fn, 10)); }
export function reset() {
  for (const value of timers) clearInterval(value);
  timers.length = 0;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a reconnecting client overwrites the socket received from the server',
      code: `
import net from 'node:net';
const clients = new Map<string, net.Socket>();
export const server = net.createServer();
server.on('connection', (socket) => {
  const id = String(socket.remotePort);
  clients.set(id, socket);
});`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Socket', container: 'clients', operation: '`set()` over an existing key', release: '`destroy()`' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`destroy()`' },
              output: `
import net from 'node:net';
const clients = new Map<string, net.Socket>();
export const server = net.createServer();
server.on('connection', (socket) => {
  const id = String(socket.remotePort);
  if (clients.get(id) !== socket) clients.get(id)?.destroy();
  clients.set(id, socket);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a child process removed by a kick without kill()',
      code: `
import { spawn, type ChildProcess } from 'node:child_process';
const workers = new Map<string, ChildProcess>();
export function start(id: string) { if (!workers.has(id)) workers.set(id, spawn('node', ['worker.js'])); }
export function kick(id: string) {
  workers.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'ChildProcess', container: 'workers', operation: '`delete()`', release: '`kill()`' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`kill()`' },
              output: `
import { spawn, type ChildProcess } from 'node:child_process';
const workers = new Map<string, ChildProcess>();
export function start(id: string) { if (!workers.has(id)) workers.set(id, spawn('node', ['worker.js'])); }
export function kick(id: string) {
  workers.get(id)?.kill();
  workers.delete(id);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'deleting in a loop without stopping',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function removeAll(routes: string[]) {
  for (const route of routes) {
    meters.delete(route);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function removeAll(routes: string[]) {
  for (const route of routes) {
    meters.get(route)?.stop();
    meters.delete(route);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'deeply nested loops (past the exact two-pass depth): an unreleased delete is still reported',
      code: `${imports}
const meters = new Map<string, Meter>();
declare const lists: string[][];
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function sweep(route: string) {
  for (const v0 of lists) for (const v1 of lists) for (const v2 of lists) for (const v3 of lists) for (const v4 of lists) for (const v5 of lists) {
    meters.delete(route);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const meters = new Map<string, Meter>();
declare const lists: string[][];
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function sweep(route: string) {
  for (const v0 of lists) for (const v1 of lists) for (const v2 of lists) for (const v3 of lists) for (const v4 of lists) for (const v5 of lists) {
    meters.get(route)?.stop();
    meters.delete(route);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a private insertion method with one caller that does not check',
      code: `
import { watch, type FSWatcher } from 'node:fs';
export class Tree {
  private readonly watchers = new Map<string, FSWatcher>();
  private install(dir: string): void {
    this.watchers.set(dir, watch(dir));
  }
  add(dir: string): void {
    if (this.watchers.has(dir)) return;
    this.install(dir);
  }
  reinstall(dir: string): void {
    this.install(dir);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'FSWatcher', container: 'this.watchers', operation: '`set()` over an existing key', release: '`close()`' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `
import { watch, type FSWatcher } from 'node:fs';
export class Tree {
  private readonly watchers = new Map<string, FSWatcher>();
  private install(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.set(dir, watch(dir));
  }
  add(dir: string): void {
    if (this.watchers.has(dir)) return;
    this.install(dir);
  }
  reinstall(dir: string): void {
    this.install(dir);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a value passed only to a helper that reads it',
      code: `${imports}import { describeMeter } from './helpers.js';
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string) {
  const meter = meters.get(route);
  if (meter) console.log(describeMeter(meter));
  meters.delete(route);
}`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          data: { because: '', type: 'Meter', container: 'meters', operation: '`delete()`', release: '`stop()`', when: '`meter` is true' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}import { describeMeter } from './helpers.js';
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string) {
  const meter = meters.get(route);
  if (meter) console.log(describeMeter(meter));
  meters.get(route)?.stop();
  meters.delete(route);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a WeakMap does not stop a running meter',
      code: `${imports}
const byOwner = new WeakMap<object, Meter>();
export function attach(owner: object, route: string) { if (!byOwner.has(owner)) byOwner.set(owner, createMeter(route)); }
export function detach(owner: object) { byOwner.delete(owner); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'byOwner', operation: '`delete()`', release: '`stop()`' },
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
const byOwner = new WeakMap<object, Meter>();
export function attach(owner: object, route: string) { if (!byOwner.has(owner)) byOwner.set(owner, createMeter(route)); }
export function detach(owner: object) { byOwner.get(owner)?.stop();
byOwner.delete(owner); }`,
            },
          ],
        },
      ],
    },
    {
      name: 'a custom resource type from the options, with its own release method',
      code: `${imports}
const jobs = new Map<string, Job>();
export function run(name: string) { if (!jobs.has(name)) jobs.set(name, startJob(name)); }
export function forget(name: string) {
  jobs.delete(name);
}`,
      options: [{ resources: [{ type: { from: 'file', name: 'Job' }, release: 'halt' }] }],
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Job', container: 'jobs', operation: '`delete()`', release: '`halt()`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`halt()`' },
              output: `${imports}
const jobs = new Map<string, Job>();
export function run(name: string) { if (!jobs.has(name)) jobs.set(name, startJob(name)); }
export function forget(name: string) {
  jobs.get(name)?.halt();
  jobs.delete(name);
}`,
            },
          ],
        },
      ],
    },
  ],
});
