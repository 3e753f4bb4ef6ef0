/**
 * What the dataflow engine is asked and answers: the drop sites of one function, the names that
 * release a value, the container operations it may meet, and a verdict per drop.
 */
import type ts from 'typescript';

/** The keys of drops that take a list's last or first value (`pop()`, `shift()`). */
export const LIST_END = { last: '#last', first: '#first' } as const;

export function isListEnd(key: string): boolean {
  return key === LIST_END.last || key === LIST_END.first;
}

/** What a drop removes. */
export type DropTarget =
  /** the value at `container[key]` (Map, object map, array index) */
  | { kind: 'key'; key: string; keyRoots: readonly string[] }
  /** the value itself (`set.delete(x)`, `arr.splice(arr.indexOf(x), 1)`) */
  | { kind: 'value'; variable: string }
  /** every value (`clear()`, `length = 0`, reassigning the container) */
  | { kind: 'all' };

export interface DropSite {
  /** The node at which the drop happens: the call, the assignment, the `delete`. */
  node: ts.Node;
  container: string;
  containerRoots: readonly string[];
  target: DropTarget;
  /** `'*'` for a value released as a whole; field names for records. */
  slots: readonly string[];
  /**
   * A stored value that is a container of records (`Map<string, Set<{ ws: WebSocket }>>`): the fields
   * each of its elements owes. Those fields released on every element release the whole value.
   */
  elementSlots?: readonly string[];
  /** After the drop the place holds a new value (`set`, assignment) rather than nothing. */
  storesNewValue: boolean;
  /** The drop's result is the dropped value (`pop()`) or values (`splice()`). */
  result: 'none' | 'one' | 'many';
  /**
   * A variable that names the stored value from the start of the function: a timer's own
   * handle inside its callback (`const handle = setInterval(() => { clearInterval(handle); map.delete(id) })`).
   */
  storedAs?: string;
  /**
   * Variables that name fields of the stored value from the start of the function: a callback's
   * captured `timer` that its outer function stored as the record's `timer` (`m.set(id, { timer })`).
   */
  storedFields?: readonly { name: string; slot: string }[];
  /** The container is a local the function made: no other call reaches it while this one awaits. */
  localContainer?: boolean;
  /** Containers whose keys include every key of this one (containers/keySets.ts): a key they lack, this one lacks. */
  keysWithin?: readonly string[];
  /**
   * The container keeps each value under its own field at this path (`.to` of `sessions.set(s.to, s)`):
   * `s.to` of a value read at `k` spells `k`. Set on the drops asked at a caller of the method that stores.
   */
  ownKeyPath?: string;
}

export interface ReleaseVocabulary {
  /** Methods that release the value they are called on: stop, close, unsubscribe… */
  methods: ReadonlySet<string>;
  /** Functions that release their argument: clearTimeout, clearInterval… */
  functions: ReadonlySet<string>;
  /**
   * Methods that release only a record's field they are called on (`entry.timer.close()`): on the
   * record itself (`entry.close()`, a callback field) they release nothing.
   */
  fieldMethods?: ReadonlySet<string>;
  /** Function fields of a record that release some of its other fields (`entry.resolve(v)` clearing `entry.timer`): the slots each releases. */
  recordFunctions?: ReadonlyMap<string, readonly string[]>;
  /** Methods that, called on a record field's handle, release other fields of the record (`destroy` of `socket.destroy` among `recordFunctions`). */
  fieldHandleEnds?: ReadonlySet<string>;
  /** By the method that ends a handle, the fields holding one whose end releases the whole value (`dispose` → [`panel`]: `view.panel.dispose()`). */
  handleEnds?: ReadonlyMap<string, readonly string[]>;
  /** The values are cleanup functions: calling one (`m.get(k)?.()`) releases it. */
  callsValue?: boolean;
  /** Fields of a record that hold a cleanup function: calling one (`entry.off()`) releases that field. */
  calledFields?: ReadonlySet<string>;
  /** Of a mixed list: `x instanceof C` false means `x` owes nothing (every member that owes is a `C`). */
  coveringClasses?: ReadonlySet<string>;
  /** The same for a record's mixed field (`orig: HTMLCanvasElement | ImageBitmap`): `spec.orig instanceof ImageBitmap` false means that field owes nothing. */
  fieldCoveringClasses?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The container operations the engine recognizes by name, handed to it by the rooms that know
 * containers and cache libraries: what empties a place, what fills it, what reads it.
 */
export interface ContainerVocabulary {
  /** `m.get(k)`, `c.peek(k)`: the value stored under `k`. */
  reads: ReadonlySet<string>;
  /** `m.has(k)`: false means nothing is stored under `k`. */
  tests: ReadonlySet<string>;
  /** `m.delete(k)`, `c.del(k)`: nothing is stored under `k` afterwards. */
  removes: ReadonlySet<string>;
  /** `m.clear()`: nothing is stored at all afterwards. */
  clears: ReadonlySet<string>;
  /** `m.set(k, v)`: `v` is stored under `k` afterwards. */
  stores: ReadonlySet<string>;
  /** `list.push(v)`, `set.add(v)`: the container holds something more afterwards. */
  inserts: ReadonlySet<string>;
  /** Methods that look a value up or take it out and keep none of their arguments (`indexOf`, `has`). */
  lookups: ReadonlySet<string>;
}

export interface DropVerdict {
  /** Slots not released on some normal path. Empty: released on every path. */
  unreleasedSlots: string[];
  /** On some path the drop is reached while the place still holds a value that is owed. */
  owedAtDrop: boolean;
  /** Some path released or handed the value on: the message says "not on every path". */
  releasedOnSomePath: boolean;
  /** A branch after which the value is released on one side only. */
  missedWhen?: { test: ts.Expression; whenTrue: boolean };
  /** The key was found empty, then this `await` let another call fill it before the drop. */
  racedAt?: ts.AwaitExpression;
  /** Handed on only by being returned, to this call, which throws it away. */
  discardedBy?: ts.CallExpression;
}

/** Resolution of calls to functions with bodies, for helpers. */
export interface CalleeResolver {
  /** A function or method with a body that this call runs, if the checker knows one. */
  resolve(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined;
}

export interface FlowOptions {
  releases: ReleaseVocabulary;
  containers: ContainerVocabulary;
  /** Containers whose `has()` / `get()` miss does not prove a key empty. */
  untrustedLookups?: ReadonlySet<string>;
  /** Names known to hold one string on every path (a hook's `reason` asked about one value at a time). */
  constants?: ReadonlyMap<string, string>;
  /**
   * Parameters a helper's summary assumes to hold an array (true) or not (false): the overloads of
   * one `dispose(arg: T | T[])` are summarized apart. Never passed on to the helpers it calls.
   */
  knownArrays?: ReadonlyMap<string, boolean>;
}
