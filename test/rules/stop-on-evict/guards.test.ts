// stop-on-evict — places that cannot hold an earlier value: guards, fresh keys, own ids, callers that check.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (eggjs/tegg's MCP SSE controller): a keep-alive interval per SSE session, stored
 * under the session id of a transport made just before — the transport's own new identity, unless
 * its construction was handed one.
 */
const keepAliveBySession = (made: string): string => `
import type { ServerResponse } from 'node:http';
declare class Transport {
  constructor(endpoint: string, res: ServerResponse);
  get sessionId(): string;
}
declare class NamedTransport {
  constructor(sessionId: string, res: ServerResponse);
  get sessionId(): string;
}
const keepAlive = new Map<string, NodeJS.Timeout>();
export function open(res: ServerResponse, requestedId: string): void {
  const transport = ${made};
  const id = transport.sessionId;
  keepAlive.set(id, setInterval(() => res.write(': keepalive'), 15000));
}
export function close(id: string): void {
  clearInterval(keepAlive.get(id));
  keepAlive.delete(id);
}
`;

/** From real code (pixijs, DynamicBitmapFont.ts): a page stored at an index the class only counts up; `more` adds members. */
const pagedFont = (more: string): string => `
import { createMeter, type Meter } from './resources.js';
export class Font {
  readonly pages: Meter[] = [];
  private currentPage = -1;
  nextPage(): Meter {
    this.currentPage++;
    const page = createMeter('page');
    this.pages[this.currentPage] = page;
    return page;
  }
  ${more}
}`;

/**
 * From real code (matter.js, ExchangeManager.ts): each exchange is stored through a private method at
 * an index made from a counter object's next count; `counting` is that counter's method body.
 */
const exchangeManager = (counting: string): string => `
import { createMeter, type Meter } from './resources.js';
class ExchangeCounter {
  #counter = 0;
  getIncrementedCounter(): number {
    ${counting}
  }
}
export class ExchangeManager {
  readonly #exchangeCounter = new ExchangeCounter();
  readonly #exchanges = new Map<number, Meter>();
  initiate(): Meter {
    const exchangeId = this.#exchangeCounter.getIncrementedCounter();
    const exchangeIndex = exchangeId | 0x10000;
    const exchange = createMeter(String(exchangeId));
    this.#addExchange(exchangeIndex, exchange);
    return exchange;
  }
  deleteExchange(index: number): void {
    this.#exchanges.get(index)?.stop();
    this.#exchanges.delete(index);
  }
  #addExchange(exchangeIndex: number, exchange: Meter): void {
    this.#exchanges.set(exchangeIndex, exchange);
  }
}`;

/** From real code (pixijs, RenderTargetSystem.ts): a get-or-create whose create half is a private method. */
const targetsByName = (lookup: string): string => `
import { createMeter, type Meter } from './resources.js';
export class Targets {
  private readonly byName = new Map<string, Meter>();
  get(name: string): Meter | undefined {
    return ${lookup};
  }
  private init(name: string): Meter {
    const target = createMeter(name);
    this.byName.set(name, target);
    return target;
  }
}`;

/**
 * From real code (pixijs, GpuTextureSystem.ts and getTextureBatchBindGroup.ts): a group made for a
 * texture's id only where the cache has none (`cache[id] || create(…)`); `extra` adds other callers.
 */
const groupCaches = (extra: string): string => `
import { createMeter, type Meter } from './resources.js';
interface Texture { uid: number }
export class TextureSystem {
  private groups: Record<number, Meter> = Object.create(null);
  getGroup(texture: Texture): Meter {
    return this.groups[texture.uid] || this.createGroup(texture);
  }
  private createGroup(texture: Texture): Meter {
    const group = createMeter(String(texture.uid));
    this.groups[texture.uid] = group;
    return group;
  }
  ${extra}
}
const cachedGroups: Record<number, Meter> = {};
export function getBatchGroup(key: number): Meter {
  return cachedGroups[key] || generateGroup(key);
}
function generateGroup(key: number): Meter {
  cachedGroups[key] = createMeter(String(key));
  return cachedGroups[key];
}`;

/**
 * From real code (Oceanic, Shard.ts): a request record kept under the nonce of the options object
 * it sends, made fresh in that literal; `reassign` writes the field again before the store.
 */
const nonceRequests = (reassign: string): string => `
import { randomBytes } from 'node:crypto';
interface Pending { timeout: NodeJS.Timeout; resolve(value: unknown): void }
export class Shard {
  #pending: Record<string, Pending> = {};
  request(given?: string): Promise<unknown> {
    const opts = { limit: 0, nonce: randomBytes(16).toString('hex') };
    ${reassign}
    return new Promise((resolve) => (this.#pending[opts.nonce] = {
      timeout: setTimeout(() => delete this.#pending[opts.nonce], 1000),
      resolve,
    }));
  }
}`;

/**
 * From real code (Oceanic, Shard.ts): a reset that releases every pending request when the record
 * exists, then replaces it; `guard` decides what the other side of the test does.
 */
const resetPending = (guard: string): string => `
interface Pending { timeout: NodeJS.Timeout }
export class Shard {
  pending: Record<string, Pending> | undefined = {};
  add(id: string) { this.pending![id] ??= { timeout: setTimeout(() => {}, 1000) }; }
  reset(): void {
    ${guard}
    this.pending = {};
  }
}`;

/** From real code (vscode-css-peek): a client made per folder in the continuation of a search, after `lookUp`. */
const clientPerFolder = (lookUp: string): string => `
declare class LanguageClient {
  constructor(id: string);
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
}
declare function findFiles(pattern: string): Promise<string[]>;
const clients = new Map<string, LanguageClient>();
export function didOpen(folder: string): void {
  ${lookUp}
  findFiles('**/*.css').then(() => {
    const client = new LanguageClient(folder);
    void client.start();
    clients.set(folder, client);
  });
}
`;

const imports = `import { createMeter, createPoller, openLease, startJob, stopMeter, type Meter, type Poller, type Watcher, type Stopwatch, type Candle, type PendingRequest, type Lease, type Job } from './resources.js';`;

/**
 * From real code (vscode-languageserver-node, fileSystemWatcher.ts): a public method that stores
 * what it registers under the id its callers give; `callers` are the rest of the program.
 */
const watcherFeature = (callers: string, store = 'this.watchers.set(id, disposables);'): string => `
interface Disposable { dispose(): void }
interface Watcher { onDidChange(listener: () => void): Disposable }
declare function generateUuid(): string;
export class FileWatchers {
  private readonly watchers = new Map<string, Disposable[]>();
  registerRaw(id: string, sources: Watcher[]): void {
    const disposables: Disposable[] = [];
    for (const source of sources) disposables.push(source.onDidChange(() => {}));
    ${store}
  }
  unregister(id: string): void {
    const disposables = this.watchers.get(id);
    if (disposables) {
      this.watchers.delete(id);
      for (const disposable of disposables) disposable.dispose();
    }
  }
}
${callers}`;
/** The suggestion's store: the replaced registrations released first. */
const releasedStore = `if (this.watchers.get(id) !== disposables) for (const inner of this.watchers.get(id) ?? []) inner.dispose();
    this.watchers.set(id, disposables);`;
const reusingCaller = `export class Client {
  private readonly files = new FileWatchers();
  start(sources: Watcher[]): void {
    this.files.registerRaw(generateUuid(), sources);
  }
  restart(sources: Watcher[]): void {
    this.files.registerRaw('default', sources);
  }
}`;
const handingCaller = `export class Client {
  private readonly files = new FileWatchers();
  readonly register = this.files.registerRaw.bind(this.files);
  start(sources: Watcher[]): void {
    this.files.registerRaw(generateUuid(), sources);
  }
}`;

/**
 * From real code (vscode-pull-request-github, repositoriesManager.ts and extension.ts): a private
 * method keeps each folder manager's listeners under the manager itself, reached through a public
 * `insert()`; `activate` is the rest of the program, which makes the managers.
 */
const folderListeners = (activate: string, store = 'this.subs.set(manager, disposables);'): string => `
interface Disposable { dispose(): void }
declare function onDidLoad(listener: () => void): Disposable;
export class FolderManager {
  constructor(readonly root: string) {}
  onDidLoad(listener: () => void): Disposable { return onDidLoad(listener); }
}
export class ReposManager {
  private readonly subs = new Map<FolderManager, Disposable[]>();
  private register(manager: FolderManager) {
    const disposables = [manager.onDidLoad(() => {})];
    ${store}
  }
  insert(manager: FolderManager) {
    this.register(manager);
  }
  remove(manager: FolderManager) {
    for (const disposable of this.subs.get(manager) ?? []) disposable.dispose();
    this.subs.delete(manager);
  }
}
export function activate(repos: ReposManager, roots: string[], known: Map<string, FolderManager>) {
  ${activate}
}`;
/** The suggestion's store: the replaced listeners released first. */
const releasedListeners = `for (const inner of this.subs.get(manager) ?? []) inner.dispose();
    this.subs.set(manager, disposables);`;
const madeManagers = 'const managers = roots.map((root) => new FolderManager(root));';
/** A store of folderListeners reported as an overwrite, its suggestion releasing the listeners first. */
const reportedFolderListeners = (name: string, activate: string) => ({
  name,
  code: folderListeners(activate),
  errors: [
    {
      messageId: 'unreleasedDrop' as const,
      line: 12,
      suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: folderListeners(activate, releasedListeners) }],
    },
  ],
});

/**
 * From real code (grpc-js server.ts): a server's session listener hands each new session to a
 * method that arms an idle timer keyed by it; `visibility` is the method's, `again` what else the
 * listener does.
 */
const sessionTracker = (visibility: string, again = '', release = ''): string => `import http2 from 'node:http2';
export class Server {
  private readonly idle = new Map<http2.ServerHttp2Session, { timer: NodeJS.Timeout }>();
  listen(server: http2.Http2Server) {
    server.on('session', (session) => {
      this.track(session);${again}
    });
  }
  ${visibility}track(session: http2.ServerHttp2Session) {
    ${release}this.idle.set(session, { timer: setTimeout(() => session.close(), 1000) });
    session.on('close', () => { clearTimeout(this.idle.get(session)?.timer); this.idle.delete(session); });
  }
}
`;
/**
 * From real code (ioBroker.js-controller): a record per instance, its process and restart timer
 * armed later; `byRecord` and `byMap` are how an object and a Map get the instance's record.
 */
const keptOrMade = (byRecord: string, byMap: string): string => `
import type { ChildProcess } from 'node:child_process';
interface Proc {
  process?: ChildProcess;
  restartTimer?: NodeJS.Timeout;
}
const procs: Record<string, Proc> = {};
const spare: Record<string, Proc> = {};
const byId = new Map<string, Proc>();
export function register(instance: { _id: string; group: string }): void {
  ${byRecord}
  ${byMap}
}
export function arm(id: string): void {
  const proc = procs[id];
  if (proc) proc.restartTimer = setTimeout(() => arm(id), 1000);
  const kept = byId.get(id);
  if (kept) kept.restartTimer = setTimeout(() => arm(id), 1000);
}
export function stop(id: string): void {
  clearTimeout(procs[id]?.restartTimer);
  delete procs[id];
  clearTimeout(byId.get(id)?.restartTimer);
  byId.delete(id);
}
`;

const trackedAgain = `
      session.on('remoteSettings', () => this.track(session));`;

/** From real code (hazelcast-nodejs-client's codecs): a list made in the function, then filled by index; `made` is how it is made. */
const filledByIndex = (made: string, store = 'meters[i] = createMeter(routes[i]!);'): string => `${imports}
export function build(routes: string[]) {
  const meters = ${made};
  for (let i = 0; i < routes.length; i++) ${store}
  return meters;
}`;

/**
 * From real code (vscode-pull-request-github): a state per repository found or made by a
 * get-or-create method, updated, then stored again under `key`.
 */
const repoStates = (key: string): string => `
class IssueCache {
  private readonly timer = setInterval(() => undefined, 60_000);
  dispose(): void {
    clearInterval(this.timer);
  }
}
interface RepoState {
  cache: IssueCache;
  lastHead?: string;
}
export class StateManager {
  private readonly states = new Map<string, RepoState>();
  private stateFor(uri: { path: string }): RepoState {
    let state = this.states.get(uri.path);
    if (state) return state;
    state = { cache: new IssueCache() };
    this.states.set(uri.path, state);
    return state;
  }
  onRepositoryOpened(repository: { name: string; rootUri: { path: string }; head?: string }): void {
    const state = this.stateFor(repository.rootUri);
    state.lastHead = repository.head;
    this.states.set(${key}, state);
  }
  dispose(): void {
    for (const state of this.states.values()) state.cache.dispose();
    this.states.clear();
  }
}
`;

/**
 * From real code (lib-jitsi-meet, TraceablePeerConnection.ts): a feature flag asked once to look the
 * key up and again (`second`) to choose the map a new meter goes in.
 */
const rewritingFlag = (second: string): string => `import { createMeter, type Meter } from './resources.js';
declare const flags: { rewriting(): boolean; legacy(): boolean };
export class Tracks {
  private readonly bySsrc = new Map<number, Meter>();
  private readonly byOwner = new Map<string, Meter[]>();
  create(ssrc: number, owner: string): void {
    if (flags.rewriting()) {
      if (this.bySsrc.get(ssrc)) return;
    } else if (this.byOwner.has(owner)) return;
    const meter = createMeter(owner);
    if (${second}) this.bySsrc.set(ssrc, meter);
    else this.byOwner.set(owner, [meter]);
  }
}
`;

/** From real code (KurrentDB-Client-NodeJS, Client/index.ts): an optional cache asked for the key before a new stream is stored in it. */
const optionalCache = (guard: string): string => `import { createMeter, type Meter } from './resources.js';
export function meterFor(route: string, cache?: Map<string, Meter>): Meter {
  ${guard}
  const meter = createMeter(route);
  cache?.set(route, meter);
  return meter;
}
`;

/**
 * From real code (vscode-css-peek's fix, bench/history/vscode-css-peek-duplicate-client-overwrite):
 * a key claimed in a set of keys in flight before the asynchronous work whose continuation stores;
 * `claim` is the claim, `guard` the look-up of both.
 */
const claimedWatch = (claim: string, guard = '!watchers.has(path) && !opening.has(path)'): string => `
import { watch, type FSWatcher } from 'node:fs';
declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();
const opening = new Set<string>();
export function watchOnce(path: string): void {
  if (${guard}) {
    ${claim}
    void realPath(path).then((real) => {
      opening.delete(path);
      watchers.set(path, watch(real));
    });
  }
}
`;

/** The same claim as an early exit before an `await`; `beforeAwait` and `afterAwait` place the claim. */
const claimedAwait = (beforeAwait: string, afterAwait: string): string => `
import { watch, type FSWatcher } from 'node:fs';
declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();
const opening = new Set<string>();
export async function watchOnce(path: string): Promise<void> {
  if (watchers.has(path) || opening.has(path)) return;
  ${beforeAwait}
  try {
    const real = await realPath(path);
    ${afterAwait}
    watchers.set(path, watch(real));
  } finally {
    opening.delete(path);
  }
}
`;

/**
 * From real code (node-opcua, bench/history/node-opcua-delete-subscription-terminate): a slot set to
 * \`null\` before its key is deleted; \`between\` runs between the two.
 */
const nulledThenDeleted = (between: string): string => `
import * as net from 'node:net';
declare function flush(): Promise<void>;
export class Sessions {
  private readonly sockets: { [id: string]: net.Socket | null } = {};
  open(id: string, port: number): void {
    this.sockets[id] ??= net.connect(port);
  }
  async close(id: string): Promise<void> {
    const socket = this.sockets[id];
    if (!socket) return;
    this.sockets[id] = null;
    socket.destroy();
    ${between}delete this.sockets[id];
  }
}
`;

// vscode-cmake-tools' addFolder: the key is known empty on both branches, one of which awaits.
const loadedOnBranch = (load: string): string => `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();

export async function watchOnce(path: string, follow: boolean): Promise<void> {
  if (watchers.has(path)) return;
  let watcher: FSWatcher;
  if (follow) {
    watcher = ${load};
  } else {
    watcher = watch(path);
  }
  watchers.set(path, watcher);
}
`;

// VSCodeVim's mode handler map: a get-or-create that looks the key up through the class's own
// `get()`, then awaits the new value before storing it. `key`: the key's type; `make`: the new value.
const handlerPerEditor = (key: string, make: string): string => `
declare class Editor {
  readonly uri: ${key};
}
declare class ModeHandler {
  static create(editor: Editor): Promise<ModeHandler>;
  static createNow(editor: Editor): ModeHandler;
  dispose(): void;
}
export class ModeHandlerMap {
  private readonly handlers = new Map<${key}, ModeHandler>();

  async getOrCreate(editor: Editor): Promise<ModeHandler> {
    const id = editor.uri;
    let handler = this.get(id);
    if (!handler) {
      handler = ${make};
      this.handlers.set(id, handler);
    }
    return handler;
  }

  get(id: ${key}): ModeHandler | undefined {
    return this.handlers.get(id);
  }

  delete(id: ${key}): void {
    this.handlers.get(id)?.dispose();
    this.handlers.delete(id);
  }
}
`;

/** `handlerPerEditor` made with an await: the set() is the race at that await, whatever the key's type. */
const racedHandler = (key: string) => ({
  name: `a look-up through the class's own get(), then an await: the set() is the race at that await (${key} key)`,
  code: handlerPerEditor(key, 'await ModeHandler.create(editor)'),
  errors: [
    {
      messageId: 'unreleasedDropAfterAwait' as const,
      line: 18,
      data: { type: 'ModeHandler', container: 'this.handlers', replacement: '`set()`', release: '`dispose()`', line: '17' },
      suggestions: [
        {
          messageId: 'releaseBeforeDrop' as const,
          output: handlerPerEditor(key, 'await ModeHandler.create(editor)').replace(
            '      this.handlers.set(id, handler);',
            '      if (this.handlers.get(id) !== handler) this.handlers.get(id)?.dispose();\n      this.handlers.set(id, handler);',
          ),
        },
      ],
    },
  ],
});

/** From real code (bonbon, main.ts): the view shown for a tab, the one already kept for it or a new one; `shown` picks it. */
const shownViews = (shown: string): string => `import { createMeter, type Meter } from './resources.js';
const views: Record<string, Meter> = {};

export function show(tabId: string, otherId: string): Meter {
  const view = ${shown};
  views[tabId] = view;
  return view;
}
`;

// A reconnect that destroys and deletes the old socket, then stores the new one once it connects.
const CONTINUATION_AFTER_DELETE = `import * as net from 'node:net';
declare function connectTo(host: string): Promise<net.Socket>;
const sockets = new Map<string, net.Socket>();
export function reconnect(host: string) {
  if (sockets.has(host)) {
    sockets.get(host)!.destroy();
    sockets.delete(host);
  }
  connectTo(host).then((socket) => {
    sockets.set(host, socket);
  });
}
`;

const CONTINUATION_AFTER_LOOK = CONTINUATION_AFTER_DELETE.replace(
  `  if (sockets.has(host)) {
    sockets.get(host)!.destroy();
    sockets.delete(host);
  }`,
  `  if (sockets.has(host)) sockets.get(host)!.setTimeout(0);`,
);

const CONTINUATION_AFTER_FLAGGED_DELETE = `import * as net from 'node:net';
declare function connectTo(host: string): Promise<net.Socket>;
const sockets = new Map<string, net.Socket>();
export function reconnect(host: string, closing: boolean) {
  if (sockets.has(host)) sockets.get(host)!.setTimeout(0);
  if (closing) sockets.delete(host);
  connectTo(host).then((socket) => {
    sockets.set(host, socket);
  });
}
`;

/**
 * From real code (codesandbox/sandpack 04298be, runSandpack): clients are made for every id of another
 * registry that outlives the call; a second run lists the same ids again. `listed` lists the ids,
 * `moved` what the loop does to the listed registry after storing.
 */
const clientRunner = (listed = 'Object.keys(this.registered)', moved = ''): string => `
import { createMeter, type Meter } from './resources.js';
export class Runner {
  private readonly registered: Record<string, string> = {};
  private readonly clients: Record<string, Meter> = {};
  register(id: string, url: string): void { this.registered[id] = url; }
  async run(): Promise<void> {
    await Promise.all(${listed}.map(async (id) => {
      this.clients[id] = await Promise.resolve(createMeter(id));${moved}
    }));
  }
}`;

/**
 * From real code (czlonkowski/n8n-mcp PR #472, SingleSessionHTTPServer.handleRequest): an initialize
 * request makes a server and a transport, and both are stored under the id the transport generates
 * for the new session; another request reuses the transport kept for its id. `wiring` makes the
 * transport and hooks up the store.
 */
const sessionTransports = (wiring: string): string => `
import { randomUUID } from 'node:crypto';
declare class Transport {
  constructor(options: { sessionId: () => string; onsessioninitialized: (id: string) => void });
  close(): Promise<void>;
}
declare class McpServer {
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}
declare const sessionEvents: { once(event: 'ready', listener: (id: string) => void): void };
export class SessionServer {
  private readonly transports: Record<string, Transport> = {};
  private readonly servers: Record<string, McpServer> = {};
  async handle(sessionId: string | undefined): Promise<void> {
    let transport: Transport;
    if (!sessionId) {
      const server = new McpServer();
      ${wiring}
      await server.connect(transport);
    } else if (this.transports[sessionId]) {
      transport = this.transports[sessionId];
    }
  }
}`;
/** The store as a hook of the transport's own construction. */
const storedByOwnHook = `transport = new Transport({
        sessionId: randomUUID,
        onsessioninitialized: (id: string) => {
          this.transports[id] = transport;
          this.servers[id] = server;
        },
      });`;
/** The same store run by another object's event, which may name any id. */
const storedByOtherEvent = `transport = new Transport({ sessionId: randomUUID, onsessioninitialized: () => {} });
      sessionEvents.once('ready', (id: string) => {
        this.transports[id] = transport;
        this.servers[id] = server;
      });`;

/**
 * From real code (lib-jitsi-meet, TraceablePeerConnection.ts): a remote track is kept by SSRC only
 * when an imported feature flag says so, and the same flag, asked first, returned early on a track
 * already kept. `second` is the test before the insertion; `kind` makes the method async or not.
 */
const tracksBySsrc = (second: string, kind = '', pause = '') => `
import FeatureFlags from './shared/featureFlags.js';
import { createMeter, type Meter } from './resources.js';
export class PeerConnection {
  private readonly bySsrc = new Map<number, Meter>();
  private readonly others = new Set<Meter>();
  ${kind}createRemoteTrack(ssrc: number): ${kind ? 'Promise<void>' : 'void'} {
    if (FeatureFlags.isSsrcRewritingSupported()) {
      const existing = this.bySsrc.get(ssrc);
      if (existing) return;
    }
    ${pause}
    const track = createMeter(String(ssrc));
    if (${second}) {
      this.bySsrc.set(ssrc, track);
    } else {
      this.others.add(track);
    }
  }
  removeRemoteTrack(ssrc: number): void {
    this.bySsrc.get(ssrc)?.stop();
    this.bySsrc.delete(ssrc);
  }
}`;

/**
 * From real code (pixijs, GpuTextureSystem.ts): a source's GPU data is made only when the slot holds
 * no live data, told by a field the data's constructor always fills and only its `destroy()` empties;
 * `more` adds a member to the data's class.
 */
const gpuTextureData = (more = '') => `
declare class GPUTexture {
  destroy(): void;
}
declare function createTexture(): GPUTexture;
export class GpuData {
  gpuTexture: GPUTexture | null;
  constructor(gpuTexture: GPUTexture) {
    this.gpuTexture = gpuTexture;
  }
  destroy(): void {
    this.gpuTexture?.destroy();
    this.gpuTexture = null;
  }
  ${more}
}
interface Source {
  gpuData: Record<number, GpuData>;
}
export class TextureSystem {
  constructor(private readonly uid: number) {}
  initSource(source: Source): GPUTexture {
    return source.gpuData[this.uid]?.gpuTexture || this.initNew(source);
  }
  private initNew(source: Source): GPUTexture {
    const texture = createTexture();
    source.gpuData[this.uid] = new GpuData(texture);
    return texture;
  }
}`;

const unloadedData = 'unload(): void {\n    this.gpuTexture = null;\n  }';

/**
 * From real code (xterm.js, OscLinkService.ts): a link record stored under its key field, after a
 * lookup by the same key computed into a local by the class's own `keyOf()`. `keyOf` is that
 * method's body, `field` the record's key field, `between` what runs between the record and its store.
 */
const linkByKey = ({ keyOf = 'return `${data.id};;${data.uri}`;', field = 'key: this.keyOf(data)', between = '' } = {}): string => `
import { createMeter, type Meter } from './resources.js';
interface LinkData { id: string; uri: string }
interface Link { key: string; meter: Meter }
export class Links {
  private readonly byKey = new Map<string, Link>();
  private count = 0;
  register(data: LinkData): Meter {
    const key = this.keyOf(data);
    const match = this.byKey.get(key);
    if (match) return match.meter;
    const entry: Link = { ${field}, meter: createMeter(data.uri) };${between}
    this.byKey.set(entry.key, entry);
    return entry.meter;
  }
  private keyOf(data: LinkData): string {
    ${keyOf}
  }
}
`;

/** `linkByKey(parts)` reported at its store, with the release suggested before it (`guard`: the test the suggestion writes first). */
const linkOverwritten = (name: string, parts: Parameters<typeof linkByKey>[0], guard = '') =>
  reportedWithRelease(name, linkByKey(parts), '    this.byKey.set(', `    ${guard}this.byKey.get(entry.key)?.meter?.stop();\n`);

/**
 * From real code (MCPJam inspector): a poll per url found in the map or made there, handed to a
 * private method, then stored under the url. `between` runs after the look-up, `hand` is what the
 * caller gives the method, and `arm` is the method's body before it stores the poll again.
 */
const pollFoundOrMade = (between: string, hand: string, arm: string): string => `
interface Poll { url: string; timer?: NodeJS.Timeout }
declare function probe(url: string): Promise<void>;
export class Poller {
  private readonly polls = new Map<string, Poll>();
  async watch(url: string): Promise<void> {
    const existing = this.polls.get(url);
    ${between}
    const poll = existing ?? { url, timer: setInterval(() => undefined, 1000) };
    void this.arm(url, ${hand});
    this.polls.set(url, poll);
  }
  private async arm(url: string, poll: Poll): Promise<void> {
    ${arm}
    this.polls.set(url, poll);
  }
  stop(url: string): void {
    clearInterval(this.polls.get(url)?.timer);
    this.polls.delete(url);
  }
}`;

/**
 * From real code (replit/river): a transport's session per peer, looked up, ended and removed when the
 * peer came back as another instance (`stale`), then made again by a private method that stores it
 * under `key`; `extra` is more of the session's class.
 */
const sessionPerPeer = (stale: string, key: string, extra = ''): string => `
export class Session {
  readonly to: string;
  private heartbeat: ReturnType<typeof setInterval>;
  constructor(to: string) {
    this.to = to;
    this.heartbeat = setInterval(() => undefined, 1000);
  }
  ${extra}
  close(): void {
    clearInterval(this.heartbeat);
  }
}
export class Transport {
  private readonly sessions = new Map<string, Session>();
  private readonly instances = new Map<string, string>();
  onConnect(to: string, instanceId: string): Session {
    let session = this.sessions.get(to);
    if (session && this.instances.get(to) !== instanceId) {
      ${stale}
    }
    this.instances.set(to, instanceId);
    if (!session) return this.createSession(to);
    return session;
  }
  private createSession(to: string): Session {
    const session = new Session(to);
    this.sessions.set(${key}, session);
    return session;
  }
}`;

/** `sessionPerPeer` with the removal in a protected helper that deletes a session by its own key, as river's does. */
const withDeleteSession = (code: string): string =>
  code.replace(
    '  private createSession',
    '  protected deleteSession(session: Session): void {\n    this.sessions.delete(session.to);\n  }\n  private createSession',
  );

const ENDED_AND_REMOVED = 'session.close();\n      this.sessions.delete(to);\n      session = undefined;';

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: "keys: a record's key field made by the same computation of the key a lookup found empty names that key",
      code: linkByKey(),
    },
    {
      name: "keys: a record's key field given the local a lookup found empty names that key",
      code: linkByKey({ field: 'key' }),
    },
    {
      name: 'from real code (pixijs): data made only where the slot holds none whose texture field, filled by its constructor and emptied only by destroy(), is set',
      code: gpuTextureData(),
    },
    {
      name: 'from real code (lib-jitsi-meet): an imported flag asked twice in one synchronous method answers the same, so the set runs only where a kept track returned early',
      code: tracksBySsrc('FeatureFlags.isSsrcRewritingSupported()'),
    },
    {
      name: "from real code (n8n-mcp): a transport and a server stored under a new session's id by a hook handed to the transport's own constructor",
      code: sessionTransports(storedByOwnHook),
    },
    {
      name: 'a client made for each id a loop moves over from the registry (deleting it there) fills each key once',
      code: clientRunner(undefined, '\n      delete this.registered[id];'),
    },
    {
      name: 'a client made for each id of a list this run builds fills each key once',
      code: clientRunner('[...new Set(Object.keys(this.registered))]'),
    },
    {
      name: 'the view already kept at the key, or a new one where it held none (`views[k] ? views[k] : make()`), stored back',
      code: shownViews('views[tabId] ? views[tabId] : createMeter(tabId)'),
    },
    {
      name: 'the same choice written the other way round (`!views[k] ? make() : views[k]`)',
      code: shownViews('!views[tabId] ? createMeter(tabId) : views[tabId]'),
    },
    {
      name: "a look-up through the class's own get() proves the key empty where nothing awaits (an object key)",
      code: handlerPerEditor('object', 'ModeHandler.createNow(editor)'),
    },
    {
      name: "a look-up through the class's own get() proves the key empty where nothing awaits (a string key)",
      code: handlerPerEditor('string', 'ModeHandler.createNow(editor)'),
    },
    {
      name: 'a key known empty on both branches of an if, neither of which awaits',
      code: loadedOnBranch('watch(path)'),
    },
    { name: 'from real code (node-opcua): a key whose slot was set to null holds nothing for its delete', code: nulledThenDeleted('') },
    {
      name: 'from real code (vscode-css-peek): a key claimed in a set of keys in flight before the continuation that stores it',
      code: claimedWatch('opening.add(path);'),
    },
    { name: 'a key claimed in a set of keys in flight before the await, after an early exit', code: claimedAwait('opening.add(path);', '') },
    {
      // By default a value made for an id and stored under it where nothing looked the key up first is not reported.
      name: 'a client made for a folder in the continuation of a search, the map never looked up',
      code: clientPerFolder('console.log(folder);'),
    },
    {
      name: 'from real code (KurrentDB-Client-NodeJS): `cache && cache.has(k)` false: no cache, or none at the key — the set() replaces nothing',
      code: optionalCache('if (cache && cache.has(route)) return cache.get(route)!;'),
    },
    {
      name: 'keys: a local emptied after its value was ended and removed still names the place, so `!session` finds the key free on both paths',
      code: sessionPerPeer(ENDED_AND_REMOVED, 'to'),
    },
    {
      name: 'keys: the same, made and stored in place after the removal (which the flow follows as a drop of its own), beside a get-or-create elsewhere',
      code: sessionPerPeer(ENDED_AND_REMOVED, 'to')
        .replace(
          'if (!session) return this.createSession(to);',
          'if (!session) {\n      const made = new Session(to);\n      this.sessions.set(to, made);\n      return made;\n    }',
        )
        .replace(
          '  private createSession',
          '  open(to: string): void {\n    if (!this.sessions.has(to)) this.createSession(to);\n  }\n  private createSession',
        ),
    },
    {
      name: 'keys: a key read off a value just made (`session.to`) is the argument its constructor stored in that field',
      code: sessionPerPeer(ENDED_AND_REMOVED, 'session.to'),
    },
    {
      name: 'keys: the value read at the key into a local, or one made where it held nothing, stored again under that key, replaces nothing; so does the helper storing what its caller stores there',
      code: pollFoundOrMade('', 'poll', 'await probe(url);'),
    },
    {
      name: 'keys: the value a get-or-create method hands back for a key, stored again under that key, replaces nothing',
      code: repoStates('repository.rootUri.path'),
    },
    {
      name: 'keys alike: a key the first map lacks, the second lacks too, so its set() replaces nothing',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): Store {
  let store = stores.get(id);
  if (!store) {
    store = new Store(\`/data/\${id}.db\`);
    stores.set(id, store);
    watchers.set(id, watch(\`/data/\${id}.db\`));
  }
  return store;
}

export function close(id: string): void {
  stores.get(id)?.destroy();
  watchers.get(id)?.close();
  stores.delete(id);
  watchers.delete(id);
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  watchers.clear();
}
`,
    },
    {
      name: 'the pending open is cached instead, so overlapping callers share one socket',
      code: `import * as net from 'node:net';

declare function resolveHost(name: string): Promise<string>;

export class Connections {
  private readonly sockets = new Map<string, Promise<net.Socket>>();

  connect(name: string): Promise<net.Socket> {
    let pending = this.sockets.get(name);
    if (!pending) {
      pending = resolveHost(name).then((host) => net.connect(443, host));
      this.sockets.set(name, pending);
    }
    return pending;
  }
}
`,
    },
    {
      name: 'the key is looked up again after the await',
      code: `import * as net from 'node:net';

declare function resolveHost(name: string): Promise<string>;

export class Connections {
  private readonly sockets = new Map<string, net.Socket>();

  async connect(name: string): Promise<net.Socket> {
    const existing = this.sockets.get(name);
    if (existing) return existing;
    const host = await resolveHost(name);
    const raced = this.sockets.get(name);
    if (raced) return raced;
    const socket = net.connect(443, host);
    this.sockets.set(name, socket);
    return socket;
  }
}
`,
    },
    {
      name: 'a map made in this function is not shared while it awaits',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;

export async function watchAll(paths: string[]): Promise<Map<string, FSWatcher>> {
  const watchers = new Map<string, FSWatcher>();
  for (const path of paths) {
    if (watchers.has(path)) continue;
    const real = await realPath(path);
    watchers.set(path, watch(real));
  }
  return watchers;
}
`,
    },
    {
      name: 'an await before the look-up does not matter',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();

export async function watchOnce(path: string): Promise<void> {
  const real = await realPath(path);
  if (watchers.has(path)) return;
  watchers.set(path, watch(real));
}
`,
    },
    {
      name: 'a release before an await still counts after it',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();

export async function rewatch(path: string): Promise<void> {
  watchers.get(path)?.close();
  const real = await realPath(path);
  watchers.set(path, watch(real));
}
`,
    },
    {
      name: 'keys: a has() on the same key spelled through a local proves it absent',
      code: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(route: string) {
  const key = route;
  if (!meters.has(key)) meters.set(route, createMeter(route));
}`,
    },
    {
      name: "keys: an object a server's connection listener receives is a new key: no earlier entry can sit under it",
      code: `import http2 from 'node:http2';
export class Server {
  private readonly idle = new Map<http2.ServerHttp2Session, { timer: NodeJS.Timeout }>();
  listen(server: http2.Http2Server) {
    server.on('session', (session) => {
      this.idle.set(session, { timer: setTimeout(() => session.close(), 1000) });
      session.on('close', () => { clearTimeout(this.idle.get(session)?.timer); this.idle.delete(session); });
    });
  }
}
`,
    },
    {
      // vscode-js-debug debugTerminalUI.ts: each launcher's terminals are keyed by the terminal its creation event hands over.
      name: 'keys: the object an on…Created event hands over is a new key',
      code: `import { createPoller, type Poller } from './resources.js';
interface Terminal { readonly name: string }
interface Launcher { onTerminalCreated(listener: (terminal: Terminal) => void): void }
export class Terminals {
  private readonly pollers = new Map<Terminal, Poller>();
  watch(launcher: Launcher, url: string) {
    launcher.onTerminalCreated((terminal) => {
      this.pollers.set(terminal, createPoller(url));
    });
  }
  closed(terminal: Terminal) { this.pollers.get(terminal)?.close(); this.pollers.delete(terminal); }
}
`,
    },
    {
      // grpc-node server.ts: the session listener is made by a method and registered through a constant.
      name: 'keys: a session listener made by a private method, registered through a constant, receives a new key',
      code: `import http2 from 'node:http2';
export class Server {
  private readonly idle = new Map<http2.ServerHttp2Session, { timer: NodeJS.Timeout }>();
  listen(server: http2.Http2Server, traced: boolean) {
    const handler = traced ? this.tracedHandler() : this.sessionHandler();
    server.on('session', handler);
  }
  private sessionHandler() {
    return (session: http2.ServerHttp2Session) => this.track(session);
  }
  private tracedHandler() {
    return (session: http2.ServerHttp2Session) => {
      console.log('session');
      this.track(session);
    };
  }
  private track(session: http2.ServerHttp2Session) {
    this.idle.set(session, { timer: setTimeout(() => session.close(), 1000) });
    session.on('close', () => { clearTimeout(this.idle.get(session)?.timer); this.idle.delete(session); });
  }
}
`,
    },
    {
      name: 'keys: a private method every caller gives the connection its listener received sets a new key',
      code: sessionTracker('private '),
    },
    {
      name: 'the same health test asked twice of an unchanged subscriber: the healthy one continued, the other is stopped before the replace',
      code: `
import net from 'node:net';
class Subscriber {
  private socket: net.Socket | undefined;
  start(port: number) {
    this.socket = net.createConnection(port);
  }
  isHealthy(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }
  stop() {
    this.socket?.destroy();
  }
}
export class Group {
  private subscribers = new Map<string, Subscriber>();
  refresh(ports: Map<string, number>) {
    for (const [key, port] of ports) {
      const existing = this.subscribers.get(key);
      if (existing && existing.isHealthy()) {
        continue;
      }
      if (existing && !existing.isHealthy()) {
        existing.stop();
        this.subscribers.delete(key);
      }
      const subscriber = new Subscriber();
      subscriber.start(port);
      this.subscribers.set(key, subscriber);
    }
  }
}
`,
    },
    {
      name: 'a watch cancelled before its inner map deletes it; the inner map is dropped only once its size is 0',
      code: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.get(name)?.cancel();
    inner.delete(name);
    if (inner.size === 0) {
      this.byGroup.delete(group);
    }
  }
}
`,
    },
    {
      name: 'an array emptied with length = 0 only when its length says it is already empty',
      code: `
import net from 'node:net';
export class Pool {
  private sockets: net.Socket[] = [];
  add(port: number) {
    this.sockets.push(net.createConnection(port));
  }
  reset() {
    if (this.sockets.length === 0) {
      this.sockets.length = 0;
    }
  }
}`,
    },
    {
      name: 'a variable declared without a value and assigned once per branch drops nothing',
      code: `import { createMeter, type Meter } from './resources.js';
export function build(kind: 'a' | 'b'): Meter[] {
  let meters: Meter[] | undefined;
  if (kind === 'a') meters = [createMeter('a1'), createMeter('a2')];
  else meters = [createMeter('b1')];
  return meters;
}
`,
    },
    {
      name: 'a map created empty and filled by the callbacks of the same function has no earlier value',
      code: `import { createMeter, type Meter } from './resources.js';
export async function buildAll(routes: string[]): Promise<Record<string, Meter>> {
  const byRoute: Record<string, Meter> = {};
  await Promise.all(routes.map(async (route) => { byRoute[route] = createMeter(route); }));
  return byRoute;
}
`,
    },
    {
      name: 'a map created empty in the function and filled by callbacks over Object.entries() has no earlier value',
      code: `import { createMeter, type Meter } from './resources.js';
export async function buildAll(config: Record<string, string>): Promise<Record<string, Meter>> {
  const byRoute: Record<string, Meter> = {};
  await Promise.all(Object.entries(config).map(async ([route, url]) => { byRoute[route] = createMeter(url); }));
  return byRoute;
}
`,
    },
    {
      name: 'a key proven absent through a conditional look-up',
      code: `import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function ensure(id: string | undefined) {
  const existing = id ? meters.get(id) : undefined;
  if (!existing && id) meters.set(id, createMeter(id));
}
`,
    },
    {
      name: 'from real code (ioBroker.js-controller): the record a key already holds is stored again (`m[k] = m[k] || {}`)',
      code: keptOrMade('procs[instance._id] = procs[instance._id] || {};', ''),
    },
    {
      name: 'keys: the record a Map already holds at the key is stored again (`m.set(k, m.get(k) ?? {})`)',
      code: keptOrMade('', 'byId.set(instance._id, byId.get(instance._id) ?? {});'),
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
      name: 'from real code (tegg): a key that is the session id of a transport made just before, whose construction is handed no id',
      code: keepAliveBySession("new Transport('/messages', res)"),
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
      name: 'from real code (pixijs): a private method and a function of the module every caller calls only where the key is empty, keyed by a path from a parameter',
      code: groupCaches(''),
    },
    {
      name: 'from real code (pixijs): the right of `??` runs where the look-up found nothing',
      code: targetsByName('this.byName.get(name) ?? this.init(name)'),
    },
    {
      name: "from real code (matter.js): an index made from a counter object's next count, which wraps at 16 bits, marked by a constant bit",
      code: exchangeManager('this.#counter = (this.#counter + 1) & 0xffff;\n    return this.#counter;'),
    },
    {
      name: 'from real code (pixijs): an index the class only counts up, stepped before the store',
      code: pagedFont(''),
      options: [{ overwrites: 'possible' }],
    },
    {
      name: 'from real code (Oceanic): a key read from a field an object literal was made with, fresh there',
      code: nonceRequests(''),
    },
    {
      name: 'from real code (Oceanic): a container found undefined holds nothing to release',
      code: resetPending('if (this.pending !== undefined) for (const id in this.pending) clearTimeout(this.pending[id].timeout);'),
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
      name: 'from real code (vscode-languageserver-node): a public method whose every caller in the program passes a fresh id',
      code: watcherFeature(`export class Client {
  private readonly files = new FileWatchers();
  start(sources: Watcher[]): void {
    this.files.registerRaw(generateUuid(), sources);
  }
}`),
    },
    {
      name: 'from real code (vscode-pull-request-github): keyed by objects each turn of the one loop over a list of just-made ones hands over',
      code: folderListeners(`${madeManagers}
  for (const manager of managers) repos.insert(manager);`),
    },
    {
      name: 'keys: the same list of just-made objects handed over by its one forEach',
      code: folderListeners(`${madeManagers}
  managers.forEach((manager) => repos.insert(manager));`),
    },
    {
      name: 'keys: keyed by the objects of a literal list of new ones, a loop over it inserting each',
      code: folderListeners('for (const manager of [new FolderManager(roots[0]!), new FolderManager(roots[1]!)]) repos.insert(manager);'),
    },
    {
      name: 'keys: a public method whose only caller in the program gives it the connection its listener received',
      code: sessionTracker(''),
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
    ...['new Array<Meter>(routes.length)', 'Array<Meter>(routes.length * 2)', 'new Array<Meter>(8)'].map((made) => ({
      name: `a list made of holes in the same function (\`${made}\`) holds nothing to overwrite`,
      code: filledByIndex(made),
    })),
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
    reportedWithRelease(
      'keys: a stale value removed unclosed by a helper, by its own key, is reported there; the key it read is then free, so the set() after it replaces nothing',
      withDeleteSession(sessionPerPeer('this.deleteSession(session);\n      session = undefined;', 'session.to')),
      'this.sessions.delete(session.to);',
      'session.close();\n    ',
    ),
    reportedWithRelease(
      'keys: a local emptied while its value still sits at the key leaves the key taken',
      sessionPerPeer('session = undefined;', 'to'),
      'this.sessions.set(to, session);',
      'this.sessions.get(to)?.close();\n    ',
    ),
    reportedWithRelease(
      'keys: a field the class writes again after construction is not the argument its constructor stored',
      sessionPerPeer(ENDED_AND_REMOVED, 'session.to', 'rename(to: string): void {\n    (this as { to: string }).to = to;\n  }'),
      'this.sessions.set(session.to, session);',
      'this.sessions.get(session.to)?.close();\n    ',
    ),
    reportedWithRelease(
      'keys: an await between the look-up and the store lets another call fill the key',
      pollFoundOrMade('await probe(url);', 'poll', 'await probe(url);'),
      'this.polls.set(url, poll);',
      'if (this.polls.get(url) !== poll) clearInterval(this.polls.get(url)?.timer);\n    ',
    ),
    reportedWithRelease(
      'keys: a method called between the look-up and the store fills the key before it pauses',
      pollFoundOrMade('', 'poll', ''),
      'this.polls.set(url, poll);',
      'if (this.polls.get(url) !== poll) clearInterval(this.polls.get(url)?.timer);\n    ',
    ),
    {
      name: 'keys: the helper stores a record its caller does not store under that key',
      code: pollFoundOrMade('', '{ url }', 'await probe(url);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pollFoundOrMade('', '{ url }', 'await probe(url);').replace(
                '    this.polls.set(url, poll);\n  }\n  stop',
                '    if (this.polls.get(url) !== poll) clearInterval(this.polls.get(url)?.timer);\n    this.polls.set(url, poll);\n  }\n  stop',
              ),
            },
          ],
        },
      ],
    },
    linkOverwritten('keys: a key field computed by a method that counts is another key than the one looked up', {
      keyOf: 'return `${data.id}${this.count++}`;',
    }),
    linkOverwritten("keys: a key field computed by a method reading the object's state is not known to be the key looked up", {
      keyOf: 'return `${this.count}${data.id}`;',
    }),
    linkOverwritten(
      'keys: a key field changed after the record was made no longer names the key looked up',
      { between: '\n    entry.key = data.id;' },
      'if (this.byKey.get(entry.key) !== entry) ',
    ),
    {
      name: 'from real code (pixijs), twin: another method also empties the field without destroying, so an empty field says nothing of the data',
      code: gpuTextureData(unloadedData),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 29,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: gpuTextureData(unloadedData).replace(
                '    source.gpuData[this.uid] = new GpuData(texture);',
                '    source.gpuData[this.uid]?.destroy();\n    source.gpuData[this.uid] = new GpuData(texture);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (lib-jitsi-meet), twin: a second test that is not the flag (the set may run where no look-up was made)',
      code: tracksBySsrc('ssrc > 0'),
      errors: [{ messageId: 'unreleasedDropWhen', line: 15 }],
    },
    {
      name: 'from real code (lib-jitsi-meet), twin: an async method that awaits between the two tests may see the flag change',
      code: tracksBySsrc('FeatureFlags.isSsrcRewritingSupported()', 'async ', 'await Promise.resolve();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: tracksBySsrc('FeatureFlags.isSsrcRewritingSupported()', 'async ', 'await Promise.resolve();').replace(
                '      this.bySsrc.set(ssrc, track);',
                '      if (this.bySsrc.get(ssrc) !== track) this.bySsrc.get(ssrc)?.stop();\n      this.bySsrc.set(ssrc, track);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (tegg): a session id a transport is made with (a constructor parameter of that name) may come again',
      code: keepAliveBySession('new NamedTransport(requestedId, res)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: keepAliveBySession('new NamedTransport(requestedId, res)').replace(
                '  keepAlive.set(id,',
                '  clearInterval(keepAlive.get(id));\n  keepAlive.set(id,',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (tegg): the id of a transport whose construction is handed an id-named argument may come again',
      code: keepAliveBySession('new Transport(`/messages/${requestedId}`, res)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: keepAliveBySession('new Transport(`/messages/${requestedId}`, res)').replace(
                '  keepAlive.set(id,',
                '  clearInterval(keepAlive.get(id));\n  keepAlive.set(id,',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an id another object's event hands over may be taken: the transport and the server stored under it may replace a session's",
      code: sessionTransports(storedByOtherEvent),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: sessionTransports(storedByOtherEvent).replace(
                '        this.transports[id] = transport;',
                '        if (this.transports[id] !== transport) void this.transports[id]?.close();\n        this.transports[id] = transport;',
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
              output: sessionTransports(storedByOtherEvent).replace(
                '        this.servers[id] = server;',
                '        if (this.servers[id] !== server) void this.servers[id]?.close();\n        this.servers[id] = server;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (sandpack): a client made for each id listed from a registry that outlives the run is stored over the last run’s',
      code: clientRunner(),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: clientRunner().replace('      this.clients[id] = await', '      this.clients[id]?.stop();\n      this.clients[id] = await'),
            },
          ],
        },
      ],
    },
    {
      name: 'a counter method that hands back its count without stepping it gives the same index twice: the store may replace an exchange',
      code: exchangeManager('return this.#counter;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: exchangeManager('return this.#counter;').replace(
                '    this.#exchanges.set(exchangeIndex, exchange);',
                '    if (this.#exchanges.get(exchangeIndex) !== exchange) this.#exchanges.get(exchangeIndex)?.stop();\n    this.#exchanges.set(exchangeIndex, exchange);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the view kept at another key, or a new one, stored over whatever this key held',
      code: shownViews('views[otherId] ? views[otherId] : createMeter(tabId)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: shownViews('views[otherId] ? views[otherId] : createMeter(tabId)').replace(
                '  views[tabId] = view;',
                '  if (views[tabId] !== view) views[tabId]?.stop();\n  views[tabId] = view;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a slot set to null may be filled by another call while this one awaits: the delete after the await is reported as that race',
      code: nulledThenDeleted('await flush();\n    '),
      errors: [
        {
          messageId: 'unreleasedRemovalAfterAwait',
          line: 15,
          data: { type: 'Socket', container: 'this.sockets', operation: 'the `delete` operator', release: '`destroy()`', line: '14' },
          suggestions: [{ messageId: 'releaseBeforeDrop', output: nulledThenDeleted('await flush();\n    this.sockets[id]?.destroy();\n    ') }],
        },
      ],
    },
    {
      name: 'a set of keys in flight that is tested but never given the key claims nothing',
      code: claimedWatch(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: claimedWatch('').replace('      watchers.set(path', '      watchers.get(path)?.close();\n      watchers.set(path'),
            },
          ],
        },
      ],
    },
    {
      name: 'a claim made only after the await comes too late: another call may be past its look-up already',
      code: claimedAwait('', 'opening.add(path);'),
      errors: [
        {
          messageId: 'unreleasedDropAfterAwait',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: claimedAwait('', 'opening.add(path);').replace('    watchers.set(path', '    watchers.get(path)?.close();\n    watchers.set(path'),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (vscode-css-peek): a `has()` in the function before its `.then()` continuation says the folder comes back, and the set there replaces a running client',
      code: clientPerFolder('if (clients.has(folder)) return;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: clientPerFolder('if (clients.has(folder)) return;').replace(
                '    clients.set(folder, client);',
                '    if (clients.get(folder) !== client) void clients.get(folder)?.stop();\n    clients.set(folder, client);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (KurrentDB-Client-NodeJS): `cache && cache.has(k)` true goes on to the set(): the meter there is replaced',
      code: optionalCache('if (cache && cache.has(route)) console.log(route);'),
      errors: [{ messageId: 'unreleasedDropWhen', line: 5, suggestions: [] }],
    },
    {
      name: 'from real code (lib-jitsi-meet): a condition asked again around the drop with the other answer names no path that reaches it, so the message states none',
      code: rewritingFlag('flags.rewriting()'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: rewritingFlag('flags.rewriting()').replace(
                '    if (flags.rewriting()) this.bySsrc.set(ssrc, meter);',
                '    if (flags.rewriting()) { if (this.bySsrc.get(ssrc) !== meter) this.bySsrc.get(ssrc)?.stop(); this.bySsrc.set(ssrc, meter); }',
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: rewritingFlag('flags.rewriting()').replace(
                '    else this.byOwner.set(owner, [meter]);',
                '    else { for (const inner of this.byOwner.get(owner) ?? []) inner.stop(); this.byOwner.set(owner, [meter]); }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (lib-jitsi-meet): under another condition the drop is reached on the path the message names',
      code: rewritingFlag('flags.legacy()'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 11,
          data: {
            because: '',
            type: 'Meter',
            container: 'this.bySsrc',
            operation: '`set()` over an existing key',
            release: '`stop()`',
            when: '`flags.rewriting()` is false',
          },
          suggestions: [],
        },
        {
          messageId: 'unreleasedDropWhen',
          line: 12,
          data: {
            because: '',
            type: 'Meter[]',
            container: 'this.byOwner',
            operation: '`set()` over an existing key',
            release: '`stop()` on each value',
            when: '`flags.rewriting()` is true',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an index the class also sets back may come round to a page already stored',
      code: pagedFont('reset(): void { this.currentPage = -1; }'),
      options: [{ overwrites: 'possible' }],
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pagedFont('reset(): void { this.currentPage = -1; }').replace(
                '    this.pages[this.currentPage] = page;',
                '    if (this.pages[this.currentPage] !== page) this.pages[this.currentPage]?.stop();\n    this.pages[this.currentPage] = page;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the right of `&&` runs where the look-up found a value',
      code: targetsByName('this.byName.get(name) && this.init(name)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: targetsByName('this.byName.get(name) && this.init(name)').replace(
                '    this.byName.set(name, target);',
                '    if (this.byName.get(name) !== target) this.byName.get(name)?.stop();\n    this.byName.set(name, target);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an insertion method that returns what it stored, with one caller that does not look first',
      code: groupCaches('resize(texture: Texture): void { this.createGroup(texture); }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: groupCaches('resize(texture: Texture): void { this.createGroup(texture); }').replace(
                '    this.groups[texture.uid] = group;',
                '    if (this.groups[texture.uid] !== group) this.groups[texture.uid]?.stop();\n    this.groups[texture.uid] = group;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a fresh field of an object literal written again with a caller's id may be taken",
      code: nonceRequests('if (given) opts.nonce = given;'),
      errors: [{ messageId: 'unreleasedDrop', line: 9 }],
    },
    {
      name: 'a container that is there when the test says it is undefined',
      code: resetPending('if (this.pending === undefined) return;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: resetPending(
                'if (this.pending === undefined) return;\n    if (this.pending) for (const value of Object.values(this.pending)) clearTimeout(value.timeout);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'keys: the same value stored under another key may replace what that key holds',
      code: repoStates('repository.name'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: repoStates('repository.name').replace(
                '    this.states.set(repository.name, state);',
                '    if (this.states.get(repository.name) !== state) this.states.get(repository.name)?.cache?.dispose();\n    this.states.set(repository.name, state);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'keys: the record of another key stored under this one replaces the one there',
      code: keptOrMade('procs[instance._id] = procs[instance.group] || {};', ''),
      errors: [{ messageId: 'unreleasedDrop', line: 11 }],
    },
    {
      name: 'keys: the record a Map holds at another key stored under this one replaces the one there',
      code: keptOrMade('', 'byId.set(instance._id, byId.get(instance.group) ?? {});'),
      errors: [{ messageId: 'unreleasedDrop', line: 12 }],
    },
    {
      name: 'a list made with one element: writing by index may replace it',
      code: filledByIndex("new Array<Meter>(createMeter('/'))"),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: filledByIndex("new Array<Meter>(createMeter('/'))", '{ meters[i]?.stop(); meters[i] = createMeter(routes[i]!); }'),
            },
          ],
        },
      ],
    },
    {
      name: 'a public method one of whose callers passes the same id each time',
      code: watcherFeature(reusingCaller),
      errors: [
        { messageId: 'unreleasedDrop', line: 10, suggestions: [{ messageId: 'releaseBeforeDrop', output: watcherFeature(reusingCaller, releasedStore) }] },
      ],
    },
    reportedFolderListeners(
      'keyed by objects, but a second loop over the same list of made objects hands each over again',
      `${madeManagers}
  for (const manager of managers) repos.insert(manager);
  for (const manager of managers) repos.insert(manager);`,
    ),
    reportedFolderListeners(
      'keyed by objects, a forEach and a loop over the same list of made objects each handing them over',
      `${madeManagers}
  managers.forEach((manager) => repos.insert(manager));
  for (const manager of managers) repos.insert(manager);`,
    ),
    reportedFolderListeners(
      'keyed by objects a loop takes from a list of ones another registry already holds',
      'for (const manager of roots.map((root) => known.get(root)!)) repos.insert(manager);',
    ),
    {
      name: 'a public method the program never calls: its callers are not known',
      code: watcherFeature(''),
      errors: [{ messageId: 'unreleasedDrop', line: 10, suggestions: [{ messageId: 'releaseBeforeDrop', output: watcherFeature('', releasedStore) }] }],
    },
    {
      name: 'fresh ids from the calls, but the method is also handed on as a value: its other calls are not known',
      code: watcherFeature(handingCaller),
      errors: [
        { messageId: 'unreleasedDrop', line: 10, suggestions: [{ messageId: 'releaseBeforeDrop', output: watcherFeature(handingCaller, releasedStore) }] },
      ],
    },
    {
      name: 'keys alike: a key this function deleted from the first map is still in the second until its own delete',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): void {
  if (stores.has(id)) return;
  stores.set(id, new Store(\`/data/\${id}.db\`));
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function forget(id: string): void {
  stores.get(id)?.destroy();
  stores.delete(id);
  watchers.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): void {
  if (stores.has(id)) return;
  stores.set(id, new Store(\`/data/\${id}.db\`));
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function forget(id: string): void {
  stores.get(id)?.destroy();
  stores.delete(id);
  watchers.get(id)?.close();
  watchers.delete(id);
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'keys alike: the second map also gains keys the first never has, so the guard on the first proves nothing',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): Store {
  let store = stores.get(id);
  if (!store) {
    store = new Store(\`/data/\${id}.db\`);
    stores.set(id, store);
    watchers.set(id, watch(\`/data/\${id}.db\`));
  }
  return store;
}

export function watchOnly(id: string): void {
  watchers.get(id)?.close();
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  watchers.clear();
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): Store {
  let store = stores.get(id);
  if (!store) {
    store = new Store(\`/data/\${id}.db\`);
    stores.set(id, store);
    watchers.get(id)?.close();
    watchers.set(id, watch(\`/data/\${id}.db\`));
  }
  return store;
}

export function watchOnly(id: string): void {
  watchers.get(id)?.close();
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  watchers.clear();
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `set()` over an existing key without `close()`.
        {
          messageId: 'unreleasedDrop',
          line: 32,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): Store {
  let store = stores.get(id);
  if (!store) {
    store = new Store(\`/data/\${id}.db\`);
    stores.set(id, store);
    watchers.set(id, watch(\`/data/\${id}.db\`));
  }
  return store;
}

export function watchOnly(id: string): void {
  watchers.get(id)?.close();
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  for (const value of watchers.values()) value.close();
  watchers.clear();
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `clear()` without `close()`.
      ],
    },
    {
      name: 'keys alike: the first map loses a key the second keeps, so a loop over the first does not reach every watcher',
      options: [{ overwrites: 'possible' }],
      code: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): void {
  if (stores.has(id)) return;
  stores.set(id, new Store(\`/data/\${id}.db\`));
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function evictStore(id: string): void {
  stores.get(id)?.destroy();
  stores.delete(id);
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  watchers.clear();
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): void {
  if (stores.has(id)) return;
  stores.set(id, new Store(\`/data/\${id}.db\`));
  watchers.get(id)?.close();
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function evictStore(id: string): void {
  stores.get(id)?.destroy();
  stores.delete(id);
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  watchers.clear();
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `set()` over an existing key without `close()`.
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare class Store {
  constructor(path: string);
  destroy(): void;
}

const stores = new Map<string, Store>();
const watchers = new Map<string, FSWatcher>();

export function open(id: string): void {
  if (stores.has(id)) return;
  stores.set(id, new Store(\`/data/\${id}.db\`));
  watchers.set(id, watch(\`/data/\${id}.db\`));
}

export function evictStore(id: string): void {
  stores.get(id)?.destroy();
  stores.delete(id);
}

export function closeAll(): void {
  for (const [id, store] of stores) {
    store.destroy();
    watchers.get(id)?.close();
  }
  stores.clear();
  for (const value of watchers.values()) value.close();
  watchers.clear();
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `clear()` without `close()`.
      ],
    },
    {
      name: 'a cache miss, then an await, then set() on a field map: another call can fill the key meanwhile',
      code: `import * as net from 'node:net';

declare function resolveHost(name: string): Promise<string>;

export class Connections {
  private readonly sockets = new Map<string, net.Socket>();

  async connect(name: string): Promise<net.Socket> {
    let socket = this.sockets.get(name);
    if (!socket) {
      const host = await resolveHost(name);
      socket = net.connect(443, host);
      this.sockets.set(name, socket);
    }
    return socket;
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDropAfterAwait',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

declare function resolveHost(name: string): Promise<string>;

export class Connections {
  private readonly sockets = new Map<string, net.Socket>();

  async connect(name: string): Promise<net.Socket> {
    let socket = this.sockets.get(name);
    if (!socket) {
      const host = await resolveHost(name);
      socket = net.connect(443, host);
      if (this.sockets.get(name) !== socket) this.sockets.get(name)?.destroy();
      this.sockets.set(name, socket);
    }
    return socket;
  }
}
`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `set()` over an existing key without `destroy()`: another call can fill the key during the `await` on line 11.
      ],
    },
    {
      name: 'a continuation storing at a key the function emptied before it started: reported as the race before the continuation runs',
      code: CONTINUATION_AFTER_DELETE,
      errors: [
        {
          messageId: 'unreleasedDropAfterThen',
          line: 10,
          data: { type: 'Socket', container: 'sockets', replacement: '`set()`', release: '`destroy()`', line: '9' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: CONTINUATION_AFTER_DELETE.replace(
                '    sockets.set(host, socket);',
                '    if (sockets.get(host) !== socket) sockets.get(host)?.destroy();\n    sockets.set(host, socket);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'its twin: a continuation storing at a key the function only looked at is an overwrite of what may be there',
      code: CONTINUATION_AFTER_LOOK,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          data: { type: 'Socket', container: 'sockets', operation: '`set()` over an existing key', release: '`destroy()`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: CONTINUATION_AFTER_LOOK.replace(
                '    sockets.set(host, socket);',
                '    if (sockets.get(host) !== socket) sockets.get(host)?.destroy();\n    sockets.set(host, socket);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'its twin: a delete under a test that does not read the key leaves it possibly taken, an overwrite',
      code: CONTINUATION_AFTER_FLAGGED_DELETE,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: CONTINUATION_AFTER_FLAGGED_DELETE.replace(
                'if (closing) sockets.delete(host);',
                'if (closing) { sockets.get(host)?.destroy(); sockets.delete(host); }',
              ),
            },
          ],
        },
        {
          messageId: 'unreleasedDrop',
          line: 8,
          data: { type: 'Socket', container: 'sockets', operation: '`set()` over an existing key', release: '`destroy()`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: CONTINUATION_AFTER_FLAGGED_DELETE.replace(
                '    sockets.set(host, socket);',
                '    if (sockets.get(host) !== socket) sockets.get(host)?.destroy();\n    sockets.set(host, socket);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an await on one branch only: the set() is reported as the race at that await, not as an overwrite under that branch',
      code: loadedOnBranch('watch(await realPath(path))'),
      errors: [
        {
          messageId: 'unreleasedDropAfterAwait',
          line: 14,
          data: { type: 'FSWatcher', container: 'watchers', replacement: '`set()`', release: '`close()`', line: '10' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: loadedOnBranch('watch(await realPath(path))').replace(
                '  watchers.set(path, watcher);',
                '  if (follow) if (watchers.get(path) !== watcher) watchers.get(path)?.close();\n  watchers.set(path, watcher);',
              ),
            },
          ],
        },
      ],
    },
    racedHandler('object'),
    racedHandler('string'),
    {
      name: 'a module map checked with has() before an await',
      code: `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();

export async function watchOnce(path: string): Promise<void> {
  if (watchers.has(path)) return;
  const real = await realPath(path);
  watchers.set(path, watch(real));
}
`,
      errors: [
        {
          messageId: 'unreleasedDropAfterAwait',
          line: 9,
          data: { type: 'FSWatcher', container: 'watchers', replacement: '`set()`', release: '`close()`', line: '8' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { watch, type FSWatcher } from 'node:fs';

declare function realPath(path: string): Promise<string>;
const watchers = new Map<string, FSWatcher>();

export async function watchOnce(path: string): Promise<void> {
  if (watchers.has(path)) return;
  const real = await realPath(path);
  watchers.get(path)?.close();
  watchers.set(path, watch(real));
}
`,
            },
          ],
        }, // FSWatcher in `watchers` is dropped by `set()` over an existing key without `close()`: another call can fill the key during the `await` on line 8.
      ],
    },
    {
      name: 'keys: a has() on another key does not prove this one absent',
      code: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(route: string, previous: string) {
  const key = previous;
  if (!meters.has(key)) meters.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(route: string, previous: string) {
  const key = previous;
  if (!meters.has(key)) { meters.get(route)?.stop(); meters.set(route, createMeter(route)); }
}`,
            },
          ],
        }, // Meter in `meters` is dropped by `set()` over an existing key without `stop()`.
      ],
    },
    {
      name: 'keys: a has() through a local made before the key changed does not prove the new key absent',
      code: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(first: string, second: string) {
  let route = first;
  const key = route;
  route = second;
  if (!meters.has(key)) meters.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(first: string, second: string) {
  let route = first;
  const key = route;
  route = second;
  if (!meters.has(key)) { meters.get(route)?.stop(); meters.set(route, createMeter(route)); }
}`,
            },
          ],
        }, // Meter in `meters` is dropped by `set()` over an existing key without `stop()`.
      ],
    },
    {
      name: 'keys: a listener made by a private method that is also called with a session seen before can replace an entry',
      code: `import http2 from 'node:http2';
export class Server {
  private readonly idle = new Map<http2.ServerHttp2Session, { timer: NodeJS.Timeout }>();
  listen(server: http2.Http2Server, known: http2.ServerHttp2Session) {
    const handler = this.sessionHandler();
    server.on('session', handler);
    handler(known);
  }
  private sessionHandler() {
    return (session: http2.ServerHttp2Session) => {
      this.idle.set(session, { timer: setTimeout(() => session.close(), 1000) });
    };
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
              output: `import http2 from 'node:http2';
export class Server {
  private readonly idle = new Map<http2.ServerHttp2Session, { timer: NodeJS.Timeout }>();
  listen(server: http2.Http2Server, known: http2.ServerHttp2Session) {
    const handler = this.sessionHandler();
    server.on('session', handler);
    handler(known);
  }
  private sessionHandler() {
    return (session: http2.ServerHttp2Session) => {
      clearTimeout(this.idle.get(session)?.timer);
      this.idle.set(session, { timer: setTimeout(() => session.close(), 1000) });
    };
  }
}
`,
            },
          ],
        },
      ],
    },
    ...['', 'private '].map((visibility) => ({
      name: `keys: a ${visibility || 'public '}method also called again with a connection it has seen: its set() can replace an entry`,
      code: sessionTracker(visibility, trackedAgain),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 11,
          suggestions: [
            { messageId: 'releaseBeforeDrop' as const, output: sessionTracker(visibility, trackedAgain, 'clearTimeout(this.idle.get(session)?.timer);\n    ') },
          ],
        }, // { timer: Timeout; } in `this.idle` is dropped by `set()` over an existing key without `clearTimeout()` on `timer`.
      ],
    })),
    {
      name: 'keys: a name read from the object an on…Created event hands over may be taken already',
      options: [{ overwrites: 'possible' }],
      code: `import { createPoller, type Poller } from './resources.js';
interface Terminal { readonly name: string }
interface Launcher { onTerminalCreated(listener: (terminal: Terminal) => void): void }
export class Terminals {
  private readonly pollers = new Map<string, Poller>();
  watch(launcher: Launcher, url: string) {
    launcher.onTerminalCreated((terminal) => {
      this.pollers.set(terminal.name, createPoller(url));
    });
  }
  closed(terminal: Terminal) { this.pollers.get(terminal.name)?.close(); this.pollers.delete(terminal.name); }
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
interface Terminal { readonly name: string }
interface Launcher { onTerminalCreated(listener: (terminal: Terminal) => void): void }
export class Terminals {
  private readonly pollers = new Map<string, Poller>();
  watch(launcher: Launcher, url: string) {
    launcher.onTerminalCreated((terminal) => {
      void this.pollers.get(terminal.name)?.close();
      this.pollers.set(terminal.name, createPoller(url));
    });
  }
  closed(terminal: Terminal) { this.pollers.get(terminal.name)?.close(); this.pollers.delete(terminal.name); }
}
`,
            },
          ],
        }, // Poller in \`this.pollers\` is dropped by \`set()\` over an existing key without \`close()\`.
      ],
    },
    {
      name: 'keys: the object a change event hands over may be one seen before',
      code: `import { createPoller, type Poller } from './resources.js';
interface Editor { readonly id: string }
interface Window { onDidChangeActiveEditor(listener: (editor: Editor) => void): void }
export class Editors {
  private readonly pollers = new Map<Editor, Poller>();
  watch(window: Window, url: string) {
    window.onDidChangeActiveEditor((editor) => {
      this.pollers.set(editor, createPoller(url));
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
interface Editor { readonly id: string }
interface Window { onDidChangeActiveEditor(listener: (editor: Editor) => void): void }
export class Editors {
  private readonly pollers = new Map<Editor, Poller>();
  watch(window: Window, url: string) {
    window.onDidChangeActiveEditor((editor) => {
      void this.pollers.get(editor)?.close();
      this.pollers.set(editor, createPoller(url));
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
      name: 'lists: a variable declared without a value and assigned twice drops the first list',
      code: `
import { createMeter, type Meter } from './resources.js';
export function build(routes: string[]): Meter[] {
  let meters: Meter[] | undefined;
  meters = routes.map((route) => createMeter(route));
  meters = routes.map((route) => createMeter(route + '/v2'));
  return meters;
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import { createMeter, type Meter } from './resources.js';
export function build(routes: string[]): Meter[] {
  let meters: Meter[] | undefined;
  meters = routes.map((route) => createMeter(route));
  if (meters) for (const value of meters) value.stop();
  meters = routes.map((route) => createMeter(route + '/v2'));
  return meters;
}`,
            },
          ],
        }, // Meter in `meters` is dropped by reassigning the container without `stop()`.
      ],
    },
    {
      name: 'a module-level map filled by the callbacks of a function may hold meters from an earlier call: each assignment can replace one',
      options: [{ overwrites: 'possible' }],
      code: `import { createMeter, type Meter } from './resources.js';
const byRoute: Record<string, Meter> = {};
export async function buildAll(config: Record<string, string>): Promise<void> {
  await Promise.all(Object.entries(config).map(async ([route, url]) => { byRoute[route] = createMeter(url); }));
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Meter', container: 'byRoute', operation: 'assignment over an existing key', release: '`stop()`' },
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { createMeter, type Meter } from './resources.js';
const byRoute: Record<string, Meter> = {};
export async function buildAll(config: Record<string, string>): Promise<void> {
  await Promise.all(Object.entries(config).map(async ([route, url]) => { byRoute[route]?.stop();
  byRoute[route] = createMeter(url); }));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a field map filled by the callbacks of a method may hold meters from an earlier call: each assignment can replace one',
      options: [{ overwrites: 'possible' }],
      code: `import { createMeter, type Meter } from './resources.js';
export class Meters {
  private byRoute: Record<string, Meter> = {};
  async buildAll(config: Record<string, string>): Promise<void> {
    await Promise.all(Object.entries(config).map(async ([route, url]) => { this.byRoute[route] = createMeter(url); }));
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Meter', container: 'this.byRoute', operation: 'assignment over an existing key', release: '`stop()`' },
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { createMeter, type Meter } from './resources.js';
export class Meters {
  private byRoute: Record<string, Meter> = {};
  async buildAll(config: Record<string, string>): Promise<void> {
    await Promise.all(Object.entries(config).map(async ([route, url]) => { this.byRoute[route]?.stop();
    this.byRoute[route] = createMeter(url); }));
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'keys: a conditional lookup whose miss is not tested before set() does not prove the key absent',
      code: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(route: string | undefined) {
  const existing = route ? meters.get(route) : undefined;
  console.log(existing);
  if (route) meters.set(route, createMeter(route));
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import { createMeter, type Meter } from './resources.js';
const meters = new Map<string, Meter>();
export function track(route: string | undefined) {
  const existing = route ? meters.get(route) : undefined;
  console.log(existing);
  if (route) { meters.get(route)?.stop(); meters.set(route, createMeter(route)); }
}`,
            },
          ],
        }, // Meter in `meters` is dropped by `set()` over an existing key without `stop()`.
      ],
    },
    {
      name: 'the same health test asked twice with a call on the subscriber in between: the answer may have changed',
      code: `
import net from 'node:net';
class Subscriber {
  private socket: net.Socket | undefined;
  start(port: number) {
    this.socket = net.createConnection(port);
  }
  isHealthy(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }
  stop() {
    this.socket?.destroy();
  }
}
export class Group {
  private subscribers = new Map<string, Subscriber>();
  refresh(ports: Map<string, number>) {
    for (const [key, port] of ports) {
      const existing = this.subscribers.get(key);
      if (existing && existing.isHealthy()) {
        continue;
      }
      existing?.start(port);
      if (existing && !existing.isHealthy()) {
        existing.stop();
        this.subscribers.delete(key);
      }
      const subscriber = new Subscriber();
      subscriber.start(port);
      this.subscribers.set(key, subscriber);
    }
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: 30,
          suggestions: [],
        }, // Subscriber in `this.subscribers` is dropped by `set()` over an existing key without `stop()` when `existing && !existing.isHealthy()` is false.
      ],
    },
    {
      name: 'a watch whose timer field starts as null, deleted from an inner map without cancel(); the inner map is dropped only once its size is 0',
      code: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.delete(name);
    if (inner.size === 0) {
      this.byGroup.delete(group);
    }
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.get(name)?.cancel();
    inner.delete(name);
    if (inner.size === 0) {
      this.byGroup.delete(group);
    }
  }
}
`,
            },
          ],
        }, // Watch in `inner` is dropped by `delete()` without `cancel()`.
      ],
    },
    {
      name: 'an inner map of watches dropped while its size is above 0',
      code: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.delete(name);
    if (inner.size > 0) {
      this.byGroup.delete(group);
    }
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.get(name)?.cancel();
    inner.delete(name);
    if (inner.size > 0) {
      this.byGroup.delete(group);
    }
  }
}
`,
            },
          ],
        }, // Watch in `inner` is dropped by `delete()` without `cancel()`.
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
class Watch {
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.timer ??= setTimeout(() => {}, 15000);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
export class Subscriptions {
  private byGroup = new Map<string, Map<string, Watch>>();
  watch(group: string, name: string) {
    let inner = this.byGroup.get(group);
    if (!inner) {
      inner = new Map();
      this.byGroup.set(group, inner);
    }
    if (inner.has(name)) return;
    const watch = new Watch();
    watch.start();
    inner.set(name, watch);
  }
  unwatch(group: string, name: string) {
    const inner = this.byGroup.get(group);
    if (!inner) return;
    inner.delete(name);
    if (inner.size > 0) {
      for (const inner of this.byGroup.get(group)?.values() ?? []) inner.cancel();
      this.byGroup.delete(group);
    }
  }
}
`,
            },
          ],
        }, // Map<string, Watch> in `this.byGroup` is dropped by `delete()` without `cancel()` on each value.
      ],
    },
    {
      name: 'an array emptied with length = 0 when its length is not zero',
      code: `
import net from 'node:net';
export class Pool {
  private sockets: net.Socket[] = [];
  add(port: number) {
    this.sockets.push(net.createConnection(port));
  }
  reset() {
    if (this.sockets.length !== 0) {
      this.sockets.length = 0;
    }
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
  private sockets: net.Socket[] = [];
  add(port: number) {
    this.sockets.push(net.createConnection(port));
  }
  reset() {
    if (this.sockets.length !== 0) {
      for (const value of this.sockets) value.destroy();
      this.sockets.length = 0;
    }
  }
}`,
            },
          ],
        }, // Socket in `this.sockets` is dropped by `length = 0` without `destroy()`.
      ],
    },
    {
      name: 'a value stored under a property that names something else (userId): a second connection of a user replaces the first',
      options: [{ overwrites: 'possible' }],
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
    this.byUser.get(connection.userId)?.close();
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
      name: 'a private insertion method with one caller that does not check',
      options: [{ overwrites: 'possible' }],
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
  ],
});
