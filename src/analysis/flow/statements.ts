/**
 * Statements and control flow: blocks, declarations, `if`, loops (two passes to a fixpoint),
 * `switch` with fallthrough, `break`/`continue` with labels, `try`/`catch`/`finally` (returns
 * run through `finally`), `return` and `throw` (a path that throws owes nothing).
 */
import ts from 'typescript';

import {
  boundNames,
  calledMethodName,
  callMadeBy,
  canonical,
  entryNames,
  isWithin,
  isZeroLiteral,
  listedBy,
  mentions,
  skipOuter,
  statementCalls,
  steppedUpByOne,
  type CanonicalText,
} from '../syntax/expressions.js';
import { MAX_HELPER_DEPTH, sameModuleEffects } from './calls.js';
import type { FinallyContext, FlowContext, Interpreter } from './interpreter.js';
import { bindReleasedKey } from './keyLists.js';
import { chosenList, releaseAtEveryKey, walkWrittenLoop } from './writtenLists.js';
import {
  bindEntry,
  bindEntryFields,
  cloneState,
  deadState,
  emptyState,
  isTestFact,
  join,
  manyRefSource,
  placeFact,
  sameState,
  type ManyRef,
  type State,
} from './state.js';

/** Loops nested deeper than this are analyzed in one widened pass. */
const MAX_EXACT_LOOP_DEPTH = 3;

export function statements(it: Interpreter, list: readonly ts.Statement[], state: State): State {
  let current = state;
  for (const statement of list) {
    if (current.dead) break;
    current = it.statement(statement, current);
  }
  return current;
}

export function statement(it: Interpreter, node: ts.Statement, state: State): State {
  if (state.dead) return state;
  switch (node.kind) {
    case ts.SyntaxKind.Block: {
      // Names declared in a block end with it: a later name of the same spelling is another variable.
      const end = it.statements((node as ts.Block).statements, state);
      return end.dead ? end : it.kill(blockScopedNames(node as ts.Block), end);
    }
    case ts.SyntaxKind.ExpressionStatement: {
      const { expression } = node as ts.ExpressionStatement;
      const after = it.expression(expression, state);
      // `callback(error)`: like a `throw`, an abnormal end that owes nothing.
      return isFailureHandedOn(it, expression) ? deadState() : after;
    }
    case ts.SyntaxKind.VariableStatement:
      return it.variableList((node as ts.VariableStatement).declarationList, state);
    case ts.SyntaxKind.IfStatement:
      return it.ifStatement(node as ts.IfStatement, state);
    case ts.SyntaxKind.ReturnStatement: {
      const { expression } = node as ts.ReturnStatement;
      let current = expression ? it.expression(expression, state) : state;
      if (expression && isFailureHandedOn(it, expression)) return deadState();
      if (expression && it.returnsHandOn) current = it.escape(expression, current);
      current = cloneState(current);
      it.exitFunction(current);
      return deadState();
    }
    case ts.SyntaxKind.ThrowStatement:
      it.expression((node as ts.ThrowStatement).expression, state);
      return deadState();
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
      return it.jump(node as ts.BreakOrContinueStatement, state);
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
      return it.loop(node as ts.IterationStatement, state, []);
    case ts.SyntaxKind.LabeledStatement:
      return it.labeled(node as ts.LabeledStatement, state);
    case ts.SyntaxKind.SwitchStatement:
      return it.switchStatement(node as ts.SwitchStatement, state, []);
    case ts.SyntaxKind.TryStatement:
      return it.tryStatement(node as ts.TryStatement, state);
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
      return it.children(node, state);
  }
}

/** `callback(error)`, `reject(err)`, `return Promise.reject(err)`: see syntax/failurePaths.ts. */
function isFailureHandedOn(it: Interpreter, expression: ts.Expression): boolean {
  const call = skipOuter(expression);
  return ts.isCallExpression(call) && it.helpers.handsFailureToCaller(call);
}

export function exitFunction(it: Interpreter, state: State): void {
  const handler = it.finallyStack.at(-1);
  if (handler) handler.returns.push(state);
  else it.exits.push(state);
}

export function variableList(it: Interpreter, list: ts.VariableDeclarationList, state: State): State {
  let current = state;
  const isUsing = (list.flags & ts.NodeFlags.Using) !== 0;
  for (const declaration of list.declarations) {
    if (declaration.initializer) current = it.expression(declaration.initializer, current);
    current = it.bind(declaration.name, declaration.initializer, current);
    // `let list: Timer[] | undefined;` holds nothing yet: its first assignment drops nothing.
    if (!declaration.initializer && ts.isIdentifier(declaration.name)) current = it.markEmpty({ kind: 'variable', name: declaration.name.text }, current);
    if (isUsing && declaration.initializer) {
      // `using x = value`: disposed when the block ends, on every path out of it.
      current = it.release(it.valueRef(declaration.initializer), '*', current);
    }
  }
  return current;
}

export function ifStatement(it: Interpreter, node: ts.IfStatement, state: State): State {
  const [whenTrue, whenFalse] = it.condition(node.expression, state);
  const afterThen = it.statement(node.thenStatement, whenTrue);
  const afterElse = node.elseStatement ? it.statement(node.elseStatement, whenFalse) : whenFalse;
  it.noteDivergence(node.expression, afterThen, afterElse);
  return join([afterThen, afterElse]);
}

/** Remembers a test after which a drop is released on one side only, for the message. */
export function noteDivergence(it: Interpreter, test: ts.Expression, afterTrue: State, afterFalse: State): void {
  if (afterTrue.dead || afterFalse.dead) return;
  // A divergence already noted inside this statement's branches is the more precise one:
  // `if (old) { if (old.readyState === OPEN) old.close(); }` misses when the inner test is false.
  const statement = test.parent;
  const note = (key: string, whenTrue: boolean): void => {
    const inner = it.factDivergence.get(key);
    if (inner && inner.test !== test && isWithin(inner.test, statement)) return;
    it.factDivergence.set(key, { test, whenTrue });
  };
  for (const key of afterTrue.facts.keys()) if (!afterFalse.facts.has(key)) note(key, false);
  for (const key of afterFalse.facts.keys()) if (!afterTrue.facts.has(key)) note(key, true);
  // A drop made inside the statement owes on the side it was made on: the test says where it drops, not where it is missed.
  const missed = (id: number, whenTrue: boolean): void => {
    if (!it.missedWhen.has(id) && !isWithin(it.drops[id]!.node, statement)) it.missedWhen.set(id, { test, whenTrue });
  };
  for (const [id] of afterTrue.pending) if (!afterFalse.pending.has(id)) missed(id, true);
  for (const [id] of afterFalse.pending) if (!afterTrue.pending.has(id)) missed(id, false);
}

export function jump(it: Interpreter, node: ts.BreakOrContinueStatement, state: State): State {
  const label = node.label?.text;
  const isBreak = node.kind === ts.SyntaxKind.BreakStatement;
  for (let index = it.flowStack.length - 1; index >= 0; index--) {
    const flow = it.flowStack[index]!;
    const matches = label !== undefined ? flow.labels.includes(label) : isBreak ? flow.isLoop || flow.isSwitch : flow.isLoop;
    if (!matches) continue;
    if (isBreak) flow.breaks.push(state);
    else flow.continues.push(state);
    break;
  }
  return deadState();
}

export function labeled(it: Interpreter, node: ts.LabeledStatement, state: State): State {
  const labels: string[] = [node.label.text];
  let inner: ts.Statement = node.statement;
  while (ts.isLabeledStatement(inner)) {
    labels.push(inner.label.text);
    inner = inner.statement;
  }
  if (ts.isIterationStatement(inner, false)) return it.loop(inner, state, labels);
  if (ts.isSwitchStatement(inner)) return it.switchStatement(inner, state, labels);
  const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: false, isSwitch: false };
  it.flowStack.push(flow);
  const end = it.statement(inner, state);
  it.flowStack.pop();
  return join([end, ...flow.breaks]);
}

export function loop(it: Interpreter, node: ts.IterationStatement, state: State, labels: string[]): State {
  // `const keys = index !== undefined ? [index] : Object.keys(m); for (const k of keys)`: walked on each side of the test.
  const chosen = ts.isForOfStatement(node) ? chosenList(it, node.expression) : undefined;
  if (chosen) {
    const [whenTrue, whenFalse] = it.condition(chosen.test, state);
    return join([loopOver(it, node, whenTrue, labels, chosen.whenTrue), loopOver(it, node, whenFalse, labels, chosen.whenFalse)]);
  }
  return loopOver(it, node, state, labels, ts.isForOfStatement(node) || ts.isForInStatement(node) ? node.expression : undefined);
}

/** The loop, walking `iterated` (what its `for…of` or `for…in` walks on this path). */
function loopOver(it: Interpreter, node: ts.IterationStatement, state: State, labels: string[], iterated: ts.Expression | undefined): State {
  let entry = state;
  if (ts.isForStatement(node) && node.initializer) {
    entry = ts.isVariableDeclarationList(node.initializer) ? it.variableList(node.initializer, entry) : it.expression(node.initializer, entry);
  }
  let elementSource: ManyRef | undefined;
  if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && iterated) {
    entry = it.expression(node.expression, entry);
    // `for (const k of [a, b])`: one turn per key written.
    const walked = ts.isForOfStatement(node) ? walkWrittenLoop(it, node, iterated, entry) : undefined;
    if (walked) return walked;
    if (ts.isForOfStatement(node)) elementSource = it.iteratedRef(iterated, entry);
  }
  // A `pop()` that is itself a drop site is judged there; elsewhere (a helper's summary) the drain
  // releases every element when each turn releases the one it took.
  const drain = ts.isWhileStatement(node) ? drainOf(node) : undefined;
  if (drain && !it.dropIds.has(drain.taking)) elementSource = it.iteratedRef(drain.container, entry);

  const runBody = (head: State): { end: State; exit: State; flow: FlowContext } => {
    const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: true, isSwitch: false };
    it.flowStack.push(flow);
    let bodyStart: State;
    let exit: State;
    if (ts.isDoStatement(node)) {
      bodyStart = head;
      exit = deadState();
    } else if ((ts.isWhileStatement(node) || ts.isForStatement(node)) && (ts.isWhileStatement(node) || node.condition)) {
      const [whenTrue, whenFalse] = it.condition(ts.isWhileStatement(node) ? node.expression : node.condition!, head);
      bodyStart = whenTrue;
      exit = whenFalse;
    } else {
      bodyStart = head;
      exit = ts.isForStatement(node) ? deadState() : head;
    }
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer)) {
      const declaration = node.initializer.declarations[0];
      if (declaration) bodyStart = it.bindLoopVariable(declaration.name, elementSource, ts.isForInStatement(node), bodyStart);
      if (ts.isForOfStatement(node)) bodyStart = bindReleasedKey(it, node, bodyStart);
    } else if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      const target = skipOuter(node.initializer as ts.Expression);
      if (ts.isIdentifier(target)) bodyStart = it.kill([target.text], bodyStart);
    }
    if (elementSource) bodyStart = it.clearElementFacts(elementSource, bodyStart);
    let end = drain && elementSource ? drainBody(it, drain, elementSource, bodyStart) : it.statement(node.statement, bodyStart);
    end = join([end, ...flow.continues]);
    if (ts.isForStatement(node) && node.incrementor) end = it.expression(node.incrementor, end);
    if (ts.isDoStatement(node)) {
      const [whenTrue, whenFalse] = it.condition(node.expression, end);
      exit = whenFalse;
      end = whenTrue;
    }
    it.flowStack.pop();
    return { end, exit, flow };
  };

  // Two passes reach the fixpoint of a loop; a second pass is skipped when the first changed
  // nothing. Deeply nested loops would double the work per level, so past a few levels the
  // body runs once from a state that assumes nothing (no must-facts, no aliases): sound, and linear.
  it.loopDepth++;
  let second: { end: State; exit: State; flow: FlowContext };
  try {
    if (it.loopDepth > MAX_EXACT_LOOP_DEPTH) {
      const widened: State = { ...emptyState(), pending: entry.pending.fork(), dead: entry.dead };
      const once = runBody(widened);
      second = { ...once, exit: join([once.exit, once.end]) };
    } else {
      const first = runBody(entry);
      const head = join([entry, first.end]);
      second = sameState(head, entry) ? first : runBody(head);
    }
  } finally {
    it.loopDepth--;
  }
  let exit = second.exit;
  if (elementSource && (ts.isForOfStatement(node) || drain)) {
    // Every element released in the body: all of them are released once the loop runs out.
    exit = it.releaseElements(elementSource, second.end, exit);
  }
  if (ts.isForStatement(node)) exit = releaseIndexRange(it, node, second.end, exit);
  exit = releaseEveryKey(it, node, iterated, second.end, exit);
  return join([exit, ...second.flow.breaks]);
}

/**
 * `for (const k in tiles) tiles[k].dispose();`, `for (const k of Object.keys(tiles))`, `for (const k of
 * docs.keys())`, `for (const [k] of docs)`: the value at every key released, when every path through
 * the body released the one at `k`.
 */
function releaseEveryKey(it: Interpreter, node: ts.IterationStatement, walked: ts.Expression | undefined, bodyEnd: State, exit: State): State {
  if ((!ts.isForInStatement(node) && !ts.isForOfStatement(node)) || !walked || bodyEnd.dead || exit.dead || !ts.isVariableDeclarationList(node.initializer))
    return exit;
  const [declaration] = node.initializer.declarations;
  const key = declaration && iteratedKey(node, walked, declaration.name);
  if (!key) return exit;
  const { name, iterated } = key;
  const container = canonical(iterated);
  return container && !container.impure ? releaseAtEveryKey(it, container, name, bodyEnd, exit) : exit;
}

/** The key variable of a loop over a container's keys and the container, from the syntax. */
function iteratedKey(
  node: ts.ForInStatement | ts.ForOfStatement,
  walked: ts.Expression,
  binding: ts.BindingName,
): { name: string; iterated: ts.Expression } | undefined {
  const iterated = skipOuter(walked);
  if (ts.isForInStatement(node)) return ts.isIdentifier(binding) ? { name: binding.text, iterated } : undefined;
  // `for (const [k] of docs)`, `for (const [k, doc] of Object.entries(tiles))`: the key is the entry's first.
  if (ts.isArrayBindingPattern(binding)) {
    const [first] = binding.elements;
    if (!first || !ts.isBindingElement(first) || first.dotDotDotToken || !ts.isIdentifier(first.name)) return undefined;
    const source = ts.isCallExpression(iterated) ? listedBy(iterated, 'entries') : iterated;
    return source && { name: first.name.text, iterated: source };
  }
  // `Object.keys(tiles)`: an object map's keys; `docs.keys()`: a Map's.
  const source = listedBy(iterated, 'keys');
  return ts.isIdentifier(binding) && source ? { name: binding.text, iterated: source } : undefined;
}

/**
 * `for (let i = start; i < end; i++) list[i].destroy();` releases the range that starts at `start`:
 * a `list.splice(start, end - start)` after it drops nothing unreleased. From `0` up to
 * `list.length`, one step at a time, it releases every element (`this.filters = null` after it).
 */
function releaseIndexRange(it: Interpreter, node: ts.ForStatement, bodyEnd: State, exit: State): State {
  const declaration =
    node.initializer && ts.isVariableDeclarationList(node.initializer) && node.initializer.declarations.length === 1
      ? node.initializer.declarations[0]
      : undefined;
  if (!declaration?.initializer || !ts.isIdentifier(declaration.name) || bodyEnd.dead || exit.dead) return exit;
  const start = canonical(declaration.initializer);
  if (!start || start.impure) return exit;
  const index = declaration.name.text;
  const everyElement = isZeroLiteral(declaration.initializer) ? lengthBoundOf(node, index) : undefined;
  // `const textures = pool[k]; for (let j = 0; j < textures.length; j++) textures[j].destroy()`: the
  // local names a stored list, whose every element is then released too.
  const stored = everyElement && it.iteratedRef(everyElement.expression, exit);
  let next = exit;
  for (const key of bodyEnd.facts.keys()) {
    const [kind, container, place, slot] = key.split('\u0000');
    if (kind !== 'p' || place !== index || container === undefined || slot === undefined) continue;
    if (next === exit) next = cloneState(exit);
    next.facts.set(placeFact(container, start.text, slot), { roots: start.roots });
    if (everyElement?.list.text !== container) continue;
    next = it.releaseMany({ kind: 'container', container, roots: everyElement.list.roots }, slot, next);
    if (stored && !(stored.kind === 'container' && stored.container === container)) next = it.releaseMany(stored, slot, next);
  }
  return next;
}

/** The list a loop `i < list.length; i++` (or `++i`, `i += 1`) walks to the end, one element at a time. */
function lengthBoundOf(node: ts.ForStatement, index: string): { list: CanonicalText; expression: ts.Expression } | undefined {
  const test = node.condition && skipOuter(node.condition);
  const step = node.incrementor && skipOuter(node.incrementor);
  if (!test || !step || !ts.isBinaryExpression(test) || test.operatorToken.kind !== ts.SyntaxKind.LessThanToken) return undefined;
  if (!ts.isIdentifier(skipOuter(test.left)) || (skipOuter(test.left) as ts.Identifier).text !== index) return undefined;
  const stepped = steppedUpByOne(step);
  if (!stepped || !ts.isIdentifier(stepped) || stepped.text !== index) return undefined;
  const bound = skipOuter(test.right);
  if (!ts.isPropertyAccessExpression(bound) || bound.name.text !== 'length') return undefined;
  const list = canonical(bound.expression);
  return list && !list.impure ? { list, expression: bound.expression } : undefined;
}

/** `while (list.length) { const item = list.pop(); … }`: a loop that takes every element out, one per turn. */
interface Drain {
  container: ts.Expression;
  block: ts.Block;
  taken: ts.Identifier;
  taking: ts.CallExpression;
}

function drainOf(node: ts.WhileStatement): Drain | undefined {
  const test = skipOuter(node.expression);
  const counted =
    ts.isBinaryExpression(test) &&
    isZeroLiteral(test.right) &&
    [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(test.operatorToken.kind)
      ? skipOuter(test.left)
      : test;
  if (!ts.isPropertyAccessExpression(counted) || counted.name.text !== 'length' || !ts.isBlock(node.statement)) return undefined;
  const [first] = node.statement.statements;
  const declaration =
    first && ts.isVariableStatement(first) && first.declarationList.declarations.length === 1 ? first.declarationList.declarations[0]! : undefined;
  const taking = declaration?.initializer && skipOuter(declaration.initializer);
  if (!declaration || !ts.isIdentifier(declaration.name) || !taking || !ts.isCallExpression(taking) || taking.arguments.length > 0) return undefined;
  const method = calledMethodName(taking);
  if (method !== 'pop' && method !== 'shift') return undefined;
  const from = (skipOuter(taking.expression) as ts.PropertyAccessExpression).expression;
  const container = canonical(counted.expression);
  if (!container || container.impure || canonical(from)?.text !== container.text) return undefined;
  return { container: counted.expression, block: node.statement, taken: declaration.name, taking };
}

/** One turn of a drain: the value taken out is that turn's element, released or not by the rest. */
function drainBody(it: Interpreter, drain: Drain, source: ManyRef, state: State): State {
  const [first, ...rest] = drain.block.statements;
  let current = it.statement(first!, state);
  if (current.dead) return current;
  current = bindEntry(drain.taken.text, undefined, source, it.kill([drain.taken.text], current));
  const end = it.statements(rest, current);
  return end.dead ? end : it.kill(blockScopedNames(drain.block), end);
}

export function bindLoopVariable(it: Interpreter, name: ts.BindingName, source: ManyRef | undefined, isForIn: boolean, state: State): State {
  const next = it.kill(boundNames(name), state);
  if (!source || isForIn) return next;
  if (ts.isIdentifier(name)) return bindEntry(name.text, undefined, source, next);
  if (ts.isArrayBindingPattern(name)) {
    // `for (const [key, value] of map)`: entries.
    const entry = entryNames(name);
    if (entry) return bindEntry(entry.value, entry.key, source, next);
  }
  if (ts.isObjectBindingPattern(name)) return bindEntryFields(name, undefined, source, next);
  return next;
}

export function clearElementFacts(it: Interpreter, source: ManyRef, state: State): State {
  const prefix = `e\u0000${manyRefSource(source)}`;
  const next = cloneState(state);
  for (const key of [...next.facts.keys()]) if (key.startsWith(`${prefix}\u0000`) || key.startsWith(`${prefix}>`)) next.facts.delete(key);
  return next;
}

/** When every path through the body released the element, the loop released them all. */
export function releaseElements(it: Interpreter, source: ManyRef, bodyEnd: State, exit: State): State {
  if (bodyEnd.dead || exit.dead) return exit;
  const prefix = `e\u0000${manyRefSource(source)}\u0000`;
  // `e\0c:stores>stopWatching\0slot`: released at each key of the loop's container, one keyed within it.
  const alike = `e\u0000${manyRefSource(source)}>`;
  let next = exit;
  for (const key of bodyEnd.facts.keys()) {
    if (key.startsWith(prefix)) next = it.releaseMany(source, key.slice(prefix.length), next);
    else if (key.startsWith(alike)) {
      const [container, slot] = key.slice(alike.length).split('\u0000');
      if (container !== undefined && slot !== undefined) next = it.releaseMany({ kind: 'container', container, roots: [] }, slot, next);
    }
  }
  return it.clearElementFacts(source, next);
}

export function switchStatement(it: Interpreter, node: ts.SwitchStatement, state: State, labels: string[]): State {
  const afterDiscriminant = it.expression(node.expression, state);
  const flow: FlowContext = { breaks: [], continues: [], labels, isLoop: false, isSwitch: true };
  it.flowStack.push(flow);
  let fallthrough = deadState();
  let hasDefault = false;
  let testsState = afterDiscriminant;
  for (const clause of node.caseBlock.clauses) {
    if (ts.isCaseClause(clause)) testsState = it.expression(clause.expression, testsState);
    else hasDefault = true;
    const entry = join([testsState, fallthrough]);
    fallthrough = it.statements(clause.statements, entry);
  }
  it.flowStack.pop();
  return join([fallthrough, ...flow.breaks, ...(hasDefault ? [] : [testsState])]);
}

export function tryStatement(it: Interpreter, node: ts.TryStatement, state: State): State {
  const handler: FinallyContext | undefined = node.finallyBlock ? { block: node.finallyBlock, returns: [] } : undefined;
  if (handler) it.finallyStack.push(handler);
  // A store that ends the block is its last step: once it has stored, nothing in the block can throw.
  const body = node.tryBlock.statements;
  const endsWithStore = body.length > 0 && isStore(it, body[body.length - 1]!);
  const beforeStore = endsWithStore ? it.statements(body.slice(0, -1), state) : undefined;
  const afterTry = beforeStore ? it.statements(body.slice(-1), beforeStore) : it.statements(body, state);
  let afterCatch = deadState();
  if (node.catchClause) {
    // Any statement of the try block may have thrown: the catch starts from what held throughout —
    // unless the block only releases (`try { x.close() } catch {}`): a release that throws was tried.
    const lastThrowPoint = beforeStore ?? afterTry;
    let catchEntry =
      !afterTry.dead && onlyReleases(it, node.tryBlock)
        ? afterTry
        : withReleasesOf(it, node.tryBlock, afterTry, state, join([state, lastThrowPoint.dead ? state : lastThrowPoint], true));
    if (node.catchClause.variableDeclaration) catchEntry = it.kill(boundNames(node.catchClause.variableDeclaration.name), catchEntry);
    afterCatch = it.statements(node.catchClause.block.statements, catchEntry);
  }
  if (!handler) return join([afterTry, afterCatch]);
  it.finallyStack.pop();
  const normal = it.statements(handler.block.statements, join([afterTry, afterCatch]));
  for (const returned of handler.returns) {
    const afterFinally = it.statements(handler.block.statements, returned);
    if (!afterFinally.dead) it.exitFunction(afterFinally);
  }
  return normal;
}

/**
 * A `try` whose normal end has released a value was the attempt to release it (`try { unRegister(id);
 * provider.shutdown() } catch (e) { log(e) }`): a failure on the way is that attempt failing, not a
 * path that forgot the value. The catch starts with those releases; facts only a look-up or an
 * emptied container gave stay where they held.
 */
function withReleasesOf(it: Interpreter, block: ts.Block, afterTry: State, before: State, catchEntry: State): State {
  if (afterTry.dead || !attemptsRelease(it, block)) return catchEntry;
  let result: State | undefined;
  for (const [key, fact] of afterTry.facts) {
    if (fact.absent || fact.emptied || isTestFact(key) || before.facts.has(key) || catchEntry.facts.has(key)) continue;
    result ??= cloneState(catchEntry);
    result.facts.set(key, fact);
  }
  // A drop made before the `try` and paid inside it (`m.delete(k); try { log(); old.close() } catch {}`).
  for (const [id, slots] of catchEntry.pending) {
    const left = afterTry.pending.get(id);
    if (left && left.size >= slots.size) continue;
    result ??= cloneState(catchEntry);
    if (left) result.pending.set(id, left);
    else result.pending.delete(id);
  }
  return result ?? catchEntry;
}

/** `m.set(k, v);`, `list.push(v);`, `m[k] = v;`: a statement whose last step stores a value. */
function isStore(it: Interpreter, statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const e = skipOuter(statement.expression);
  if (ts.isBinaryExpression(e)) return e.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  if (!ts.isCallExpression(e)) return false;
  const method = calledMethodName(e);
  return method !== undefined && (it.options.containers.stores.has(method) || it.options.containers.inserts.has(method));
}

/**
 * `x.close();`, `await x.stop();`, `clearTimeout(t);`, and `cleanup();` where the values are cleanup
 * functions: a block whose every statement is a release call.
 */
function onlyReleases(it: Interpreter, block: ts.Block): boolean {
  const calls = statementCalls(block);
  return calls !== undefined && calls.every((call) => isReleaseCall(it, call));
}

/**
 * A statement of the block itself is a release call, and the steps before it leave the released
 * value alone (`unRegister(id); provider.shutdown();`): a `flush()` of the same value that fails
 * first is that value's own failure, the path where its release matters most.
 */
function attemptsRelease(it: Interpreter, block: ts.Block): boolean {
  const index = block.statements.findIndex((statement) => {
    const call = ts.isExpressionStatement(statement) ? callMadeBy(statement.expression) : undefined;
    return call !== undefined && isReleaseCall(it, call);
  });
  if (index === -1) return false;
  const released = releasedValues(it, callMadeBy((block.statements[index] as ts.ExpressionStatement).expression)!);
  return released.length > 0 && block.statements.slice(0, index).every((earlier) => released.every((value) => !mentions(earlier, value)));
}

/** The values a release call names: `provider` of `provider.shutdown()`, `this.timer` of `clearTimeout(this.timer)`, `key` of a releasing helper's `this.closeClient(key)`. */
function releasedValues(it: Interpreter, call: ts.CallExpression): string[] {
  const callee = skipOuter(call.expression);
  const values = ts.isPropertyAccessExpression(callee) && it.options.releases.methods.has(callee.name.text) ? [callee.expression] : [...call.arguments];
  const texts = values.map((value) => canonical(value)?.text);
  return texts.every((text) => text !== undefined) ? texts : [];
}

/**
 * A release by name (`client.close()`, `clearTimeout(t)`), or a call of a helper of the same module
 * whose summary releases a container's value at a key it is given, or every value
 * (`this.closeClient(key)`), or a helper that releases an argument (`closeQuietly(server)`) — asked
 * only of calls no name settles.
 */
function isReleaseCall(it: Interpreter, call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  const { releases } = it.options;
  if (ts.isPropertyAccessExpression(callee) && (releases.methods.has(callee.name.text) || releases.calledFields?.has(callee.name.text) === true)) return true;
  if (ts.isIdentifier(callee) && (releases.functions.has(callee.text) || (releases.callsValue === true && call.arguments.length === 0))) return true;
  const helper = it.depth < MAX_HELPER_DEPTH ? it.helpers.resolve(call) : undefined;
  if (helper === undefined) return false;
  // `await closeQuietly(server)`: a helper whose body releases (or hands on) what it is given.
  return (
    sameModuleEffects(it, call, helper) !== undefined ||
    call.arguments.some((_, index) => it.helpers.releasedSlots(helper, index, it.options, it.depth + 1).length > 0)
  );
}

/** `let`/`const`/`using` names, classes and functions declared directly in a block. */
function blockScopedNames(block: ts.Block): string[] {
  const names: string[] = [];
  for (const statement of block.statements) {
    if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0) {
      for (const declaration of statement.declarationList.declarations) names.push(...boundNames(declaration.name));
    } else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) names.push(statement.name.text);
  }
  return names;
}
