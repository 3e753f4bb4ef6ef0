/**
 * Whether a function releases a value, read from its text alone: in its first statements (what a
 * callback stored beside a value, or registered for a handle's end, does to that value as it runs),
 * or on every way out after a given point (what a function that stores a value does with it).
 */
import ts from 'typescript';

import {
  calleeName,
  enclosingBody,
  isFunctionLike,
  isNullish,
  skipOuter,
  someOutsideFunctions,
  statementInBlock,
  withoutNothingFallback,
} from './expressions.js';

/** The methods that release the value (`close`, `dispose`) and the functions given it (`clearTimeout`). */
export type ReleaseNames = Readonly<Record<'methods' | 'functions', ReadonlySet<string>>>;

/** A call of the program's own that releases its argument at `index` (`this.stopPoll(key, timer)`): asked by callers that can resolve it. */
export type ReleasingCall = (call: ts.CallExpression, index: number) => boolean;

/**
 * The function releases `held` (a local's name, or `this` for the object it belongs to) before
 * anything can leave it: its first statements include the release (`clearTimeout(timer)`,
 * `timer?.close()`, `if (timer) clearTimeout(timer)`, `this.dispose()`) and no earlier one returns
 * or throws.
 */
export function releasesFirst(fn: ts.FunctionLikeDeclaration, held: string, names: ReleaseNames): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isRelease(body, held, names);
  return statementsRelease(body.statements, held, names);
}

function statementsRelease(statements: readonly ts.Statement[], held: string, names: ReleaseNames, releasingCall?: ReleasingCall): boolean {
  for (const statement of statements) {
    if (ts.isExpressionStatement(statement) && isRelease(statement.expression, held, names, releasingCall)) return true;
    // `if (timer) clearTimeout(timer)`: nothing to release when there is no timer.
    if (ts.isIfStatement(statement) && !statement.elseStatement && testsPresence(statement.expression, held)) {
      const inner = ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements : [statement.thenStatement];
      if (statementsRelease(inner, held, names, releasingCall)) return true;
    }
    if (mayLeave(statement)) return false;
  }
  return false;
}

/** `clearTimeout(timer)`, `timer.close()`, `timer && clearTimeout(timer)`, `await timer.close()`. */
function isRelease(expression: ts.Expression, held: string, names: ReleaseNames, releasingCall?: ReleasingCall): boolean {
  const e = skipOuter(expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && testsPresence(e.left, held))
    return isRelease(e.right, held, names, releasingCall);
  if (ts.isAwaitExpression(e) || ts.isVoidExpression(e)) return isRelease(e.expression, held, names, releasingCall);
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuter(e.expression);
  if (ts.isPropertyAccessExpression(callee) && names.methods.has(callee.name.text)) return isHeld(callee.expression, held);
  const name = calleeName(e);
  if (name !== undefined && names.functions.has(name) && e.arguments[0] !== undefined && isHeld(withoutNothingFallback(e.arguments[0]), held)) return true;
  const index = e.arguments.findIndex((argument) => isHeld(argument, held));
  return releasingCall !== undefined && index >= 0 && releasingCall(e, index);
}

function isHeld(expression: ts.Expression, held: string): boolean {
  const e = skipOuter(expression);
  return held === 'this' ? e.kind === ts.SyntaxKind.ThisKeyword : ts.isIdentifier(e) && e.text === held;
}

/** `timer`, `timer != null`, `timer !== undefined`: true only when there is something to release. */
function testsPresence(test: ts.Expression, held: string): boolean {
  const e = skipOuter(test);
  if (isHeld(e, held)) return true;
  if (!ts.isBinaryExpression(e)) return false;
  const unequal = [ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(e.operatorToken.kind);
  return unequal && ((isHeld(e.left, held) && isNullish(e.right)) || (isHeld(e.right, held) && isNullish(e.left)));
}

/** A statement that may end the function before the next one: a return or a throw, outside nested functions. */
function mayLeave(statement: ts.Statement): boolean {
  return someOutsideFunctions(statement, (node) => ts.isReturnStatement(node) || ts.isThrowStatement(node));
}

/**
 * Every normal path from the statement holding `at` to the end of its function releases `held`: a
 * later statement of the same block does (`m.set(k, t); work(); clearTimeout(t)`), or the `finally`
 * of a later `try` (`m.set(k, t); try { await work() } finally { clearInterval(t) }`) or of the `try`
 * around it, with no `return`, `break`, `continue` or `yield` on the way, also through a call
 * `releasingCall` vouches for. Read up through plain blocks, `if` branches and a `try` block whose
 * `catch` goes on; a `throw` owes nothing.
 */
export function releasedOnEveryPathAfter(at: ts.Node, held: string, names: ReleaseNames, releasingCall?: ReleasingCall): boolean {
  const fn = enclosingBody(at);
  let node: ts.Node = at;
  for (;;) {
    const place = statementInBlock(node);
    if (!place || enclosingBody(place.block) !== fn) return false;
    const { statement, block } = place;
    // The point itself sits in a plain statement of a block, not in a branch or loop of one.
    if (node === at && !ts.isExpressionStatement(statement) && !ts.isVariableStatement(statement)) return false;
    for (const next of block.statements.slice(block.statements.indexOf(statement) + 1)) {
      if (ts.isExpressionStatement(next) && isRelease(next.expression, held, names, releasingCall)) return true;
      if (ts.isTryStatement(next) && next.finallyBlock && statementsRelease(next.finallyBlock.statements, held, names, releasingCall)) return true;
      if (mayLeaveEarly(next)) return false;
    }
    const around = block.parent;
    if (ts.isTryStatement(around) && around.tryBlock === block) {
      if (around.finallyBlock && statementsRelease(around.finallyBlock.statements, held, names, releasingCall)) return true;
      if (around.catchClause && mayLeaveEarly(around.catchClause.block)) return false;
      if (around.finallyBlock && mayLeaveEarly(around.finallyBlock)) return false;
      node = around;
    } else if (ts.isBlock(around) || ts.isIfStatement(around)) {
      node = ts.isBlock(around) ? block : around;
    } else {
      return false;
    }
  }
}

/** A statement that may end the function normally, or leave the statements after it: a return, a yield, a break or continue out of it. */
function mayLeaveEarly(statement: ts.Node): boolean {
  const visit = (node: ts.Node, breakable: boolean, continuable: boolean): boolean => {
    if (ts.isReturnStatement(node) || ts.isYieldExpression(node)) return true;
    if (ts.isBreakStatement(node)) return node.label !== undefined || !breakable;
    if (ts.isContinueStatement(node)) return node.label !== undefined || !continuable;
    if (isFunctionLike(node)) return false;
    const loop = ts.isIterationStatement(node, false);
    const inner = loop || ts.isSwitchStatement(node);
    return ts.forEachChild(node, (child) => visit(child, breakable || inner, continuable || loop)) === true;
  };
  return visit(statement, false, false);
}
