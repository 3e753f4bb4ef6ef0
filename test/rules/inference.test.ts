import rule from '../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../ruleTester.js';

// stop-on-evict with resources known from their code (issue 4): no annotations, no names.
const ruleTester = createTypedRuleTester();

/**
 * From real code (gitlens's view nodes): a base class whose public `dispose(): any` runs a protected
 * `unsubscribe()`, in a list beside nodes that hold nothing; `fill` puts nodes in, `clear` empties it.
 */
const viewNodes = (fill: string, clear = 'this.children.length = 0;'): string => `interface Disposable { dispose(): any }
declare function onDidChange(listener: () => void): Disposable;
abstract class SubscribingNode implements Disposable {
  protected readonly disposable: Disposable;
  private subscription: Disposable | undefined;
  constructor() { this.disposable = onDidChange(() => this.refresh()); }
  dispose(): any { this.unsubscribe(); this.disposable.dispose(); }
  protected unsubscribe(): void { this.subscription?.dispose(); this.subscription = undefined; }
  protected refresh(): void { this.subscription ??= onDidChange(() => {}); }
}
class ResultsNode extends SubscribingNode {}
class PickerNode { constructor(readonly repo: string) {} }
declare function storedNodes(): (ResultsNode | PickerNode)[];
export class ViewRoot {
  private children: (ResultsNode | PickerNode)[] = [];
  ${fill}
  clear(): void { ${clear} }
}`;
const restoreStored = 'load(): void { this.children.push(...storedNodes()); }';
/** `viewNodes` with a second class that owes its dispose() in the list. */
const withWatchNodes = (code: string): string =>
  code
    .replace(
      'class PickerNode',
      'class WatchNode implements Disposable { private readonly d = onDidChange(() => {}); dispose(): any { this.d.dispose(); } }\nclass PickerNode',
    )
    .replaceAll('(ResultsNode | PickerNode)', '(ResultsNode | WatchNode | PickerNode)');

/**
 * From real code (nostr-tools): a subscription arms its timer in `fire()`, cleared by `receivedEose()`;
 * `close` is its close() body. The relay keeps subscriptions per id and empties the map with `closeAll`.
 */
const relaySubscriptions = (close: string, closeAll: string): string => `
class Subscription {
  private eoseTimer: ReturnType<typeof setTimeout> | undefined;
  closed = false;
  constructor(readonly relay: Relay, readonly id: string) {}
  fire(): void { this.eoseTimer = setTimeout(() => this.receivedEose(), 4_000); }
  receivedEose(): void { clearTimeout(this.eoseTimer); }
  close(reason = 'closed by caller'): void { ${close} }
}
export class Relay {
  openSubs = new Map<string, Subscription>();
  subscribe(id: string): Subscription {
    const sub = new Subscription(this, id);
    if (this.openSubs.has(id)) return this.openSubs.get(id)!;
    this.openSubs.set(id, sub);
    sub.fire();
    return sub;
  }
  closeAll(): void {
    ${closeAll}
    this.openSubs.clear();
  }
}`;
const takesItselfOut = 'this.closed = true; console.log(reason); this.relay.openSubs.delete(this.id);';

/** A provider whose timer runs while anyone listens (its class body, left open for a member more). */
const LISTENED_PROVIDER = `type Listener = (value: string) => void;
class FileProvider {
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  constructor(readonly path: string) {}
  addListener(listener: Listener): void {
    this.listeners.add(listener);
    this.maybeStart();
  }
  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.maybeStop();
  }
  private maybeStart(): void {
    if (!this.timer) this.timer = setInterval(() => this.poll(), 1000);
  }
  private maybeStop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
  private poll(): void {}
`;
/** The module that keeps one provider per path. */
const PROVIDER_HOLDER = `const providers = new Map<string, FileProvider>();
export function providerFor(path: string): FileProvider {
  let provider = providers.get(path);
  if (!provider) {
    provider = new FileProvider(path);
    providers.set(path, provider);
  }
  return provider;
}
export function forget(path: string): void {
  providers.delete(path);
}
`;
const DISPOSABLE_PROVIDER = `${LISTENED_PROVIDER}  dispose(): void {
    this.listeners.clear();
    this.maybeStop();
  }
}
${PROVIDER_HOLDER}`;

/** A connection released by its public `unref()`, which runs its private `halt()`; one kept per id. */
const REF_COUNTED_CONN = `class Conn {
  private readonly timer = setInterval(() => this.tick(), 1000);
  private refs = 1;
  unref(): void {
    if (--this.refs === 0) this.halt();
  }
  private halt(): void {
    clearInterval(this.timer);
  }
  private tick(): void {}
}
const conns = new Map<string, Conn>();
export function open(id: string): void {
  if (!conns.has(id)) conns.set(id, new Conn());
}
`;
const UNREFFED_DROP = `${REF_COUNTED_CONN}export function drop(id: string): void {
  conns.delete(id);
}
`;

/** A client, and an object that holds one (`getClient()`) or makes a new one (`makeClient()`). */
const CLIENT_AND_REALTIME = `class Client {
  private readonly timer = setInterval(() => {}, 1000);
  close(): void {
    clearInterval(this.timer);
  }
}
class Realtime {
  private readonly client = new Client();
  getClient(): Client {
    return this.client;
  }
  makeClient(): Client {
    return new Client();
  }
}
`;
const OWN_VIEW = `${CLIENT_AND_REALTIME}class OwnView {
  readonly client: Client;
  constructor(private readonly realtime: Realtime) {
    this.client = this.realtime.makeClient();
  }
  render(): void {}
}
const ownViews = new Map<string, OwnView>();
export function open(id: string, realtime: Realtime): void {
  if (!ownViews.has(id)) ownViews.set(id, new OwnView(realtime));
}
export function dismiss(id: string): void {
  ownViews.delete(id);
}
`;

/** A class whose interval its `stop()` clears. */
const TICKING_OWNER = `class Owner {
  private readonly timer = setInterval(() => {}, 1000);
  stop(): void {
    clearInterval(this.timer);
  }
}
`;
const OWN_CHILD = `${TICKING_OWNER}class Child {
  readonly parent: Owner;
  readonly owner: Owner;
  constructor() {
    this.parent = this.owner = new Owner();
  }
  ping(): void {}
}
const children = new Map<string, Child>();
export function add(id: string): void {
  if (!children.has(id)) children.set(id, new Child());
}
export function remove(id: string): void {
  children.delete(id);
}
`;

/**
 * From real code (coc.nvim, refactor/index.ts; bench/history/coc-nvim-refactor-buffer-close): a buffer
 * keeps the disposables it registers in a list that its dispose() hands to a module helper; \`helper\`
 * is that helper's body, given \`list\`.
 */
const refactorBuffers = (helper: string): string => `interface Disposable { dispose(): void }
declare function registerKeymap(key: string, fn: () => void): Disposable;
function disposeAll(list: Disposable[]): void {
  ${helper}
}
class RefactorBuffer {
  private readonly disposables: Disposable[] = [];
  constructor(readonly bufnr: number) {
    this.disposables.push(registerKeymap('<CR>', () => {}));
  }
  dispose(): void {
    disposeAll(this.disposables);
  }
}
export class Refactor {
  private readonly buffers = new Map<number, RefactorBuffer>();
  create(bufnr: number): RefactorBuffer {
    const buf = new RefactorBuffer(bufnr);
    this.buffers.set(bufnr, buf);
    return buf;
  }
  closed(bufnr: number): void {
    this.buffers.delete(bufnr);
  }
}`;

/**
 * From real code (vscode-livepreview's servers, vscode-hexeditor's documents): VS Code's `Disposable`
 * base whose `_register<T>(o: T): T` keeps what a subclass makes and hands it back; the subclass
 * keeps a watcher that way, in a field with no written type.
 */
const registeredPreviews = (close: string): string => `import * as fs from 'node:fs';
interface IDisposable { dispose(): void }
abstract class Disposable implements IDisposable {
  private readonly _store = new Set<IDisposable>();
  protected _register<T extends IDisposable>(o: T): T {
    this._store.add(o);
    return o;
  }
  dispose(): void {
    for (const d of this._store) d.dispose();
    this._store.clear();
  }
}
class FileWatch implements IDisposable {
  private readonly watcher = fs.watch('.');
  dispose(): void { this.watcher.close(); }
}
class Preview extends Disposable {
  private readonly _watch = this._register(new FileWatch());
  get watching(): boolean { return this._watch !== undefined; }
}
export class Previews {
  private readonly previews = new Map<string, Preview>();
  open(uri: string): void {
    this.previews.set(uri, new Preview());
  }
  close(uri: string): void {
    ${close}
  }
}`;

ruleTester.run('stop-on-evict (inferred resources)', rule, {
  valid: [
    {
      name: "from real code (vscode-livepreview): a subclass of VS Code's Disposable whose `_register()` keeps a watcher, disposed before it leaves the map",
      code: registeredPreviews('this.previews.get(uri)?.dispose();\n    this.previews.delete(uri);'),
    },
    {
      name: 'a module helper that only reads the list it is given (no element released) makes no release of the class',
      code: refactorBuffers('console.log(list.length);'),
    },
    {
      name: "inference: a public close() that takes the object out of its parent's collection is a release its holders call, beside the method that clears the timer",
      code: relaySubscriptions(takesItselfOut, 'for (const sub of this.openSubs.values()) sub.close();'),
    },
    {
      name: 'from real code (gitlens): nodes spread into a list from the caller are the caller’s',
      code: viewNodes('adopt(nodes: ResultsNode[]): void { this.children.push(...nodes); }'),
    },
    ...['ResultsNode', 'SubscribingNode'].map((kind) => ({
      name: `from real code (gitlens): a mixed list released under \`instanceof ${kind}\`, a class every owing member is`,
      code: viewNodes(restoreStored, `for (const node of this.children) if (node instanceof ${kind}) node.dispose(); this.children.length = 0;`),
    })),
    {
      name: 'from real code (gitlens): nodes spread into a list from a call, released where they have a dispose() first',
      code: viewNodes(restoreStored, "for (const node of this.children) if ('dispose' in node) node.dispose(); this.children.length = 0;"),
    },
    {
      name: 'inference: the public unref() that runs the private halt() is the release its holder calls',
      code: `${REF_COUNTED_CONN}export function release(id: string): void {
  conns.get(id)?.unref();
  conns.delete(id);
}
`,
    },
    {
      name: 'inference: a class whose only release is private stops itself; its holder owes nothing it could call',
      code: `class Poller {
  private readonly timer = setInterval(() => this.tick(), 1000);
  constructor(private readonly onDone: () => void) {}
  private stop(): void {
    clearInterval(this.timer);
  }
  private tick(): void {
    if (Math.random() > 0.5) {
      this.stop();
      this.onDone();
    }
  }
}
const pollers = new Map<string, Poller>();
export function open(id: string): void {
  if (!pollers.has(id)) pollers.set(id, new Poller(() => pollers.delete(id)));
}
export function drop(id: string): void {
  pollers.delete(id);
}
`,
    },
    {
      name: 'inference: a field given what a getter of the program returns (return this.client) holds a reference its owner keeps',
      code: `${CLIENT_AND_REALTIME}class View {
  readonly client: Client;
  constructor(private readonly realtime: Realtime) {
    this.client = this.realtime.getClient();
  }
  render(): void {}
}
const views = new Map<string, View>();
export function open(id: string, realtime: Realtime): void {
  if (!views.has(id)) views.set(id, new View(realtime));
}
export function close(id: string): void {
  views.delete(id);
}
`,
    },
    {
      name: 'inference: fields given a destructured constructor parameter, or a reference read through this.server.owner, hold what others own',
      code: `class Manager {
  private readonly timer = setInterval(() => {}, 1000);
  stop(): void {
    clearInterval(this.timer);
  }
}
interface Server { readonly owner: { readonly manager: Manager } }
class Query {
  readonly manager: Manager;
  constructor({ manager }: { manager: Manager }) { this.manager = manager; }
  run(): void {}
}
class Session {
  readonly manager: Manager;
  constructor(private readonly server: Server) { this.manager = this.server.owner.manager; }
  run(): void {}
}
const queries = new Map<string, Query>();
const sessions = new Map<string, Session>();
export function add(id: string, manager: Manager, server: Server): void {
  if (!queries.has(id)) queries.set(id, new Query({ manager }));
  if (!sessions.has(id)) sessions.set(id, new Session(server));
}
export function remove(id: string): void { queries.delete(id); sessions.delete(id); }
`,
    },
    {
      name: "inference: a field given the constructor's parameter through an assignment chain (this.parent = this.owner = owner) holds what the caller owns",
      code: `${TICKING_OWNER}class Child {
  readonly parent: Owner;
  readonly owner: Owner;
  constructor(owner: Owner) {
    this.parent = this.owner = owner;
  }
  ping(): void {}
}
const children = new Map<string, Child>();
export function add(id: string, owner: Owner): void {
  if (!children.has(id)) children.set(id, new Child(owner));
}
export function remove(id: string): void {
  children.delete(id);
}
`,
    },
    {
      name: "inference: a timer that runs only while listeners are registered is stopped by their removal, the registrants' to undo",
      code: `${LISTENED_PROVIDER}}
${PROVIDER_HOLDER}`,
    },
    {
      name: 'inference: its holder calls that dispose() before the delete',
      code: `import * as net from 'node:net';

class Connection {
  constructor(private readonly socket: net.Socket) {}
  stop(): void {
    this.socket.destroy();
  }
}

export class Session {
  readonly connection: Connection;
  private name = '';
  constructor(socket: net.Socket) {
    this.connection = new Connection(socket);
  }
  rename(name: string): void {
    this.name = name;
  }
  dispose(): void {
    this.name = '';
  }
}

const sessions = new Map<string, Session>();

export function open(id: string, socket: net.Socket): void {
  if (!sessions.has(id)) sessions.set(id, new Session(socket));
}

export function terminate(id: string): void {
  const session = sessions.get(id);
  sessions.delete(id);
  if (session) session.dispose();
}
`,
    },
    {
      name: 'inference: the same tunnel closed before its delete',
      code: `import * as net from 'node:net';

class Tunnel {
  private readonly sockets: net.Socket[] = [];
  private readonly timer = setInterval(() => this.ping(), 1000);
  ping(): void {}
  close(): Promise<void[]> {
    clearInterval(this.timer);
    return Promise.all(this.sockets.map((socket) => new Promise<void>((resolve) => socket.end(resolve))));
  }
}

const tunnels = new Map<string, Tunnel>();

export function open(id: string): void {
  if (!tunnels.has(id)) tunnels.set(id, new Tunnel());
}

export async function drop(id: string): Promise<void> {
  await tunnels.get(id)?.close();
  tunnels.delete(id);
}
`,
    },
    {
      name: 'inference: a method returning a promise of data is not a release',
      code: `class Sampler {
  private readonly timer = setInterval(() => this.sample(), 1000);
  sample(): void {}
  stop(): Promise<number[]> {
    clearInterval(this.timer);
    return Promise.resolve([1, 2, 3]);
  }
}

const samplers = new Map<string, Sampler>();

export function open(id: string): void {
  if (!samplers.has(id)) samplers.set(id, new Sampler());
}

export function drop(id: string): void {
  samplers.delete(id);
}
`,
    },
    {
      name: 'inference: counters and copies of fields acquire nothing',
      code: `class Tally {
  private count = 0;
  private label = '';
  private previous = 0;
  bump(by: number): void {
    this.previous = this.count;
    this.count = this.count + by;
    this.label = \`\${this.count}\`;
  }
  stop(): void {
    this.count = 0;
  }
}

const tallies = new Map<string, Tally>();

export function track(key: string): void {
  if (!tallies.has(key)) tallies.set(key, new Tally());
}

export function untrack(key: string): void {
  tallies.delete(key);
}
`,
    },
    {
      name: 'a custom-named release method, called before the delete',
      code: `import { Heartbeat } from './inferred.js';
const beats = new Map<string, Heartbeat>();
export function watch(peer: string) { if (!beats.has(peer)) beats.set(peer, new Heartbeat(peer)); }
export function forget(peer: string) { beats.get(peer)?.halt(); beats.delete(peer); }`,
    },
    {
      name: 'a stop() that releases nothing: a visible body that acquires nothing is no resource',
      code: `import { Stopwatch } from './inferred.js';
const watches = new Map<string, Stopwatch>();
export function begin(id: string) { watches.set(id, new Stopwatch()); }
export function end(id: string) { watches.delete(id); }
export function reset() { watches.clear(); }`,
    },
    {
      name: 'a registry whose own release method deletes the object',
      code: `
const live = new Map<string, Gauge>();
export class Gauge {
  private readonly timer = setInterval(() => {}, 1_000);
  constructor(readonly name: string) { live.set(name, this); }
  quit(): void {
    clearInterval(this.timer);
    live.delete(this.name);
  }
}`,
    },
    {
      name: 'a factory result disposed before the delete',
      code: `
import { EventEmitter } from 'node:events';
export function subscribe(bus: EventEmitter, onTick: () => void) {
  bus.on('tick', onTick);
  return { dispose(): void { bus.off('tick', onTick); } };
}
const subscriptions = new Map<string, ReturnType<typeof subscribe>>();
export function add(id: string, bus: EventEmitter) { subscriptions.get(id)?.dispose(); subscriptions.set(id, subscribe(bus, () => {})); }
export function remove(id: string) { subscriptions.get(id)?.dispose(); subscriptions.delete(id); }`,
    },
    {
      name: 'recursive and mutually recursive classes terminate, and a tree node that acquires nothing is data',
      code: `
class TreeNode { children = new Map<string, TreeNode>(); parent?: TreeNode; stop(): void {} }
class Ping { pong?: Pong; close(): void {} }
class Pong { ping?: Ping; close(): void {} }
const nodes = new Map<string, TreeNode>();
const pings = new Map<string, Ping>();
export function add(id: string) { nodes.set(id, new TreeNode()); pings.set(id, new Ping()); }
export function remove(id: string) { nodes.delete(id); pings.delete(id); }`,
    },
    {
      name: 'inference switched off: a Heartbeat (halt(), not a release name) is not a resource',
      code: `import { Heartbeat } from './inferred.js';
const beats = new Map<string, Heartbeat>();
export function watch(peer: string) { beats.set(peer, new Heartbeat(peer)); }
export function forget(peer: string) { beats.delete(peer); }`,
      options: [{ inference: false }],
    },
    {
      name: 'a class that acquires and releases within the same method (restart) has no release: other rules decide',
      code: `
class Loop {
  private timer: NodeJS.Timeout | undefined;
  restart(): void { clearInterval(this.timer); this.timer = setInterval(() => {}, 10); }
}
const loops = new Map<string, Loop>();
export function add(id: string) { loops.set(id, new Loop()); }
export function remove(id: string) { loops.delete(id); }`,
    },
    {
      name: 'from real code (effect): a graph node linking itself to its parent in a method, whose value() returns data, is no resource',
      code: `
declare class Lifetime { dispose(): void }
class NodeImpl {
  readonly children: NodeImpl[] = [];
  lifetime: Lifetime | undefined;
  private cached: number | undefined;
  readTracked(parent: NodeImpl): number { parent.children.push(this); return this.value(); }
  value(): number { const i = this.children.indexOf(this); if (i >= 0) this.children.splice(i, 1); return this.cached ?? 0; }
  remove(): void { this.lifetime?.dispose(); }
}
export class Registry {
  private readonly nodes = new Map<string, NodeImpl>();
  node(key: string) { let n = this.nodes.get(key); if (!n) { n = new NodeImpl(); this.nodes.set(key, n); } return n; }
  removeNode(key: string) { const n = this.nodes.get(key); this.nodes.delete(key); n?.remove(); }
  dropNode(key: string) { this.nodes.delete(key); }
}`,
    },
    {
      name: 'an interface whose implementations in its file acquire nothing is not a resource, even with close()',
      code: `
interface Sink { write(line: string): void; close(): void }
class MemorySink implements Sink { lines: string[] = []; write(line: string) { this.lines.push(line); } close() {} }
const sinks = new Map<string, Sink>();
export function open(name: string) { sinks.set(name, new MemorySink()); }
export function drop(name: string) { sinks.delete(name); }`,
    },
    {
      name: 'from real code (bullmq): a public kill() in front of a private killProcess(), called on copies before the reset',
      code: `
import { fork, type ChildProcess } from 'node:child_process';
class Child {
  private proc?: ChildProcess;
  init(): void { this.proc = fork('./worker.js'); }
  private killProcess(): void { this.proc?.kill(); }
  kill(): void { this.killProcess(); }
}
export class Pool {
  private retained: { [id: string]: Child } = {};
  add(id: string): void {
    if (this.retained[id]) return;
    const child = new Child();
    child.init();
    this.retained[id] = child;
  }
  clean(): void {
    const children = Object.values(this.retained);
    this.retained = {};
    children.forEach((child) => child.kill());
  }
}`,
    },
    {
      name: 'from real code (socket.io cluster engine): close() releases through a bound callback',
      code: `
class Transport { close(done: () => void): void { setImmediate(done); } }
class Conn {
  private pingTimer: NodeJS.Timeout;
  constructor(private transport: Transport) { this.pingTimer = setTimeout(() => this.onClose(), 5000); }
  private onClose(): void { clearTimeout(this.pingTimer); }
  close(): void { this.transport.close(this.onClose.bind(this)); }
}
export class Server {
  private clients: Record<string, Conn> = {};
  add(id: string): void {
    if (this.clients[id]) return;
    this.clients[id] = new Conn(new Transport());
  }
  drop(id: string): void {
    const conn = this.clients[id];
    if (!conn) return;
    conn.close();
    delete this.clients[id];
  }
}`,
    },
  ],
  invalid: [
    {
      name: "from real code (vscode-livepreview): a subclass of VS Code's Disposable whose `_register()` keeps a watcher, removed from the map without dispose()",
      code: registeredPreviews('this.previews.delete(uri);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          data: { type: 'Preview', container: 'this.previews', operation: '`delete()`', release: '`dispose()`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: registeredPreviews('this.previews.get(uri)?.dispose();\n    this.previews.delete(uri);'),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (coc.nvim): a dispose() that hands its list of disposables to a module helper popping and disposing each releases them',
      code: refactorBuffers('while (list.length) {\n    list.pop()!.dispose();\n  }'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 25,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: refactorBuffers('while (list.length) {\n    list.pop()!.dispose();\n  }').replace(
                '    this.buffers.delete(bufnr);',
                '    this.buffers.get(bufnr)?.dispose();\n    this.buffers.delete(bufnr);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the same helper written as a for…of loop over its parameter',
      code: refactorBuffers('for (const d of list) d.dispose();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: refactorBuffers('for (const d of list) d.dispose();').replace(
                '    this.buffers.delete(bufnr);',
                '    this.buffers.get(bufnr)?.dispose();\n    this.buffers.delete(bufnr);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: the release named is the conventional close(), when the method clearing the timer is not named like one',
      code: relaySubscriptions(takesItselfOut, 'for (const sub of this.openSubs.values()) console.log(sub.id);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Subscription', container: 'this.openSubs', operation: '`clear()`', release: '`close()`' },
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: relaySubscriptions(takesItselfOut, 'for (const sub of this.openSubs.values()) console.log(sub.id);').replace(
                '    this.openSubs.clear();',
                '    for (const value of this.openSubs.values()) value.close();\n    this.openSubs.clear();',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: a close() that only sets a flag undoes nothing: calling it leaves the timer to receivedEose()',
      code: relaySubscriptions('this.closed = true;', 'for (const sub of this.openSubs.values()) sub.close();'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'Subscription', container: 'this.openSubs', operation: '`clear()`', release: '`receivedEose()`' },
          line: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: relaySubscriptions('this.closed = true;', 'for (const sub of this.openSubs.values()) sub.close();').replace(
                '    this.openSubs.clear();',
                '    for (const value of this.openSubs.values()) value.receivedEose();\n    this.openSubs.clear();',
              ),
            },
          ],
        },
      ],
    },
    {
      // The twin: another owing class beside ResultsNode, so \`instanceof ResultsNode\` false still leaves one owed.
      name: 'a mixed list of two owing classes released under instanceof of one of them',
      code: withWatchNodes(
        viewNodes(restoreStored, 'for (const node of this.children) if (node instanceof ResultsNode) node.dispose(); this.children.length = 0;'),
      ),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          // The loop that releases some of them is the one to complete: no second loop is suggested.
          suggestions: [],
        },
      ],
    },
    {
      // Named by the public dispose(): any, not by the protected unsubscribe() it runs; the list is
      // owned because the values spread into it were made by a call.
      name: 'from real code (gitlens): nodes spread into a list from a call, emptied without their public dispose()',
      code: viewNodes(restoreStored),
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { type: 'ResultsNode', container: 'this.children', operation: '`length = 0`', release: '`dispose()`' },
          line: 17,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: viewNodes(restoreStored, "for (const value of this.children) if ('dispose' in value) value.dispose();\n  this.children.length = 0;"),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: a drop without the public unref() is reported naming unref(), never the private halt() it runs',
      code: UNREFFED_DROP,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'Conn', container: 'conns', operation: '`delete()`', release: '`unref()`' },
          line: 17,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`unref()`' },
              output: UNREFFED_DROP.replace('  conns.delete(id);', '  conns.get(id)?.unref();\n  conns.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: a field given what a maker of the program returns (return new Client()) holds what the view owns',
      code: OWN_VIEW,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 28,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: OWN_VIEW.replace('  ownViews.delete(id);', '  ownViews.get(id)?.client?.close();\n  ownViews.delete(id);'),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: a field given a new value through an assignment chain holds what the class made',
      code: OWN_CHILD,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: OWN_CHILD.replace(
                '  children.delete(id);',
                '  children.get(id)?.parent?.stop();\n  children.get(id)?.owner?.stop();\n  children.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: the same provider with a dispose() of its own owes its holder that dispose()',
      code: DISPOSABLE_PROVIDER,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: { because: '', type: 'FileProvider', container: 'providers', operation: '`delete()`', release: '`dispose()`' },
          line: 37,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`dispose()`' },
              output: DISPOSABLE_PROVIDER.replace('  providers.delete(path);', '  providers.get(path)?.dispose();\n  providers.delete(path);'),
            },
          ],
        },
      ],
    },
    {
      name: 'inference: a class that leaves a connection open but offers dispose() owes its holder that dispose()',
      code: `import * as net from 'node:net';

class Connection {
  constructor(private readonly socket: net.Socket) {}
  stop(): void {
    this.socket.destroy();
  }
}

export class Session {
  readonly connection: Connection;
  private name = '';
  constructor(socket: net.Socket) {
    this.connection = new Connection(socket);
  }
  rename(name: string): void {
    this.name = name;
  }
  dispose(): void {
    this.name = '';
  }
}

const sessions = new Map<string, Session>();

export function open(id: string, socket: net.Socket): void {
  if (!sessions.has(id)) sessions.set(id, new Session(socket));
}

export function drop(id: string): void {
  sessions.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 31,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

class Connection {
  constructor(private readonly socket: net.Socket) {}
  stop(): void {
    this.socket.destroy();
  }
}

export class Session {
  readonly connection: Connection;
  private name = '';
  constructor(socket: net.Socket) {
    this.connection = new Connection(socket);
  }
  rename(name: string): void {
    this.name = name;
  }
  dispose(): void {
    this.name = '';
  }
}

const sessions = new Map<string, Session>();

export function open(id: string, socket: net.Socket): void {
  if (!sessions.has(id)) sessions.set(id, new Session(socket));
}

export function drop(id: string): void {
  sessions.get(id)?.dispose();
  sessions.delete(id);
}
`,
            },
          ],
        }, // Session in `sessions` is dropped by `delete()` without `dispose()`.
      ],
    },
    {
      name: "inference: a release that gathers its parts' releases with Promise.all still returns nothing",
      code: `import * as net from 'node:net';

class Tunnel {
  private readonly sockets: net.Socket[] = [];
  private readonly timer = setInterval(() => this.ping(), 1000);
  ping(): void {}
  close(): Promise<void[]> {
    clearInterval(this.timer);
    return Promise.all(this.sockets.map((socket) => new Promise<void>((resolve) => socket.end(resolve))));
  }
}

const tunnels = new Map<string, Tunnel>();

export function open(id: string): void {
  if (!tunnels.has(id)) tunnels.set(id, new Tunnel());
}

export function drop(id: string): void {
  tunnels.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import * as net from 'node:net';

class Tunnel {
  private readonly sockets: net.Socket[] = [];
  private readonly timer = setInterval(() => this.ping(), 1000);
  ping(): void {}
  close(): Promise<void[]> {
    clearInterval(this.timer);
    return Promise.all(this.sockets.map((socket) => new Promise<void>((resolve) => socket.end(resolve))));
  }
}

const tunnels = new Map<string, Tunnel>();

export function open(id: string): void {
  if (!tunnels.has(id)) tunnels.set(id, new Tunnel());
}

export function drop(id: string): void {
  void tunnels.get(id)?.close();
  tunnels.delete(id);
}
`,
            },
          ],
        }, // Tunnel in `tunnels` is dropped by `delete()` without `close()`.
      ],
    },
    {
      name: 'inference: a timer stored through a chained assignment is acquired',
      code: `class Poller {
  private timer?: NodeJS.Timeout;
  private last?: NodeJS.Timeout;
  private count = 0;
  start(): void {
    this.last = this.timer = setInterval(() => this.count++, 1000);
  }
  halt(): void {
    clearInterval(this.timer);
  }
}

const pollers = new Map<string, Poller>();

export function follow(feed: string): void {
  if (pollers.has(feed)) return;
  const poller = new Poller();
  poller.start();
  pollers.set(feed, poller);
}

export function unfollow(feed: string): void {
  pollers.delete(feed);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `class Poller {
  private timer?: NodeJS.Timeout;
  private last?: NodeJS.Timeout;
  private count = 0;
  start(): void {
    this.last = this.timer = setInterval(() => this.count++, 1000);
  }
  halt(): void {
    clearInterval(this.timer);
  }
}

const pollers = new Map<string, Poller>();

export function follow(feed: string): void {
  if (pollers.has(feed)) return;
  const poller = new Poller();
  poller.start();
  pollers.set(feed, poller);
}

export function unfollow(feed: string): void {
  pollers.get(feed)?.halt();
  pollers.delete(feed);
}
`,
            },
          ],
        }, // Poller in `pollers` is dropped by `delete()` without `halt()`.
      ],
    },
    {
      name: 'a method that clears the timer and arms it again through another method is no release (engine.io onOpen)',
      code: `
class Conn {
  private pingTimer?: NodeJS.Timeout;
  constructor() { this.onOpen(); }
  onOpen(): void { this.resetPing(); }
  private resetPing(): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => this.onClose(), 5000);
  }
  onClose(): void { clearTimeout(this.pingTimer); }
}
export class Server {
  private clients = new Map<string, Conn>();
  add(id: string): void { if (!this.clients.has(id)) this.clients.set(id, new Conn()); }
  drop(id: string): void {
    this.clients.get(id)?.onOpen();
    this.clients.delete(id);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 17,
          data: {
            type: 'Conn',
            container: 'this.clients',
            operation: '`delete()`',
            release: '`onClose()`',
            because: ' (`Conn` starts a timeout in its constructor; `onClose()` undoes it)',
          },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`onClose()`' },
              output: `
class Conn {
  private pingTimer?: NodeJS.Timeout;
  constructor() { this.onOpen(); }
  onOpen(): void { this.resetPing(); }
  private resetPing(): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => this.onClose(), 5000);
  }
  onClose(): void { clearTimeout(this.pingTimer); }
}
export class Server {
  private clients = new Map<string, Conn>();
  add(id: string): void { if (!this.clients.has(id)) this.clients.set(id, new Conn()); }
  drop(id: string): void {
    this.clients.get(id)?.onOpen();
    this.clients.get(id)?.onClose();
    this.clients.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the suggestion names the public wrapper, not the private release behind it',
      code: `
import { fork, type ChildProcess } from 'node:child_process';
class Child {
  private proc?: ChildProcess;
  init(): void { this.proc = fork('./worker.js'); }
  private killProcess(): void { this.proc?.kill(); }
  kill(): void { this.killProcess(); }
}
export class Pool {
  private retained = new Map<string, Child>();
  add(id: string): void {
    if (this.retained.has(id)) return;
    const child = new Child();
    child.init();
    this.retained.set(id, child);
  }
  remove(id: string): void {
    this.retained.delete(id);
  }
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`kill()`' },
              output: `
import { fork, type ChildProcess } from 'node:child_process';
class Child {
  private proc?: ChildProcess;
  init(): void { this.proc = fork('./worker.js'); }
  private killProcess(): void { this.proc?.kill(); }
  kill(): void { this.killProcess(); }
}
export class Pool {
  private retained = new Map<string, Child>();
  add(id: string): void {
    if (this.retained.has(id)) return;
    const child = new Child();
    child.init();
    this.retained.set(id, child);
  }
  remove(id: string): void {
    this.retained.get(id)?.kill();
    this.retained.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an interface takes what its implementations in the same file say',
      code: `
interface Probe { halt(): void }
class IntervalProbe implements Probe {
  private readonly timer = setInterval(() => {}, 1000);
  halt(): void { clearInterval(this.timer); }
}
const probes = new Map<string, Probe>();
export function add(name: string) { if (!probes.has(name)) probes.set(name, new IntervalProbe()); }
export function remove(name: string) {
  probes.delete(name);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: 'Probe',
            container: 'probes',
            operation: '\`delete()\`',
            release: '\`halt()\`',
            because: ' (\`IntervalProbe\` starts an interval in its constructor; \`halt()\` undoes it, and \`IntervalProbe\` implements \`Probe\`)',
          },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '\`halt()\`' },
              output: `
interface Probe { halt(): void }
class IntervalProbe implements Probe {
  private readonly timer = setInterval(() => {}, 1000);
  halt(): void { clearInterval(this.timer); }
}
const probes = new Map<string, Probe>();
export function add(name: string) { if (!probes.has(name)) probes.set(name, new IntervalProbe()); }
export function remove(name: string) {
  probes.get(name)?.halt();
  probes.delete(name);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a custom-named release method: the message says why the value is a resource',
      code: `import { Heartbeat } from './inferred.js';
const beats = new Map<string, Heartbeat>();
export function watch(peer: string) { if (!beats.has(peer)) beats.set(peer, new Heartbeat(peer)); }
export function forget(peer: string) {
  beats.delete(peer);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: 'Heartbeat',
            container: 'beats',
            operation: '`delete()`',
            release: '`halt()`',
            because: ' (`Heartbeat` starts an interval in its constructor; `halt()` undoes it)',
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`halt()`' },
              output: `import { Heartbeat } from './inferred.js';
const beats = new Map<string, Heartbeat>();
export function watch(peer: string) { if (!beats.has(peer)) beats.set(peer, new Heartbeat(peer)); }
export function forget(peer: string) {
  beats.get(peer)?.halt();
  beats.delete(peer);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a factory returning an object literal whose dispose() removes a listener',
      code: `
import { EventEmitter } from 'node:events';
export function subscribe(bus: EventEmitter, onTick: () => void) {
  bus.on('tick', onTick);
  return { dispose(): void { bus.off('tick', onTick); } };
}
const subscriptions = new Map<string, ReturnType<typeof subscribe>>();
export function add(id: string, bus: EventEmitter) { if (!subscriptions.has(id)) subscriptions.set(id, subscribe(bus, () => {})); }
export function remove(id: string) {
  subscriptions.delete(id);
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: '{ dispose(): void; }',
            container: 'subscriptions',
            operation: '`delete()`',
            release: '`dispose()`',
            because: ' (What `subscribe` returns subscribes to `bus` when it is called; `dispose()` undoes it)',
          },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`dispose()`' },
              output: `
import { EventEmitter } from 'node:events';
export function subscribe(bus: EventEmitter, onTick: () => void) {
  bus.on('tick', onTick);
  return { dispose(): void { bus.off('tick', onTick); } };
}
const subscriptions = new Map<string, ReturnType<typeof subscribe>>();
export function add(id: string, bus: EventEmitter) { if (!subscriptions.has(id)) subscriptions.set(id, subscribe(bus, () => {})); }
export function remove(id: string) {
  subscriptions.get(id)?.dispose();
  subscriptions.delete(id);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'inheritance: the release method is on the base class',
      code: `
class Gauge {
  private readonly timer = setInterval(() => {}, 1_000);
  quit(): void { clearInterval(this.timer); }
}
class LatencyGauge extends Gauge { readonly buckets: number[] = []; }
const gauges = new Map<string, LatencyGauge>();
export function add(name: string) { if (!gauges.has(name)) gauges.set(name, new LatencyGauge()); }
export function reset() {
  gauges.clear();
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: 'LatencyGauge',
            container: 'gauges',
            operation: '`clear()`',
            release: '`quit()`',
            because: ' (`LatencyGauge` starts an interval in its constructor; `quit()` undoes it)',
          },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`quit()`' },
              output: `
class Gauge {
  private readonly timer = setInterval(() => {}, 1_000);
  quit(): void { clearInterval(this.timer); }
}
class LatencyGauge extends Gauge { readonly buckets: number[] = []; }
const gauges = new Map<string, LatencyGauge>();
export function add(name: string) { if (!gauges.has(name)) gauges.set(name, new LatencyGauge()); }
export function reset() {
  for (const value of gauges.values()) value.quit();
  gauges.clear();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a class from another file that subscribes to a bus it was handed',
      code: `import { BusTap, taps } from './inferred.js';
import { EventEmitter } from 'node:events';
export function tap(bus: EventEmitter) { taps.add(new BusTap(bus)); }
export function untapAll() {
  taps.clear();
}`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: 'BusTap',
            container: 'taps',
            operation: '`clear()`',
            release: '`detach()`',
            because: ' (`BusTap` subscribes to `bus` in its constructor; `detach()` undoes it)',
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`detach()`' },
              output: `import { BusTap, taps } from './inferred.js';
import { EventEmitter } from 'node:events';
export function tap(bus: EventEmitter) { taps.add(new BusTap(bus)); }
export function untapAll() {
  for (const value of taps) value.detach();
  taps.clear();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'name rules off, inference on: a started poller whose stop() clears what start() began',
      code: `
class Poller {
  private handle: NodeJS.Timeout | undefined;
  start(): this { this.handle = setInterval(() => {}, 1000); return this; }
  stop(): void { clearInterval(this.handle); }
}
const pollers: Record<string, Poller> = {};
export function follow(feed: string) { pollers[feed] ??= new Poller().start(); }
export function unfollow(feed: string) {
  delete pollers[feed];
}`,
      options: [{ nameRules: false }],
      errors: [
        {
          messageId: 'unreleasedDrop',
          data: {
            type: 'Poller',
            container: 'pollers',
            operation: 'the `delete` operator',
            release: '`stop()`',
            because: ' (`Poller` starts an interval in `start()`; `stop()` undoes it)',
          },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              data: { release: '`stop()`' },
              output: `
class Poller {
  private handle: NodeJS.Timeout | undefined;
  start(): this { this.handle = setInterval(() => {}, 1000); return this; }
  stop(): void { clearInterval(this.handle); }
}
const pollers: Record<string, Poller> = {};
export function follow(feed: string) { pollers[feed] ??= new Poller().start(); }
export function unfollow(feed: string) {
  pollers[feed]?.stop();
  delete pollers[feed];
}`,
            },
          ],
        },
      ],
    },
  ],
});
