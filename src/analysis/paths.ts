/**
 * "Is the dropped value released, or handed on, on every path?"
 *
 * A forward dataflow over one function's TypeScript AST. ESLint's code paths know
 * the graph but not what a branch tested, and the answers here hinge on tests
 * (`if (!map.has(k))`, `if (old) old.stop()`), so the walk follows the structured
 * control flow itself: branches, short-circuits, loops (two passes to a fixpoint),
 * `switch` with fallthrough, `break`/`continue` with labels, `try`/`catch`/`finally`
 * (returns run through `finally`), early `return`, and `throw` (a path that throws
 * does not complete normally and owes nothing).
 *
 * The state at each point holds
 *  - must-facts (kept only when true on every incoming path): a place's value needs
 *    no release (absent, released, handed on), all values of a container released,
 *    a variable's value released;
 *  - aliases (`const old = map.get(k)`), kept only when identical on every path;
 *  - pending drops (a may-fact: unreleased on some path), each with its unpaid slots.
 * A drop still pending when the function completes normally is reported.
 */
import ts from 'typescript';

import { boundNames, calledMethodName, calleeName, canonical, isFunctionLike, isPromiseExecutor, skipOuter } from './expressions.js';

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
  /** After the drop the place holds a new value (`set`, assignment) rather than nothing. */
  storesNewValue: boolean;
  /** The drop's result is the dropped value (`pop()`) or values (`splice()`). */
  result: 'none' | 'one' | 'many';
  /**
   * A variable that names the stored value from the start of the function: a timer's own
   * handle inside its callback (`const handle = setInterval(() => { clearInterval(handle); map.delete(id) })`).
   */
  storedAs?: string;
}

export interface ReleaseVocabulary {
  /** Methods that release the value they are called on: stop, close, unsubscribe… */
  methods: ReadonlySet<string>;
  /** Functions that release their argument: clearTimeout, clearInterval… */
  functions: ReadonlySet<string>;
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
}

/** Resolution of calls to functions with bodies, for helpers. */
export interface CalleeResolver {
  /** A function or method with a body that this call runs, if the checker knows one. */
  resolve(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined;
}

// ---------------------------------------------------------------------------
// State

type Alias =
  | { kind: 'place'; container: string; key: string; roots: readonly string[] }
  | { kind: 'dropped'; drop: number; many: boolean }
  | { kind: 'values'; container: string }
  | { kind: 'element'; source: string; container?: string; keyVariable?: string }
  | { kind: 'keyOf'; container: string };

interface Fact {
  roots: readonly string[];
}

interface State {
  facts: CowMap<string, Fact>;
  aliases: CowMap<string, Alias>;
  pending: CowMap<number, ReadonlySet<string>>;
  dead: boolean;
}

function emptyState(): State {
  return { facts: new CowMap(), aliases: new CowMap(), pending: new CowMap(), dead: false };
}

/**
 * A Map copied on its first write after it was shared: cloning a state at every step is
 * then constant time, and only the maps a step changes are copied (long bodies with many
 * drops stay linear instead of quadratic).
 */
class CowMap<K, V> implements Iterable<[K, V]> {
  #map: Map<K, V>;
  #shared: { count: number };

  constructor(map: Map<K, V> = new Map(), shared: { count: number } = { count: 1 }) {
    this.#map = map;
    this.#shared = shared;
  }

  fork(): CowMap<K, V> {
    this.#shared.count++;
    return new CowMap(this.#map, this.#shared);
  }

  #own(): Map<K, V> {
    if (this.#shared.count > 1) {
      this.#shared.count--;
      this.#map = new Map(this.#map);
      this.#shared = { count: 1 };
    }
    return this.#map;
  }

  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  set(key: K, value: V): this {
    this.#own().set(key, value);
    return this;
  }
  delete(key: K): boolean {
    return this.#map.has(key) ? this.#own().delete(key) : false;
  }
  keys(): IterableIterator<K> {
    return this.#map.keys();
  }
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.#map[Symbol.iterator]();
  }
}

/**
 * A loop's or a `forEach` callback's names for one element of `source`: the value (and, for
 * entries of a container, the key it is stored under).
 */
function bindEntry(valueName: string, keyName: string | undefined, source: ManyRef, state: State): State {
  const container = source.kind === 'container' ? source.container : undefined;
  const next = cloneState(state);
  next.aliases.set(valueName, {
    kind: 'element',
    source: manyRefSource(source),
    ...(container !== undefined && { container }),
    ...(keyName !== undefined && { keyVariable: keyName }),
  });
  if (keyName !== undefined && container !== undefined) next.aliases.set(keyName, { kind: 'keyOf', container });
  return next;
}

/** Pending slots are replaced, never changed in place: states share them. */
function cloneState(state: State): State {
  return { facts: state.facts.fork(), aliases: state.aliases.fork(), pending: state.pending.fork(), dead: state.dead };
}

const deadState = (): State => ({ ...emptyState(), dead: true });

function join(states: readonly State[]): State {
  const live = states.filter((state) => !state.dead);
  if (live.length === 0) return deadState();
  const [first, ...rest] = live;
  const result = cloneState(first!);
  for (const other of rest) {
    // A fact about the whole value ('*') covers the same fact about one slot of it.
    const before = new Map(result.facts);
    for (const key of before.keys()) if (!other.facts.has(key) && !other.facts.has(wholeSlotKey(key))) result.facts.delete(key);
    for (const [key, fact] of other.facts) if (!before.has(key) && before.has(wholeSlotKey(key))) result.facts.set(key, fact);
    for (const [name, alias] of [...result.aliases]) {
      const otherAlias = other.aliases.get(name);
      if (!otherAlias || JSON.stringify(otherAlias) !== JSON.stringify(alias)) result.aliases.delete(name);
    }
    for (const [id, slots] of other.pending) {
      const mine = result.pending.get(id);
      result.pending.set(id, mine ? new Set([...mine, ...slots]) : slots);
    }
  }
  return result;
}

/** The same fact for the whole value: every fact key ends in its slot. */
function wholeSlotKey(key: string): string {
  return `${key.slice(0, key.lastIndexOf('\u0000') + 1)}*`;
}

const placeFact = (container: string, key: string, slot: string): string => `p\u0000${container}\u0000${key}\u0000${slot}`;
const allFact = (container: string, slot: string): string => `a\u0000${container}\u0000${slot}`;
const variableFact = (name: string, slot: string): string => `v\u0000${name}\u0000${slot}`;
const elementFact = (source: string, slot: string): string => `e\u0000${source}\u0000${slot}`;

/** A value reference that facts and obligations can be attached to. */
type ValueRef =
  | { kind: 'place'; container: string; key: string; keyRoots: readonly string[]; containerRoots: readonly string[] }
  | { kind: 'variable'; name: string }
  | { kind: 'dropResult'; drop: number };

/** A collection of values: a container, a copy of its values, or values a drop removed. */
type ManyRef = { kind: 'container'; container: string; roots: readonly string[] } | { kind: 'dropped'; drop: number };

const manyRefSource = (ref: ManyRef): string => (ref.kind === 'container' ? `c:${ref.container}` : `d:${ref.drop}`);

// ---------------------------------------------------------------------------
// Engine

interface FlowContext {
  breaks: State[];
  continues: State[];
  labels: readonly string[];
  isLoop: boolean;
  isSwitch: boolean;
}

interface FinallyContext {
  block: ts.Block;
  returns: State[];
}

export interface AnalysisOptions {
  vocabulary: ReleaseVocabulary;
  resolver: CalleeResolver;
  /** Containers whose `has()` / `get()` miss does not prove a key empty. */
  untrustedLookups?: ReadonlySet<string>;
}

/** Container methods that look a value up or take it out, and keep nothing they are given. */
const LOOKUP_METHODS = new Set(['delete', 'has', 'get', 'indexOf', 'lastIndexOf', 'includes', 'peek', 'del']);
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'every', 'some', 'filter']);
const ESCAPE_IGNORING_CALLS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'assert', 'stringify', 'String', 'Number', 'Boolean', 'isArray']);

class FunctionAnalysis {
  readonly exits: State[] = [];
  readonly dropIds = new Map<ts.Node, number>();
  readonly releasedSomewhere = new Set<number>();
  /** Drops reached on some path with a value still owed at that point. */
  readonly owedAtDrop = new Set<number>();
  readonly missedWhen = new Map<number, { test: ts.Expression; whenTrue: boolean }>();
  /** The latest branch after which a fact held on one side only: the side where it is missing. */
  readonly factDivergence = new Map<string, { test: ts.Expression; whenTrue: boolean }>();
  readonly #flow: FlowContext[] = [];
  #loopDepth = 0;
  readonly #finally: FinallyContext[] = [];

  constructor(
    readonly drops: readonly DropSite[],
    readonly options: AnalysisOptions,
    readonly summaries: SummaryCache,
    readonly depth: number,
  ) {
    drops.forEach((drop, index) => this.dropIds.set(drop.node, index));
  }

  run(body: ts.Node, initial: State): State {
    const end = ts.isBlock(body) || ts.isSourceFile(body) ? this.statements(body.statements, initial) : this.expression(body as ts.Expression, initial);
    if (!end.dead) {
      // An expression-bodied arrow returns its value: a value named there is handed on.
      this.exits.push(!ts.isBlock(body) && !ts.isSourceFile(body) ? this.escape(body as ts.Expression, end) : end);
    }
    return join(this.exits);
  }

  // -- statements -----------------------------------------------------------

  statements(list: readonly ts.Statement[], state: State): State {
    let current = state;
    for (const statement of list) {
      if (current.dead) break;
      current = this.statement(statement, current);
    }
    return current;
  }

  statement(node: ts.Statement, state: State): State {
    if (state.dead) return state;
    switch (node.kind) {
      case ts.SyntaxKind.Block:
        return this.statements((node as ts.Block).statements, state);
      case ts.SyntaxKind.ExpressionStatement:
        return this.expression((node as ts.ExpressionStatement).expression, state);
      case ts.SyntaxKind.VariableStatement:
        return this.variableList((node as ts.VariableStatement).declarationList, state);
      case ts.SyntaxKind.IfStatement:
        return this.ifStatement(node as ts.IfStatement, state);
      case ts.SyntaxKind.ReturnStatement: {
        const { expression } = node as ts.ReturnStatement;
        let current = expression ? this.expression(expression, state) : state;
        if (expression) current = this.escape(expression, current);
        current = cloneState(current);
        this.exitFunction(current);
        return deadState();
      }
      case ts.SyntaxKind.ThrowStatement:
        this.expression((node as ts.ThrowStatement).expression, state);
        return deadState();
      case ts.SyntaxKind.BreakStatement:
      case ts.SyntaxKind.ContinueStatement:
        return this.jump(node as ts.BreakOrContinueStatement, state);
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        return this.loop(node as ts.IterationStatement, state, []);
      case ts.SyntaxKind.LabeledStatement:
        return this.labeled(node as ts.LabeledStatement, state);
      case ts.SyntaxKind.SwitchStatement:
        return this.switchStatement(node as ts.SwitchStatement, state, []);
      case ts.SyntaxKind.TryStatement:
        return this.tryStatement(node as ts.TryStatement, state);
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.EmptyStatement:
        return state;
      default:
        return this.children(node, state);
    }
  }

  exitFunction(state: State): void {
    const handler = this.#finally.at(-1);
    if (handler) handler.returns.push(state);
    else this.exits.push(state);
  }

  variableList(list: ts.VariableDeclarationList, state: State): State {
    let current = state;
    const isUsing = (list.flags & ts.NodeFlags.Using) !== 0;
    for (const declaration of list.declarations) {
      if (declaration.initializer) current = this.expression(declaration.initializer, current);
      current = this.bind(declaration.name, declaration.initializer, current);
      if (isUsing && declaration.initializer) {
        // `using x = value`: disposed when the block ends, on every path out of it.
        current = this.release(this.valueRef(declaration.initializer), '*', current);
      }
    }
    return current;
  }

  /** Binds a declared or assigned name: an alias when the value names a place or a collection. */
  bind(name: ts.BindingName, initializer: ts.Expression | undefined, state: State): State {
    const names = boundNames(name);
    const next = this.kill(names, state);
    if (!initializer) return next;
    if (ts.isIdentifier(name)) {
      const alias = this.aliasFor(initializer, next);
      if (alias) next.aliases.set(name.text, alias);
      return next;
    }
    // `const [removed] = arr.splice(i, 1)`, `const { timer } = map.get(k)!`
    const ref = this.valueRef(initializer);
    const many = this.manyRef(initializer, next);
    if (ts.isArrayBindingPattern(name) && many?.kind === 'dropped') {
      for (const element of name.elements) {
        if (ts.isBindingElement(element) && ts.isIdentifier(element.name)) {
          next.aliases.set(element.name.text, { kind: 'dropped', drop: many.drop, many: false });
        }
      }
      // Elements not bound are still owed: leave the obligation pending.
    } else if (ref && ts.isObjectBindingPattern(name)) {
      // Destructured fields of a dropped record: releasing a field releases that slot.
      for (const element of name.elements) {
        const field = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : undefined;
        if (field && ts.isIdentifier(element.name)) this.#fieldAliases.set(element.name.text, { ref, slot: field });
      }
    }
    return next;
  }

  readonly #fieldAliases = new Map<string, { ref: ValueRef; slot: string }>();

  aliasFor(initializer: ts.Expression, state: State): Alias | undefined {
    const expression = skipOuter(initializer);
    const dropId = this.dropIds.get(expression);
    if (dropId !== undefined) {
      const drop = this.drops[dropId]!;
      if (drop.result === 'none') return undefined;
      return { kind: 'dropped', drop: dropId, many: drop.result === 'many' };
    }
    const ref = this.valueRef(expression);
    if (ref?.kind === 'place') return { kind: 'place', container: ref.container, key: ref.key, roots: [...ref.containerRoots, ...ref.keyRoots] };
    if (ref?.kind === 'variable') {
      const alias = state.aliases.get(ref.name);
      if (alias) return alias;
    }
    const many = this.manyRef(expression, state);
    if (many?.kind === 'container') return { kind: 'values', container: many.container };
    if (many?.kind === 'dropped') return { kind: 'dropped', drop: many.drop, many: true };
    return undefined;
  }

  /** Reassigning names invalidates what was known about them. */
  kill(names: readonly string[], state: State): State {
    if (names.length === 0) return state;
    const next = cloneState(state);
    for (const name of names) {
      next.aliases.delete(name);
      this.#fieldAliases.delete(name);
      for (const [key, fact] of next.facts) if (fact.roots.includes(name)) next.facts.delete(key);
      for (const [aliasName, alias] of next.aliases) {
        if (alias.kind === 'place' && (alias.key.split(/\W+/).includes(name) || alias.container.split(/\W+/).includes(name))) next.aliases.delete(aliasName);
        if (alias.kind === 'element' && alias.keyVariable === name) next.aliases.delete(aliasName);
      }
    }
    return next;
  }

  ifStatement(node: ts.IfStatement, state: State): State {
    const [whenTrue, whenFalse] = this.condition(node.expression, state);
    const afterThen = this.statement(node.thenStatement, whenTrue);
    const afterElse = node.elseStatement ? this.statement(node.elseStatement, whenFalse) : whenFalse;
    this.noteDivergence(node.expression, afterThen, afterElse);
    return join([afterThen, afterElse]);
  }

  /** Remembers a test after which a drop is released on one side only, for the message. */
  noteDivergence(test: ts.Expression, afterTrue: State, afterFalse: State): void {
    if (afterTrue.dead || afterFalse.dead) return;
    for (const key of afterTrue.facts.keys()) if (!afterFalse.facts.has(key)) this.factDivergence.set(key, { test, whenTrue: false });
    for (const key of afterFalse.facts.keys()) if (!afterTrue.facts.has(key)) this.factDivergence.set(key, { test, whenTrue: true });
    for (const [id] of afterTrue.pending) {
      if (!afterFalse.pending.has(id) && !this.missedWhen.has(id)) this.missedWhen.set(id, { test, whenTrue: true });
    }
    for (const [id] of afterFalse.pending) {
      if (!afterTrue.pending.has(id) && !this.missedWhen.has(id)) this.missedWhen.set(id, { test, whenTrue: false });
    }
  }

  jump(node: ts.BreakOrContinueStatement, state: State): State {
    const label = node.label?.text;
    const isBreak = node.kind === ts.SyntaxKind.BreakStatement;
    for (let index = this.#flow.length - 1; index >= 0; index--) {
      const flow = this.#flow[index]!;
      const matches = label !== undefined ? flow.labels.includes(label) : isBreak ? flow.isLoop || flow.isSwitch : flow.isLoop;
      if (!matches) continue;
      if (isBreak) flow.breaks.push(state);
      else flow.continues.push(state);
      break;
    }
    return deadState();
  }

  labeled(node: ts.LabeledStatement, state: State): State {
    const labels: string[] = [node.label.text];
    let inner: ts.Statement = node.statement;
    while (ts.isLabeledStatement(inner)) {
      labels.push(inner.label.text);
      inner = inner.statement;
    }
    if (ts.isIterationStatement(inner, false)) return this.loop(inner, state, labels);
    if (ts.isSwitchStatement(inner)) return this.switchStatement(inner, state, labels);
    const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: false, isSwitch: false };
    this.#flow.push(flow);
    const end = this.statement(inner, state);
    this.#flow.pop();
    return join([end, ...flow.breaks]);
  }

  loop(node: ts.IterationStatement, state: State, labels: string[]): State {
    let entry = state;
    if (ts.isForStatement(node) && node.initializer) {
      entry = ts.isVariableDeclarationList(node.initializer) ? this.variableList(node.initializer, entry) : this.expression(node.initializer, entry);
    }
    let elementSource: ManyRef | undefined;
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      entry = this.expression(node.expression, entry);
      if (ts.isForOfStatement(node)) elementSource = this.manyRef(node.expression, entry);
    }

    const runBody = (head: State): { end: State; exit: State; flow: FlowContext } => {
      const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: true, isSwitch: false };
      this.#flow.push(flow);
      let bodyStart: State;
      let exit: State;
      if (ts.isDoStatement(node)) {
        bodyStart = head;
        exit = deadState();
      } else if ((ts.isWhileStatement(node) || ts.isForStatement(node)) && (ts.isWhileStatement(node) || node.condition)) {
        const [whenTrue, whenFalse] = this.condition(ts.isWhileStatement(node) ? node.expression : node.condition!, head);
        bodyStart = whenTrue;
        exit = whenFalse;
      } else {
        bodyStart = head;
        exit = ts.isForStatement(node) ? deadState() : head;
      }
      if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer)) {
        const declaration = node.initializer.declarations[0];
        if (declaration) bodyStart = this.bindLoopVariable(declaration.name, elementSource, ts.isForInStatement(node), bodyStart);
      } else if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
        const target = skipOuter(node.initializer as ts.Expression);
        if (ts.isIdentifier(target)) bodyStart = this.kill([target.text], bodyStart);
      }
      if (elementSource) bodyStart = this.clearElementFacts(elementSource, bodyStart);
      let end = this.statement(node.statement, bodyStart);
      end = join([end, ...flow.continues]);
      if (ts.isForStatement(node) && node.incrementor) end = this.expression(node.incrementor, end);
      if (ts.isDoStatement(node)) {
        const [whenTrue, whenFalse] = this.condition(node.expression, end);
        exit = whenFalse;
        end = whenTrue;
      }
      this.#flow.pop();
      return { end, exit, flow };
    };

    // Two passes reach the fixpoint of a loop; a second pass is skipped when the first changed
    // nothing. Deeply nested loops would double the work per level, so past a few levels the
    // body runs once from a state that assumes nothing (no must-facts, no aliases): sound, and linear.
    this.#loopDepth++;
    let second: { end: State; exit: State; flow: FlowContext };
    try {
      if (this.#loopDepth > MAX_EXACT_LOOP_DEPTH) {
        const widened: State = { ...emptyState(), pending: entry.pending.fork(), dead: entry.dead };
        const once = runBody(widened);
        second = { ...once, exit: join([once.exit, once.end]) };
      } else {
        const first = runBody(entry);
        const head = join([entry, first.end]);
        second = sameState(head, entry) ? first : runBody(head);
      }
    } finally {
      this.#loopDepth--;
    }
    let exit = second.exit;
    if (elementSource && ts.isForOfStatement(node)) {
      // Every element released in the body: all of them are released once the loop runs out.
      exit = this.releaseElements(elementSource, second.end, exit);
    }
    return join([exit, ...second.flow.breaks]);
  }

  /**
   * `map.forEach((value, key) => { … })` run as this function: its parameters are an entry of the
   * container, as in `for (const [key, value] of map)`.
   */
  bindForEachParameters(fn: ts.Node, state: State): State {
    const call = fn.parent;
    if (!isFunctionLike(fn) || !call || !ts.isCallExpression(call) || call.arguments[0] !== fn || calledMethodName(call) !== 'forEach') return state;
    const source = this.manyRef((skipOuter(call.expression) as ts.PropertyAccessExpression).expression, state);
    if (source?.kind !== 'container') return state;
    const [valueParameter, keyParameter] = fn.parameters;
    if (!valueParameter || !ts.isIdentifier(valueParameter.name)) return state;
    const keyName = keyParameter && ts.isIdentifier(keyParameter.name) ? keyParameter.name.text : undefined;
    return bindEntry(valueParameter.name.text, keyName, source, state);
  }

  bindLoopVariable(name: ts.BindingName, source: ManyRef | undefined, isForIn: boolean, state: State): State {
    const next = this.kill(boundNames(name), state);
    if (!source || isForIn) return next;
    if (ts.isIdentifier(name)) return bindEntry(name.text, undefined, source, next);
    if (ts.isArrayBindingPattern(name)) {
      // `for (const [key, value] of map)`: entries.
      const [keyElement, valueElement] = name.elements;
      const keyName = keyElement && ts.isBindingElement(keyElement) && ts.isIdentifier(keyElement.name) ? keyElement.name.text : undefined;
      if (valueElement && ts.isBindingElement(valueElement) && ts.isIdentifier(valueElement.name)) return bindEntry(valueElement.name.text, keyName, source, next);
    }
    return next;
  }

  clearElementFacts(source: ManyRef, state: State): State {
    const prefix = `e\u0000${manyRefSource(source)}\u0000`;
    const next = cloneState(state);
    for (const key of [...next.facts.keys()]) if (key.startsWith(prefix)) next.facts.delete(key);
    return next;
  }

  /** When every path through the body released the element, the loop released them all. */
  releaseElements(source: ManyRef, bodyEnd: State, exit: State): State {
    if (bodyEnd.dead || exit.dead) return exit;
    const prefix = `e\u0000${manyRefSource(source)}\u0000`;
    let next = exit;
    for (const key of bodyEnd.facts.keys()) {
      if (!key.startsWith(prefix)) continue;
      next = this.releaseMany(source, key.slice(prefix.length), next);
    }
    return this.clearElementFacts(source, next);
  }

  releaseMany(source: ManyRef, slot: string, state: State): State {
    const next = cloneState(state);
    if (source.kind === 'container') {
      next.facts.set(allFact(source.container, slot), { roots: source.roots });
    } else {
      this.discharge(next, source.drop, slot);
    }
    return next;
  }

  switchStatement(node: ts.SwitchStatement, state: State, labels: string[]): State {
    const afterDiscriminant = this.expression(node.expression, state);
    const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: false, isSwitch: true };
    this.#flow.push(flow);
    let fallthrough = deadState();
    let hasDefault = false;
    let testsState = afterDiscriminant;
    for (const clause of node.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) testsState = this.expression(clause.expression, testsState);
      else hasDefault = true;
      const entry = join([testsState, fallthrough]);
      fallthrough = this.statements(clause.statements, entry);
    }
    this.#flow.pop();
    return join([fallthrough, ...flow.breaks, ...(hasDefault ? [] : [testsState])]);
  }

  tryStatement(node: ts.TryStatement, state: State): State {
    const handler: FinallyContext | undefined = node.finallyBlock ? { block: node.finallyBlock, returns: [] } : undefined;
    if (handler) this.#finally.push(handler);
    const afterTry = this.statements(node.tryBlock.statements, state);
    let afterCatch = deadState();
    if (node.catchClause) {
      // Any statement of the try block may have thrown: the catch starts from what held throughout.
      let catchEntry = join([state, afterTry.dead ? state : afterTry]);
      if (node.catchClause.variableDeclaration) catchEntry = this.kill(boundNames(node.catchClause.variableDeclaration.name), catchEntry);
      afterCatch = this.statements(node.catchClause.block.statements, catchEntry);
    }
    if (!handler) return join([afterTry, afterCatch]);
    this.#finally.pop();
    const normal = this.statements(handler.block.statements, join([afterTry, afterCatch]));
    for (const returned of handler.returns) {
      const afterFinally = this.statements(handler.block.statements, returned);
      if (!afterFinally.dead) this.exitFunction(afterFinally);
    }
    return normal;
  }

  // -- conditions -------------------------------------------------------------

  /** States when the test is true and when it is false, refined by what the test tells. */
  condition(test: ts.Expression, state: State): [State, State] {
    const expression = skipOuter(test);
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
      const [whenTrue, whenFalse] = this.condition(expression.operand, state);
      return [whenFalse, whenTrue];
    }
    if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
        const [leftTrue, leftFalse] = this.condition(expression.left, state);
        const [rightTrue, rightFalse] = this.condition(expression.right, leftTrue);
        return [rightTrue, join([leftFalse, rightFalse])];
      }
      if (operator === ts.SyntaxKind.BarBarToken) {
        const [leftTrue, leftFalse] = this.condition(expression.left, state);
        const [rightTrue, rightFalse] = this.condition(expression.right, leftFalse);
        return [join([leftTrue, rightTrue]), rightFalse];
      }
      const after = this.expression(expression, state);
      return this.comparison(expression, after);
    }
    const after = this.expression(expression, state);
    // `map.has(k)`, `k in obj`: false means the place is empty.
    if (ts.isCallExpression(expression) && calledMethodName(expression) === 'has' && expression.arguments.length === 1) {
      const place = this.placeOf(skipOuter((skipOuter(expression.expression) as ts.PropertyAccessExpression).expression), expression.arguments[0]!);
      if (place) return [after, this.markEmptyByLookup(place, after)];
    }
    // `if (old)`, `if (map.get(k))`, `if (entry.timer)`: falsy means nothing is stored there.
    const ref = this.slotRef(expression);
    if (ref) return [after, this.markEmptyByLookup(ref.ref, after, ref.slot)];
    return [after, after];
  }

  comparison(expression: ts.BinaryExpression, state: State): [State, State] {
    const operator = expression.operatorToken.kind;
    const equality =
      operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken
        ? true
        : operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken
          ? false
          : undefined;
    if (operator === ts.SyntaxKind.InKeyword) {
      const place = this.placeOf(skipOuter(expression.right), expression.left);
      return place ? [state, this.markEmptyByLookup(place, state)] : [state, state];
    }
    if (equality === undefined) return [state, state];
    const left = skipOuter(expression.left);
    const right = skipOuter(expression.right);
    // `old === undefined`, `typeof old === 'undefined'`, and `old === next` (setting the same value again).
    let subject: ts.Expression | undefined;
    if (isNullish(right)) subject = left;
    else if (isNullish(left)) subject = right;
    else if (ts.isTypeOfExpression(left) && ts.isStringLiteral(right) && right.text === 'undefined') subject = left.expression;
    else subject = left;
    const ref = subject && this.slotRef(subject);
    const target = ref ?? (subject === left ? this.slotRef(right) : undefined);
    if (!target) return [state, state];
    const empty = this.markEmptyByLookup(target.ref, state, target.slot);
    return equality ? [empty, state] : [state, empty];
  }

  /** The place holds nothing (or nothing that needs releasing) on this path. */
  markEmpty(ref: ValueRef, state: State, slot = '*'): State {
    return this.release(ref, slot, state, false);
  }

  /** A look-up found nothing: the place is empty, unless this container's look-ups cannot tell. */
  markEmptyByLookup(ref: ValueRef, state: State, slot = '*'): State {
    const place = ref.kind === 'place' ? ref : ref.kind === 'variable' ? state.aliases.get(ref.name) : undefined;
    if (place?.kind === 'place' && this.options.untrustedLookups?.has(place.container)) return state;
    return this.markEmpty(ref, state, slot);
  }

  // -- expressions ------------------------------------------------------------

  expression(node: ts.Expression, state: State): State {
    if (state.dead) return state;
    const expression = node;
    if (ts.isBinaryExpression(expression)) return this.binary(expression, state);
    if (ts.isConditionalExpression(expression)) {
      const [whenTrue, whenFalse] = this.condition(expression.condition, state);
      return join([this.expression(expression.whenTrue, whenTrue), this.expression(expression.whenFalse, whenFalse)]);
    }
    if (ts.isCallExpression(expression)) return this.call(expression, state);
    if (ts.isNewExpression(expression)) {
      const [executor] = expression.arguments ?? [];
      if (executor && isPromiseExecutor(executor)) return this.inline(executor, state);
      let current = this.children(expression, state);
      for (const argument of expression.arguments ?? []) current = this.escape(argument, current);
      return current;
    }
    if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression) || ts.isClassExpression(expression)) {
      return this.closure(expression, state);
    }
    if (ts.isDeleteExpression(expression)) {
      const after = this.expression(expression.expression, state);
      return this.dropOrFact(expression, after);
    }
    if (ts.isArrayLiteralExpression(expression) || ts.isObjectLiteralExpression(expression)) {
      let current = this.children(expression, state);
      for (const element of ts.isArrayLiteralExpression(expression) ? expression.elements : expression.properties) {
        if (ts.isPropertyAssignment(element)) current = this.escape(element.initializer, current);
        else if (ts.isShorthandPropertyAssignment(element)) current = this.escape(element.name, current);
        else if (ts.isSpreadElement(element) || ts.isSpreadAssignment(element)) {
          if (!this.manyRef(element.expression, current)) current = this.escape(element.expression, current);
        } else if (!ts.isObjectLiteralElement(element)) current = this.escape(element, current);
      }
      return current;
    }
    if (ts.isYieldExpression(expression)) {
      let current = this.children(expression, state);
      if (expression.expression) current = this.escape(expression.expression, current);
      return current;
    }
    return this.children(expression, state);
  }

  children(node: ts.Node, state: State): State {
    let current = state;
    ts.forEachChild(node, (child) => {
      if (current.dead) return;
      if (ts.isBlock(child)) current = this.statements(child.statements, current);
      else if (isStatementNode(child)) current = this.statement(child, current);
      else if (isExpressionNode(child)) current = this.expression(child, current);
      else current = this.children(child, current);
    });
    return current;
  }

  binary(node: ts.BinaryExpression, state: State): State {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
      const [whenTrue, whenFalse] = this.condition(node.left, state);
      const right = this.expression(node.right, operator === ts.SyntaxKind.AmpersandAmpersandToken ? whenTrue : whenFalse);
      return join([operator === ts.SyntaxKind.AmpersandAmpersandToken ? whenFalse : whenTrue, right]);
    }
    if (operator === ts.SyntaxKind.QuestionQuestionToken) {
      const left = this.expression(node.left, state);
      return join([left, this.expression(node.right, left)]);
    }
    if (operator === ts.SyntaxKind.EqualsToken) return this.assignment(node, state);
    if (
      operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
      operator === ts.SyntaxKind.BarBarEqualsToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken
    ) {
      // `map[k] ??= create()` never overwrites a stored value.
      const left = this.expression(node.left, state);
      return join([left, this.expression(node.right, left)]);
    }
    if (isAssignmentOperator(operator)) {
      let current = this.children(node, state);
      const target = skipOuter(node.left);
      if (ts.isIdentifier(target)) current = this.kill([target.text], current);
      return current;
    }
    return this.children(node, state);
  }

  assignment(node: ts.BinaryExpression, state: State): State {
    const target = skipOuter(node.left);
    let current = state;
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      current = this.expression(target.expression, current);
      if (ts.isElementAccessExpression(target)) current = this.expression(target.argumentExpression, current);
    }
    current = this.expression(node.right, current);
    if (ts.isIdentifier(target)) {
      const dropId = this.dropIds.get(node);
      if (dropId !== undefined) current = this.drop(dropId, current);
      return this.bind(target, node.right, current);
    }
    if (ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target)) {
      return this.kill(assignedNames(target), current);
    }
    // Stored in a field or another container: handed on.
    current = this.escape(node.right, current);
    return this.dropOrFact(node, current);
  }

  /** A drop site, or a syntactic fact about a container: a `delete` empties a place, an assignment fills it. */
  dropOrFact(node: ts.Node, state: State): State {
    const dropId = this.dropIds.get(node);
    if (dropId !== undefined) return this.drop(dropId, state);
    if (ts.isDeleteExpression(node)) {
      const target = skipOuter(node.expression);
      if (ts.isElementAccessExpression(target)) {
        const place = this.placeOf(skipOuter(target.expression), target.argumentExpression);
        if (place) return this.markEmpty(place, state);
      }
      return state;
    }
    if (ts.isBinaryExpression(node)) {
      const target = skipOuter(node.left);
      if (ts.isElementAccessExpression(target)) {
        const place = this.placeOf(skipOuter(target.expression), target.argumentExpression);
        if (place) return this.storeAliases(place, node.right, this.fill(place.container, place.key, state));
      } else if (ts.isPropertyAccessExpression(target)) {
        const container = canonical(target);
        if (container) return this.replaceContainer(container.text, state);
      }
    }
    return state;
  }

  /** A new value now sits at `container[key]`: what was known about the old one no longer applies. */
  fill(container: string, key: string, state: State): State {
    const next = cloneState(state);
    for (const factKey of [...next.facts.keys()]) {
      if (factKey.startsWith(`p\u0000${container}\u0000${key}\u0000`) || factKey.startsWith(`a\u0000${container}\u0000`)) next.facts.delete(factKey);
    }
    for (const [name, alias] of [...next.aliases]) {
      if (alias.kind === 'place' && alias.container === container && alias.key === key) next.aliases.delete(name);
    }
    return next;
  }

  /** `this.pollers = new Map()`: the old container and everything known about it are gone. */
  replaceContainer(container: string, state: State): State {
    const next = cloneState(state);
    for (const factKey of [...next.facts.keys()]) {
      if (factKey.startsWith(`p\u0000${container}\u0000`) || factKey.startsWith(`a\u0000${container}\u0000`)) next.facts.delete(factKey);
    }
    for (const factKey of [...next.facts.keys()]) if (factKey.startsWith(`v\u0000${container}\u0000`)) next.facts.delete(factKey);
    for (const [name, alias] of [...next.aliases]) {
      if ((alias.kind === 'place' || alias.kind === 'values') && alias.container === container) next.aliases.delete(name);
    }
    return next;
  }

  call(node: ts.CallExpression, state: State): State {
    const callee = skipOuter(node.expression);
    let current = state;
    // Receiver first, then arguments, then the call itself.
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      current = this.expression(callee.expression, current);
      if (ts.isElementAccessExpression(callee)) current = this.expression(callee.argumentExpression, current);
    } else {
      current = this.expression(callee, current);
    }
    const methodName = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const iterated = methodName !== undefined && ITERATION_METHODS.has(methodName) && ts.isPropertyAccessExpression(callee) ? this.manyRef(callee.expression, current) : undefined;

    for (const [index, argument] of node.arguments.entries()) {
      if (iterated && index === 0 && (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) {
        current = this.elementCallback(argument, iterated, current);
      } else {
        current = this.expression(argument, current);
      }
    }
    if (current.dead) return current;

    // value.stop(), value?.close(), record.timer.unref()…
    if (methodName !== undefined && ts.isPropertyAccessExpression(callee)) {
      if (this.options.vocabulary.methods.has(methodName)) {
        const ref = this.slotRef(callee.expression);
        if (ref) current = this.release(ref.ref, ref.slot, current);
      }
      if (iterated && node.arguments[0] && !ts.isArrowFunction(node.arguments[0]) && !ts.isFunctionExpression(node.arguments[0])) {
        // `timers.forEach(clearInterval)`, `meters.forEach(stopMeter)`
        if (this.callbackReleasesArgument(node.arguments[0])) current = this.releaseMany(iterated, '*', current);
      }
    }
    if (ts.isElementAccessExpression(callee) && isSymbolDisposeAccess(callee.argumentExpression)) {
      const ref = this.slotRef(callee.expression);
      if (ref) current = this.release(ref.ref, ref.slot, current);
    }
    const name = calleeName(node);
    if (name !== undefined && this.options.vocabulary.functions.has(name) && !methodName?.startsWith('__')) {
      for (const argument of node.arguments) {
        const ref = this.slotRef(argument);
        if (ref) current = this.release(ref.ref, ref.slot, current);
      }
    } else if (!iterated && !(methodName !== undefined && LOOKUP_METHODS.has(methodName))) {
      current = this.passArguments(node, current);
    }

    // Container operations: a drop site, or facts (`delete` empties a place, `set` fills it).
    const dropId = this.dropIds.get(node);
    if (dropId !== undefined) return this.drop(dropId, current);
    if (methodName !== undefined && ts.isPropertyAccessExpression(callee)) {
      const receiver = skipOuter(callee.expression);
      const [first] = node.arguments;
      if ((methodName === 'delete' || methodName === 'del') && first) {
        const place = this.placeOf(receiver, first);
        const argument = skipOuter(first);
        // node-cache `del(cache.keys())`: every key at once.
        if (ts.isCallExpression(argument) && calledMethodName(argument) === 'keys' && canonical((skipOuter(argument.expression) as ts.PropertyAccessExpression).expression)?.text === canonical(receiver)?.text) {
          const container = canonical(receiver);
          if (container) {
            current = this.replaceContainer(container.text, current);
            current.facts.set(allFact(container.text, '*'), { roots: container.roots });
          }
        } else if (place) current = this.markEmpty(place, current);
      } else if (methodName === 'clear' && node.arguments.length === 0) {
        const container = canonical(receiver);
        if (container) {
          current = this.replaceContainer(container.text, current);
          current.facts.set(allFact(container.text, '*'), { roots: container.roots });
        }
      } else if (methodName === 'set' && first) {
        const place = this.placeOf(receiver, first);
        if (place) current = this.storeAliases(place, node.arguments[1], this.fill(place.container, place.key, current));
      }
    }
    return current;
  }

  /** Arguments handed to a function: released or kept (handed on), or only looked at, by what the callee does. */
  passArguments(node: ts.CallExpression, state: State): State {
    let current = state;
    const name = calleeName(node);
    const helper = this.depth < MAX_HELPER_DEPTH ? this.options.resolver.resolve(node) : undefined;
    if (helper) current = this.applyHelperEffects(node, helper, current);
    for (const [index, argument] of node.arguments.entries()) {
      const ref = this.slotRef(argument);
      const many = ref ? undefined : this.manyRef(argument, current);
      if (!ref && !many) continue;
      // A helper with a body says which slots it releases or keeps; a function declared
      // elsewhere (a library, a callback) may keep the value.
      const slots = helper
        ? this.summaries.releasedSlots(helper, index, this.options, this.depth + 1)
        : name !== undefined && ESCAPE_IGNORING_CALLS.has(name)
          ? []
          : ['*'];
      for (const slot of slots) {
        if (ref) current = this.release(ref.ref, ref.slot === '*' ? slot : ref.slot, current);
        else if (many) current = this.releaseMany(many, slot, current);
      }
    }
    return current;
  }

  /** A helper of the same class or module that releases or deletes `container[param]`, or all of a container. */
  applyHelperEffects(node: ts.CallExpression, helper: ts.FunctionLikeDeclaration, state: State): State {
    // Container names mean the same thing only in the same module, and `this.x` only through `this.helper()`.
    if (helper.getSourceFile() !== node.getSourceFile()) return state;
    const effects = this.summaries.effects(helper, this.options, this.depth + 1);
    if (!effects || (effects.places.length === 0 && effects.all.length === 0)) return state;
    const callee = skipOuter(node.expression);
    const throughThis = ts.isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword;
    const applies = (container: string): boolean => !container.startsWith('this.') || throughThis;
    const next = cloneState(state);
    for (const { container, slot } of effects.all) if (applies(container)) next.facts.set(allFact(container, slot), { roots: [] });
    for (const { container, parameterIndex, slot } of effects.places) {
      if (!applies(container)) continue;
      const argument = node.arguments[parameterIndex];
      const key = argument && canonical(argument);
      if (!key) continue;
      next.facts.set(placeFact(container, key.text, slot), { roots: key.roots });
    }
    return next;
  }

  /** `timers.forEach(clearInterval)` / `meters.forEach(stopMeter)`: the callback releases its first argument. */
  callbackReleasesArgument(callback: ts.Expression): boolean {
    const expression = skipOuter(callback);
    if (ts.isIdentifier(expression) && this.options.vocabulary.functions.has(expression.text)) return true;
    return false;
  }

  /** `meters.forEach((meter) => meter.stop())`: analyzed as its own body, with the parameter as the element. */
  elementCallback(callback: ts.ArrowFunction | ts.FunctionExpression, source: ManyRef, state: State): State {
    const [valueParameter, keyParameter] = callback.parameters;
    if (!valueParameter) return state;
    const inner = new FunctionAnalysis(this.drops, this.options, this.summaries, this.depth);
    let start = this.clearElementFacts(source, state);
    start = inner.bindLoopVariable(valueParameter.name, source, false, start);
    if (keyParameter && ts.isIdentifier(keyParameter.name) && ts.isIdentifier(valueParameter.name) && source.kind === 'container') {
      const alias = start.aliases.get(valueParameter.name.text);
      if (alias?.kind === 'element') {
        start.aliases.set(valueParameter.name.text, { ...alias, keyVariable: keyParameter.name.text });
        start.aliases.set(keyParameter.name.text, { kind: 'keyOf', container: source.container });
      }
    }
    // Pending drops of the outer function stay outside: the callback cannot pay them except through elements.
    const end = inner.run(callback.body, start);
    if (end.dead) return state;
    const prefix = `e\u0000${manyRefSource(source)}\u0000`;
    let next = state;
    for (const key of end.facts.keys()) {
      if (key.startsWith(prefix)) next = this.releaseMany(source, key.slice(prefix.length), next);
    }
    return next;
  }

  /**
   * After `map.set(k, meter)` the name `meter` denotes the stored value; after
   * `map.set(k, { job, timer })` the name `timer` denotes that field of it.
   */
  storeAliases(place: ValueRef & { kind: 'place' }, value: ts.Expression | undefined, state: State): State {
    if (!value) return state;
    const v = skipOuter(value);
    if (ts.isIdentifier(v)) {
      const next = cloneState(state);
      next.aliases.set(v.text, { kind: 'place', container: place.container, key: place.key, roots: [...place.containerRoots, ...place.keyRoots] });
      return next;
    }
    if (ts.isObjectLiteralExpression(v)) {
      for (const property of v.properties) {
        if (ts.isShorthandPropertyAssignment(property)) this.#fieldAliases.set(property.name.text, { ref: place, slot: property.name.text });
        else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && ts.isIdentifier(skipOuter(property.initializer))) {
          this.#fieldAliases.set((skipOuter(property.initializer) as ts.Identifier).text, { ref: place, slot: property.name.text });
        }
      }
    }
    return state;
  }

  /** A callback that runs at once (a Promise executor): its paths continue this function's. */
  inline(callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State {
    const inner = new FunctionAnalysis(this.drops, this.options, this.summaries, this.depth);
    const end = inner.run(callback.body, state);
    inner.releasedSomewhere.forEach((id) => this.releasedSomewhere.add(id));
    inner.owedAtDrop.forEach((id) => this.owedAtDrop.add(id));
    for (const [id, missed] of inner.missedWhen) if (!this.missedWhen.has(id)) this.missedWhen.set(id, missed);
    return end;
  }

  /** Any other closure: a value it names is released or handed on through it. */
  closure(node: ts.Node, state: State): State {
    let current = state;
    const visit = (child: ts.Node): void => {
      if (ts.isIdentifier(child) && !isPropertyName(child)) {
        const name = child.text;
        if (current.aliases.has(name) || this.#fieldAliases.has(name)) current = this.release({ kind: 'variable', name }, '*', current);
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return current;
  }

  /** A value in a position that hands it on: returned, stored, put in a literal. */
  escape(expression: ts.Expression, state: State): State {
    const ref = this.slotRef(expression);
    if (ref) return this.release(ref.ref, ref.slot, state);
    const many = this.manyRef(expression, state);
    if (many) return this.releaseMany(many, '*', state);
    return state;
  }

  // -- drops and releases -----------------------------------------------------

  drop(dropId: number, state: State): State {
    const drop = this.drops[dropId]!;
    const next = cloneState(state);
    const owed = drop.slots.filter((slot) => !this.isReleased(drop, slot, next));
    if (owed.length < drop.slots.length) this.releasedSomewhere.add(dropId);
    if (owed.length > 0) this.owedAtDrop.add(dropId);
    if (owed.length > 0 && !this.missedWhen.has(dropId)) {
      // Released before the drop on one branch only: name that branch.
      const keys = owed.flatMap((slot) =>
        drop.target.kind === 'key'
          ? [placeFact(drop.container, drop.target.key, slot), placeFact(drop.container, drop.target.key, '*'), allFact(drop.container, '*')]
          : drop.target.kind === 'value'
            ? [variableFact(drop.target.variable, slot), variableFact(drop.target.variable, '*')]
            : [allFact(drop.container, slot), allFact(drop.container, '*')],
      );
      const divergence = keys.map((key) => this.factDivergence.get(key)).find((found) => found !== undefined);
      if (divergence) {
        this.missedWhen.set(dropId, divergence);
        this.releasedSomewhere.add(dropId);
      }
    }
    if (owed.length > 0) {
      const existing = next.pending.get(dropId);
      next.pending.set(dropId, existing ? new Set([...existing, ...owed]) : new Set(owed));
    }
    const { target, container } = drop;
    if (target.kind === 'key') {
      for (const [name, alias] of [...next.aliases]) {
        if (alias.kind === 'place' && alias.container === container && alias.key === target.key) next.aliases.set(name, { kind: 'dropped', drop: dropId, many: false });
        if (alias.kind === 'element' && alias.container === container && alias.keyVariable === target.key) next.aliases.set(name, { kind: 'dropped', drop: dropId, many: false });
      }
      let afterFill = this.fill(container, target.key, next);
      const stored = storedValueOf(drop.node);
      if (drop.storesNewValue && stored) {
        afterFill = this.storeAliases({ kind: 'place', container, key: target.key, keyRoots: target.keyRoots, containerRoots: drop.containerRoots }, stored, afterFill);
      }
      if (!drop.storesNewValue) afterFill.facts.set(placeFact(container, target.key, '*'), { roots: [...drop.containerRoots, ...target.keyRoots] });
      return afterFill;
    }
    if (target.kind === 'value') {
      next.aliases.set(target.variable, { kind: 'dropped', drop: dropId, many: false });
      return next;
    }
    for (const [name, alias] of [...next.aliases]) {
      if (alias.kind === 'values' && alias.container === container) next.aliases.set(name, { kind: 'dropped', drop: dropId, many: true });
    }
    const emptied = this.replaceContainer(container, next);
    emptied.facts.set(allFact(container, '*'), { roots: drop.containerRoots });
    return emptied;
  }

  isReleased(drop: DropSite, slot: string, state: State): boolean {
    const { facts, aliases } = state;
    const { container, target } = drop;
    const has = (key: (s: string) => string): boolean => facts.has(key(slot)) || facts.has(key('*'));
    if (has((s) => allFact(container, s))) return true;
    if (target.kind === 'key') {
      if (has((s) => placeFact(container, target.key, s))) return true;
      return false;
    }
    if (target.kind === 'value') {
      if (has((s) => variableFact(target.variable, s))) return true;
      const alias = aliases.get(target.variable);
      if (alias?.kind === 'place' && has((s) => placeFact(alias.container, alias.key, s))) return true;
      return false;
    }
    return false;
  }

  discharge(state: State, dropId: number, slot: string): void {
    const owed = state.pending.get(dropId);
    if (!owed) {
      this.releasedSomewhere.add(dropId);
      return;
    }
    this.releasedSomewhere.add(dropId);
    const remaining = slot === '*' ? [] : [...owed].filter((owedSlot) => owedSlot !== slot);
    if (remaining.length === 0) state.pending.delete(dropId);
    else state.pending.set(dropId, new Set(remaining));
  }

  /**
   * Releases (or hands on) a value. `countsAsRelease` is false when the value is only
   * known to be absent: that empties the place without crediting a release.
   */
  release(ref: ValueRef | undefined, slot: string, state: State, countsAsRelease = true): State {
    if (!ref) return state;
    const next = cloneState(state);
    switch (ref.kind) {
      case 'place':
        next.facts.set(placeFact(ref.container, ref.key, slot), { roots: [...ref.containerRoots, ...ref.keyRoots] });
        for (const [, alias] of next.aliases) {
          if (alias.kind === 'keyOf' && alias.container === ref.container && ref.keyRoots.length === 1 && ref.key === ref.keyRoots[0]) {
            next.facts.set(elementFact(`c:${ref.container}`, slot), { roots: [] });
          }
        }
        {
          const keyAlias = ref.keyRoots.length === 1 && ref.key === ref.keyRoots[0] ? next.aliases.get(ref.key) : undefined;
          if (keyAlias?.kind === 'keyOf' && keyAlias.container === ref.container) next.facts.set(elementFact(`c:${ref.container}`, slot), { roots: [] });
        }
        return next;
      case 'dropResult':
        this.discharge(next, ref.drop, slot);
        return next;
      case 'variable': {
        next.facts.set(variableFact(ref.name, slot), { roots: [ref.name] });
        const fieldAlias = this.#fieldAliases.get(ref.name);
        if (fieldAlias && slot === '*') return this.release(fieldAlias.ref, fieldAlias.slot, next, countsAsRelease);
        const alias = next.aliases.get(ref.name);
        if (!alias) return next;
        switch (alias.kind) {
          case 'place':
            next.facts.set(placeFact(alias.container, alias.key, slot), { roots: alias.roots });
            return next;
          case 'dropped':
            if (countsAsRelease || !alias.many) this.discharge(next, alias.drop, slot);
            return next;
          case 'values':
            next.facts.set(allFact(alias.container, slot), { roots: [ref.name] });
            return next;
          case 'element':
            next.facts.set(elementFact(alias.source, slot), { roots: [] });
            if (alias.container !== undefined && alias.keyVariable !== undefined) {
              next.facts.set(placeFact(alias.container, alias.keyVariable, slot), { roots: [alias.keyVariable] });
            }
            return next;
          case 'keyOf':
            return next;
        }
      }
    }
  }

  // -- references -------------------------------------------------------------

  /** `x`, `map.get(k)`, `obj[k]`, a drop's result — with `.field` as a slot of a record. */
  slotRef(expression: ts.Expression): { ref: ValueRef; slot: string } | undefined {
    const e = skipOuter(expression);
    if (ts.isPropertyAccessExpression(e)) {
      const owner = this.valueRef(e.expression);
      if (owner) return { ref: owner, slot: e.name.text };
    }
    const whole = this.valueRef(e);
    if (whole) return { ref: whole, slot: '*' };
    if (ts.isIdentifier(e)) {
      const field = this.#fieldAliases.get(e.text);
      if (field) return field;
    }
    return undefined;
  }

  valueRef(expression: ts.Expression): ValueRef | undefined {
    const e = skipOuter(expression);
    const dropId = this.dropIds.get(e);
    if (dropId !== undefined && this.drops[dropId]!.result !== 'none') return { kind: 'dropResult', drop: dropId };
    if (ts.isIdentifier(e)) return { kind: 'variable', name: e.text };
    // `this.current`: a field is named like a variable; `x.y` is slot `y` of `x` (see slotRef).
    if (ts.isPropertyAccessExpression(e) && isThisPath(e)) {
      const path = canonical(e);
      if (path) return { kind: 'variable', name: path.text };
    }
    if (ts.isCallExpression(e) && (calledMethodName(e) === 'get' || calledMethodName(e) === 'peek') && e.arguments.length >= 1) {
      return this.placeOf(skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression), e.arguments[0]!);
    }
    if (ts.isElementAccessExpression(e) && !isSymbolDisposeAccess(e.argumentExpression)) {
      return this.placeOf(skipOuter(e.expression), e.argumentExpression);
    }
    return undefined;
  }

  placeOf(containerExpression: ts.Expression, keyExpression: ts.Expression): (ValueRef & { kind: 'place' }) | undefined {
    const container = canonical(containerExpression);
    const key = canonical(keyExpression);
    if (!container || !key) return undefined;
    return { kind: 'place', container: container.text, key: key.text, keyRoots: key.roots, containerRoots: container.roots };
  }

  /** A collection of values: `map`, `map.values()`, `[...set]`, `Array.from(map.values())`, `Object.values(obj)`, a copy alias. */
  manyRef(expression: ts.Expression, state: State): ManyRef | undefined {
    const e = skipOuter(expression);
    const dropId = this.dropIds.get(e);
    if (dropId !== undefined && this.drops[dropId]!.result === 'many') return { kind: 'dropped', drop: dropId };
    if (ts.isIdentifier(e)) {
      const alias = state.aliases.get(e.text);
      if (alias?.kind === 'values') return { kind: 'container', container: alias.container, roots: [e.text] };
      if (alias?.kind === 'dropped' && alias.many) return { kind: 'dropped', drop: alias.drop };
      if (alias) return undefined;
    }
    if (ts.isCallExpression(e)) {
      const method = calledMethodName(e);
      const callee = skipOuter(e.expression);
      if ((method === 'values' || method === 'entries') && e.arguments.length === 0 && ts.isPropertyAccessExpression(callee)) {
        return this.manyRef(callee.expression, state);
      }
      if ((method === 'slice' || method === 'concat') && ts.isPropertyAccessExpression(callee) && e.arguments.length <= 2) {
        return this.manyRef(callee.expression, state);
      }
      if ((method === 'from' || method === 'values') && ts.isPropertyAccessExpression(callee)) {
        const owner = skipOuter(callee.expression);
        if (ts.isIdentifier(owner) && (owner.text === 'Array' || owner.text === 'Object') && e.arguments[0]) {
          return this.manyRef(e.arguments[0], state);
        }
      }
      return undefined;
    }
    if (ts.isArrayLiteralExpression(e) && e.elements.length === 1) {
      const [only] = e.elements;
      if (only && ts.isSpreadElement(only)) return this.manyRef(only.expression, state);
      return undefined;
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || e.kind === ts.SyntaxKind.ThisKeyword) {
      const container = canonical(e);
      if (container && !container.impure) return { kind: 'container', container: container.text, roots: container.roots };
    }
    return undefined;
  }
}

const MAX_HELPER_DEPTH = 3;
/** Loops nested deeper than this are analyzed in one widened pass. */
const MAX_EXACT_LOOP_DEPTH = 3;

/** Same facts, aliases and pending drops: a loop's head has reached its fixpoint. */
function sameState(a: State, b: State): boolean {
  if (a.dead !== b.dead || a.facts.size !== b.facts.size || a.aliases.size !== b.aliases.size || a.pending.size !== b.pending.size) return false;
  for (const key of a.facts.keys()) if (!b.facts.has(key)) return false;
  for (const [name, alias] of a.aliases) if (JSON.stringify(alias) !== JSON.stringify(b.aliases.get(name))) return false;
  for (const [id, slots] of a.pending) {
    const other = b.pending.get(id);
    if (!other || other.size !== slots.size || [...slots].some((slot) => !other.has(slot))) return false;
  }
  return true;
}

/** The value a drop stores: `v` in `map.set(k, v)` and `obj[k] = v`. */
function storedValueOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isCallExpression(node)) return node.arguments[1];
  if (ts.isBinaryExpression(node)) return node.right;
  return undefined;
}

function isThisPath(node: ts.Expression): boolean {
  let current = skipOuter(node);
  while (ts.isPropertyAccessExpression(current)) current = skipOuter(current.expression);
  return current.kind === ts.SyntaxKind.ThisKeyword;
}

function isNullish(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    (ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression))
  );
}

function isSymbolDisposeAccess(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Symbol' && (e.name.text === 'dispose' || e.name.text === 'asyncDispose');
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function assignedNames(pattern: ts.Expression): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(pattern);
  return names;
}

function isStatementNode(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) || ts.isVariableStatement(node);
}

function isExpressionNode(node: ts.Node): node is ts.Expression {
  return ts.isExpression(node);
}

// ---------------------------------------------------------------------------
// Helper summaries

interface HelperEffects {
  /** `container[parameter]` is released or removed on every path through the helper. */
  places: { container: string; parameterIndex: number; slot: string }[];
  /** Every value of `container` is released on every path. */
  all: { container: string; slot: string }[];
}

/** Summaries of helpers, computed once per declaration and vocabulary. */
export class SummaryCache {
  readonly #effects = new Map<string, WeakMap<ts.Node, HelperEffects | null>>();
  readonly #releasedSlots = new Map<string, WeakMap<ts.Node, string[][]>>();
  readonly #inProgress = new Set<ts.Node>();

  effects(helper: ts.FunctionLikeDeclaration, options: AnalysisOptions, depth: number): HelperEffects | undefined {
    const vocabularyKey = vocabularyKeyOf(options.vocabulary);
    let byNode = this.#effects.get(vocabularyKey);
    if (!byNode) this.#effects.set(vocabularyKey, (byNode = new WeakMap()));
    const cached = byNode.get(helper);
    if (cached !== undefined) return cached ?? undefined;
    if (!helper.body || this.#inProgress.has(helper) || depth > MAX_HELPER_DEPTH) return undefined;
    this.#inProgress.add(helper);
    let result: HelperEffects | null = null;
    try {
      const analysis = new FunctionAnalysis([], options, this, depth);
      const end = analysis.run(helper.body, emptyState());
      const parameters = helper.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
      const effects: HelperEffects = { places: [], all: [] };
      if (!end.dead) {
        for (const key of end.facts.keys()) {
          const [kind, container, second, third] = key.split('\u0000');
          if (!container || !isSharedContainer(container)) continue;
          if (kind === 'a' && second !== undefined) effects.all.push({ container, slot: second });
          if (kind === 'p' && second !== undefined && third !== undefined) {
            const parameterIndex = parameters.indexOf(second);
            if (parameterIndex >= 0) effects.places.push({ container, parameterIndex, slot: third });
          }
        }
      }
      result = effects;
    } finally {
      this.#inProgress.delete(helper);
    }
    byNode.set(helper, result);
    return result ?? undefined;
  }

  /** Slots of the argument at `index` that the helper releases or hands on on every path: `['*']`, `['timer']`, or none. */
  releasedSlots(helper: ts.FunctionLikeDeclaration, index: number, options: AnalysisOptions, depth: number): string[] {
    const vocabularyKey = vocabularyKeyOf(options.vocabulary);
    let byNode = this.#releasedSlots.get(vocabularyKey);
    if (!byNode) this.#releasedSlots.set(vocabularyKey, (byNode = new WeakMap()));
    let cached = byNode.get(helper);
    if (!cached) {
      cached = this.#computeReleasedSlots(helper, options, depth);
      byNode.set(helper, cached);
    }
    if (index >= helper.parameters.length) {
      // Extra arguments reach a rest parameter or `arguments`: assume kept.
      return helper.parameters.some((parameter) => parameter.dotDotDotToken) ? ['*'] : [];
    }
    return cached[index] ?? ['*'];
  }

  #computeReleasedSlots(helper: ts.FunctionLikeDeclaration, options: AnalysisOptions, depth: number): string[][] {
    if (!helper.body || this.#inProgress.has(helper) || depth > MAX_HELPER_DEPTH) return helper.parameters.map(() => ['*']);
    this.#inProgress.add(helper);
    try {
      const end = new FunctionAnalysis([], options, this, depth).run(helper.body, emptyState());
      return helper.parameters.map((parameter) => {
        if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return ['*'];
        if (end.dead) return [];
        // Released as a value (`v`), or every value of it released when it is a collection (`a`).
        const prefixes = [`v\u0000${parameter.name.text}\u0000`, `a\u0000${parameter.name.text}\u0000`];
        const slots = [...end.facts.keys()].flatMap((key) => prefixes.filter((prefix) => key.startsWith(prefix)).map((prefix) => key.slice(prefix.length)));
        return slots.includes('*') ? ['*'] : slots;
      });
    } finally {
      this.#inProgress.delete(helper);
    }
  }
}

function vocabularyKeyOf(vocabulary: ReleaseVocabulary): string {
  return `${[...vocabulary.methods].sort().join(',')}|${[...vocabulary.functions].sort().join(',')}`;
}

/** Containers a helper and its caller both name: `this.x` fields and module-level names. */
function isSharedContainer(container: string): boolean {
  return container.startsWith('this.') || /^[A-Za-z_$][\w$]*$/.test(container);
}

// ---------------------------------------------------------------------------
// Entry point

/**
 * Analyzes one function (or source file) for the given drops and returns a verdict per drop.
 * Drops that the walk never reaches (dead code) get no obligations.
 */
export function analyzeDrops(
  body: ts.Node,
  drops: readonly DropSite[],
  options: AnalysisOptions,
  summaries: SummaryCache,
): DropVerdict[] {
  const analysis = new FunctionAnalysis(drops, options, summaries, 0);
  const runnable = isFunctionLike(body) ? body.body : ts.isClassStaticBlockDeclaration(body) ? body.body : ts.isPropertyDeclaration(body) ? body.initializer : body;
  if (!runnable) return drops.map(() => ({ unreleasedSlots: [], owedAtDrop: false, releasedOnSomePath: false }));
  let initial = emptyState();
  initial = analysis.bindForEachParameters(body, initial);
  for (const drop of drops) {
    if (drop.storedAs !== undefined && drop.target.kind === 'key') {
      initial.aliases.set(drop.storedAs, { kind: 'place', container: drop.container, key: drop.target.key, roots: [...drop.containerRoots, ...drop.target.keyRoots] });
    }
  }
  const end = analysis.run(runnable, initial);
  return drops.map((_, index) => {
    const owed = end.pending.get(index);
    const missed = analysis.missedWhen.get(index);
    return {
      unreleasedSlots: owed ? [...owed] : [],
      owedAtDrop: analysis.owedAtDrop.has(index),
      releasedOnSomePath: analysis.releasedSomewhere.has(index),
      ...(missed && { missedWhen: missed }),
    };
  });
}

