// stop-on-evict — listeners kept in a container: a function the code takes back from what it listens
// to (`emitter.off('x', fn)`, `signal.disconnect(slot)`, `context.unroute(predicate)`) owes that call
// wherever else it leaves the container, unless what it listens to ended first.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (vitest's Playwright mocker, `bench/history/vitest-playwright-mock-route-overwrite`):
 * a route predicate per module, handed to `route()` and taken back by `unroute()`. `beforeStore` runs
 * before a new predicate is stored under the key.
 */
const routePredicates = (beforeStore: string): string => `
type UrlPredicate = (url: URL) => boolean;
interface BrowserContext {
  route(url: UrlPredicate, handler: () => Promise<void>): Promise<void>;
  unroute(url: UrlPredicate): Promise<void>;
}
export class MockRegistry {
  private readonly predicates = new Map<string, UrlPredicate>();
  constructor(private readonly context: BrowserContext) {}
  async register(key: string, path: string): Promise<void> {
    const predicate: UrlPredicate = (url) => url.pathname === path;
    ${beforeStore}
    this.predicates.set(key, predicate);
    await this.context.route(predicate, async () => {});
  }
  async remove(key: string): Promise<void> {
    const predicate = this.predicates.get(key);
    if (predicate) await this.context.unroute(predicate).finally(() => this.predicates.delete(key));
  }
}
`;

/**
 * From real code (JupyterLab's debugger handler, `bench/history/browser/jupyterlab-debugger-handler-slots`):
 * a slot per widget connected to a session's signal, disconnected before it is replaced; `end` runs
 * before the slot is deleted.
 */
const sessionSlots = (end: string): string => `
type Slot = (sender: unknown, status: string) => void;
interface ISignal {
  connect(slot: Slot, thisArg?: unknown): boolean;
  disconnect(slot: Slot, thisArg?: unknown): boolean;
}
declare const Signal: { disconnectBetween(sender: unknown, receiver: unknown): void };
interface Session {
  readonly statusChanged: ISignal;
}
export class DebugHandler {
  private readonly slots: { [id: string]: Slot } = {};
  update(id: string, session: Session): void {
    const slot: Slot = (_, status) => console.log(id, status);
    const previous = this.slots[id];
    if (previous) session.statusChanged.disconnect(previous);
    session.statusChanged.connect(slot);
    this.slots[id] = slot;
  }
  remove(id: string, session: Session): void {
    ${end}
    delete this.slots[id];
  }
}
`;

/** Listeners handed in by callers, registered on an emitter the feed holds; `end` runs before they are all let go. */
const feedListeners = (end: string): string => `
import { EventEmitter } from 'node:events';
type Listener = (data: string) => void;
export class Feed {
  private readonly listeners = new Map<string, Listener>();
  constructor(private readonly source: EventEmitter & { destroy(): void }) {}
  listen(id: string, listener: Listener): void {
    const old = this.listeners.get(id);
    if (old) this.source.off('data', old);
    this.listeners.set(id, listener);
    this.source.on('data', listener);
  }
  close(): void {
    ${end}
    this.listeners.clear();
  }
}
`;

/**
 * From real code (matter.js's ProtocolService): an observer per cluster, on the cluster's own
 * emitter, taken back under `test` before the observer leaves the map.
 */
const clusterObservers = (test: string): string => `
import { EventEmitter } from 'node:events';
type Observer = (changes: number[]) => void;
interface Cluster {
  readonly changed: EventEmitter;
  [Symbol.dispose](): void;
}
declare function clusterOf(id: number): Cluster | undefined;
export class Protocols {
  private readonly observers = new Map<number, Observer>();
  private open = true;
  add(id: number, cluster: Cluster): void {
    if (this.observers.has(id)) return;
    const observer: Observer = (changes) => console.log(id, changes);
    cluster.changed.on('change', observer);
    this.observers.set(id, observer);
  }
  remove(id: number): void {
    const observer = this.observers.get(id);
    const protocol = clusterOf(id);
    if (${test}) {
      if (observer) protocol.changed.off('change', observer);
      protocol[Symbol.dispose]();
    }
    this.observers.delete(id);
  }
}
`;

/**
 * A waiter per id whose listener removes its own entry as it runs; `register` hands it to what it
 * listens to, `detach` takes it back when the wait is cancelled.
 */
const selfRemovingWaiters = (register: string, detach: string): string => `
import { EventEmitter } from 'node:events';
export class Waiters {
  private readonly pending = new Map<number, () => void>();
  private readonly bus = new EventEmitter();
  private readonly target = new EventTarget();
  wait(id: number, done: () => void): void {
    if (this.pending.has(id)) return;
    const onDone = (): void => {
      this.pending.delete(id);
      done();
    };
    this.pending.set(id, onDone);
    ${register};
  }
  cancel(id: number): void {
    const onDone = this.pending.get(id);
    if (onDone) ${detach};
    this.pending.delete(id);
  }
}
`;

/** A table of handlers the code calls with a payload and never takes back from anything: data. */
const DISPATCH_TABLE = `
type Handler = (payload: string) => void;
export class Dispatcher {
  private readonly handlers = new Map<string, Handler>();
  register(type: string, handler: Handler): void {
    this.handlers.set(type, (payload) => handler(payload.trim()));
  }
  unregister(type: string): void {
    this.handlers.delete(type);
  }
  dispatch(type: string, payload: string): void {
    this.handlers.get(type)?.(payload);
  }
}
`;

const lineOf = (code: string, text: string): number => code.split('\n').findIndex((line) => line.includes(text)) + 1;

/** Reported once, at the line holding `drop`, as a listener owing what `data` says, with no suggestion. */
const listenerDrop = (name: string, code: string, drop: string, data?: { container: string; operation: string; release: string }) => ({
  name,
  code,
  errors: [{ messageId: 'unreleasedDrop' as const, line: lineOf(code, drop), ...(data && { data: { type: 'listener', ...data } }), suggestions: [] }],
});

ruleTester.run('stop-on-evict: listeners taken back from what they listen to', rule, {
  valid: [
    {
      name: 'from real code (vitest): the predicate a key held is taken back by unroute() before a new one is stored; the removal waits for its own unroute()',
      code: routePredicates('const old = this.predicates.get(key);\n    if (old) await this.context.unroute(old);'),
    },
    {
      name: 'from real code (JupyterLab): every slot between the session and this handler is disconnected at once before the delete',
      code: sessionSlots('Signal.disconnectBetween(session, this);'),
    },
    {
      name: "the slot is disconnected from the session's signal before the delete",
      code: sessionSlots('const slot = this.slots[id];\n    if (slot) session.statusChanged.disconnect(slot);'),
    },
    {
      name: 'what the listeners listen to is destroyed before they are let go: their listening ended with it',
      code: feedListeners('this.source.destroy();'),
    },
    {
      name: 'what the listeners listen to is stripped of its listeners before they are let go',
      code: feedListeners("this.source.removeAllListeners('data');"),
    },
    {
      name: 'every listener is taken back in a loop before the clear',
      code: feedListeners("for (const listener of this.listeners.values()) this.source.off('data', listener);"),
    },
    {
      name: 'from real code (matter.js): an observer missed only where the cluster it listens to is absent has nothing to be taken back from',
      code: clusterObservers('protocol'),
    },
    {
      name: 'a listener registered with once() that removes its own entry as it runs was let go by the emitter as it fired',
      code: selfRemovingWaiters("this.bus.once('done', onDone)", "this.bus.off('done', onDone)"),
    },
    {
      name: 'so was one added with `{ once: true }`',
      code: selfRemovingWaiters("this.target.addEventListener('done', onDone, { once: true })", "this.target.removeEventListener('done', onDone)"),
    },
    {
      name: 'functions the code only calls, and never takes back from anything, are data: a handler table owes nothing',
      code: DISPATCH_TABLE,
    },
  ],
  invalid: [
    listenerDrop(
      'from real code (vitest): a predicate stored over the one the key held, which is never handed to unroute()',
      routePredicates(''),
      'this.predicates.set(key, predicate)',
      { container: 'this.predicates', operation: '`set()` over an existing key', release: '`unroute()` of what it listens to' },
    ),
    listenerDrop('from real code (JupyterLab): the slot is deleted while still connected to the session', sessionSlots(''), 'delete this.slots[id]', {
      container: 'this.slots',
      operation: 'the `delete` operator',
      release: '`disconnect()` of what it listens to',
    }),
    listenerDrop(
      "listeners handed in by callers are owed as well: the registration on the feed's source is the feed's",
      feedListeners(''),
      'this.listeners.clear()',
      { container: 'this.listeners', operation: '`clear()`', release: '`off()` of what it listens to' },
    ),
    listenerDrop(
      'another emitter destroyed first ends nothing these listeners listen to',
      feedListeners('this.other.destroy();').replace(
        '  constructor(',
        '  private readonly other = new EventEmitter() as EventEmitter & { destroy(): void };\n  constructor(',
      ),
      'this.listeners.clear()',
    ),
    {
      name: 'an observer missed under another test than whether its cluster is there still listens to the cluster',
      code: clusterObservers('protocol && this.open'),
      errors: [
        {
          messageId: 'unreleasedDropWhen',
          line: lineOf(clusterObservers('protocol && this.open'), 'this.observers.delete(id)'),
          data: {
            type: 'listener',
            container: 'this.observers',
            operation: '`delete()`',
            release: '`off()` of what it listens to',
            when: '`protocol && this.open` is false',
          },
          suggestions: [],
        },
      ],
    },
    listenerDrop(
      'a listener registered with on() that removes its own entry as it runs is still listening',
      selfRemovingWaiters("this.bus.on('done', onDone)", "this.bus.off('done', onDone)"),
      '      this.pending.delete(id);',
    ),
    listenerDrop(
      'every slot between another session and the handler disconnected at once leaves this one connected',
      sessionSlots('Signal.disconnectBetween(this, this);'),
      'delete this.slots[id]',
    ),
  ],
});
