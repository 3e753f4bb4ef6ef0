/**
 * Values a function hands back to its callers. `return queue.shift()` gives the value to whoever
 * called — unless a caller throws the result away: `removePane(i) { const item = this.panes.splice(i,
 * 1)[0]; …; return item }` called as `this.paneview.removePane(i);` drops the pane there as surely
 * as a `splice()` that returned nothing.
 */
import ts from 'typescript';

import type { DropSite, DropVerdict } from '../flow/index.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { calledMethodName, isFunctionLike, returnedExpressions, skipOuter } from '../syntax/expressions.js';
import { callsInProgram } from '../syntax/names.js';

const DISCARDING_CALLS = memoTable<ts.Node, ts.CallExpression | null>('drops.discardingCalls');

/** What the enclosing code does with a call's result: returned values are handed on. */
export function isResultUsed(node: ts.Expression): 'unused' | 'returned' | 'used' {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isExpressionStatement(parent)) return 'unused';
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return 'returned';
  return 'used';
}

/**
 * The first call in the program that throws away what `fn` returns. None when every call keeps
 * the result, or when the calls are not all known (a public method nothing here calls, a function
 * handed on as a value): then what it returns is its callers' to answer for.
 */
export function callDiscardingResult(fn: ts.Node, session: AnalysisSession): ts.CallExpression | undefined {
  if (!isFunctionLike(fn) || !fn.body) return undefined;
  return session.memo(DISCARDING_CALLS, fn, () => callsInProgram(fn, session)?.find((call) => isResultUsed(call) === 'unused'));
}

/**
 * Owed on every path, by a drop the flow follows value by value: a release under a condition
 * (`if (!options.skipDispose)`) may be what the discarding call asks for, and `splice(i, count)`
 * removes values a release by index (`ranges[i + n].dispose()`) does not name.
 */
export function isDroppedWhole(verdict: DropVerdict, site: DropSite): boolean {
  if (isSettled(verdict) || verdict.missedWhen) return false;
  const node = site.node;
  if (!ts.isCallExpression(node) || calledMethodName(node) !== 'splice') return true;
  const count = node.arguments[1];
  return count !== undefined && ts.isNumericLiteral(skipOuter(count)) && skipOuter(count).getText() === '1';
}

export function isSettled(verdict: DropVerdict): boolean {
  return verdict.unreleasedSlots.length === 0;
}

/** `return item`, `() => list.shift()`: the function gives its callers a value. */
export function returnsValue(body: ts.Node): boolean {
  return isFunctionLike(body) && returnedExpressions(body).length > 0;
}
