// stop-on-evict — ownership: borrowed values, parameters, values handed on, plain data.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (coc.nvim, fileSystemWatcher.ts): a manager makes each watcher, lists it in a static
 * set and hands it to its caller; the watcher's dispose() runs `removal` (its own line of cleanup).
 */
const watcherIndex = (removal: string): string => `
import { watch, type FSWatcher } from 'node:fs';
export class Watcher {
  private handles: FSWatcher[] = [];
  listen(root: string) { this.handles.push(watch(root)); }
  dispose(): void {
    ${removal}
    for (const handle of this.handles) handle.close();
  }
}
export class WatcherManager {
  public static watchers: Set<Watcher> = new Set();
  create(): Watcher {
    const watcher = new Watcher();
    WatcherManager.watchers.add(watcher);
    return watcher;
  }
  dispose(): void {
    WatcherManager.watchers.clear();
  }
}`;

/**
 * From real code (dockview, paneview.ts): removePane() splices a pane out and returns it; move()
 * puts it back at another index, and `callers` are the class's other uses of it.
 */
const paneview = (removal: string, callers: string, after = ''): string => `
import { Watcher } from './resources.js';
export class Paneview {
  private panes: Watcher[] = [];
  add(): void {
    this.panes.push(new Watcher());
  }
  removePane(index: number, options = { skipDispose: false }): Watcher {
    const pane = this.panes.splice(index, 1)[0]!;
    ${removal}
    return pane;
  }
  move(from: number, to: number): void {
    const pane = this.removePane(from, { skipDispose: true });
    this.panes.splice(to, 0, pane);
  }
  ${callers}
}${after}`;

/**
 * From real code (Oceanic, ShardManager.ts): a manager that is itself the map of its shards queues
 * them for connecting through a private method; `made` is how spawn() comes by a shard.
 */
const shardQueue = (made: string): string => `
import { createMeter, type Meter } from './resources.js';
export class ShardManager extends Map<number, Meter> {
  #connectQueue: Meter[] = [];
  private enqueue(shard: Meter): void {
    this.#connectQueue.push(shard);
  }
  spawn(id: number): void {
    let shard = this.get(id);
    if (!shard) { ${made} }
    this.enqueue(shard);
  }
  tryConnect(): void {
    const next = this.#connectQueue[0];
    if (next) this.#connectQueue.splice(0, 1);
  }
  stopAll(): void { for (const [, shard] of this) shard.stop(); }
}`;

/**
 * From real code (deepstream): providers are records with an optional response timer; the ones kept
 * per subscription are literals made without it, and `armed` is the provider the timer is set on.
 */
const providerRegistry = (armed: string): string => `
interface Provider {
  name: string;
  responseTimeout?: NodeJS.Timeout;
}
export class ListenerRegistry {
  private readonly provided = new Map<string, Provider>();
  private readonly waiting: Provider[] = [];
  accept(subscription: string, name: string): void {
    const provider = { name };
    this.provided.set(subscription, provider);
  }
  askNext(subscription: string, queue: Provider[]): void {
    const provider = ${armed};
    if (!provider) return;
    provider.responseTimeout = setTimeout(() => this.askNext(subscription, queue), 1_000);
    this.waiting.push(provider);
  }
  removed(subscription: string): void {
    this.provided.delete(subscription);
  }
}`;

/** From real code (cline): subscription records holding the service's controller, got through `getter`. */
const controllerSubscriptions = (getter: string): string => `
declare class Controller { dispose(): void }
declare function newController(): Controller;
export class AuthService {
  private controller: Controller | null = null;
  private subscriptions = new Set<{ controller: Controller; topic: string }>();
  initialize(controller: Controller) { this.controller = controller; }
  private requireController(): Controller {
    if (this.controller) return this.controller;
    throw new Error('not initialized');
  }
  private createController(): Controller { return newController(); }
  subscribe(topic: string): () => void {
    const entry = { controller: this.${getter}(), topic };
    this.subscriptions.add(entry);
    return () => {
      this.subscriptions.delete(entry);
    };
  }
}`;

/**
 * From real code (pixijs's AnimatedSprite): frames handed in by the caller, destroyed in `destroy()`
 * under `guard`, and replaced by a setter.
 */
const callerFrames = (guard: string): string => `import { type Meter } from './resources.js';
type DestroyOptions = boolean | { texture?: boolean };
export class Animation {
  private ownsFrames = false;
  private frames: Meter[];
  constructor(frames: Meter[]) { this.frames = frames; }
  set textures(value: Meter[]) { this.frames = value; }
  destroy(options: DestroyOptions = false): void {
    const destroyFrames = typeof options === 'boolean' ? options : options?.texture;
    if (${guard}) this.frames.forEach((frame) => frame.stop());
    this.frames = [];
  }
}
`;

/**
 * From real code (eggjs/tegg's MCP SSE controller, the fix b29d68bd4ec4): each SSE session keeps its
 * response and a keep-alive interval; the transport's close hook clears the interval and deletes
 * the session. `res` is what the record is given for the response.
 */
const sseSessions = (res: string): string => `import type { ServerResponse } from 'node:http';
interface Context { res: ServerResponse }
export class Sessions {
  private readonly connections = new Map<string, { res: ServerResponse; intervalId: NodeJS.Timeout }>();
  open(ctx: Context, res: ServerResponse, id: string): void {
    if (this.connections.has(id)) return;
    const intervalId = setInterval(() => ctx.res.write(': keepalive'), 15_000);
    this.connections.set(id, { res: ${res}, intervalId });
  }
  onClose(id: string): void {
    clearInterval(this.connections.get(id)?.intervalId);
    this.connections.delete(id);
  }
}
`;

/** From real code (ldapts): pending requests that record the socket they were sent on, `socket`. */
const pendingOnSocket = (socket: string): string => `import * as net from 'node:net';
interface Pending { socket: net.Socket; timer: NodeJS.Timeout; reject(error: Error): void }
export class Client {
  private readonly pending = new Map<string, Pending>();
  private socket?: net.Socket;
  connect(): void {
    const socket = net.connect(389);
    this.socket = socket;
  }
  send(id: string, reject: (error: Error) => void): void {
    if (!this.socket) throw new Error('not connected');
    if (this.pending.has(id)) return;
    this.pending.set(id, { socket: ${socket}, timer: setTimeout(() => reject(new Error('timed out')), 1_000), reject });
  }
  settle(id: string): void {
    const details = this.pending.get(id);
    if (details) clearTimeout(details.timer);
    this.pending.delete(id);
  }
}
`;

const imports = `import { createMeter, createPoller, openLease, startJob, stopMeter, type Meter, type Poller, type Watcher, type Stopwatch, type Candle, type PendingRequest, type Lease, type Job } from './resources.js';`;

/** From real code (gitlens, searchCompareNode.ts): a local naming the class's list through a getter, spliced after `release`. */
const listThroughGetter = (release: string): string => `${imports}
export class Node {
  private _children: Meter[] | undefined;
  private get children(): Meter[] {
    if (this._children === undefined) this._children = [];
    return this._children;
  }
  private set children(value: Meter[]) { this._children = value; }
  add(route: string): void { this.children.push(createMeter(route)); }
  dismiss(index: number): void {
    const children = this.children;
${release}
    children.splice(index, 1);
  }
}`;

/**
 * From real code (grafana's DashboardModel.removePanel, PR #77017): a registry that makes every
 * worker it holds and hands each out, and a public `detach` that drops the one its caller names
 * (through a private helper); `callers` is the rest of the program.
 */
const ownWorkers = (callers = '', forget = 'this.workers.delete(worker);'): string => `import { Worker } from 'node:worker_threads';
export class Registry {
  private readonly workers = new Set<Worker>();
  spawn(file: string) { const w = new Worker(file); this.workers.add(w); return w; }
  detach(worker: Worker) { this.forget(worker); }
  private forget(worker: Worker) { ${forget} }
}
${callers}`;

/**
 * From real code (vscode-languageserver-node, fileSystemWatcher.ts): the subscriptions made for one
 * registration, kept as a list per id; `unregister` is how the class releases a list, `store` the
 * registration's own store (`local` names the list it builds).
 */
const subscriptionLists = (unregister: string, store = 'this.watchers.set(id, made);', local = 'made'): string => `
interface Disposable { dispose(): void }
interface Watcher { onDidChange(listener: () => void): Disposable }
export class FileWatchers {
  private readonly watchers = new Map<string, Disposable[]>();
  register(id: string, sources: Watcher[]): void {
    const ${local}: Disposable[] = [];
    for (const source of sources) ${local}.push(source.onDidChange(() => {}));
    ${store.replaceAll('made', local)}
  }
  unregister(id: string): void {
    ${unregister}
  }
}
`;
const releaseThroughLocal = `const list = this.watchers.get(id);
    if (list) for (const disposable of list) disposable.dispose();
    this.watchers.delete(id);`;
const releaseThroughLookup = `for (const disposable of this.watchers.get(id) ?? []) disposable.dispose();
    this.watchers.delete(id);`;
const releasedBeforeStore = `for (const disposable of this.watchers.get(id) ?? []) disposable.dispose();
    this.watchers.set(id, made);`;

/**
 * From real code (openlayers' LRU cache): `pop()` takes the oldest entry out and hands its value
 * back; `expire` is what the cache does with that value, `clear` how it empties itself.
 */
const lruCache = (expire: string, clear = 'this.entries = {};'): string => `declare class Tile {
  dispose(): void;
}
interface Entry {
  key: string;
  value: Tile;
  newer: Entry | null;
}
export class TileCache {
  private entries: Record<string, Entry> = {};
  private oldest: Entry | null = null;
  set(key: string, value: Tile): void {
    if (key in this.entries) throw new Error('duplicate ' + key);
    this.entries[key] = { key, value, newer: null };
  }
  pop(): Tile {
    const entry = this.oldest!;
    delete this.entries[entry.key];
    this.oldest = entry.newer;
    return entry.value;
  }
  expire(): void {
    ${expire}
  }
  clear(): void {
    ${clear}
    this.oldest = null;
  }
}
`;
const disposePopped = 'const value = this.pop();\n    value.dispose();';

/** Lists of timers kept per id; `list` is how `arm` builds the list it stores. */
const timerLists = (list: string): string => `export class Alarms {
  private readonly lists = new Map<string, NodeJS.Timeout[]>();
  arm(id: string, given: NodeJS.Timeout[], fn: () => void): void {
    ${list}
  }
  disarm(id: string): void {
    this.lists.delete(id);
  }
}
`;

/** A pool of idle workers; `take` is how a worker leaves it. */
const workerPool = (take: string): string => `import { Worker } from 'node:worker_threads';
export class Pool {
  private readonly idle = new Set<Worker>();
  grow(file: string) {
    this.idle.add(new Worker(file));
  }
  ${take}
}
`;

/** `timerLists(list)` with the old list's timers cleared before `statement` (under `test`). */
const listReleasedBefore = (list: string, statement: string, test = ''): string =>
  timerLists(list).replace(`    ${statement}`, `    ${test}for (const inner of this.lists.get(id) ?? []) clearTimeout(inner);\n    ${statement}`);

/** From real code (vitest's browser sessions): a record pointing at the project `project` names, with callbacks written here. */
const sessionRecords = (project: string): string => `
export class Project {
  private timer = setInterval(() => {}, 1_000);
  close(): void { clearInterval(this.timer); }
}
interface Session { project: Project; fail: (error: Error) => void }
export class Sessions {
  private sessions = new Map<string, Session>();
  destroy(id: string): void {
    this.sessions.delete(id);
  }
  create(id: string, project: Project, reject: (error: Error) => void): void {
    const timeout = setTimeout(() => reject(new Error('timed out')), 60_000);
    this.sessions.set(id, {
      project: ${project},
      fail: (error) => {
        clearTimeout(timeout);
        reject(error);
      },
    });
  }
}`;

/**
 * From real code (vscode-mssql): a panel kept per document moves to the document's new name; a
 * rename takes a name it expects free.
 */
const renamedPanels = (rename: string): string => `
class Panel {
  private readonly timer = setInterval(() => this.refresh(), 1_000);
  constructor(public uri: string) {}
  refresh(): void {}
  dispose(): void {
    clearInterval(this.timer);
  }
}
export class Panels {
  private readonly panels = new Map<string, Panel>();
  open(uri: string): void {
    if (!this.panels.has(uri)) this.panels.set(uri, new Panel(uri));
  }
  close(uri: string): void {
    this.panels.get(uri)?.dispose();
    this.panels.delete(uri);
  }
  rename(oldUri: string, newUri: string): void {
    const panel = this.panels.get(oldUri);
    if (!panel || oldUri === newUri) return;
    ${rename}
  }
}
`;
const MOVE = 'this.panels.delete(oldUri);\n    this.panels.set(newUri, panel);\n    panel.uri = newUri;';
const MOVE_SET_FIRST = 'this.panels.set(newUri, panel);\n    this.panels.delete(oldUri);';
const MOVE_OVER_A_LOOK =
  "const previous = this.panels.get(newUri);\n    if (previous) console.warn('replacing', previous.uri);\n    this.panels.set(newUri, panel);\n    this.panels.delete(oldUri);";

/**
 * From real code (signalk-server): one class arms a timer on the session records it keeps in one map,
 * and keeps device listeners in another; the timers it arms say nothing about who owns the listeners.
 */
const deviceListeners = (listener: string): string => `
declare function watchDevice(mac: string, onChange: () => void): () => void;
interface Session {
  mac: string;
  pollTimer?: ReturnType<typeof setInterval>;
}
export class LocalProvider {
  private readonly sessions = new Map<string, Session>();
  private readonly deviceListeners = new Map<string, () => void>();
  connect(mac: string): void {
    if (this.sessions.has(mac)) return;
    const session: Session = { mac };
    this.sessions.set(mac, session);
    session.pollTimer = setInterval(() => console.log(mac), 1_000);
  }
  disconnect(mac: string): void {
    const session = this.sessions.get(mac);
    if (session) clearInterval(session.pollTimer);
    this.sessions.delete(mac);
  }
  stop(): void {
    for (const cleanup of this.deviceListeners.values()) cleanup();
    this.deviceListeners.clear();
  }
  attach(mac: string, handler: () => void): void {
    this.deviceListeners.set(mac, ${listener});
  }
  detach(mac: string): void {
    this.deviceListeners.delete(mac);
  }
}
`;

/**
 * From real code (coc.nvim, editors.ts): window records made by a method of the class, whose `meter`
 * comes from another owner's registry; `lookUp` is how that registry hands it out.
 */
const windowRecords = (lookUp: string): string => `import { createMeter, type Meter } from './resources.js';
export class Meters {
  private readonly byRoute = new Map<string, Meter>();
  open(route: string): void { if (!this.byRoute.has(route)) this.byRoute.set(route, createMeter(route)); }
  lookUp(route: string): Meter | null | undefined {
    ${lookUp}
  }
}
interface View { id: string; winid: number; meter: Meter; ranges: number[] }
export class Views {
  private readonly views = new Map<number, View>();
  constructor(private readonly meters: Meters) {}
  show(winid: number, route: string): void {
    if (this.views.has(winid)) return;
    const view = this.fromOptions(winid, route);
    this.views.set(winid, view);
  }
  hide(winid: number): void { this.views.delete(winid); }
  private fromOptions(winid: number, route: string): View {
    const { meters } = this;
    const meter = meters.lookUp(route)!;
    return { id: \`\${winid}-\${meter.route}\`, winid, meter, ranges: [winid].map((n) => n + 1) };
  }
}`;

/**
 * From real code (matter.js, PeerSet.ts): discovery records kept per address, one kind given the
 * scanner a shared set lends (\`scannerFor()\` reads it out of the set), the other kind no scanner.
 */
const discoveries = (retry: string): string => `import { createMeter, type Meter } from './resources.js';
export class Meters {
  private readonly byRoute = new Map<string, Meter>();
  open(route: string): void { if (!this.byRoute.has(route)) this.byRoute.set(route, createMeter(route)); }
  meterFor(route: string): Meter | undefined {
    return this.byRoute.get(route);
  }
}
interface Discovery { kind: number; meter?: Meter; stopTimer?: () => void }
export class Discoveries {
  private readonly running = new Map<string, Discovery>();
  constructor(private readonly meters: Meters) {}
  discover(address: string, route: string): void {
    const meter = this.meters.meterFor(route);
    if (!meter || this.running.has(address)) return;
    const timer = setTimeout(() => this.finish(address), 1000);
    const stopTimer = () => clearTimeout(timer);
    this.running.set(address, { kind: 1, meter, stopTimer });
  }
  retry(address: string, route: string): void {
    if (this.running.has(address)) return;
    this.running.set(address, ${retry});
  }
  finish(address: string): void {
    this.running.get(address)?.stopTimer?.();
    this.running.delete(address);
  }
}`;

/**
 * From real code (vscode-cmake-tools, projectController.ts): a folder's meters looked up, shown to
 * someone by `handOff`, then replaced by an empty list.
 */
const excludedFolders = (handOff: string): string => `import { createMeter, type Meter } from './resources.js';
import { EventEmitter } from 'node:events';
declare const keeper: { adopt(meters: Meter[]): void };
export class Folders extends EventEmitter {
  private readonly byFolder = new Map<string, Meter[]>();
  add(folder: string): void { if (!this.byFolder.has(folder)) this.byFolder.set(folder, [createMeter(folder)]); }
  exclude(folder: string): void {
    const meters = this.byFolder.get(folder);
    if (meters) ${handOff};
    this.byFolder.set(folder, []);
  }
}
`;

/**
 * From real code (pixijs, RenderTargetSystem.ts and GpuMeshAdapter.ts): meters handed out by a
 * get-or-create (`get(k) ?? this.init(k)`, `store` is what `init` does with the new one), pushed on a
 * stack of records through another method, and written into another object's slots by an adaptor.
 */
/**
 * From real code (pixijs, TexturePool.ts and AlphaMaskPipe.ts): a pool hands out a meter it pops from
 * its own lists (or makes one when they are empty), and a stack of stages keeps it until the stage
 * ends; `giveBack` is the pool's other method.
 */
const meterPool = (giveBack: string): string => `import { createMeter, type Meter } from './resources.js';
class MeterPool {
  private readonly free: Record<string, Meter[]> = {};
  take(route: string): Meter {
    this.free[route] ??= [];
    let meter = this.free[route].pop();
    if (!meter) meter = createMeter(route);
    return meter;
  }
  giveBack(route: string, meter: Meter): void {
    ${giveBack}
  }
}
export const pool = new MeterPool();
export class Stages {
  private stages: { route: string; meter: Meter }[] = [];
  begin(route: string): void {
    const meter = pool.take(route);
    this.stages.push({ route, meter });
  }
  end(): void {
    const stage = this.stages.pop();
    if (stage) pool.giveBack(stage.route, stage.meter);
  }
  destroy(): void {
    this.stages = [];
  }
}
`;

const renderTargets = (store: string): string => `import { createMeter, type Meter } from './resources.js';
export class Targets {
  private readonly byKey = new Map<string, Meter>();
  private readonly stack: { meter: Meter; layer: number }[] = [];
  meterFor(key: string): Meter {
    return this.byKey.get(key) ?? this.init(key);
  }
  private init(key: string): Meter {
    const meter = createMeter(key);${store}
    return meter;
  }
  private bind(key: string): Meter {
    const meter = this.meterFor(key);
    return meter;
  }
  push(key: string, layer = 0): void {
    const meter = this.bind(key);
    this.stack.push({ meter, layer });
  }
  pop(): void {
    this.stack.pop();
  }
  destroy(): void {
    for (const meter of this.byKey.values()) meter.stop();
    this.byKey.clear();
  }
}
export class Adaptor {
  execute(renderer: { targets: Targets }, shader: { groups: Record<number, Meter> }): void {
    shader.groups[0] = renderer.targets.meterFor('global');
  }
}
`;

/**
 * From real code (gemini-cli, shellExecutionService.ts): a static registry that the class's static
 * methods fill as `this.active` and one of them empties by the class's name; `forget` is that body.
 */
const staticSessions = (forget: string): string => `import { createMeter, type Meter } from './resources.js';
export class Sessions {
  private static active = new Map<number, Meter>();
  static open(id: number): void {
    this.active.get(id)?.stop();
    this.active.set(id, createMeter(String(id)));
  }
  static forget(id: number): void {
    setTimeout(() => {
${forget}
    }, 10);
  }
}`;

/**
 * From real code (dockview, gridview.ts): a base grid removes the groups its subclass adds to a map
 * they share; `field` declares the map, `add` is the subclass's insertion, `release` runs before the delete.
 */
const inheritedGroups = (
  add: string,
  release = '',
  field = 'protected readonly groups = new Map<string, Watcher>();',
): string => `import { type Watcher } from './resources.js';
declare function openGroup(id: string): Watcher;
abstract class BaseGrid {
  ${field}
  removeGroup(id: string): void {
${release}    this.groups.delete(id);
  }
}
export class Grid extends BaseGrid {
  addGroup(id: string${add.includes('given') ? ', given: Watcher' : ''}): void {
    ${add}
  }
}
`;

/**
 * From real code (trigger.dev's replication bootstrap): a module keeps what an unexported helper of
 * its own is handed; `track` hands it `handed`, made here or given by the exported function's caller.
 */
const keptByHelper = (parameters: string, handed: string): string => `import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
function keep(route: string, meter: Meter): void {
  meters.set(route, meter);
}
export function track(${parameters}): void {
  if (!meters.has(route)) keep(route, ${handed});
}
export function untrack(route: string): void {
  meters.delete(route);
}
`;

/**
 * From real code (pixijs, Shader.ts): a shader's groups are partly lent by its caller and partly
 * made by itself; what it makes it also pushes (`pushed`) into a list of its own, which its
 * destroy() releases (`released`) before the groups are let go; `removal`, another method.
 */
const ownedList = (pushed: string, released: string, removal = ''): string => `
import { createMeter, type Meter } from './resources.js';
export class Shader {
  public groups: Record<number, Meter> | null;
  private readonly ownedGroups: Meter[] = [];
  constructor(groups?: Record<number, Meter>) {
    this.groups = groups ?? {};
  }
  addResource(index: number): void {
    if (!this.groups![index]) {
      this.groups![index] = createMeter(String(index));
      ${pushed}
    }
  }${removal}
  destroy(): void {
    ${released}
    this.groups = null;
  }
}`;

/** A method of ownedList's shader that deletes one group, after `release`. */
const removeGroup = (release: string): string => `
  removeResource(index: number): void {
    ${release}delete this.groups![index];
  }`;

/** The suggestion at ownedList's `this.groups = null`: stop every group first. */
const stopEveryGroup = (code: string) => ({
  messageId: 'releaseBeforeDrop' as const,
  data: { release: '`stop()`' },
  output: code.replace('this.groups = null;', 'if (this.groups) for (const value of Object.values(this.groups)) value.stop();\n    this.groups = null;'),
});

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'from real code (pixijs): what the class makes is also kept in a list of its own that destroy() releases; letting the index go owes nothing',
      code: ownedList('this.ownedGroups.push(this.groups![index]);', 'this.ownedGroups.forEach((group) => group.stop());'),
    },
    {
      name: "a module's unexported helper keeps what the exported function's caller handed in: borrowed",
      code: keptByHelper('route: string, given: Meter', 'given'),
    },
    {
      name: "a base class's map filled by its subclass with values the subclass's caller hands in: borrowed, the delete owes nothing",
      code: inheritedGroups('this.groups.set(id, given);'),
    },
    {
      name: 'a base class disposes a group its subclass made before deleting it',
      code: inheritedGroups('this.groups.set(id, openGroup(id));', '    this.groups.get(id)?.dispose();\n'),
    },
    {
      name: 'a local naming the list through a getter, its element stopped before the splice',
      code: listThroughGetter('    children[index]?.stop();'),
    },
    {
      name: "from real code (tegg): a record's field given what an object handed in holds (`ctx.res`) is that object's, though the code releases the record's other field",
      code: sseSessions('ctx.res'),
    },
    {
      name: "from real code (ldapts): a record's field given the owner's own socket (`this.socket`) is the owner's, shared by every record",
      code: pendingOnSocket('this.socket'),
    },
    {
      name: "from real code (pixijs): frames handed in and destroyed only when the caller of destroy() asks for it through its options are the caller's",
      code: callerFrames('destroyFrames'),
    },
    {
      name: 'from real code (coc.nvim): an index of the watchers a factory hands out, each taking itself out in its own dispose()',
      code: watcherIndex('WatcherManager.watchers.delete(this);'),
    },
    {
      name: 'a static registry emptied by the class name after its value was released by the same name',
      code: staticSessions(`      Sessions.active.get(id)?.stop();
      Sessions.active.delete(id);`),
    },
    {
      name: "from real code (pixijs): a meter a pool lends (popped from its own lists, pushed back by its other method) is the pool's: dropping the stages owes nothing",
      code: meterPool('this.free[route]?.push(meter);'),
    },
    {
      name: "from real code (pixijs): what a get-or-create of the object hands out, also through another method or from another object's path of names, is its registry's: a stack of records and another object's slots only borrow it",
      code: renderTargets('\n    this.byKey.set(key, meter);'),
    },
    {
      name: 'handed on: meters given to a function that may keep them before their list is replaced',
      code: excludedFolders('keeper.adopt(meters)'),
    },
    {
      name: "from real code (coc.nvim): a record of data whose meter is looked up in another owner's registry (a read, a loop over its values, or nothing) does not own it",
      code: windowRecords(
        "if (route.startsWith('/')) return this.byRoute.get(route);\n    for (const meter of this.byRoute.values()) if (meter.route === route) return meter;\n    return null;",
      ),
    },
    {
      name: 'from real code (matter.js): records that hold a lent scanner, beside records given no scanner at all, do not own it',
      code: discoveries('{ kind: 2 }'),
    },
    {
      name: 'from real code (dockview), twin: every call of the method that returns the removed pane keeps it',
      code: paneview('', 'removeLast(): void {\n    this.removePane(this.panes.length - 1).dispose();\n  }'),
    },
    {
      name: 'from real code (dockview), twin: the fix releases the pane unless the caller asks to keep it, which only the call that keeps it does',
      code: paneview('if (!options.skipDispose) pane.dispose();', 'removeLast(): void {\n    this.removePane(this.panes.length - 1);\n  }'),
    },
    {
      name: 'from real code (dockview), twin: the only call, in move(), puts the removed pane back',
      code: paneview('', ''),
    },
    {
      name: "from real code (Oceanic): a queue a private method fills with what every caller kept in the object's own map first is an index",
      code: shardQueue('shard = createMeter(String(id)); this.set(id, shard);'),
    },
    {
      name: 'ownership: cleanup functions written in place are data, even where the class arms timers on records of another map',
      code: deviceListeners('() => console.log(mac, handler)'),
    },
    ...[MOVE, MOVE_SET_FIRST].map((rename) => ({
      name: `keys: a value the map holds moved to a new key takes a name the code expects free: \`${rename.split('\n')[0]}\``,
      code: renamedPanels(rename),
    })),
    {
      name: "ownership: a record made here around a project the caller hands in: its callbacks make the record, not the project, this code's",
      code: sessionRecords('project'),
    },
    {
      name: "from real code (cline): records holding what a getter hands out of the object's own field are borrowed",
      code: controllerSubscriptions('requireController'),
    },
    {
      name: 'from real code (deepstream): records kept per key are made without the timer field, which only records taken from another list are given',
      code: providerRegistry('queue.shift()'),
    },
    {
      name: "parameters: a local alias of a value the caller handed in is still the caller's",
      code: workerPool('checkout(worker: Worker) {\n    const chosen = worker;\n    this.idle.delete(chosen);\n  }'),
    },
    ...[
      'this.lists.set(id, [...given]);',
      'const list: NodeJS.Timeout[] = [];\n    for (const timer of given) list.push(timer);\n    this.lists.set(id, list);',
    ].map((list) => ({
      name: `lists: a list of timers the caller handed in is an index of borrowed values: \`${list.split('\n')[0]}\``,
      code: timerLists(list),
    })),
    {
      name: 'takers: a cache whose pop() hands the taken value back, and whose clear() pops and releases every entry',
      code: lruCache(disposePopped, 'while (this.oldest) this.pop().dispose();'),
    },
    {
      name: 'takers: a cache that hands every popped value to its caller owns none of them: its clear() owes nothing',
      code: lruCache('return;'),
    },
    {
      name: 'inner lists: a class that releases each list it keeps, and releases the old list before it stores a new one under the same id',
      code: subscriptionLists(releaseThroughLookup, releasedBeforeStore),
    },
    {
      // grpc-node load-balancer-ring-hash.ts: ring entries point at leaves that the leaf map owns and destroys.
      name: 'ownership: records built here around values looked up in another container borrow them, even when a loop releases that field',
      code: `${imports}
interface RingEntry { hash: number; leaf: Watcher }
export class Ring {
  private readonly leaves = new Map<string, Watcher>();
  private ring: RingEntry[] = [];
  rebuild(endpoints: string[]) {
    this.ring = [];
    for (const endpoint of endpoints) {
      const leaf = this.leaves.get(endpoint);
      if (leaf) this.ring.push({ hash: endpoint.length, leaf });
    }
  }
  reset() {
    for (const entry of this.ring) entry.leaf.dispose();
    this.ring = [];
  }
}`,
    },
    {
      // vercel/hyper (post-fix): a remounted view takes its predecessor's terminal, so the overwrite loses nothing.
      name: 'ownership: values stored as handed in, with only a field released elsewhere, are not owned by the index',
      code: `${imports}
interface TermView { readonly uid: string; term: Watcher }
export class Terms {
  private readonly views: Record<string, TermView> = {};
  onRef(uid: string, view: TermView) {
    this.views[uid] = view;
  }
  prune(uid: string) {
    this.views[uid].term.dispose();
    delete this.views[uid];
  }
}`,
    },
    {
      name: "ownership: a private remover whose every caller clears the watcher's timer first (or runs in that timer) drops nothing owed",
      code: `interface Watcher {
  currentState: number;
  timer: NodeJS.Timeout | null;
  callback: (error?: Error) => void;
}

export class Channel {
  private watchers: Watcher[] = [];
  private state = 0;

  private removeWatcher(watcher: Watcher): void {
    const index = this.watchers.findIndex((value) => value === watcher);
    if (index >= 0) {
      this.watchers.splice(index, 1);
    }
  }

  updateState(next: number): void {
    this.state = next;
    const copy = this.watchers.slice();
    for (const watcher of copy) {
      if (next !== watcher.currentState) {
        if (watcher.timer) {
          clearTimeout(watcher.timer);
        }
        this.removeWatcher(watcher);
        watcher.callback();
      }
    }
  }

  watch(currentState: number, deadline: number, callback: (error?: Error) => void): void {
    let timer = null;
    if (deadline !== Infinity) {
      timer = setTimeout(() => {
        this.removeWatcher(watcherObject);
        callback(new Error('deadline'));
      }, deadline);
    }
    const watcherObject = { currentState, callback, timer };
    this.watchers.push(watcherObject);
  }
}
`,
    },
    {
      name: 'ownership: the same private method, and the delete destroys the socket first',
      code: `import * as net from 'node:net';

export class Pool {
  private readonly sockets = new Map<string, net.Socket>();

  open(host: string): void {
    this.track(host, net.connect(80, host));
  }

  private track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.get(host)?.destroy();
    this.sockets.delete(host);
  }
}
`,
    },
    {
      name: "ownership: a private method that stores what the class's own callers handed in keeps borrowing it",
      code: `import * as net from 'node:net';

export class Index {
  private readonly sockets = new Map<string, net.Socket>();

  add(host: string, socket: net.Socket): void {
    this.track(host, socket);
  }

  private track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.delete(host);
  }
}
`,
    },
    {
      name: "ownership: a public method's parameter stays its caller's even when the class also calls it",
      code: `import * as net from 'node:net';

export class Index {
  private readonly sockets = new Map<string, net.Socket>();

  open(host: string): void {
    this.track(host, net.connect(80, host));
  }

  track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.delete(host);
  }
}
`,
    },
    {
      name: 'a record of a value a get-or-create method hands out owns nothing',
      code: `import * as net from 'node:net';

export class Sessions {
  private readonly sessions = new Map<string, net.Socket>();
  private readonly pending = new Map<string, { target: string; parent: net.Socket }>();

  getOrOpen(id: string): net.Socket {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const socket = net.connect(80);
    this.sessions.set(id, socket);
    return socket;
  }

  wait(id: string, parentId: string): void {
    const parent = this.getOrOpen(parentId);
    this.pending.set(id, { target: id, parent });
  }

  done(id: string): void {
    this.pending.delete(id);
  }
}
`,
    },
    {
      name: 'a get-or-create through a let reassigned and registered',
      code: `import * as net from 'node:net';

export class Sessions {
  private readonly sessions = new Map<string, net.Socket>();
  private readonly pending = new Map<string, { target: string; parent: net.Socket }>();

  getOrOpen(id: string): net.Socket {
    let socket = this.sessions.get(id);
    if (!socket) {
      socket = net.connect(80);
      this.sessions.set(id, socket);
    }
    return socket;
  }

  wait(id: string, parentId: string): void {
    this.pending.set(id, { target: id, parent: this.getOrOpen(parentId) });
  }

  done(id: string): void {
    this.pending.delete(id);
  }
}
`,
    },
    {
      name: "keys: a key read from a parameter that is not the value (a document's uri) is an ordinary key: released first",
      code: `
import fs from 'node:fs';
interface TextDocument { readonly uri: string }
const watchers = new Map<string, fs.FSWatcher>();
export function open(doc: TextDocument) { if (!watchers.has(doc.uri)) watchers.set(doc.uri, fs.watch(doc.uri)); }
export function closed(doc: TextDocument) { watchers.get(doc.uri)?.close(); watchers.delete(doc.uri); }`,
    },
    {
      name: 'ownership: a store whose values arrive through set(), with no code of its own releasing them, indexes them',
      code: `
import net from 'node:net';
export class SocketIndex {
  private readonly sockets = new Map<string, net.Socket>();
  set(id: string, socket: net.Socket) { this.sockets.set(id, socket); }
  reset() { this.sockets.clear(); }
}`,
    },
    {
      name: 'records that share a client from a get-or-create registry, with a bookkeeping map: the registry owns the client',
      code: `
import net from 'node:net';
interface AuthorityState {
  client: net.Socket;
  watchers: Map<string, () => void>;
}
export class Client {
  private clients: { host: string; client: net.Socket }[] = [];
  private authorities = new Map<string, AuthorityState>();
  private clientFor(host: string): net.Socket {
    for (const entry of this.clients) {
      if (entry.host === host) return entry.client;
    }
    const client = net.createConnection(80, host);
    this.clients.push({ host, client });
    return client;
  }
  watch(authority: string, name: string, watcher: () => void) {
    let state = this.authorities.get(authority);
    if (!state) {
      state = { client: this.clientFor(authority), watchers: new Map() };
      this.authorities.set(authority, state);
    }
    state.watchers.set(name, watcher);
  }
  unwatch(authority: string, name: string) {
    const state = this.authorities.get(authority);
    if (!state) return;
    state.watchers.delete(name);
    if (state.watchers.size === 0) this.authorities.delete(authority);
  }
}
`,
    },
    {
      name: 'ring entries pair a computed hash with a socket another map owns: the ring borrows them',
      code: `
import net from 'node:net';
class EndpointMap<V> {
  private map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
  }
  values(): IterableIterator<V> {
    return this.map.values();
  }
  clear(): void {
    this.map.clear();
  }
}
interface RingEntry {
  hash: number;
  leaf: net.Socket;
}
declare function hashOf(key: string): bigint;
export class RingBalancer {
  private leaves = new EndpointMap<net.Socket>();
  private ring: RingEntry[] = [];
  update(addresses: string[]) {
    for (const address of addresses) {
      if (!this.leaves.get(address)) this.leaves.set(address, net.createConnection(80, address));
    }
    this.ring = [];
    for (const address of addresses) {
      const leaf = this.leaves.get(address);
      if (!leaf) throw new Error('missing');
      this.ring.push({ hash: hashOf(address), leaf });
    }
  }
  destroy() {
    this.ring = [];
    for (const leaf of this.leaves.values()) leaf.destroy();
    this.leaves.clear();
  }
}
`,
    },
    {
      name: "private methods: a value the public caller handed in stays the caller's",
      code: `import { Worker } from 'node:worker_threads';
export class Registry {
  private readonly workers = new Set<Worker>();
  adopt(w: Worker) { this.workers.add(w); }
  detach(worker: Worker) { this.forget(worker); }
  private forget(worker: Worker) { this.workers.delete(worker); }
}
`,
    },
    ...[
      'export function retire(registry: Registry, worker: Worker) { registry.detach(worker); void worker.terminate(); }',
      'export function lend(registry: Registry, worker: Worker, busy: Set<Worker>) { registry.detach(worker); busy.add(worker); }',
      'export function retire(registry: Registry, worker: Worker) { void worker.terminate(); registry.detach(worker); }',
    ].map((caller) => ({
      name: `own values named by a caller: a caller that releases or keeps what it names decides its fate: \`${caller.slice(16, 60)}…\``,
      code: ownWorkers(caller),
    })),
    {
      name: 'references handed in are not acquisitions: a class that only keeps what it was given owns nothing',
      code: `import net from 'node:net';
class View { constructor(readonly socket: net.Socket, private readonly server: net.Server) {} close(): void {} }
const views = new Map<string, View>();
export function show(id: string, socket: net.Socket, server: net.Server) { if (!views.has(id)) views.set(id, new View(socket, server)); }
export function hide(id: string) { views.delete(id); }
`,
    },
    {
      name: "borrowed: values lent by a pool are the pool's to take back",
      code: `import net from 'node:net';
declare const pool: { acquire(): Promise<net.Socket>; release(s: net.Socket): void };
const inUse = new Map<string, net.Socket>();
export async function lease(id: string) { if (!inUse.has(id)) inUse.set(id, await pool.acquire()); }
export function giveBack(id: string) { const s = inUse.get(id); if (s) pool.release(s); inUse.delete(id); }
export function forget(id: string) { inUse.delete(id); }
`,
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
}
export function lend(pool: Pool, worker: Worker, busy: Set<Worker>) { pool.checkout(worker); busy.add(worker); }`,
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
      name: 'from real code (grpc-node): removing a child by what a getter of the child passed in returns — the caller destroys it',
      code: `
class Child {
  private timer = setInterval(() => {}, 1000);
  constructor(private readonly name: string) {}
  getName(): string { return this.name; }
  destroy() { clearInterval(this.timer); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(name: string) { if (!this.children.has(name)) this.children.set(name, new Child(name)); }
  deleteChild(child: Child) { this.children.delete(child.getName()); }
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
  ],
  invalid: [
    {
      name: 'from real code (dockview): a pane spliced out and returned is dropped where a call throws the result away, without a suggestion (callers that keep it would get a disposed pane)',
      code: paneview('', 'removeLast(): void {\n    this.removePane(this.panes.length - 1);\n  }'),
      errors: [
        {
          messageId: 'unreleasedDropDiscarded',
          data: { type: 'Watcher', container: 'this.panes', operation: '`splice()`', release: '`dispose()`', function: 'removePane', at: 'line 18' },
          line: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'from real code (dockview): the call that throws the pane away may be outside the class, where the public method is called',
      code: paneview('', '', '\nexport function clearFirst(view: Paneview): void {\n  view.removePane(0);\n}'),
      errors: [
        {
          messageId: 'unreleasedDropDiscarded',
          data: { type: 'Watcher', container: 'this.panes', operation: '`splice()`', release: '`dispose()`', function: 'removePane', at: 'line 20' },
          line: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'from real code (pixijs), twin: the list that also keeps what the class makes is never released, so letting the index go drops them',
      code: ownedList('this.ownedGroups.push(this.groups![index]);', ''),
      errors: [{ messageId: 'unreleasedDrop', line: 17, suggestions: [stopEveryGroup(ownedList('this.ownedGroups.push(this.groups![index]);', ''))] }],
    },
    {
      name: 'from real code (pixijs), twin: a group deleted alone stays open in the list until destroy(), so the delete still owes its stop() (offered through the same non-null assertion the code reads it with)',
      code: ownedList('this.ownedGroups.push(this.groups![index]);', 'this.ownedGroups.forEach((group) => group.stop());', removeGroup('')),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: ownedList(
                'this.ownedGroups.push(this.groups![index]);',
                'this.ownedGroups.forEach((group) => group.stop());',
                removeGroup('this.groups![index]?.stop();\n    '),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (pixijs), twin: only some of what the class makes goes into the list it releases',
      code: ownedList('if (index > 3) this.ownedGroups.push(this.groups![index]);', 'this.ownedGroups.forEach((group) => group.stop());'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 17,
          suggestions: [
            stopEveryGroup(ownedList('if (index > 3) this.ownedGroups.push(this.groups![index]);', 'this.ownedGroups.forEach((group) => group.stop());')),
          ],
        },
      ],
    },
    {
      name: "a module's unexported helper keeps what the module made for it: owned, the delete owes stop()",
      code: keptByHelper('route: string', 'createMeter(route)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: keptByHelper('route: string', 'createMeter(route)').replace(
                '  meters.delete(route);',
                '  meters.get(route)?.stop();\n  meters.delete(route);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a base class deletes a group its subclass made and stored in the map they share, without dispose()',
      code: inheritedGroups('this.groups.set(id, openGroup(id));'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            { messageId: 'releaseBeforeDrop', output: inheritedGroups('this.groups.set(id, openGroup(id));', '    this.groups.get(id)?.dispose();\n') },
          ],
        },
      ],
    },
    {
      name: 'a local naming the list through a getter, spliced without stop()',
      code: listThroughGetter('    console.log(children.length);'),
      errors: [{ messageId: 'unreleasedDrop', line: 13 }],
    },
    {
      name: 'from real code (tegg): a record of data given the response itself, handed in as a parameter, may own it: the delete still owes its end()',
      code: sseSessions('res'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sseSessions('res').replace(
                '    this.connections.delete(id);',
                '    this.connections.get(id)?.res?.end();\n    this.connections.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      // The twin: a socket opened for the record is the record's.
      name: "a record's field given a socket opened for it is owed when the record is deleted",
      code: pendingOnSocket('net.connect(389)'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pendingOnSocket('net.connect(389)').replace(
                '    this.pending.delete(id);',
                '    this.pending.get(id)?.socket?.destroy();\n    this.pending.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      // The twin: the object's own state decides, so the release says the frames are its own.
      name: 'frames handed in and destroyed under a flag of the object are its own: emptying the list on the other side drops them',
      code: callerFrames('this.ownsFrames'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 11,
          // No edit: `this.ownsFrames` asked again after the frames were stopped need not answer as it did.
          suggestions: [],
        },
      ],
    },
    {
      name: 'a static set of the watchers a factory hands out, whose dispose() leaves them in it: the set owns them',
      code: watcherIndex('console.log(WatcherManager.watchers.size);'),
      errors: [{ messageId: 'unreleasedDrop', line: 19 }],
    },
    {
      name: "from real code (gemini-cli): the class's name and its static methods' `this` name one static registry, filled by the one and emptied by the other",
      code: staticSessions(`      Sessions.active.delete(id);`),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: staticSessions(`      Sessions.active.get(id)?.stop();
      Sessions.active.delete(id);`),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (pixijs): a "pool" whose other method stops the meter instead of taking it back lends nothing: the stages own their meters',
      code: meterPool('meter.stop();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: meterPool('meter.stop();').replace(
                '    this.stages = [];',
                '    for (const value of this.stages) value.meter.stop();\n    this.stages = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (pixijs): a look-up whose other half makes a meter it does not keep hands out one the stack and the slots own',
      code: renderTargets(''),
      errors: [
        { messageId: 'unreleasedDrop', line: 21, suggestions: [] },
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: renderTargets('').replace(
                "    shader.groups[0] = renderer.targets.meterFor('global');",
                "    shader.groups[0]?.stop();\n    shader.groups[0] = renderer.targets.meterFor('global');",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (vscode-cmake-tools): an event's payload is shown to its listeners, not handed over: the list replaced after it still owes its meters",
      code: excludedFolders("this.emit('excluding', meters)"),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: excludedFolders("this.emit('excluding', meters)").replace(
                '    this.byFolder.set(folder, []);',
                '    for (const inner of this.byFolder.get(folder) ?? []) inner.stop();\n    this.byFolder.set(folder, []);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (matter.js): records that hold a lent scanner, beside records given one made for them, own what they hold',
      code: discoveries('{ kind: 2, meter: createMeter(route) }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: discoveries('{ kind: 2, meter: createMeter(route) }').replace(
                '    this.running.delete(address);',
                '    this.running.get(address)?.meter?.stop();\n    this.running.delete(address);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (coc.nvim): a look-up that makes a meter when none is kept hands out one the record owns',
      code: windowRecords('return this.byRoute.get(route) ?? createMeter(route);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: windowRecords('return this.byRoute.get(route) ?? createMeter(route);').replace(
                '  hide(winid: number): void { this.views.delete(winid); }',
                '  hide(winid: number): void { this.views.get(winid)?.meter?.stop();\n  this.views.delete(winid); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (coc.nvim): a loop over the registry that makes a meter when it finds none hands out one the record owns',
      code: windowRecords('for (const meter of this.byRoute.values()) if (meter.route === route) return meter;\n    return createMeter(route);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: windowRecords(
                'for (const meter of this.byRoute.values()) if (meter.route === route) return meter;\n    return createMeter(route);',
              ).replace(
                '  hide(winid: number): void { this.views.delete(winid); }',
                '  hide(winid: number): void { this.views.get(winid)?.meter?.stop();\n  this.views.delete(winid); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'private methods: a queue filled with what the caller made and kept nowhere else owns it',
      code: shardQueue('shard = createMeter(String(id));'),
      errors: [{ messageId: 'unreleasedDrop', line: 15 }],
    },
    {
      name: 'ownership: the same listeners made by a subscription owe their call when deleted',
      code: deviceListeners('watchDevice(mac, handler)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 29,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: deviceListeners('watchDevice(mac, handler)').replace(
                '    this.deviceListeners.delete(mac);',
                '    this.deviceListeners.get(mac)?.();\n    this.deviceListeners.delete(mac);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'keys: the same move with overwrites "possible" owes the release of what the new key held',
      options: [{ overwrites: 'possible' }],
      code: renamedPanels(MOVE),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: renamedPanels(MOVE).replace(
                '    this.panels.set(newUri, panel);',
                '    if (this.panels.get(newUri) !== panel) this.panels.get(newUri)?.dispose();\n    this.panels.set(newUri, panel);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'keys: a move that looks at the new key on the way knows it may be taken',
      code: renamedPanels(MOVE_OVER_A_LOOK),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: renamedPanels(MOVE_OVER_A_LOOK).replace(
                '    this.panels.set(newUri, panel);',
                '    if (this.panels.get(newUri) !== panel) this.panels.get(newUri)?.dispose();\n    this.panels.set(newUri, panel);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'ownership: the same record around a project made here owes its close()',
      code: sessionRecords('new Project()'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sessionRecords('new Project()').replace(
                '    this.sessions.delete(id);',
                '    this.sessions.get(id)?.project?.close();\n    this.sessions.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'records holding a controller a private method makes for each are owned',
      code: controllerSubscriptions('createController'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 17,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: controllerSubscriptions('createController').replace(
                '      this.subscriptions.delete(entry);',
                '      entry.controller.dispose();\n      this.subscriptions.delete(entry);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'records made without the timer field, given one once read back out of the same map, are replaced and deleted without clearing it',
      code: providerRegistry('this.provided.get(subscription)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: providerRegistry('this.provided.get(subscription)').replace(
                '    this.provided.set(subscription, provider);',
                '    clearTimeout(this.provided.get(subscription)?.responseTimeout);\n    this.provided.set(subscription, provider);',
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: providerRegistry('this.provided.get(subscription)').replace(
                '    this.provided.delete(subscription);',
                '    clearTimeout(this.provided.get(subscription)?.responseTimeout);\n    this.provided.delete(subscription);',
              ),
            },
          ],
        },
      ],
    },
    ...['', "export function churn(registry: Registry) { const worker = registry.spawn('a.js'); registry.detach(worker); }"].map((caller) => ({
      name: `own values named by a caller: a registry that makes every worker it holds drops the one named${caller ? ' by a caller that keeps nothing' : ' by outside callers'}`,
      code: ownWorkers(caller),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 6,
          suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: ownWorkers(caller, 'void worker.terminate();\n  this.workers.delete(worker);') }],
        },
      ],
    })),
    {
      name: "parameters: a local that names one of the pool's own workers is the pool's to release",
      code: workerPool('shrink() {\n    const chosen = [...this.idle][0];\n    if (chosen) this.idle.delete(chosen);\n  }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: workerPool(
                'shrink() {\n    const chosen = [...this.idle][0];\n    if (chosen) { void chosen.terminate(); this.idle.delete(chosen); }\n  }',
              ),
            },
          ],
        },
      ],
    },
    ...[
      'this.lists.set(id, [setTimeout(fn, 10), setTimeout(fn, 20)]);',
      'const list: NodeJS.Timeout[] = [];\n    list.push(setTimeout(fn, 10));\n    this.lists.set(id, list);',
    ].map((list) => ({
      name: `lists: a list the class fills with timers it starts is its own, so the set() and the delete drop them: \`${list.split('\n')[0]}\``,
      code: timerLists(list),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: list.split('\n').length + 3,
          // A list written in place cannot be the old one; a named one is told from it first.
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: listReleasedBefore(list, 'this.lists.set(', list.includes('const list') ? 'if (this.lists.get(id) !== list) ' : ''),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop' as const,
          line: list.split('\n').length + 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: listReleasedBefore(list, 'this.lists.delete(id);'),
            },
          ],
        },
      ],
    })),
    {
      name: 'takers: a cache that disposes the values its own pop() takes out owns them: clear() drops the rest',
      code: lruCache(disposePopped),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: lruCache(disposePopped, 'for (const value of Object.values(this.entries)) value.value.dispose();\n    this.entries = {};'),
            },
          ],
        },
      ],
    },
    ...[
      ['a local read out of the map', releaseThroughLocal, 'made'],
      ['a loop over the look-up itself', releaseThroughLookup, 'made'],
      ['a local read out of the map, whatever the store names its list', releaseThroughLocal, 'list'],
    ].map(([how, unregister, local]) => ({
      name: `inner lists: a class that releases each list it keeps through ${how} owns them: a store over the same id drops the old list`,
      code: subscriptionLists(unregister!, undefined, local),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: subscriptionLists(
                unregister!,
                `if (this.watchers.get(id) !== made) for (const inner of this.watchers.get(id) ?? []) inner.dispose();
    this.watchers.set(id, made);`,
                local,
              ),
            },
          ],
        },
      ],
    })),
    {
      // openlayers LRUCache (shape): entries built around the values handed in; expiry disposes entry.value, clear() forgets them.
      name: 'ownership: records built here around values handed in, whose field the class releases elsewhere, are owned',
      code: `${imports}
interface Entry { key: string; value: Watcher; newer: Entry | null }
export class Cache {
  private entries: Record<string, Entry> = {};
  set(key: string, value: Watcher) {
    if (key in this.entries) throw new Error('duplicate key ' + key);
    this.entries[key] = { key, value, newer: null };
  }
  expire(key: string) {
    this.entries[key].value.dispose();
    delete this.entries[key];
  }
  clear() {
    this.entries = {};
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Entry', container: 'this.entries', operation: 'reassigning the container', release: '`dispose()` on `value`' },
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`dispose()` on `value`' },
              output: `${imports}
interface Entry { key: string; value: Watcher; newer: Entry | null }
export class Cache {
  private entries: Record<string, Entry> = {};
  set(key: string, value: Watcher) {
    if (key in this.entries) throw new Error('duplicate key ' + key);
    this.entries[key] = { key, value, newer: null };
  }
  expire(key: string) {
    this.entries[key].value.dispose();
    delete this.entries[key];
  }
  clear() {
    for (const value of Object.values(this.entries)) value.value.dispose();
    this.entries = {};
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'ownership: the same remover, with a caller that no longer clears the timer',
      code: `interface Watcher {
  currentState: number;
  timer: NodeJS.Timeout | null;
  callback: (error?: Error) => void;
}

export class Channel {
  private watchers: Watcher[] = [];
  private state = 0;

  private removeWatcher(watcher: Watcher): void {
    const index = this.watchers.findIndex((value) => value === watcher);
    if (index >= 0) {
      this.watchers.splice(index, 1);
    }
  }

  updateState(next: number): void {
    this.state = next;
    const copy = this.watchers.slice();
    for (const watcher of copy) {
      if (next !== watcher.currentState) {
        this.removeWatcher(watcher);
        watcher.callback();
      }
    }
  }

  watch(currentState: number, deadline: number, callback: (error?: Error) => void): void {
    let timer = null;
    if (deadline !== Infinity) {
      timer = setTimeout(() => {
        this.removeWatcher(watcherObject);
        callback(new Error('deadline'));
      }, deadline);
    }
    const watcherObject = { currentState, callback, timer };
    this.watchers.push(watcherObject);
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [],
        }, // Watcher in `this.watchers` is dropped by `splice()` without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: 'ownership: a private method stores what its own class makes and hands it, and another path deletes it without closing',
      code: `import * as net from 'node:net';

export class Pool {
  private readonly sockets = new Map<string, net.Socket>();

  open(host: string): void {
    this.track(host, net.connect(80, host));
  }

  private track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.delete(host);
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

export class Pool {
  private readonly sockets = new Map<string, net.Socket>();

  open(host: string): void {
    this.track(host, net.connect(80, host));
  }

  private track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.get(host)?.destroy();
    this.sockets.delete(host);
  }
}
`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'ownership: a protected method fed by a subclass declared beside it with sockets it makes',
      code: `import * as net from 'node:net';

abstract class Base {
  private readonly sockets = new Map<string, net.Socket>();

  protected track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.delete(host);
  }
}

export class Dialer extends Base {
  dial(host: string): void {
    this.track(host, net.connect(80, host));
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

abstract class Base {
  private readonly sockets = new Map<string, net.Socket>();

  protected track(host: string, socket: net.Socket): void {
    if (!this.sockets.has(host)) this.sockets.set(host, socket);
  }

  forget(host: string): void {
    this.sockets.get(host)?.destroy();
    this.sockets.delete(host);
  }
}

export class Dialer extends Base {
  dial(host: string): void {
    this.track(host, net.connect(80, host));
  }
}
`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'a method that reads a cached value but makes an unregistered one otherwise hands out what it made',
      options: [{ overwrites: 'possible' }],
      code: `import * as net from 'node:net';

export class Sessions {
  private readonly sessions = new Map<string, net.Socket>();
  private readonly pending = new Map<string, { target: string; parent: net.Socket }>();

  open(id: string): void {
    if (!this.sessions.has(id)) this.sessions.set(id, net.connect(80));
  }

  socketFor(id: string): net.Socket {
    let socket = this.sessions.get(id);
    if (!socket) socket = net.connect(80);
    return socket;
  }

  wait(id: string, parentId: string): void {
    this.pending.set(id, { target: id, parent: this.socketFor(parentId) });
  }

  done(id: string): void {
    this.pending.delete(id);
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
              output: `import * as net from 'node:net';

export class Sessions {
  private readonly sessions = new Map<string, net.Socket>();
  private readonly pending = new Map<string, { target: string; parent: net.Socket }>();

  open(id: string): void {
    if (!this.sessions.has(id)) this.sessions.set(id, net.connect(80));
  }

  socketFor(id: string): net.Socket {
    let socket = this.sessions.get(id);
    if (!socket) socket = net.connect(80);
    return socket;
  }

  wait(id: string, parentId: string): void {
    this.pending.get(id)?.parent?.destroy();
    this.pending.set(id, { target: id, parent: this.socketFor(parentId) });
  }

  done(id: string): void {
    this.pending.delete(id);
  }
}
`,
            },
          ],
        }, // { target: string; parent: Socket; } in `this.pending` is dropped by `set()` over an existing key without `destroy()` on `parent`.
        {
          messageId: 'unreleasedDrop',
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

export class Sessions {
  private readonly sessions = new Map<string, net.Socket>();
  private readonly pending = new Map<string, { target: string; parent: net.Socket }>();

  open(id: string): void {
    if (!this.sessions.has(id)) this.sessions.set(id, net.connect(80));
  }

  socketFor(id: string): net.Socket {
    let socket = this.sessions.get(id);
    if (!socket) socket = net.connect(80);
    return socket;
  }

  wait(id: string, parentId: string): void {
    this.pending.set(id, { target: id, parent: this.socketFor(parentId) });
  }

  done(id: string): void {
    this.pending.get(id)?.parent?.destroy();
    this.pending.delete(id);
  }
}
`,
            },
          ],
        }, // { target: string; parent: Socket; } in `this.pending` is dropped by `delete()` without `destroy()` on `parent`.
      ],
    },
    {
      name: "keys: a key read from a parameter that is not the value (a document's uri) is an ordinary key: dropped",
      code: `
import fs from 'node:fs';
interface TextDocument { readonly uri: string }
const watchers = new Map<string, fs.FSWatcher>();
export function open(doc: TextDocument) { if (!watchers.has(doc.uri)) watchers.set(doc.uri, fs.watch(doc.uri)); }
export function closed(doc: TextDocument) { watchers.delete(doc.uri); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import fs from 'node:fs';
interface TextDocument { readonly uri: string }
const watchers = new Map<string, fs.FSWatcher>();
export function open(doc: TextDocument) { if (!watchers.has(doc.uri)) watchers.set(doc.uri, fs.watch(doc.uri)); }
export function closed(doc: TextDocument) { watchers.get(doc.uri)?.close();
watchers.delete(doc.uri); }`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'ownership: a store whose values arrive through set() but whose closeAll() releases them owns them: clear() owes the release',
      code: `
import net from 'node:net';
export class SocketStore {
  private readonly sockets = new Map<string, net.Socket>();
  set(id: string, socket: net.Socket) { this.sockets.set(id, socket); }
  closeAll() { for (const socket of this.sockets.values()) socket.destroy(); this.sockets.clear(); }
  reset() { this.sockets.clear(); }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class SocketStore {
  private readonly sockets = new Map<string, net.Socket>();
  set(id: string, socket: net.Socket) { if (this.sockets.get(id) !== socket) this.sockets.get(id)?.destroy();
  this.sockets.set(id, socket); }
  closeAll() { for (const socket of this.sockets.values()) socket.destroy(); this.sockets.clear(); }
  reset() { this.sockets.clear(); }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `set()` over an existing key without `destroy()`.
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
export class SocketStore {
  private readonly sockets = new Map<string, net.Socket>();
  set(id: string, socket: net.Socket) { this.sockets.set(id, socket); }
  closeAll() { for (const socket of this.sockets.values()) socket.destroy(); this.sockets.clear(); }
  reset() { for (const value of this.sockets.values()) value.destroy();
  this.sockets.clear(); }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `clear()` without `destroy()`.
      ],
    },
    {
      name: "borrowed: a socket created here and dropped is owed; one taken from a pool is the pool's",
      code: `
import net from 'node:net';
declare const pool: { acquire(host: string): net.Socket; release(socket: net.Socket): void };
const owned = new Map<string, net.Socket>();
const lent = new Map<string, net.Socket>();
export function open(host: string) {
  if (!owned.has(host)) owned.set(host, net.connect(80, host));
  if (!lent.has(host)) lent.set(host, pool.acquire(host));
}
export function forget(host: string) {
  owned.delete(host);
  lent.delete(host);
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
declare const pool: { acquire(host: string): net.Socket; release(socket: net.Socket): void };
const owned = new Map<string, net.Socket>();
const lent = new Map<string, net.Socket>();
export function open(host: string) {
  if (!owned.has(host)) owned.set(host, net.connect(80, host));
  if (!lent.has(host)) lent.set(host, pool.acquire(host));
}
export function forget(host: string) {
  owned.get(host)?.destroy();
  owned.delete(host);
  lent.delete(host);
}`,
            },
          ],
        }, // Socket in `owned` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'removing a child by a name the caller gives, not by the child it holds: the map drops its own child',
      code: `
class Child {
  private timer = setInterval(() => {}, 1000);
  constructor(private readonly name: string) {}
  getName(): string { return this.name; }
  destroy() { clearInterval(this.timer); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(name: string) { if (!this.children.has(name)) this.children.set(name, new Child(name)); }
  deleteChild(name: string) { this.children.delete(name); }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
class Child {
  private timer = setInterval(() => {}, 1000);
  constructor(private readonly name: string) {}
  getName(): string { return this.name; }
  destroy() { clearInterval(this.timer); }
}
export class Parent {
  private readonly children = new Map<string, Child>();
  add(name: string) { if (!this.children.has(name)) this.children.set(name, new Child(name)); }
  deleteChild(name: string) { this.children.get(name)?.destroy();
  this.children.delete(name); }
}`,
            },
          ],
        }, // Child in `this.children` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'records that hold a client made for them, with a bookkeeping map, deleted without ending it',
      code: `
import net from 'node:net';
interface AuthorityState {
  client: net.Socket;
  watchers: Map<string, () => void>;
}
export class Client {
  private clients: { host: string; client: net.Socket }[] = [];
  private authorities = new Map<string, AuthorityState>();
  private clientFor(host: string): net.Socket {
    for (const entry of this.clients) {
      if (entry.host === host) return entry.client;
    }
    const client = net.createConnection(80, host);
    this.clients.push({ host, client });
    return client;
  }
  watch(authority: string, name: string, watcher: () => void) {
    let state = this.authorities.get(authority);
    if (!state) {
      state = { client: net.createConnection(80, authority), watchers: new Map() };
      this.authorities.set(authority, state);
    }
    state.watchers.set(name, watcher);
  }
  unwatch(authority: string, name: string) {
    const state = this.authorities.get(authority);
    if (!state) return;
    state.watchers.delete(name);
    if (state.watchers.size === 0) this.authorities.delete(authority);
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
interface AuthorityState {
  client: net.Socket;
  watchers: Map<string, () => void>;
}
export class Client {
  private clients: { host: string; client: net.Socket }[] = [];
  private authorities = new Map<string, AuthorityState>();
  private clientFor(host: string): net.Socket {
    for (const entry of this.clients) {
      if (entry.host === host) return entry.client;
    }
    const client = net.createConnection(80, host);
    this.clients.push({ host, client });
    return client;
  }
  watch(authority: string, name: string, watcher: () => void) {
    let state = this.authorities.get(authority);
    if (!state) {
      state = { client: net.createConnection(80, authority), watchers: new Map() };
      this.authorities.set(authority, state);
    }
    state.watchers.set(name, watcher);
  }
  unwatch(authority: string, name: string) {
    const state = this.authorities.get(authority);
    if (!state) return;
    state.watchers.delete(name);
    if (state.watchers.size === 0) { this.authorities.get(authority)?.client?.destroy(); this.authorities.delete(authority); }
  }
}
`,
            },
          ],
        }, // AuthorityState in `this.authorities` is dropped by `delete()` without `destroy()` on `client`.
      ],
    },
    {
      name: 'ring entries pair a computed hash with a socket made for the entry: the ring owns them',
      code: `
import net from 'node:net';
class EndpointMap<V> {
  private map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
  }
  values(): IterableIterator<V> {
    return this.map.values();
  }
  clear(): void {
    this.map.clear();
  }
}
interface RingEntry {
  hash: number;
  leaf: net.Socket;
}
declare function hashOf(key: string): bigint;
export class RingBalancer {
  private leaves = new EndpointMap<net.Socket>();
  private ring: RingEntry[] = [];
  update(addresses: string[]) {
    for (const address of addresses) {
      if (!this.leaves.get(address)) this.leaves.set(address, net.createConnection(80, address));
    }
    this.ring = [];
    for (const address of addresses) {
      const leaf = net.createConnection(80, address);
      this.ring.push({ hash: hashOf(address), leaf });
    }
  }
  destroy() {
    this.ring = [];
    for (const leaf of this.leaves.values()) leaf.destroy();
    this.leaves.clear();
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
class EndpointMap<V> {
  private map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
  }
  values(): IterableIterator<V> {
    return this.map.values();
  }
  clear(): void {
    this.map.clear();
  }
}
interface RingEntry {
  hash: number;
  leaf: net.Socket;
}
declare function hashOf(key: string): bigint;
export class RingBalancer {
  private leaves = new EndpointMap<net.Socket>();
  private ring: RingEntry[] = [];
  update(addresses: string[]) {
    for (const address of addresses) {
      if (!this.leaves.get(address)) this.leaves.set(address, net.createConnection(80, address));
    }
    for (const value of this.ring) value.leaf.destroy();
    this.ring = [];
    for (const address of addresses) {
      const leaf = net.createConnection(80, address);
      this.ring.push({ hash: hashOf(address), leaf });
    }
  }
  destroy() {
    this.ring = [];
    for (const leaf of this.leaves.values()) leaf.destroy();
    this.leaves.clear();
  }
}
`,
            },
          ],
        }, // RingEntry in `this.ring` is dropped by reassigning the container without `destroy()` on `leaf`.
        {
          messageId: 'unreleasedDrop',
          line: 37,
          suggestions: [],
        }, // RingEntry in `this.ring` is dropped by reassigning the container without `destroy()` on `leaf`.
      ],
    },
    {
      name: 'private methods: a slot the class passes to itself is its own to release',
      code: `import { Worker } from 'node:worker_threads';
interface Slot { worker: Worker; idle?: NodeJS.Timeout }
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  spawn(file: string) { const slot: Slot = { worker: new Worker(file) }; slot.idle = setTimeout(() => this.remove(slot, false), 1000); this.slots.add(slot); }
  private remove(slot: Slot, terminate: boolean) { if (terminate) void slot.worker.terminate(); clearTimeout(slot.idle); this.slots.delete(slot); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { Worker } from 'node:worker_threads';
interface Slot { worker: Worker; idle?: NodeJS.Timeout }
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  spawn(file: string) { const slot: Slot = { worker: new Worker(file) }; slot.idle = setTimeout(() => this.remove(slot, false), 1000); this.slots.add(slot); }
  private remove(slot: Slot, terminate: boolean) { if (terminate) void slot.worker.terminate(); clearTimeout(slot.idle); if (!terminate) void slot.worker.terminate();
  this.slots.delete(slot); }
}
`,
            },
          ],
        }, // Slot in `this.slots` is dropped by `delete()` without `terminate()` on `worker` when `terminate` is false.
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
  ],
});

/**
 * call() makes a timeout for a piece of work and `clears` it itself when the work settles; the map
 * keeps it in `record` beside the work's cancel, for look-ups. (The releases test covers the other
 * side, from ldapts's client after bc97513cf395: a promise made with `new Promise` settles only
 * through the resolve the record holds, so a drop without calling it still owes the timer.)
 */
const requestTimers = (timer: string, clears: string, record = '{ cancel: () => controller.abort(), timer }'): string => `
interface Pending { cancel(): void; timer: ReturnType<typeof setTimeout> }
export class Calls {
  private pending = new Map<number, Pending>();
  call(id: number, work: (signal: AbortSignal) => Promise<string>, ms: number): Promise<string> {
    const controller = new AbortController();
    const timer = ${timer}(() => controller.abort(), ms);
    const running = work(controller.signal);
    ${clears}
    this.pending.set(id, ${record});
    return running;
  }
  forget(id: number): void {
    this.pending.delete(id);
  }
}`;

/**
 * From real code (coc.nvim, mcp/dispatcher.ts): a tool call races the work against a timeout it
 * stores with the call's cancel, and calls `finish()` (which clears the timer) itself where the
 * work ends: `ended` is the rest of the try statement after the await.
 */
const racedCalls = (ended: string): string => `
interface Pending { cancel(): void; timer?: NodeJS.Timeout }
export class Dispatcher {
  private pending = new Map<number, Pending>();
  async call(id: number, work: () => Promise<string>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (timer) clearTimeout(timer);
      this.pending.delete(id);
    };
    try {
      const result = Promise.race([work(), new Promise<string>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms); })]);
      this.pending.set(id, { cancel: () => finish(), timer });
      console.log(await result);
      ${ended}
  }
}`;

/** A map of timers by run: `start()` makes each and may `clear` it itself when the run settles. */
const timerIndex = (clears: string): string => `
export class Runs {
  private timers = new Map<string, NodeJS.Timeout>();
  start(id: string, run: Promise<void>): void {
    if (this.timers.has(id)) return;
    const timer = setTimeout(() => console.log('slow', id), 1000);
    ${clears}
    this.timers.set(id, timer);
  }
  forget(id: string): void {
    this.timers.delete(id);
  }
}`;

/** The two drops of requestTimers(), each offered the clear of the stored timer. */
const requestTimerDrops = (code: string, clear = 'clearTimeout') =>
  ['this.pending.set(id, ', 'this.pending.delete(id);'].map((drop) =>
    dropOffered(code, drop, `${clear}(this.pending.get(id)?.timer);\n    `, {
      type: 'Pending',
      container: 'this.pending',
      operation: drop.includes('set') ? '`set()` over an existing key' : '`delete()`',
      release: `\`${clear}()\` on \`timer\``,
    }),
  );

function lineOf(code: string, text: string): number {
  const at = code.indexOf(text);
  if (at < 0) throw new Error(`no ${text} in the template`);
  return code.slice(0, at).split('\n').length;
}

/** The `unreleasedDrop` at the line of `drop` in `code`, offered `release` written just before it. */
const dropOffered = (code: string, drop: string, release: string, data: { type: string; container: string; operation: string; release: string }) => ({
  messageId: 'unreleasedDrop' as const,
  data,
  line: lineOf(code, drop),
  suggestions: [{ messageId: 'releaseBeforeDrop' as const, data: { release: data.release }, output: code.replace(drop, `${release}${drop}`) }],
});

ruleTester.run('stop-on-evict: a one-shot timer its maker clears when the work it times ends', rule, {
  valid: [
    {
      name: "the call's timer is cleared in the work's own finally(), so the map's copy owes nothing",
      code: requestTimers('setTimeout', 'void running.finally(() => clearTimeout(timer));'),
    },
    {
      name: 'the clear sits in a local function the maker hands to both outcomes of the work',
      code: requestTimers('setTimeout', 'const finish = () => clearTimeout(timer);\n    void running.then(finish, finish);'),
    },
    {
      name: 'from real code (coc.nvim, mcp/dispatcher.ts): the call clears its timer itself through finish() in the try and in the catch, so an entry overwritten by a reused id owes nothing',
      code: racedCalls('finish();\n    } catch {\n      finish();\n    }'),
    },
    {
      name: 'the same with finish() in a finally block',
      code: racedCalls('} finally {\n      finish();\n    }'),
    },
    {
      name: 'the same for a map of the timers themselves: the one its maker clears when the run settles is not the map’s',
      code: timerIndex('void run.finally(() => clearTimeout(timer));'),
    },
  ],
  invalid: [
    {
      name: 'twin: a map of timers that nothing else clears owes each one on delete',
      code: timerIndex(''),
      errors: [
        dropOffered(timerIndex(''), 'this.timers.delete(id);', 'clearTimeout(this.timers.get(id));\n    ', {
          type: 'Timeout',
          container: 'this.timers',
          operation: '`delete()`',
          release: '`clearTimeout()`',
        }),
      ],
    },
    {
      name: 'from real code (coc.nvim), twin: finish() only after the work succeeds leaves the timer of a failed call to whoever drops its entry',
      code: racedCalls('finish();\n    } catch (error) {\n      console.log(error);\n    }'),
      errors: [
        dropOffered(
          racedCalls('finish();\n    } catch (error) {\n      console.log(error);\n    }'),
          'this.pending.set(id, {',
          'clearTimeout(this.pending.get(id)?.timer);\n      ',
          { type: 'Pending', container: 'this.pending', operation: '`set()` over an existing key', release: '`clearTimeout()` on `timer`' },
        ),
      ],
    },
    {
      name: 'twin: nothing clears the timer, so every drop of the record owes it',
      code: requestTimers('setTimeout', ''),
      errors: requestTimerDrops(requestTimers('setTimeout', '')),
    },
    {
      name: 'twin: a clearing function the maker writes but never hands on clears nothing',
      code: requestTimers('setTimeout', 'const finish = () => clearTimeout(timer);\n    console.log(finish.name);'),
      errors: requestTimerDrops(requestTimers('setTimeout', 'const finish = () => clearTimeout(timer);\n    console.log(finish.name);')),
    },
    {
      name: "twin: a clear written in the stored record's own cancel runs only when the dropping code calls it",
      code: requestTimers('setTimeout', '', '{ cancel: () => { clearTimeout(timer); controller.abort(); }, timer }'),
      errors: requestTimerDrops(requestTimers('setTimeout', '', '{ cancel: () => { clearTimeout(timer); controller.abort(); }, timer }')),
    },
    {
      name: 'twin: a clear that runs only when the work succeeds leaves the timer running when it fails',
      code: requestTimers('setTimeout', 'void running.then(() => clearTimeout(timer));'),
      errors: requestTimerDrops(requestTimers('setTimeout', 'void running.then(() => clearTimeout(timer));')),
    },
    {
      name: 'twin: an interval cleared when the work settles still runs until then, so a drop before owes its clear',
      code: requestTimers('setInterval', 'void running.finally(() => clearInterval(timer));'),
      errors: requestTimerDrops(requestTimers('setInterval', 'void running.finally(() => clearInterval(timer));'), 'clearInterval'),
    },
  ],
});

/**
 * Work in flight tracked by key (an everyday idiom, found by a probe of such shapes on 2026-12-07):
 * each call of poll() arms an interval for its work, lists it under the key, and ends it itself
 * once the work is done. `body` is poll()'s body; `more` the class's other members.
 */
const pollsByKey = (body: string, more = ''): string => `
export class Pollers {
  private timers = new Map<string, NodeJS.Timeout>();
  async poll(key: string, tick: () => Promise<boolean>): Promise<void> {
${body}
  }${more}
}`;
const POLL_CLEARED_IN_FINALLY = `    const timer = setInterval(() => void tick(), 1000);
    this.timers.set(key, timer);
    try {
      await tick();
    } finally {
      clearInterval(timer);
      if (this.timers.get(key) === timer) this.timers.delete(key);
    }`;
const POLL_CLEARED_UNLESS_KEPT = POLL_CLEARED_IN_FINALLY.replace('      clearInterval(timer);', '      if (!(await tick())) clearInterval(timer);');
const POLL_LEFT_ON_RETURN = `    const timer = setInterval(() => void tick(), 1000);
    this.timers.set(key, timer);
    if (await tick()) return;
    clearInterval(timer);
    this.timers.delete(key);`;
const POLL_LEFT_BY_CATCH = `    const timer = setInterval(() => void tick(), 1000);
    try {
      this.timers.set(key, timer);
      await tick();
    } catch {
      return;
    }
    clearInterval(timer);`;
const POLL_REARMED = `    let timer = setInterval(() => void tick(), 1000);
    this.timers.set(key, timer);
    timer = setInterval(() => void tick(), 500);
    clearInterval(timer);`;
const ARMED_ELSEWHERE = `
  watch(key: string): void {
    this.timers.set(key, setInterval(() => undefined, 1000));
  }`;
const STOPPED_ELSEWHERE = `
  stop(key: string): void {
    this.timers.delete(key);
  }`;
/** poll() ending its interval through a method of the class, handed the timer: `helper` is that method's body. */
const POLL_ENDED_BY_HELPER = POLL_CLEARED_IN_FINALLY.replace('      clearInterval(timer);', '      this.endPoll(key, timer);');
const endPoll = (helper: string): string => `
  private endPoll(key: string, timer: NodeJS.Timeout): void {
${helper}
  }`;

/** The release offered before the call's store: the entry may already hold the call's own timer. */
const GUARDED_CLEAR = '    if (this.timers.get(key) !== timer) clearInterval(this.timers.get(key));\n';
/** One report at the line holding `drop` (the first such line), offering `release` right before it. */
const releaseOffered = (code: string, drop: string, release: string) => ({
  messageId: 'unreleasedDrop' as const,
  line: code.split('\n').findIndex((text) => text.includes(drop)) + 1,
  suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: code.replace(drop, `${release}${drop}`) }],
});

ruleTester.run('stop-on-evict: a store of work in flight that its own call ends', rule, {
  valid: [
    {
      name: 'each call clears its interval in a finally: the entry a later call overwrites is still the earlier call’s, which clears it',
      code: pollsByKey(POLL_CLEARED_IN_FINALLY),
    },
    {
      name: 'the same with the store inside the try',
      code: pollsByKey(POLL_CLEARED_IN_FINALLY.replace('    this.timers.set(key, timer);\n    try {\n', '    try {\n      this.timers.set(key, timer);\n')),
    },
    {
      name: 'the same cleared by the statements after the work, with no way out before them (a throw owes nothing)',
      code: pollsByKey(POLL_LEFT_ON_RETURN.replace('    if (await tick()) return;\n', '    if (!(await tick())) throw new Error(key);\n')),
    },
    {
      name: 'the same ended through a private method handed the timer, which clears it on every path',
      code: pollsByKey(POLL_ENDED_BY_HELPER, endPoll('    clearInterval(timer);\n    console.log(`poll ${key} ended`);')),
    },
    {
      name: 'a record of the call’s controller and timer, the timer cleared in the finally',
      code: `
export class Requests {
  private inflight = new Map<string, { controller: AbortController; timer: NodeJS.Timeout }>();
  async load(key: string, url: string): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    this.inflight.set(key, { controller, timer });
    try {
      return await fetch(url, { signal: controller.signal });
    } finally {
      clearTimeout(timer);
      this.inflight.delete(key);
    }
  }
}`,
    },
  ],
  invalid: [
    reportedWithRelease(
      'twin: the interval is cleared only when the work asks for it, so the store may overwrite one still running',
      pollsByKey(POLL_CLEARED_UNLESS_KEPT),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    reportedWithRelease(
      'twin: a return before the clear leaves the interval to the entry',
      pollsByKey(POLL_LEFT_ON_RETURN),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    reportedWithRelease(
      'twin: a catch that returns leaves the interval stored inside the try to the entry',
      pollsByKey(POLL_LEFT_BY_CATCH),
      '      this.timers.set(key, timer);',
      `  ${GUARDED_CLEAR}`,
    ),
    reportedWithRelease(
      'twin: the name is given another interval before the clear, which ends that one only',
      pollsByKey(POLL_REARMED),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    reportedWithRelease(
      'twin: the private method clears the timer only when told to, so the store may overwrite one still running',
      pollsByKey(
        POLL_ENDED_BY_HELPER.replace('this.endPoll(key, timer)', 'this.endPoll(key, timer, false)'),
        endPoll('    if (really) clearInterval(timer);').replace('timer: NodeJS.Timeout)', 'timer: NodeJS.Timeout, really: boolean)'),
      ),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    reportedWithRelease(
      'twin: the private method hands the timer on to a list of the class, as registering a listener hands it on: handing on ends nothing',
      pollsByKey(POLL_ENDED_BY_HELPER, endPoll('    this.finished.push(timer);') + '\n  private finished: NodeJS.Timeout[] = [];'),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    reportedWithRelease(
      'twin: the private method handed the timer only logs it',
      pollsByKey(POLL_ENDED_BY_HELPER, endPoll('    console.log(`poll ${key}`, timer);')),
      '    this.timers.set(key, timer);',
      GUARDED_CLEAR,
    ),
    {
      name: 'twin: another method stores an interval nothing else clears, so the call’s store may overwrite that one',
      code: pollsByKey(POLL_CLEARED_IN_FINALLY, ARMED_ELSEWHERE),
      errors: [
        releaseOffered(pollsByKey(POLL_CLEARED_IN_FINALLY, ARMED_ELSEWHERE), '    this.timers.set(key, timer);', GUARDED_CLEAR),
        releaseOffered(
          pollsByKey(POLL_CLEARED_IN_FINALLY, ARMED_ELSEWHERE),
          '    this.timers.set(key, setInterval(',
          '    clearInterval(this.timers.get(key));\n',
        ),
      ],
    },
    {
      name: 'twin: a delete elsewhere lets go of a poll still running, whose interval ticks until its work ends',
      code: pollsByKey(POLL_CLEARED_IN_FINALLY, STOPPED_ELSEWHERE),
      errors: [
        releaseOffered(pollsByKey(POLL_CLEARED_IN_FINALLY, STOPPED_ELSEWHERE), '    this.timers.delete(key);', '    clearInterval(this.timers.get(key));\n'),
      ],
    },
  ],
});

/**
 * From real code (deepstream.io, node-http.ts): a server keeps each connection's socket as the key of
 * the wrapper a handed-in factory `made` for it; the wrapper's `destroy` is data to the rules (a
 * `Function` field). On shutdown the map is cleared.
 */
const wrappedSockets = (made: string): string => `
import type { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
interface SocketWrapper { userId: string; isClosed: boolean; destroy: Function }
type SocketWrapperFactory = (socket: Socket, now: number) => SocketWrapper;
export class HttpService {
  private readonly connections = new Map<Socket, SocketWrapper>();
  listen(server: EventEmitter, createSocketWrapper: SocketWrapperFactory): void {
    server.on('connection', (socket: Socket) => {
      const wrapper = ${made};
      this.connections.set(socket, wrapper);
    });
  }
  close(): void {
    this.connections.clear();
  }
}
`;

ruleTester.run('stop-on-evict: a key handed to the making of its value', rule, {
  valid: [
    {
      name: 'from real code (deepstream.io): the socket is handed to the factory that makes the wrapper stored under it, which owns it from then on',
      code: wrappedSockets('createSocketWrapper(socket, Date.now())'),
    },
  ],
  invalid: [
    {
      name: 'the same map given a wrapper made without the socket still owns the socket it is keyed by',
      code: wrappedSockets("{ userId: '', isClosed: false, destroy: () => undefined }"),
      errors: [
        dropOffered(
          wrappedSockets("{ userId: '', isClosed: false, destroy: () => undefined }"),
          'this.connections.clear();',
          'for (const value of this.connections.keys()) value.destroy();\n    ',
          { type: 'Socket', container: 'this.connections', operation: '`clear()`', release: '`destroy()`' },
        ),
      ],
    },
  ],
});

/**
 * From real code (pixijs, CanvasFilterSystem.ts): a stack of frames of a class that only declares
 * fields, each frame filled with what `push()` is handed. `frame` is the class's body, `filled` what
 * its watcher is given.
 */
const frameStack = (frame: string, filled: string, declared = ''): string => frameSystem(filled, `${declared}\nclass Frame {\n  ${frame}\n}`);

/** The system around the frames: `frames` makes `Frame` visible (its declaration, or an import of it). */
const frameSystem = (filled: string, frames: string): string => `
import { watch, type FSWatcher } from 'node:fs';
${frames}
interface Instruction { path: string; watcher: FSWatcher }
export class FilterSystem {
  private stack: Frame[] = [];
  push(instruction: Instruction, i: number): void {
    this.stack[i] = new Frame();
    this.stack[i].watcher = ${filled};
  }
  destroy(): void {
    this.stack = [];
  }
}
`;
const FIELDS_ONLY = 'public skip = false;\n  public watcher: FSWatcher | null = null;';
const BOUNDS_IMPORT = "import { Bounds, WatchedBounds } from './shared/bounds.js';";
const LOCAL_BOX = `class Box {
  size = 0;
  constructor(size = 0) {
    this.size = size;
  }
  grow(): void {
    this.size += 1;
  }
}`;

const STARTED_BOX = `class Box {
  timer: NodeJS.Timeout | undefined = undefined;
  start(): void {
    this.timer = setInterval(() => {}, 1000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}`;

/** The same stack, of frames a class of another module makes (\`Frame\` in \`shared/frames.ts\`). */
const importedFrameStack = (filled: string): string => frameSystem(filled, "import { Frame } from './shared/frames.js';");

ruleTester.run('stop-on-evict: a record made by new of a class that only declares fields', rule, {
  valid: [
    {
      name: 'from real code (pixijs): frames of a fields-only class given only what push() is handed hold nothing of their own, as records written { watcher: null } would',
      code: frameStack(FIELDS_ONLY, 'instruction.watcher'),
    },
    {
      name: 'from real code (pixijs): a field given a data object another module declares, whose construction makes nothing, leaves the frame an empty record',
      code: frameStack(`${FIELDS_ONLY}\n  public bounds = new Bounds();`, 'instruction.watcher', BOUNDS_IMPORT),
    },
    {
      name: 'so does one declared in the same module',
      code: frameStack(`${FIELDS_ONLY}\n  public box = new Box();`, 'instruction.watcher', LOCAL_BOX),
    },
    {
      name: 'a frame class imported from another module is read as one declared here',
      code: importedFrameStack('instruction.watcher'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'the same frames given a watcher made here own it',
      frameStack(FIELDS_ONLY, 'watch(instruction.path)'),
      '    this.stack = [];',
      '    for (const value of this.stack) value.watcher?.close();\n',
    ),
    reportedWithRelease(
      'a class with a method of its own is no plain record: its frames are made here',
      frameStack(`${FIELDS_ONLY}\n  close(): void { this.watcher?.close(); }`, 'instruction.watcher'),
      '    this.stack = [];',
      '    for (const value of this.stack) value.close();\n',
    ),
    reportedWithRelease(
      'a field given an object that starts a timer when made is no empty record: the frame owes that object',
      frameStack(`${FIELDS_ONLY}\n  public bounds = new WatchedBounds();`, 'instruction.watcher', BOUNDS_IMPORT),
      '    this.stack = [];',
      '    for (const value of this.stack) value.bounds.stop();\n',
    ),
    reportedWithRelease(
      'nor is one given an object whose constructor calls something',
      frameStack(`${FIELDS_ONLY}\n  public box = new Box();`, 'instruction.watcher', LOCAL_BOX.replace('this.size = size;', 'this.size = Math.max(size, 0);')),
      '    this.stack = [];',
      '    for (const value of this.stack) value.watcher?.close();\n',
    ),
    reportedWithRelease(
      'nor is one given an object that makes nothing when made but has a release of what its start() arms: the frame owes it',
      frameStack(`${FIELDS_ONLY}\n  public box = new Box();`, 'instruction.watcher', STARTED_BOX).replace(
        'this.stack[i].watcher = instruction.watcher;',
        'this.stack[i].watcher = instruction.watcher;\n    this.stack[i].box.start();',
      ),
      '    this.stack = [];',
      '    for (const value of this.stack) value.box.stop();\n',
    ),
    reportedWithRelease(
      'the imported frames given a watcher made here own it',
      importedFrameStack('watch(instruction.path)'),
      '    this.stack = [];',
      '    for (const value of this.stack) value.watcher?.close();\n',
    ),
    reportedWithRelease(
      'a field given a call when the frame is made is no empty record',
      frameStack("public skip = false;\n  public watcher: FSWatcher | null = watch('.');", 'instruction.watcher'),
      '    this.stack = [];',
      '    for (const value of this.stack) value.watcher?.close();\n',
    ),
  ],
});

const BYID_RELEASED = 'for (const conn of this.byId.values()) conn.close();\n    this.byId.clear();';
const BOTH_RELEASED =
  'for (const conn of this.byId.values()) conn.close();\n    for (const conn of this.byName.values()) conn.close();\n    this.byId.clear();\n    this.byName.clear();';

/**
 * A registry that keeps each connection by id and, for look-ups, by name: `members` is the class
 * body between the two maps and `dispose()`, whose body is `disposal` (by default it releases what
 * `byId` holds; `false` only clears it).
 */
const nameIndex = (members: string, disposal: string | false = BYID_RELEASED): string => `
class Conn {
  private timer = setInterval(() => {}, 1000);
  constructor(readonly id: string, public name: string) {}
  close(): void { clearInterval(this.timer); }
}
export class Registry {
  private byId = new Map<string, Conn>();
  private byName = new Map<string, Conn>();
${members}
  dispose(): void {
    ${disposal === false ? 'this.byId.clear();' : disposal}
  }
}`;

const ADD_BOTH = `  add(id: string, name: string): void {
    const conn = new Conn(id, name);
    this.byId.set(id, conn);
    this.byName.set(name, conn);
  }`;

const RENAME = `  rename(id: string, name: string): void {
    const conn = this.byId.get(id);
    if (!conn) return;
    this.byName.delete(conn.name);
    conn.name = name;
    this.byName.set(name, conn);
  }`;

/** The `unreleasedDrop` at the `nth` statement of `code` that starts with `drop`, offered `release` written right before it. */
const offeredAt = (code: string, drop: string, release: string, nth = 1) => {
  let at = -1;
  for (let n = 0; n < nth; n++) at = code.indexOf(drop, at + 1);
  if (at < 0) throw new Error(`no ${drop} in the template`);
  return {
    messageId: 'unreleasedDrop' as const,
    line: code.slice(0, at).split('\n').length,
    suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: `${code.slice(0, at)}${release}\n    ${code.slice(at)}` }],
  };
};

const CLOSE_ONE = `  close(id: string): void {
    const conn = this.byId.get(id);
    if (!conn) return;
    this.byId.delete(id);
    conn.close();
  }`;

const ADD_IN_BRANCH = `  add(id: string, name: string, keep: boolean): void {
    const conn = new Conn(id, name);
    if (keep) {
      this.byId.set(id, conn);
    }
    this.byName.set(name, conn);
  }`;

const ADD_SPARE = `  addSpare(name: string): void {
    this.byName.set(name, new Conn(name, name));
  }`;

const REPLACE_OLD = 'if (this.byName.get(name) !== conn) this.byName.get(name)?.close();';

ruleTester.run('stop-on-evict: an index beside the container that owns its values', rule, {
  valid: [
    {
      name: 'a name index: every connection it is given also goes into byId, which the class releases, so renaming lets go of nothing',
      code: nameIndex(`${ADD_BOTH}\n${RENAME}`),
    },
    {
      name: 'the index given values read out of the owner (`const conn = this.byId.get(id)`) is an index all the same',
      code: nameIndex(
        `${ADD_BOTH}\n  alias(id: string, name: string): void {\n    const conn = this.byId.get(id);\n    if (conn) this.byName.set(name, conn);\n  }`,
      ),
    },
    {
      name: 'a removal from both maps pays both drops with one close(), whichever map lets go first',
      code: nameIndex(
        `  add(id: string, name: string): void {\n    const conn = new Conn(id, name);\n    this.byId.set(conn.id, conn);\n    this.byName.set(conn.name, conn);\n  }\n  remove(id: string): void {\n    const conn = this.byId.get(id);\n    if (!conn) return;\n    this.byName.delete(conn.name);\n    this.byId.delete(id);\n    conn.close();\n  }`,
      ),
    },
    {
      name: 'the same with byId let go first',
      code: nameIndex(
        `  add(id: string, name: string): void {\n    const conn = new Conn(id, name);\n    this.byId.set(conn.id, conn);\n    this.byName.set(conn.name, conn);\n  }\n  remove(id: string): void {\n    const conn = this.byId.get(id);\n    if (!conn) return;\n    this.byId.delete(id);\n    this.byName.delete(conn.name);\n    conn.close();\n  }`,
      ),
    },
  ],
  invalid: [
    {
      name: 'the owner shown releasing its values through a local read out of it (`const conn = this.byId.get(id); …; conn.close()`): the index owes nothing, and only the owner’s clear() without close() is reported',
      code: nameIndex(`${ADD_BOTH}\n${RENAME}\n${CLOSE_ONE}`, false),
      errors: [
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}\n${CLOSE_ONE}`, false), 'this.byId.clear();', 'for (const value of this.byId.values()) value.close();'),
      ],
    },
    {
      name: 'twin: when nothing releases what byId holds, no map is shown to own the connections, and the name index owes them as any map does',
      code: nameIndex(`${ADD_BOTH}\n${RENAME}`, false),
      errors: [
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}`, false), 'this.byName.set(name, conn);', REPLACE_OLD),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}`, false), 'this.byName.delete(conn.name);', 'this.byName.get(conn.name)?.close();'),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}`, false), 'this.byName.set(name, conn);', REPLACE_OLD, 2),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}`, false), 'this.byId.clear();', 'for (const value of this.byId.values()) value.close();'),
      ],
    },
    {
      name: 'twin: a connection made for the name index alone makes it an owner, not an index',
      code: nameIndex(`${ADD_BOTH}\n${RENAME}\n${ADD_SPARE}`),
      errors: [
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}\n${ADD_SPARE}`), 'this.byName.set(name, conn);', REPLACE_OLD),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}\n${ADD_SPARE}`), 'this.byName.delete(conn.name);', 'this.byName.get(conn.name)?.close();'),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}\n${ADD_SPARE}`), 'this.byName.set(name, conn);', REPLACE_OLD, 2),
        offeredAt(nameIndex(`${ADD_BOTH}\n${RENAME}\n${ADD_SPARE}`), 'this.byName.set(name, new Conn', 'this.byName.get(name)?.close();'),
      ],
    },
    {
      name: 'twin: a connection kept in byId only on one branch may be held by the index alone',
      code: nameIndex(`${ADD_IN_BRANCH}\n${RENAME}`),
      errors: [
        offeredAt(nameIndex(`${ADD_IN_BRANCH}\n${RENAME}`), 'this.byName.set(name, conn);', REPLACE_OLD),
        offeredAt(nameIndex(`${ADD_IN_BRANCH}\n${RENAME}`), 'this.byName.delete(conn.name);', 'this.byName.get(conn.name)?.close();'),
        offeredAt(nameIndex(`${ADD_IN_BRANCH}\n${RENAME}`), 'this.byName.set(name, conn);', REPLACE_OLD, 2),
      ],
    },
    reportedWithRelease(
      'twin: the owner itself still owes what it lets go, index or not',
      nameIndex(
        `${ADD_BOTH}\n  remove(id: string): void {\n    const conn = this.byId.get(id);\n    if (!conn) return;\n    this.byId.delete(id);\n    this.byName.delete(conn.name);\n  }`,
      ),
      '    this.byId.delete(id);',
      '    this.byId.get(id)?.close();\n',
    ),
  ],
});

/** The same registry with both maps released in dispose(), each keeping every connection under its own field; `removal` is the body of remove(). */
const twoOwners = (removal: string): string =>
  nameIndex(
    `  add(id: string, name: string): void {
    const conn = new Conn(id, name);
    this.byId.set(conn.id, conn);
    this.byName.set(conn.name, conn);
  }
  remove(id: string): void {
    const conn = this.byId.get(id);
    if (!conn) return;
    ${removal}
  }`,
    BOTH_RELEASED,
  );

ruleTester.run('stop-on-evict: one value let go by two containers and released once', rule, {
  valid: [
    {
      name: 'byName lets go of the connection (by its own name) and then byId (by the key it was read at): the close() after pays both',
      code: twoOwners('this.byName.delete(conn.name);\n    this.byId.delete(id);\n    conn.close();'),
    },
    {
      name: 'the same with byId first',
      code: twoOwners('this.byId.delete(id);\n    this.byName.delete(conn.name);\n    conn.close();'),
    },
  ],
  invalid: [
    {
      name: 'twin: with no close(), both maps let it go unreleased',
      code: twoOwners('this.byName.delete(conn.name);\n    this.byId.delete(id);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: twoOwners('conn.close();\n    this.byName.delete(conn.name);\n    this.byId.delete(id);'),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: twoOwners('this.byName.delete(conn.name);\n    this.byId.get(id)?.close();\n    this.byId.delete(id);'),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A map of lists (or sets) filled in place: `if (!m.has(k)) m.set(k, []); m.get(k)!.push(v)`, the
 * multimap idiom. What is pushed decides what the lists hold, as it does through a local
 * (`const list = m.get(k) ?? []; list.push(v)`). `fill` is the line that fills a list; `drop` the
 * removal under test. The twins are from real code: signalk-server's wasm subscriptions push data
 * records (`this.subscriptions.get(pluginId)!.push(subscription)`), vscode-mssql's profiler pushes
 * the handlers its callers hand in (`this._eventsAvailableHandlers.get(ownerUri)!.push(handler)`).
 */
const listsFilledInPlace = (declaration: string, fill: string, drop: string): string => `
import * as net from 'node:net';
interface Subscription { unsubscribe(): void }
declare function subscribe(topic: string): Subscription;
export class Lists {
  private lists${declaration};
  add(k: string, fn: () => void, socket: net.Socket, n: number): void {
    ${fill}
  }
  drop(k: string): void {
    ${drop}
  }
}`;

const MAP_OF_TIMERS = ' = new Map<string, NodeJS.Timeout[]>()';
const RECORD_OF_TIMERS = ': Record<string, NodeJS.Timeout[]> = {}';
const MAP_OF_IDS = ' = new Map<string, number[]>()';

ruleTester.run('stop-on-evict: lists filled in place', rule, {
  valid: [
    {
      name: 'each timer cleared before the list goes',
      code: listsFilledInPlace(
        MAP_OF_TIMERS,
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(setInterval(fn, 10));',
        'this.lists.get(k)?.forEach((t) => clearInterval(t));\n    this.lists.delete(k);',
      ),
    },
    {
      name: 'an object map of lists, each timer cleared in a loop first',
      code: listsFilledInPlace(
        RECORD_OF_TIMERS,
        '(this.lists[k] ??= []).push(setInterval(fn, 10));',
        'for (const t of this.lists[k] ?? []) clearInterval(t);\n    delete this.lists[k];',
      ),
    },
    {
      name: 'data pushed in place (signalk-server): nothing to release',
      code: listsFilledInPlace(
        ': Map<string, { n: number }[]> = new Map()',
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push({ n });',
        'this.lists.delete(k);',
      ),
    },
    {
      name: 'sockets the caller handed in (vscode-mssql): borrowed, not the lists’ to close',
      code: listsFilledInPlace(
        ' = new Map<string, net.Socket[]>()',
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(socket);',
        'this.lists.delete(k);',
      ),
    },
    {
      name: 'numbers that are not timers pushed in place',
      code: listsFilledInPlace(MAP_OF_IDS, 'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(n * 2);', 'this.lists.delete(k);'),
    },
    {
      name: 'numbers of which only some are timers: the lists are not lists of timers',
      code: listsFilledInPlace(
        MAP_OF_IDS,
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(setTimeout(fn, 10) as unknown as number);\n    this.lists.get(k)!.push(Date.now());',
        'this.lists.delete(k);',
      ),
    },
    {
      name: 'timer ids by origin, each cleared before the list goes',
      code: listsFilledInPlace(
        MAP_OF_IDS,
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(window.setTimeout(fn, 10));',
        'this.lists.get(k)?.forEach((t) => window.clearTimeout(t));\n    this.lists.delete(k);',
      ),
    },
  ],
  invalid: [
    reportedWithRelease(
      'twin: timers pushed into the list a get() reads, the list deleted with them running',
      listsFilledInPlace(
        MAP_OF_TIMERS,
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(setInterval(fn, 10));',
        'this.lists.delete(k);',
      ),
      'this.lists.delete(k);',
      'for (const inner of this.lists.get(k) ?? []) clearInterval(inner);\n    ',
    ),
    reportedWithRelease(
      'twin: timers pushed into the list an index reads, made there if missing',
      listsFilledInPlace(RECORD_OF_TIMERS, '(this.lists[k] ??= []).push(setInterval(fn, 10));', 'delete this.lists[k];'),
      'delete this.lists[k];',
      'for (const inner of this.lists[k] ?? []) clearInterval(inner);\n    ',
    ),
    reportedWithRelease(
      'twin: an object map made a list first, then filled through the index',
      listsFilledInPlace(RECORD_OF_TIMERS, 'if (!this.lists[k]) this.lists[k] = [];\n    this.lists[k].push(setInterval(fn, 10));', 'delete this.lists[k];'),
      'delete this.lists[k];',
      'for (const inner of this.lists[k] ?? []) clearInterval(inner);\n    ',
    ),
    reportedWithRelease(
      'twin: subscriptions made here and added to the set a get() reads',
      listsFilledInPlace(
        ' = new Map<string, Subscription[]>()',
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)?.push(subscribe(k));',
        'this.lists.delete(k);',
      ),
      'this.lists.delete(k);',
      'for (const inner of this.lists.get(k) ?? []) inner.unsubscribe();\n    ',
    ),
    reportedWithRelease(
      'twin: timer ids by origin (`window.setTimeout` returns a number) pushed in place',
      listsFilledInPlace(
        MAP_OF_IDS,
        'if (!this.lists.has(k)) this.lists.set(k, []);\n    this.lists.get(k)!.push(window.setTimeout(fn, 10));',
        'this.lists.delete(k);',
      ),
      'this.lists.delete(k);',
      'for (const inner of this.lists.get(k) ?? []) clearTimeout(inner);\n    ',
    ),
    reportedWithRelease(
      'twin: timer ids by origin pushed into a local list read from the map',
      listsFilledInPlace(
        MAP_OF_IDS,
        'const list = this.lists.get(k) ?? [];\n    list.push(window.setTimeout(fn, 10));\n    this.lists.set(k, list);',
        'this.lists.delete(k);',
      ),
      'this.lists.delete(k);',
      'for (const inner of this.lists.get(k) ?? []) clearTimeout(inner);\n    ',
    ),
  ],
});

/**
 * The teardown of real code (lexical, LexicalTableObserver.ts): `removeListeners()` calls every
 * cleanup function of a set through a copy (`Array.from(this.listenersToRemove).forEach(…)`) and then
 * clears it. Here the set keeps what a store's `subscribe()` hands back (lexical writes its cleanups
 * in place, which are data to this rule). A copy made by `Array.from()` or `Object.values()` is read
 * as `[...set]` is, not as a hand-over. `body` is the teardown under test.
 */
const tableObserver = (body: string): string => `
interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;
export class TableObserver {
  private listenersToRemove = new Set<() => void>();
  track(onChange: () => void): void {
    this.listenersToRemove.add(store.subscribe(onChange));
  }
  detach(): void {
    this.listenersToRemove.forEach((removeListener) => removeListener());
  }
  removeListeners(): void {
    ${body}
  }
}`;

/** Sockets kept per name, and a list the class closes later (`closing`); `body` moves or drops them. */
const socketsMovedOn = (body: string): string => `
import * as net from 'node:net';
export class Sockets {
  private byName = new Map<string, net.Socket>();
  private closing: net.Socket[] = [];
  open(name: string): void {
    this.byName.set(name, net.connect(80));
  }
  closeLater(): void {
    for (const socket of this.closing) socket.destroy();
    this.closing = [];
  }
  reset(): void {
    ${body}
  }
}`;

ruleTester.run('stop-on-evict: copies and spreads of a container', rule, {
  valid: [
    {
      name: 'from real code (lexical): every cleanup function called through an Array.from() copy before clear()',
      code: tableObserver('Array.from(this.listenersToRemove).forEach((removeListener) => removeListener());\n    this.listenersToRemove.clear();'),
    },
    {
      name: 'every socket spread into another list the class closes: moved, not dropped',
      code: socketsMovedOn('this.closing.push(...this.byName.values());\n    this.byName.clear();'),
    },
    {
      name: 'the same through an Array.from() copy',
      code: socketsMovedOn('this.closing.push(...Array.from(this.byName.values()));\n    this.byName.clear();'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'twin: a copy only counted, then the set cleared with every cleanup function uncalled',
      tableObserver('console.debug(Array.from(this.listenersToRemove).length);\n    this.listenersToRemove.clear();'),
      'this.listenersToRemove.clear();',
      'for (const value of this.listenersToRemove) value();\n    ',
    ),
    reportedWithRelease(
      'twin: every socket spread into a log line, then the map cleared',
      socketsMovedOn('console.debug(...this.byName.values());\n    this.byName.clear();'),
      'this.byName.clear();',
      'for (const value of this.byName.values()) value.destroy();\n    ',
    ),
  ],
});

/**
 * A worker pool (a probe written here on 2026-12-07): `take()` lends a worker, made there or taken
 * from the idle list, and records it as busy; `give(w)` is how callers hand it back, and `moved`
 * is what give() does with it. `drop` is the pool's shrinking.
 */
const lendingPool = (moved: string, drop: string): string => `
import { Worker } from 'node:worker_threads';
export class Pool {
  private idle: Worker[] = [];
  private busy = new Set<Worker>();
  take(): Worker {
    const w = this.idle.pop() ?? new Worker('./w.js');
    this.busy.add(w);
    return w;
  }
  give(w: Worker): void {
    ${moved}
  }
  shrink(): void {
    ${drop}
  }
}
`;

/**
 * From real code (modernweb, test-runner-chrome's ChromeLauncher.ts): a page made for a session is
 * kept active per session, then moved to an inactive list for reuse (`moved`); `drop` empties that list.
 */
const pageReuse = (moved: string, drop: string): string => `
import * as net from 'node:net';
export class Launcher {
  private active = new Map<string, net.Socket>();
  private inactive: net.Socket[] = [];
  start(id: string, host: string): void {
    if (this.active.has(id)) return;
    const page = this.inactive.pop() ?? net.connect(80, host);
    this.active.set(id, page);
  }
  stopSession(id: string): void {
    const page = this.active.get(id);
    if (!page) return;
    ${moved}
  }
  reset(): void {
    ${drop}
  }
}
`;

ruleTester.run('stop-on-evict: a value moved in from another container of its owner', rule, {
  valid: [
    {
      name: 'a pool lends a worker taken from its idle list or made anew, and records it as busy: the value taken out is handed on',
      code: lendingPool('this.busy.delete(w);\n    this.idle.push(w);', 'const w = this.idle.shift();\n    void w?.terminate();'),
    },
    {
      name: 'twin: workers adopted from callers, taken out of no container of the pool, stay theirs',
      code: lendingPool('this.idle.push(w);', 'const w = this.idle.shift();\n    void w;'),
    },
    {
      name: 'twin: moved out of a container that itself only borrows',
      code: `
import { Worker } from 'node:worker_threads';
export class Registry {
  private idle: Worker[] = [];
  private busy = new Set<Worker>();
  lend(w: Worker): void {
    this.busy.add(w);
  }
  give(w: Worker): void {
    this.busy.delete(w);
    this.idle.push(w);
  }
  shrink(): void {
    const w = this.idle.shift();
    void w;
  }
}
`,
    },
    {
      name: 'a page moved to the reuse list and every reused page closed before the list is emptied',
      code: pageReuse('this.active.delete(id);\n    this.inactive.push(page);', 'for (const page of this.inactive) page.destroy();\n    this.inactive = [];'),
    },
    {
      name: 'twin: a page only read from the active map is a second reference there, not moved',
      code: pageReuse('this.inactive.push(page);', 'this.inactive = [];'),
    },
  ],
  invalid: [
    {
      name: 'a worker handed back through give() is the pool’s: shrinking drops it without terminate()',
      code: lendingPool('this.busy.delete(w);\n    this.idle.push(w);', 'const w = this.idle.shift();\n    void w;'),
      errors: [{ messageId: 'unreleasedDrop' as const, line: 16 }],
    },
    {
      name: 'twin: a worker taken from the idle list or made anew, then kept nowhere',
      code: `
import { Worker } from 'node:worker_threads';
export class Pool {
  private idle: Worker[] = [];
  grow(): void {
    this.idle.push(new Worker('./w.js'));
  }
  probe(): void {
    const w = this.idle.pop() ?? new Worker('./w.js');
    console.debug(w.threadId);
  }
}
`,
      errors: [{ messageId: 'unreleasedDrop' as const, line: 9 }],
    },
    reportedWithRelease(
      'a page moved from the active map to the reuse list, then the list emptied with every page open',
      pageReuse('this.active.delete(id);\n    this.inactive.push(page);', 'this.inactive = [];'),
      'this.inactive = [];',
      'for (const value of this.inactive) value.destroy();\n    ',
    ),
  ],
});

/**
 * After MCPJam inspector's client manager (see bench/history/mcpjam-remove-server-disconnect): a
 * private helper forgets a server's client, and its callers decide whether the client was closed
 * first. `disconnect` and `remove` are the two callers' bodies before the call; `extra` adds members.
 */
const clientManager = (disconnect: string, remove: string, options: { helper?: string; extra?: string } = {}): string => `
declare class Client {
  connect(url: string): Promise<void>;
  close(): Promise<void>;
}
export class ClientManager {
  private readonly clients = new Map<string, Client>();
  connect(id: string, url: string): void {
    if (this.clients.has(id)) return;
    const client = new Client();
    void client.connect(url);
    this.clients.set(id, client);
  }
  async disconnect(id: string): Promise<void> {
    ${disconnect}this.forget(id);
  }
  remove(id: string): void {
    ${remove}this.forget(id);
  }${options.extra ?? ''}
  ${options.helper ?? 'private'} forget(id: string): void {
    this.clients.delete(id);
  }
}
`;

const CLOSED = 'await this.clients.get(id)?.close();\n    ';
const withCallback = clientManager(CLOSED, '', { extra: '\n  watch(id: string): void {\n    setTimeout(() => this.forget(id), 1000);\n  }' });

ruleTester.run('stop-on-evict: a private helper that drops what some of its callers released first', rule, {
  valid: [
    {
      name: 'twin: every caller closes the client before the helper forgets it',
      code: clientManager(CLOSED, 'void this.clients.get(id)?.close();\n    '),
    },
  ],
  invalid: [
    {
      name: 'one caller closes the client and the other does not: reported at the call that does not, with the release before it',
      code: clientManager(CLOSED, ''),
      errors: [
        {
          messageId: 'unreleasedDropInHelper' as const,
          data: { type: 'Client', container: 'this.clients', operation: '`delete()`', helper: 'forget', release: '`close()`' },
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: clientManager(CLOSED, 'void this.clients.get(id)?.close();\n    '),
            },
          ],
        },
      ],
    },
    {
      name: 'no caller closes the client: the helper is where the release is missing, reported once',
      code: clientManager('', ''),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: clientManager('', '').replace('    this.clients.delete(id);', '    void this.clients.get(id)?.close();\n    this.clients.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: "a third caller is a callback, which may be the client's own end: the helper stays the place",
      code: clientManager(CLOSED, '', { extra: '\n  watch(id: string): void {\n    setTimeout(() => this.forget(id), 1000);\n  }' }),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: withCallback.replace('    this.clients.delete(id);', '    void this.clients.get(id)?.close();\n    this.clients.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a public helper may be called from outside the program: the helper stays the place',
      code: clientManager(CLOSED, '', { helper: 'public' }),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: clientManager(CLOSED, '', { helper: 'public' }).replace(
                '    this.clients.delete(id);',
                '    void this.clients.get(id)?.close();\n    this.clients.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'two callers do not close the client and one does: one report, in the helper, with no edit that would close it twice',
      code: clientManager(CLOSED, '', { extra: '\n  reset(id: string): void {\n    this.forget(id);\n  }' }),
      errors: [{ messageId: 'unreleasedDrop' as const, line: 25, suggestions: [] }],
    },
    {
      name: 'the second caller closes the client only when asked to: reported at its call, with no edit that would close it twice',
      code: clientManager(CLOSED, 'if (Math.random() > 0.5) void this.clients.get(id)?.close();\n    '),
      errors: [{ messageId: 'unreleasedDropInHelper' as const, line: 20, suggestions: [] }],
    },
  ],
});

/**
 * After river's transport (see bench/history/replit-river-stale-session-heartbeat): a helper of the
 * class deletes a session by its own `to`, handed the session by the class's own callers; `modifier`
 * is the helper's, `beforeDelete` what the caller does first.
 */
const sessionTransport = (modifier: string, beforeDelete: string): string => `
export class Session {
  readonly to: string;
  private heartbeat: NodeJS.Timeout | undefined;
  constructor(to: string) {
    this.to = to;
    this.heartbeat = setInterval(() => this.ping(), 1000);
  }
  ping(): void {}
  close(): void {
    clearInterval(this.heartbeat);
  }
}
export class Transport {
  private sessions = new Map<string, Session>();
  connect(to: string): Session {
    const session = new Session(to);
    this.sessions.get(session.to)?.close();
    this.sessions.set(session.to, session);
    return session;
  }
  reconnect(to: string): void {
    const session = this.sessions.get(to);
    if (!session) return;
    ${beforeDelete}this.deleteSession(session);
  }
  ${modifier}deleteSession(session: Session): void {
    this.sessions.delete(session.to);
  }
}
`;

ruleTester.run('stop-on-evict: a helper handed the class own values by its key', rule, {
  valid: [
    { name: 'twin: the caller closes the session before the protected helper deletes it', code: sessionTransport('protected ', 'session.close();\n    ') },
    { name: 'twin: a public remover may be handed a session its caller still holds', code: sessionTransport('', '') },
    {
      name: "from real code (node-opcua): a helper called only from callbacks — the channel's abort listener, which disposes it next — is judged where those callbacks are read",
      code: `
import { EventEmitter } from 'node:events';
declare class Channel extends EventEmitter {
  readonly hashKey: string;
  dispose(): void;
}
export class EndPoint {
  private channels: { [key: string]: Channel } = {};
  accept(): void {
    const channel = new Channel();
    this.preregister(channel);
    channel.on('abort', () => {
      this.unPreregister(channel);
      channel.dispose();
    });
  }
  private preregister(channel: Channel): void {
    this.channels[channel.hashKey] = channel;
  }
  private unPreregister(channel: Channel): void {
    delete this.channels[channel.hashKey];
  }
}
`,
    },
  ],
  invalid: [
    reportedWithRelease(
      'a protected helper deletes by the own key of a session its class handed it, unclosed',
      sessionTransport('protected ', ''),
      'this.sessions.delete(session.to);',
      'session.close();\n    ',
    ),
    reportedWithRelease('the same helper, private', sessionTransport('private ', ''), 'this.sessions.delete(session.to);', 'session.close();\n    '),
  ],
});
