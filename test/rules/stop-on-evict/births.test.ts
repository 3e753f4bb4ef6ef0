// stop-on-evict — where an obligation is born: a factory, a start() after construction, a record armed
// after insertion, a timer whatever its type says, a nested container, another module.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, fixturesDir, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();
/** A module of helpers whose callers live in `shared/forgetCallers.ts`: linted under its own name. */
const FORGET_MODULE = path.join(fixturesDir, 'shared', 'forget.ts');
const FORGET_SOURCE = readFileSync(FORGET_MODULE, 'utf8');

/** A module's pollers, and the function that fills them. */
const WATCHED_POLLERS = `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
`;
const WATCH_POLLER = `export function watch(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
`;
/** The same module with a helper that empties the map it is handed. */
const CLEARED_BY_HELPER = `${WATCHED_POLLERS}function clearIn(map: Map<string, Poller>) { map.clear(); }
${WATCH_POLLER}`;

/**
 * From real code (trigger.dev): a reader per chat, cancelled through its AbortController. `send()`
 * aborts the chat's reader before it subscribes again; `act` is what `act()` does first, `dispose`
 * what the transport does at its end.
 */
const chatReaders = (act: string, dispose: string): string => `
declare function readChat(chatId: string, signal: AbortSignal): Promise<void>;
export class ChatTransport {
  private readonly readers = new Map<string, AbortController>();
  send(chatId: string): void {
    const active = this.readers.get(chatId);
    if (active) {
      active.abort();
      this.readers.delete(chatId);
    }
    this.subscribe(chatId);
  }
  act(chatId: string): void {
    ${act}
    this.subscribe(chatId);
  }
  private subscribe(chatId: string): void {
    const controller = new AbortController();
    this.readers.set(chatId, controller);
    void readChat(chatId, controller.signal);
  }
  dispose(): void {
    ${dispose}
  }
}
`;

const abortAll = 'for (const controller of this.readers.values()) controller.abort();\n    this.readers.clear();';

/** From real code (rrweb): the cleanups of observers a manager starts, each run inside `call` before the list is replaced. */
const restoreHandlers = (call: string): string => `
declare function observeScroll(onScroll: () => void): () => void;
export class ShadowManager {
  private restoreHandlers: (() => void)[] = [];
  observe(): void {
    this.restoreHandlers.push(observeScroll(() => {}));
  }
  pause(): void {
    for (const handler of this.restoreHandlers) handler();
  }
  reset(): void {
    this.restoreHandlers.forEach((handler) => {
      try {
        ${call};
      } catch {
        // one failing cleanup must not stop the others
      }
    });
    this.restoreHandlers = [];
  }
}`;

/** From real code (amqp-client.js): a get-or-create that stores `stored` through an assignment expression. */
const storedByAssignment = (stored: string): string => `
import type { Watcher } from './resources.js';
declare function openWatcher(name: string): Watcher;
export class Watchers {
  private watchers = new Map<string, Watcher>();
  get(name: string, given: Watcher): Watcher {
    let watcher = this.watchers.get(name);
    if (!watcher) this.watchers.set(name, (watcher = ${stored}));
    return watcher;
  }
  forget(name: string): void {
    this.watchers.delete(name);
  }
}`;

/**
 * From real code (apollo-client's batching): batches kept per key are fresh sets; `consume` is the
 * body that takes one out and subscribes it.
 */
const batchesByKey = (consume: string): string => `
interface Subscription { unsubscribe(): void }
declare function send(requests: string[]): { subscribe(next: () => void): Subscription };
type Batch = Set<string> & { subscription?: Subscription };
export class Batcher {
  private batches = new Map<string, Batch>();
  enqueue(key: string, request: string): void {
    let batch = this.batches.get(key);
    if (!batch) this.batches.set(key, (batch = new Set()));
    batch.add(request);
  }
  consume(key: string): void {
    const batch = this.batches.get(key);
    if (!batch) return;
    ${consume}
  }
}`;

/**
 * From real code (signalk-server): a stream's clients are kept in a set per stream id; ending the
 * stream walks the set and closes each client's socket before the entry goes.
 */
const streamClients = (perClient: string): string => `
declare class WebSocket {
  close(code?: number, reason?: string): void;
  send(data: string): void;
}
interface StreamClient {
  ws: WebSocket;
  since: number;
}
export class Streams {
  private readonly clients = new Map<string, Set<StreamClient>>();
  add(streamId: string, ws: WebSocket): void {
    let clients = this.clients.get(streamId);
    if (!clients) {
      clients = new Set();
      this.clients.set(streamId, clients);
    }
    clients.add({ ws, since: Date.now() });
  }
  end(streamId: string): void {
    const clients = this.clients.get(streamId);
    if (clients) {
      for (const client of clients) {
        ${perClient}
      }
      this.clients.delete(streamId);
    }
  }
}
`;

/**
 * From real code (node-opcua, server_end_point.ts): the abort listener of each channel, kept in a
 * table keyed by the channel (a `kind` of map) until the channel is registered or aborts.
 */
const abortListeners = (kind: 'WeakMap' | 'Map', release = ''): string => `import { EventEmitter } from 'node:events';
class Channel extends EventEmitter {
  private readonly keepAlive = setInterval(() => this.emit('ping'), 1000);
  dispose(): void { clearInterval(this.keepAlive); }
}
const abortListeners = new ${kind}<Channel, () => void>();
export class EndPoint {
  listen(server: EventEmitter): void {
    server.on('connection', () => {
      const channel = new Channel();
      this.preregister(channel);
      channel.on('open', () => this.unregister(channel));
    });
  }
  private preregister(channel: Channel): void {
    const onAbort = () => { this.unregister(channel); channel.dispose(); };
    abortListeners.set(channel, onAbort);
    channel.on('abort', onAbort);
  }
  private unregister(channel: Channel): void {
    const onAbort = abortListeners.get(channel);
    if (onAbort) {
      channel.removeListener('abort', onAbort);
${release}      abortListeners.delete(channel);
    }
  }
}
`;

/**
 * From real code (subscriptions-transport-ws, bench/history/subscriptions-transport-ws-restart-same-id):
 * ids a manager hands out, kept per client id; \`end\` is where the code hands one back (or not),
 * \`store\` how the id arrives.
 */
const managedIds = (end: string, store = 'void this.manager.subscribe(query).then((subId) => {\n      this.subs[id] = subId;\n    });'): string => `
declare class SubscriptionManager {
  subscribe(query: string): Promise<number>;
  unsubscribe(subId: number): void;
  readonly onSubscribed: { on(listener: (subId: number) => void): void };
}
export class Server {
  private readonly subs: { [clientId: string]: number } = {};
  constructor(private readonly manager: SubscriptionManager) {}
  start(id: string, query: string): void {
    ${store}
  }
  end(id: string): void {
    ${end}
    delete this.subs[id];
  }
}
`;

/** A socket a promise settles with, stored in its continuation; \`source\` is the promise. */
const settledSockets = (source: string): string => `
import * as net from 'node:net';
declare function connectTo(host: string): Promise<net.Socket>;
declare const pool: { acquire(host: string): Promise<net.Socket>; release(socket: net.Socket): void };
const sockets = new Map<string, net.Socket>();
export function open(host: string): void {
  void ${source}.then((socket) => {
    sockets.set(host, socket);
  });
}
export function forget(host: string): void {
  sockets.delete(host);
}
`;

/**
 * From real code (trigger.dev's replication service): a hub whose clients a method connects, and
 * whose `shutdown()` runs `each` over every client; hubs kept per id.
 */
const connectedHubs = (each: string): string => `import * as net from 'node:net';
class Hub {
  private readonly clients = new Map<string, net.Socket>();
  connect(id: string, port: number): void {
    this.clients.set(id, net.createConnection(port));
  }
  async shutdown(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => ${each}));
  }
}
const hubs = new Map<string, Hub>();
export function open(id: string): void {
  if (!hubs.has(id)) hubs.set(id, new Hub());
}
export function drop(id: string): void {
  hubs.delete(id);
}
`;

/** The same hubs keeping a record per client, `shutdown()` destroying each record's socket; `release` runs before the delete. */
const recordHubs = (release: string): string =>
  connectedHubs('r.socket.destroy()')
    .replace('Map<string, net.Socket>', 'Map<string, { socket: net.Socket }>')
    .replace('net.createConnection(port)', '{ socket: net.createConnection(port) }')
    .replace('(c) => r.socket', '(r) => r.socket')
    .replace('  hubs.delete(id);', `${release}  hubs.delete(id);`);

/**
 * From real code (modelcontextprotocol/inspector fe57d7e952d8): the proxy makes an upstream transport
 * per client session with a factory that hands back a record (`made` is what the record's
 * `transport` field holds), stores it when the session's id is known, and on DELETE drops it after
 * ending the upstream session.
 */
const proxySessions = (made: string): string => `
declare class UpstreamTransport {
  constructor(url: string);
  start(): Promise<void>;
  close(): Promise<void>;
  endSession(): Promise<void>;
}
declare const sharedUpstream: UpstreamTransport;
declare class ClientSession {
  constructor(options: { onready: (sessionId: string) => void });
}
const upstreams = new Map<string, UpstreamTransport>();
async function createTransport(url: string): Promise<{ transport: UpstreamTransport; headers: Record<string, string> }> {
  const transport = ${made};
  await transport.start();
  return { transport, headers: { accept: 'text/event-stream' } };
}
export async function open(url: string): Promise<void> {
  const { transport: upstream, headers } = await createTransport(url);
  void headers;
  const session = new ClientSession({ onready: (sessionId: string) => upstreams.set(sessionId, upstream) });
  void session;
}
export async function remove(sessionId: string): Promise<void> {
  const upstream = upstreams.get(sessionId);
  if (!upstream) return;
  await upstream.endSession();
  upstreams.delete(sessionId);
}`;

/**
 * From real code (watchparty, room.ts and server.ts): a room sends its state every second from a
 * timer its constructor starts, and empty rooms are swept out of the map; `started` is how the
 * constructor starts that timer.
 */
const broadcastingRooms = (started: string): string => `
const rooms = new Map<string, Room>();
class Room {
  roster: string[] = [];
  private readonly positions: Record<string, number> = {};
  constructor(readonly roomId: string) {
    ${started}
  }
  private broadcast(): void {
    console.log(this.roomId, this.positions);
  }
}
export function createRoom(name: string): void {
  rooms.set(name, new Room(name));
}
export function sweep(): void {
  rooms.forEach((room, key) => {
    if (room.roster.length === 0) rooms.delete(key);
  });
}
`;
/**
 * From real code (n8n-mcp, http-server-single-session.ts): a server kept per session, deleted when the
 * session ends; `fields` are how the class comes by its SDK server and what else it holds.
 */
const sessionServers = (fields: string): string => `
declare class SdkServer {
  connect(port: number): Promise<void>;
  close(): Promise<void>;
}
class DocsServer {
  ${fields}
  async connect(port: number): Promise<void> {
    await this.server.connect(port);
  }
}
const servers: Record<string, DocsServer> = {};
export function open(sessionId: string): void {
  if (!servers[sessionId]) servers[sessionId] = new DocsServer(new SdkServer());
}
export function removeSession(sessionId: string): void {
  delete servers[sessionId];
}`;
const MADE_PRIVATE = 'private readonly server = new SdkServer();\n  constructor(readonly given: SdkServer) {}';
/** A pane that mounts a watcher into a field declared with `modifier`; panes are kept per id and deleted on close, after `closing`. */
const watchedPanes = (modifier: string, closing = ''): string => `
import { watch, type FSWatcher } from 'node:fs';
class Pane {
  ${modifier}watcher: FSWatcher | undefined;
  constructor(readonly path: string) {}
  mount(): void {
    this.watcher = watch(this.path);
  }
}
const panes = new Map<string, Pane>();
export function open(id: string, path: string) {
  if (panes.has(id)) return;
  const pane = new Pane(path);
  pane.mount();
  panes.set(id, pane);
}
export function close(id: string) {
  ${closing}panes.delete(id);
}
`;
const KEPT_AND_CLEARED = 'const tick = setInterval(() => this.broadcast(), 1000);\n    setTimeout(() => clearInterval(tick), 60_000);';

/**
 * A session that flushes its log when the process exits, kept per id: `listens` is how its
 * constructor listens, `ends` the method it offers to stop (if any), `drop` how the map lets it go.
 */
const exitFlushingSessions = (listens: string, ends = '', drop = 'sessions.delete(id);'): string => `
import type { EventEmitter } from 'node:events';
const sessions = new Map<string, Session>();
class Session {
  private readonly lines: string[] = [];
  private readonly onExit = (): void => this.flush();
  constructor(readonly id: string, private readonly bus: EventEmitter) {
    ${listens}
  }
  private flush(): void {
    console.log(this.id, this.lines.length);
  }${ends}
}
export function open(id: string, bus: EventEmitter): void {
  sessions.set(id, new Session(id, bus));
}
export function close(id: string): void {
  ${drop}
}
`;
const ON_EXIT = "process.on('exit', this.onExit);";
const REMOVED_BY_DISPOSE = "\n  dispose(): void {\n    process.off('exit', this.onExit);\n  }";

/**
 * From real code (bitfocus/companion, ControlButtonNormal): a button keeps a hold state per surface
 * whose `timers` list gets the "run while held" timeouts after the state is stored; `before` runs
 * just before a press stores a new state, and `release` is the release's body.
 */
const holdStates = (before: string, release: string): string => `
interface HoldState {
  pressed: number;
  timers: NodeJS.Timeout[];
}
export class Button {
  holds: Record<string, HoldState | undefined> = {};
  press(deviceId: string, delays: number[], run: () => void): void {
    ${before}
    const state: HoldState = { pressed: Date.now(), timers: [] };
    this.holds[deviceId] = state;
    for (const delay of delays) state.timers.push(setTimeout(run, delay));
  }
  release(deviceId: string): void {
    ${release}
  }
}`;

/** From real code (PostHog/code, ShellService): a session's listener disposables, kept in a list field of the session record. */
const shellSessions = (onRemove: string): string => `
interface IDisposable {
  dispose(): void;
}
declare function listen(id: string): IDisposable;
interface ShellSession {
  command: string;
  disposables: IDisposable[];
}
export class ShellService {
  private readonly sessions = new Map<string, ShellSession>();
  create(id: string, command: string): void {
    const disposables: IDisposable[] = [];
    disposables.push(listen(id));
    this.sessions.set(id, { command, disposables });
  }
  destroy(id: string): void {
    const session = this.sessions.get(id);
    if (session) {
      ${onRemove}
      this.sessions.delete(id);
    }
  }
}`;

/**
 * From real code (xterm.js, CharAtlasCache.ts): atlas entries list the terminals sharing them in a
 * list field filled with the terminal each caller hands in; `owners` is that field's initial list.
 */
const atlasCache = (owners: string, shared = 'terminal'): string => `
interface Terminal {
  dispose(): void;
}
interface Atlas {
  dispose(): void;
}
declare function createAtlas(): Atlas;
declare function openTerminal(): Terminal;
interface AtlasEntry {
  atlas: Atlas;
  ownedBy: Terminal[];
}
const cache: AtlasEntry[] = [];
export function acquire(terminal: Terminal): Atlas {
  const entry: AtlasEntry = { atlas: createAtlas(), ownedBy: ${owners} };
  cache.push(entry);
  return entry.atlas;
}
export function share(index: number, terminal: Terminal): void {
  cache[index]?.ownedBy.push(${shared});
}
export function remove(index: number): void {
  cache[index]?.atlas.dispose();
  cache.splice(index, 1);
}`;

/**
 * From real code (xterm.js, OscLinkService.ts): a link keeps the markers of its lines in a list
 * field and is removed once the disposal of its last marker has emptied that list; `test` guards the delete.
 */
const oscLinks = (test: string): string => `
interface IMarker {
  dispose(): void;
  onDispose(listener: () => void): void;
}
declare function addMarker(y: number): IMarker;
interface LinkEntry {
  id: number;
  lines: IMarker[];
}
export class OscLinks {
  private nextId = 1;
  private readonly byId = new Map<number, LinkEntry>();
  register(y: number): number {
    const marker = addMarker(y);
    const id = this.nextId++;
    this.byId.set(id, { id, lines: [marker] });
    marker.onDispose(() => this.removeMarker(id, marker));
    return id;
  }
  private removeMarker(id: number, marker: IMarker): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    entry.lines.splice(entry.lines.indexOf(marker), 1);
    if (${test}) {
      this.byId.delete(id);
    }
  }
}`;

const heldRelease = 'const held = this.holds[deviceId];\n    if (held) for (const timer of held.timers) clearTimeout(timer);\n    delete this.holds[deviceId];';

/**
 * A record made in a local, stored, then armed: `poll.timer = ${arm}(…)`. `made` is how the
 * local is come by.
 */
const armedPoll = (arm: string, made = '{ url }'): string => `
interface Poll { url: string; timer?: NodeJS.Timeout }
const polls = new Map<string, Poll>();
declare function newPoll(url: string): Poll;
export function start(id: string, url: string): void {
  const poll: Poll = ${made};
  polls.set(id, poll);
  poll.timer = ${arm}(() => fetch(url), 1000);
}`;

/** armedPoll's store with `release` written before it. */
const releasedFirst = (arm: string, release: string, made?: string): string =>
  armedPoll(arm, made).replace('  polls.set(id, poll);', `  ${release}\n  polls.set(id, poll);`);

/** armedPoll's report, naming `clear` and suggesting it with no test of which record is stored. */
const pollReplaced = (arm: string, clear: string) => ({
  messageId: 'unreleasedDrop' as const,
  data: { because: '', type: 'Poll', container: 'polls', operation: '`set()` over an existing key', release: `\`${clear}()\` on \`timer\`` },
  line: 7,
  suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: releasedFirst(arm, `${clear}(polls.get(id)?.timer);`) }],
});

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: "from real code (xterm.js): a list field given the terminals callers hand in holds their values, not the entry's",
      code: atlasCache('[terminal]'),
    },
    {
      name: 'from real code (xterm.js): a link deleted once its list of markers is empty owes none of them',
      code: oscLinks('entry.lines.length === 0'),
    },
    {
      name: "from real code (companion, after its fix): the previous hold state's timers cleared before a press stores a new one, and on release",
      code: holdStates('for (const timer of this.holds[deviceId]?.timers ?? []) clearTimeout(timer);', heldRelease),
    },
    {
      name: "from real code (PostHog/code, after its fix): each of a session's disposables disposed in a loop before the session is deleted",
      code: shellSessions('for (const d of session.disposables) d.dispose();'),
    },
    {
      name: 'a session listening on an emitter it is handed, not the process, keeps nothing alive past its holder: no report',
      code: exitFlushingSessions("bus.on('end', this.onExit);"),
    },
    {
      name: 'a session whose dispose() removes its listener from the process, disposed before the delete',
      code: exitFlushingSessions(ON_EXIT, REMOVED_BY_DISPOSE, 'sessions.get(id)?.dispose();\n  sessions.delete(id);'),
    },
    {
      name: "from real code (n8n-mcp), twin: a private field given the server the caller made holds the caller's, not the class's",
      code: sessionServers('constructor(private readonly server: SdkServer) {}'),
    },
    {
      name: 'from real code (lib-jitsi-meet), twin: a private server the class hands out may be released by whoever gets it',
      code: sessionServers(`${MADE_PRIVATE}\n  serverOf(): SdkServer {\n    return this.server;\n  }`),
    },
    {
      name: 'from real code (n8n-mcp), twin: a private one-shot timer beside a server handed in ends by itself',
      code: sessionServers('private readonly expiry = setTimeout(() => {}, 60_000);\n  constructor(private readonly server: SdkServer) {}'),
    },
    {
      name: 'from real code (watchparty): a room whose constructor keeps its interval and clears it itself owes its holder nothing',
      code: broadcastingRooms(KEPT_AND_CLEARED),
    },
    {
      name: 'from real code (watchparty): a room whose constructor starts a one-shot timer owes nothing: the timer ends itself',
      code: broadcastingRooms('setTimeout(() => this.broadcast(), 1000);'),
    },
    {
      name: 'a transport the factory hands on from elsewhere, destructured from its record, is not made by that call',
      code: proxySessions('sharedUpstream'),
    },
    {
      name: "a hub whose shutdown() only reads each client's address releases nothing: no resource, the delete owes nothing",
      code: connectedHubs('c.remoteAddress'),
    },
    {
      name: "a value a lending call's promise settles with is borrowed in its continuation too: no report",
      code: settledSockets('pool.acquire(host)'),
    },
    {
      name: 'an id handed back to its manager before every drop, the replaced one too (looked up where the new id is stored), owes nothing more',
      code: managedIds(
        'this.manager.unsubscribe(this.subs[id]);',
        'void this.manager.subscribe(query).then((subId) => {\n      const old = this.subs[id];\n      if (old !== undefined) this.manager.unsubscribe(old);\n      this.subs[id] = subId;\n    });',
      ),
    },
    {
      name: 'numbers no code hands back to a release-named method are data: dropping one owes nothing',
      code: managedIds('console.log(this.subs[id]);'),
    },
    {
      name: "an id an event hands over is the event's, not made here: no report even where the code hands ids back",
      code: managedIds('this.manager.unsubscribe(this.subs[id]);', 'this.manager.onSubscribed.on((subId) => {\n      this.subs[id] = subId;\n    });'),
    },
    {
      name: 'from real code (node-opcua, server_end_point.ts): a WeakMap keyed by channels holds its keys weakly, and owns none of them',
      code: abortListeners('WeakMap'),
    },
    ...[
      "client.ws.close(1001, 'Stream ended');",
      "try {\n          client.ws.close(1001, 'Stream ended');\n        } catch (error) {\n          console.log(error);\n        }",
    ].map((perClient) => ({
      name: `nested containers: each record of an inner set has its socket closed before the outer entry goes: \`${perClient.split('\n')[0]}\``,
      code: streamClients(perClient),
    })),
    {
      name: 'births: a record field filled only after the record was taken out of the container (delete first, then subscribe)',
      code: batchesByKey('this.batches.delete(key);\n    batch.subscription = send([...batch]).subscribe(() => {});'),
    },
    {
      name: 'births: a value given by the caller and stored through an assignment expression is borrowed',
      code: storedByAssignment('given'),
    },
    {
      name: 'from real code (rrweb): each cleanup called inside a try whose catch ignores its failure, before the list is replaced',
      code: restoreHandlers('handler()'),
    },
    {
      name: 'nested containers: an entry replaced by the survivors of its own filter() (directly or through locals), and one whose filter drops a parameter the caller holds',
      code: `const byRoom: Record<string, NodeJS.Timeout[]> = {};
export function add(room: string): void {
  (byRoom[room] ??= []).push(setInterval(() => {}, 1000));
}
export function prune(room: string, keep: (t: NodeJS.Timeout) => boolean): void {
  const old = byRoom[room] ?? [];
  const kept = old.filter(keep);
  byRoom[room] = kept;
}
export function drop(room: string, gone: NodeJS.Timeout): void {
  byRoom[room] = (byRoom[room] ?? []).filter((t) => t !== gone);
}
`,
    },
    {
      name: "modules: helpers of another module dropping from the callers' map after every caller closed the value, or handed on as a value",
      filename: FORGET_MODULE,
      code: FORGET_SOURCE.replace(/\/\*\* Its one caller[^]*?\n}\n\n/, ''),
    },
    {
      name: 'modules: a local helper that closes every value before it clears the map it is handed',
      code: `${WATCHED_POLLERS}function closeAll(map: Map<string, Poller>) { for (const p of map.values()) void p.close(); map.clear(); }
${WATCH_POLLER}export function shutdown() { closeAll(pollers); pollers.clear(); }
`,
    },
    {
      name: 'modules: a local helper that clears the map it is handed, after every caller closed each value',
      code: `${CLEARED_BY_HELPER}export function shutdown() { for (const p of pollers.values()) void p.close(); clearIn(pollers); }
`,
    },
    {
      name: 'abort controllers: where the code never aborts its values, a controller is data',
      code: chatReaders('', 'this.readers.clear();'),
    },
    {
      name: 'from real code (xstate, trpc): abort controllers the code aborts, each deleted when its own work settles',
      code: `
declare function readChat(chatId: string, signal: AbortSignal): Promise<void>;
export class ChatReader {
  private readonly readers = new Map<string, AbortController>();
  read(chatId: string): void {
    if (this.readers.has(chatId)) return;
    const controller = new AbortController();
    this.readers.set(chatId, controller);
    void readChat(chatId, controller.signal).finally(() => this.readers.delete(chatId));
  }
  dispose(): void {
    ${abortAll}
  }
}
`,
    },
    {
      name: 'abort controllers: the reader of the chat aborted on every path that subscribes again',
      code: chatReaders('this.readers.get(chatId)?.abort();', abortAll),
    },
    {
      name: 'cleanups: each unsubscribe function called before its entry goes',
      code: `interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;

const unsubscribers = new Map<string, () => void>();

export function watchKey(key: string, onChange: () => void): void {
  unsubscribers.get(key)?.();
  unsubscribers.set(key, store.subscribe(onChange));
}

export function unwatchAll(): void {
  for (const unsubscribe of unsubscribers.values()) unsubscribe();
  unsubscribers.clear();
}
`,
    },
    {
      name: 'cleanups: functions the code never calls are data (handlers)',
      code: `interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;

const unsubscribers = new Map<string, () => void>();

export function watchKey(key: string, onChange: () => void): void {
  unsubscribers.set(key, store.subscribe(onChange));
}

export function forget(key: string): void {
  unsubscribers.delete(key);
}
`,
    },
    {
      name: 'cleanups: a queue of tasks written here is run, not released',
      code: `const tasks: (() => void)[] = [];

export function later(work: () => void): void {
  tasks.push(() => work());
}

export function runNext(): void {
  const task = tasks.shift();
  task?.();
}

export function cancelAll(): void {
  tasks.length = 0;
}
`,
    },
    {
      name: 'cleanups: callbacks handed in by callers are theirs',
      code: `const onClose = new Map<string, () => void>();

export function register(id: string, callback: () => void): void {
  onClose.set(id, callback);
}

export function fire(id: string): void {
  onClose.get(id)?.();
  onClose.delete(id);
}

export function drop(id: string): void {
  onClose.delete(id);
}
`,
    },
    {
      name: 'cleanups: resolvers that take a value are not cleanups',
      code: `declare function makeResolver(id: string): (value: string) => void;

const pending = new Map<string, (value: string) => void>();

export function wait(id: string): void {
  pending.set(id, makeResolver(id));
}

export function settle(id: string, value: string): void {
  pending.get(id)?.(value);
  pending.delete(id);
}

export function abandon(id: string): void {
  pending.delete(id);
}
`,
    },
    {
      name: 'modules: a container of borrowed values handed out by a function of its module, dropped in another',
      code: `import { seenPollers } from './shared/pollers.js';
export function forget(url: string) { const pollers = seenPollers(); pollers.delete(url); }
`,
    },
    {
      name: 'timers typed as ReturnType<typeof setTimeout> cleared before the delete',
      code: `
const pending = new Map<string, ReturnType<typeof setTimeout>>();
export function debounce(key: string, fn: () => void) {
  clearTimeout(pending.get(key));
  pending.set(key, setTimeout(fn, 100));
}
export function forget(key: string) { clearTimeout(pending.get(key)); pending.delete(key); }`,
    },
    {
      name: "records: a client put into a record that is not the map's is not the map's to release",
      code: `
import net from 'node:net';
interface Entry { queue: string[]; client?: net.Socket }
const entries = new Map<string, Entry>();
const spare: Entry = { queue: [] };
export function register(host: string) { if (!entries.has(host)) entries.set(host, { queue: [] }); }
export function connect(host: string) {
  if (!spare.client) spare.client = net.connect(80, host);
}
export function forget(host: string) { entries.delete(host); }`,
    },
    {
      name: 'births: a factory-timed instance stopped before its delete',
      code: `
export interface Poll { readonly url: string; stop(): void }
const timers = new Map<Poll, NodeJS.Timeout>();
class HttpPoll implements Poll {
  constructor(readonly url: string) {}
  stop() { clearInterval(timers.get(this)); timers.delete(this); }
}
export function newPoll(url: string): Poll {
  const poll = new HttpPoll(url);
  timers.set(poll, setInterval(() => fetch(poll.url), 1000));
  return poll;
}
const polls = new Map<string, Poll>();
export function watch(url: string) { if (!polls.has(url)) polls.set(url, newPoll(url)); }
export function unwatch(url: string) { polls.get(url)?.stop(); polls.delete(url); }`,
    },
    {
      name: 'births: a bus-subscribed instance closed before its delete',
      code: `
type Listener = (event: string) => void;
const bus = new Set<Listener>();
export interface Feed { readonly name: string; close(): void }
class BusFeed implements Feed {
  readonly onEvent: Listener = (event) => console.log(this.name, event);
  constructor(readonly name: string) {}
  close() { bus.delete(this.onEvent); }
}
export function openFeed(name: string): Feed {
  const feed = new BusFeed(name);
  bus.add(feed.onEvent);
  return feed;
}
const feeds: Record<string, Feed> = {};
export function follow(name: string) { feeds[name] ??= openFeed(name); }
export function unfollow(name: string) { feeds[name]?.close(); delete feeds[name]; }`,
    },
    {
      name: 'records: a client put into an entry after insertion, ended before the entry is deleted',
      code: `
import net from 'node:net';
interface Entry { queue: string[]; client: net.Socket | undefined }
const entries = new Map<string, Entry>();
export function enqueue(host: string, item: string) {
  let entry = entries.get(host);
  if (!entry) {
    entry = { queue: [], client: undefined };
    entries.set(host, entry);
  }
  entry.queue.push(item);
  entry.client ??= net.connect(80, host);
}
export function forget(host: string) { entries.get(host)?.client?.destroy(); entries.delete(host); }`,
    },
    {
      name: 'nested: a map of sets of subscriptions, each unsubscribed before the outer delete',
      code: `
import { interval, type Subscription } from 'rxjs';
const byRoom = new Map<string, Set<Subscription>>();
export function join(room: string) {
  let subs = byRoom.get(room);
  if (!subs) { subs = new Set(); byRoom.set(room, subs); }
  subs.add(interval(1000).subscribe());
}
export function close(room: string) {
  for (const sub of byRoom.get(room) ?? []) sub.unsubscribe();
  byRoom.delete(room);
}`,
    },
    {
      name: 'records copied from a parameter and armed afterwards with a timer kept in a const, cleared before the overwrite',
      code: `
interface Reminder {
  id: number;
  text: string;
}
interface Scheduled extends Reminder {
  timer?: NodeJS.Timeout;
}
export class Reminders {
  private readonly scheduled: Record<number, Scheduled> = {};
  schedule(reminder: Reminder, ms: number): void {
    clearTimeout(this.scheduled[reminder.id]?.timer);
    const timer = setTimeout(() => console.log(reminder.text), ms);
    this.scheduled[reminder.id] = { ...reminder };
    this.scheduled[reminder.id].timer = timer;
  }
}
`,
    },
    {
      name: "a pane's public watcher closed by its holder before the delete",
      code: watchedPanes('', 'panes.get(id)?.watcher?.close();\n  '),
    },
    {
      name: 'a subclass of a plain data class is data',
      code: `
declare class Point {
  constructor(x: number, y: number);
  readonly x: number;
  readonly y: number;
}
class LabelledPoint extends Point {
  label = '';
}
const points = new Map<string, LabelledPoint>();
export function add(id: string) {
  if (!points.has(id)) points.set(id, new LabelledPoint(0, 0));
}
export function forget(id: string) {
  points.delete(id);
}`,
    },
    {
      name: 'timers by origin: a map of numbers that are not timers',
      code: `const counts = new Map<string, number>();
export function hit(id: string) { counts.set(id, (counts.get(id) ?? 0) + 1); }
export function reset(id: string) { counts.delete(id); }
`,
    },
    {
      name: "the story's meter (interface, unexported class, registering factory) stopped before the delete",
      code: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.get(route)?.stop(); meters.delete(route); }`,
    },
    {
      name: 'modules: a container handed to a helper of the module that deletes from it, after every caller closed the value',
      code: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
function forgetIn(map: Map<string, Poller>, url: string) { map.delete(url); }
export function watch(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function unwatch(url: string) { void pollers.get(url)?.close(); forgetIn(pollers, url); }
`,
    },
    {
      name: 'nested containers: each inner timer of an array and of a map cleared before the outer entry goes',
      code: `const timersByRoom = new Map<string, NodeJS.Timeout[]>();
const subsByRoom = new Map<string, Map<string, NodeJS.Timeout>>();
export function add(room: string) {
  const list = timersByRoom.get(room) ?? [];
  list.push(setTimeout(() => {}, 10));
  timersByRoom.set(room, list);
  let inner = subsByRoom.get(room);
  if (!inner) { inner = new Map(); subsByRoom.set(room, inner); }
  inner.set('x', setInterval(() => {}, 10));
}
export function leave(room: string) {
  for (const t of timersByRoom.get(room) ?? []) clearTimeout(t);
  timersByRoom.delete(room);
  for (const t of subsByRoom.get(room)?.values() ?? []) clearInterval(t);
  subsByRoom.delete(room);
}
`,
    },
    {
      name: 'records: a data class with a public timer field, cleared before the delete',
      code: `class Entry { timeoutId?: NodeJS.Timeout; attempts = 0; }
const entries = new Map<string, Entry>();
export function track(id: string) { const e = new Entry(); e.timeoutId = setTimeout(() => {}, 10); if (!entries.has(id)) entries.set(id, e); }
export function untrack(id: string) { clearTimeout(entries.get(id)?.timeoutId); entries.delete(id); }
`,
    },
    {
      name: 'records: a loop that destructures each record and closes its controller (in a quiet try), then clear()',
      code: `import net from 'node:net';
interface Entry { label: string; socket: net.Socket }
export class Streams {
  readonly #entries = new Map<string, Entry>();
  open(id: string, port: number) { if (!this.#entries.has(id)) this.#entries.set(id, { label: id, socket: net.connect(port) }); }
  close() {
    for (const { socket } of this.#entries.values()) {
      try {
        socket.end();
      } catch {
        // already ended
      }
    }
    this.#entries.clear();
  }
  closeRenamed() {
    for (const { socket: s } of this.#entries.values()) s.end();
    this.#entries.clear();
  }
  drop(id: string) {
    const { socket } = this.#entries.get(id)!;
    socket.end();
    this.#entries.delete(id);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'records: a field armed with setInterval after insertion is named with clearInterval(), and a record just made needs no test that it is not the one stored',
      code: armedPoll('setInterval'),
      errors: [pollReplaced('setInterval', 'clearInterval')],
    },
    {
      name: 'records, twin: a field armed with setTimeout is named with clearTimeout()',
      code: armedPoll('setTimeout'),
      errors: [pollReplaced('setTimeout', 'clearTimeout')],
    },
    {
      name: 'records, twin: a local a call returned may be the entry itself, so the edit releases only another value',
      code: armedPoll('setInterval', 'newPoll(url)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: releasedFirst('setInterval', 'if (polls.get(id) !== poll) clearInterval(polls.get(id)?.timer);', 'newPoll(url)'),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (xterm.js), twin: a list field given atlases the entry makes itself is the entry's",
      code: atlasCache('[openTerminal()]', 'openTerminal()'),
      errors: [{ messageId: 'unreleasedDrop', line: 25 }],
    },
    {
      name: 'from real code (xterm.js), twin: a link deleted while markers may remain in its list',
      code: oscLinks('entry.lines.length < 2'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: oscLinks('entry.lines.length < 2').replace(
                '      this.byId.delete(id);',
                '      for (const inner of this.byId.get(id)?.lines ?? []) inner.dispose();\n      this.byId.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (companion, before its fix): a press stores a new hold state over one whose timers, pushed after it was stored, still run',
      code: holdStates('', heldRelease),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: holdStates('', heldRelease).replace(
                '    this.holds[deviceId] = state;',
                '    for (const inner of this.holds[deviceId]?.timers ?? []) clearTimeout(inner);\n    this.holds[deviceId] = state;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (PostHog/code), twin: a session deleted with its disposables' list left undisposed",
      code: shellSessions('console.log(session.command);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: shellSessions('console.log(session.command);').replace(
                '      this.sessions.delete(id);',
                '      for (const inner of this.sessions.get(id)?.disposables ?? []) inner.dispose();\n      this.sessions.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a session whose constructor listens on the process and no method removes the listener is dropped still listening: named, never suggested',
      code: exitFlushingSessions(ON_EXIT),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          data: {
            type: 'Session',
            container: 'sessions',
            operation: '`delete()`',
            release: 'removing the listener its constructor adds to `process`, which none of its methods removes',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a session whose dispose() removes its listener from the process owes that dispose() when deleted',
      code: exitFlushingSessions(ON_EXIT, REMOVED_BY_DISPOSE),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: exitFlushingSessions(ON_EXIT, REMOVED_BY_DISPOSE, 'sessions.get(id)?.dispose();\n  sessions.delete(id);'),
            },
          ],
        },
      ],
    },
    ...['setInterval(() => this.broadcast(), 1000);', 'setInterval(() => this.broadcast(), 1000).unref();'].map((started) => ({
      name: `from real code (watchparty): a room whose constructor starts an interval it keeps no handle to is dropped still running it (\`${started}\`): named, never suggested`,
      code: broadcastingRooms(started),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 18,
          data: {
            type: 'Room',
            container: 'rooms',
            operation: '`delete()`',
            release: "stopping its constructor's `setInterval()`, to which it keeps no handle",
          },
          suggestions: [],
        },
      ],
    })),
    {
      name: 'a pane that keeps its watcher in a private field no one outside can close is dropped still holding it: named, never suggested (its holder cannot write the release)',
      code: watchedPanes('private '),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          data: { type: 'Pane', container: 'panes', operation: '`delete()`', release: '`close()` on its private `watcher`, which none of its methods calls' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'from real code (n8n-mcp): a server whose class makes an SDK server in a private field and never closes it is dropped still holding it: named, never suggested',
      code: sessionServers(MADE_PRIVATE),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          data: {
            type: 'DocsServer',
            container: 'servers',
            operation: 'the `delete` operator',
            release: '`close()` on its private `server`, which none of its methods calls',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'from real code (MCP inspector): a transport destructured from the record a factory of the module returns is made by that call, and deleted without close()',
      code: proxySessions('new UpstreamTransport(url)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: proxySessions('new UpstreamTransport(url)').replace(
                '  upstreams.delete(sessionId);',
                '  void upstreams.get(sessionId)?.close();\n  upstreams.delete(sessionId);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a hub whose shutdown() destroys the socket of every record it keeps (`r.socket.destroy()` in a map over them) is released by it',
      code: recordHubs(''),
      errors: [
        { messageId: 'unreleasedDrop', line: 16, suggestions: [{ messageId: 'releaseBeforeDrop', output: recordHubs('  void hubs.get(id)?.shutdown();\n') }] },
      ],
    },
    {
      name: 'a hub whose shutdown() destroys every client through a map over a copy of the values (`Promise.all([...m.values()].map(…))`) is released by it',
      code: connectedHubs('c.destroy()'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: connectedHubs('c.destroy()').replace('  hubs.delete(id);', '  void hubs.get(id)?.shutdown();\n  hubs.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'a value a promise settles with is made by the call the continuation follows, as `await connectTo(host)` would give it',
      code: settledSockets('connectTo(host)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: settledSockets('connectTo(host)').replace(
                '    sockets.set(host',
                '    if (sockets.get(host) !== socket) sockets.get(host)?.destroy();\n    sockets.set(host',
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
              output: settledSockets('connectTo(host)').replace('  sockets.delete(host)', '  sockets.get(host)?.destroy();\n  sockets.delete(host)'),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (subscriptions-transport-ws): a start over a live id drops the id its manager handed out; the code hands ids back to unsubscribe() elsewhere',
      code: managedIds('this.manager.unsubscribe(this.subs[id]);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          data: { type: 'id', container: 'this.subs', operation: 'assignment over an existing key', release: '`unsubscribe()` of what it came from' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'nested containers: the same walk that only reads each record drops every socket of the inner set',
      code: streamClients('console.log(client.since);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: streamClients('console.log(client.since);').replace(
                '      this.clients.delete(streamId);',
                '      for (const inner of this.clients.get(streamId) ?? []) inner.ws.close();\n      this.clients.delete(streamId);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (trigger.dev): abort controllers the code aborts, one replaced by a path that subscribes again without abort()',
      code: chatReaders('', abortAll),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: chatReaders('', abortAll).replace(
                '    this.readers.set(chatId, controller);',
                '    this.readers.get(chatId)?.abort();\n    this.readers.set(chatId, controller);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'births: a record field filled by another method while the record is in the container is owed by the delete',
      code: batchesByKey('this.batches.delete(key);').replace(
        '  consume(key: string): void {',
        '  arm(key: string): void {\n    const held = this.batches.get(key);\n    if (held) held.subscription = send([...held]).subscribe(() => {});\n  }\n  consume(key: string): void {',
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: batchesByKey('this.batches.get(key)?.subscription?.unsubscribe();\n    this.batches.delete(key);').replace(
                '  consume(key: string): void {',
                '  arm(key: string): void {\n    const held = this.batches.get(key);\n    if (held) held.subscription = send([...held]).subscribe(() => {});\n  }\n  consume(key: string): void {',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'births: a value made here and stored through an assignment expression (`set(k, (w = open()))`) is owned',
      code: storedByAssignment('openWatcher(name)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: storedByAssignment('openWatcher(name)').replace(
                '    this.watchers.delete(name);',
                '    this.watchers.get(name)?.dispose();\n    this.watchers.delete(name);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'each cleanup only logged inside the try: the list is replaced with every observer still running',
      code: restoreHandlers('console.log(handler)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 19,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: restoreHandlers('console.log(handler)').replace(
                '    this.restoreHandlers = [];',
                '    for (const value of this.restoreHandlers) value();\n    this.restoreHandlers = [];',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'records: a loop that destructures only the label of each record releases nothing before clear()',
      code: `import net from 'node:net';
interface Entry { label: string; socket: net.Socket }
export class Streams {
  readonly #entries = new Map<string, Entry>();
  open(id: string, port: number) { if (!this.#entries.has(id)) this.#entries.set(id, { label: id, socket: net.connect(port) }); }
  close() {
    for (const { label } of this.#entries.values()) console.log('closing', label);
    this.#entries.clear();
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
              output: `import net from 'node:net';
interface Entry { label: string; socket: net.Socket }
export class Streams {
  readonly #entries = new Map<string, Entry>();
  open(id: string, port: number) { if (!this.#entries.has(id)) this.#entries.set(id, { label: id, socket: net.connect(port) }); }
  close() {
    for (const { label } of this.#entries.values()) console.log('closing', label);
    for (const value of this.#entries.values()) value.socket.destroy();
    this.#entries.clear();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nested containers: an entry replaced by its own filter() that drops a timer read from it is reported, with no suggestion (clearing each old timer would clear the survivors)',
      code: `const byRoom: Record<string, NodeJS.Timeout[]> = {};
export function add(room: string): void {
  (byRoom[room] ??= []).push(setInterval(() => {}, 1000));
}
export function dropFirst(room: string): void {
  const first = byRoom[room]?.[0];
  byRoom[room] = (byRoom[room] ?? []).filter((t) => t !== first);
}
`,
      errors: [{ messageId: 'unreleasedDrop', line: 7, suggestions: [] }],
    },
    {
      name: 'modules: a helper of another module deletes from the map its caller hands it, without close()',
      filename: FORGET_MODULE,
      code: FORGET_SOURCE,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'map', operation: '`delete()`', release: '`close()`' },
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: FORGET_SOURCE.replace('  map.delete(url);', '  void map.get(url)?.close();\n  map.delete(url);'),
            },
          ],
        },
      ],
    },
    {
      name: 'modules: a local helper clears the map it is handed without close(): emptying it is not releasing',
      code: `${CLEARED_BY_HELPER}export function shutdown() { clearIn(pollers); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 3,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `${CLEARED_BY_HELPER.replace('{ map.clear(); }', '{ for (const value of map.values()) void value.close();\nmap.clear(); }')}export function shutdown() { clearIn(pollers); }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'modules: a container handed to a helper of the module that deletes from it without close()',
      code: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
function forgetIn(map: Map<string, Poller>, url: string) { map.delete(url); }
export function watch(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function unwatch(url: string) { forgetIn(pollers, url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'map', operation: '`delete()`', release: '`close()`' },
          line: 3,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `import { createPoller, type Poller } from './resources.js';
const pollers = new Map<string, Poller>();
function forgetIn(map: Map<string, Poller>, url: string) { void map.get(url)?.close();
map.delete(url); }
export function watch(url: string) { if (!pollers.has(url)) pollers.set(url, createPoller(url)); }
export function unwatch(url: string) { forgetIn(pollers, url); }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'modules: a private method given the class container by its callers removes a value without close()',
      code: `import { createPoller, type Poller } from './resources.js';
export class Watcher {
  private readonly pollers = new Map<string, Poller>();
  watch(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  unwatch(url: string) { this.forget(this.pollers, url); }
  private forget(map: Map<string, Poller>, url: string) {
    map.delete(url);
  }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Poller', container: 'map', operation: '`delete()`', release: '`close()`' },
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`close()`' },
              output: `import { createPoller, type Poller } from './resources.js';
export class Watcher {
  private readonly pollers = new Map<string, Poller>();
  watch(url: string) { if (!this.pollers.has(url)) this.pollers.set(url, createPoller(url)); }
  unwatch(url: string) { this.forget(this.pollers, url); }
  private forget(map: Map<string, Poller>, url: string) {
    void map.get(url)?.close();
    map.delete(url);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "cleanups: a subscription's unsubscribe function replaced without being called, where the code calls them elsewhere",
      options: [{ overwrites: 'possible' }],
      code: `interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;

const unsubscribers = new Map<string, () => void>();

export function watchKey(key: string, onChange: () => void): void {
  unsubscribers.set(key, store.subscribe(onChange));
}

export function unwatchKey(key: string): void {
  unsubscribers.get(key)?.();
  unsubscribers.delete(key);
}

export function forget(key: string): void {
  unsubscribers.delete(key);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;

const unsubscribers = new Map<string, () => void>();

export function watchKey(key: string, onChange: () => void): void {
  unsubscribers.get(key)?.();
  unsubscribers.set(key, store.subscribe(onChange));
}

export function unwatchKey(key: string): void {
  unsubscribers.get(key)?.();
  unsubscribers.delete(key);
}

export function forget(key: string): void {
  unsubscribers.delete(key);
}
`,
            },
          ],
        }, // cleanup function in `unsubscribers` is dropped by `set()` over an existing key without calling it.
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `interface Store {
  subscribe(listener: () => void): () => void;
}
declare const store: Store;

const unsubscribers = new Map<string, () => void>();

export function watchKey(key: string, onChange: () => void): void {
  unsubscribers.set(key, store.subscribe(onChange));
}

export function unwatchKey(key: string): void {
  unsubscribers.get(key)?.();
  unsubscribers.delete(key);
}

export function forget(key: string): void {
  unsubscribers.get(key)?.();
  unsubscribers.delete(key);
}
`,
            },
          ],
        }, // cleanup function in `unsubscribers` is dropped by `delete()` without calling it.
      ],
    },
    {
      name: "cleanups: a ref's cleanup in a WeakMap, overwritten when the ref changes",
      code: `type RefCallback = (element: Element | null) => void | (() => void);
declare function bindRef(element: Element, ref: RefCallback): (() => void) | undefined;

const refCleanups = new WeakMap<Element, (() => void) | undefined>();

export function applyRef(element: Element, ref: RefCallback): void {
  refCleanups.set(element, bindRef(element, ref));
}

export function removeElement(element: Element): void {
  refCleanups.get(element)?.();
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `type RefCallback = (element: Element | null) => void | (() => void);
declare function bindRef(element: Element, ref: RefCallback): (() => void) | undefined;

const refCleanups = new WeakMap<Element, (() => void) | undefined>();

export function applyRef(element: Element, ref: RefCallback): void {
  refCleanups.get(element)?.();
  refCleanups.set(element, bindRef(element, ref));
}

export function removeElement(element: Element): void {
  refCleanups.get(element)?.();
}
`,
            },
          ],
        }, // cleanup function in `refCleanups` is dropped by `set()` over an existing key without calling it.
      ],
    },
    {
      name: 'modules: a registry filled in one module and cleared in another',
      code: `import { pollersByUrl } from './shared/registry.js';
export function reset() { pollersByUrl.clear(); }
export async function resetClosed() { for (const poller of pollersByUrl.values()) await poller.close(); pollersByUrl.clear(); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 2,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { pollersByUrl } from './shared/registry.js';
export function reset() { for (const value of pollersByUrl.values()) void value.close();
pollersByUrl.clear(); }
export async function resetClosed() { for (const poller of pollersByUrl.values()) await poller.close(); pollersByUrl.clear(); }
`,
            },
          ],
        }, // Poller in `pollersByUrl` is dropped by `clear()` without `close()`.
      ],
    },
    {
      name: 'modules: a container handed out by a function of the module that fills it, dropped in another',
      code: `import { allPollers } from './shared/pollers.js';
export function unwatch(url: string) { const pollers = allPollers(); pollers.delete(url); }
export async function unwatchClosed(url: string) { const pollers = allPollers(); await pollers.get(url)?.close(); pollers.delete(url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 2,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { allPollers } from './shared/pollers.js';
export function unwatch(url: string) { const pollers = allPollers(); void pollers.get(url)?.close();
pollers.delete(url); }
export async function unwatchClosed(url: string) { const pollers = allPollers(); await pollers.get(url)?.close(); pollers.delete(url); }
`,
            },
          ],
        }, // Poller in `pollers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'modules: the same container handed out through a namespace import',
      code: `import * as registry from './shared/pollers.js';
export function unwatch(url: string) { const pollers = registry.allPollers(); pollers.delete(url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 2,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as registry from './shared/pollers.js';
export function unwatch(url: string) { const pollers = registry.allPollers(); void pollers.get(url)?.close();
pollers.delete(url); }
`,
            },
          ],
        }, // Poller in `pollers` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'modules: a container held by an exported object of the module that fills it, dropped in another',
      code: `import { holder } from './shared/pollers.js';
export function unwatch(url: string) { holder.byUrl.delete(url); }
export async function unwatchClosed(url: string) { await holder.byUrl.get(url)?.close(); holder.byUrl.delete(url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 2,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { holder } from './shared/pollers.js';
export function unwatch(url: string) { void holder.byUrl.get(url)?.close();
holder.byUrl.delete(url); }
export async function unwatchClosed(url: string) { await holder.byUrl.get(url)?.close(); holder.byUrl.delete(url); }
`,
            },
          ],
        }, // Poller in `holder.byUrl` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'timers typed as ReturnType<typeof setTimeout> are timers: dropped without clearTimeout()',
      code: `
const pending = new Map<string, ReturnType<typeof setTimeout>>();
export function debounce(key: string, fn: () => void) {
  clearTimeout(pending.get(key));
  pending.set(key, setTimeout(fn, 100));
}
export function forget(key: string) { pending.delete(key); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const pending = new Map<string, ReturnType<typeof setTimeout>>();
export function debounce(key: string, fn: () => void) {
  clearTimeout(pending.get(key));
  pending.set(key, setTimeout(fn, 100));
}
export function forget(key: string) { clearTimeout(pending.get(key));
pending.delete(key); }`,
            },
          ],
        }, // Timeout in `pending` is dropped by `delete()` without `clearTimeout()`.
      ],
    },
    {
      name: 'records: a client put into an entry read back out of the map is owed when the entry is deleted',
      code: `
import net from 'node:net';
interface Entry { queue: string[]; client?: net.Socket }
const entries = new Map<string, Entry>();
export function register(host: string) { if (!entries.has(host)) entries.set(host, { queue: [] }); }
export function connect(host: string) {
  const entry = entries.get(host);
  if (entry && !entry.client) entry.client = net.connect(80, host);
}
export function forget(host: string) { entries.delete(host); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
interface Entry { queue: string[]; client?: net.Socket }
const entries = new Map<string, Entry>();
export function register(host: string) { if (!entries.has(host)) entries.set(host, { queue: [] }); }
export function connect(host: string) {
  const entry = entries.get(host);
  if (entry && !entry.client) entry.client = net.connect(80, host);
}
export function forget(host: string) { entries.get(host)?.client?.destroy();
entries.delete(host); }`,
            },
          ],
        }, // Entry in `entries` is dropped by `delete()` without `destroy()` on `client`.
      ],
    },
    {
      name: 'births: a factory that starts a timer for the instance it returns makes it a resource',
      code: `
export interface Poll { readonly url: string; stop(): void }
const timers = new Map<Poll, NodeJS.Timeout>();
class HttpPoll implements Poll {
  constructor(readonly url: string) {}
  stop() { clearInterval(timers.get(this)); timers.delete(this); }
}
export function newPoll(url: string): Poll {
  const poll = new HttpPoll(url);
  timers.set(poll, setInterval(() => fetch(poll.url), 1000));
  return poll;
}
const polls = new Map<string, Poll>();
export function watch(url: string) { if (!polls.has(url)) polls.set(url, newPoll(url)); }
export function unwatch(url: string) { polls.delete(url); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
export interface Poll { readonly url: string; stop(): void }
const timers = new Map<Poll, NodeJS.Timeout>();
class HttpPoll implements Poll {
  constructor(readonly url: string) {}
  stop() { clearInterval(timers.get(this)); timers.delete(this); }
}
export function newPoll(url: string): Poll {
  const poll = new HttpPoll(url);
  timers.set(poll, setInterval(() => fetch(poll.url), 1000));
  return poll;
}
const polls = new Map<string, Poll>();
export function watch(url: string) { if (!polls.has(url)) polls.set(url, newPoll(url)); }
export function unwatch(url: string) { polls.get(url)?.stop();
polls.delete(url); }`,
            },
          ],
        }, // Poll in `polls` is dropped by `delete()` without `stop()`.
      ],
    },
    {
      name: 'births: a factory that subscribes the instance it returns to a bus makes it a resource',
      code: `
type Listener = (event: string) => void;
const bus = new Set<Listener>();
export interface Feed { readonly name: string; close(): void }
class BusFeed implements Feed {
  readonly onEvent: Listener = (event) => console.log(this.name, event);
  constructor(readonly name: string) {}
  close() { bus.delete(this.onEvent); }
}
export function openFeed(name: string): Feed {
  const feed = new BusFeed(name);
  bus.add(feed.onEvent);
  return feed;
}
const feeds: Record<string, Feed> = {};
export function follow(name: string) { feeds[name] ??= openFeed(name); }
export function unfollow(name: string) { delete feeds[name]; }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 17,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
type Listener = (event: string) => void;
const bus = new Set<Listener>();
export interface Feed { readonly name: string; close(): void }
class BusFeed implements Feed {
  readonly onEvent: Listener = (event) => console.log(this.name, event);
  constructor(readonly name: string) {}
  close() { bus.delete(this.onEvent); }
}
export function openFeed(name: string): Feed {
  const feed = new BusFeed(name);
  bus.add(feed.onEvent);
  return feed;
}
const feeds: Record<string, Feed> = {};
export function follow(name: string) { feeds[name] ??= openFeed(name); }
export function unfollow(name: string) { feeds[name]?.close();
delete feeds[name]; }`,
            },
          ],
        }, // Feed in `feeds` is dropped by the `delete` operator without `close()`.
      ],
    },
    {
      name: 'records: a client put into an entry after insertion is owed when the entry is deleted',
      code: `
import net from 'node:net';
interface Entry { queue: string[]; client: net.Socket | undefined }
const entries = new Map<string, Entry>();
export function enqueue(host: string, item: string) {
  let entry = entries.get(host);
  if (!entry) {
    entry = { queue: [], client: undefined };
    entries.set(host, entry);
  }
  entry.queue.push(item);
  entry.client ??= net.connect(80, host);
}
export function forget(host: string) { entries.delete(host); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 14,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
interface Entry { queue: string[]; client: net.Socket | undefined }
const entries = new Map<string, Entry>();
export function enqueue(host: string, item: string) {
  let entry = entries.get(host);
  if (!entry) {
    entry = { queue: [], client: undefined };
    entries.set(host, entry);
  }
  entry.queue.push(item);
  entry.client ??= net.connect(80, host);
}
export function forget(host: string) { entries.get(host)?.client?.destroy();
entries.delete(host); }`,
            },
          ],
        }, // Entry in `entries` is dropped by `delete()` without `destroy()` on `client`.
      ],
    },
    {
      name: 'nested: a map of sets of subscriptions drops every inner subscription with the outer entry',
      code: `
import { interval, type Subscription } from 'rxjs';
const byRoom = new Map<string, Set<Subscription>>();
export function join(room: string) {
  let subs = byRoom.get(room);
  if (!subs) { subs = new Set(); byRoom.set(room, subs); }
  subs.add(interval(1000).subscribe());
}
export function close(room: string) { byRoom.delete(room); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import { interval, type Subscription } from 'rxjs';
const byRoom = new Map<string, Set<Subscription>>();
export function join(room: string) {
  let subs = byRoom.get(room);
  if (!subs) { subs = new Set(); byRoom.set(room, subs); }
  subs.add(interval(1000).subscribe());
}
export function close(room: string) { for (const inner of byRoom.get(room) ?? []) inner.unsubscribe();
byRoom.delete(room); }`,
            },
          ],
        }, // Set<Subscription> in `byRoom` is dropped by `delete()` without `unsubscribe()` on each value.
      ],
    },
    {
      name: 'records copied from a parameter and armed afterwards with a timer kept in a const, overwritten without clearing it',
      code: `
interface Reminder {
  id: number;
  text: string;
}
interface Scheduled extends Reminder {
  timer?: NodeJS.Timeout;
}
export class Reminders {
  private readonly scheduled: Record<number, Scheduled> = {};
  schedule(reminder: Reminder, ms: number): void {
    const timer = setTimeout(() => console.log(reminder.text), ms);
    this.scheduled[reminder.id] = { ...reminder };
    this.scheduled[reminder.id].timer = timer;
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
              output: `
interface Reminder {
  id: number;
  text: string;
}
interface Scheduled extends Reminder {
  timer?: NodeJS.Timeout;
}
export class Reminders {
  private readonly scheduled: Record<number, Scheduled> = {};
  schedule(reminder: Reminder, ms: number): void {
    const timer = setTimeout(() => console.log(reminder.text), ms);
    clearTimeout(this.scheduled[reminder.id]?.timer);
    this.scheduled[reminder.id] = { ...reminder };
    this.scheduled[reminder.id].timer = timer;
  }
}
`,
            },
          ],
        }, // Scheduled in `this.scheduled` is dropped by assignment over an existing key without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: 'a pane that keeps a watcher in a public field and never closes it, deleted without closing that field',
      code: watchedPanes(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [],
        }, // Pane in `panes` is dropped by `delete()` without `close()` on `watcher`.
      ],
    },
    {
      name: 'a subclass that adds nothing to a library connection still owes its close()',
      code: `
declare class Connection {
  constructor(url: string);
  send(data: string): void;
  close(): void;
}
class TrackedConnection extends Connection {
  label = '';
}
const connections = new Map<string, TrackedConnection>();
export function open(id: string, url: string) {
  if (!connections.has(id)) connections.set(id, new TrackedConnection(url));
}
export function forget(id: string) {
  connections.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
declare class Connection {
  constructor(url: string);
  send(data: string): void;
  close(): void;
}
class TrackedConnection extends Connection {
  label = '';
}
const connections = new Map<string, TrackedConnection>();
export function open(id: string, url: string) {
  if (!connections.has(id)) connections.set(id, new TrackedConnection(url));
}
export function forget(id: string) {
  connections.get(id)?.close();
  connections.delete(id);
}`,
            },
          ],
        }, // TrackedConnection in `connections` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'a composite node that implements Disposable and holds a Disposable subscription, reset without dispose()',
      code: `
interface Disposable {
  dispose(): any;
}
type Event<T> = (listener: (e: T) => any) => Disposable;
interface View {
  readonly onDidChangeVisibility: Event<boolean>;
}
abstract class ViewNode {
  constructor(readonly view: View) {}
}
abstract class SubscribedNode extends ViewNode implements Disposable {
  private readonly subscription: Disposable;
  constructor(view: View) {
    super(view);
    this.subscription = view.onDidChangeVisibility(() => {});
  }
  dispose(): any {
    this.subscription.dispose();
  }
}
class RepositoryNode extends SubscribedNode {}
export class WorkspaceNode extends ViewNode {
  private children: RepositoryNode[] | undefined;
  load(count: number) {
    this.children ??= [];
    for (let i = 0; i < count; i++) this.children.push(new RepositoryNode(this.view));
  }
  refresh(): void {
    this.children = undefined;
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 30,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
interface Disposable {
  dispose(): any;
}
type Event<T> = (listener: (e: T) => any) => Disposable;
interface View {
  readonly onDidChangeVisibility: Event<boolean>;
}
abstract class ViewNode {
  constructor(readonly view: View) {}
}
abstract class SubscribedNode extends ViewNode implements Disposable {
  private readonly subscription: Disposable;
  constructor(view: View) {
    super(view);
    this.subscription = view.onDidChangeVisibility(() => {});
  }
  dispose(): any {
    this.subscription.dispose();
  }
}
class RepositoryNode extends SubscribedNode {}
export class WorkspaceNode extends ViewNode {
  private children: RepositoryNode[] | undefined;
  load(count: number) {
    this.children ??= [];
    for (let i = 0; i < count; i++) this.children.push(new RepositoryNode(this.view));
  }
  refresh(): void {
    if (this.children) for (const value of this.children) value.dispose();
    this.children = undefined;
  }
}`,
            },
          ],
        }, // RepositoryNode in `this.children` is dropped by reassigning the container without `dispose()`.
      ],
    },
    {
      name: 'map keys: the same channels as the keys of a Map, which keeps them alive',
      code: abortListeners('Map'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 24,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: abortListeners('Map', '      channel.dispose();\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'map keys: clients kept as the keys of a request-count map',
      code: `declare class RpcClient { constructor(host: string); close(): Promise<void> }
export class ClientPool {
  private readonly live = new Map<RpcClient, number>();
  acquire(host: string): RpcClient { const client = new RpcClient(host); this.live.set(client, 1); return client; }
  sweep() { this.live.forEach((count, client) => { if (count === 0) this.live.delete(client); }); }
  sweepClosed() { this.live.forEach((count, client) => { if (count === 0) { void client.close(); this.live.delete(client); } }); }
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare class RpcClient { constructor(host: string); close(): Promise<void> }
export class ClientPool {
  private readonly live = new Map<RpcClient, number>();
  acquire(host: string): RpcClient { const client = new RpcClient(host); this.live.set(client, 1); return client; }
  sweep() { this.live.forEach((count, client) => { if (count === 0) { void client.close(); this.live.delete(client); } }); }
  sweepClosed() { this.live.forEach((count, client) => { if (count === 0) { void client.close(); this.live.delete(client); } }); }
}
`,
            },
          ],
        }, // RpcClient in `this.live` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'modules: a registry filled in one module and emptied in another',
      code: `import { pollersByUrl } from './shared/registry.js';
export function untrack(url: string) { pollersByUrl.delete(url); }
export async function untrackClosed(url: string) { await pollersByUrl.get(url)?.close(); pollersByUrl.delete(url); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 2,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { pollersByUrl } from './shared/registry.js';
export function untrack(url: string) { void pollersByUrl.get(url)?.close();
pollersByUrl.delete(url); }
export async function untrackClosed(url: string) { await pollersByUrl.get(url)?.close(); pollersByUrl.delete(url); }
`,
            },
          ],
        }, // Poller in `pollersByUrl` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'timers by origin: requestAnimationFrame ids typed number',
      code: `declare function requestAnimationFrame(cb: () => void): number;
declare function cancelAnimationFrame(id: number): void;
const frames = new Map<string, number>();
export function animate(id: string) { frames.set(id, requestAnimationFrame(() => {})); }
export function stop(id: string) { frames.delete(id); }
export function stopped(id: string) { const f = frames.get(id); if (f !== undefined) cancelAnimationFrame(f); frames.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare function requestAnimationFrame(cb: () => void): number;
declare function cancelAnimationFrame(id: number): void;
const frames = new Map<string, number>();
export function animate(id: string) { cancelAnimationFrame(frames.get(id));
frames.set(id, requestAnimationFrame(() => {})); }
export function stop(id: string) { frames.delete(id); }
export function stopped(id: string) { const f = frames.get(id); if (f !== undefined) cancelAnimationFrame(f); frames.delete(id); }
`,
            },
          ],
        }, // timer id in `frames` is dropped by `set()` over an existing key without `cancelAnimationFrame()`.
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare function requestAnimationFrame(cb: () => void): number;
declare function cancelAnimationFrame(id: number): void;
const frames = new Map<string, number>();
export function animate(id: string) { frames.set(id, requestAnimationFrame(() => {})); }
export function stop(id: string) { cancelAnimationFrame(frames.get(id));
frames.delete(id); }
export function stopped(id: string) { const f = frames.get(id); if (f !== undefined) cancelAnimationFrame(f); frames.delete(id); }
`,
            },
          ],
        }, // timer id in `frames` is dropped by `delete()` without `cancelAnimationFrame()`.
      ],
    },
    {
      name: 'timers by origin: a record whose number timer field is armed after insertion',
      code: `declare const win: { setTimeout(cb: () => void, ms: number): number; clearTimeout(id?: number): void };
interface Entry { queue: string[]; timer?: number }
const entries = new Map<string, Entry>();
export function enqueue(id: string, item: string) {
  let entry = entries.get(id);
  if (!entry) { entry = { queue: [] }; entries.set(id, entry); }
  entry.queue.push(item);
  entry.timer = win.setTimeout(() => {}, 100);
}
export function drop(id: string) { entries.delete(id); }
export function dropCleared(id: string) { win.clearTimeout(entries.get(id)?.timer); entries.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `declare const win: { setTimeout(cb: () => void, ms: number): number; clearTimeout(id?: number): void };
interface Entry { queue: string[]; timer?: number }
const entries = new Map<string, Entry>();
export function enqueue(id: string, item: string) {
  let entry = entries.get(id);
  if (!entry) { entry = { queue: [] }; entries.set(id, entry); }
  entry.queue.push(item);
  entry.timer = win.setTimeout(() => {}, 100);
}
export function drop(id: string) { clearTimeout(entries.get(id)?.timer);
entries.delete(id); }
export function dropCleared(id: string) { win.clearTimeout(entries.get(id)?.timer); entries.delete(id); }
`,
            },
          ],
        }, // Entry in `entries` is dropped by `delete()` without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: 'nested containers: arrays and maps of timers dropped with the outer entry; a list read and stored back drops nothing',
      code: `const timersByRoom = new Map<string, NodeJS.Timeout[]>();
const subsByRoom = new Map<string, Map<string, NodeJS.Timeout>>();
export function add(room: string) {
  const list = timersByRoom.get(room) ?? [];
  list.push(setTimeout(() => {}, 10));
  timersByRoom.set(room, list);
  let inner = subsByRoom.get(room);
  if (!inner) { inner = new Map(); subsByRoom.set(room, inner); }
  inner.set('x', setInterval(() => {}, 10));
}
export function leave(room: string) { timersByRoom.delete(room); subsByRoom.delete(room); }
export function leaveCleanly(room: string) {
  for (const t of timersByRoom.get(room) ?? []) clearTimeout(t);
  timersByRoom.delete(room);
  subsByRoom.get(room)?.forEach((t) => clearInterval(t));
  subsByRoom.delete(room);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const timersByRoom = new Map<string, NodeJS.Timeout[]>();
const subsByRoom = new Map<string, Map<string, NodeJS.Timeout>>();
export function add(room: string) {
  const list = timersByRoom.get(room) ?? [];
  list.push(setTimeout(() => {}, 10));
  timersByRoom.set(room, list);
  let inner = subsByRoom.get(room);
  if (!inner) { inner = new Map(); subsByRoom.set(room, inner); }
  inner.set('x', setInterval(() => {}, 10));
}
export function leave(room: string) { for (const inner of timersByRoom.get(room) ?? []) clearTimeout(inner);
timersByRoom.delete(room); subsByRoom.delete(room); }
export function leaveCleanly(room: string) {
  for (const t of timersByRoom.get(room) ?? []) clearTimeout(t);
  timersByRoom.delete(room);
  subsByRoom.get(room)?.forEach((t) => clearInterval(t));
  subsByRoom.delete(room);
}
`,
            },
          ],
        }, // Timeout[] in `timersByRoom` is dropped by `delete()` without `clearTimeout()` on each value.
        {
          messageId: 'unreleasedDrop',
          line: 11,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const timersByRoom = new Map<string, NodeJS.Timeout[]>();
const subsByRoom = new Map<string, Map<string, NodeJS.Timeout>>();
export function add(room: string) {
  const list = timersByRoom.get(room) ?? [];
  list.push(setTimeout(() => {}, 10));
  timersByRoom.set(room, list);
  let inner = subsByRoom.get(room);
  if (!inner) { inner = new Map(); subsByRoom.set(room, inner); }
  inner.set('x', setInterval(() => {}, 10));
}
export function leave(room: string) { timersByRoom.delete(room); for (const inner of subsByRoom.get(room)?.values() ?? []) clearInterval(inner);
subsByRoom.delete(room); }
export function leaveCleanly(room: string) {
  for (const t of timersByRoom.get(room) ?? []) clearTimeout(t);
  timersByRoom.delete(room);
  subsByRoom.get(room)?.forEach((t) => clearInterval(t));
  subsByRoom.delete(room);
}
`,
            },
          ],
        }, // Map<string, Timeout> in `subsByRoom` is dropped by `delete()` without `clearInterval()` on each value.
      ],
    },
    {
      name: 'records: a data class with a public timer field counts like an interface',
      code: `class Entry { timeoutId?: NodeJS.Timeout; attempts = 0; }
const entries = new Map<string, Entry>();
export function track(id: string) { const e = new Entry(); e.timeoutId = setTimeout(() => {}, 10); if (!entries.has(id)) entries.set(id, e); }
export function untrack(id: string) { entries.delete(id); }
export function untrackCleared(id: string) { clearTimeout(entries.get(id)?.timeoutId); entries.delete(id); }
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `class Entry { timeoutId?: NodeJS.Timeout; attempts = 0; }
const entries = new Map<string, Entry>();
export function track(id: string) { const e = new Entry(); e.timeoutId = setTimeout(() => {}, 10); if (!entries.has(id)) entries.set(id, e); }
export function untrack(id: string) { clearTimeout(entries.get(id)?.timeoutId);
entries.delete(id); }
export function untrackCleared(id: string) { clearTimeout(entries.get(id)?.timeoutId); entries.delete(id); }
`,
            },
          ],
        }, // Entry in `entries` is dropped by `delete()` without `clearTimeout()` on `timeoutId`.
      ],
    },
    {
      name: "the story's meter removed without stop(): the release itself proves the obligation",
      code: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.delete(route); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.get(route)?.stop();
meters.delete(route); }`,
            },
          ],
        },
      ],
    },
  ],
});

/**
 * From real code (ioBroker.js-controller, main.ts): a placeholder record written over a process
 * record under a directive, `directive`, that silences the placeholder's missing fields.
 */
const placeholderProcs = (directive: string): string => `
interface Proc { timer?: NodeJS.Timeout; config: { enabled: boolean } }
const procs: Record<string, Proc> = {};
export function arm(id: string): void {
  if (!procs[id]) return;
  procs[id].timer = setTimeout(() => {}, 1000);
}
export function placeholder(id: string): void {
  ${directive}
  procs[id] = { downloadRetry: 0, config: { enabled: false } };
}`;

ruleTester.run('stop-on-evict: a suggestion above a directive comment', rule, {
  valid: [],
  invalid: [
    ...['// @ts-expect-error a placeholder has fields a process record does not declare', '// @ts-ignore'].map((directive) => ({
      name: `from real code (ioBroker.js-controller): the release goes above \`${directive.slice(3, 20)}…\`, which speaks of the line after it`,
      code: placeholderProcs(directive),
      errors: [
        {
          messageId: 'unreleasedDrop' as const,
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop' as const,
              output: placeholderProcs(`clearTimeout(procs[id]?.timer);\n  ${directive}`),
            },
          ],
        },
      ],
    })),
    {
      name: 'twin: an ordinary comment above the statement stays where it is, and the release goes between',
      code: placeholderProcs('// a placeholder until the adapter is installed'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: placeholderProcs('// a placeholder until the adapter is installed\n  clearTimeout(procs[id]?.timer);'),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * From real code (xterm.js, addon-image/ImageStorage.ts): an image spec's `image` is a bitmap, which
 * `close()` releases, or a canvas, which has nothing to release; `made` is what add() stores there.
 */
const imageSpecs = (type: string, made: string): string => `
declare class Bitmap { close(): void; readonly width: number }
declare class Canvas { readonly width: number }
interface Spec { image: ${type}; id: number }
const specs = new Map<number, Spec>();
export function add(id: number, bitmap: boolean): void {
  specs.set(id, { image: ${made}, id });
}
export function remove(id: number): void {
  specs.delete(id);
}`;

ruleTester.run('stop-on-evict: no suggestion that would not type-check', rule, {
  valid: [],
  invalid: [
    {
      name: 'from real code (xterm.js): a field that may hold a canvas is reported without a suggestion, since `image?.close()` is not a call a canvas has',
      code: imageSpecs('Bitmap | Canvas', 'bitmap ? new Bitmap() : new Canvas()'),
      errors: [{ messageId: 'unreleasedDrop', line: 10, suggestions: [] }],
    },
    {
      name: 'from real code (xterm.js), twin: a field that holds bitmaps only is offered its close()',
      code: imageSpecs('Bitmap', 'new Bitmap()'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: imageSpecs('Bitmap', 'new Bitmap()').replace('  specs.delete(id);', '  specs.get(id)?.image?.close();\n  specs.delete(id);'),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A bus that keeps, per topic, the cleanup functions `subscribe()` hands back, in a set (or a list)
 * made for the topic: `inner` is the inner container's type, `add` how one is put in it, and
 * `members` the bus's other methods.
 */
const topicBus = (members: string, inner = 'Set<Unsubscribe>', add = 'add', made = 'new Set()'): string => `type Unsubscribe = () => void;
declare function subscribe(topic: string, cb: (message: string) => void): Unsubscribe;

export class Bus {
  private subs = new Map<string, ${inner}>();

  on(topic: string, cb: (message: string) => void): void {
    let inner = this.subs.get(topic);
    if (!inner) {
      inner = ${made};
      this.subs.set(topic, inner);
    }
    inner.${add}(subscribe(topic, cb));
  }

  off(topic: string): void {
    for (const unsubscribe of this.subs.get(topic) ?? []) unsubscribe();
    this.subs.delete(topic);
  }
${members}
}
`;

const FORGET = `
  forget(topic: string): void {
    this.subs.delete(topic); // the topic is forgotten
  }`;

/** An emitter whose handler sets hold what callers add (`handler`) or functions it writes itself. */
const handlerSets = (handler: string): string => `export class Emitter {
  private handlers = new Map<string, Set<() => void>>();

  on(event: string, handler: () => void): void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(${handler});
  }

  emit(event: string): void {
    for (const handler of this.handlers.get(event) ?? []) handler();
  }

  offAll(event: string): void {
    this.handlers.delete(event);
  }
}
`;

const RESET = topicBus(`
  reset(): void {
    this.subs.clear();
  }`);

ruleTester.run('stop-on-evict: lists and sets of cleanup functions kept per key', rule, {
  valid: [
    {
      name: 'every cleanup function of the topic is called before its set goes, also through a local and forEach, and before clear()',
      code: topicBus(`
  offLocal(topic: string): void {
    const set = this.subs.get(topic);
    set?.forEach((unsubscribe) => unsubscribe());
    this.subs.delete(topic);
  }

  dispose(): void {
    for (const set of this.subs.values()) for (const unsubscribe of set) unsubscribe();
    this.subs.clear();
  }`),
    },
    {
      name: 'handlers a caller adds to a set per event are called on each event, not owed when the set goes',
      code: handlerSets('handler'),
    },
    {
      name: 'nor are handlers the emitter writes itself',
      code: handlerSets('() => handler()'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'a set of the cleanup functions subscribe() handed back, deleted without calling them',
      topicBus(FORGET),
      '    this.subs.delete(topic); // the topic is forgotten',
      '    for (const inner of this.subs.get(topic) ?? []) inner();\n',
    ),
    reportedWithRelease(
      'the same kept in a list',
      topicBus(FORGET, 'Unsubscribe[]', 'push', '[]'),
      '    this.subs.delete(topic); // the topic is forgotten',
      '    for (const inner of this.subs.get(topic) ?? []) inner();\n',
    ),
    {
      name: 'every set dropped by clear(), each owing the call of every function in it',
      code: RESET,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'list of cleanup functions', container: 'this.subs', operation: '`clear()`', release: 'calling each of them' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: RESET.replace(
                '    this.subs.clear();',
                '    for (const value of this.subs.values()) for (const inner of value) inner();\n    this.subs.clear();',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A handle declared as nothing but its own release functions, written as properties
 * (`interface Subscription { unsubscribe: () => void }`, as browser SDKs and protocol clients declare
 * theirs): `member` is the declaration's body, `store` what `watch()` keeps per topic.
 */
const handleBus = (member: string, store: string, extra = ''): string => {
  const call = member.includes('?:') ? 'unsubscribe?.()' : 'unsubscribe()';
  return `
import { EventEmitter } from 'node:events';
interface Subscription { ${member} }
function subscribe(bus: EventEmitter, topic: string, listener: () => void): Subscription {
  bus.on(topic, listener);
  return { unsubscribe: () => { bus.off(topic, listener); } } as Subscription;
}
export class Topics {
  private readonly subs = new Map<string, Subscription>();
  constructor(private readonly bus: EventEmitter) {}
  watch(topic: string, listener: () => void): void {
    this.subs.set(topic, ${store});
  }
  unwatch(topic: string): void {
    this.subs.get(topic)?.${call};
    this.subs.delete(topic);
  }
  forget(topic: string): void {
    this.subs.delete(topic); // the topic is forgotten
  }${extra}
}
`;
};
const SUBSCRIBED = 'subscribe(this.bus, topic, listener)';

ruleTester.run('stop-on-evict: handles made only of their release functions', rule, {
  valid: [
    {
      name: 'an optional release is a callback the record may carry: data',
      code: handleBus('unsubscribe?: () => void;', SUBSCRIBED),
    },
    {
      name: 'a record that also carries data beside its release function carries it as data',
      code: handleBus('topic?: string; unsubscribe: () => void;', SUBSCRIBED),
    },
    {
      name: 'a handle that extends another type is not one made only of its releases',
      code: `interface Named { name: string }\n${handleBus('unsubscribe: () => void;', SUBSCRIBED).replace('interface Subscription {', 'interface Subscription extends Named {').replace('return { unsubscribe', 'return { name: topic, unsubscribe')}`,
    },
    {
      name: 'handles a caller hands in are borrowed',
      code: `
interface Subscription { unsubscribe: () => void }
export class Topics {
  private readonly subs = new Map<string, Subscription>();
  keep(topic: string, handed: Subscription): void {
    this.subs.set(topic, handed);
  }
  forget(topic: string): void {
    this.subs.delete(topic);
  }
}
`,
    },
    {
      name: 'a handle that removes itself in its own release is not dropped by that removal',
      code: `
import { EventEmitter } from 'node:events';
type Handle = { close: () => void };
export class Watches {
  private readonly open = new Map<string, Handle>();
  constructor(private readonly bus: EventEmitter) {}
  watch(topic: string, listener: () => void): Handle {
    this.bus.on(topic, listener);
    const handle: Handle = {
      close: () => {
        this.bus.off(topic, listener);
        this.open.delete(topic);
      },
    };
    this.open.get(topic)?.close();
    this.open.set(topic, handle);
    return handle;
  }
}
`,
    },
  ],
  invalid: [
    reportedWithRelease(
      'a subscription whose type is its unsubscribe function, written as a property, forgotten without it',
      handleBus('unsubscribe: () => void;', SUBSCRIBED),
      '    this.subs.delete(topic); // the topic is forgotten',
      '    this.subs.get(topic)?.unsubscribe();\n',
    ),
    reportedWithRelease(
      'the same declared as a type literal with a second lifecycle verb',
      handleBus('unsubscribe: () => void; cancel: () => void;', SUBSCRIBED)
        .replace(
          'interface Subscription { unsubscribe: () => void; cancel: () => void; }',
          'type Subscription = { unsubscribe: () => void; cancel: () => void };',
        )
        .replace(
          'return { unsubscribe: () => { bus.off(topic, listener); } }',
          'const off = () => { bus.off(topic, listener); };\n  return { unsubscribe: off, cancel: off }',
        ),
      '    this.subs.delete(topic); // the topic is forgotten',
      '    this.subs.get(topic)?.unsubscribe();\n',
    ),
  ],
});

/**
 * A record per peer carrying the cleanup functions `listen()` handed back (`{ em, off }`, or a list
 * `offs`), which `remove()` calls: `fill` is the record's cleanup field as stored, `call` how
 * `remove()` calls it, `extra` more members.
 */
const peerRecords = (field: string, fill: string, call: string, extra = ''): string => `
import { EventEmitter } from 'node:events';
type Off = () => void;
function listen(em: EventEmitter, event: string, fn: () => void): Off {
  em.on(event, fn);
  return () => em.off(event, fn);
}
interface Peer { em: EventEmitter; ${field} }
export class Peers {
  private readonly peers = new Map<string, Peer>();
  add(id: string, em: EventEmitter, onMessage: () => void): void {
    ${fill}
  }
  remove(id: string): void {
    const peer = this.peers.get(id);
    ${call}
    this.peers.delete(id);
  }
  kick(id: string): void {
    this.peers.delete(id); // the peer is kicked
  }${extra}
}
`;
const ONE_OFF = "this.peers.set(id, { em, off: listen(em, 'message', onMessage) });";
const CALL_OFF = 'peer?.off();';
const LIST_OFFS = "this.peers.set(id, { em, offs: [listen(em, 'message', onMessage), listen(em, 'close', onMessage)] });";
const CALL_OFFS = 'peer?.offs.forEach((off) => off());';

ruleTester.run('stop-on-evict: cleanup functions a record carries', rule, {
  valid: [
    {
      name: 'each peer’s cleanup is called before it goes, also in a loop over the values before clear()',
      code: peerRecords(
        'off: Off;',
        ONE_OFF,
        CALL_OFF,
        '\n  reset(): void {\n    for (const peer of this.peers.values()) peer.off();\n    this.peers.clear();\n  }',
      ).replace('    this.peers.delete(id); // the peer is kicked', '    this.peers.get(id)?.off();\n    this.peers.delete(id);'),
    },
    {
      name: 'a cleanup written in place is a callback the record carries: data',
      code: peerRecords('off: Off;', "em.on('message', onMessage);\n    this.peers.set(id, { em, off: () => em.off('message', onMessage) });", CALL_OFF),
    },
    {
      name: 'a cleanup a caller hands in is the caller’s',
      code: peerRecords('off: Off;', 'this.peers.set(id, { em, off: onMessage });', CALL_OFF),
    },
    {
      name: 'a function the record carries that the code never calls is data',
      code: peerRecords('off: Off;', ONE_OFF, 'void peer;'),
    },
    {
      name: 'a bound handler is the function it is called on, not a cleanup',
      code: peerRecords('off: Off;', 'this.peers.set(id, { em, off: onMessage.bind(this) });', CALL_OFF),
    },
    {
      name: 'a list of handlers that starts empty may be filled with anything: the handlers called on each event are data',
      code: peerRecords(
        'offs: Off[];',
        'this.peers.set(id, { em, offs: [] });',
        CALL_OFFS,
        '\n  on(id: string, handler: Off): void {\n    this.peers.get(id)?.offs.push(handler);\n  }',
      ),
    },
  ],
  invalid: [
    reportedWithRelease(
      'a peer kicked without calling the cleanup its record carries',
      peerRecords('off: Off;', ONE_OFF, CALL_OFF),
      '    this.peers.delete(id); // the peer is kicked',
      '    this.peers.get(id)?.off();\n',
    ),
    reportedWithRelease(
      'the same with a list of cleanups, called each in a loop over the field',
      peerRecords('offs: Off[];', LIST_OFFS, CALL_OFFS),
      '    this.peers.delete(id); // the peer is kicked',
      '    for (const inner of this.peers.get(id)?.offs ?? []) inner();\n',
    ),
    reportedWithRelease(
      'a list pushed into a local before it is stored, called in a for…of',
      peerRecords(
        'offs: Off[];',
        "const offs: Off[] = [];\n    offs.push(listen(em, 'message', onMessage));\n    this.peers.set(id, { em, offs });",
        'for (const off of peer?.offs ?? []) off();',
      ),
      '    this.peers.delete(id); // the peer is kicked',
      '    for (const inner of this.peers.get(id)?.offs ?? []) inner();\n',
    ),
    {
      name: 'the message names the field to call',
      code: peerRecords('off: Off;', ONE_OFF, CALL_OFF),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Peer', container: 'this.peers', operation: '`delete()`', release: 'calling `off`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: peerRecords('off: Off;', ONE_OFF, CALL_OFF).replace(
                '    this.peers.delete(id); // the peer is kicked',
                '    this.peers.get(id)?.off();\n    this.peers.delete(id); // the peer is kicked',
              ),
            },
          ],
        },
      ],
    },
  ],
});
