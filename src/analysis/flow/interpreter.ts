/**
 * The interpreter every part of the engine works through: one analysis of one function body,
 * with its drop sites, options and bookkeeping, and one method per construct. The parts
 * (statements.ts, expressions.ts, calls.ts, values.ts) each implement some of the methods as
 * functions of an `Interpreter`; analysis.ts assembles them into the class, so the parts never
 * import each other.
 */
import type ts from 'typescript';

import type { LifeFlag } from '../resources/lifeFlags.js';
import type { Alias, ManyRef, State, ValueRef } from './state.js';
import type { DropSite, FlowOptions } from './types.js';

/** A loop, a switch or a labelled statement: where `break` and `continue` go. */
export interface FlowContext {
  breaks: State[];
  continues: State[];
  labels: readonly string[];
  isLoop: boolean;
  isSwitch: boolean;
}

/** A `try` with a `finally`: returns inside it run the `finally` block first. */
export interface FinallyContext {
  block: ts.Block;
  returns: State[];
}

/** What a helper does, summarized once per declaration (summaries.ts). */
export interface HelperEffects {
  /** `container[parameter]` is released or removed on every path through the helper. */
  places: { container: string; parameterIndex: number; /** `.uri` of `container[param.uri]`. */ path?: string; slot: string }[];
  /** Every value of `container` is released on every path; `emptied`: or only let go of (`clear()`, `= new Map()`) on some. */
  all: { container: string; slot: string; emptied?: true }[];
}

/** A local list of keys: the container they come from, and whether each was pushed once its value there was released. */
export interface ReleasedKeyList {
  container: string;
  released: boolean;
}

/**
 * What an argument is to the helper that takes it: a value, a collection whose elements it may
 * release, or one field of a record (`close(entry.socket)`), on which a method that releases only
 * a record's fields releases the whole parameter.
 */
export type HandedAs = 'value' | 'elements' | 'field';

/** Helpers with bodies in the program: which one a call runs, and what it does to its arguments. */
export interface HelperSummaries {
  resolve(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined;
  /** The function a name or path refers to (`list.filter(isReady)`), resolved as a call of it would be. */
  resolveFunction(reference: ts.Expression): ts.FunctionLikeDeclaration | undefined;
  effects(helper: ts.FunctionLikeDeclaration, options: FlowOptions, depth: number): HelperEffects | undefined;
  /** Slots of the argument at `index` that the helper releases or hands on on every path: of the value, or of each element handed. */
  releasedSlots(helper: ts.FunctionLikeDeclaration, index: number, options: FlowOptions, depth: number, handed?: HandedAs): string[];
  /** Names a module declares or imports at its top level. */
  moduleNames(file: ts.SourceFile): ReadonlySet<string>;
  /** A `const`, or a parameter its function never assigns: every test of it answers the same. */
  isStableName(name: ts.Identifier): boolean;
  /** What `value.flag` says of the value's life, when its class keeps the flag for that (see resources/lifeFlags.ts). */
  lifeFlag(access: ts.PropertyAccessExpression, releases: ReadonlySet<string>): LifeFlag | undefined;
  /** `callback(error)`, `reject(err)`: the path hands a failure to its caller, the callback form of a `throw`. */
  handsFailureToCaller(call: ts.CallExpression): boolean;
  /** `emitter.removeAllListeners()`: a method declared to return `this`, so the call gives back its receiver. */
  returnsReceiver(call: ts.CallExpression): boolean;
}

export interface Interpreter {
  readonly drops: readonly DropSite[];
  readonly options: FlowOptions;
  readonly helpers: HelperSummaries;
  /** How many helpers deep this analysis runs (summaries analyze helpers with the same engine). */
  readonly depth: number;
  /** A returned value is handed to the caller; false where the caller is its owner too (a helper's effects on shared containers). */
  readonly returnsHandOn: boolean;
  readonly dropIds: ReadonlyMap<ts.Node, number>;
  /** States at every normal exit of the function. */
  readonly exits: State[];
  readonly releasedSomewhere: Set<number>;
  /** Drops reached on some path with a value still owed at that point. */
  readonly owedAtDrop: Set<number>;
  /**
   * Slots a drop's value still owed once nothing can reach it: the drop ran again (the next turn of
   * a loop), or the one name holding it was given another value. Nothing later can pay for it.
   */
  readonly stranded: Map<number, Set<string>>;
  readonly missedWhen: Map<number, { test: ts.Expression; whenTrue: boolean }>;
  /** Drops over a key found empty before an `await` that let another call fill it. */
  readonly racedBy: Map<number, ts.AwaitExpression>;
  /** The latest branch after which a fact held on one side only: the side where it is missing. */
  readonly factDivergence: Map<string, { test: ts.Expression; whenTrue: boolean }>;
  readonly flowStack: FlowContext[];
  /**
   * Local lists of keys (`keysToRemove.push(key)`), by name: the container those keys come from, and
   * whether every push so far was of a key whose value there was released (see `keyLists.ts`).
   */
  readonly releasedKeyLists: Map<string, ReleasedKeyList>;
  readonly finallyStack: FinallyContext[];
  loopDepth: number;
  /** A fresh analysis of a callback, with the same drops, options and depth. */
  nested(): Interpreter;
  run(body: ts.Node, initial: State): State;

  // statements and control flow
  statements(list: readonly ts.Statement[], state: State): State;
  statement(node: ts.Statement, state: State): State;
  exitFunction(state: State): void;
  variableList(list: ts.VariableDeclarationList, state: State): State;
  ifStatement(node: ts.IfStatement, state: State): State;
  noteDivergence(test: ts.Expression, afterTrue: State, afterFalse: State): void;
  jump(node: ts.BreakOrContinueStatement, state: State): State;
  labeled(node: ts.LabeledStatement, state: State): State;
  loop(node: ts.IterationStatement, state: State, labels: string[]): State;
  bindLoopVariable(name: ts.BindingName, source: ManyRef | undefined, isForIn: boolean, state: State): State;
  clearElementFacts(source: ManyRef, state: State): State;
  releaseElements(source: ManyRef, bodyEnd: State, exit: State): State;
  switchStatement(node: ts.SwitchStatement, state: State, labels: string[]): State;
  tryStatement(node: ts.TryStatement, state: State): State;
  // expressions and conditions
  bind(name: ts.BindingName, initializer: ts.Expression | undefined, state: State): State;
  aliasFor(initializer: ts.Expression, state: State): Alias | undefined;
  kill(names: readonly string[], state: State): State;
  awaited(node: ts.AwaitExpression, state: State): State;
  condition(test: ts.Expression, state: State): [State, State];
  comparison(expression: ts.BinaryExpression, state: State): [State, State];
  markEmpty(ref: ValueRef, state: State, slot?: string): State;
  markEmptyByLookup(ref: ValueRef, state: State, slot?: string): State;
  expression(node: ts.Expression, state: State): State;
  children(node: ts.Node, state: State): State;
  binary(node: ts.BinaryExpression, state: State): State;
  assignment(node: ts.BinaryExpression, state: State): State;
  closure(node: ts.Node, state: State): State;
  escape(expression: ts.Expression, state: State): State;
  // calls and helpers
  call(node: ts.CallExpression, state: State): State;
  passArguments(node: ts.CallExpression, state: State): State;
  applyHelperEffects(node: ts.CallExpression, helper: ts.FunctionLikeDeclaration, state: State): State;
  callbackReleasedSlots(callback: ts.Expression): string[];
  elementCallback(callback: ts.ArrowFunction | ts.FunctionExpression, source: ManyRef, state: State): State;
  inline(callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State;
  bindForEachParameters(fn: ts.Node, state: State): State;
  // container operations, releases and references
  containerCall(node: ts.CallExpression, state: State): State;
  dropOrFact(node: ts.Node, state: State): State;
  fill(container: string, key: string, state: State): State;
  replaceContainer(container: string, state: State): State;
  storeAliases(place: ValueRef & { kind: 'place' }, value: ts.Expression | undefined, state: State): State;
  drop(dropId: number, state: State): State;
  isReleased(drop: DropSite, slot: string, state: State): boolean;
  discharge(state: State, dropId: number, slot: string): void;
  release(ref: ValueRef | undefined, slot: string, state: State, countsAsRelease?: boolean): State;
  releaseMany(source: ManyRef, slot: string, state: State): State;
  slotRef(expression: ts.Expression): { ref: ValueRef; slot: string } | undefined;
  valueRef(expression: ts.Expression): ValueRef | undefined;
  placeOf(containerExpression: ts.Expression, keyExpression: ts.Expression): (ValueRef & { kind: 'place' }) | undefined;
  manyRef(expression: ts.Expression, state: State): ManyRef | undefined;
  iteratedRef(expression: ts.Expression, state: State): ManyRef | undefined;
}
