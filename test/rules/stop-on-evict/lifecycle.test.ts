// stop-on-evict — lifecycles: close and exit handlers, one-shot timers, debounces, a value's own release.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (coc.nvim, diagnostic/manager.ts): a collection made with the callback its dispose()
 * runs, which splices out of the list the value `found` names.
 */
const disposableCollections = (found: string): string => `
import { createMeter, type Meter } from './resources.js';
export class Collection {
  private readonly meter: Meter = createMeter('collection');
  constructor(readonly name: string, private readonly onDispose?: () => void) {}
  dispose(): void { this.meter.stop(); this.onDispose?.(); }
}
export class Manager {
  private readonly collections: Collection[] = [];
  create(name: string): Collection {
    let collection = this.collections.find((c) => c.name === name);
    if (collection) return collection;
    const first = this.collections[0];
    collection = new Collection(name, () => {
      const idx = this.collections.findIndex((o) => o === ${found});
      if (idx !== -1) this.collections.splice(idx, 1);
    });
    this.collections.push(collection);
    return collection;
  }
}`;

/**
 * From real code (coc.nvim, model/status.ts): status items written as literals and kept in a local
 * `let` before they are stored; their own `dispose` removes their entries and asks the owner to
 * redraw (`onRelease` is the call it ends with).
 */
const statusItems = (onRelease: string): string => `
export interface Item { text: string; show(): void; dispose(): void }
export class Status {
  private readonly items = new Map<string, Item>();
  private readonly shown = new Set<string>();
  private redraw(): void { console.log(this.shown.size); }
  private forget(uid: string): void { console.log(uid); }
  create(): Item {
    let uid = crypto.randomUUID();
    let item: Item = {
      text: '',
      show: () => { this.shown.add(uid); this.redraw(); },
      dispose: () => {
        this.shown.delete(uid);
        this.items.delete(uid);
        ${onRelease}
      },
    };
    this.items.set(uid, item);
    return item;
  }
  reset(): void { this.items.clear(); }
}`;

/**
 * From real code (coc.nvim, cursors/index.ts and services.ts): a cancel callback made after the store
 * releases the captured value and removes its key (a key destructured from the document, the value a
 * `let` given twice or a parameter); `after` runs after the store, `release` in the callback.
 */
const cancelledSessions = (after: string, release: string): string => `
import { createMeter, type Meter } from './resources.js';
declare function onCancel(fn: () => void): void;
export class Cursors {
  private readonly sessions = new Map<number, Meter>();
  private find(bufnr: number): Meter | undefined { return this.sessions.get(bufnr); }
  create(doc: { bufnr: number }): Meter {
    let { bufnr } = doc;
    let session = this.find(bufnr);
    if (session) return session;
    session = createMeter(String(bufnr));
    this.sessions.set(bufnr, session);
    ${after}
    onCancel(() => {
      ${release}
      this.sessions.delete(bufnr);
    });
    return session;
  }
}
export class Services {
  private readonly registered = new Map<string, Meter>();
  register(service: Meter & { id: string }): void {
    let { id } = service;
    if (this.registered.get(id)) return;
    this.registered.set(id, service);
    onCancel(() => {
      if (!this.registered.has(id)) return;
      service.stop();
      this.registered.delete(id);
    });
  }
}`;

/** From real code (deepstream): an RPC tells its handler it is gone from its own destroy(); `elsewhere` is any other caller. */
const rpcHandler = (elsewhere = ''): string => `
export class Rpc {
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly handler: RpcHandler, readonly id: string) {
    this.timer = setTimeout(() => this.destroy(), 10_000);
  }
  destroy(): void {
    clearTimeout(this.timer);
    this.handler.onRpcDestroyed(this.id);
  }
}
export class RpcHandler {
  private readonly rpcs = new Map<string, Rpc>();
  make(id: string): void {
    if (this.rpcs.has(id)) return;
    this.rpcs.set(id, new Rpc(this, id));
  }
  onRpcDestroyed(id: string): void {
    this.rpcs.delete(id);
  }${elsewhere}
}`;

/** A stream kept per path and deleted in a listener on the server's `'error'`, not the stream's own. */
const streamDroppedOnServerError = (handler: string): string => `
import fs from 'node:fs';
import type { Server } from 'node:net';
const streams = new Map<string, fs.ReadStream>();
export function read(server: Server, path: string) {
  if (streams.has(path)) return;
  const stream = fs.createReadStream(path);
  streams.set(path, stream);
  server.on('error', () => ${handler});
}`;

/** Sockets opened per id, removed by a private method that the listeners in `listeners` call. */
function socketRemover(listeners: string): string {
  return `
import net from 'node:net';
export class Peers {
  private sockets = new Map<string, net.Socket>();
  constructor(private readonly server: net.Server) {}
  open(id: string, port: number) {
    if (this.sockets.has(id)) return;
    const socket = net.connect(port);
    this.sockets.set(id, socket);
    ${listeners}
  }
  private removeSocket(id: string) {
    this.sockets.delete(id);
  }
}`;
}

/** From real code (rrweb's WebRTC plugin): a peer kept per window, removed by a local function that the listeners in `listeners` call. */
function peerReset(listeners: string): string {
  return `
import { EventEmitter } from 'node:events';
declare class Peer extends EventEmitter { destroy(): void }
export class Recorder {
  private peers = new Map<string, Peer>();
  connect(id: string): Peer {
    const existing = this.peers.get(id);
    if (existing) return existing;
    const peer = new Peer();
    this.peers.set(id, peer);
    const reset = () => {
      this.peers.delete(id);
    };
    ${listeners}
    return peer;
  }
}`;
}

/** From real code (inngest-js): writers fanned out to, each written through `write`, whose chain ends in `after`. */
const writerFanout = (write: string, after: string): string => `
export class Fanout {
  #writers = new Set<WritableStreamDefaultWriter<string>>();
  add(writer: WritableStreamDefaultWriter<string>) {
    this.#writers.add(writer);
  }
  write(chunk: string) {
    for (const writer of this.#writers) {
      ${write}.${after}(() => this.#writers.delete(writer));
    }
  }
  close() {
    for (const writer of this.#writers) void writer.close();
    this.#writers.clear();
  }
}`;

/** From real code (vscode-mssql): a panel's dispose() replaced by one that first removes it; `assigned` names the member replaced. */
const replacedDispose = (assigned: string): string => `
declare class Panel { dispose(): void; onHide: () => void }
declare function openPanel(path: string): Panel;
const panels = new Map<string, Panel>();
export function show(id: string, path: string) {
  if (panels.has(id)) return;
  const panel = openPanel(path);
  panels.set(id, panel);
  const original = panel.dispose.bind(panel);
  panel.${assigned} = () => {
    panels.delete(id);
    original();
  };
}`;

/**
 * From real code (signalk-server, BLE claims): a claim record `{ owner, handle }` whose handle's own
 * close() — written in a literal, or put in place of the handle's close, which first runs
 * `keepAliveRelease` — removes the claim by `key`; `others` are more members of the class.
 */
const claimHandles = (key: string, keepAliveRelease = 'clearInterval(keepAlive);', others = ''): string => `
interface Handle { close(): Promise<void> }
interface Link { disconnect(): Promise<void> }
interface Claim { owner: string; handle: Handle; keepAlive?: NodeJS.Timeout }
declare function openLink(mac: string): Link;
declare function openHandle(mac: string): Handle;
export class Claims {
  private claims = new Map<string, Claim>();
  connect(mac: string, owner: string): Link {
    if (this.claims.has(mac)) throw new Error('claimed');
    const link = openLink(mac);
    const handle: Handle = {
      close: async () => {
        this.claims.delete(${key});
        await link.disconnect();
      },
    };
    this.claims.set(mac, { owner, handle });
    return link;
  }
  subscribe(mac: string, owner: string): Handle {
    if (this.claims.has(mac)) throw new Error('claimed');
    const handle = openHandle(mac);
    const keepAlive = setInterval(() => {}, 1000);
    const claim: Claim = { owner, handle, keepAlive };
    this.claims.set(mac, claim);
    const close = handle.close.bind(handle);
    handle.close = async () => {
      ${keepAliveRelease}
      this.claims.delete(${key});
      return close();
    };
    return handle;
  }${others}
}`;

/** From real code (signalk-server, BLE claims): a provider's claims let go, each handle closed before its claim is deleted. */
const UNREGISTER = `
  unregister(owner: string): void {
    for (const [mac, claim] of this.claims) {
      if (claim.owner === owner) {
        void claim.handle.close();
        this.claims.delete(mac);
      }
    }
  }`;

/** From real code (browser-sdk): views kept in a set, each removed by a subscriber of its observable `observable`. */
const viewObservable = (observable: string, method = 'subscribe'): string => `
declare class View {
  readonly ${observable}: { ${method}(callback: () => void): { unsubscribe(): void } };
  stop(): void;
}
declare function startView(name: string): View;
const activeViews = new Set<View>();
export function track(name: string) {
  const view = startView(name);
  activeViews.add(view);
  view.${observable}.${method}(() => {
    activeViews.delete(view);
  });
}`;

/**
 * From real code (realtime-js): a channel asks its socket to remove it from inside its own close
 * hook; `elsewhere` is any other code of the program.
 */
const channelRemovedOnClose = (elsewhere = ''): string => `
export class Channel {
  private closeHooks: (() => void)[] = [];
  private rejoinTimer: ReturnType<typeof setInterval> | undefined;
  constructor(readonly topic: string, private readonly socket: Socket) {
    this.rejoinTimer = setInterval(() => this.rejoin(), 1_000);
    this._onClose(() => {
      clearInterval(this.rejoinTimer);
      this.socket.remove(this);
    });
  }
  _onClose(hook: () => void): void { this.closeHooks.push(hook); }
  rejoin(): void {}
  teardown(): void { clearInterval(this.rejoinTimer); }
}
export class Socket {
  channels: Channel[] = [];
  channel(topic: string): Channel {
    const channel = new Channel(topic, this);
    this.channels.push(channel);
    return channel;
  }
  remove(channel: Channel): void {
    this.channels = this.channels.filter((c) => c.topic !== channel.topic);
  }
}${elsewhere}`;

/**
 * From real code (amqp-client.js): a queue handle's delete() asks the broker, releases itself and
 * then has its session forget it; `release` is what delete() calls on itself first.
 */
const queueForgetsItself = (release: string): string => `
export class Queue {
  private consumers = new Map<string, ReturnType<typeof setInterval>>();
  constructor(readonly name: string, private readonly session: Session) {}
  consume(tag: string): void {
    if (!this.consumers.has(tag)) this.consumers.set(tag, setInterval(() => {}, 1_000));
  }
  cancelAll(): void {
    for (const timer of this.consumers.values()) clearInterval(timer);
    this.consumers.clear();
  }
  async delete(): Promise<void> {
    await Promise.resolve();
    ${release}
    this.session.removeQueue(this.name);
  }
}
export class Session {
  private queues = new Map<string, Queue>();
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = new Queue(name, this)));
    return queue;
  }
  removeQueue(name: string): void {
    this.queues.delete(name);
  }
}`;

/** From real code (inngest-js): a stream kept per id with its controller, removed by the underlying source's `hook`. */
const streamSource = (hook: string): string => `
export class Streams {
  private streams = new Map<string, { stream: ReadableStream<string>; controller: ReadableStreamDefaultController<string> }>();
  open(id: string): ReadableStream<string> | undefined {
    if (this.streams.has(id)) return undefined;
    const stream: ReadableStream<string> = new ReadableStream<string>({
      start: (controller) => {
        this.streams.set(id, { stream, controller });
      },
      ${hook}: () => {
        this.streams.delete(id);
      },
    });
    return stream;
  }
}`;

/** Connections kept in a set, each removed by `onRejected` (an arrow body) when a reply promise it holds rejects. */
const replyRejected = (onRejected: string): string => `
declare class Connection { readonly reply: Promise<void>; close(): void }
declare function connect(url: string): Connection;
const connections = new Set<Connection>();
export function open(url: string) {
  const connection = connect(url);
  connections.add(connection);
  connection.reply.then(() => {}).catch(() => ${onRejected});
}`;

/** A task kept per id, removed in the callback its `hook` method registers; `release` goes before the delete. */
function taskHook(hook: string, release = ''): string {
  return `
declare class Task { stop(): void; ${hook}(callback: () => void): void }
declare function startTask(id: string): Task;
export class Tasks {
  private tasks = new Map<string, Task>();
  start(id: string) {
    const task = startTask(id);
    task.${hook}(() => {
      ${release}this.tasks.delete(id);
    });
    this.tasks.set(id, task);
  }
}`;
}

/**
 * From real code (vscode-jupyter): a window that tells the handlers it keeps when it closes, and the
 * provider that made it dropping it from its list in such a handler; `release` is the window's
 * `dispose()` body, `made` how the provider gets the window, `onClosed` the handler's body.
 */
const windowProvider = ({
  release = 'this.listeners.forEach((l) => l.dispose());',
  made = 'new ChatWindow(name, this.events)',
  onClosed = 'this.windows = this.windows.filter((w) => w !== window);',
} = {}): string => `interface Disposable {
  dispose(): void;
}
interface Events {
  onChange(listener: () => void): Disposable;
}
export class ChatWindow implements Disposable {
  private readonly listeners: Disposable[] = [];
  private readonly closedHandlers: ((w: ChatWindow) => void)[] = [];
  constructor(readonly name: string, events: Events) {
    this.listeners.push(events.onChange(() => {}));
  }
  closed(handler: (w: ChatWindow) => void): void {
    this.closedHandlers.push(handler);
  }
  notifyClosed(): void {
    this.closedHandlers.forEach((h) => h(this));
  }
  dispose(): void {
    ${release}
  }
}
export class WindowProvider {
  private windows: ChatWindow[] = [];
  constructor(private readonly events: Events) {}
  open(name: string, given?: ChatWindow): ChatWindow {
    const created = ${made};
    this.windows.push(created);
    created.closed(this.onWindowClosed);
    return created;
  }
  private onWindowClosed = (window: ChatWindow): void => {
    ${onClosed}
  };
}
`;

/**
 * From real code (chokidar's shared fs.watch instances): one watcher per path shared by listeners,
 * read into \`let cont\` or made and stored under the path; the cleanup closure handed back releases
 * it when the last listener leaves (\`release\`), and \`made\` is what a missing path gets.
 */
const sharedWatchers = (
  release: string,
  made = 'cont = { listeners: new Set([listener]), watcher: watch(path) };\n    instances.set(path, cont);',
): string => `import { watch, type FSWatcher } from 'node:fs';
interface Shared { listeners: Set<() => void>; watcher: FSWatcher }
const instances = new Map<string, Shared>();
export function listen(path: string, listener: () => void): () => void {
  let cont = instances.get(path);
  if (cont) {
    cont.listeners.add(listener);
  } else {
    ${made}
  }
  return () => {
    cont.listeners.delete(listener);
    if (cont.listeners.size === 0) {
      ${release}instances.delete(path);
    }
  };
}
`;

/** From real code (chokidar's directory streams): a stream removed on an event named by a constant (\`event\`: its declaration). */
const streamsByConstant = (event: string, listen = 'STR_END'): string => `import fs from 'node:fs';
${event}
const streams = new Set<fs.ReadStream>();
export function read(path: string) {
  const stream = fs.createReadStream(path);
  streams.add(stream);
  stream.once(${listen}, () => streams.delete(stream));
}
`;

/** A connection whose factory takes a data hook, and a hook that drops it from the list after `before`. */
const onDataPeers = (before: string): string => `
import net from 'node:net';
declare function connectTo(options: { port: number; onData?: (chunk: Buffer) => void }): net.Socket;
export class Peers {
  private peers: net.Socket[] = [];
  add(port: number) {
    const peer = connectTo({
      port,
      onData: () => {
        ${before}this.peers = this.peers.filter((p) => p !== peer);
      },
    });
    this.peers.push(peer);
  }
}`;

/** From real code (ioBroker.js-controller): an adapter's own timers, each scheduled through `timer.call(null, …)` and removing itself. */
const timerThroughCall = (timer: string): string => `
export class Adapter {
  private readonly timers = new Set<NodeJS.Timeout>();
  schedule(cb: () => void, ms: number): NodeJS.Timeout {
    const timer = ${timer}.call(null, () => {
      this.timers.delete(timer);
      cb();
    }, ms);
    this.timers.add(timer);
    return timer;
  }
  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
`;

/**
 * From real code (neo4j-javascript-driver): retries scheduled through a timer function injected for
 * tests (`type SetTimeout = (cb, ms) => Timeout`), each filtering its own id out when it runs.
 */
const injectedTimer = (field: string): string => `
type Timeout = ReturnType<typeof setTimeout>;
type Schedule = (callback: () => void, ms: number) => Timeout;
export class TransactionExecutor {
  private inFlight: Timeout[] = [];
  constructor(private readonly ${field}: Schedule) {}
  retry(work: () => void, ms: number): void {
    const timeoutId = this.${field}(() => {
      this.inFlight = this.inFlight.filter((id) => id !== timeoutId);
      work();
    }, ms);
    this.inFlight.push(timeoutId);
  }
  close(): void {
    this.inFlight.forEach((id) => clearTimeout(id));
    this.inFlight = [];
  }
}
`;

/** From real code (nutrition-mcp): sessions whose transport is made with hooks for its session's start and `hook`. */
const transportSessions = (hook: string): string => `
declare class Transport {
  constructor(options: { onsessioninitialized?: (id: string) => void; ${hook}?: (id: string) => void });
  handleRequest(request: Request): Promise<Response>;
  close(): Promise<void>;
}
const sessions = new Map<string, { transport: Transport; lastActivity: number }>();
export function open(): Transport {
  const transport = new Transport({
    onsessioninitialized: (id) => {
      sessions.set(id, { transport, lastActivity: Date.now() });
    },
    ${hook}: (id) => {
      sessions.delete(id);
    },
  });
  return transport;
}
`;

/** A class of the program whose `dispose()` clears the interval it starts. */
const disposableTimer = (name: string): string => `class ${name} {
  private readonly timer = setInterval(() => undefined, 1_000);
  dispose(): void {
    clearInterval(this.timer);
  }
}`;

/**
 * From real code (vscode-pull-request-github): a registry entry written as an object literal whose
 * own `dispose` field counts references, disposes the handler and deletes the entry itself.
 */
const countedHandlers = (remover: string): string => `
${disposableTimer('CommentController')}
interface HandlerInfo {
  handler: CommentController;
  refCount: number;
  dispose(): void;
  reset?: () => void;
}
export class Registry {
  private readonly handlers: { [key: number]: HandlerInfo } = {};
  register(id: number): HandlerInfo {
    if (this.handlers[id]) {
      this.handlers[id].refCount += 1;
      return this.handlers[id];
    }
    const handler = new CommentController();
    this.handlers[id] = {
      handler,
      refCount: 1,${remover === 'dispose' ? '' : '\n      dispose: () => this.handlers[id]?.handler.dispose(),'}
      ${remover}: () => {
        if (!this.handlers[id]) return;
        this.handlers[id].refCount -= 1;
        if (this.handlers[id].refCount === 0) {
          this.handlers[id].handler.dispose();
          delete this.handlers[id];
        }
      },
    };
    return this.handlers[id];
  }
}
`;

/**
 * From real code (vscode-pull-request-github): providers registered per pull request as object
 * literals whose `dispose` only counts references and removes the entry; the registry's own
 * dispose() replaces the whole map.
 */
const countedProviders = (onLast: string): string => `
${disposableTimer('Poller')}
interface ProviderInfo {
  provider: Poller;
  refCount: number;
  dispose(): void;
}
export class Registry {
  private providers: { [key: number]: ProviderInfo } = {};
  register(id: number, provider: Poller): ProviderInfo {
    const existing = this.providers[id];
    if (existing) {
      existing.refCount += 1;
      return existing;
    }
    this.providers[id] = {
      provider,
      refCount: 1,
      dispose: () => {
        const info = this.providers[id];
        if (!info) return;
        info.refCount -= 1;
        if (info.refCount === 0) {${onLast}
          delete this.providers[id];
        }
      },
    };
    return this.providers[id];
  }
  dispose(): void {
    this.providers = {};
  }
}
`;

/**
 * From real code (vscode-docker): a manager extending VS Code's `Disposable`, whose constructor hands
 * the base the callback its `dispose()` runs; managers are kept per debug session.
 */
const readyManagers = (stop: string): string => `import * as vscode from 'vscode';
${disposableTimer('Tracker')}
class ReadyManager extends vscode.Disposable {
  readonly tracker: Tracker;
  constructor() {
    super(() => this.tracker.dispose());
    this.tracker = new Tracker();
  }
}
const trackers = new Map<string, ReadyManager>();
export function start(id: string): Tracker {
  let manager = trackers.get(id);
  if (!manager) {
    manager = new ReadyManager();
    trackers.set(id, manager);
  }
  return manager.tracker;
}
export function stop(id: string): void {
  const manager = trackers.get(id);
  if (manager) {
    trackers.delete(id);${stop}
  }
}
`;

/**
 * From real code (vscode-docker): a debounce keeps a `Disposable` per id, made with the callback it
 * runs on `dispose()`: clear the timer and remove its own entry.
 */
const debounces = (more: string): string => `import * as vscode from 'vscode';
const active: { [id: string]: vscode.Disposable } = {};
export function debounce(delay: number, id: string, callback: () => void): void {
  if (active[id]) active[id].dispose();
  const timeout = setTimeout(() => {
    active[id].dispose();
    callback();
  }, delay);
  active[id] = new vscode.Disposable(() => {
    clearTimeout(timeout);
    delete active[id];
  });
}${more}
`;

/**
 * From real code (pixijs, RenderTargetSystem.ts): a callback made before the store, on the key's own
 * destroy event, releases the captured value; the key is unwrapped before the store. `after` runs after the store.
 */
const surfaceTargets = (after: string): string => `
import { EventEmitter } from 'node:events';
import { createMeter, type Meter } from './resources.js';
declare class Surface extends EventEmitter { inner?: Surface }
export class Targets {
  private readonly bySurface = new Map<Surface, Meter>();
  target(surface: Surface): Meter { return this.bySurface.get(surface) ?? this.init(surface); }
  private init(surface: Surface): Meter {
    let meter: Meter | null = null;
    if (surface.inner) surface = surface.inner;
    meter = createMeter('surface');
    surface.once('destroy', () => {
      meter!.stop();
      this.bySurface.delete(surface);
    });
    this.bySurface.set(surface, meter);${after}
    return meter;
  }
}`;

/**
 * From real code (coc.nvim, complete.ts): a token source per completion, made and kept in a set by a
 * private method, deleted once the completion ran; `source` declares the `CancellationTokenSource` used.
 */
const pendingCompletions = (source: string): string => `${source}
export class Completion {
  private readonly sources = new Set<CancellationTokenSource>();
  private createSource(): CancellationTokenSource {
    const source = new CancellationTokenSource();
    this.sources.add(source);
    return source;
  }
  async complete(run: (token: vscode.CancellationToken) => Promise<void>): Promise<void> {
    const source = this.createSource();
    await run(source.token);
    this.sources.delete(source);
  }
}
`;

const CANCEL_ALL = '\nexport function cancelAll(): void {\n  for (const id of Object.keys(active)) delete active[id];\n}';

/**
 * From real code (vscode-cmake-tools, cmakeProject.ts): launch terminals kept by process id and
 * removed in the listener a registry's hook calls with a terminal; `hook` names the hook and
 * `listener` is the listener it is given.
 */
const launchTerminals = (hook: string, listener: string): string => `
interface Terminal { readonly processId: Promise<number | undefined>; dispose(): void }
declare const window: {
  createTerminal(name: string): Terminal;
  ${hook}(listener: (t: Terminal) => void): { dispose(): void };
};
export class Launcher {
  private readonly terminals = new Map<number, Terminal>();
  private readonly closeSub = window.${hook}(${listener});
  async launch(name: string) {
    const t = window.createTerminal(name);
    this.terminals.set((await t.processId)!, t);
  }
}`;

/**
 * From real code (KurrentDB-Client-NodeJS, Client/index.ts): streams tracked in a set and in a cache
 * by client, each removed by the callback \`finished\` (\`declaration\`) runs once the stream has ended.
 */
const trackedStreams = (declaration: string): string => `
import { Readable, Writable, Duplex } from 'node:stream';
${declaration}
interface Client { readonly id: string }
export class Streams {
  private readonly live = new Set<Writable | Readable | Duplex>();
  open = <T extends Writable | Readable | Duplex>(client: Client, create: (c: Client) => T | Promise<T>, cache?: WeakMap<Client, T | Promise<T>>) =>
    async (): Promise<T> => {
      if (cache && cache.has(client)) return cache.get(client)!;
      const pending = create(client);
      cache?.set(client, pending);
      const stream = await pending;
      this.live.add(stream);
      finished(stream, () => {
        cache?.delete(client);
        this.live.delete(stream);
      });
      return stream;
    };
  dispose(): void {
    for (const stream of this.live) stream.destroy();
    this.live.clear();
  }
}`;

/**
 * From real code (julia-vscode, interactive/plots.ts): panels kept by id, each removed by a listener
 * subscribed through a helper that is handed one of the panel's events (`subscribe`).
 */
const customPanels = (subscribe: string): string => `
interface Disposable { dispose(): void }
type Event<T> = (listener: (e: T) => void) => Disposable;
interface WebviewPanel { readonly onDidDispose: Event<void>; readonly onDidChangeViewState: Event<void>; dispose(): void }
declare function createWebviewPanel(id: string): WebviewPanel;
declare function onEvent<T>(event: Event<T>, listener: (e: T) => void): Disposable;
declare const Event: { once<T>(event: Event<T>): Event<T> };
const panels = new Map<string, WebviewPanel>();
export function show(id: string): void {
  let panel = panels.get(id);
  if (!panel) {
    panel = createWebviewPanel(id);
    panels.set(id, panel);
  }
  ${subscribe}
}`;

/**
 * From real code (julia-vscode, testProcessLogView.ts): log views kept by process id, each holding
 * the webview panel it draws in; \`closeFor\` deletes one and then disposes its panel. \`constructorHook\`
 * runs in the view's constructor, \`insertionHook\` where the view is stored.
 */
const logViews = (constructorHook: string, insertionHook: string): string => `
interface Disposable { dispose(): void }
type Event<T> = (listener: (e: T) => void) => Disposable;
interface WebviewPanel { readonly onDidDispose: Event<void>; dispose(): void }
declare function createWebviewPanel(id: string): WebviewPanel;
class LogView {
  private readonly ticker = setInterval(() => {}, 1000);
  constructor(readonly panel: WebviewPanel) {
    ${constructorHook}
  }
  dispose(): void { clearInterval(this.ticker); }
}
export class LogViews {
  private readonly views = new Map<string, LogView>();
  show(id: string): void {
    if (this.views.has(id)) return;
    const panel = createWebviewPanel(id);
    const view = new LogView(panel);
    this.views.set(id, view);
    ${insertionHook}
  }
  closeFor(id: string): void {
    const view = this.views.get(id);
    if (!view) return;
    this.views.delete(id);
    view.panel.dispose();
  }
}`;

/**
 * From real code (julia-vscode, taskRunnerTerminal.ts): queued work items, each with what it keeps
 * (`field`, made by `make`), all dropped when the queue is reset on shutdown.
 */
const queuedItems = (field: string, make: string): string => `import * as vscode from 'vscode';
interface Item { readonly id: number; readonly ${field}; readonly done: Promise<void> }
export class Runner {
  private queue: Item[] = [];
  enqueue(id: number): Promise<void> {
    ${make}
    this.queue.push({ id, ${field.split(':')[0]}, done });
    return done;
  }
  shutdown(): void {
    this.queue = [];
  }
}`;

/**
 * From real code (gemini-cli, shellExecutionService.ts): a pty and the terminal that mirrors it, kept
 * as one entry per pid; the pty's exit handler runs `onExit`, which schedules the delete later.
 */
const ptyEntries = (onExit: string): string => `import { type ChildProcess, spawn } from 'node:child_process';
declare class Terminal {
  write(data: string): void;
  dispose(): void;
}
declare function flushLog(pid: number): Promise<void>;
export class Shells {
  private readonly active = new Map<number, { child: ChildProcess; terminal: Terminal }>();
  run(command: string): void {
    const child = spawn(command);
    const terminal = new Terminal();
    const pid = child.pid!;
    this.active.set(pid, { child, terminal });
    child.on('exit', () => {
${onExit}
    });
  }
}`;

/** The delete of `ptyEntries` that its exit handler schedules. */
const SCHEDULED_DELETE = `      void flushLog(pid).then(() => {
        this.active.delete(pid);
      });`;

/** `ptyEntries(onExit)` with its scheduled delete reported as owing the terminal's `dispose()`. */
const terminalOwed = (onExit: string) => ({
  code: ptyEntries(onExit),
  errors: [
    {
      messageId: 'unreleasedDrop' as const,
      line: 16,
      suggestions: [
        {
          messageId: 'releaseBeforeDrop' as const,
          output: ptyEntries(onExit).replace(
            '        this.active.delete(pid);',
            '        this.active.get(pid)?.terminal?.dispose();\n        this.active.delete(pid);',
          ),
        },
      ],
    },
  ],
});

/**
 * From real code (waveterm): a tab view taken out of a module's cache by one helper, called from the
 * view's `destroy()` and from its contents' `destroyed` listener; `release` is the rest of `destroy()`.
 */
const tabViews = (fields: string, release: string, module = ''): string => `
declare class WebContents { close(): void; on(event: 'destroyed', listener: () => void): this }
const views = new Map<string, TabView>();
export class TabView {
  readonly webContents: WebContents;
  private dead = false;${fields}
  constructor(readonly id: string, contents: WebContents) {
    this.webContents = contents;
    this.webContents.on('destroyed', () => {
      forget(this.id);
      this.dead = true;
    });
  }
  destroy(): void {
    forget(this.id);${release}
    if (!this.dead) this.webContents.close();
    this.dead = true;
  }
}
export function open(id: string, contents: WebContents): TabView {
  const view = new TabView(id, contents);
  views.set(id, view);
  return view;
}
function forget(id: string): void {
  views.delete(id);
}
${module}`;

/**
 * From real code (dockview, dockviewGroupPanelModel.ts): a model keeps, per tab group, what it hung
 * on the group, and forgets the entry in the group's own destroy handler; `stored` is what the map
 * keeps for the group.
 */
const tabGroupListeners = (stored: string): string => `
interface IDisposable {
  dispose(): void;
}
declare class Emitter<T> implements IDisposable {
  readonly event: (listener: (e: T) => void) => IDisposable;
  fire(e: T): void;
  dispose(): void;
}
class CompositeDisposable implements IDisposable {
  private readonly disposables: IDisposable[];
  constructor(...args: IDisposable[]) {
    this.disposables = args;
  }
  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
export class TabGroup extends CompositeDisposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly destroyed = new Emitter<void>();
  readonly onDidDestroy = this.destroyed.event;
  constructor(readonly id: string) {
    super();
  }
  override dispose(): void {
    this.destroyed.fire();
    super.dispose();
  }
}
export class GroupModel {
  private readonly byGroup = new Map<string, IDisposable>();
  create(id: string): TabGroup {
    const tabGroup = new TabGroup(id);
    ${stored}
    return tabGroup;
  }
  dispose(): void {
    for (const disposable of this.byGroup.values()) disposable.dispose();
    this.byGroup.clear();
  }
}
`;
const GROUP_ITSELF = 'this.byGroup.set(id, tabGroup);\n    tabGroup.onDidDestroy(() => this.byGroup.delete(id));';
const LISTENERS_ON_GROUP =
  'this.byGroup.set(\n      id,\n      new CompositeDisposable(\n        tabGroup.onDidChange(() => console.log(id)),\n        tabGroup.onDidDestroy(() => this.byGroup.delete(id)),\n      ),\n    );';

/**
 * From real code (opensumi, recursiveFileSystemWatcher.ts): a watcher keeps a record per watched
 * path and empties its map in its own disposal (`emptied`, kept for it); `registered` is what each
 * watch hands to that disposal besides, `forgets` how a watch takes its entry out again.
 */
const watchedPaths = (registered: string, emptied = 'Disposable.create(() => this.handlers.clear())', forgets = ''): string => `
interface IDisposable {
  dispose(): void;
}
declare class DisposableCollection implements IDisposable {
  push(disposable: IDisposable): IDisposable;
  dispose(): void;
}
declare class Disposable implements IDisposable {
  static create(func: () => void): IDisposable;
  protected addDispose(disposable: IDisposable): void;
  dispose(): void;
}
declare function subscribe(path: string): IDisposable;
declare function onDidUnmountAll(listener: () => void): IDisposable;
export class PathWatcher extends Disposable {
  private readonly handlers = new Map<string, { path: string; disposable: DisposableCollection }>();
  constructor() {
    super();
    this.addDispose(${emptied});
  }
  watch(path: string): void {
    if (this.handlers.has(path)) return;
    const toDispose = new DisposableCollection();
    this.handlers.set(path, { path, disposable: toDispose });
    toDispose.push(subscribe(path));${forgets}
    this.addDispose(${registered});
  }
}
`;

const FORGETS_IN_OWN_DISPOSAL = '\n    toDispose.push(Disposable.create(() => this.handlers.delete(path)));';
const FORGETS_IN_ANOTHER =
  '\n    const forget = new DisposableCollection();\n    forget.push(Disposable.create(() => this.handlers.delete(path)));\n    this.addDispose(forget);';

/**
 * From real code (vscode-languageserver-node, client.ts, after its fix): a client registers its
 * feature handlers at constant keys in a private method run from the continuation of `start()`, and
 * starts again only from its close handler, after `cleanUp()` disposed and cleared them; `restart`
 * is that handler's body.
 */
const restartedClient = (restart: string): string => `
import type { Watcher } from './resources.js';
declare function createWatcher(event: string): Watcher;
declare function connect(onClose: () => void): Promise<{ listen(): void }>;
export class Client {
  private readonly handlers = new Map<string, Watcher>();
  start(): void {
    connect(() => this.onClosed()).then((connection) => {
      this.registerHandlers();
      connection.listen();
    });
  }
  private cleanUp(): void {
    for (const handler of this.handlers.values()) handler.dispose();
    this.handlers.clear();
  }
  private onClosed(): void {
    ${restart}
  }
  private registerHandlers(): void {
    this.handlers.set('didOpen', createWatcher('open'));
    this.handlers.set('didClose', createWatcher('close'));
  }
}`;

const earlyFilledClient = restartedClient('this.cleanUp();\n    this.start();').replace(
  '  start(): void {\n',
  "  start(): void {\n    this.handlers.set('didOpen', createWatcher('early'));\n",
);

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'from real code (vscode-languageserver-node): handlers set at constant keys in a run of start() that the class begins again only after emptying the map',
      code: restartedClient('this.cleanUp();\n    this.start();'),
    },
    {
      name: "from real code (opensumi): a removal a record's disposable collection runs when it is disposed is part of that value's own release",
      code: watchedPaths('toDispose', undefined, FORGETS_IN_OWN_DISPOSAL),
    },
    {
      name: "from real code (opensumi): a map emptied in its owner's disposal, to which every record's disposable was handed too, owes nothing there",
      code: watchedPaths('toDispose'),
    },
    {
      name: 'from real code (dockview): a tab group kept as a disposable and forgotten in its own destroy handler has ended',
      code: tabGroupListeners(GROUP_ITSELF),
    },
    {
      name: "a helper that removes the view, called only by the view's destroy() and by its contents' end, where destroy() does nothing but close them",
      code: tabViews('', ''),
    },
    {
      name: "from real code (waveterm): the view's destroy() also takes the view out of its window's map by its own id, which releases nothing its contents' end leaves running",
      code: tabViews(
        "\n  windowId = '';",
        '\n    const window = windows.get(this.windowId);\n    if (window) window.views.delete(this.id);',
        'const windows = new Map<string, { views: Map<string, TabView> }>();\n',
      ),
    },
    {
      name: "from real code (julia-vscode): a node removed on its kernel's own stop, where the node's release does nothing but stop the kernel it was made with",
      code: kernelNodes(''),
    },
    {
      name: "lifecycle: a class that hands VS Code's Disposable the callback its dispose() runs is released by dispose()",
      code: readyManagers('\n    manager.dispose();'),
    },
    {
      name: 'from real code (coc.nvim): a callback made after the store releases the captured value (a let given twice, a parameter) at a destructured key',
      code: cancelledSessions('', 'session!.stop();'),
    },
    {
      name: 'from real code (pixijs): a callback made before the store releases the captured value, the key unwrapped before the store',
      code: surfaceTargets(''),
    },
    {
      name: "from real code (julia-vscode): VS Code's EventEmitter holds only its own event's listeners: items keeping one are dropped owing nothing",
      code: queuedItems(
        'emitter: vscode.EventEmitter<number | void>',
        'const emitter = new vscode.EventEmitter<number | void>();\n    const done = new Promise<void>((resolve) => { emitter.event(() => resolve()); });',
      ),
    },
    {
      name: "from real code (coc.nvim): VS Code's CancellationTokenSource holds only its own token's listeners: deleted without dispose(), it is collected with them",
      code: pendingCompletions("import * as vscode from 'vscode';\nimport { CancellationTokenSource } from 'vscode';"),
    },
    {
      name: 'from real code (coc.nvim): a literal kept in a let removes its own entry in its dispose(), which only keeps the books and asks the owner to redraw',
      code: statusItems('this.redraw();'),
    },
    {
      name: 'from real code (coc.nvim): the callback a value is made with to run on dispose() splices that value out of the list',
      code: disposableCollections('collection'),
    },
    {
      name: 'lifecycle: a Disposable made with the callback that removes its own entry on dispose()',
      code: debounces(''),
    },
    {
      name: 'lifecycle: entries whose own dispose only counts references and removes itself hold nothing, so replacing the map drops nothing',
      code: countedProviders(''),
    },
    {
      name: "lifecycle: an object literal's own dispose field deletes the entry it was stored as",
      code: countedHandlers('dispose'),
    },
    {
      name: 'from real code (chokidar): a cleanup closure releases, through a captured let, the value read or stored at the key',
      code: sharedWatchers('cont.watcher.close();\n      '),
    },
    {
      name: 'handed back: a window its owner drops in the handler of its close notification, disposed there first',
      code: windowProvider({ onClosed: 'window.dispose();\n    this.windows = this.windows.filter((w) => w !== window);' }),
    },
    {
      name: 'handed back: the notification comes from the window releasing itself (dispose() runs the handlers), so it is released already',
      code: windowProvider({ release: 'this.listeners.forEach((l) => l.dispose());\n    this.notifyClosed();' }),
    },
    {
      name: "handed back: a window the caller handed in, not one the provider made, is the caller's to release",
      code: windowProvider({ made: 'given ?? new ChatWindow(name, this.events)' }),
    },
    {
      name: "lifecycle: a peer removing itself on its own socket's close, registered in its constructor",
      code: `
import net from 'node:net';
const peers = new Map<string, Peer>();
class Peer {
  constructor(readonly id: string, readonly socket: net.Socket) {
    socket.on('close', () => peers.delete(id));
  }
  close() { this.socket.destroy(); }
}
export function accept(id: string) { if (!peers.has(id)) peers.set(id, new Peer(id, net.connect(80, id))); }`,
    },
    ...["const STR_END = 'end';", "const EV = { END: 'end' } as const;"].map((event) => ({
      name: `lifecycle: a stream removed on its own end event named by a constant (\`${event}\`)`,
      code: streamsByConstant(event, event.startsWith('const EV') ? 'EV.END' : 'STR_END'),
    })),
    {
      name: "lifecycle: a stream removed from its map on its own 'end' event",
      code: `
import fs from 'node:fs';
const streams = new Map<string, fs.ReadStream>();
export function read(path: string) {
  if (streams.has(path)) return;
  const stream = fs.createReadStream(path);
  streams.set(path, stream);
  stream.on('end', () => streams.delete(path));
}`,
    },
    {
      name: 'sessions deleted in the callback handed, with each session, to a helper that closes it on every path',
      code: `
import http2 from 'node:http2';
export class Server {
  private sessions = new Set<http2.ServerHttp2Session>();
  listen(server: http2.Http2Server) {
    server.on('session', (session) => this.sessions.add(session));
  }
  private closeSession(session: http2.ServerHttp2Session, callback: () => void) {
    if (session.closed) {
      queueMicrotask(callback);
    } else {
      session.close(callback);
    }
  }
  drain() {
    for (const session of this.sessions) {
      this.closeSession(session, () => {
        this.sessions.delete(session);
      });
    }
  }
}
`,
    },
    {
      name: 'a close handler clears the timer of the tracker its outer function made for the session, then deletes it',
      code: `
import http2 from 'node:http2';
interface IdleTracker {
  activeStreams: number;
  timeout: NodeJS.Timeout;
}
export class Server {
  private idle = new Map<http2.ServerHttp2Session, IdleTracker>();
  private track(session: http2.ServerHttp2Session): IdleTracker | null {
    if (this.idle.has(session)) return null;
    const tracker: IdleTracker = { activeStreams: 0, timeout: setTimeout(() => session.close(), 1000) };
    this.idle.set(session, tracker);
    return tracker;
  }
  onSession(session: http2.ServerHttp2Session) {
    const tracker = this.track(session);
    session.on('close', () => {
      if (tracker !== null) {
        clearTimeout(tracker.timeout);
        this.idle.delete(session);
      }
    });
  }
}
`,
    },
    {
      name: 'an onClose hook given to the factory that makes the connection removes it: it has closed',
      code: `
import net from 'node:net';
declare function connectTo(options: { port: number; onClose?: () => void }): net.Socket;
export class Peers {
  private peers: net.Socket[] = [];
  add(port: number) {
    const peer = connectTo({
      port,
      onClose: () => {
        this.peers = this.peers.filter((p) => p !== peer);
      },
    });
    this.peers.push(peer);
  }
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
      name: "from real code (Moe's Tavern, fixed): the fired auto-approval timer removes its task's entry only while the entry is still that timer",
      code: autoApprovals('if (approvals.get(taskId) === timeout) approvals.delete(taskId);'),
    },
    {
      name: 'a fired timer that returns early unless its entry is still that timer, then removes it after the await',
      code: autoApprovals('if (approvals.get(taskId) !== timeout) return;\n      approvals.delete(taskId);'),
    },
    {
      name: 'a fired timer that removes its entry before it awaits anything',
      code: autoApprovals('', 'approvals.delete(taskId);'),
    },
    {
      name: 'from real code (ioBroker.js-controller): delete inside the callback of a timer scheduled through `setTimeout.call(null, …)`',
      code: timerThroughCall('setTimeout'),
    },
    {
      name: "from real code (nutrition-mcp): a session removed in the `onsessionclosed` hook handed to the transport's constructor",
      code: transportSessions('onsessionclosed'),
    },
    {
      name: 'from real code (neo4j-javascript-driver): a retry filters its own id out inside the callback of an injected `_setTimeout` that hands back a Node timer',
      code: injectedTimer('_setTimeout'),
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
      name: "from real code (a kafka client): a connection removed from its pool on its own 'error' event, which it emits once its socket is destroyed",
      code: `
import net from 'node:net';
import { EventEmitter } from 'node:events';
export class Connection extends EventEmitter {
  private socket?: net.Socket;
  connect(port: number) {
    this.socket = net.createConnection(port);
    this.socket.once('error', (error) => { this.socket?.destroy(); this.emit('error', error); });
  }
  close() { this.socket?.end(); }
}
export class Pool {
  readonly #connections = new Map<string, Connection>();
  get(key: string, port: number) {
    const existing = this.#connections.get(key);
    if (existing) return existing;
    const connection = new Connection();
    this.#connections.set(key, connection);
    connection.once('error', () => this.#connections.delete(key));
    connection.connect(port);
    return connection;
  }
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
      name: "a meter's own stop() removing it from the registry it was handed, a field of its own: `this.registry.delete(this.id)`",
      code: `
interface Meter { mark(n: number): void; stop(): void }
export class StandardMeter implements Meter {
  private readonly timer = setInterval(() => {}, 1000);
  constructor(private readonly id: string, private readonly registry: Map<string, Meter>) {
    registry.set(id, this);
  }
  mark(_n: number): void {}
  stop(): void {
    clearInterval(this.timer);
    this.registry.delete(this.id);
  }
}`,
    },
    {
      name: 'a disposable holder whose own dispose() disposes each watcher it holds before it clears them',
      code: watchersHolder(' implements Disposable', '    for (const watcher of this.watchers.values()) watcher.dispose();\n'),
    },
    {
      name: "from real code (deepstream): a handler method only the value's own destroy() calls removes it",
      code: rpcHandler(),
    },
    {
      name: "from real code (deepstream): the same for a record whose one resource field's own destroy() calls the handler method",
      code: rpcHandler()
        .replace('new Map<string, Rpc>()', 'new Map<string, { rpc: Rpc; servers: Set<string> }>()')
        .replace('this.rpcs.set(id, new Rpc(this, id));', 'this.rpcs.set(id, { rpc: new Rpc(this, id), servers: new Set() });'),
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
      name: "from real code (hocuspocus): a delete inside the connection's own onClose hook",
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
    ...['onFinished', 'onExited', 'onTerminate', 'onDisposed', 'onDidDispose', 'onDidClose', 'onStop'].map((hook) => ({
      name: `lifecycle: a delete inside the task's own ${hook}() hook`,
      code: taskHook(hook),
    })),
    {
      name: "lifecycle: a delete once the worker's own exited promise has settled",
      code: `
declare class Worker { terminate(): void; readonly exited: Promise<number> }
declare function spawnWorker(name: string): Worker;
export class Workers {
  private workers = new Map<string, Worker>();
  start(name: string) {
    const worker = spawnWorker(name);
    this.workers.set(name, worker);
    void worker.exited.then(() => this.workers.delete(name));
  }
}`,
    },
    {
      name: "lifecycle: a private method that only the socket's own close and error listeners call removes it: it has ended",
      code: socketRemover("socket.on('close', () => this.removeSocket(id));\n    socket.once('error', () => {\n      this.removeSocket(id);\n    });"),
    },
    {
      name: "lifecycle: a local function that only the peer's own error and close listeners call removes it: it has ended",
      code: peerReset("peer.on('error', () => {\n      reset();\n    });\n    peer.on('close', () => reset());"),
    },
    {
      name: 'lifecycle: a writer removed when its own ready promise rejects: its stream has errored',
      code: writerFanout('writer.ready.then(() => writer.write(chunk))', 'catch'),
    },
    {
      name: "from real code (signalk-server): closing a claim's handle clears its keep-alive too, when the close put in place of the handle's own clears it first",
      code: claimHandles('mac', 'clearInterval(keepAlive);', UNREGISTER),
    },
    {
      name: "from real code (signalk-server): a delete inside the close() of a record's handle, written in a literal or put in place of it, by the key the record was stored under",
      code: claimHandles('mac'),
    },
    {
      name: "lifecycle: a delete inside the function put in place of the value's own dispose() is that dispose",
      code: replacedDispose('dispose'),
    },
    ...['stopObservable', 'closed$', 'onEnd'].map((observable) => ({
      name: `lifecycle: a delete in a subscriber of the view's own ${observable}`,
      code: viewObservable(observable),
    })),
    {
      name: "from real code (matter.js): a delete in an observer given to the value's own `closed.on()`",
      code: viewObservable('closed', 'on'),
    },
    {
      name: "lifecycle: a public remover that the program calls only from the value's own close hook",
      code: channelRemovedOnClose(),
    },
    {
      name: "lifecycle: a public remover that only the value's own method calls, after the value released itself",
      code: queueForgetsItself('this.cancelAll();'),
    },
    {
      name: "lifecycle: a delete in the underlying source's cancel(): the stream, and its controller, have ended",
      code: streamSource('cancel'),
    },
    {
      name: 'lifecycle: an object literal removing itself from its Set inside its own unsubscribe()',
      code: `const subs = new Set<{ unsubscribe(): void }>();
export function watch(ms: number) {
  const t = setInterval(() => {}, ms);
  const sub = { unsubscribe() { clearInterval(t); subs.delete(sub); } };
  subs.add(sub);
  return sub;
}
`,
    },
    {
      name: "from real code (vscode-cmake-tools): a delete in the listener a registry's close hook hands the closed terminal",
      code: launchTerminals(
        'onDidCloseTerminal',
        'async (term) => {\n    const id = await term.processId;\n    if (this.terminals.has(id!)) this.terminals.delete(id!);\n  }',
      ),
    },
    {
      name: "from real code (KurrentDB-Client-NodeJS): deletes in the callback node:stream's finished() runs once the stream has ended",
      code: trackedStreams("import { finished } from 'node:stream';"),
    },
    {
      name: "from real code (julia-vscode): a view deleted and then its panel disposed, where the panel's end hook registered beside the insertion disposes the view",
      code: logViews('', 'panel.onDidDispose(() => {\n      view.dispose();\n    });'),
    },
    {
      name: "lifecycle: a view deleted and then its panel disposed, where the view's constructor disposes it when its panel ends",
      code: logViews('panel.onDidDispose(() => this.dispose());', ''),
    },
    {
      name: "from real code (julia-vscode): a delete in a listener subscribed by a helper handed the panel's own onDidDispose",
      code: customPanels('onEvent(panel.onDidDispose, () => { panels.delete(id); });'),
    },
    {
      name: "lifecycle: a delete in a listener of Event.once() over the panel's own onDidDispose",
      code: customPanels('Event.once(panel.onDidDispose)(() => { panels.delete(id); });'),
    },
    {
      name: "from real code (gemini-cli): a delete scheduled by the pty's own exit handler after it disposed the entry's terminal",
      code: ptyEntries(`      terminal.dispose();\n${SCHEDULED_DELETE}`),
    },
    {
      name: "lifecycle: a delete once the value's own closed promise has settled, through a .catch()",
      code: `declare class Channel {
  readonly closed: Promise<void>;
  readonly ready: Promise<void>;
  close(): Promise<void>;
}
declare function openChannel(): Channel;
export class Fanout {
  readonly #channels = new Set<Channel>();
  add() {
    const channel = openChannel();
    this.#channels.add(channel);
    channel.closed.catch(() => undefined).finally(() => {
      this.#channels.delete(channel);
    });
  }
}
`,
    },
    {
      name: "lifecycle: a delete in .then() of the value's own promise-returning close()",
      code: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
export function open(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function closeThen(url: string) { void pollers.get(url)?.close().then(() => pollers.delete(url)); }
`,
    },
    {
      name: "lifecycle: a delete in .finally() of the value's own promise-returning close()",
      code: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
export function open(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function closeFinally(url: string) { void pollers.get(url)?.close().finally(() => pollers.delete(url)); }
`,
    },
    {
      name: 'lifecycle: a list emptied in .then() once Promise.all has closed each of its values, a .catch() between',
      code: `import { createPoller, type Poller } from './resources.js';
export class Pollers {
  private pollers: Poller[] = [];
  open(url: string) { this.pollers.push(createPoller(url)); }
  closeAll() {
    return Promise.all(this.pollers.map((poller) => poller.close()))
      .catch(() => undefined)
      .then(() => { this.pollers = []; });
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'from real code (vscode-languageserver-node, before its fix): started again from the close handler without emptying the map first',
      code: restartedClient('this.start();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: restartedClient('this.start();').replace(
                "    this.handlers.set('didOpen', createWatcher('open'));",
                "    this.handlers.get('didOpen')?.dispose();\n    this.handlers.set('didOpen', createWatcher('open'));",
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: restartedClient('this.start();').replace(
                "    this.handlers.set('didClose', createWatcher('close'));",
                "    this.handlers.get('didClose')?.dispose();\n    this.handlers.set('didClose', createWatcher('close'));",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (vscode-languageserver-node), twin: a start() that fills the map itself before the continuation is not a fresh run',
      code: earlyFilledClient,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: earlyFilledClient.replace(
                "    this.handlers.set('didOpen', createWatcher('open'));",
                "    this.handlers.get('didOpen')?.dispose();\n    this.handlers.set('didOpen', createWatcher('open'));",
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: earlyFilledClient.replace(
                "    this.handlers.set('didClose', createWatcher('close'));",
                "    this.handlers.get('didClose')?.dispose();\n    this.handlers.set('didClose', createWatcher('close'));",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (vscode-lean4): a map emptied by an event's listener, kept for the owner's disposal, drops the records though their disposables were handed to it too",
      code: watchedPaths('toDispose', 'onDidUnmountAll(() => this.handlers.clear())'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: watchedPaths('toDispose', 'onDidUnmountAll(() => this.handlers.clear())').replace(
                '() => this.handlers.clear()',
                '() => { for (const value of this.handlers.values()) value.disposable.dispose(); return this.handlers.clear(); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (opensumi): a removal another collection runs when disposed is no part of the stored value's release: it drops the record's disposable",
      code: watchedPaths('toDispose', undefined, FORGETS_IN_ANOTHER),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: watchedPaths('toDispose', undefined, FORGETS_IN_ANOTHER).replace(
                'forget.push(Disposable.create(() => this.handlers.delete(path)))',
                'forget.push(Disposable.create(() => { this.handlers.get(path)?.disposable?.dispose(); return this.handlers.delete(path); }))',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (opensumi): a map emptied in its owner's disposal, to which the records' disposables were not handed, drops them",
      code: watchedPaths('Disposable.create(() => console.log(path))'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: watchedPaths('Disposable.create(() => console.log(path))').replace(
                '() => this.handlers.clear()',
                '() => { for (const value of this.handlers.values()) value.disposable.dispose(); return this.handlers.clear(); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (dockview): the listeners hung on a tab group, made as another class's object, do not end with the group's destroy event",
      code: tabGroupListeners(LISTENERS_ON_GROUP),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 40,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: tabGroupListeners(LISTENERS_ON_GROUP).replace(
                '() => this.byGroup.delete(id)',
                '() => { this.byGroup.get(id)?.dispose(); return this.byGroup.delete(id); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (Moe's Tavern): a fired auto-approval timer removes its task's entry after an await, when a plan submitted again meanwhile stored a new timer there",
      code: autoApprovals('approvals.delete(taskId);'),
      errors: [
        {
          messageId: 'unreleasedRemovalAfterAwait',
          data: { type: 'Timeout', container: 'approvals', operation: '`delete()`', release: '`clearTimeout()`', line: '10' },
          line: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: "the same helper where destroy() also clears an interval: the contents' end leaves the interval running",
      code: tabViews('\n  private readonly poll = setInterval(() => {}, 1000);', '\n    clearInterval(this.poll);'),
      errors: [{ messageId: 'unreleasedDrop', line: 28, suggestions: [] }],
    },
    {
      name: "the same helper where destroy() takes another view out of its window's map (not itself): more than its contents' end does",
      code: tabViews(
        "\n  windowId = '';",
        '\n    const window = windows.get(this.windowId);\n    if (window) window.views.delete(window.active);',
        'const windows = new Map<string, { views: Map<string, TabView>; active: string }>();\n',
      ),
      errors: [{ messageId: 'unreleasedDrop', line: 29, suggestions: [] }],
    },
    {
      name: "a node removed on its kernel's stop whose own release also clears a timer of its own: the kernel's end leaves the timer owed",
      code: kernelNodes('\n    clearInterval(this.refresh);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: kernelNodes('\n    clearInterval(this.refresh);').replace(
                '      this.nodes = this.nodes.filter',
                '      void node.stop();\n      this.nodes = this.nodes.filter',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a holder's own dispose() clearing the watchers it holds: the holder has the shape of its values, but it is not one of them",
      code: watchersHolder(''),
      errors: [{ messageId: 'unreleasedDrop', line: 8 }],
    },
    {
      name: 'the same holder implementing the interface it holds, made as `new Map<string, Disposable>()`: the holder does not decide what the interface is',
      code: watchersHolder(' implements Disposable'),
      errors: [{ messageId: 'unreleasedDrop', line: 8 }],
    },
    {
      name: "from real code (julia-vscode): a view deleted and then its panel disposed, where the panel's end hook only logs",
      code: logViews('', "panel.onDidDispose(() => {\n      console.log('closed', id);\n    });"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: logViews('', "panel.onDidDispose(() => {\n      console.log('closed', id);\n    });").replace(
                '    this.views.delete(id);\n    view.panel',
                '    this.views.get(id)?.dispose();\n    this.views.delete(id);\n    view.panel',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a delete scheduled by the pty's own exit handler, which leaves the entry's terminal undisposed, owes its dispose()",
      ...terminalOwed(SCHEDULED_DELETE),
    },
    {
      name: 'a terminal disposed by the exit handler only after it scheduled the delete counts for nothing there',
      ...terminalOwed(`${SCHEDULED_DELETE}\n      terminal.dispose();`),
    },
    {
      name: 'items keeping a file watcher of VS Code, which watches the disk until disposed, owe its dispose()',
      code: queuedItems(
        'watcher: vscode.FileSystemWatcher',
        'const watcher = vscode.workspace.createFileSystemWatcher("**/*.jl");\n    const done = new Promise<void>((resolve) => { watcher.onDidChange(() => resolve()); });',
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: queuedItems(
                'watcher: vscode.FileSystemWatcher',
                'const watcher = vscode.workspace.createFileSystemWatcher("**/*.jl");\n    const done = new Promise<void>((resolve) => { watcher.onDidChange(() => resolve()); });',
              ).replace('    this.queue = [];', '    for (const value of this.queue) value.watcher.dispose();\n    this.queue = [];'),
            },
          ],
        },
      ],
    },
    {
      name: "a helper handed another of the panel's events (onDidChangeViewState) subscribes to no end of its life",
      code: customPanels('onEvent(panel.onDidChangeViewState, () => { panels.delete(id); });'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: customPanels('onEvent(panel.onDidChangeViewState, () => { panels.get(id)?.dispose();\n  panels.delete(id); });'),
            },
          ],
        },
      ],
    },
    {
      name: 'a registry hook for another moment than the end (`onDidOpenTerminal`) hands its listener a live value',
      code: launchTerminals(
        'onDidOpenTerminal',
        'async (term) => {\n    const id = await term.processId;\n    if (this.terminals.has(id!)) this.terminals.delete(id!);\n  }',
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: launchTerminals(
                'onDidOpenTerminal',
                'async (term) => {\n    const id = await term.processId;\n    if (this.terminals.has(id!)) this.terminals.delete(id!);\n  }',
              ).replace('this.terminals.delete(id!);', '{ this.terminals.get(id!)?.dispose(); this.terminals.delete(id!); }'),
            },
          ],
        },
      ],
    },
    {
      name: 'a close hook whose listener ignores the terminal it is handed may be removing any other',
      code: launchTerminals('onDidCloseTerminal', '() => {\n    this.terminals.delete(1);\n  }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: launchTerminals('onDidCloseTerminal', '() => {\n    this.terminals.get(1)?.dispose();\n    this.terminals.delete(1);\n  }'),
            },
          ],
        },
      ],
    },
    {
      name: 'a `finished()` the program declares itself is no end of the stream',
      code: trackedStreams('declare function finished(stream: unknown, callback: () => void): void;'),
      errors: [
        { messageId: 'unreleasedDrop', line: 15 },
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: trackedStreams('declare function finished(stream: unknown, callback: () => void): void;').replace(
                '        this.live.delete(stream);',
                '        stream.destroy();\n        this.live.delete(stream);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (coc.nvim): a class of the program of the same name that arms a timer still owes its dispose()',
      code: pendingCompletions(
        "import type * as vscode from 'vscode';\nclass CancellationTokenSource {\n  readonly token = {} as vscode.CancellationToken;\n  private readonly timer = setInterval(() => {}, 1000);\n  cancel(): void {}\n  dispose(): void {\n    clearInterval(this.timer);\n  }\n}",
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingCompletions(
                "import type * as vscode from 'vscode';\nclass CancellationTokenSource {\n  readonly token = {} as vscode.CancellationToken;\n  private readonly timer = setInterval(() => {}, 1000);\n  cancel(): void {}\n  dispose(): void {\n    clearInterval(this.timer);\n  }\n}",
              ).replace('    this.sources.delete(source);', '    source.dispose();\n    this.sources.delete(source);'),
            },
          ],
        },
      ],
    },
    {
      name: "an observer given to another of the value's observables with `on()` is no end of its life",
      code: viewObservable('dataObservable', 'on'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: viewObservable('dataObservable', 'on').replace('    activeViews.delete(view);', '    view.stop();\n    activeViews.delete(view);'),
            },
          ],
        },
      ],
    },
    {
      name: 'the callback a value is made with splices another element out of the list',
      code: disposableCollections('first'),
      errors: [{ messageId: 'unreleasedDrop', line: 16 }],
    },
    {
      name: 'a literal whose dispose() hands its key to the owner may free something of its own: clear() owes it',
      code: statusItems('this.forget(uid);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: statusItems('this.forget(uid);').replace(
                'reset(): void { this.items.clear(); }',
                'reset(): void { for (const value of this.items.values()) value.dispose();\n  this.items.clear(); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (pixijs): the key written again after the store, the callback no longer names the value stored',
      code: surfaceTargets('\n    surface = new Surface();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: surfaceTargets('\n    surface = new Surface();').replace(
                '      this.bySurface.delete(surface);',
                '      this.bySurface.get(surface)?.stop();\n      this.bySurface.delete(surface);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (pixijs): the captured let given another meter after the store, the callback no longer names the value stored',
      code: surfaceTargets("\n    meter = createMeter('next');"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: surfaceTargets("\n    meter = createMeter('next');").replace(
                '      this.bySurface.delete(surface);',
                '      this.bySurface.get(surface)?.stop();\n      this.bySurface.delete(surface);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the captured let is given another value after the store: releasing it says nothing about the key',
      code: cancelledSessions("session = createMeter('other');", 'session!.stop();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: cancelledSessions("session = createMeter('other');", 'session!.stop();\n      this.sessions.get(bufnr)?.stop();'),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: the same manager deleted without its dispose() owes it (not its tracker's)",
      code: readyManagers(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: readyManagers('').replace('    trackers.delete(id);', '    trackers.get(id)?.dispose();\n    trackers.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: the same debounces deleted from outside their own dispose() are owed',
      code: debounces(CANCEL_ALL),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: debounces(CANCEL_ALL).replace('delete active[id];\n}\n', '{ active[id]?.dispose(); delete active[id]; }\n}\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: the same entries whose own dispose frees the provider owe it when the map is replaced',
      code: countedProviders('\n          info.provider.dispose();'),
      errors: [{ messageId: 'unreleasedDrop', line: 37, suggestions: [] }],
    },
    {
      name: 'lifecycle: the same entry deleted by another function field owes its own dispose()',
      code: countedHandlers('reset'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 31,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: countedHandlers('reset').replace(
                '          delete this.handlers[id];',
                '          this.handlers[id]?.dispose();\n          delete this.handlers[id];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (chokidar): the cleanup closure deletes the shared watcher without closing it',
      code: sharedWatchers(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: sharedWatchers('instances.get(path)?.watcher?.close();\n      ') }],
        },
      ],
    },
    {
      // The twin: the captured let may also hold a value never stored at the key, so closing it proves nothing about the key's.
      name: 'a captured let that may hold a value never stored at the key does not name the place',
      code: sharedWatchers(
        'cont.watcher.close();\n      ',
        'cont = { listeners: new Set([listener]), watcher: watch(path) };\n    instances.set(path, { listeners: new Set(), watcher: watch(path) });',
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sharedWatchers(
                'cont.watcher.close();\n      instances.get(path)?.watcher?.close();\n      ',
                'cont = { listeners: new Set([listener]), watcher: watch(path) };\n    instances.set(path, { listeners: new Set(), watcher: watch(path) });',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'handed back: a window its owner made hands itself back when its UI closes, and the owner drops it without dispose()',
      code: windowProvider(),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 33,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: windowProvider({ onClosed: 'window.dispose();\n    this.windows = this.windows.filter((w) => w !== window);' }),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a peer removing itself on its socket's data, registered in its constructor, has not closed",
      code: `
import net from 'node:net';
const peers = new Map<string, Peer>();
class Peer {
  constructor(readonly id: string, readonly socket: net.Socket) {
    socket.on('data', () => peers.delete(id));
  }
  close() { this.socket.destroy(); }
}
export function accept(id: string) { if (!peers.has(id)) peers.set(id, new Peer(id, net.connect(80, id))); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const peers = new Map<string, Peer>();
class Peer {
  constructor(readonly id: string, readonly socket: net.Socket) {
    socket.on('data', () => { peers.get(id)?.close(); return peers.delete(id); });
  }
  close() { this.socket.destroy(); }
}
export function accept(id: string) { if (!peers.has(id)) peers.set(id, new Peer(id, net.connect(80, id))); }`,
            },
          ],
        }, // Peer in `peers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: "lifecycle: a peer removing itself on its socket's close while its own release also stops a heartbeat: the heartbeat is still owed",
      code: `
import net from 'node:net';
const peers = new Map<string, Peer>();
class Peer {
  private readonly heartbeat = setInterval(() => this.socket.write('ping'), 10_000);
  constructor(readonly id: string, readonly socket: net.Socket) {
    socket.on('close', () => peers.delete(id));
  }
  close() { clearInterval(this.heartbeat); this.socket.destroy(); }
}
export function accept(id: string) { if (!peers.has(id)) peers.set(id, new Peer(id, net.connect(80, id))); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const peers = new Map<string, Peer>();
class Peer {
  private readonly heartbeat = setInterval(() => this.socket.write('ping'), 10_000);
  constructor(readonly id: string, readonly socket: net.Socket) {
    socket.on('close', () => { peers.get(id)?.close(); return peers.delete(id); });
  }
  close() { clearInterval(this.heartbeat); this.socket.destroy(); }
}
export function accept(id: string) { if (!peers.has(id)) peers.set(id, new Peer(id, net.connect(80, id))); }`,
            },
          ],
        }, // Peer in `peers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'lifecycle: a constant naming another event than the end (a data event) leaves the stream owed',
      code: streamsByConstant("const STR_DATA = 'data';", 'STR_DATA'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: streamsByConstant("const STR_DATA = 'data';", 'STR_DATA').replace(
                '() => streams.delete(stream)',
                '() => { stream.destroy(); return streams.delete(stream); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a stream removed on another emitter's 'error' event (the server's) is still open",
      code: streamDroppedOnServerError('streams.delete(path)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            { messageId: 'releaseBeforeDrop', output: streamDroppedOnServerError('{ streams.get(path)?.destroy(); return streams.delete(path); }') },
          ],
        },
      ],
    },
    {
      name: "lifecycle: the handler method the value's destroy() calls is also called on a client's cancel, before any destroy()",
      code: rpcHandler('\n  cancel(id: string): void {\n    this.onRpcDestroyed(id);\n  }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          // Releasing here would run destroy(), which calls this method again.
          suggestions: [],
        },
      ],
    },
    {
      name: "lifecycle: a stream removed from its map on its 'data' event is still open",
      code: `
import fs from 'node:fs';
const streams = new Map<string, fs.ReadStream>();
export function read(path: string) {
  if (streams.has(path)) return;
  const stream = fs.createReadStream(path);
  streams.set(path, stream);
  stream.on('data', () => streams.delete(path));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import fs from 'node:fs';
const streams = new Map<string, fs.ReadStream>();
export function read(path: string) {
  if (streams.has(path)) return;
  const stream = fs.createReadStream(path);
  streams.set(path, stream);
  stream.on('data', () => { streams.get(path)?.destroy(); return streams.delete(path); });
}`,
            },
          ],
        }, // ReadStream in `streams` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'sessions deleted in the callback handed, with each session, to a helper that only pings it',
      code: `
import http2 from 'node:http2';
export class Server {
  private sessions = new Set<http2.ServerHttp2Session>();
  listen(server: http2.Http2Server) {
    server.on('session', (session) => this.sessions.add(session));
  }
  private closeSession(session: http2.ServerHttp2Session, callback: () => void) {
    if (session.closed) {
      queueMicrotask(callback);
    } else {
      session.ping(() => callback());
    }
  }
  drain() {
    for (const session of this.sessions) {
      this.closeSession(session, () => {
        this.sessions.delete(session);
      });
    }
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import http2 from 'node:http2';
export class Server {
  private sessions = new Set<http2.ServerHttp2Session>();
  listen(server: http2.Http2Server) {
    server.on('session', (session) => this.sessions.add(session));
  }
  private closeSession(session: http2.ServerHttp2Session, callback: () => void) {
    if (session.closed) {
      queueMicrotask(callback);
    } else {
      session.ping(() => callback());
    }
  }
  drain() {
    for (const session of this.sessions) {
      this.closeSession(session, () => {
        session.close();
        this.sessions.delete(session);
      });
    }
  }
}
`,
            },
          ],
        }, // ServerHttp2Session in `this.sessions` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'a close handler deletes the tracker its outer function made for the session without clearing its timer',
      code: `
import http2 from 'node:http2';
interface IdleTracker {
  activeStreams: number;
  timeout: NodeJS.Timeout;
}
export class Server {
  private idle = new Map<http2.ServerHttp2Session, IdleTracker>();
  private track(session: http2.ServerHttp2Session): IdleTracker | null {
    if (this.idle.has(session)) return null;
    const tracker: IdleTracker = { activeStreams: 0, timeout: setTimeout(() => session.close(), 1000) };
    this.idle.set(session, tracker);
    return tracker;
  }
  onSession(session: http2.ServerHttp2Session) {
    const tracker = this.track(session);
    session.on('close', () => {
      if (tracker !== null) {
        this.idle.delete(session);
      }
    });
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import http2 from 'node:http2';
interface IdleTracker {
  activeStreams: number;
  timeout: NodeJS.Timeout;
}
export class Server {
  private idle = new Map<http2.ServerHttp2Session, IdleTracker>();
  private track(session: http2.ServerHttp2Session): IdleTracker | null {
    if (this.idle.has(session)) return null;
    const tracker: IdleTracker = { activeStreams: 0, timeout: setTimeout(() => session.close(), 1000) };
    this.idle.set(session, tracker);
    return tracker;
  }
  onSession(session: http2.ServerHttp2Session) {
    const tracker = this.track(session);
    session.on('close', () => {
      if (tracker !== null) {
        clearTimeout(this.idle.get(session)?.timeout);
        this.idle.delete(session);
      }
    });
  }
}
`,
            },
          ],
        }, // IdleTracker in `this.idle` is dropped by `delete()` without `clearTimeout()` on `timeout`.
      ],
    },
    {
      name: 'servers deleted in the completion callback of their own close(), and one deleted when it starts listening',
      code: `
import http from 'node:http';
export class Servers {
  private servers = new Set<http.Server>();
  listen(port: number) {
    const server = http.createServer();
    server.listen(port);
    this.servers.add(server);
  }
  stop(server: http.Server) {
    server.close(() => {
      this.servers.delete(server);
    });
  }
  stopAll() {
    for (const server of this.servers) {
      server.close(() => this.servers.delete(server));
    }
  }
  forget() {
    for (const server of this.servers) {
      server.once('listening', () => this.servers.delete(server));
    }
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 22,
          // Named \`Server\`: its type arguments are only the defaults.
          data: { type: 'Server', container: 'this.servers', operation: '`delete()`', release: '`close()`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import http from 'node:http';
export class Servers {
  private servers = new Set<http.Server>();
  listen(port: number) {
    const server = http.createServer();
    server.listen(port);
    this.servers.add(server);
  }
  stop(server: http.Server) {
    server.close(() => {
      this.servers.delete(server);
    });
  }
  stopAll() {
    for (const server of this.servers) {
      server.close(() => this.servers.delete(server));
    }
  }
  forget() {
    for (const server of this.servers) {
      server.once('listening', () => { server.close(); return this.servers.delete(server); });
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: the private remover is also called from the socket's data listener, where it has not ended",
      code: socketRemover("socket.on('close', () => this.removeSocket(id));\n    socket.on('data', () => this.removeSocket(id));"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: socketRemover("socket.on('close', () => this.removeSocket(id));\n    socket.on('data', () => this.removeSocket(id));").replace(
                '    this.sockets.delete(id);',
                '    this.sockets.get(id)?.destroy();\n    this.sockets.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: the local remover is also called from the peer's data listener, where it has not ended",
      code: peerReset("peer.on('close', () => reset());\n    peer.on('data', () => reset());"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: peerReset("peer.on('close', () => reset());\n    peer.on('data', () => reset());").replace(
                '      this.peers.delete(id);',
                '      this.peers.get(id)?.destroy();\n      this.peers.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: the local remover handed on as a value may run anywhere',
      code: peerReset("peer.on('close', () => reset());\n    setImmediate(reset);"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: peerReset("peer.on('close', () => reset());\n    setImmediate(reset);").replace(
                '      this.peers.delete(id);',
                '      this.peers.get(id)?.destroy();\n      this.peers.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: a writer removed once its write succeeded is still open',
      code: writerFanout('writer.ready.then(() => writer.write(chunk))', 'then'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: writerFanout('writer.ready.then(() => writer.write(chunk))', 'then').replace(
                '() => this.#writers.delete(writer)',
                '() => { void writer.close(); return this.#writers.delete(writer); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: a writer removed when a method of its own fails (not a state promise) may still be open',
      code: writerFanout('writer.write(chunk)', 'catch'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: writerFanout('writer.write(chunk)', 'catch').replace(
                '() => this.#writers.delete(writer)',
                '() => { void writer.close(); return this.#writers.delete(writer); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (signalk-server), twin: a close put in place of the handle's own that leaves the keep-alive running pays only for the handle",
      code: claimHandles('mac', "console.log('closing');", UNREGISTER),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Claim', container: 'this.claims', operation: '`delete()`', release: '`clearInterval()` on `keepAlive`' },
          line: 39,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`clearInterval()` on `keepAlive`' },
              output: claimHandles('mac', "console.log('closing');", UNREGISTER).replace(
                'void claim.handle.close();\n        this.claims.delete(mac);',
                'void claim.handle.close();\n        clearInterval(this.claims.get(mac)?.keepAlive);\n        this.claims.delete(mac);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (signalk-server): a delete by another key inside the close() of a record's handle drops another claim; no suggestion calls close() inside close()",
      code: claimHandles('owner'),
      errors: [
        { messageId: 'unreleasedDrop', line: 14, suggestions: [] },
        { messageId: 'unreleasedDrop', line: 30, suggestions: [] },
      ],
    },
    {
      name: 'lifecycle: a delete inside a replaced handler that is not a release leaves the panel open',
      code: replacedDispose('onHide'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: replacedDispose('onHide').replace('    panels.delete(id);', '    panels.get(id)?.dispose();\n    panels.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a delete in a subscriber of the view's data observable: the view still runs",
      code: viewObservable('dataObservable'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: viewObservable('dataObservable').replace('    activeViews.delete(view);', '    view.stop();\n    activeViews.delete(view);'),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a delete inside the task's onDidChange() hook: a change is not its end",
      code: taskHook('onDidChange'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: taskHook('onDidChange', 'this.tasks.get(id)?.stop();\n      ') }],
        },
      ],
    },
    {
      name: 'lifecycle: the public remover also called by other code, where the channel has not ended',
      code: channelRemovedOnClose('\nexport function leave(socket: Socket, channel: Channel): void {\n  socket.remove(channel);\n}'),
      errors: [{ messageId: 'unreleasedDrop', line: 24, suggestions: [] }],
    },
    {
      name: "lifecycle: the value's own method asks to be forgotten without releasing itself first",
      code: queueForgetsItself('console.log(this.name);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: queueForgetsItself('console.log(this.name);').replace(
                '    this.queues.delete(name);',
                '    this.queues.get(name)?.cancelAll();\n    this.queues.delete(name);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a delete in the underlying source's pull(): the stream still runs",
      code: streamSource('pull'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: streamSource('pull').replace(
                '        this.streams.delete(id);',
                '        this.streams.get(id)?.controller?.close();\n        this.streams.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'lifecycle: a connection removed when a reply promise it holds rejects: a failed reply is no end of the connection',
      code: replyRejected('connections.delete(connection)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: replyRejected('{ connection.close(); return connections.delete(connection); }') }],
        },
      ],
    },
    {
      name: 'lifecycle: the private remover called when the server closes, not the socket, leaves the socket open',
      code: socketRemover("this.server.on('close', () => this.removeSocket(id));"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: socketRemover("this.server.on('close', () => this.removeSocket(id));").replace(
                '    this.sockets.delete(id);',
                '    this.sockets.get(id)?.destroy();\n    this.sockets.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a delete inside the task's onProgress() hook: progress is not its end",
      code: taskHook('onProgress'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: taskHook('onProgress', 'this.tasks.get(id)?.stop();\n      ') }],
        },
      ],
    },
    {
      name: 'an onData hook given to the factory removes the connection: data is not its end',
      code: onDataPeers(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [{ messageId: 'releaseBeforeDrop', output: onDataPeers('peer.destroy();\n        ') }],
        }, // Socket in `this.peers` is dropped by rebuilding it with `filter()` without `destroy()`.
      ],
    },
    {
      name: "one-shot timers: a delete in a callback run from inside the timer's callback; an interval's is reported",
      code: `const timeouts: Record<string, NodeJS.Timeout | null> = {};
const intervals: Record<string, NodeJS.Timeout | null> = {};
declare function later(run: () => void): void;
export function schedule(bucket: string) {
  if (!timeouts[bucket]) timeouts[bucket] = setTimeout(() => later(() => { timeouts[bucket] = null; }), 10);
  if (!intervals[bucket]) intervals[bucket] = setInterval(() => later(() => { intervals[bucket] = null; }), 10);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [],
        }, // Timeout in `intervals` is dropped by assignment over an existing key without `clearInterval()`.
      ],
    },
    {
      // The twin: a hook for something other than the end leaves the transport open.
      name: 'a session removed in an `onsessionpaused` hook handed to the constructor is dropped open',
      code: transportSessions('onsessionpaused'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: transportSessions('onsessionpaused').replace(
                '      sessions.delete(id);',
                '      void sessions.get(id)?.transport?.close();\n      sessions.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      // The twin: the same handle type from a function named like an interval, which goes on after its callback runs.
      name: 'the same through an injected `_setInterval`: its callback filtering its own id out leaves it running',
      code: injectedTimer('_setInterval'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: injectedTimer('_setInterval').replace(
                '      this.inFlight = this.inFlight.filter',
                '      clearTimeout(timeoutId);\n      this.inFlight = this.inFlight.filter',
              ),
            },
          ],
        }, // Timeout in `this.inFlight` is dropped by rebuilding it with `filter()` without `clearTimeout()`.
      ],
    },
    {
      name: 'the same through `setInterval.call(null, …)`: an interval goes on after its callback runs',
      code: timerThroughCall('setInterval'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: timerThroughCall('setInterval').replace(
                '      this.timers.delete(timer);',
                '      clearTimeout(timer);\n      this.timers.delete(timer);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "lifecycle: a child removing itself on its own private '@close' event, and one removed on 'message' (not its close)",
      code: `import { EventEmitter } from 'node:events';
class Child extends EventEmitter {
  private readonly timer = setInterval(() => {}, 1000);
  constructor(readonly id: string) { super(); }
  close(): void { clearInterval(this.timer); this.emit('@close'); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(id: string) {
    const child = new Child(id);
    if (this.children.has(id)) return;
    this.children.set(id, child);
    child.on('@close', () => this.children.delete(child.id));
  }
  addLeaky(id: string) {
    const child = new Child(id);
    if (this.children.has(id)) return;
    this.children.set(id, child);
    child.on('message', () => this.children.delete(child.id));
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { EventEmitter } from 'node:events';
class Child extends EventEmitter {
  private readonly timer = setInterval(() => {}, 1000);
  constructor(readonly id: string) { super(); }
  close(): void { clearInterval(this.timer); this.emit('@close'); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(id: string) {
    const child = new Child(id);
    if (this.children.has(id)) return;
    this.children.set(id, child);
    child.on('@close', () => this.children.delete(child.id));
  }
  addLeaky(id: string) {
    const child = new Child(id);
    if (this.children.has(id)) return;
    this.children.set(id, child);
    child.on('message', () => { this.children.get(child.id)?.close(); return this.children.delete(child.id); });
  }
}
`,
            },
          ],
        }, // Child in `this.children` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'lifecycle: an object literal removing itself from its Set inside its own unsubscribe(); a loop deleting each without unsubscribe() is reported',
      code: `const subs = new Set<{ unsubscribe(): void }>();
export function watch(ms: number) {
  const t = setInterval(() => {}, ms);
  const sub = { unsubscribe() { clearInterval(t); subs.delete(sub); } };
  subs.add(sub);
  return sub;
}
export function forgetAll() { for (const sub of [...subs]) subs.delete(sub); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const subs = new Set<{ unsubscribe(): void }>();
export function watch(ms: number) {
  const t = setInterval(() => {}, ms);
  const sub = { unsubscribe() { clearInterval(t); subs.delete(sub); } };
  subs.add(sub);
  return sub;
}
export function forgetAll() { for (const sub of [...subs]) { sub.unsubscribe(); subs.delete(sub); } }
`,
            },
          ],
        }, // { unsubscribe(): void; } in `subs` is dropped by `delete()` without `unsubscribe()`.
      ],
    },
    {
      name: "lifecycle: a delete once the value's own promise-returning close() has settled, and one after an unrelated promise",
      code: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
export function open(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function closeThen(url: string) { pollers.get(url)?.close().then(() => pollers.delete(url)); }
export function closeFinally(url: string) { void pollers.get(url)?.close().finally(() => pollers.delete(url)); }
declare function flush(): Promise<void>;
export function flushThen(url: string) { void flush().then(() => pollers.delete(url)); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
export function open(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function closeThen(url: string) { pollers.get(url)?.close().then(() => pollers.delete(url)); }
export function closeFinally(url: string) { void pollers.get(url)?.close().finally(() => pollers.delete(url)); }
declare function flush(): Promise<void>;
export function flushThen(url: string) { void flush().then(() => { void pollers.get(url)?.close(); return pollers.delete(url); }); }
`,
            },
          ],
        }, // Poller in `pollers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'lifecycle: Promise.all closes the values of another list before this one is emptied in .then()',
      code: `import { createPoller, type Poller } from './resources.js';
export class Pollers {
  private pollers: Poller[] = [];
  private paused: Poller[] = [];
  open(url: string) { this.pollers.push(createPoller(url)); this.paused.push(createPoller(url)); }
  closeOthers() {
    return Promise.all(this.paused.map((poller) => poller.close())).then(() => {
      this.pollers = [];
    });
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { createPoller, type Poller } from './resources.js';
export class Pollers {
  private pollers: Poller[] = [];
  private paused: Poller[] = [];
  open(url: string) { this.pollers.push(createPoller(url)); this.paused.push(createPoller(url)); }
  closeOthers() {
    return Promise.all(this.paused.map((poller) => poller.close())).then(() => {
      for (const value of this.pollers) void value.close();
      this.pollers = [];
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
      name: "lifecycle: a delete once the value's ready promise has settled: ready is not its end",
      code: `declare class Channel {
  readonly closed: Promise<void>;
  readonly ready: Promise<void>;
  close(): Promise<void>;
}
declare function openChannel(): Channel;
export class Fanout {
  readonly #channels = new Set<Channel>();
  add() {
    const channel = openChannel();
    this.#channels.add(channel);
    channel.ready.catch(() => undefined).finally(() => {
      this.#channels.delete(channel);
    });
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare class Channel {
  readonly closed: Promise<void>;
  readonly ready: Promise<void>;
  close(): Promise<void>;
}
declare function openChannel(): Channel;
export class Fanout {
  readonly #channels = new Set<Channel>();
  add() {
    const channel = openChannel();
    this.#channels.add(channel);
    channel.ready.catch(() => undefined).finally(() => {
      void channel.close();
      this.#channels.delete(channel);
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
  ],
});

/** A class holding disposables by path whose own dispose() clears them, after `releaseFirst`. */
function watchersHolder(heritage: string, releaseFirst = ''): string {
  return `
interface Disposable { dispose(): void }
declare function watch(path: string): Disposable;
export class Watchers${heritage} {
  private readonly watchers = new Map<string, Disposable>();
  add(path: string) { this.watchers.set(path, watch(path)); }
  dispose(): void {
${releaseFirst}    this.watchers.clear();
  }
}`;
}

/** Nodes made for kernels and removed on each kernel's own stop; the node's stop() runs `releaseFirst`, then stops its kernel. */
function kernelNodes(releaseFirst: string): string {
  return `
declare class Kernel {
  onStopped(listener: () => void): void;
  stop(): Promise<void>;
}
class KernelNode {
  private readonly refresh = setInterval(() => {}, 1000);
  constructor(private readonly kernel: Kernel, readonly label: string) {}
  async stop() {${releaseFirst}
    await this.kernel.stop();
  }
}
export class Workspace {
  private nodes: KernelNode[] = [];
  add(kernel: Kernel) {
    const node = new KernelNode(kernel, 'kernel');
    this.nodes.push(node);
    kernel.onStopped(() => {
      this.nodes = this.nodes.filter((x) => x !== node);
    });
  }
}`;
}

/**
 * Reduced from Moe's Tavern 28cbdfe4d0ac (https://github.com/yaront1111/Moe-s-Tavern/commit/28cbdfe4d0acfb009ddc9bbccdc26d181b36811b):
 * a plan submitted for a task arms an auto-approval timeout, cancelling an earlier one first. The
 * fired timer's callback awaits the approval and then runs `removal` (in `finally`); `beforeAwait`
 * runs before it awaits.
 */
function autoApprovals(removal: string, beforeAwait = ''): string {
  return `
const approvals = new Map<string, NodeJS.Timeout>();
declare function approve(taskId: string): Promise<void>;
export function submitPlan(taskId: string): void {
  clearTimeout(approvals.get(taskId));
  approvals.delete(taskId);
  const timeout = setTimeout(async () => {
    try {
      ${beforeAwait}
      await approve(taskId);
    } finally {
      ${removal}
    }
  }, 2000);
  approvals.set(taskId, timeout);
}`;
}

/**
 * A server that keeps each connection's socket with a heartbeat interval, registered with a listener
 * on the socket's end that clears the heartbeat and forgets the connection: `listener` is what that
 * listener does, `kick` the body of `kick()` after the record is found.
 */
const heartbeats = (
  kick: string,
  listener = 'clearInterval(heartbeat);\n      this.conns.delete(id);',
  event = "socket.on('close', () => {",
  record = '{ socket, heartbeat }',
): string => `import type { Socket } from 'node:net';

interface Conn {
  socket: Socket;
  heartbeat: NodeJS.Timeout;
  send?: (data: string) => void;
}

export class Server {
  private conns = new Map<number, Conn>();
  private nextId = 0;

  accept(socket: Socket): void {
    const id = this.nextId++;
    const heartbeat = setInterval(() => socket.write('ping'), 5000);
    this.conns.set(id, ${record});
    ${event}
      ${listener}
    });
  }

  kick(id: number): void {
    const conn = this.conns.get(id);
    if (!conn) return;
${kick}
  }
}
`;

ruleTester.run('stop-on-evict: a record field released by the end of another', rule, {
  valid: [
    {
      name: "a connection whose socket is destroyed: the socket's close listener, registered where it is kept, clears its heartbeat",
      code: heartbeats('    conn.socket.destroy();\n    this.conns.delete(id);'),
    },
    {
      name: 'so does a socket the record only borrows (its writer is a function written beside it), whose end the record does not owe',
      code: heartbeats(
        '    conn.socket.destroy();\n    this.conns.delete(id);',
        undefined,
        undefined,
        '{ socket, heartbeat, send: (data) => socket.write(data) }',
      ),
    },
    {
      name: 'so does one ended gracefully, or heard through once()',
      code: heartbeats('    conn.socket.end();\n    this.conns.delete(id);', undefined, "socket.once('close', () => {"),
    },
  ],
  invalid: [
    reportedWithRelease(
      'a connection deleted without ending its socket still owes its socket and its heartbeat',
      heartbeats('    this.conns.delete(id); // kicked'),
      '    this.conns.delete(id); // kicked',
      '    this.conns.get(id)?.socket?.destroy();\n    clearInterval(this.conns.get(id)?.heartbeat);\n',
    ),
    reportedWithRelease(
      'a close listener that clears nothing leaves the heartbeat owed',
      heartbeats('    conn.socket.destroy();\n    this.conns.delete(id); // kicked', "console.log('closed', id);"),
      '    this.conns.delete(id); // kicked',
      '    clearInterval(this.conns.get(id)?.heartbeat);\n',
    ),
    reportedWithRelease(
      'an error listener does not run when the socket is destroyed',
      heartbeats('    conn.socket.destroy();\n    this.conns.delete(id); // kicked', undefined, "socket.on('error', () => {"),
      '    this.conns.delete(id); // kicked',
      '    clearInterval(this.conns.get(id)?.heartbeat);\n',
    ),
  ],
});
