/**
 * A one-shot timer the function that made it clears itself, in a callback it hands on,
 *
 *     const timer = setTimeout(() => controller.abort(), ms);
 *     const finish = () => clearTimeout(timer);
 *     this.pending.set(id, { cancel, timer });
 *     return work(controller.signal).finally(finish);
 *
 * or through a local function it calls itself once the work ends, whatever the outcome (`try { await work;
 * finish() } catch { finish() }`, `finally { finish() }`). The timer is that function's: its end
 * is already tied to the work it times, and a container that also holds the handle holds a copy
 * for looking up.
 * A callback written in a stored record (`{ timer, resolve: () => clearTimeout(timer) }`) is not
 * handed on: it runs only when whoever drops the record calls it, which the flow answers for.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { TIMER_CLEARS } from '../resources/release.js';
import { calleeName, isFunctionLike, isNullish, isPromiseContinuation, isSeparateFunction, promiseChainHead, skipOuter } from '../syntax/expressions.js';
import { ONE_SHOT_TIMERS } from '../syntax/firedFlags.js';
import { declarationOf, localFunctionName, singleInitializer } from '../syntax/names.js';
import { timerCallRelease } from './timerCalls.js';

/** Per declaring body: the names the callbacks it hands on clear, with those callbacks. */
const HANDED_CLEARS = memoTable<ts.Node, Map<string, readonly ts.FunctionLikeDeclaration[]> | null>('containers.handedClears');

/** `name` holds a one-shot timer its making function clears in a callback it hands on. */
export function isTimerItsMakerClears(name: ts.Identifier, session: AnalysisSession): boolean {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable' || declaration.bindings.changed || !isFunctionLike(declaration.body)) return false;
  const { values } = declaration.bindings;
  // One timer at most: a callback clears whichever the name holds when it runs, not an earlier one.
  if (values.filter((value) => !isNullish(skipOuter(value))).length !== 1 || !values.every((value) => isOneShotTimerOrNothing(value))) return false;
  const clears = session.memo(HANDED_CLEARS, declaration.body, () => handedClears(declaration.body as ts.FunctionLikeDeclaration, session));
  return (clears?.get(name.text) ?? []).length > 0;
}

/** `setTimeout(…)`, `ms ? setTimeout(…) : null`. */
function isOneShotTimerOrNothing(value: ts.Expression): boolean {
  const e = skipOuter(value);
  if (ts.isConditionalExpression(e)) return isOneShotTimerOrNothing(e.whenTrue) && isOneShotTimerOrNothing(e.whenFalse);
  if (isNullish(e)) return true;
  const name = ts.isCallExpression(e) ? calleeName(e) : undefined;
  return name !== undefined && ONE_SHOT_TIMERS.has(name);
}

/**
 * The names of `maker`'s locals that a callback it hands to a call clears — `p.finally(() =>
 * clearTimeout(t))`, `const finish = () => clearTimeout(t); … .then(finish, finish)` — or that a
 * local function it calls itself on every outcome clears, with those callbacks. A name the
 * callback declares itself (a parameter, a local) is not the maker's and is left out.
 */
function handedClears(maker: ts.FunctionLikeDeclaration, session: AnalysisSession): Map<string, readonly ts.FunctionLikeDeclaration[]> {
  const byName = new Map<string, ts.FunctionLikeDeclaration[]>();
  const handedNames = new Set<string>();
  const visitNames = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node))
      for (const argument of node.arguments ?? []) {
        const e = skipOuter(argument);
        if (ts.isIdentifier(e) && endsWithWork(node, e, session)) handedNames.add(e.text);
      }
    if (ts.isTryStatement(node) && !isWithinOtherFunction(node, maker)) for (const name of calledWhateverTheOutcome(node)) handedNames.add(name);
    ts.forEachChild(node, visitNames);
  };
  if (maker.body) visitNames(maker.body);
  const isHanded = (callback: ts.FunctionLikeDeclaration): boolean => {
    const parent = callback.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((argument) => skipOuter(argument) === callback))
      return endsWithWork(parent, callback, session);
    const local = localFunctionName(callback);
    return local !== undefined && handedNames.has(local.text);
  };
  // Only the outermost callback decides: the maker hands it on, and it runs what it holds.
  const visit = (node: ts.Node, callback: ts.FunctionLikeDeclaration | 'not handed' | undefined): void => {
    if (node !== maker && isSeparateFunction(node)) {
      if (node.body) visit(node.body, callback ?? (isHanded(node) ? node : 'not handed'));
      return;
    }
    if (callback && callback !== 'not handed' && ts.isCallExpression(node) && TIMER_CLEARS.has(calleeName(node) ?? '') && node.arguments.length > 0) {
      const cleared = skipOuter(node.arguments[0]!);
      // The maker's own local, not one the callback (or a function in it) declares under that name.
      const declared = ts.isIdentifier(cleared) ? declarationOf(cleared.text, cleared, session) : undefined;
      if (ts.isIdentifier(cleared) && declared?.kind === 'variable' && declared.body === maker) {
        const found = byName.get(cleared.text) ?? [];
        found.push(callback);
        byName.set(cleared.text, found);
      }
    }
    ts.forEachChild(node, (child) => visit(child, callback));
  };
  if (maker.body) visit(maker.body, undefined);
  return byName;
}

/**
 * `call` runs `callback` when the work ends whatever its outcome: `work().finally(cb)`,
 * `p.then(cb, cb)`, an event or a helper it is handed to. Not a timer's callback (its own or
 * another's), a `then()` or `catch()` of one outcome only, nor a continuation of a promise the
 * maker makes with `new Promise`: that one settles only when whoever holds its resolve calls it
 * — the record the timer is stored with, as often as not.
 */
function endsWithWork(call: ts.CallExpression | ts.NewExpression, callback: ts.Node, session: AnalysisSession): boolean {
  if (ts.isNewExpression(call)) return true;
  if (timerCallRelease(call)) return false;
  if (!isPromiseContinuation(call)) return true;
  const method = (skipOuter(call.expression) as ts.PropertyAccessExpression).name.text;
  const [fulfilled, rejected] = call.arguments.map((argument): ts.Node => skipOuter(argument));
  const bothOutcomes =
    method === 'finally' ||
    (method === 'then' &&
      fulfilled !== undefined &&
      rejected !== undefined &&
      (fulfilled === callback || rejected === callback) &&
      sameName(fulfilled, rejected));
  return bothOutcomes && !isDeferred(promiseChainHead(call), session);
}

function sameName(left: ts.Node, right: ts.Node): boolean {
  return ts.isIdentifier(left) && ts.isIdentifier(right) && left.text === right.text;
}

/** `new Promise(…).finally(…)`, or `settled.finally(…)` of `const settled = new Promise(…)`. */
function isDeferred(head: ts.CallExpression, session: AnalysisSession): boolean {
  // A chain that starts at a call (`work(signal).finally(…)`) continues the work itself.
  if (!isPromiseContinuation(head)) return false;
  const root = skipOuter((skipOuter(head.expression) as ts.PropertyAccessExpression).expression);
  const made = ts.isIdentifier(root) ? singleInitializer(root, session) : root;
  return made !== undefined && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === 'Promise';
}

/**
 * `try { …; await work; finish() } catch { finish() }`, `finally { finish() }`: the local functions the
 * maker calls itself once the work ends, whatever its outcome (not from a function it defines).
 */
function calledWhateverTheOutcome(statement: ts.TryStatement): Set<string> {
  const called = (block: ts.Block | undefined): Set<string> => {
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (isSeparateFunction(node)) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(skipOuter(node.expression))) names.add((skipOuter(node.expression) as ts.Identifier).text);
      ts.forEachChild(node, visit);
    };
    if (block) visit(block);
    return names;
  };
  const inFinally = called(statement.finallyBlock);
  const inCatch = statement.catchClause ? called(statement.catchClause.block) : new Set<string>();
  for (const name of called(statement.tryBlock)) if (inCatch.has(name)) inFinally.add(name);
  return inFinally;
}

function isWithinOtherFunction(node: ts.Node, maker: ts.FunctionLikeDeclaration): boolean {
  for (let current = node.parent; current && current !== maker; current = current.parent) if (isSeparateFunction(current)) return true;
  return false;
}
