// stop-on-evict — releases on every path: helpers, loops, branches, finally, records, every container kind, the story.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/** From real code (pixijs, FilterEffect.ts): a destroy() that releases by index, then lets the list go. */
const releasedByIndex = (head: string): string => `import { createMeter, type Meter } from './resources.js';
export class Effect {
  private filters: Meter[] = [];
  add(route: string) { this.filters.push(createMeter(route)); }
  destroy(): void {
    for (${head}) this.filters[i]!.stop();
    this.filters = [];
  }
}
`;

/**
 * From real code (node-opcua, opcua_server.ts): the server's dispose() calls each endpoint's own
 * end-of-life method, then starts an empty list. The endpoint closes its listening server in
 * shutdown(); its dispose() only forgets its fields, and its stop() pauses it.
 */
const endpointsEnded = (method: string): string => `import net from 'node:net';
class EndPoint {
  private server: net.Server | undefined;
  listen(port: number): void { this.server = net.createServer(); this.server.listen(port); }
  shutdown(done: () => void): void { this.server?.close(() => done()); }
  dispose(): void { this.server = undefined; }
  stop(): void { console.log('paused'); }
}
export class Server {
  private endpoints: EndPoint[] = [];
  add(port: number): void { const endpoint = new EndPoint(); endpoint.listen(port); this.endpoints.push(endpoint); }
  dispose(): void {
    for (const endpoint of this.endpoints) endpoint.${method}();
    this.endpoints = [];
  }
}
`;

/**
 * From real code (azure-iot-sdk-node's AMQP transport, Azure/azure-iot-sdk-node@15dc3a38aaf4, whose
 * links end by `detach()`, here `close()`): a sender's link is handed to a private helper together
 * with a callback that deletes its entry, and a receiver wrapper's link is handed on the same way.
 * `step` is what the helper does with a link it is given.
 */
const linksDetachedBy = (step: string): string => `
declare class Link {
  close(): Promise<void>;
  send(message: unknown): Promise<void>;
}
declare function createLink(address: string): Link;
class Receiver {
  constructor(readonly link: Link) {}
}
type Done = (err?: Error) => void;
export class Links {
  private senders: { [endpoint: string]: Link } = {};
  private receivers: { [endpoint: string]: Receiver } = {};
  attach(endpoint: string): void {
    this.senders[endpoint] ??= createLink(endpoint);
    this.receivers[endpoint] ??= new Receiver(createLink(endpoint));
  }
  detachSender(endpoint: string, done: Done): void {
    this.detachLink(this.senders[endpoint], (err) => {
      delete this.senders[endpoint];
      done(err);
    });
  }
  detachReceiver(endpoint: string, done: Done): void {
    const receiver = this.receivers[endpoint];
    this.detachLink(receiver?.link, (err) => {
      delete this.receivers[endpoint];
      done(err);
    });
  }
  private detachLink(link: Link | undefined, done: Done): void {
    if (!link) {
      done();
      return;
    }
    ${step}.then(() => done(), (err: Error) => done(err));
  }
}
`;

/** From real code (pixijs's TexturePool): a pool of lists by key, each list released by index through a local before the pool is replaced. */
const poolReleasedByIndex = (head: string): string => `import { createMeter, type Meter } from './resources.js';
export class MeterPool {
  private pool: { [key: string]: Meter[] } = {};
  take(key: string): Meter { return this.pool[key]?.pop() ?? createMeter(key); }
  give(key: string, meter: Meter): void { (this.pool[key] ??= []).push(meter); }
  clear(): void {
    for (const key in this.pool) {
      const meters = this.pool[key];
      if (meters) {
        for (${head}) meters[j]!.stop();
      }
    }
    this.pool = {};
  }
}
`;

/** From real code (ldapts): pending requests whose timer field admits `null`, cleared as `clearTimeout(timer ?? undefined)`. */
const pendingTimers = (clear: string): string => `
interface Pending { timeoutTimer: NodeJS.Timeout | null; reject(error: Error): void }
export class Client {
  private readonly pending = new Map<string, Pending>();
  private fallback?: NodeJS.Timeout;
  send(id: number, ms?: number): void {
    const key = String(id);
    if (this.pending.has(key)) return;
    this.pending.set(key, { timeoutTimer: ms ? setTimeout(() => this.fail(id), ms) : null, reject: () => {} });
  }
  fail(id: number): void {
    const key = String(id);
    const details = this.pending.get(key);
    if (details) {
      ${clear}
      this.pending.delete(key);
      details.reject(new Error('failed'));
    }
  }
}
`;

const imports = `import { createMeter, createPoller, openLease, startJob, stopMeter, type Meter, type Poller, type Watcher, type Stopwatch, type Candle, type PendingRequest, type Lease, type Job } from './resources.js';`;

/** From real code (matter.js, ExchangeManager.close()): a shutdown that waits on `wait` before it empties the map. */
const awaitedPollers = (wait: string): string => `${imports}
export class Pollers {
  private readonly pollers = new Map<string, Poller>();
  add(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  async close(): Promise<void> {
    await ${wait};
    this.pollers.clear();
  }
}`;

/** A list of meters a helper of the program (`helper`, in helpers.ts) is handed before the list is emptied. */
const routesReset = (helper: string): string => `${imports}import { ${helper} } from './helpers.js';
export class Routes {
  private meters: Meter[] = [];
  add(route: string) { this.meters.push(createMeter(route)); }
  reset() {
    ${helper}(this.meters);
    this.meters = [];
  }
}`;

/**
 * From real code (ioBroker.js-controller): replies pending per id, each with its timeout, swept once
 * an hour old; `sweep` is what the sweep does with a stale entry before it deletes it.
 */
const staleReplies = (sweep: string): string => `
interface PendingReply {
  resolve: (value: unknown) => void;
  timer?: NodeJS.Timeout;
  time: number;
}
export class Messaging {
  readonly #pending = new Map<number, PendingReply>();
  track(id: number, resolve: (value: unknown) => void, timeout: number): void {
    const timer = setTimeout(() => this.#pending.delete(id), timeout);
    if (!this.#pending.has(id)) this.#pending.set(id, { resolve, timer, time: Date.now() });
    const now = Date.now();
    for (const [key, entry] of this.#pending) {
      if (now - entry.time > 3_600_000) {
        ${sweep}
        this.#pending.delete(key);
      }
    }
  }
}
`;

/**
 * From real code (platformatic-kafka): a request's timer is armed only when it expects a response,
 * and failing the queue clears exactly those; `arm` is how `send()` arms it.
 */
const queuedRequests = (arm: string): string => `
interface Request {
  id: number;
  noResponse: boolean;
  timer: NodeJS.Timeout | null;
  done(error?: Error): void;
}
export class Connection {
  private waiting: Request[] = [];
  send(id: number, noResponse: boolean, done: (error?: Error) => void) {
    const request: Request = { id, noResponse, timer: null, done };
    ${arm}
    this.waiting.push(request);
  }
  fail(error: Error) {
    for (const request of this.waiting) {
      if (!request.noResponse) {
        clearTimeout(request.timer!);
        request.done(error);
      }
    }
    this.waiting = [];
  }
}
`;

/**
 * From real code (lib-jitsi-meet, XmppConnection.ts): requests deferred while offline, each with a
 * one-shot timeout whose callback is `timeoutBody`; flushing clears the timers of those for which
 * `test` holds, then empties the list. `extra` is another member of the class.
 */
const deferredRequests = (timeoutBody: string, test = 'deferred.iq', extra = ''): string => `
interface Deferred {
  iq?: string;
  done: boolean;
  reject(error?: Error): void;
  timeout: ReturnType<typeof setTimeout>;
}
export class Connection {
  private deferred: Deferred[] = [];
  send(iq: string, ms: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const deferred: Deferred = {
        iq,
        done: false,
        reject,
        timeout: setTimeout(() => {
          ${timeoutBody}
          reject(undefined);
        }, ms),
      };
      this.deferred.push(deferred);
    });
  }
  flush(): void {
    for (const deferred of this.deferred) {
      if (${test}) {
        clearTimeout(deferred.timeout);
      }
    }
    this.deferred = [];
  }${extra}
}`;

/** From real code (vscode-go): a map's entries destructured inside the loop, each key deleted, then `after`. */
const entryLoop = (after: string, release = ''): string => `${imports}
const meters = new Map<string, Meter>();
export function track(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function stopAll() {
  for (const entry of meters) {
    const [route, meter] = entry;
    ${release}meters.delete(route);
    ${after}
  }
}`;

/** From real code (cline): keys collected while iterating, each once `collect` ran for its thread, then deleted from a second loop. */
const twoPhaseRemoval = (collect: string): string => `${imports}
export class Threads {
  private threads = new Map<string, Meter>();
  add(key: string) { if (!this.threads.has(key)) this.threads.set(key, createMeter(key)); }
  clearFor(prefix: string) {
    const keysToRemove: string[] = [];
    for (const [key, thread] of this.threads) {
      if (key.startsWith(prefix)) {
        ${collect}
      }
    }
    for (const key of keysToRemove) this.threads.delete(key);
  }
}`;

/** From real code (xterm.js): a transfer's meter, taken from the pending entry deleted on one branch, stopped after the join `when`. */
const pendingMeter = (when: string): string => `${imports}
interface Pending { label: string; meter: Meter }
export class Transfers {
  private pending = new Map<number, Pending>();
  private active: Meter | null = null;
  begin(id: number) { if (!this.pending.has(id)) this.pending.set(id, { label: 'x', meter: createMeter('t') }); }
  end(id: number, urgent: boolean): void {
    const entry = this.pending.get(id);
    let meter = this.active;
    if (entry) {
      meter = entry.meter;
      this.pending.delete(id);
    }
    this.active = null;
    if (${when}) meter.stop();
  }
}`;

/**
 * From real code (cody, web-tree-sitter): a parse tree a WebAssembly module allocated, freed only
 * by its `delete()`; `deleteSignature` is the type's own `delete`.
 */
const parseTrees = (deleteSignature: string): string => `declare class Tree { readonly rootNode: object; ${deleteSignature} }
declare function parse(text: string): Tree;
const trees = new Map<string, Tree>();
export function update(uri: string, text: string) {
  trees.set(uri, parse(text));
}
export function forget(uri: string) {
  trees.delete(uri);
}
`;

/** From real code (openlayers): an object map of tiles emptied by `clear()`, each tile released first by `loop`. */
const tileCache = (loop: string): string => `declare class Tile {
  dispose(): void;
}
export class TileCache {
  private tiles: Record<string, Tile> = {};
  add(key: string): void {
    if (!(key in this.tiles)) this.tiles[key] = new Tile();
  }
  clear(keys: string[]): void {
    ${loop}
    this.tiles = {};
  }
}
`;

/** From real code (coc.nvim, documents.ts): a reset that unloads every key through a private helper, then clears. */
const unloadEvery = (loop: string): string => `import { createMeter, type Meter } from './resources.js';
export class Documents {
  private readonly meters = new Map<number, Meter>();
  add(id: number) { if (!this.meters.has(id)) this.meters.set(id, createMeter(String(id))); }
  private unload(id: number): void {
    const meter = this.meters.get(id);
    this.meters.delete(id);
    if (meter) meter.stop();
  }
  reset(): void {
    ${loop}
    this.meters.clear();
  }
}
`;

/** From real code (lib-jitsi-meet, statistics.ts): the one meter a splice of `count` took out, stopped through the spliced list. */
const splicedFirst = (count: string): string => `import { createMeter, type Meter } from './resources.js';
export class Routes {
  private meters: Meter[] = [];
  add(route: string) { this.meters.push(createMeter(route)); }
  remove(route: string) {
    for (let i = 0; i < this.meters.length; i++) {
      if (this.meters[i]!.route === route) {
        const removed = this.meters.splice(i, ${count});
        removed[0]!.stop();
        break;
      }
    }
  }
}
`;

/**
 * From real code (vscode-cmake-tools, projectController.ts): the meters of a folder read through a
 * method of the class (`lookUp` is its body), deleted, then stopped from that reading.
 */
/** A queue and a map of running jobs, each job holding a timer: one loop over both clears every timer before both are emptied. */
const queuedAndRunning = (stopAll: string, after = ''): string => `
interface Job { id: number; timer: NodeJS.Timeout }
export class Scheduler {
  private queue: Job[] = [];
  private readonly running = new Map<number, Job>();
  add(id: number): void {
    this.queue.push({ id, timer: setTimeout(() => this.expire(id), 1000) });
  }
  start(): void {
    const job = this.queue.shift();
    if (job) this.running.set(job.id, job);
  }
  expire(id: number): void {
    const job = this.running.get(id);
    if (!job) return;
    clearTimeout(job.timer);
    this.running.delete(id);
  }
  stopAll(): void {
    ${stopAll}
    this.queue = [];
    this.running.clear();${after}
  }
}
`;

const QUEUE_ONLY = 'for (const job of [...this.queue]) clearTimeout(job.timer);';
const COPIED = 'const all = [...this.queue, ...this.running.values()];';
const SOME_COPIED = '\n    for (const job of all) if (job.id > 3) clearTimeout(job.timer);';
const BOTH_LOGGED = 'for (const job of [...this.queue, ...this.running.values()]) console.log(job.timer);';
/** The two drops of queuedAndRunning(stopAll, after), each with the loop its suggestion inserts before it. */
const JOB_DROPS = {
  queue: { line: 21, container: 'this.queue', operation: 'reassigning the container', drop: 'this.queue = [];', loop: 'for (const value of this.queue)' },
  running: { line: 22, container: 'this.running', operation: '`clear()`', drop: 'this.running.clear();', loop: 'for (const value of this.running.values())' },
};

/** The report of one drop of queuedAndRunning(stopAll, after), with its suggestion. */
const jobsDropped = (which: keyof typeof JOB_DROPS, stopAll: string, after = '') => {
  const { line, container, operation, drop, loop } = JOB_DROPS[which];
  return {
    messageId: 'unreleasedDrop' as const,
    line,
    data: { type: 'Job', container, operation, release: '`clearTimeout()` on `timer`' },
    suggestions: [
      { messageId: 'releaseBeforeDrop' as const, output: queuedAndRunning(stopAll, after).replace(drop, `${loop} clearTimeout(value.timer);\n    ${drop}`) },
    ],
  };
};
const queueReset = (stopAll: string, after = '') => jobsDropped('queue', stopAll, after);
const runningCleared = (stopAll: string, after = '') => jobsDropped('running', stopAll, after);

/** A default-exported generic class, kept in a map by its default arguments. */
const defaultExportedBeats = (forget: string): string => `export default class Heartbeat<T = unknown> {
  private readonly timer = setInterval(() => {}, 1000);
  send(value: T) { return value; }
  halt() { clearInterval(this.timer); }
}
const beats = new Map<string, Heartbeat>();
export function beat(id: string) { if (!beats.has(id)) beats.set(id, new Heartbeat()); }
export function forget(id: string) { ${forget} }`;

/** A generic class kept in a map declared with `declared` as its value type. */
const channelsOf = (declared: string, forget = 'channels.delete(id);'): string => `
export class Channel<T = unknown> {
  private readonly timer = setInterval(() => {}, 1000);
  send(value: T) { return value; }
  close() { clearInterval(this.timer); }
}
const channels = new Map<string, ${declared}>();
export function open(id: string) { if (!channels.has(id)) channels.set(id, new Channel()); }
export function forget(id: string) { ${forget} }`;

const channelForgotten = (type: string) => ({
  messageId: 'unreleasedDrop' as const,
  data: { type, container: 'channels', operation: '`delete()`', release: '`close()`' },
  line: 9,
  suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: channelsOf(type, 'channels.get(id)?.close();\nchannels.delete(id);') }],
});

const metersByFolder = (lookUp: string): string => `import { createMeter, type Meter } from './resources.js';
interface Folder { readonly name: string }
export class Controller {
  private readonly byFolder = new Map<Folder, Meter[]>();
  private current: Folder | undefined;
  add(folder: Folder): void {
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, [createMeter(folder.name)]);
    this.current = folder;
  }
  metersFor(folder: Folder | undefined): Meter[] | undefined {
    ${lookUp}
  }
  remove(folder: Folder): void {
    const meters = this.metersFor(folder);
    if (!meters) return;
    this.byFolder.delete(folder);
    for (const meter of meters) meter.stop();
  }
}
`;

/**
 * From real code (vscode-azureresourcegroups, ActivityLogBranchDataProvider.ts): finished entries of an
 * object map walked with `Object.entries(…).forEach(([id, meter]) => …)`, `release` before each delete.
 */
const doneActivities = (release: string): string => `import { createMeter, type Meter } from './resources.js';
export class Activities {
  private done = new Set<string>();
  private meters: Record<string, Meter> = {};
  add(id: string): void {
    if (!(id in this.meters)) this.meters[id] = createMeter(id);
  }
  clearDone(): void {
    Object.entries(this.meters).forEach(([id, meter]: [string, Meter]) => {
      if (this.done.has(id)) {
        ${release}delete this.meters[id];
      }
    });
  }
}
`;

/** A meter dropped on one branch and released after the branches join (`after`). */
const dropOnOneBranch = (drop: string, after: string): string => `${imports}
export class Routes {
  private meters = new Map<string, Meter>();
  add(route: string) { this.meters.get(route)?.stop(); this.meters.set(route, createMeter(route)); }
  remove(route: string, quiet: boolean) {
    const meter = this.meters.get(route);
    ${drop}
    ${after}
  }
}`;

/** From real code (vscode-go): child processes kept per id, stopped by `stop` (its body) before the delete. */
const processStop = (stop: string): string => `
import { spawn, type ChildProcess } from 'node:child_process';
const children = new Map<string, ChildProcess>();
export function start(id: string, command: string) {
  if (children.has(id)) return;
  children.set(id, spawn(command));
}
export function stop(id: string) {
  const child = children.get(id);
  ${stop}
  children.delete(id);
}`;

/** From real code (vitest's pool): a runner taken out of a shared list by `take` (its body). */
const sharedRunners = (take: string): string => `${imports}
export class Pool {
  private shared: Meter[] = [];
  add(route: string) { this.shared.push(createMeter(route)); }
  take(index: number): Meter | undefined {
    ${take}
  }
}`;

/**
 * From real code (signalk-server): an adapter's provider is stored inside a `try` whose later steps
 * may throw; the `catch` rolls back by releasing the provider it made and deleting its key, which
 * held that provider or nothing.
 */
const rolledBackProviders = (lookup: string, rollback: string): string => `
class Provider {
  private timer?: NodeJS.Timeout;
  constructor(readonly id: string) {}
  start(): void {
    this.timer = setInterval(() => undefined, 1_000);
  }
  shutdown(): void {
    clearInterval(this.timer);
  }
}
export class Providers {
  private readonly providers = new Map<string, Provider>();
  register(id: string): void {
    if (!id) throw new Error('no id');
  }
  add(id: string): void {
    ${lookup}
    let provider: Provider | undefined;
    try {
      provider = new Provider(id);
      provider.start();
      this.providers.set(id, provider);
      this.register(id);
    } catch {
      ${rollback}
      this.providers.delete(id);
    }
  }
  stop(): void {
    for (const provider of this.providers.values()) provider.shutdown();
    this.providers.clear();
  }
}
`;
const ABSENT = 'if (this.providers.has(id)) return;';
const ROLLBACK = 'if (provider) provider.shutdown();';

/**
 * From real code (signalk-server): a key reserved with a no-op placeholder before the awaits, so that
 * overlapping calls skip it, then given the real cleanup as the `try`'s last step, or removed again.
 */
const reservedTopics = (reservation: string, afterStore: string): string => `
declare function subscribe(topic: string, onMessage: (message: string) => void): () => void;
declare function ready(topic: string): Promise<void>;
export class Topics {
  private readonly unsubscribers = new Map<string, () => void>();
  private active = true;
  stop(): void {
    this.active = false;
    for (const unsubscribe of this.unsubscribers.values()) unsubscribe();
    this.unsubscribers.clear();
  }
  async follow(topic: string): Promise<void> {
    if (this.unsubscribers.has(topic)) return;
    this.unsubscribers.set(topic, ${reservation});
    try {
      await ready(topic);
      if (!this.active) {
        this.unsubscribers.delete(topic);
        return;
      }
      this.unsubscribers.set(topic, subscribe(topic, (message) => console.log(message)));${afterStore}
    } catch {
      this.unsubscribers.delete(topic);
    }
  }
}
`;

/**
 * From real code (vscode-pull-request-github): a view's listeners for the current pull request,
 * disposed through a helper that pops and disposes each one before the list is replaced.
 */
const prListeners = (helper: string): string => `
${helper}
declare function onDidChange(listener: () => void): Disposable;
export class View {
  private listeners: Disposable[] | undefined = undefined;
  register(): void {
    if (this.listeners !== undefined) {
      disposeAll(this.listeners);
    }
    this.listeners = [];
    this.listeners.push(onDidChange(() => console.log('changed')));
  }
}
`;
const drainingHelper = (each: string): string => `interface Disposable {
  dispose(): void;
}
function disposeAll(disposables: Disposable[]): void {
  while (disposables.length) {
    const item = disposables.pop();
    ${each}
  }
}`;

/**
 * From real code (vscode-docker): listeners that wait for a view to open, disposed together through
 * VS Code's `Disposable.from(...)` before the list is emptied.
 */
const viewListeners = (first: string): string => `import * as vscode from 'vscode';
declare function onDidChangeVisibility(listener: (visible: boolean) => void): vscode.Disposable;
export class RefreshManager {
  private readonly viewOpened: vscode.Disposable[] = [];
  watch(): void {
    this.viewOpened.push(
      onDidChangeVisibility((visible) => {
        if (visible) {
          ${first}
          this.viewOpened.splice(0);
        }
      }),
    );
  }
}
`;

/**
 * From real code (vscode-cmake-tools, projectController.ts): every project of every folder, listed in
 * one array by a method of the class (`[].concat(...map.values())`), each disposed before `clear()`.
 */
const listedProjects = (listing: string, reset: string): string => `import { createMeter, type Meter } from './resources.js';
export class Projects {
  private readonly byFolder = new Map<string, Meter[]>();
  add(folder: string): void {
    const meters = this.byFolder.get(folder) ?? [];
    meters.push(createMeter(folder));
    this.byFolder.set(folder, meters);
  }
  ${listing}
  reset(): void {
    ${reset}
    this.byFolder.clear();
  }
}
`;
const ALL_PROJECTS = `all(): Meter[] {
    let all: Meter[] = [];
    all = all.concat(...this.byFolder.values());
    return all;
  }`;
const FIRST_PROJECTS = `all(): Meter[] {
    return this.byFolder.values().next().value ?? [];
  }`;

/** From real code (matter.js, ServerGroupNetworking.ts): a get-or-create's value stopped, then its key deleted. */
const fabricMeters = (removal: string): string => `${imports}
export class Networking {
  readonly #byFabric = new Map<number, Meter>();
  #meterFor(index: number): Meter {
    let meter = this.#byFabric.get(index);
    if (meter === undefined) {
      meter = createMeter(String(index));
      this.#byFabric.set(index, meter);
    }
    return meter;
  }
  added(index: number): void { this.#meterFor(index); }
  removed(index: number): void {
    ${removal}
    this.#byFabric.delete(index);
  }
}`;

/** From real code (elm-language-server): values of a union of many classes, named in a message that stays one line. */
const manyParts = (valueType: string): string => `
class A { private t = setInterval(() => undefined, 1); stop(): void { clearInterval(this.t); } }
class B { private t = setInterval(() => undefined, 1); stop(): void { clearInterval(this.t); } }
class C { private t = setInterval(() => undefined, 1); stop(): void { clearInterval(this.t); } }
class D { private t = setInterval(() => undefined, 1); stop(): void { clearInterval(this.t); } }
type Part = A | B | C | D;
export class Parts {
  private readonly parts = new Map<string, ${valueType}>();
  add(k: string): void { this.parts.set(k, new A()); }
  drop(k: string): void { this.parts.delete(k); }
}
`;

/**
 * From real code (coc.nvim, model/document.ts and core/documents.ts): documents that attach (and
 * set their own flag) only when they get lines, and whose detach() sets it back; `extra` adds
 * members to the document, `drop` is the body that takes one out of the map.
 */
const attachedDocuments = (extra: string, drop: string): string => `import { createMeter, type Meter } from './resources.js';
export class Document {
  private _attached = false;
  private _disposed = false;
  private meter: Meter | undefined;
  constructor(readonly bufnr: number, lines?: string[]) {
    if (lines) {
      this._attached = true;
      this.attach();
    }
  }
  get attached(): boolean { return this._attached; }
  get detached(): boolean { return this._disposed; }
  private attach(): void { this.meter = createMeter('document'); }
  detach(): void {
    if (this._disposed) return;
    this._disposed = true;
    this._attached = false;
    this.meter?.stop();
  }${extra}
}
export class Documents {
  private readonly buffers = new Map<number, Document>();
  create(bufnr: number, lines?: string[]) {
    this.buffers.get(bufnr)?.detach();
    this.buffers.set(bufnr, new Document(bufnr, lines));
  }
  detachBuffer(bufnr: number): void {
${drop}
  }
}`;

/**
 * From real code (yaml-language-server, validationHandlers.ts): a pending validation timer per
 * document, cleaned by a private helper that is handed the document and clears `pending[doc.<key>]`.
 */
const pendingValidations = (key: string): string => `interface Doc { readonly uri: string; readonly path: string }
class Settings {
  readonly pending: { [uri: string]: NodeJS.Timeout } = {};
}
export class Validator {
  constructor(private readonly settings: Settings) {}
  validate(doc: Doc): void {
    this.clean(doc);
    this.settings.pending[doc.uri] = setTimeout(() => {
      delete this.settings.pending[doc.uri];
    }, 200);
  }
  private clean(doc: Doc): void {
    const request = this.settings.pending[doc.${key}];
    if (request) {
      clearTimeout(request);
      delete this.settings.pending[doc.${key}];
    }
  }
}`;

/**
 * From real code (moleculer, transit.js): pending request streams kept with the node that sends
 * them, swept per node by a forEach whose callback destructures the entry; `settle` runs first.
 */
const pendingStreams = (settle: string, members = ''): string => `import { PassThrough } from 'node:stream';
export class Transit {
  private readonly pending = new Map<string, { sender: string; stream: PassThrough }>();
  open(id: string, sender: string): PassThrough {
    const stream = new PassThrough();
    this.pending.get(id)?.stream.destroy();
    this.pending.set(id, { sender, stream });
    return stream;
  }
  dropNode(nodeID: string): void {
    this.pending.forEach(({ sender, stream }, id) => {
      if (sender === nodeID) {
${settle}
        this.pending.delete(id);
      }
    });
  }
${members}}`;

/** From real code (pixijs, BlendModePipe.ts): an effect made for a mode, whose list of filters is set right after (`initial` on the class). */
const effectPerMode = (initial: string): string => `${imports}
class Effect {
  meters: Meter[]${initial};
  destroy(): void { for (const meter of this.meters) meter.stop(); }
}
export class Pipe {
  private effects: Record<string, Effect> = {};
  effectFor(mode: string): Effect {
    let effect = this.effects[mode];
    if (!effect) {
      effect = this.effects[mode] = new Effect();
      effect.meters = [createMeter(mode)];
    }
    return effect;
  }
  destroy(): void { for (const mode in this.effects) this.effects[mode]!.destroy(); }
}`;

/** From real code (moleculer, transit.js): a public remover the class calls once the caller has `settle`d the entry; `extra` may call it from elsewhere. */
const finishedRequests = (settle: string, extra = ''): string => `${imports}
export class Requests {
  private readonly meters = new Map<string, Meter>();
  open(id: string) { this.meters.set(id, createMeter(id)); }
  finish(id: string) {
${settle}
    this.forget(id);
  }
  forget(id: string): void {
    this.meters.delete(id);
  }
}${extra}`;

/** From real code (vitest, core.ts): a start-up that runs `before`, then a method that replaces the list of meters. */
const attachedMeters = (before: string): string => `${imports}
export class Core {
  private meters: Meter[] = [];
  async start(routes: string[]): Promise<void> {
${before}
    await this.attach(routes);
  }
  reset(): void {
    for (const meter of this.meters) meter.stop();
    this.meters = [];
  }
  async attach(routes: string[]): Promise<void> {
    this.meters = await Promise.all(routes.map(async (route) => createMeter(route)));
  }
  close(): void { this.reset(); }
}`;

/** A method of Transit handed one stream: it destroys it unless it is already destroyed. */
const destroyIfAlive = `  private destroyIfAlive(stream: PassThrough, reason: string): void {
    if (!stream.destroyed) stream.destroy(new Error(reason));
  }
`;

/** graphql-ws's operations: a live generator or a replayed iterable per id, told apart by a type guard of the program before `ending`. */
const guardedOperations = (ending: string): string => `
declare function results(query: string): AsyncGenerator<string>;
declare function replay(query: string): AsyncIterable<string>;
function isGenerator(value: unknown): value is AsyncGenerator<string> {
  return typeof (value as { return?: unknown } | null)?.return === 'function';
}
const operations: Record<string, AsyncGenerator<string> | AsyncIterable<string> | null> = {};
export function subscribe(id: string, query: string, live: boolean) { if (!(id in operations)) operations[id] = live ? results(query) : replay(query); }
export async function complete(id: string) {
  const operation = operations[id];
  delete operations[id];
  ${ending}
}`;

/** graphql-ws's operations by id: an async generator made per subscription, and a `complete` given `ending` before its delete. */
const generatorsById = (ending: string): string => `
declare function results(query: string): AsyncGenerator<string>;
const subscriptions: Record<string, AsyncGenerator<string>> = {};
export function subscribe(id: string, query: string) { if (!(id in subscriptions)) subscriptions[id] = results(query); }
export async function complete(id: string) {
  const subscription = subscriptions[id];
  delete subscriptions[id];
  ${ending}
}`;

/** Pollers kept by id and shut down in one `try` per entry before `clear()`: `steps` is the try block, `more` more members. */
function shutdownEachThenClear(steps: readonly string[], more = ''): string {
  return `${imports}
declare function unRegister(id: string): void;
export class Providers {
  readonly #pollers = new Map<string, Poller>();
  open(id: string, url: string) { if (!this.#pollers.has(id)) this.#pollers.set(id, createPoller(url)); }
  shutdownAll() {
    for (const [id, poller] of this.#pollers) {
      try {
        ${steps.join('\n        ')}
      } catch (e) {
        console.log('shutdown failed', id, e);
      }
    }
    this.#pollers.clear();
  }${more}
}`;
}

/** discord.js's Collection (a Map subclass) of queues per guild; \`deleteQueue\` runs \`release\` before its delete. */
const collectionQueues = (release: string): string => `
declare class Collection<K, V> extends Map<K, V> {
  find(fn: (value: V) => boolean): V | undefined;
}
class Queue {
  private readonly heartbeat = setInterval(() => {}, 5000);
  destroy(): void {
    clearInterval(this.heartbeat);
  }
}
export class Player {
  readonly queues = new Collection<string, Queue>();
  createQueue(guildId: string): Queue {
    const queue = new Queue();
    this.queues.set(guildId, queue);
    return queue;
  }
  deleteQueue(guildId: string): void {
    ${release}this.queues.delete(guildId);
  }
}`;

/** Pending requests whose \`resolve\` clears the record's timer, and whose \`reject\` is \`reject\`; \`fail\` runs \`release\` before its delete. */
const wrappedRequests = (reject: string, release = ''): string => `${imports}
const pending = new Map<number, PendingRequest>();
let nextId = 0;
export function request(): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('timed out'));
    }, 1000);
    pending.set(id, {
      resolve: (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      reject: ${reject},
      timer,
    });
  });
}
export function answer(id: number, value: unknown) {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  entry.resolve(value);
}
export function fail(id: number, error: Error) {
  const entry = pending.get(id);
  if (!entry) return;
  ${release}pending.delete(id);
  entry.reject(error);
}`;

/**
 * ldapts's client (post-fix): a request's settle functions end a promise continued by
 * \`continuation\`; \`answer\` runs \`release\` before its delete; \`afterStore\` runs after the store.
 */
const settledRequests = (continuation: string, release = '', afterStore = ''): string => `${imports}
const pending = new Map<number, PendingRequest>();
let nextId = 0;
export function request(): Promise<unknown> {
  const id = nextId++;
  const timer = setTimeout(() => {
    pending.delete(id);
    fail(new Error('timed out'));
  }, 1000);
  let settle: (value: unknown) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise((resolve, reject) => {
    settle = resolve;
    fail = reject;
  }).${continuation};
  pending.set(id, { resolve: settle, reject: fail, timer });
  ${afterStore}return done;
}
export function answer(id: number, value: unknown) {
  const entry = pending.get(id);
  if (!entry) return;
  ${release}pending.delete(id);
  entry.resolve(value);
}${afterStore && '\ndeclare function send(id: number, sent: () => void): void;'}`;

/** lavalink-client's nodes, each stored under its own id; \`deleteNode\` runs \`release\` before deleting by \`target.id\`. */
const nodesById = (release: string): string => `
class LavalinkNode {
  readonly id = Math.random().toString(36);
  private readonly heartbeat = setInterval(() => {}, 30_000);
  destroy(): void {
    clearInterval(this.heartbeat);
  }
}
export class NodeManager {
  readonly nodes = new Map<string, LavalinkNode>();
  createNode(): LavalinkNode {
    const node = new LavalinkNode();
    this.nodes.set(node.id, node);
    return node;
  }
  deleteNode(node: string | LavalinkNode): void {
    const target = typeof node === 'string' ? this.nodes.get(node) : node;
    if (!target) throw new Error('Node was not found');
    ${release}this.nodes.delete(target.id);
  }
}`;

/**
 * node-opcua's server engine: sessions kept under their token's text, looked up through a getter
 * that falls back to closed sessions; \`closeSession\` runs \`release\` after its delete.
 */
const sessionsByToken = (release: string): string => `
class ServerSession {
  private readonly watchdog = setInterval(() => {}, 1000);
  dispose(): void {
    clearInterval(this.watchdog);
  }
}
interface NodeId { toString(): string }
export class ServerEngine {
  private readonly sessions: Record<string, ServerSession> = {};
  private readonly closedSessions: Record<string, ServerSession> = {};
  createSession(token: NodeId): void {
    if (!this.sessions[token.toString()]) this.sessions[token.toString()] = new ServerSession();
  }
  getSession(token: NodeId, activeOnly?: boolean): ServerSession | null {
    if (!token) return null;
    const key = token.toString();
    let session = this.sessions[key];
    if (!activeOnly && !session) session = this.closedSessions[key];
    return session;
  }
  closeSession(token: NodeId): void {
    const session = this.getSession(token);
    if (!session) throw new Error('no such session');
    delete this.sessions[token.toString()];
    ${release}
  }
}`;

const capturedTimer = (afterStore: string): string => `
interface Pending { resolve: () => void; timer: NodeJS.Timeout }
const pending = new Map<number, Pending>();
let seq = 0;
export function call(run: () => Promise<void>): Promise<void> {
  const id = ++seq;
  return new Promise<void>((resolve, reject) => {
    let timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('timed out'));
    }, 1000);
    pending.set(id, { resolve, timer });${afterStore}
    void run().then(() => {
      clearTimeout(timer);
      pending.delete(id);
      resolve();
    });
  });
}`;

const pendingListeners = (released: string): string => `
interface Disposable { dispose(): void }
declare function listen(): Disposable;
export function disposeAll(disposables: Disposable[]): void {
  while (disposables.length) {
    const item = disposables.pop();
    item?.dispose();
  }
}
export class OpenFeature {
  private listeners: Disposable[] | undefined;
  private others: Disposable[] | undefined;
  start() {
    this.listeners = [listen()];
    this.others = [listen()];
  }
  dispose(): void {
    disposeAll(${released} ?? []);
    this.listeners = undefined;
  }
}`;

const staleClients = (tried: string): string => `
interface Client { close(): Promise<void>; ping(): Promise<void> }
declare function connect(name: string): Client;
export class Clients {
  private readonly clients = new Map<string, Client>();
  open(key: string) {
    if (!this.clients.has(key)) this.clients.set(key, connect(key));
  }
  async discard(key: string): Promise<void> {
    try {
      await this.${tried}(key);
    } catch {
      this.clients.delete(key);
    }
  }
  async closeClient(key: string): Promise<void> {
    const client = this.clients.get(key);
    if (!client) return;
    await client.close();
    this.clients.delete(key);
  }
  async pingClient(key: string): Promise<void> {
    await this.clients.get(key)?.ping();
  }
}`;

const serversClosedAfter = (shutdown: string): string => `
import { createServer, type Server } from 'node:net';
export class Servers {
  private readonly servers = new Set<Server>();
  private readonly main = createServer();
  open() { this.servers.add(createServer()); }
  closeOne(server: Server): void {
    server.close(() => this.servers.delete(server));
  }
  shutdown(): void {
    this.main.close(() => {
      ${shutdown}
    });
  }
}`;

/**
 * From real code (xterm.js, Buffer.clearMarkers): markers removed by index in a loop that steps back
 * in the splice itself (\`splice(i--, 1)\`); \`release\` runs before the splice.
 */
const markersByLine = (release: string): string => `${imports}
export class Markers {
  readonly markers: Meter[] = [];
  add(route: string): void {
    this.markers.push(createMeter(route));
  }
  clearLine(route: string): void {
    for (let i = 0; i < this.markers.length; i++) {
      if (this.markers[i].route === route) {
        ${release}this.markers.splice(i--, 1);
      }
    }
  }
}`;

/**
 * From real code (streamr's DHT router): sessions kept under their own id; `finish` runs `before`
 * and then hands the session's id to the private removal.
 */
const routingSessions = (before: string): string => `import { createMeter, type Meter } from './resources.js';
class Session {
  constructor(readonly id: string, readonly meter: Meter) {}
  stop(): void {
    this.meter.stop();
  }
}
export class Router {
  private readonly sessions = new Map<string, Session>();
  start(id: string): Session {
    const session = new Session(id, createMeter(id));
    this.sessions.set(session.id, session);
    return session;
  }
  finish(session: Session): void {
${before}    this.removeSession(session.id);
  }
  private removeSession(id: string): void {
    this.sessions.delete(id);
  }
}
`;

/**
 * From real code (api-platform/admin, mercure.ts): a subscription per topic, a placeholder until the
 * hub is known and then opened; `pause` is what else the file does with the flag.
 */
const hubSubscriptions = (pause = ''): string => `
interface Subscription {
  subscribed: boolean;
  topic: string;
  source?: EventSource;
}
declare class EventSource {
  constructor(url: string);
  close(): void;
}
let hub: string | null = null;
const subscriptions: Record<string, Subscription> = {};
function open(topic: string): Subscription {
  if (hub === null) return { subscribed: false, topic };
  return { subscribed: true, topic, source: new EventSource(hub + topic) };
}
export function subscribe(topic: string): void {
  if (subscriptions[topic] === undefined) subscriptions[topic] = open(topic);
}
export function onHubDiscovered(url: string): void {
  hub = url;
  for (const key in subscriptions) {
    const sub = subscriptions[key];
    if (sub && !sub.subscribed) subscriptions[key] = open(sub.topic);
  }
}
export function unsubscribe(topic: string): void {
  subscriptions[topic]?.source?.close();
  delete subscriptions[topic];
}${pause}
`;
/**
 * From real code (api-platform/admin, mercure.ts after d55e3d30b222): every open subscription is made
 * with its source and the listener on it together, and unsubscribe() closes the source only where
 * `guard` holds before deleting the record.
 */
const listenedSources = (guard: string): string => `
interface Subscription {
  count: number;
  topic: string;
  source?: EventSource;
  listener?: (event: MessageEvent) => void;
}
const subscriptions: Record<string, Subscription> = {};
export function subscribe(topic: string, hub: string): void {
  const source = new EventSource(hub + topic);
  const listener = (event: MessageEvent) => console.log(event.data);
  source.addEventListener('message', listener);
  subscriptions[topic] = { count: 1, topic, source, listener };
}
export function unsubscribe(topic: string): void {
  const sub = subscriptions[topic];
  if (sub === undefined || --sub.count > 0) return;
  if (${guard}) {
    sub.source.removeEventListener('message', sub.listener);
    sub.source.close();
  }
  delete subscriptions[topic];
}
`;

const PAUSED = '\nexport function pause(topic: string): void {\n  const sub = subscriptions[topic];\n  if (sub) sub.subscribed = false;\n}';

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'loops: the spread of a queue and a map copied to a local, both emptied, then every copied timer cleared',
      code: queuedAndRunning(COPIED, '\n    for (const job of all) clearTimeout(job.timer);'),
    },
    {
      name: 'loops: the spread of a queue and a map copied to a local whose loop clears every timer before both are emptied',
      code: queuedAndRunning(`${COPIED}\n    all.forEach((job) => clearTimeout(job.timer));`),
    },
    {
      name: 'loops: one loop over the spread of a queue and a map clears the timer of every job of both before both are emptied',
      code: queuedAndRunning('for (const job of [...this.queue, ...this.running.values()]) clearTimeout(job.timer);'),
    },
    {
      name: "loops: forEach over the spread of a queue and a map clears every job's timer before both are emptied",
      code: queuedAndRunning('[...this.queue, ...this.running.values()].forEach((job) => clearTimeout(job.timer));'),
    },
    {
      name: 'from real code (api-platform/admin): a placeholder made with `subscribed: false` never holds the source only records made with `subscribed: true` hold, and nothing assigns the flag: replacing it owes nothing',
      code: hubSubscriptions(),
    },
    {
      name: 'from real code (api-platform/admin, after d55e3d30b222): the source is closed wherever it and the listener made with it are there; where the listener is not, neither is the source',
      code: listenedSources('sub.source && sub.listener'),
    },
    {
      name: 'a session stopped by the only caller, which then hands its own id to the removal (every session is stored under its id)',
      code: routingSessions('    session.stop();\n'),
    },
    {
      name: 'from real code (xterm.js): the element at an index released, then spliced out with the step back in the splice (splice(i--, 1))',
      code: markersByLine('this.markers[i].stop();\n        '),
    },
    {
      name: "a server deleted in its own close()'s completion callback, and the rest closed before another server's close completes",
      code: serversClosedAfter('for (const server of this.servers) server.close();\n      this.servers.clear();'),
    },
    {
      name: 'from real code (cherry-studio): a delete in the catch of a try whose one step is a helper of the class that closes the value at the key: the release was tried',
      code: staleClients('closeClient'),
    },
    {
      name: "from real code (coc.nvim): a release helper given the list or an empty one in its place (disposeAll(this.listeners ?? [])) releases the list's values",
      code: pendingListeners('this.listeners'),
    },
    {
      name: "from real code (coc.nvim): a callback clears the timer it captured, the one its outer function stored as the record's field, then deletes the record",
      code: capturedTimer(''),
    },
    {
      name: 'from real code (matter.js): what a get-or-create returns for a key is the value there: stopping it releases the entry deleted next',
      code: fabricMeters('this.#meterFor(index).stop();'),
    },
    ...[
      [ALL_PROJECTS, 'this.all().forEach((meter) => meter.stop());'],
      [ALL_PROJECTS, 'for (const meter of this.all()) meter.stop();'],
      ['', '([] as Meter[]).concat(...this.byFolder.values()).forEach((meter) => meter.stop());'],
      ['', '[...this.byFolder.values()].flat().forEach((meter) => meter.stop());'],
    ].map(([listing, reset]) => ({
      name: `from real code (vscode-cmake-tools): every value listed in one array (${reset!.slice(0, 40)}…), each stopped, before clear()`,
      code: listedProjects(listing!, reset!),
    })),
    {
      name: 'releases: every element combined into one value by a call given the spread list, released whole before the list is emptied',
      code: viewListeners('vscode.Disposable.from(...this.viewOpened).dispose();'),
    },
    {
      name: 'helpers: a helper of the module that pops every element and disposes it releases the list',
      code: prListeners(drainingHelper('item?.dispose();')),
    },
    {
      name: 'helpers: the same draining helper imported from another module',
      code: prListeners("import { disposeAll, type Disposable } from './shared/lifecycle.js';"),
    },
    {
      name: 'every path: a key reserved with a no-op placeholder, replaced by the real cleanup as the last step of the try, or removed',
      code: reservedTopics('() => {}', ''),
    },
    ...[ROLLBACK, 'try {\n        provider?.shutdown();\n      } catch {\n        // already stopped\n      }'].map((rollback) => ({
      name: `every path: a catch that releases the value its try stored under a key found empty, then deletes the key: \`${rollback.split('\n')[0]}\``,
      code: rolledBackProviders(ABSENT, rollback),
    })),
    {
      name: 'from real code (ioBroker.js-controller): a sweep of stale entries that clears each timer before the delete',
      code: staleReplies('clearTimeout(entry.timer);'),
    },
    {
      name: 'from real code (platformatic-kafka): a timer armed only under a flag, cleared under the same flag before the list is emptied',
      code: queuedRequests('if (!request.noResponse) request.timer = setTimeout(() => request.done(new Error("timed out")), 1000);'),
    },
    ...[
      ['empties the flag it was made with', 'deferred.iq = undefined;', 'deferred.iq'],
      ['sets a done flag', 'deferred.done = true;', '!deferred.done'],
    ].map(([how, body, test]) => ({
      name: `from real code (lib-jitsi-meet): a timer whose own callback ${how} is cleared only where the flag says it has not fired`,
      code: deferredRequests(body!, test),
    })),
    {
      name: 'handed on: the one value a single-element splice takes out (`splice(i, 1)[0]`), returned or released',
      code: sharedRunners('const runner = this.shared.splice(index, 1)[0];\n    return runner;'),
    },
    {
      name: 'released: the one value of `splice(i, 1)[0]` stopped where it is taken out',
      code: sharedRunners('this.shared.splice(index, 1)[0]?.stop();\n    return undefined;'),
    },
    {
      name: 'releases: a process killed by its id (`process.kill(child.pid)`); without an id it never started',
      code: processStop('if (child?.pid) process.kill(child.pid);'),
    },
    {
      name: 'releases: a tree-kill helper given every process, which skips only those never started or already exited',
      code: `
import { spawn, type ChildProcess } from 'node:child_process';
declare function treeKill(pid: number, callback?: (error?: Error) => void): void;
export function killProcessTree(p: ChildProcess): Promise<void> {
  if (!p || !p.pid || p.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    treeKill(p.pid!, () => resolve());
  });
}
const running = new Set<ChildProcess>();
export function run(command: string) {
  running.add(spawn(command));
}
export function killAll() {
  running.forEach((proc) => killProcessTree(proc));
  running.clear();
}`,
    },
    {
      name: 'helpers: a method of an object the module names that clears a module container counts, though it is called on that object',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
const registry = {
  reset() {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  },
};
export function arm(key: string) { if (!timers.has(key)) timers.set(key, setTimeout(() => {}, 1000)); }
export function restart(key: string) {
  registry.reset();
  timers.delete(key);
}
`,
    },
    {
      name: 'guarded release: close() inside a try whose catch swallows the error, then delete',
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  const socket = sockets.get(id);
  try {
    socket?.destroy();
  } catch {
    // already gone
  }
  sockets.delete(id);
}`,
    },
    {
      name: 'guarded release: each close() of a loop tried with its rejection caught, then clear()',
      code: `${imports}
export class Pollers {
  readonly #pollers = new Set<Poller>();
  open(url: string) { this.#pollers.add(createPoller(url)); }
  close() {
    for (const poller of this.#pollers) {
      try {
        void poller.close().catch(() => undefined);
      } catch {
        // already closed
      }
    }
    this.#pollers.clear();
  }
}`,
    },
    {
      // graphql-ws src/server.ts (Complete): the guard's false side holds an iterable with nothing to end.
      name: 'generators: a type guard naming the generator member of a mixed list leaves nothing owed on its false side',
      code: guardedOperations('if (isGenerator(operation)) await operation.return(undefined);'),
    },
    {
      // graphql-ws src/server.ts (Complete): the generator taken out is ended with return(), which its dispose would run.
      name: 'generators: an async generator deleted and then ended with return() is released',
      code: generatorsById('if (subscription) await subscription.return(undefined);'),
    },
    {
      // signalk-server src/api/ble/index.ts (shutdownLocalProviders): bookkeeping, then the release, in one try per entry.
      name: 'guarded release: a try that unregisters the key, then shuts the value down, attempted its release before clear()',
      code: shutdownEachThenClear(
        ['unRegister(id);', 'void poller.close();', "console.log('shut down', id);"],
        `
  remove(id: string) {
    const poller = this.#pollers.get(id);
    this.#pollers.delete(id);
    try {
      unRegister(id);
      void poller?.close();
    } catch (e) {
      console.log('shutdown failed', id, e);
    }
  }`,
      ),
    },
    {
      name: 'guarded release: a closeQuietly() helper that wraps destroy() in try/catch',
      code: `
import net from 'node:net';
function closeQuietly(socket: net.Socket | undefined): void {
  try {
    socket?.destroy();
  } catch {
    // best effort
  }
}
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  closeQuietly(sockets.get(id));
  sockets.delete(id);
}`,
    },
    {
      name: 'families: a call terminated before its delete',
      code: `
class Call {
  private readonly keepAlive = setInterval(() => this.ping(), 5000);
  ping() {}
  answer() {}
  terminate() { clearInterval(this.keepAlive); }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function hangUp(id: string) { calls.get(id)?.terminate(); calls.delete(id); }`,
    },
    {
      name: 'release families: quit() of a client whose conventional release is disconnect(), before the delete',
      code: `declare class RedisClient { disconnect(): void; quit(): Promise<'OK'>; get(key: string): Promise<string | null> }
declare function connect(url: string): RedisClient;
const clients = new Map<string, RedisClient>();
export function open(url: string) { if (!clients.has(url)) clients.set(url, connect(url)); }
export async function close(url: string) { await clients.get(url)?.quit(); clients.delete(url); }
`,
    },
    {
      // melonJS's audio (history: melonjs-audio-unload-howl): howler's unload() frees what stop() leaves.
      name: 'release families: unload() of a sound whose conventional release is stop(), before the delete',
      code: `declare class Howl { constructor(options: { src: string[] }); play(): number; stop(): Howl; unload(): void }
const sounds: Record<string, Howl> = {};
export function load(id: string, src: string) { sounds[id] ??= new Howl({ src: [src] }); }
export function unload(id: string) { sounds[id]?.unload(); delete sounds[id]; }
`,
    },
    {
      name: "from real code (node-opcua): each value's public dispose() called before the list is replaced, though shutdown() is the method that closes its server",
      code: endpointsEnded('dispose'),
    },
    {
      name: "from real code (azure-iot-sdk-node): a link (or a wrapper's link) handed to a helper that closes it on every path, with a callback deleting its entry",
      code: linksDetachedBy('link.close()'),
    },
    {
      name: 'release families: a release that takes an argument, hangup(reason), before the delete',
      code: `class Call {
  private readonly ring = setInterval(() => {}, 1000);
  hangup(reason: string): void { clearInterval(this.ring); console.log(reason); }
  answer(): void {}
}
const calls = new Map<string, Call>();
export function dial(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function end(id: string, reason: string) { calls.get(id)?.hangup(reason); calls.delete(id); }
`,
    },
    {
      // mediasoup: a Router closing calls routerClosed() on each of its transports, which drops the
      // transport's channel listeners as its own close() would.
      name: 'release families: a parent-initiated routerClosed() on every child before clear()',
      code: `import { EventEmitter } from 'node:events';
class Transport {
  private readonly onMessage = (): void => {};
  constructor(readonly id: string, private readonly channel: EventEmitter) { channel.on(id, this.onMessage); }
  close(): void { this.channel.off(this.id, this.onMessage); }
  routerClosed(): void { this.channel.removeAllListeners(this.id); }
}
export class Router {
  private readonly transports = new Map<string, Transport>();
  constructor(private readonly channel: EventEmitter) {}
  create(id: string) { if (!this.transports.has(id)) this.transports.set(id, new Transport(id, this.channel)); }
  close() { for (const transport of this.transports.values()) transport.routerClosed(); this.transports.clear(); }
}
`,
    },
    {
      name: 'records: a pending request settled with its timer cleared, callback close called too',
      code: `
interface Pending { resolve: (v: string) => void; close: () => void; timer: NodeJS.Timeout }
const pending = new Map<number, Pending>();
let next = 0;
export function request(resolve: (v: string) => void) {
  const id = next++;
  pending.set(id, { resolve, close: () => console.log('closed', id), timer: setTimeout(() => pending.delete(id), 5000) });
}
export function settle(id: number, value: string) {
  const entry = pending.get(id);
  if (entry) clearTimeout(entry.timer);
  entry?.close();
  entry?.resolve(value);
  pending.delete(id);
}`,
    },
    {
      name: 'a private reset() that destroys every child and starts an empty list, called before the list is rebuilt',
      code: `
import net from 'node:net';
export class Balancer {
  private children: net.Socket[] = [];
  private reset() {
    for (const child of this.children) {
      child.destroy();
    }
    this.children = [];
  }
  update(ports: number[]) {
    this.reset();
    this.children = ports.map((port) => net.createConnection(port));
  }
}
`,
    },
    {
      name: 'a list of tree nodes of several classes is reset after disposing those that can be',
      code: `
interface Disposable {
  dispose(): any;
}
declare function watch(path: string, listener: () => void): Disposable;
class MessageNode {
  constructor(readonly text: string) {}
}
class RepositoryNode implements Disposable {
  private readonly watcher = watch(this.path, () => {});
  constructor(readonly path: string) {}
  dispose(): any {
    this.watcher.dispose();
  }
}
export class WorkspaceNode {
  private children: (MessageNode | RepositoryNode)[] | undefined;
  load(paths: string[]) {
    this.children ??= [];
    if (paths.length === 0) this.children.push(new MessageNode('No repositories'));
    for (const path of paths) this.children.push(new RepositoryNode(path));
  }
  refresh(): void {
    if (this.children?.length) {
      for (const child of this.children) {
        if ('dispose' in child) child.dispose();
      }
    }
    this.children = undefined;
  }
}`,
    },
    {
      name: 'a list reset to undefined in the constructor drops nothing',
      code: `
import net from 'node:net';
export class Pool {
  private sockets?: net.Socket[];
  constructor() {
    this.sockets = undefined;
  }
  add(port: number) {
    (this.sockets ??= []).push(net.createConnection(port));
  }
  close() {
    for (const socket of this.sockets ?? []) socket.destroy();
    this.sockets = undefined;
  }
}`,
    },
    {
      name: 'a store class that implements Map drops a session after destroy()',
      code: `
import net from 'node:net';
declare class ObservableMap<K, V> implements Map<K, V> {
  readonly size: number;
  readonly [Symbol.toStringTag]: string;
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
  clear(): void;
  forEach(fn: (value: V, key: K, map: Map<K, V>) => void): void;
  entries(): MapIterator<[K, V]>;
  keys(): MapIterator<K>;
  values(): MapIterator<V>;
  [Symbol.iterator](): MapIterator<[K, V]>;
}
const sockets = new ObservableMap<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function forget(id: string) {
  sockets.get(id)?.destroy();
  sockets.delete(id);
}`,
    },
    {
      name: 'a callback deletes the key its outer function stored a socket under, and destroys that captured socket',
      code: `
import net from 'node:net';
export class Pool {
  private readonly sockets = new Map<string, net.Socket>();
  open(hosts: string[]) {
    for (const host of hosts) {
      if (this.sockets.has(host)) continue;
      const socket = net.createConnection(80, host);
      this.sockets.set(host, socket);
      socket.once('error', () => {
        this.sockets.delete(host);
        socket.destroy();
      });
    }
  }
}`,
    },
    {
      name: 'streams: a PassThrough ended after it is unpiped',
      code: `import { PassThrough } from 'node:stream';
declare class Mux { unpipeFrom(stream: PassThrough): void; pipeFrom(stream: PassThrough): void }
export class Conn {
  private readonly slots = new Map<number, PassThrough>();
  constructor(private readonly mux: Mux) {}
  open(id: number) { if (this.slots.has(id)) return; const buffer = new PassThrough(); this.mux.pipeFrom(buffer); this.slots.set(id, buffer); }
  fixed(id: number) { const buffer = this.slots.get(id); if (buffer) { this.mux.unpipeFrom(buffer); buffer.end(); } this.slots.delete(id); }
}
`,
    },
    {
      name: 'names: cancel() alone proves nothing (a lock rejecting its waiters)',
      code: `declare class Mutex { acquire(): Promise<() => void>; isLocked(): boolean; cancel(): void }
const locks = new Map<string, Mutex>();
declare function makeMutex(): Mutex;
export function lockFor(key: string) { let m = locks.get(key); if (!m) { m = makeMutex(); locks.set(key, m); } return m; }
export function forget(key: string) { locks.delete(key); }
`,
    },
    ...['delete(key: string): void;', 'delete(): boolean;', 'delete(): Promise<void>;'].map((signature) => ({
      name: `names: a \`${signature}\` removes data, it frees nothing`,
      code: parseTrees(signature),
    })),
    {
      name: 'records: function-valued fields named close or cancel are callbacks, not releases',
      code: `interface Pending { resolve(value: string): void; close: () => void; cancel: () => void }
declare function track(id: string): Pending;
const pending = new Map<string, Pending>();
export function wait(id: string) { if (!pending.has(id)) pending.set(id, track(id)); }
export function settle(id: string, value: string) { pending.get(id)?.resolve(value); pending.delete(id); }
`,
    },
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
    ...[
      ['if (meter) this.meters.delete(route);', 'meter?.stop();'],
      ['if (!quiet) {\n      this.meters.delete(route);\n    }', 'meter?.stop();'],
      ['if (meter) this.meters.delete(route);', 'if (meter) stopMeter(meter);'],
    ].map(([drop, after]) => ({
      name: `stopped through a local alias after a drop made on one branch only: \`${drop!.split('\n')[0]} … ${after}\``,
      code: dropOnOneBranch(drop!, after!),
    })),
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
      name: 'from real code (xterm.js): a helper that tells an array from one value by Array.isArray() stops every meter of the list, and a single meter',
      code: `${imports}import { stopEvery } from './helpers.js';
export class Routes {
  private meters: Meter[] = [];
  private byRoute = new Map<string, Meter>();
  add(route: string) { this.meters.push(createMeter(route)); }
  track(route: string) { if (!this.byRoute.has(route)) this.byRoute.set(route, createMeter(route)); }
  reset() {
    stopEvery(this.meters);
    this.meters = [];
  }
  forget(route: string) {
    const meter = this.byRoute.get(route);
    if (meter) stopEvery(meter);
    this.byRoute.delete(route);
  }
}`,
    },
    {
      name: "from real code (xterm.js): a let given the deleted entry's meter on one branch is stopped after the join",
      code: pendingMeter('meter'),
    },
    {
      name: 'from real code (cline): keys pushed once their thread was stopped, deleted from a second loop',
      code: twoPhaseRemoval('thread.stop();\n        keysToRemove.push(key);'),
    },
    {
      name: 'from real code (vscode-go): an entry destructured inside the loop, its meter stopped right after its key is deleted',
      code: entryLoop('meter.stop();'),
    },
    {
      name: 'a helper that tells a list from one value by Array.isArray() stops every meter of the list before it is emptied',
      code: routesReset('stopEvery'),
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
      name: 'every value stopped in a for-of loop before clear()',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (meters.has(route)) return; meters.set(route, createMeter(route)); }
export function reset() {
  for (const meter of meters.values()) meter.stop();
  meters.clear();
}`,
    },
    ...[
      'for (const id of this.meters.keys()) this.unload(id);',
      'for (const [id] of this.meters) this.unload(id);',
      'for (const [id, meter] of this.meters.entries()) if (meter) this.unload(id);',
    ].map((loop) => ({
      name: `from real code (coc.nvim): every key of a Map unloaded through a private helper by \`${loop}\` before clear()`,
      code: unloadEvery(loop),
    })),
    ...[
      'if (this.tiles.hasOwnProperty(key)) this.tiles[key].dispose();',
      'if (Object.hasOwn(this.tiles, key)) this.tiles[key].dispose();',
      'if (Object.prototype.hasOwnProperty.call(this.tiles, key)) this.tiles[key].dispose();',
    ].map((body) => ({
      name: `from real code (lib-jitsi-meet): a for-in loop guarded by \`${body.slice(4, body.indexOf(')') + 1)}\` releases every tile of its own before the map is reassigned`,
      code: tileCache(`for (const key in this.tiles) ${body}`),
    })),
    {
      name: 'from real code (vscode-cmake-tools): a method that only looks the key up (through a const naming its parameter) reads the entry the caller deletes and then stops',
      code: metersByFolder('if (folder) {\n      const known = folder as Folder;\n      return this.byFolder.get(known);\n    }\n    return undefined;'),
    },
    {
      name: 'from real code (lib-jitsi-meet): the one meter a splice of one took out, stopped as the first of the spliced list',
      code: splicedFirst('1'),
    },
    ...['for (const key in this.tiles) this.tiles[key].dispose();', 'for (const key of Object.keys(this.tiles)) this.tiles[key].dispose();'].map((loop) => ({
      name: `object maps: every tile released by \`${loop}\` before the map is reassigned`,
      code: tileCache(loop),
    })),
    {
      name: 'from real code (vscode-azureresourcegroups): an entry of Object.entries() handed to forEach as `[id, meter]` is the value at that key, stopped before its delete',
      code: doneActivities('meter.stop();\n        '),
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
      name: 'an object map copied by spreading, reset, then each copied value stopped',
      code: `${imports}
export class Routes {
  meters: Record<string, Meter> = {};
  add(route: string) { if (!(route in this.meters)) this.meters[route] = createMeter(route); }
  reset() {
    const all = { ...this.meters };
    this.meters = {};
    for (const meter of Object.values(all)) meter.stop();
  }
}`,
    },
    {
      name: 'a map copied by new Map(), cleared, then each copied value stopped',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function reset() {
  const all = new Map(meters);
  meters.clear();
  all.forEach((meter) => meter.stop());
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
      // Androz2091/discord-player e611143f: a Map subclass names Map's type arguments by its own parameters.
      name: 'a class extending Map (discord.js Collection) destroys a queue before deleting it',
      code: collectionQueues('this.queues.get(guildId)?.destroy();\n    '),
    },
    {
      name: "a pending record is deleted and then settled through its resolve or reject, each of which clears the record's timer first",
      code: wrappedRequests('(error) => {\n        clearTimeout(timer);\n        reject(error);\n      }'),
    },
    {
      name: "from real code (ldapts, post-fix): a callback that deletes the request and calls the settle function the record was given as its resolve runs the timer's release",
      code: settledRequests('finally(() => clearTimeout(timer))', '', 'send(id, () => {\n    pending.delete(id);\n    settle(undefined);\n  });\n  '),
    },
    {
      // ldapts/ldapts bc97513c (post-fix)
      name: "a pending record is deleted and then settled through the resolve of a promise whose finally() clears the record's timer",
      code: settledRequests('finally(() => clearTimeout(timer))'),
    },
    {
      // Tomato6966/lavalink-client PR #88: every node is stored under its own id, so the delete by its id drops the node itself.
      name: 'a node destroyed and then deleted by its own id, in a map that keeps every node under its id',
      code: nodesById('target.destroy();\n    '),
    },
    {
      // node-opcua server_engine.ts: the getter reads the key the delete names, falling back only when it is empty.
      name: 'a session looked up through a getter with a fallback, deleted by the same key, then disposed',
      code: sessionsByToken('session.dispose();'),
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
      name: 'each poller closed inside Promise.allSettled() before clear()',
      code: awaitedPollers('Promise.allSettled([...this.pollers.values()].map((poller) => poller.close()))'),
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
      // grpc-node internal-channel.ts: the config-selection queue is swapped out and each queued call resumed.
      name: 'a queue moved to a local and worked through after the reset (swap and drain)',
      code: `${imports}
export class Channel {
  private queue: Poller[] = [];
  enqueue(url: string) { this.queue.push(createPoller(url)); }
  flush() {
    process.nextTick(() => {
      const pending = this.queue;
      this.queue = [];
      if (pending.length > 0) console.log('resuming', pending.length);
      for (const poller of pending) poller.start();
    });
  }
  flushAll() {
    const pending = this.queue;
    this.queue = [];
    pending.forEach((poller) => poller.start());
  }
}`,
    },
    {
      // apollo-client ObservableQuery.ts: the unsubscribe closure of subscribeToMore.
      name: 'a delete whose answer gates the release: when it answers false nothing was removed',
      code: `
import { Subscription } from 'rxjs';
declare function subscribeToMore(): Subscription;
export class Query {
  private readonly subscriptions = new Set<Subscription>();
  subscribe() {
    const subscription = subscribeToMore();
    this.subscriptions.add(subscription);
    return () => {
      if (this.subscriptions.delete(subscription)) {
        subscription.unsubscribe();
      }
    };
  }
}`,
    },
    {
      // What the suggestion of 'stopped only when graceful' writes: the release under the missing condition.
      name: 'stopped under each answer of an unchanged parameter, in two separate ifs: nothing is owed',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string, graceful: boolean) {
  if (graceful) meters.get(route)?.stop();
  if (!graceful) meters.get(route)?.stop();
  meters.delete(route);
}`,
    },
    {
      // What the suggestion writes in a debouncer whose callback is also run at once (bench/cases timers/debounce-max-wait.ts).
      name: 'a timer callback that the code also calls directly, clearing the entry before it deletes it: no caller owes anything',
      code: `export class EagerDebouncer {
  private readonly entries = new Map<string, NodeJS.Timeout>();
  debounce(id: string, fn: () => void, waitMs: number, immediate: boolean): void {
    const run = () => {
      clearTimeout(this.entries.get(id));
      this.entries.delete(id);
      fn();
    };
    if (immediate) return run();
    clearTimeout(this.entries.get(id));
    this.entries.set(id, setTimeout(run, waitMs));
  }
}`,
    },
    {
      // What the suggestion writes in a pool whose forced reap releases after the delete (bench/cases pools/worker-pool-flag.ts).
      name: 'released before the delete when not forced and after it when forced: nothing is owed',
      code: `${imports}
export class Pool {
  private readonly pollers = new Set<Poller>();
  add(url: string) { this.pollers.add(createPoller(url)); }
  reap(force: boolean) {
    for (const poller of this.pollers) {
      if (!force) void poller.close();
      this.pollers.delete(poller);
      if (force) void poller.close();
    }
  }
}`,
    },
    {
      name: 'a list reset only after each of its values was closed, when there is a list at all',
      code: `${imports}
export class Node {
  private children: Poller[] | undefined;
  add(url: string) { (this.children ??= []).push(createPoller(url)); }
  refresh() {
    if (this.children) for (const child of this.children) void child.close();
    this.children = undefined;
  }
}`,
    },
    {
      name: 'from real code (pixijs): the first list given to a field of an object just made, which its class leaves unset, drops nothing',
      code: effectPerMode(''),
    },
    {
      name: 'from real code (moleculer): a public remover that only its own class calls, each time after stopping the value at that key',
      code: finishedRequests('    this.meters.get(id)?.stop();'),
    },
    {
      name: 'from real code (vitest): a method that replaces the list, which its own class calls only once another method has stopped and emptied it',
      code: attachedMeters('    this.reset();'),
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
      name: 'an entry pattern ([key, socket]) handed to a helper with the one map it walks: the socket is the value at key',
      code: `import net from 'node:net';
type Done = (error?: Error) => void;
function runEach<K, V>(items: Map<K, V>, fn: (entry: [K, V], done: Done) => void, end: Done): void {
  let left = items.size;
  for (const entry of items) fn(entry, () => { if (--left === 0) end(); });
}
export class Pool {
  readonly #conns = new Map<string, net.Socket>();
  open(key: string, port: number) { if (!this.#conns.has(key)) this.#conns.set(key, net.connect(port)); }
  close(end: Done) {
    runEach(this.#conns, ([key, socket], done) => {
      socket.end(done);
      this.#conns.delete(key);
    }, end);
  }
}
`,
    },
    {
      name: 'a clear() in the completion callback of a helper handed the set and a callback that ends each stream',
      code: `import net from 'node:net';
type Done = (error?: Error | null) => void;
declare function each<T>(label: string, items: Iterable<T>, fn: (item: T, done: Done) => void, end: Done): void;
export class Producer {
  readonly #streams = new Set<net.Socket>();
  add(port: number) { this.#streams.add(net.connect(port)); }
  close(callback: Done) {
    each('closing', this.#streams, (stream, done) => { stream.end(done); }, (error) => {
      if (error) { callback(error); return; }
      this.#streams.clear();
      callback();
    });
  }
}
`,
    },
    {
      name: "names: a stream subclass's own close() that runs the base's end() is a release",
      code: `import { Writable } from 'node:stream';
class Sink extends Writable {
  close(callback?: (error?: Error | null) => void): void {
    this.end(callback);
  }
}
const sinks = new Set<Sink>();
export function open() { sinks.add(new Sink()); }
export function closeAll() {
  for (const sink of sinks) sink.close();
  sinks.clear();
}
`,
    },
    {
      name: 'names: a close(callback?) that returns nothing, or a promise of nothing without a callback, is the release',
      code: `class Poller {
  readonly #timer = setInterval(() => {}, 1000);
  close(callback?: () => void): void | Promise<void> {
    clearInterval(this.#timer);
    if (callback) {
      callback();
      return;
    }
    return Promise.resolve();
  }
}
const pollers = new Map<string, Poller>();
export function poll(id: string) { if (!pollers.has(id)) pollers.set(id, new Poller()); }
export function stop(id: string) { void pollers.get(id)?.close(); pollers.delete(id); }
`,
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
      name: 'from real code (coc.nvim): a document its own class says is not attached (the flag its detach() clears) owes nothing',
      code: attachedDocuments(
        '',
        `    const doc = this.buffers.get(bufnr);
    this.buffers.delete(bufnr);
    if (!doc || !doc.attached) return;
    doc.detach();`,
      ),
    },
    {
      name: 'finished: a document whose own detached flag (set by its detach()) is true is deleted without detach()',
      code: attachedDocuments(
        '',
        `    const doc = this.buffers.get(bufnr);
    if (doc?.detached) this.buffers.delete(bufnr);`,
      ),
    },
    {
      name: 'from real code (yaml-language-server): a helper handed the document clears the timer at pending[doc.uri] before the store',
      code: pendingValidations('uri'),
    },
    {
      name: 'from real code (moleculer): a forEach callback that destructures the entry destroys its stream field before deleting it',
      code: pendingStreams(`        if (!stream.destroyed) stream.destroy(new Error(\`closed by \${nodeID}\`));`),
    },
    {
      name: "from real code (moleculer): a destructured entry's stream handed to a helper that destroys it unless it is already destroyed",
      code: pendingStreams(`        this.destroyIfAlive(stream, nodeID);`, destroyIfAlive),
    },
    {
      name: 'finished: a process that exited or was killed is deleted without kill()',
      code: `import { spawn, type ChildProcess } from 'node:child_process';
const children = new Map<string, ChildProcess>();
export function start(id: string) { if (!children.has(id)) children.set(id, spawn('worker')); }
export function reap(id: string) {
  const child = children.get(id);
  if (child && (child.exitCode !== null || child.killed)) children.delete(id);
}
`,
    },
    {
      name: 'finished: a call whose state says it ended is deleted without terminate()',
      code: `enum CallState { Ringing, Active, Ended }
class Call {
  state = CallState.Ringing;
  private readonly keepAlive = setInterval(() => {}, 5000);
  terminate() { clearInterval(this.keepAlive); this.state = CallState.Ended; }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function reap(id: string) {
  const call = calls.get(id);
  if (call && call.state === CallState.Ended) calls.delete(id);
}
`,
    },
    {
      name: 'finished: a socket deleted in the else of if (!socket.destroyed), where it is destroyed',
      code: `import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function sweep(id: string) {
  const socket = sockets.get(id);
  if (!socket) return;
  if (!socket.destroyed) {
    socket.write('ping');
  } else {
    sockets.delete(id);
  }
}
`,
    },
    {
      name: 'stopped on both branches of graceful: nothing is owed',
      code: `${imports}
const meters = new Map<string, Meter>();
export function add(route: string) { if (!meters.has(route)) meters.set(route, createMeter(route)); }
export function remove(route: string, graceful: boolean) {
  if (graceful) meters.get(route)?.stop();
  else meters.get(route)?.stop();
  meters.delete(route);
}`,
    },
    {
      name: 'survivors: an array rebuilt from the kept values, the rest destroyed unless already destroyed',
      code: `import net from 'node:net';
export class Clients {
  private list: net.Socket[] = [];
  add(port: number) { this.list.push(net.connect(port)); }
  prune() {
    const next: net.Socket[] = [];
    for (const s of this.list) {
      if (s.writable) next.push(s);
      else if (!s.destroyed) s.destroy();
    }
    this.list = next;
  }
}
`,
    },
    {
      name: 'from real code (ldapts): a timer field that admits null, cleared as `clearTimeout(details.timeoutTimer ?? undefined)`',
      code: pendingTimers('clearTimeout(details.timeoutTimer ?? undefined);'),
    },
    {
      name: 'from real code (pixijs): a loop from 0 to the length, one step at a time, releases every element',
      code: releasedByIndex('let i = 0; i < this.filters.length; i++'),
    },
    {
      name: "from real code (pixijs): the same loop over a local holding one key's list releases that list, and every key's in a loop over the keys",
      code: poolReleasedByIndex('let j = 0; j < meters.length; j++'),
    },
  ],
  invalid: [
    {
      name: 'loops: the spread of a queue and a map copied to a local, both emptied, then only some copied timers cleared',
      code: queuedAndRunning(COPIED, SOME_COPIED),
      errors: [queueReset(COPIED, SOME_COPIED), runningCleared(COPIED, SOME_COPIED)],
    },
    {
      name: "loops: a loop over the queue's spread alone leaves the running jobs' timers owed when the map is emptied",
      code: queuedAndRunning(QUEUE_ONLY),
      errors: [runningCleared(QUEUE_ONLY)],
    },
    {
      name: 'loops: a spread of a queue and a map whose loop only logs each job clears no timer',
      code: queuedAndRunning(BOTH_LOGGED),
      errors: [queueReset(BOTH_LOGGED), runningCleared(BOTH_LOGGED)],
    },
    {
      name: 'from real code (api-platform/admin), twin: a condition that says nothing of the source leaves it open where it is false',
      code: listenedSources("sub.source && sub.topic !== 'all'"),
      errors: [{ messageId: 'unreleasedDropWhen', line: 22, suggestions: [] }],
    },
    {
      name: 'from real code (api-platform/admin): a flag the file also assigns may have changed since the record was made: replacing a record the flag calls a placeholder may drop a source',
      code: hubSubscriptions(PAUSED),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: hubSubscriptions(PAUSED).replace(
                'subscriptions[key] = open(sub.topic);',
                '{ subscriptions[key]?.source?.close(); subscriptions[key] = open(sub.topic); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (azure-iot-sdk-node): a helper handed the link that only sends on it: the entries its callbacks delete are still open',
      code: linksDetachedBy("link.send('bye')"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: linksDetachedBy("link.send('bye')").replace(
                '      delete this.senders[endpoint];',
                '      void this.senders[endpoint]?.close();\n      delete this.senders[endpoint];',
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: linksDetachedBy("link.send('bye')").replace(
                '      delete this.receivers[endpoint];',
                '      void this.receivers[endpoint]?.link?.close();\n      delete this.receivers[endpoint];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (node-opcua): a stop() that proves nothing (it may only pause) is no end of life: the list replaced after it still drops the values',
      code: endpointsEnded('stop'),
      errors: [{ messageId: 'unreleasedDrop', line: 14, suggestions: [] }],
    },
    {
      name: 'a session whose id the only caller hands to the removal without stopping it first',
      code: routingSessions(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: routingSessions('').replace('    this.sessions.delete(id);', '    this.sessions.get(id)?.stop();\n    this.sessions.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'the pollers themselves handed to Promise.allSettled(), which only waits on them, before clear()',
      code: awaitedPollers('Promise.allSettled(this.pollers.values())'),
      errors: [{ messageId: 'unreleasedDrop', line: 7 }],
    },
    {
      name: 'splice(i--, 1) of an element not released first drops it',
      code: markersByLine(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [],
        },
      ],
    },
    {
      name: "a settle function given another value after the store is not the record's resolve: the callback's delete still owes the timer",
      code: settledRequests(
        'finally(() => clearTimeout(timer))',
        '',
        'settle = () => {};\n  send(id, () => {\n    pending.delete(id);\n    settle(undefined);\n  });\n  ',
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: settledRequests(
                'finally(() => clearTimeout(timer))',
                '',
                'settle = () => {};\n  send(id, () => {\n    clearTimeout(pending.get(id)?.timer);\n    pending.delete(id);\n    settle(undefined);\n  });\n  ',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'every server cleared in the completion callback of closing another one of the same type: that close released one value, not all',
      code: serversClosedAfter('this.servers.clear();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: serversClosedAfter('for (const value of this.servers) value.close();\n      this.servers.clear();'),
            },
          ],
        },
      ],
    },
    {
      name: 'a delete in the catch of a try whose one step is a helper that only pings the value: nothing released was tried',
      code: staleClients('pingClient'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: staleClients('pingClient').replace(
                '    } catch {\n      this.clients.delete(key);',
                '    } catch {\n      void this.clients.get(key)?.close();\n      this.clients.delete(key);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a release helper given another list or an empty one in its place leaves the list reset after it owing',
      code: pendingListeners('this.others'),
      errors: [{ messageId: 'unreleasedDrop', line: 19 }],
    },
    {
      name: 'a callback clears a captured timer variable given a new timer after the record was stored: the stored timer is still owed',
      code: capturedTimer("\n    timer = setTimeout(() => reject(new Error('slow')), 5000);"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: capturedTimer("\n    timer = setTimeout(() => reject(new Error('slow')), 5000);").replace(
                '      clearTimeout(timer);\n      pending.delete(id);',
                '      clearTimeout(timer);\n      clearTimeout(pending.get(id)?.timer);\n      pending.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a list given to a field of an object just made, whose class starts the field with meters of its own',
      code: effectPerMode(' = [createMeter("/")]'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: effectPerMode(' = [createMeter("/")]').replace(
                '      effect.meters = [createMeter(mode)];',
                '      for (const value of effect.meters) value.stop();\n      effect.meters = [createMeter(mode)];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a public remover its own class calls without stopping the value first',
      code: finishedRequests('    console.log(id);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: finishedRequests('    console.log(id);').replace(
                '    this.meters.delete(id);',
                '    this.meters.get(id)?.stop();\n    this.meters.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a public remover its class calls after stopping the value, but another module calls too',
      code: finishedRequests('    this.meters.get(id)?.stop();', '\nexport function abandon(requests: Requests, id: string) { requests.forget(id); }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: finishedRequests(
                '    this.meters.get(id)?.stop();',
                '\nexport function abandon(requests: Requests, id: string) { requests.forget(id); }',
              ).replace('    this.meters.delete(id);', '    this.meters.get(id)?.stop();\n    this.meters.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a method that replaces the list, which its own class calls with the old meters still in it',
      code: attachedMeters('    console.log(this.meters.length);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: attachedMeters('    console.log(this.meters.length);').replace(
                '    this.meters = await Promise.all(',
                '    for (const value of this.meters) value.stop();\n    this.meters = await Promise.all(',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a destructured entry's stream handed to a helper that destroys it only when asked to",
      code: pendingStreams(
        `        this.destroyIfAsked(stream, nodeID);`,
        destroyIfAlive.replace('destroyIfAlive', 'destroyIfAsked').replace('!stream.destroyed', "reason === 'now'"),
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingStreams(
                `        this.destroyIfAsked(stream, nodeID);`,
                destroyIfAlive.replace('destroyIfAlive', 'destroyIfAsked').replace('!stream.destroyed', "reason === 'now'"),
              ).replace('        this.pending.delete(id);', '        this.pending.get(id)?.stream?.end();\n        this.pending.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a forEach callback that destructures the entry and deletes it without destroying its stream field',
      code: pendingStreams(`        console.log(sender);`),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingStreams(`        console.log(sender);`).replace(
                '        this.pending.delete(id);',
                '        this.pending.get(id)?.stream?.end();\n        this.pending.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'helpers: a helper handed the document that clears another of its keys (pending[doc.path]) leaves pending[doc.uri] owed',
      code: pendingValidations('path'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingValidations('path').replace(
                '    this.settings.pending[doc.uri] = setTimeout(',
                '    clearTimeout(this.settings.pending[doc.uri]);\n    this.settings.pending[doc.uri] = setTimeout(',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'life flags: an attached document is the one that still owes detach()',
      code: attachedDocuments(
        '',
        `    const doc = this.buffers.get(bufnr);
    this.buffers.delete(bufnr);
    if (!doc || doc.attached) return;
    doc.detach();`,
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: attachedDocuments(
                '',
                `    const doc = this.buffers.get(bufnr);
    this.buffers.get(bufnr)?.detach();
    this.buffers.delete(bufnr);
    if (!doc || doc.attached) return;
    doc.detach();`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'life flags: a flag another method also sets to false (pause) says nothing of the release',
      code: attachedDocuments(
        '\n  reattach(): void { this._attached = false; this._attached = true; this.attach(); }\n  pause(): void { this._attached = false; }',
        `    const doc = this.buffers.get(bufnr);
    this.buffers.delete(bufnr);
    if (!doc || !doc.attached) return;
    doc.detach();`,
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 32,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: attachedDocuments(
                '\n  reattach(): void { this._attached = false; this._attached = true; this.attach(); }\n  pause(): void { this._attached = false; }',
                `    const doc = this.buffers.get(bufnr);
    this.buffers.get(bufnr)?.detach();
    this.buffers.delete(bufnr);
    if (!doc || !doc.attached) return;
    doc.detach();`,
              ),
            },
          ],
        },
      ],
    },
    ...[
      ['Part', 'Part'],
      ['A | B | C | D', 'A | B | … (4 types)'],
      ['A | B | C', 'A | B | C'],
    ].map(([valueType, name]) => ({
      name: `messages: a union of resources is named by its alias, or by its first members and a count past three (${valueType})`,
      code: manyParts(valueType!),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          data: { because: '', type: name, container: 'this.parts', operation: '`delete()`', release: '`stop()`' },
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: manyParts(valueType!).replace('{ this.parts.delete(k); }', '{ this.parts.get(k)?.stop();\n  this.parts.delete(k); }'),
            },
          ],
        },
      ],
    })),
    ...['this.#meterFor(index);', 'this.#meterFor(index + 1).stop();'].map((removal) => ({
      name: `from real code (matter.js): a get-or-create asked for the key (or another key) without stopping what it returns (${removal}) leaves the delete owing`,
      code: fabricMeters(removal),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: fabricMeters(removal).replace(
                '    this.#byFabric.delete(index);',
                '    this.#byFabric.get(index)?.stop();\n    this.#byFabric.delete(index);',
              ),
            },
          ],
        },
      ],
    })),
    ...[
      [FIRST_PROJECTS, 'this.all().forEach((meter) => meter.stop());'],
      [ALL_PROJECTS, 'this.all().forEach((meter) => console.log(meter.route));'],
      // A method that returns the values hands them to its caller, the same owner: they are still held.
      ['all(): Meter[][] {\n    return [...this.byFolder.values()];\n  }', 'console.log(this.all().length);'],
      ['', '[...this.byFolder.values()].flat().filter((meter) => meter.route !== "").forEach((meter) => meter.stop());'],
    ].map(([listing, reset]) => ({
      name: `from real code (vscode-cmake-tools): a list that is not every value, or not stopped (${reset!.slice(0, 40)}…), leaves the clear() owing`,
      code: listedProjects(listing!, reset!),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: listedProjects(listing!, reset!).split('\n').indexOf('    this.byFolder.clear();') + 1,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: listedProjects(listing!, reset!).replace(
                '    this.byFolder.clear();',
                '    for (const value of this.byFolder.values()) for (const inner of value) inner.stop();\n    this.byFolder.clear();',
              ),
            },
          ],
        },
      ],
    })),
    {
      name: 'ranges: a loop by index that skips the first element leaves it unreleased',
      code: releasedByIndex('let i = 1; i < this.filters.length; i++'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: releasedByIndex('let i = 1; i < this.filters.length; i++').replace(
                '    this.filters = [];',
                '    for (const value of this.filters) value.stop();\n    this.filters = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "ranges: the pool's lists released by index from the second element leave the first of each",
      code: poolReleasedByIndex('let j = 1; j < meters.length; j++'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: poolReleasedByIndex('let j = 1; j < meters.length; j++').replace(
                '    this.pool = {};',
                '    for (const value of Object.values(this.pool)) for (const inner of value) inner.stop();\n    this.pool = {};',
              ),
            },
          ],
        },
      ],
    },
    {
      // The twin: a fallback to another timer clears one or the other, not surely this one.
      name: 'releases: `clearTimeout(details.timeoutTimer ?? this.fallback)` may clear the other timer',
      code: pendingTimers('clearTimeout(details.timeoutTimer ?? this.fallback);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingTimers('clearTimeout(details.timeoutTimer ?? this.fallback);').replace(
                '      this.pending.delete(key);',
                '      clearTimeout(this.pending.get(key)?.timeoutTimer ?? undefined);\n      this.pending.delete(key);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'releases: the same list emptied after only counting its listeners',
      code: viewListeners('console.log(this.viewOpened.length);'),
      errors: [{ messageId: 'unreleasedDrop', line: 10, suggestions: [] }],
    },
    ...[
      {
        name: 'helpers: a draining helper that only logs what it pops drops each element, and the list replaced after it is owed',
        test: 'this.listeners !== undefined',
        // A strict test lets a null through: the release keeps its own guard.
        release: 'if (this.listeners !== undefined) if (this.listeners) for (const value of this.listeners) value.dispose();',
      },
      {
        name: 'suggestions: the missing condition `!= null` already guards the release, which then needs no guard of its own',
        test: 'this.listeners != null',
        release: 'if (this.listeners != null) for (const value of this.listeners) value.dispose();',
      },
    ].map(({ name, test, release }) => {
      const code = prListeners(drainingHelper('console.log(item);')).replace('this.listeners !== undefined', test);
      return {
        name,
        code,
        errors: [
          { messageId: 'unreleasedDrop' as const, line: 7 },
          {
            // Only where the list is there: where it is undefined nothing is dropped.
            messageId: 'unreleasedDropWhen' as const,
            line: 18,
            suggestions: [
              { messageId: 'releaseBeforeDrop' as const, output: code.replace('    this.listeners = [];', `    ${release}\n    this.listeners = [];`) },
            ],
          },
        ],
      };
    }),
    {
      name: 'every path: a key reserved with a real subscription owes it on each of the same drops',
      code: reservedTopics('subscribe(topic, () => undefined)', ''),
      errors: [
        [
          18,
          '      if (!this.active) {\n        this.unsubscribers.delete(topic);',
          '      if (!this.active) {\n        this.unsubscribers.get(topic)?.();\n        this.unsubscribers.delete(topic);',
        ],
        [21, '      this.unsubscribers.set(topic, subscribe(', '      this.unsubscribers.get(topic)?.();\n      this.unsubscribers.set(topic, subscribe('],
        [
          23,
          '    } catch {\n      this.unsubscribers.delete(topic);',
          '    } catch {\n      this.unsubscribers.get(topic)?.();\n      this.unsubscribers.delete(topic);',
        ],
      ].map(([line, before, after]) => ({
        messageId: 'unreleasedDrop' as const,
        line: line as number,
        suggestions: [
          {
            messageId: 'releaseBeforeDrop' as const,
            output: reservedTopics('subscribe(topic, () => undefined)', '').replace(before as string, after as string),
          },
        ],
      })),
    },
    {
      name: 'every path: a catch reached after the real cleanup was stored and something else ran may drop it',
      code: reservedTopics('() => {}', '\n      console.log(topic);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: reservedTopics('() => {}', '\n      console.log(topic);').replace(
                '    } catch {\n      this.unsubscribers.delete(topic);',
                '    } catch {\n      this.unsubscribers.get(topic)?.();\n      this.unsubscribers.delete(topic);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'every path: the same rollback without the release drops the provider the try stored',
      code: rolledBackProviders(ABSENT, '// nothing to undo'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: rolledBackProviders(ABSENT, '// nothing to undo').replace(
                '      this.providers.delete(id);',
                '      this.providers.get(id)?.shutdown();\n      this.providers.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'every path: the same rollback where the key was not found empty first may drop an earlier provider',
      code: rolledBackProviders('// no look-up', ROLLBACK),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: rolledBackProviders('// no look-up', ROLLBACK).replace(
                '      this.providers.delete(id);',
                '      this.providers.get(id)?.shutdown();\n      this.providers.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'messages: a delete under the test of a loop that sweeps stale entries is not said to be missed when that test is false',
      code: staleReplies(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: staleReplies('').replace(
                '        this.#pending.delete(key);',
                '        clearTimeout(this.#pending.get(key)?.timer);\n        this.#pending.delete(key);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (lib-jitsi-meet): the flag is emptied elsewhere too: an empty flag no longer says the timer fired',
      code: deferredRequests('deferred.iq = undefined;', 'deferred.iq', '\n  forget(d: Deferred): void { d.iq = undefined; }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: deferredRequests('deferred.iq = undefined;', 'deferred.iq', '\n  forget(d: Deferred): void { d.iq = undefined; }').replace(
                '    this.deferred = [];',
                '    for (const value of this.deferred) clearTimeout(value.timeout);\n    this.deferred = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (lib-jitsi-meet): a timer whose callback leaves the flag alone',
      code: deferredRequests(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: deferredRequests('').replace(
                '    this.deferred = [];',
                '    for (const value of this.deferred) clearTimeout(value.timeout);\n    this.deferred = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (platformatic-kafka), changed: the timer armed for every request, cleared only for those that expect a response',
      code: queuedRequests('request.timer = setTimeout(() => request.done(new Error("timed out")), 1000);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: queuedRequests('request.timer = setTimeout(() => request.done(new Error("timed out")), 1000);').replace(
                '    this.waiting = [];',
                // `timer: NodeJS.Timeout | null`: clearTimeout() takes no null.
                '    for (const value of this.waiting) clearTimeout(value.timer ?? undefined);\n    this.waiting = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'splice: the first of two values taken out is returned, the second is dropped',
      code: sharedRunners('const runner = this.shared.splice(index, 2)[0];\n    return runner;'),
      errors: [{ messageId: 'unreleasedDrop', line: 6, suggestions: [] }],
    },
    {
      name: 'splice: the one value taken out and only logged is dropped',
      code: sharedRunners('const runner = this.shared.splice(index, 1)[0];\n    console.log(runner);\n    return undefined;'),
      errors: [{ messageId: 'unreleasedDrop', line: 6, suggestions: [] }],
    },
    {
      name: 'releases: signal 0 only asks whether the process is alive',
      code: processStop('if (child?.pid) process.kill(child.pid, 0);'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: processStop('if (child?.pid) process.kill(child.pid, 0);').replace(
                '  children.delete(id);',
                '  if (child?.pid) children.get(id)?.kill();\n  children.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'releases: a process whose id is only logged is not killed',
      code: processStop('if (child?.pid) console.log(child.pid);'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: processStop('if (child?.pid) console.log(child.pid);').replace(
                '  children.delete(id);',
                '  if (child?.pid) children.get(id)?.kill();\n  children.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a copy of another object map stopped after this one is reset',
      code: `${imports}
export class Routes {
  meters: Record<string, Meter> = {};
  paused: Record<string, Meter> = {};
  add(route: string) { if (!(route in this.meters)) this.meters[route] = createMeter(route); }
  reset() {
    const all = { ...this.paused };
    this.meters = {};
    for (const meter of Object.values(all)) meter.stop();
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `${imports}
export class Routes {
  meters: Record<string, Meter> = {};
  paused: Record<string, Meter> = {};
  add(route: string) { if (!(route in this.meters)) this.meters[route] = createMeter(route); }
  reset() {
    const all = { ...this.paused };
    for (const value of Object.values(this.meters)) value.stop();
    this.meters = {};
    for (const meter of Object.values(all)) meter.stop();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The loop that clears some of them is the one to complete: a second loop would clear those twice.
      name: 'a loop that releases only some of the values before clear(): reported, and no second loop is suggested',
      code: `const timers = new Set<NodeJS.Timeout>();
export function start(): void { timers.add(setInterval(() => {}, 1000)); }
export function stopSome(all: boolean): void {
  for (const t of timers) if (all || t.hasRef()) clearInterval(t);
  timers.clear();
}
`,
      errors: [{ messageId: 'unreleasedDrop', line: 5, suggestions: [] }],
    },
    {
      // The twin: the drop is conditional, the release after it too; the message names the release's condition, not the drop's.
      name: 'a drop made on one branch and a release after it under another condition: owed when that condition fails',
      code: dropOnOneBranch('if (meter) this.meters.delete(route);', 'if (!quiet) meter?.stop();'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          data: { because: '', type: 'Meter', container: 'this.meters', operation: '`delete()`', release: '`stop()`', when: '`quiet` is true' },
          line: 7,
          suggestions: [],
        },
      ],
    },
    {
      name: 'from real code (coc.nvim): a loop over some of the keys unloads only those before clear()',
      code: unloadEvery('for (const id of [...this.meters.keys()].slice(1)) this.unload(id);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: unloadEvery(`for (const id of [...this.meters.keys()].slice(1)) this.unload(id);
    for (const value of this.meters.values()) value.stop();`),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (vscode-cmake-tools): a method that looks up another key reads another entry',
      code: metersByFolder('return this.current ? this.byFolder.get(this.current) : undefined;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: metersByFolder('return this.current ? this.byFolder.get(this.current) : undefined;').replace(
                '    this.byFolder.delete(folder);',
                '    for (const inner of this.byFolder.get(folder) ?? []) inner.stop();\n    this.byFolder.delete(folder);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (vscode-cmake-tools): a method that also writes a field is more than a look-up',
      code: metersByFolder('if (!folder) return undefined;\n    this.current = folder;\n    return this.byFolder.get(folder);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: metersByFolder('if (!folder) return undefined;\n    this.current = folder;\n    return this.byFolder.get(folder);').replace(
                '    this.byFolder.delete(folder);',
                '    for (const inner of this.byFolder.get(folder) ?? []) inner.stop();\n    this.byFolder.delete(folder);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (vscode-azureresourcegroups): an entry of Object.entries() deleted from the map without its stop()',
      code: doneActivities(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: doneActivities('this.meters[id]?.stop();\n        ') }],
        },
      ],
    },
    {
      name: 'from real code (lib-jitsi-meet): a splice of two stops only the first meter it took out',
      code: splicedFirst('2'),
      errors: [{ messageId: 'unreleasedDrop', line: 8, suggestions: [] }],
    },
    ...[
      ['a for-in loop that skips some keys', "for (const key in this.tiles) if (key.startsWith('tmp/')) this.tiles[key].dispose();"],
      ['a loop over keys given by the caller', 'for (const key of keys) this.tiles[key].dispose();'],
      ['a for-in loop left early', 'for (const key in this.tiles) { if (!key) break; this.tiles[key].dispose(); }'],
      [
        'a for-in loop guarded by whether the cache itself has a property of that name',
        'for (const key in this.tiles) if (this.hasOwnProperty(key)) this.tiles[key].dispose();',
      ],
    ].map(([how, loop]) => ({
      name: `object maps: ${how} does not release every tile before the map is reassigned`,
      code: tileCache(loop!),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: tileCache(`${loop!}
    for (const value of Object.values(this.tiles)) value.dispose();`),
            },
          ],
        },
      ],
    })),
    {
      name: 'names: a WebAssembly object freed by its delete(): void, replaced and deleted without it',
      options: [{ overwrites: 'possible' }],
      code: parseTrees('delete(): void;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            { messageId: 'releaseBeforeDrop', output: parseTrees('delete(): void;').replace('  trees.set(', '  trees.get(uri)?.delete();\n  trees.set(') },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: parseTrees('delete(): void;').replace('  trees.delete(', '  trees.get(uri)?.delete();\n  trees.delete('),
            },
          ],
        },
      ],
    },
    {
      name: 'helpers: a method of another object that only logs releases nothing',
      code: `
const timers = new Map<string, NodeJS.Timeout>();
const log = {
  info(message: string) {
    console.log(message);
  },
};
export function arm(key: string) { if (!timers.has(key)) timers.set(key, setTimeout(() => {}, 1000)); }
export function restart(key: string) {
  log.info(key);
  timers.delete(key);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const timers = new Map<string, NodeJS.Timeout>();
const log = {
  info(message: string) {
    console.log(message);
  },
};
export function arm(key: string) { if (!timers.has(key)) timers.set(key, setTimeout(() => {}, 1000)); }
export function restart(key: string) {
  log.info(key);
  clearTimeout(timers.get(key));
  timers.delete(key);
}
`,
            },
          ],
        }, // Timeout in `timers` is dropped by `delete()` without `clearTimeout()`.
      ],
    },
    {
      name: "suggestions: a drop inside a method named like the value's release is reported with no suggestion (it would call the method it sits in)",
      code: `
import net from 'node:net';
export class Pool {
  private readonly conns = new Map<string, net.Socket>();
  open(id: string) { if (!this.conns.has(id)) this.conns.set(id, net.connect(80, id)); }
  destroy(id: string) { this.conns.delete(id); }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [],
        }, // Socket in `this.conns` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: "suggestions: the same drop in a method of another name gets the value's release as a suggestion",
      code: `
import net from 'node:net';
export class Pool {
  private readonly conns = new Map<string, net.Socket>();
  open(id: string) { if (!this.conns.has(id)) this.conns.set(id, net.connect(80, id)); }
  remove(id: string) { this.conns.delete(id); }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class Pool {
  private readonly conns = new Map<string, net.Socket>();
  open(id: string) { if (!this.conns.has(id)) this.conns.set(id, net.connect(80, id)); }
  remove(id: string) { this.conns.get(id)?.destroy();
  this.conns.delete(id); }
}`,
            },
          ],
        }, // Socket in `this.conns` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'guarded release: a loop that tries a flush with its rejection caught releases nothing before clear()',
      code: `${imports}
declare function flush(poller: Poller): Promise<void>;
export class Pollers {
  readonly #pollers = new Set<Poller>();
  open(url: string) { this.#pollers.add(createPoller(url)); }
  close() {
    for (const poller of this.#pollers) {
      try {
        void flush(poller).catch(() => undefined);
      } catch {
        // ignore
      }
    }
    this.#pollers.clear();
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [], // the loop before hands each poller to flush(): a second loop could close some twice
        },
      ],
    },
    {
      name: 'generators: a type guard whose true side does not end the generator leaves that side owing',
      code: guardedOperations("if (isGenerator(operation)) console.log('live', id);"),
      errors: [{ messageId: 'unreleasedDropWhen', line: 11 }],
    },
    {
      name: 'generators: an async generator deleted and only logged is dropped without its dispose',
      code: generatorsById('console.log(subscription);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: generatorsById('console.log(subscription);').replace(
                '  delete subscriptions[id];',
                '  void subscriptions[id]?.[Symbol.asyncDispose]();\n  delete subscriptions[id];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'guarded release: a try whose flush of the same value fails first skips its close before clear()',
      code: shutdownEachThenClear(['poller.start();', 'void poller.close();']),
      errors: [{ messageId: 'unreleasedDrop', line: 15, suggestions: [] }],
    },
    {
      name: 'guarded release: a try that only logs, then delete, releases nothing',
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  try {
    console.log('dropping', id);
  } catch {
    // ignore
  }
  sockets.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  try {
    console.log('dropping', id);
  } catch {
    // ignore
  }
  sockets.get(id)?.destroy();
  sockets.delete(id);
}`,
            },
          ],
        }, // Socket in `sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'a helper that stops one value and hands an array back untouched releases no meter of the list',
      code: routesReset('stopSingle'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: routesReset('stopSingle').replace('    this.meters = [];', '    for (const value of this.meters) value.stop();\n    this.meters = [];'),
            },
          ],
        },
      ],
    },
    {
      name: 'the same let stopped after the join only when urgent leaves the meter owed',
      code: pendingMeter('meter && urgent'),
      errors: [{ messageId: 'unreleasedDropWhen', line: 12, suggestions: [] }],
    },
    {
      name: 'keys pushed without stopping their thread, deleted from a second loop',
      code: twoPhaseRemoval('keysToRemove.push(key);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: twoPhaseRemoval('keysToRemove.push(key);').replace(
                'for (const key of keysToRemove) this.threads.delete(key);',
                'for (const key of keysToRemove) { this.threads.get(key)?.stop(); this.threads.delete(key); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'keys pushed after stopping, but the list is also filled by a callback the loops cannot follow',
      code: twoPhaseRemoval('thread.stop();\n        keysToRemove.push(key);\n        [prefix].forEach((other) => keysToRemove.push(other));'),
      errors: [{ messageId: 'unreleasedDropWhen', line: 14, suggestions: [] }],
    },
    {
      name: 'an entry destructured inside the loop, its key deleted and its meter only logged',
      code: entryLoop('console.log(meter.route);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: entryLoop('console.log(meter.route);', 'meters.get(route)?.stop();\n    ') }],
        },
      ],
    },
    {
      name: 'guarded release: a quiet helper that only logs the socket is not a release',
      code: `
import net from 'node:net';
function logQuietly(socket: net.Socket | undefined): void {
  try {
    console.log(socket?.remoteAddress);
  } catch {
    // best effort
  }
}
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  logQuietly(sockets.get(id));
  sockets.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
function logQuietly(socket: net.Socket | undefined): void {
  try {
    console.log(socket?.remoteAddress);
  } catch {
    // best effort
  }
}
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function drop(id: string) {
  logQuietly(sockets.get(id));
  sockets.get(id)?.destroy();
  sockets.delete(id);
}`,
            },
          ],
        }, // Socket in `sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'families: a call whose release is terminate() is named by it',
      code: `
class Call {
  private readonly keepAlive = setInterval(() => this.ping(), 5000);
  ping() {}
  answer() {}
  terminate() { clearInterval(this.keepAlive); }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function hangUp(id: string) { calls.delete(id); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
class Call {
  private readonly keepAlive = setInterval(() => this.ping(), 5000);
  ping() {}
  answer() {}
  terminate() { clearInterval(this.keepAlive); }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function hangUp(id: string) { calls.get(id)?.terminate();
calls.delete(id); }`,
            },
          ],
        }, // Call in `calls` is dropped by `delete()` without `terminate()`.
      ],
    },
    {
      name: 'finished: a call whose state says it ended owes nothing; one still ringing is reported',
      code: `
enum CallState { Ringing, Active, Ended }
class Call {
  state = CallState.Ringing;
  private readonly keepAlive = setInterval(() => {}, 5000);
  terminate() { clearInterval(this.keepAlive); this.state = CallState.Ended; }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function reap(id: string) {
  const call = calls.get(id);
  if (call && call.state === CallState.Ended) calls.delete(id);
}
export function drop(id: string) {
  const call = calls.get(id);
  if (call && call.state === CallState.Ringing) calls.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
enum CallState { Ringing, Active, Ended }
class Call {
  state = CallState.Ringing;
  private readonly keepAlive = setInterval(() => {}, 5000);
  terminate() { clearInterval(this.keepAlive); this.state = CallState.Ended; }
}
const calls = new Map<string, Call>();
export function ring(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function reap(id: string) {
  const call = calls.get(id);
  if (call && call.state === CallState.Ended) calls.delete(id);
}
export function drop(id: string) {
  const call = calls.get(id);
  if (call && call.state === CallState.Ringing) { calls.get(id)?.terminate(); calls.delete(id); }
}`,
            },
          ],
        }, // Call in `calls` is dropped by `delete()` without `terminate()`.
      ],
    },
    {
      name: 'finished: a socket deleted in the branch of if (!socket.destroyed) where it is still open, without destroy()',
      code: `import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function sweep(id: string) {
  const socket = sockets.get(id);
  if (!socket) return;
  if (!socket.destroyed) {
    sockets.delete(id);
  } else {
    socket.write('ping');
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Socket', container: 'sockets', operation: '`delete()`', release: '`destroy()`' },
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string) { if (!sockets.has(id)) sockets.set(id, net.connect(80, id)); }
export function sweep(id: string) {
  const socket = sockets.get(id);
  if (!socket) return;
  if (!socket.destroyed) {
    sockets.get(id)?.destroy();
    sockets.delete(id);
  } else {
    socket.write('ping');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'families: a default-exported class is named by its own name',
      code: `
export default class Heartbeat {
  private readonly timer = setInterval(() => {}, 1000);
  halt() { clearInterval(this.timer); }
}
const beats = new Map<string, Heartbeat>();
export function beat(id: string) { if (!beats.has(id)) beats.set(id, new Heartbeat()); }
export function forget(id: string) { beats.delete(id); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          // The class is named by its own name, not `default`.
          data: { type: 'Heartbeat', container: 'beats', operation: '`delete()`', release: '`halt()`' },
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
export default class Heartbeat {
  private readonly timer = setInterval(() => {}, 1000);
  halt() { clearInterval(this.timer); }
}
const beats = new Map<string, Heartbeat>();
export function beat(id: string) { if (!beats.has(id)) beats.set(id, new Heartbeat()); }
export function forget(id: string) { beats.get(id)?.halt();
beats.delete(id); }`,
            },
          ],
        }, // Heartbeat in `beats` is dropped by `delete()` without `halt()`.
      ],
    },
    {
      name: 'messages: a default-exported generic class given only its defaults is named by its own name',
      code: defaultExportedBeats('beats.delete(id);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Heartbeat', container: 'beats', operation: '`delete()`', release: '`halt()`' },
          line: 8,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: defaultExportedBeats('beats.get(id)?.halt();\nbeats.delete(id);') }],
        },
      ],
    },
    {
      name: 'messages: a generic class given only its defaults is named without them',
      code: channelsOf('Channel'),
      // `Channel`, not `Channel<unknown>`: the argument is the default.
      errors: [channelForgotten('Channel')],
    },
    {
      name: 'messages: a generic class given its own type arguments is named with them',
      code: channelsOf('Channel<string>'),
      // The argument given is not the default: it stays in the name.
      errors: [channelForgotten('Channel<string>')],
    },
    {
      name: 'records: a pending request whose callback field is named close: calling it releases nothing, its timer is owed',
      code: `
interface Pending { resolve: (v: string) => void; close: () => void; timer: NodeJS.Timeout }
const pending = new Map<number, Pending>();
let next = 0;
export function request(resolve: (v: string) => void) {
  const id = next++;
  pending.set(id, { resolve, close: () => console.log('closed', id), timer: setTimeout(() => console.log(id), 5000) });
}
export function settle(id: number, value: string) {
  const entry = pending.get(id);
  entry?.close();
  entry?.resolve(value);
  pending.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
interface Pending { resolve: (v: string) => void; close: () => void; timer: NodeJS.Timeout }
const pending = new Map<number, Pending>();
let next = 0;
export function request(resolve: (v: string) => void) {
  const id = next++;
  pending.set(id, { resolve, close: () => console.log('closed', id), timer: setTimeout(() => console.log(id), 5000) });
}
export function settle(id: number, value: string) {
  const entry = pending.get(id);
  entry?.close();
  entry?.resolve(value);
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}`,
            },
          ],
        }, // Pending in `pending` is dropped by `delete()` without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: "drops that are expressions: a returned delete(), an arrow's body, a declaration's initializer",
      code: `
const timers = new Map<string, NodeJS.Timeout>();
export function later(id: string, fn: () => void) {
  if (!timers.has(id)) timers.set(id, setTimeout(fn, 1000));
}
export function cancel(id: string): boolean {
  return timers.delete(id);
}
export const cancelAll = (ids: string[]) => ids.forEach((id) => timers.delete(id));
export function forget(id: string) {
  const removed = timers.delete(id);
  return removed;
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function later(id: string, fn: () => void) {
  if (!timers.has(id)) timers.set(id, setTimeout(fn, 1000));
}
export function cancel(id: string): boolean {
  clearTimeout(timers.get(id));
  return timers.delete(id);
}
export const cancelAll = (ids: string[]) => ids.forEach((id) => timers.delete(id));
export function forget(id: string) {
  const removed = timers.delete(id);
  return removed;
}
`,
            },
          ],
        }, // Timeout in `timers` is dropped by `delete()` without `clearTimeout()`.
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function later(id: string, fn: () => void) {
  if (!timers.has(id)) timers.set(id, setTimeout(fn, 1000));
}
export function cancel(id: string): boolean {
  return timers.delete(id);
}
export const cancelAll = (ids: string[]) => ids.forEach((id) => { clearTimeout(timers.get(id)); return timers.delete(id); });
export function forget(id: string) {
  const removed = timers.delete(id);
  return removed;
}
`,
            },
          ],
        }, // Timeout in `timers` is dropped by `delete()` without `clearTimeout()`.
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function later(id: string, fn: () => void) {
  if (!timers.has(id)) timers.set(id, setTimeout(fn, 1000));
}
export function cancel(id: string): boolean {
  return timers.delete(id);
}
export const cancelAll = (ids: string[]) => ids.forEach((id) => timers.delete(id));
export function forget(id: string) {
  clearTimeout(timers.get(id));
  const removed = timers.delete(id);
  return removed;
}
`,
            },
          ],
        }, // Timeout in `timers` is dropped by `delete()` without `clearTimeout()`.
      ],
    },
    {
      name: 'a private reset() that starts an empty list without destroying the sockets a map() callback made',
      code: `
import net from 'node:net';
export class Balancer {
  private children: net.Socket[] = [];
  private reset() {
    for (const child of this.children) {
      child.setNoDelay(true);
    }
    this.children = [];
  }
  update(ports: number[]) {
    this.reset();
    this.children = ports.map((port) => net.createConnection(port));
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class Balancer {
  private children: net.Socket[] = [];
  private reset() {
    for (const child of this.children) {
      child.setNoDelay(true);
    }
    for (const value of this.children) value.destroy();
    this.children = [];
  }
  update(ports: number[]) {
    this.reset();
    this.children = ports.map((port) => net.createConnection(port));
  }
}
`,
            },
          ],
        }, // Socket in `this.children` is dropped by reassigning the container without `destroy()`.
      ],
    },
    {
      name: 'a list of tree nodes of several classes, some owning a subscription, is reset without disposing them',
      code: `
interface Disposable {
  dispose(): any;
}
declare function watch(path: string, listener: () => void): Disposable;
class MessageNode {
  constructor(readonly text: string) {}
}
class RepositoryNode implements Disposable {
  private readonly watcher = watch(this.path, () => {});
  constructor(readonly path: string) {}
  dispose(): any {
    this.watcher.dispose();
  }
}
export class WorkspaceNode {
  private children: (MessageNode | RepositoryNode)[] | undefined;
  load(paths: string[]) {
    this.children ??= [];
    if (paths.length === 0) this.children.push(new MessageNode('No repositories'));
    for (const path of paths) this.children.push(new RepositoryNode(path));
  }
  refresh(): void {
    this.children = undefined;
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
interface Disposable {
  dispose(): any;
}
declare function watch(path: string, listener: () => void): Disposable;
class MessageNode {
  constructor(readonly text: string) {}
}
class RepositoryNode implements Disposable {
  private readonly watcher = watch(this.path, () => {});
  constructor(readonly path: string) {}
  dispose(): any {
    this.watcher.dispose();
  }
}
export class WorkspaceNode {
  private children: (MessageNode | RepositoryNode)[] | undefined;
  load(paths: string[]) {
    this.children ??= [];
    if (paths.length === 0) this.children.push(new MessageNode('No repositories'));
    for (const path of paths) this.children.push(new RepositoryNode(path));
  }
  refresh(): void {
    if (this.children) for (const value of this.children) if ('dispose' in value) value.dispose();
    this.children = undefined;
  }
}`,
            },
          ],
        }, // RepositoryNode in `this.children` is dropped by reassigning the container without `dispose()`.
      ],
    },
    {
      name: 'a list reset to undefined after the constructor, when sockets were pushed into it',
      code: `
import net from 'node:net';
export class Pool {
  private sockets?: net.Socket[];
  add(port: number) {
    (this.sockets ??= []).push(net.createConnection(port));
  }
  reset() {
    this.sockets = undefined;
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class Pool {
  private sockets?: net.Socket[];
  add(port: number) {
    (this.sockets ??= []).push(net.createConnection(port));
  }
  reset() {
    if (this.sockets) for (const value of this.sockets) value.destroy();
    this.sockets = undefined;
  }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by reassigning the container without `destroy()`.
      ],
    },
    {
      name: 'a store class that implements Map drops a session by delete() without destroy()',
      code: `
import net from 'node:net';
declare class ObservableMap<K, V> implements Map<K, V> {
  readonly size: number;
  readonly [Symbol.toStringTag]: string;
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
  clear(): void;
  forEach(fn: (value: V, key: K, map: Map<K, V>) => void): void;
  entries(): MapIterator<[K, V]>;
  keys(): MapIterator<K>;
  values(): MapIterator<V>;
  [Symbol.iterator](): MapIterator<[K, V]>;
}
const sockets = new ObservableMap<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function forget(id: string) {
  sockets.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
declare class ObservableMap<K, V> implements Map<K, V> {
  readonly size: number;
  readonly [Symbol.toStringTag]: string;
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
  clear(): void;
  forEach(fn: (value: V, key: K, map: Map<K, V>) => void): void;
  entries(): MapIterator<[K, V]>;
  keys(): MapIterator<K>;
  values(): MapIterator<V>;
  [Symbol.iterator](): MapIterator<[K, V]>;
}
const sockets = new ObservableMap<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function forget(id: string) {
  sockets.get(id)?.destroy();
  sockets.delete(id);
}`,
            },
          ],
        }, // Socket in `sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'a callback deletes the key its outer function stored a socket under without destroying it',
      code: `
import net from 'node:net';
export class Pool {
  private readonly sockets = new Map<string, net.Socket>();
  open(hosts: string[], ready: Promise<void>) {
    for (const host of hosts) {
      if (this.sockets.has(host)) continue;
      const socket = net.createConnection(80, host);
      this.sockets.set(host, socket);
      ready.catch(() => {
        this.sockets.delete(host);
      });
    }
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class Pool {
  private readonly sockets = new Map<string, net.Socket>();
  open(hosts: string[], ready: Promise<void>) {
    for (const host of hosts) {
      if (this.sockets.has(host)) continue;
      const socket = net.createConnection(80, host);
      this.sockets.set(host, socket);
      ready.catch(() => {
        this.sockets.get(host)?.destroy();
        this.sockets.delete(host);
      });
    }
  }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'a callback destroys a captured socket that was stored under another key than the one it deletes',
      code: `
import net from 'node:net';
export class Pool {
  private readonly sockets = new Map<string, net.Socket>();
  open(host: string, alias: string, ready: Promise<void>) {
    if (this.sockets.has(host) || this.sockets.has(alias)) return;
    const socket = net.createConnection(80, host);
    this.sockets.set(host, socket);
    ready.catch(() => {
      this.sockets.delete(alias);
      socket.destroy();
    });
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class Pool {
  private readonly sockets = new Map<string, net.Socket>();
  open(host: string, alias: string, ready: Promise<void>) {
    if (this.sockets.has(host) || this.sockets.has(alias)) return;
    const socket = net.createConnection(80, host);
    this.sockets.set(host, socket);
    ready.catch(() => {
      this.sockets.get(alias)?.destroy();
      this.sockets.delete(alias);
      socket.destroy();
    });
  }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'finished: a lock nobody holds has nothing to release; a held one dropped is reported',
      code: `declare class Mutex { acquire(): Promise<() => void>; isLocked(): boolean; release(): void }
declare function makeMutex(): Mutex;
const locks = new Map<string, Mutex>();
export function lockFor(key: string) { let m = locks.get(key); if (!m) { m = makeMutex(); locks.set(key, m); } return m; }
export function forgetIdle(key: string) { const m = locks.get(key); if (m && !m.isLocked()) locks.delete(key); }
export function forgetAny(key: string) { locks.delete(key); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare class Mutex { acquire(): Promise<() => void>; isLocked(): boolean; release(): void }
declare function makeMutex(): Mutex;
const locks = new Map<string, Mutex>();
export function lockFor(key: string) { let m = locks.get(key); if (!m) { m = makeMutex(); locks.set(key, m); } return m; }
export function forgetIdle(key: string) { const m = locks.get(key); if (m && !m.isLocked()) locks.delete(key); }
export function forgetAny(key: string) { locks.get(key)?.release();
locks.delete(key); }
`,
            },
          ],
        }, // Mutex in `locks` is dropped by `delete()` without `release()`.
      ],
    },
    {
      name: 'families: the message names the release-named method, not a private step that undoes more',
      code: `class Session {
  private readonly ping = setInterval(() => {}, 1000);
  private upgradeTimer?: NodeJS.Timeout;
  startUpgrade(): void { this.upgradeTimer = setTimeout(() => {}, 10); }
  maybeUpgrade(): void { clearTimeout(this.upgradeTimer); clearInterval(this.ping); }
  close(): void { clearInterval(this.ping); }
}
const sessions = new Map<string, Session>();
export function open(id: string) { if (!sessions.has(id)) sessions.set(id, new Session()); }
export function drop(id: string) { sessions.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `class Session {
  private readonly ping = setInterval(() => {}, 1000);
  private upgradeTimer?: NodeJS.Timeout;
  startUpgrade(): void { this.upgradeTimer = setTimeout(() => {}, 10); }
  maybeUpgrade(): void { clearTimeout(this.upgradeTimer); clearInterval(this.ping); }
  close(): void { clearInterval(this.ping); }
}
const sessions = new Map<string, Session>();
export function open(id: string) { if (!sessions.has(id)) sessions.set(id, new Session()); }
export function drop(id: string) { sessions.get(id)?.close();
sessions.delete(id); }
`,
            },
          ],
        }, // Session in `sessions` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'filter: a value excluded by identity is dropped unless released',
      code: `import { createMeter, type Meter } from './resources.js';
export class Routes {
  private meters: Meter[] = [];
  add(route: string) { const meter = createMeter(route); this.meters.push(meter); return meter; }
  private drop(meter: Meter) { this.meters = this.meters.filter((m) => m !== meter); }
  private dropStopped(meter: Meter) { meter.stop(); this.meters = this.meters.filter((m) => m !== meter); }
  retire(route: string) { const meter = this.meters.find((m) => m.route === route); if (meter) this.drop(meter); }
  retireStopped(route: string) { const meter = this.meters.find((m) => m.route === route); if (meter) this.dropStopped(meter); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { createMeter, type Meter } from './resources.js';
export class Routes {
  private meters: Meter[] = [];
  add(route: string) { const meter = createMeter(route); this.meters.push(meter); return meter; }
  private drop(meter: Meter) { meter.stop();
  this.meters = this.meters.filter((m) => m !== meter); }
  private dropStopped(meter: Meter) { meter.stop(); this.meters = this.meters.filter((m) => m !== meter); }
  retire(route: string) { const meter = this.meters.find((m) => m.route === route); if (meter) this.drop(meter); }
  retireStopped(route: string) { const meter = this.meters.find((m) => m.route === route); if (meter) this.dropStopped(meter); }
}
`,
            },
          ],
        }, // Meter in `this.meters` is dropped by rebuilding it with `filter()` without `stop()`.
      ],
    },
    {
      name: 'filter: elements matched by a field are dropped unless the callback or a found element releases them',
      code: `class IdleEntry { constructor(readonly client: string, readonly timer: NodeJS.Timeout) {} }
export class Pool {
  private idle: IdleEntry[] = [];
  park(client: string) { this.idle.push(new IdleEntry(client, setTimeout(() => {}, 1000))); }
  evict(client: string) { this.idle = this.idle.filter((entry) => entry.client !== client); }
  evictCleared(client: string) { this.idle = this.idle.filter((entry) => { clearTimeout(entry.timer); return entry.client !== client; }); }
  evictFound(client: string) { const found = this.idle.find((entry) => entry.client === client); if (found) clearTimeout(found.timer); this.idle = this.idle.filter((entry) => entry.client !== client); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          // Releasing every value before the filter would clear the survivors' timers too.
          suggestions: [],
        }, // IdleEntry in `this.idle` is dropped by rebuilding it with `filter()` without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: 'survivors: an array rebuilt from the kept values drops the rest, released only when open',
      code: `import net from 'node:net';
export class Clients {
  private list: net.Socket[] = [];
  add(port: number) { this.list.push(net.connect(port)); }
  prune() {
    const next: net.Socket[] = [];
    for (const s of this.list) {
      if (s.writable) next.push(s);
      else if (!s.destroyed) s.destroy();
    }
    this.list = next;
  }
  pruneLeaky() {
    const next: net.Socket[] = [];
    for (const s of this.list) if (s.writable) next.push(s);
    this.list = next;
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
export class Clients {
  private list: net.Socket[] = [];
  add(port: number) { this.list.push(net.connect(port)); }
  prune() {
    const next: net.Socket[] = [];
    for (const s of this.list) {
      if (s.writable) next.push(s);
      else if (!s.destroyed) s.destroy();
    }
    this.list = next;
  }
  pruneLeaky() {
    const next: net.Socket[] = [];
    for (const s of this.list) if (s.writable) next.push(s);
    for (const value of this.list) value.destroy();
    this.list = next;
  }
}
`,
            },
          ],
        }, // Socket in `this.list` is dropped by reassigning the container without `destroy()`.
      ],
    },
    {
      name: 'families: a parent closing each child through a handler that undoes what disconnect() undoes',
      code: `declare const registry: Set<Child>;
class Child {
  constructor() { registry.add(this); }
  disconnect(): this { this.onclose('client'); return this; }
  onclose(reason: string): void { registry.delete(this); console.log(reason); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(id: string) { if (!this.children.has(id)) this.children.set(id, new Child()); }
  closeAll() { for (const child of this.children.values()) child.onclose('transport'); this.children.clear(); }
  forgetAll() { this.children.clear(); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare const registry: Set<Child>;
class Child {
  constructor() { registry.add(this); }
  disconnect(): this { this.onclose('client'); return this; }
  onclose(reason: string): void { registry.delete(this); console.log(reason); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(id: string) { if (!this.children.has(id)) this.children.set(id, new Child()); }
  closeAll() { for (const child of this.children.values()) child.onclose('transport'); this.children.clear(); }
  forgetAll() { for (const value of this.children.values()) value.disconnect();
  this.children.clear(); }
}
`,
            },
          ],
        }, // Child in `this.children` is dropped by `clear()` without `disconnect()` (`Child` adds itself to `registry` in its constructor; `disconnect()` undoes i
      ],
    },
    {
      name: 'a method releasing every element of a field proves the obligation',
      code: `import { EventEmitter } from 'node:events';
interface Disposable { dispose(): void }
declare function onEvent(bus: EventEmitter, listener: () => void, into: Disposable[]): void;
class Feature {
  private readonly disposables: Disposable[] = [];
  constructor(bus: EventEmitter) { onEvent(bus, () => {}, this.disposables); }
  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
export class Features {
  private readonly features = new Map<string, Feature>();
  register(id: string, bus: EventEmitter) { if (!this.features.has(id)) this.features.set(id, new Feature(bus)); }
  unregister(id: string) { this.features.delete(id); }
  unregisterDisposed(id: string) { this.features.get(id)?.dispose(); this.features.delete(id); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { EventEmitter } from 'node:events';
interface Disposable { dispose(): void }
declare function onEvent(bus: EventEmitter, listener: () => void, into: Disposable[]): void;
class Feature {
  private readonly disposables: Disposable[] = [];
  constructor(bus: EventEmitter) { onEvent(bus, () => {}, this.disposables); }
  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
export class Features {
  private readonly features = new Map<string, Feature>();
  register(id: string, bus: EventEmitter) { if (!this.features.has(id)) this.features.set(id, new Feature(bus)); }
  unregister(id: string) { this.features.get(id)?.dispose();
  this.features.delete(id); }
  unregisterDisposed(id: string) { this.features.get(id)?.dispose(); this.features.delete(id); }
}
`,
            },
          ],
        }, // Feature in `this.features` is dropped by `delete()` without `dispose()` (`Feature` holds resources in `disposables` elsewhere; `dispose()` undoes it).
      ],
    },
    {
      name: 'timers: NodeJS.Timer is a timer, cleared as the Timeout clearTimeout() is declared to take, and timeout.close() releases it',
      code: `const flushes: { [category: string]: NodeJS.Timer } = {};
const pending: { [category: string]: NodeJS.Timeout } = {};
export function buffered(category: string) {
  flushes[category] = setTimeout(() => {}, 50);
  pending[category]?.close();
  pending[category] = setTimeout(() => {}, 50);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const flushes: { [category: string]: NodeJS.Timer } = {};
const pending: { [category: string]: NodeJS.Timeout } = {};
export function buffered(category: string) {
  clearTimeout(flushes[category] as NodeJS.Timeout);
  flushes[category] = setTimeout(() => {}, 50);
  pending[category]?.close();
  pending[category] = setTimeout(() => {}, 50);
}
`,
            },
          ],
        }, // Timer in `flushes` is dropped by assignment over an existing key without `clearTimeout()`.
      ],
    },
    {
      name: 'ranges: a splice after a loop releasing the same index range',
      code: `import { createMeter, type Meter } from './resources.js';
export class Row {
  private readonly cells: Meter[] = [];
  add(route: string) { this.cells.push(createMeter(route)); }
  removeBetween(start: number, end: number) { for (let i = start; i < end; i++) this.cells[i]!.stop(); this.cells.splice(start, end - start); }
  removeBetweenLeaky(start: number, end: number) { this.cells.splice(start, end - start); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [],
        }, // Meter in `this.cells` is dropped by `splice()` without `stop()`.
      ],
    },
    {
      name: 'finished: a process that exited or was killed owes nothing; one released only when connected is still reported',
      code: `import { spawn, type ChildProcess } from 'node:child_process';
declare class Client { isOpen: boolean; close(): void }
declare function connect(): Client;
const children = new Map<string, ChildProcess>();
const clients = new Map<string, Client>();
export function start(id: string) { if (!children.has(id)) children.set(id, spawn('worker')); if (!clients.has(id)) clients.set(id, connect()); }
export function reap(id: string) {
  const child = children.get(id);
  if (child && (child.exitCode !== null || child.killed)) children.delete(id);
}
export function shut(id: string) {
  const client = clients.get(id);
  if (client?.isOpen) client.close();
  clients.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          // The condition under which the value is missed, the right way round.
          data: { type: 'Client', container: 'clients', operation: '`delete()`', release: '`close()`', when: '`client?.isOpen` is false' },
          line: 14,
          // No edit: after `client.close()`, `!client?.isOpen` is true on both paths, so closing under it would close twice.
          suggestions: [],
        }, // Client in `clients` is dropped by `delete()` without `close()` when `client?.isOpen` is false.
      ],
    },
    {
      name: 'streams: a PassThrough unpiped but never ended is dropped (unpiping lets go, it does not take the value)',
      code: `import { PassThrough } from 'node:stream';
declare class Mux { unpipeFrom(stream: PassThrough): void; pipeFrom(stream: PassThrough): void }
export class Conn {
  private readonly slots = new Map<number, PassThrough>();
  constructor(private readonly mux: Mux) {}
  open(id: number) { if (this.slots.has(id)) return; const buffer = new PassThrough(); this.mux.pipeFrom(buffer); this.slots.set(id, buffer); }
  leak(id: number) { const buffer = this.slots.get(id); if (buffer) this.mux.unpipeFrom(buffer); this.slots.delete(id); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { PassThrough } from 'node:stream';
declare class Mux { unpipeFrom(stream: PassThrough): void; pipeFrom(stream: PassThrough): void }
export class Conn {
  private readonly slots = new Map<number, PassThrough>();
  constructor(private readonly mux: Mux) {}
  open(id: number) { if (this.slots.has(id)) return; const buffer = new PassThrough(); this.mux.pipeFrom(buffer); this.slots.set(id, buffer); }
  leak(id: number) { const buffer = this.slots.get(id); if (buffer) this.mux.unpipeFrom(buffer); this.slots.get(id)?.end();
  this.slots.delete(id); }
}
`,
            },
          ],
        }, // PassThrough in `this.slots` is dropped by `delete()` without `end()` when `buffer` is true.
      ],
    },
    {
      name: 'release families: unload() counts beside stop(); a delete with neither is reported, naming stop()',
      code: `declare class Howl { constructor(options: { src: string[] }); play(): number; stop(): Howl; unload(): void }
const sounds: Record<string, Howl> = {};
export function load(id: string, src: string) { sounds[id] ??= new Howl({ src: [src] }); }
export function unload(id: string) { sounds[id]?.unload(); delete sounds[id]; }
export function forget(id: string) { delete sounds[id]; }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          data: { type: 'Howl', container: 'sounds', operation: 'the \`delete\` operator', release: '\`stop()\`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare class Howl { constructor(options: { src: string[] }); play(): number; stop(): Howl; unload(): void }
const sounds: Record<string, Howl> = {};
export function load(id: string, src: string) { sounds[id] ??= new Howl({ src: [src] }); }
export function unload(id: string) { sounds[id]?.unload(); delete sounds[id]; }
export function forget(id: string) { sounds[id]?.stop();
delete sounds[id]; }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'release families: quit() of a client whose conventional release is disconnect() counts',
      code: `declare class RedisClient { disconnect(): void; quit(): Promise<'OK'>; get(key: string): Promise<string | null> }
declare function connect(url: string): RedisClient;
const clients = new Map<string, RedisClient>();
export function open(url: string) { if (!clients.has(url)) clients.set(url, connect(url)); }
export async function close(url: string) { await clients.get(url)?.quit(); clients.delete(url); }
export function drop(url: string) { clients.delete(url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare class RedisClient { disconnect(): void; quit(): Promise<'OK'>; get(key: string): Promise<string | null> }
declare function connect(url: string): RedisClient;
const clients = new Map<string, RedisClient>();
export function open(url: string) { if (!clients.has(url)) clients.set(url, connect(url)); }
export async function close(url: string) { await clients.get(url)?.quit(); clients.delete(url); }
export function drop(url: string) { clients.get(url)?.disconnect();
clients.delete(url); }
`,
            },
          ],
        }, // RedisClient in `clients` is dropped by `delete()` without `disconnect()`.
      ],
    },
    {
      name: 'release families: a release that takes an argument is named, never suggested',
      code: `class Call {
  private readonly ring = setInterval(() => {}, 1000);
  hangup(reason: string): void { clearInterval(this.ring); console.log(reason); }
  answer(): void {}
}
const calls = new Map<string, Call>();
export function dial(id: string) { if (!calls.has(id)) calls.set(id, new Call()); }
export function drop(id: string) { calls.delete(id); }
export function end(id: string) { calls.get(id)?.hangup('bye'); calls.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          // The release it names is `hangup()`, never `answer()`.
          data: { type: 'Call', container: 'calls', operation: '`delete()`', release: '`hangup()`' },
          line: 8,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an entry pattern handed to a helper with the map it walks, deleting without releasing the socket',
      code: `import net from 'node:net';
type Done = (error?: Error) => void;
function runEach<K, V>(items: Map<K, V>, fn: (entry: [K, V], done: Done) => void, end: Done): void {
  let left = items.size;
  for (const entry of items) fn(entry, () => { if (--left === 0) end(); });
}
export class Pool {
  readonly #conns = new Map<string, net.Socket>();
  open(key: string, port: number) { if (!this.#conns.has(key)) this.#conns.set(key, net.connect(port)); }
  close(end: Done) {
    runEach(this.#conns, ([key, socket], done) => {
      socket.setNoDelay(true);
      done();
      this.#conns.delete(key);
    }, end);
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
type Done = (error?: Error) => void;
function runEach<K, V>(items: Map<K, V>, fn: (entry: [K, V], done: Done) => void, end: Done): void {
  let left = items.size;
  for (const entry of items) fn(entry, () => { if (--left === 0) end(); });
}
export class Pool {
  readonly #conns = new Map<string, net.Socket>();
  open(key: string, port: number) { if (!this.#conns.has(key)) this.#conns.set(key, net.connect(port)); }
  close(end: Done) {
    runEach(this.#conns, ([key, socket], done) => {
      socket.setNoDelay(true);
      done();
      this.#conns.get(key)?.destroy();
      this.#conns.delete(key);
    }, end);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a clear() in the completion callback of a helper whose per-element callback releases nothing',
      code: `import net from 'node:net';
type Done = (error?: Error | null) => void;
declare function each<T>(label: string, items: Iterable<T>, fn: (item: T, done: Done) => void, end: Done): void;
export class Producer {
  readonly #streams = new Set<net.Socket>();
  add(port: number) { this.#streams.add(net.connect(port)); }
  close(callback: Done) {
    each('closing', this.#streams, (stream, done) => { stream.setNoDelay(true); done(); }, (error) => {
      if (error) { callback(error); return; }
      this.#streams.clear();
      callback();
    });
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import net from 'node:net';
type Done = (error?: Error | null) => void;
declare function each<T>(label: string, items: Iterable<T>, fn: (item: T, done: Done) => void, end: Done): void;
export class Producer {
  readonly #streams = new Set<net.Socket>();
  add(port: number) { this.#streams.add(net.connect(port)); }
  close(callback: Done) {
    each('closing', this.#streams, (stream, done) => { stream.setNoDelay(true); done(); }, (error) => {
      if (error) { callback(error); return; }
      for (const value of this.#streams) value.destroy();
      this.#streams.clear();
      callback();
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "names: a stream subclass cleared without its close() or the base's end(), which the message names",
      code: `import { Writable } from 'node:stream';
class Sink extends Writable {
  close(callback?: (error?: Error | null) => void): void {
    this.end(callback);
  }
}
const sinks = new Set<Sink>();
export function open() { sinks.add(new Sink()); }
export function closeAll() {
  sinks.clear();
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Sink', container: 'sinks', operation: '`clear()`', release: '`end()`' },
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { Writable } from 'node:stream';
class Sink extends Writable {
  close(callback?: (error?: Error | null) => void): void {
    this.end(callback);
  }
}
const sinks = new Set<Sink>();
export function open() { sinks.add(new Sink()); }
export function closeAll() {
  for (const value of sinks) value.end();
  sinks.clear();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'names: a poller whose close(callback?) returns void | Promise<void>, deleted without it',
      code: `class Poller {
  readonly #timer = setInterval(() => {}, 1000);
  close(callback?: () => void): void | Promise<void> {
    clearInterval(this.#timer);
    if (callback) {
      callback();
      return;
    }
    return Promise.resolve();
  }
}
const pollers = new Map<string, Poller>();
export function poll(id: string) { if (!pollers.has(id)) pollers.set(id, new Poller()); }
export function drop(id: string) { pollers.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'pollers', operation: '`delete()`', release: '`close()`' },
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `class Poller {
  readonly #timer = setInterval(() => {}, 1000);
  close(callback?: () => void): void | Promise<void> {
    clearInterval(this.#timer);
    if (callback) {
      callback();
      return;
    }
    return Promise.resolve();
  }
}
const pollers = new Map<string, Poller>();
export function poll(id: string) { if (!pollers.has(id)) pollers.set(id, new Poller()); }
export function drop(id: string) { void pollers.get(id)?.close();
pollers.delete(id); }
`,
            },
          ],
        },
      ],
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
      name: 'the story: a meter replaced by set() without stop(), where hit() shows the routes come back',
      code: `${imports}
export class Metering {
  private readonly meters = new Map<string, Meter>();
  hit(route: string) {
    if (!this.meters.has(route)) this.meters.set(route, createMeter(route));
  }
  reset(route: string) {
    this.meters.set(route, createMeter(route));
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Meter', container: 'this.meters', operation: '`set()` over an existing key', release: '`stop()`' },
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `${imports}
export class Metering {
  private readonly meters = new Map<string, Meter>();
  hit(route: string) {
    if (!this.meters.has(route)) this.meters.set(route, createMeter(route));
  }
  reset(route: string) {
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
      name: "the story with overwrites 'possible': a meter made per route, replaced by set() without stop() with nothing else showing the route comes back",
      options: [{ overwrites: 'possible' }],
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
  if (!graceful) meters.get(route)?.stop();
  meters.delete(route);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a replaced value named by a variable is released only when it differs',
      options: [{ overwrites: 'possible' }],
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
      name: 'a class extending Map (discord.js Collection) drops a queue by delete() without destroy()',
      code: collectionQueues(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: collectionQueues('this.queues.get(guildId)?.destroy();\n    ') }],
        }, // Queue in \`this.queues\` is dropped by \`delete()\` without \`destroy()\`.
      ],
    },
    {
      name: "a pending record is deleted and then rejected through a reject that leaves the record's timer running",
      code: wrappedRequests('reject'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: wrappedRequests('reject', 'clearTimeout(pending.get(id)?.timer);\n  ') }],
        }, // PendingRequest in \`pending\` is dropped by \`delete()\` without \`clearTimeout()\` on \`timer\`.
      ],
    },
    {
      name: 'a pending record is settled through a promise whose then() clears the timer only when it resolves',
      code: settledRequests('then((value) => {\n    clearTimeout(timer);\n    return value;\n  })'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: settledRequests('then((value) => {\n    clearTimeout(timer);\n    return value;\n  })', 'clearTimeout(pending.get(id)?.timer);\n  '),
            },
          ],
        }, // PendingRequest in \`pending\` is dropped by \`delete()\` without \`clearTimeout()\` on \`timer\`.
      ],
    },
    {
      name: 'a node deleted by its own id, in a map that keeps every node under its id, without destroy()',
      code: nodesById(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: nodesById('target.destroy();\n    ') }],
        }, // LavalinkNode in \`this.nodes\` is dropped by \`delete()\` without \`destroy()\`.
      ],
    },
    {
      name: 'a session looked up through a getter with a fallback and deleted by the same key, never disposed',
      code: sessionsByToken("console.log('closed');"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 25,
          // No suggestion: the key is a call (\`token.toString()\`), which a release written before the delete would run again.
        }, // ServerSession in \`this.sessions\` is dropped by the \`delete\` operator without \`dispose()\`.
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
      name: 'a delete whose answer gates something other than the release still drops the value',
      code: `
import { Subscription } from 'rxjs';
declare function subscribeToMore(): Subscription;
export class Query {
  private readonly subscriptions = new Set<Subscription>();
  private count = 0;
  subscribe() {
    const subscription = subscribeToMore();
    this.subscriptions.add(subscription);
    return () => {
      if (this.subscriptions.delete(subscription)) {
        this.count--;
      }
    };
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Subscription', container: 'this.subscriptions', operation: '`delete()`', release: '`unsubscribe()`' },
          line: 11,
          // A drop inside a condition gets no suggestion: there is no statement of its own to put the release before.
          suggestions: [],
        },
      ],
    },
    {
      name: 'a queue moved to a local that is only counted after the reset is dropped',
      code: `${imports}
export class Channel {
  private queue: Poller[] = [];
  enqueue(url: string) { this.queue.push(createPoller(url)); }
  flush() {
    const pending = this.queue;
    this.queue = [];
    console.log('dropped', pending.length);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'this.queue', operation: 'reassigning the container', release: '`close()`' },
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `${imports}
export class Channel {
  private queue: Poller[] = [];
  enqueue(url: string) { this.queue.push(createPoller(url)); }
  flush() {
    const pending = this.queue;
    for (const value of this.queue) void value.close();
    this.queue = [];
    console.log('dropped', pending.length);
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
          data: {
            because: '',
            type: 'Slot',
            container: 'this.slots',
            operation: '`delete()`',
            release: '`terminate()` on `worker`',
            when: '`crashed` is false',
          },
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
      if (!crashed) void slot.worker.terminate();
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

/**
 * From real code (ioBroker.js-controller, main.js at f4c2b663): an instance moved to another host is
 * deleted from `procs` in the callback `stopInstance()` runs once it has stopped the instance's
 * process. `stop` is the helper's body before its last call of the callback.
 */
const stoppedThenForgotten = (stop = 'proc.process.kill();\n  delete proc.process;'): string => `
import { fork, type ChildProcess } from 'node:child_process';
interface InstanceProc { config: string; process?: ChildProcess }
const procs: Record<string, InstanceProc> = {};
export function start(id: string): void {
  procs[id] = procs[id] || { config: id };
  procs[id].process = fork('main.js');
}
function stopInstance(id: string, callback: () => void): void {
  const proc = procs[id];
  if (!proc?.process) {
    callback();
    return;
  }
  ${stop}
  callback();
}
export function moved(id: string): void {
  stopInstance(id, () => {
    delete procs[id];
  });
}
`;

/** `stoppedThenForgotten(stop)` reported at its delete, with the kill suggested before it. */
const forgottenUnstopped = (name: string, stop: string) =>
  reportedWithRelease(name, stoppedThenForgotten(stop), '    delete procs[id];', '    procs[id]?.process?.kill();\n');

ruleTester.run('stop-on-evict: a callback the program runs once it has released the value', rule, {
  valid: [
    {
      name: 'from real code (ioBroker.js-controller): stopInstance() calls back only where the process is killed or absent, so the delete in its callback owes nothing',
      code: stoppedThenForgotten(),
    },
  ],
  invalid: [
    forgottenUnstopped('a helper that calls back before it kills the process leaves the delete owing the kill', 'callback();\n  proc.process.kill();'),
    forgottenUnstopped('a helper that also hands the callback on cannot say when it runs', 'setTimeout(callback, 10);\n  proc.process.kill();'),
    forgottenUnstopped(
      'a helper that calls back on a path where the process still runs leaves it owed',
      "if (proc.config === 'keep') {\n    callback();\n    return;\n  }\n  proc.process.kill();",
    ),
  ],
});

/**
 * Fields destructured from an entry or, when there is none, from an empty record — the idiom of
 * matter.js's BleScanner (`const { cancelResolver } = this.#recordWaiters.get(queryKey) ?? {}`).
 * `fallback` is what the look-up falls back to; `releases` runs before the delete.
 */
const destructuredEntry = (fallback: string, releases: string): string => `
import { watch, type FSWatcher } from 'node:fs';
interface Entry { timer?: NodeJS.Timeout; watcher: FSWatcher }
export class Watches {
  private entries = new Map<string, Entry>();
  private spare: Entry = { watcher: watch('.') };
  add(path: string): void {
    if (this.entries.has(path)) return;
    this.entries.set(path, { watcher: watch(path), timer: setTimeout(() => {}, 5) });
  }
  remove(path: string): void {
    const { timer, watcher } = this.entries.get(path) ?? ${fallback};
    ${releases}
    this.entries.delete(path);
  }
}`;

ruleTester.run('stop-on-evict: fields destructured from an entry or an empty record', rule, {
  valid: [
    {
      name: 'an empty record gives each field nothing, as a missing entry does: releasing the fields releases the entry',
      code: destructuredEntry('{}', 'clearTimeout(timer);\n    watcher?.close();'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'twin: released only in part, the rest of the entry is still owed',
      destructuredEntry('{}', 'clearTimeout(timer);'),
      '    this.entries.delete(path);',
      '    this.entries.get(path)?.watcher?.close();\n',
    ),
    reportedWithRelease(
      "twin: falling back to another record, the fields may be that record's",
      destructuredEntry('this.spare', 'clearTimeout(timer);\n    watcher.close();'),
      '    this.entries.delete(path);',
      '    clearTimeout(this.entries.get(path)?.timer);\n    this.entries.get(path)?.watcher?.close();\n',
    ),
  ],
});

/**
 * From real code (platformatic-kafka's connection pool): a connection is stored before it connects,
 * and taken out again in the error branch of its own connect callback. Handing the error to the
 * caller's callback is the callback form of a `throw`: an abnormal path, which owes nothing.
 */
const pooledConnections = (onError: string): string => `
import { connect, type Socket } from 'node:net';
type Done<T> = (error: Error | null, value?: T) => void;
declare function warn(error: Error): void;
class Connection {
  #socket?: Socket;
  connect(host: string, port: number, done: Done<void>): void {
    const socket = (this.#socket = connect(port, host));
    socket.once('error', (error) => {
      socket.destroy();
      done(error);
    });
    socket.once('connect', () => done(null));
  }
  close(): void {
    this.#socket?.destroy();
  }
}
export class ConnectionPool {
  readonly #connections = new Map<string, Connection>();
  lastError?: Error;
  get(host: string, port: number, callback: Done<Connection>): void {
    const key = \`\${host}:\${port}\`;
    const existing = this.#connections.get(key);
    if (existing) return callback(null, existing);
    const connection = new Connection();
    this.#connections.set(key, connection);
    connection.connect(host, port, (error) => {
      if (error) {
        this.#connections.delete(key);
        ${onError}
      }
      callback(null, connection);
    });
  }
  close(): void {
    for (const connection of this.#connections.values()) connection.close();
    this.#connections.clear();
  }
}`;

/** A meter kept while its route loads, taken out again when the load fails. */
const loadingMeters = (onFailure: string): string => `${imports}
declare function load(route: string): Promise<void>;
const meters = new Map<string, Meter>();
export function track(route: string): Promise<void> {
  if (meters.has(route)) return Promise.resolve();
  meters.set(route, createMeter(route));
  return load(route).catch((cause: Error) => {
    meters.delete(route);
    ${onFailure}
  });
}`;

ruleTester.run('stop-on-evict: a failure handed to the caller', rule, {
  valid: [
    { name: 'the error handed to the caller, then return', code: pooledConnections('callback(error);\n        return;') },
    { name: 'returned with the call', code: pooledConnections('return callback(error);') },
    { name: 'a rejected promise returned from the catch handler', code: loadingMeters('return Promise.reject(cause);') },
    { name: 'a new error handed on', code: pooledConnections("return callback(new Error('connect failed: ' + key));") },
  ],
  invalid: [
    reportedWithRelease(
      'twin: the failure swallowed in the catch handler',
      loadingMeters('console.warn(cause);'),
      '    meters.delete(route);',
      '    meters.get(route)?.stop();\n',
    ),
    reportedWithRelease(
      'twin: the error only logged, and the path goes on normally',
      pooledConnections('warn(error);\n        return;'),
      '        this.#connections.delete(key);',
      '        this.#connections.get(key)?.close();\n',
    ),
    reportedWithRelease(
      'twin: what is handed on may be no error (`lastError` may be undefined)',
      pooledConnections('return callback(this.lastError ?? null);'),
      '        this.#connections.delete(key);',
      '        this.#connections.get(key)?.close();\n',
    ),
  ],
});

/**
 * A server closed in a `try` whose `catch` only logs, then deleted. graphql-ws (`src/use/ws.ts`)
 * closes its server as `await new Promise((resolve, reject) => ws.close((err) => (err ? reject(err) :
 * resolve())))`; `attempt` is the body of the `try`. A close that fails was tried: the catch path owes
 * nothing more than the normal one.
 */
const closedInTry = (attempt: string): string => `import net from 'node:net';
function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
function describeServer(server: net.Server): string {
  return JSON.stringify(server.address());
}
export class Listeners {
  private readonly servers = new Map<number, net.Server>();
  open(port: number): void {
    if (!this.servers.has(port)) this.servers.set(port, net.createServer().listen(port));
  }
  async remove(port: number): Promise<void> {
    const server = this.servers.get(port);
    if (!server) return;
    try {
      ${attempt}
    } catch (err) {
      console.warn('close failed', port, err);
    }
    this.servers.delete(port);
  }
}
`;

ruleTester.run('stop-on-evict: a release awaited in a try', rule, {
  valid: [
    {
      name: "from real code (graphql-ws): the close made by a promise's executor, awaited",
      code: closedInTry('await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));'),
    },
    {
      name: 'the same written as a block',
      code: closedInTry('await new Promise<void>((resolve, reject) => {\n        server.close((err) => (err ? reject(err) : resolve()));\n      });'),
    },
    { name: 'a helper of the program that closes the server it is handed', code: closedInTry('await closeServer(server);') },
  ],
  invalid: [
    reportedWithRelease(
      'twin: the server is used before the close, and that use may be what failed',
      closedInTry('console.log(describeServer(server));\n      await closeServer(server);'),
      '    this.servers.delete(port);',
      '    this.servers.get(port)?.close();\n',
    ),
    reportedWithRelease(
      'twin: the executor does something else first',
      closedInTry('await new Promise<void>((resolve) => {\n        console.log(describeServer(server));\n        server.close(() => resolve());\n      });'),
      '    this.servers.delete(port);',
      '    this.servers.get(port)?.close();\n',
    ),
    reportedWithRelease(
      'twin: a helper that only reads the server',
      closedInTry('console.log(describeServer(server));'),
      '    this.servers.delete(port);',
      '    this.servers.get(port)?.close();\n',
    ),
  ],
});

/**
 * From real code (graphql-ws, server.ts): when the socket closes, the operations are copied, the
 * record is reset, and every live generator among the copies is returned through a filter by the
 * program's type guard (`Object.values(subs).filter(isAsyncGenerator).map((sub) => sub.return(undefined))`).
 * The filter keeps every value that owes, as `if (isGenerator(op))` in a loop does. `teardown` is that step.
 */
const operationsTornDown = (teardown: string): string => `
declare function results(query: string): AsyncGenerator<string>;
declare function replay(query: string): AsyncIterable<string>;
function isGenerator(value: unknown): value is AsyncGenerator<string> {
  return typeof (value as { return?: unknown } | null)?.return === 'function';
}
function isReplay(value: unknown): value is AsyncIterable<string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
interface Context {
  operations: Record<string, AsyncGenerator<string> | AsyncIterable<string> | null>;
}
export function subscribe(ctx: Context, id: string, query: string, live: boolean) {
  if (!(id in ctx.operations)) ctx.operations[id] = live ? results(query) : replay(query);
}
export async function close(ctx: Context) {
  const operations = { ...ctx.operations };
  ctx.operations = {};
  ${teardown}
}`;

ruleTester.run('stop-on-evict: a copy filtered by a type guard before each value is released', rule, {
  valid: [
    {
      name: 'from real code (graphql-ws): the values of the copy, filtered by the guard, each returned',
      code: operationsTornDown('await Promise.all(Object.values(operations).filter(isGenerator).map((op) => op.return(undefined)));'),
    },
    {
      name: 'the same with the guard written in place',
      code: operationsTornDown(
        'await Promise.all(Object.values(operations).filter((op): op is AsyncGenerator<string> => isGenerator(op)).map((op) => op.return(undefined)));',
      ),
    },
  ],
  invalid: [
    {
      name: 'twin: a guard for what owes nothing keeps none of what owes',
      code: operationsTornDown('await Promise.all(Object.values(operations).filter(isReplay).map((op) => op[Symbol.asyncIterator]()));'),
      errors: [{ messageId: 'unreleasedDrop', line: 18 }],
    },
    {
      name: 'twin: the filtered copy only counted',
      code: operationsTornDown('console.debug(Object.values(operations).filter(isGenerator).length);'),
      errors: [{ messageId: 'unreleasedDrop', line: 18 }],
    },
  ],
});

/**
 * Values taken from a list one at a time, each given to a name in the loop's test or at the end of
 * each turn: the drain VS Code's `disposeAll()` writes with a `const` in the body, in the other
 * spellings people use. `turns` is the loop; a later test or release of the name speaks of the value
 * it was last given.
 */
const watchersTaken = (turns: string): string => `import { watch, type FSWatcher } from 'node:fs';
export class Watchers {
  private watchers: FSWatcher[] = [];
  add(path: string): void { this.watchers.push(watch(path)); }
  closeAll(): void {
    ${turns}
  }
}
`;

ruleTester.run('stop-on-evict: values taken from a list one at a time', rule, {
  valid: [
    {
      name: 'the name given in the loop test, each value closed (the last test finds nothing taken)',
      code: watchersTaken('let watcher: FSWatcher | undefined; while ((watcher = this.watchers.pop())) watcher.close();'),
    },
    {
      name: 'the name given in the loop test and compared with undefined',
      code: watchersTaken('let watcher: FSWatcher | undefined; while ((watcher = this.watchers.shift()) !== undefined) watcher.close();'),
    },
    {
      name: 'the name given before the loop and again at the end of each turn',
      code: watchersTaken('let watcher = this.watchers.pop(); while (watcher) { watcher.close(); watcher = this.watchers.pop(); }'),
    },
    {
      name: 'a turn that leaves the loop when nothing was taken',
      code: watchersTaken('for (;;) { const watcher = this.watchers.pop(); if (!watcher) break; watcher.close(); }'),
    },
    {
      name: 'two values taken, each closed',
      code: watchersTaken('const first = this.watchers.shift(); const second = this.watchers.shift(); first?.close(); second?.close();'),
    },
  ],
  invalid: [
    {
      name: 'twin: the name given in the loop test, each value only logged',
      code: watchersTaken('let watcher: FSWatcher | undefined; while ((watcher = this.watchers.pop())) console.log(watcher);'),
      errors: [{ messageId: 'unreleasedDrop', line: 6 }],
    },
    {
      name: 'twin: the name given again before the value it held was closed',
      code: watchersTaken('let watcher = this.watchers.pop(); while (watcher) { watcher = this.watchers.pop(); }'),
      errors: [
        { messageId: 'unreleasedDrop', line: 6 },
        { messageId: 'unreleasedDrop', line: 6 },
      ],
    },
    {
      name: 'twin: a turn that leaves the loop when nothing was taken and only logs what was',
      code: watchersTaken('for (;;) { const watcher = this.watchers.pop(); if (!watcher) break; console.log(watcher); }'),
      errors: [{ messageId: 'unreleasedDrop', line: 6 }],
    },
    {
      name: 'twin: the first value taken closed, the second only logged',
      code: watchersTaken('this.watchers.shift()?.close(); const second = this.watchers.shift(); console.log(second);'),
      errors: [{ messageId: 'unreleasedDrop', line: 6 }],
    },
  ],
});

/** Timers kept per name in an object, cleared while walking its entries, as `m.entries()` of a Map is walked. `walk` is the loop. */
const timersByName = (walk: string): string => `export class Debouncer {
  private timers: Record<string, NodeJS.Timeout> = {};
  schedule(name: string, run: () => void): void {
    clearTimeout(this.timers[name]);
    this.timers[name] = setTimeout(run, 100);
  }
  cancelAll(): void {
    ${walk}
  }
}
`;

ruleTester.run('stop-on-evict: the entries of an object walked with Object.entries()', rule, {
  valid: [
    {
      name: 'each entry of Object.entries() cleared, then its key deleted',
      code: timersByName('for (const [name, timer] of Object.entries(this.timers)) { clearTimeout(timer); delete this.timers[name]; }'),
    },
    {
      name: 'the same, the timer cleared where it is set',
      code: timersByName('for (const [name, timer] of Object.entries(this.timers)) { if (timer) clearTimeout(timer); delete this.timers[name]; }'),
    },
  ],
  invalid: [
    {
      name: 'twin: each entry only logged before its key is deleted',
      code: timersByName('for (const [name, timer] of Object.entries(this.timers)) { console.log(timer); delete this.timers[name]; }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: timersByName(
                'for (const [name, timer] of Object.entries(this.timers)) { console.log(timer); clearTimeout(this.timers[name]);\n    delete this.timers[name]; }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'twin: only the entries of some names cleared, the message names the condition',
      code: timersByName(
        "for (const [name, timer] of Object.entries(this.timers)) { if (name.startsWith('ui:')) clearTimeout(timer); delete this.timers[name]; }",
      ),
      errors: [{ messageId: 'unreleasedDropWhen', line: 8 }],
    },
  ],
});

/**
 * Sessions, each a socket and an idle timer, ended through a function of the program handed to
 * `forEach` itself (`sessions.forEach(endSession)`) rather than called in an arrow. `endAll` is the
 * teardown.
 */
const sessionsEndedBy = (endAll: string): string => `import { connect, type Socket } from 'node:net';
interface Session { socket: Socket; idle: NodeJS.Timeout }
function endSession(session: Session): void {
  clearTimeout(session.idle);
  session.socket.destroy();
}
function stopIdle(session: Session): void {
  clearTimeout(session.idle);
}
function describeSession(session: Session): string {
  return String(session.socket.remoteAddress);
}
export class Sessions {
  private sessions = new Map<string, Session>();
  open(id: string, host: string): void {
    const existing = this.sessions.get(id);
    if (existing) endSession(existing);
    this.sessions.set(id, { socket: connect(80, host), idle: setTimeout(() => this.close(id), 60_000) });
  }
  close(id: string): void {
    const session = this.sessions.get(id);
    if (session) endSession(session);
    this.sessions.delete(id);
  }
  private end(session: Session): void {
    endSession(session);
  }
  closeAll(): void {
    ${endAll}
  }
}
`;

ruleTester.run('stop-on-evict: a function of the program handed to forEach', rule, {
  valid: [
    {
      name: 'each session ended by the function handed to forEach, then the map cleared',
      code: sessionsEndedBy('this.sessions.forEach(endSession);\n    this.sessions.clear();'),
    },
    {
      name: 'the same through a method of the class',
      code: sessionsEndedBy('this.sessions.forEach(this.end, this);\n    this.sessions.clear();'),
    },
    {
      name: 'the same over a copy of the values',
      code: sessionsEndedBy('[...this.sessions.values()].forEach(endSession);\n    this.sessions = new Map();'),
    },
  ],
  invalid: [
    {
      name: 'twin: the function handed to forEach only reads each session',
      code: sessionsEndedBy('this.sessions.forEach(describeSession);\n    this.sessions.clear();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sessionsEndedBy(
                'this.sessions.forEach(describeSession);\n    for (const value of this.sessions.values()) { value.socket.destroy(); clearTimeout(value.idle); }\n    this.sessions.clear();',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'twin: the function handed to forEach stops the timer and leaves the socket open',
      code: sessionsEndedBy('this.sessions.forEach(stopIdle);\n    this.sessions.clear();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Session', container: 'this.sessions', operation: '`clear()`', release: '`destroy()` on `socket`' },
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sessionsEndedBy(
                'this.sessions.forEach(stopIdle);\n    for (const value of this.sessions.values()) value.socket.destroy();\n    this.sessions.clear();',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** Sockets kept per peer, quieted and destroyed in one chain (`removeAllListeners()` returns the socket). `forget` is the removal. */
const peersForgotten = (forget: string): string => `import { connect, type Socket } from 'node:net';
export class Peers {
  private peers = new Map<string, Socket>();
  add(id: string, host: string): void {
    this.peers.get(id)?.destroy();
    this.peers.set(id, connect(80, host));
  }
  remove(id: string): void {
    ${forget}
    this.peers.delete(id);
  }
}
`;

ruleTester.run('stop-on-evict: a release chained after a method declared to return this', rule, {
  valid: [
    {
      name: 'the socket quieted and destroyed in one chain',
      code: peersForgotten('this.peers.get(id)?.removeAllListeners().destroy();'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'twin: the socket only quieted',
      peersForgotten('this.peers.get(id)?.removeAllListeners();'),
      '    this.peers.delete(id);',
      '    this.peers.get(id)?.destroy();\n',
    ),
  ],
});

/**
 * From real code (vue-flux, ragnarlotus/vue-flux, its `Timers` helper): set() clears the timer kept
 * under an index before it arms another there; clear() walks the one index it is given, or every
 * key when given none, through the list of keys `walk` chooses, each turn running `turn`.
 */
const indexedTimers = (walk: string, turn: string): string => `
export class Timers {
  timers: { [index: string]: ReturnType<typeof setTimeout> } = {};
  set(index: string, time: number, callback: () => void): void {
    this.clear(index);
    this.timers[index] = setTimeout(callback, time);
  }
  clear(index?: string): void {
    ${walk}((key) => {
      ${turn}
    });
  }
}`;
const CHOSEN_KEYS = 'const keys = index !== undefined ? [index] : Object.keys(this.timers);\n    keys.forEach';
const CLEARED_AND_DELETED = 'clearTimeout(this.timers[key]);\n      delete this.timers[key];';

/** Intervals kept per key, cleared by a method that walks the keys it writes out (`for (const k of [a, b])`). */
const pairedIntervals = (keys: string): string => `
export class Pairs {
  private timers = new Map<string, NodeJS.Timeout>();
  open(a: string, b: string, tick: () => void): void {
    this.stopBoth(a, b);
    this.timers.set(a, setInterval(tick, 1000));
    this.timers.set(b, setInterval(tick, 1000));
  }
  private stopBoth(a: string, b: string): void {
    for (const key of ${keys}) clearInterval(this.timers.get(key));
  }
}`;

ruleTester.run('stop-on-evict: keys written out, and keys walked by forEach', rule, {
  valid: [
    {
      name: 'from real code (vue-flux): clear(index) walks [index], or every key when given none, so the timer set() replaces was cleared',
      code: indexedTimers(CHOSEN_KEYS, CLEARED_AND_DELETED),
    },
    {
      name: 'the same with the chosen keys walked by a for…of loop',
      code: indexedTimers(CHOSEN_KEYS.replace('keys.forEach', '[].forEach'), CLEARED_AND_DELETED)
        .replace('[].forEach((key) => {', 'for (const key of keys) {')
        .replace('\n    });\n  }\n}', '\n    }\n  }\n}'),
    },
    {
      name: 'the same with clear(index) walking only the list it writes out',
      code: indexedTimers('[index!].forEach', CLEARED_AND_DELETED),
    },
    {
      name: 'the same with clear() walking every key of the object through forEach',
      code: indexedTimers('Object.keys(this.timers).forEach', CLEARED_AND_DELETED),
    },
    {
      name: 'a loop over a written list of two keys clears the interval at each, before both are stored again',
      code: pairedIntervals('[a, b]'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'from real code (vue-flux), twin: a clear() that only deletes lets go of each timer it walks',
      indexedTimers(CHOSEN_KEYS, 'delete this.timers[key];'),
      '      delete this.timers[key];',
      '      clearTimeout(this.timers[key]);\n',
    ),
    reportedWithRelease(
      'twin: a turn that clears only some timers leaves the rest to the store over their index',
      indexedTimers(CHOSEN_KEYS, 'if (key.startsWith("_")) clearTimeout(this.timers[key]);'),
      '    this.timers[index] = setTimeout(callback, time);',
      '    clearTimeout(this.timers[index]);\n',
    ),
    reportedWithRelease(
      'twin: a written list that names one key only leaves the interval at the other',
      pairedIntervals('[a]'),
      '    this.timers.set(b, setInterval(tick, 1000));',
      '    clearInterval(this.timers.get(b));\n',
    ),
  ],
});

/**
 * From real code (pixijs, ExternalSource.ts): a subclass whose handle for one renderer is a shared
 * placeholder takes it out of the map just before the base class destroys every handle the map
 * holds, so that the shared one survives. `teardown` is what the subclass's destroy() does next.
 */
const shieldedPlaceholder = (teardown: string): string => `import { TextureSource, type Renderer } from './shared/textureSource.js';
export class ExternalSource extends TextureSource {
  constructor(private readonly renderer: Renderer) {
    super();
  }
  override destroy(): void {
    const renderer = this.renderer;
    delete this.gpuData[renderer.uid];
    ${teardown}
  }
}
`;

/** The same shape in one class: one connection taken out before every other one is closed. */
const keptConnection = (shutdown: string): string => `import net from 'node:net';
export class Pool {
  private readonly conns = new Map<string, net.Socket>();
  open(id: string, port: number): void {
    if (!this.conns.has(id)) this.conns.set(id, net.connect(port));
  }
  closeAll(): void {
    for (const conn of this.conns.values()) conn.destroy();
    this.conns.clear();
  }
  shutdown(keep: string): void {
    ${shutdown}
  }
}
`;

ruleTester.run('stop-on-evict: a value taken out of a container just before every value left is released', rule, {
  valid: [
    {
      name: "from real code (pixijs): a handle deleted just before the base class's destroy(), declared in another module, destroys every other one",
      code: shieldedPlaceholder('super.destroy();'),
    },
    {
      name: 'the same in one class: a delete just before a method of the class that closes every other value',
      code: keptConnection('this.conns.delete(keep);\n    this.closeAll();'),
    },
    {
      name: 'the same with the loop that closes every other value written out',
      code: keptConnection('this.conns.delete(keep);\n    for (const conn of this.conns.values()) conn.destroy();'),
    },
  ],
  invalid: [
    ...[
      ['twin: the delete with no release of the other values after it', 'void 0;'],
      ["twin: the base class's method that only starts an empty map releases nothing, so the delete is not kept out of a release", 'super.forget();'],
    ].map(([name, teardown]) => ({ name: name!, code: shieldedPlaceholder(teardown!), errors: [{ messageId: 'unreleasedDrop' as const, line: 8 }] })),
    reportedWithRelease(
      "twin: a base class's method declared in another module releases that module's map, not a map of the same name here",
      `import { GpuTexture, TextureSource } from './shared/textureSource.js';
const uploads = new Map<number, GpuTexture>();
export class PooledSource extends TextureSource {
  add(uid: number): void {
    if (!uploads.has(uid)) uploads.set(uid, new GpuTexture());
  }
  drop(uid: number): void {
    uploads.delete(uid);
    super.releaseUploads();
  }
}
`,
      '    uploads.delete(uid);',
      '    uploads.get(uid)?.destroy();\n',
    ),
    reportedWithRelease(
      'twin: a value replaced, not taken out, before every value is closed is lost all the same',
      keptConnection('this.conns.set(keep, new net.Socket());\n    this.closeAll();'),
      '    this.conns.set(keep, new net.Socket());',
      '    this.conns.get(keep)?.destroy();\n',
    ),
    reportedWithRelease(
      'twin: a delete on a path of its own, which never reaches the release of every value, is a drop',
      keptConnection('if (keep) {\n      this.conns.delete(keep);\n      return;\n    }\n    this.closeAll();'),
      '      this.conns.delete(keep);',
      '      this.conns.get(keep)?.destroy();\n',
    ),
  ],
});

/**
 * Stacks of explicit resource management kept per session: `release` is the body of `end()`, which
 * lets the session's stack go. `kind` is `DisposableStack` or `AsyncDisposableStack`.
 */
const sessionStacks = (release: string, kind = 'DisposableStack'): string => `export class Sessions {
  private stacks = new Map<string, ${kind}>();

  open(id: string): void {
    const stack = new ${kind}();
    const timer = setInterval(() => {}, 1000);
    stack.defer(() => clearInterval(timer));
    this.stacks.set(id, stack);
  }

  end(id: string): ${kind} | undefined {
    const stack = this.stacks.get(id);
${release}
  }
}
`;

ruleTester.run('stop-on-evict: disposable stacks', rule, {
  valid: [
    {
      name: 'a stack whose move() hands every resource to the stack returned is not dropped with them',
      code: sessionStacks('    this.stacks.delete(id);\n    return stack?.move();'),
    },
    {
      name: 'nor is an async one',
      code: sessionStacks('    this.stacks.delete(id);\n    return stack?.move();', 'AsyncDisposableStack'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'a stack deleted and only added to afterwards is owed its dispose()',
      sessionStacks('    this.stacks.delete(id);\n    stack?.use({ [Symbol.dispose]: () => {} });\n    return undefined;'),
      '    this.stacks.delete(id);',
      '    this.stacks.get(id)?.dispose();\n',
    ),
    reportedWithRelease(
      'an async stack is released by disposeAsync(), whose promise the suggestion marks as not awaited',
      sessionStacks('    this.stacks.delete(id);\n    stack?.use({ [Symbol.dispose]: () => {} });\n    return undefined;', 'AsyncDisposableStack'),
      '    this.stacks.delete(id);',
      '    void this.stacks.get(id)?.disposeAsync();\n',
    ),
  ],
});
