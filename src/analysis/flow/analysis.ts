/**
 * One analysis of one function body: the bookkeeping of an `Interpreter`, and its methods
 * assembled from the parts that interpret each kind of construct.
 */
import ts from 'typescript';

import * as calls from './calls.js';
import * as expressions from './expressions.js';
import type { FinallyContext, FlowContext, HelperSummaries, Interpreter, ReleasedKeyList } from './interpreter.js';
import { join, type Alias, type ManyRef, type State, type ValueRef } from './state.js';
import * as statements from './statements.js';
import type { DropSite, FlowOptions } from './types.js';
import * as values from './values.js';

export class FunctionAnalysis implements Interpreter {
  readonly exits: State[] = [];
  readonly dropIds = new Map<ts.Node, number>();
  readonly releasedSomewhere = new Set<number>();
  readonly owedAtDrop = new Set<number>();
  readonly stranded = new Map<number, Set<string>>();
  readonly missedWhen = new Map<number, { test: ts.Expression; whenTrue: boolean }>();
  readonly racedBy = new Map<number, ts.AwaitExpression>();
  readonly factDivergence = new Map<string, { test: ts.Expression; whenTrue: boolean }>();
  readonly flowStack: FlowContext[] = [];
  readonly releasedKeyLists = new Map<string, ReleasedKeyList>();
  readonly finallyStack: FinallyContext[] = [];
  loopDepth = 0;

  constructor(
    readonly drops: readonly DropSite[],
    readonly options: FlowOptions,
    readonly helpers: HelperSummaries,
    readonly depth: number,
    readonly returnsHandOn = true,
  ) {
    drops.forEach((drop, index) => this.dropIds.set(drop.node, index));
  }

  nested(): Interpreter {
    return new FunctionAnalysis(this.drops, this.options, this.helpers, this.depth, this.returnsHandOn);
  }

  run(body: ts.Node, initial: State): State {
    const end = ts.isBlock(body) || ts.isSourceFile(body) ? this.statements(body.statements, initial) : this.expression(body as ts.Expression, initial);
    if (!end.dead) {
      // An expression-bodied arrow returns its value: a value named there is handed on.
      this.exits.push(!ts.isBlock(body) && !ts.isSourceFile(body) && this.returnsHandOn ? this.escape(body as ts.Expression, end) : end);
    }
    return join(this.exits);
  }

  // statements and control flow
  statements(list: readonly ts.Statement[], state: State): State {
    return statements.statements(this, list, state);
  }
  statement(node: ts.Statement, state: State): State {
    return statements.statement(this, node, state);
  }
  exitFunction(state: State): void {
    return statements.exitFunction(this, state);
  }
  variableList(list: ts.VariableDeclarationList, state: State): State {
    return statements.variableList(this, list, state);
  }
  ifStatement(node: ts.IfStatement, state: State): State {
    return statements.ifStatement(this, node, state);
  }
  noteDivergence(test: ts.Expression, afterTrue: State, afterFalse: State): void {
    return statements.noteDivergence(this, test, afterTrue, afterFalse);
  }
  jump(node: ts.BreakOrContinueStatement, state: State): State {
    return statements.jump(this, node, state);
  }
  labeled(node: ts.LabeledStatement, state: State): State {
    return statements.labeled(this, node, state);
  }
  loop(node: ts.IterationStatement, state: State, labels: string[]): State {
    return statements.loop(this, node, state, labels);
  }
  bindLoopVariable(name: ts.BindingName, source: ManyRef | undefined, isForIn: boolean, state: State): State {
    return statements.bindLoopVariable(this, name, source, isForIn, state);
  }
  clearElementFacts(source: ManyRef, state: State): State {
    return statements.clearElementFacts(this, source, state);
  }
  releaseElements(source: ManyRef, bodyEnd: State, exit: State): State {
    return statements.releaseElements(this, source, bodyEnd, exit);
  }
  switchStatement(node: ts.SwitchStatement, state: State, labels: string[]): State {
    return statements.switchStatement(this, node, state, labels);
  }
  tryStatement(node: ts.TryStatement, state: State): State {
    return statements.tryStatement(this, node, state);
  }
  // expressions and conditions
  bind(name: ts.BindingName, initializer: ts.Expression | undefined, state: State): State {
    return expressions.bind(this, name, initializer, state);
  }
  aliasFor(initializer: ts.Expression, state: State): Alias | undefined {
    return expressions.aliasFor(this, initializer, state);
  }
  awaited(node: ts.AwaitExpression, state: State): State {
    return values.awaited(this, node, state);
  }
  kill(names: readonly string[], state: State): State {
    return expressions.kill(this, names, state);
  }
  condition(test: ts.Expression, state: State): [State, State] {
    return expressions.condition(this, test, state);
  }
  comparison(expression: ts.BinaryExpression, state: State): [State, State] {
    return expressions.comparison(this, expression, state);
  }
  markEmpty(ref: ValueRef, state: State, slot?: string): State {
    return expressions.markEmpty(this, ref, state, slot);
  }
  markEmptyByLookup(ref: ValueRef, state: State, slot?: string): State {
    return expressions.markEmptyByLookup(this, ref, state, slot);
  }
  expression(node: ts.Expression, state: State): State {
    return expressions.expression(this, node, state);
  }
  children(node: ts.Node, state: State): State {
    return expressions.children(this, node, state);
  }
  binary(node: ts.BinaryExpression, state: State): State {
    return expressions.binary(this, node, state);
  }
  assignment(node: ts.BinaryExpression, state: State): State {
    return expressions.assignment(this, node, state);
  }
  closure(node: ts.Node, state: State): State {
    return expressions.closure(this, node, state);
  }
  escape(expression: ts.Expression, state: State): State {
    return expressions.escape(this, expression, state);
  }
  // calls and helpers
  call(node: ts.CallExpression, state: State): State {
    return calls.call(this, node, state);
  }
  passArguments(node: ts.CallExpression, state: State): State {
    return calls.passArguments(this, node, state);
  }
  applyHelperEffects(node: ts.CallExpression, helper: ts.FunctionLikeDeclaration, state: State): State {
    return calls.applyHelperEffects(this, node, helper, state);
  }
  callbackReleasedSlots(callback: ts.Expression): string[] {
    return calls.callbackReleasedSlots(this, callback);
  }
  elementCallback(callback: ts.ArrowFunction | ts.FunctionExpression, source: ManyRef, state: State): State {
    return calls.elementCallback(this, callback, source, state);
  }
  inline(callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State {
    return calls.inline(this, callback, state);
  }
  bindForEachParameters(fn: ts.Node, state: State): State {
    return calls.bindForEachParameters(this, fn, state);
  }
  // container operations, releases and references
  containerCall(node: ts.CallExpression, state: State): State {
    return values.containerCall(this, node, state);
  }
  dropOrFact(node: ts.Node, state: State): State {
    return values.dropOrFact(this, node, state);
  }
  fill(container: string, key: string, state: State): State {
    return values.fill(this, container, key, state);
  }
  replaceContainer(container: string, state: State): State {
    return values.replaceContainer(this, container, state);
  }
  storeAliases(place: ValueRef & { kind: 'place' }, value: ts.Expression | undefined, state: State): State {
    return values.storeAliases(this, place, value, state);
  }
  drop(dropId: number, state: State): State {
    return values.drop(this, dropId, state);
  }
  isReleased(drop: DropSite, slot: string, state: State): boolean {
    return values.isReleased(this, drop, slot, state);
  }
  discharge(state: State, dropId: number, slot: string): void {
    return values.discharge(this, state, dropId, slot);
  }
  release(ref: ValueRef | undefined, slot: string, state: State, countsAsRelease?: boolean): State {
    return values.release(this, ref, slot, state, countsAsRelease);
  }
  releaseMany(source: ManyRef, slot: string, state: State): State {
    return values.releaseMany(this, source, slot, state);
  }
  slotRef(expression: ts.Expression): { ref: ValueRef; slot: string } | undefined {
    return values.slotRef(this, expression);
  }
  valueRef(expression: ts.Expression): ValueRef | undefined {
    return values.valueRef(this, expression);
  }
  placeOf(containerExpression: ts.Expression, keyExpression: ts.Expression): (ValueRef & { kind: 'place' }) | undefined {
    return values.placeOf(this, containerExpression, keyExpression);
  }
  manyRef(expression: ts.Expression, state: State): ManyRef | undefined {
    return values.manyRef(this, expression, state);
  }
  iteratedRef(expression: ts.Expression, state: State): ManyRef | undefined {
    return values.iteratedRef(this, expression, state);
  }
}
