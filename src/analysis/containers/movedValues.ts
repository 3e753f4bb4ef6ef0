/**
 * Values a function moves from one container of a class or module into another: a pool's
 * `give(w) { this.busy.delete(w); this.idle.push(w) }`, or `const page = this.active.get(id);
 * this.active.delete(id); this.idle.push(page)`. The value leaves a container of the same owner,
 * so it is the owner's in the second as much as it was in the first — even when it arrives as a
 * parameter of a public method, handed back by a caller the class lent it to.
 */
import ts from 'typescript';

import type { AnalysisSession } from '../session.js';
import {
  calledMethodName,
  canonical,
  containerScope,
  enclosingBody,
  findOutsideFunctions,
  isFunctionLike,
  isSeparateFunction,
  skipOuter,
} from '../syntax/expressions.js';
import { declarationOf, singleInitializer } from '../syntax/names.js';
import { containerTypeOf } from './types.js';

export interface MovedFrom {
  /** The container the value was taken out of. */
  readonly container: ts.Expression;
  /** Whether the value was one of its values or (a Map keyed by it) one of its keys; undefined when only the checker can tell. */
  readonly of: 'values' | 'keys' | undefined;
}

/**
 * The other container of the same class or module that `value`, stored by `insertion` into
 * `destination`, was taken out of earlier in the same function: removed by value (`busy.delete(w)`
 * on a parameter `w`) or read and removed at one key (`const p = active.get(id); active.delete(id)`).
 * `cheap`: answer without the checker, which alone tells a Set removing a value from a Map removing a key.
 */
export function movedFrom(value: ts.Expression, destination: string, scope: ts.Node, session: AnalysisSession, cheap: boolean): MovedFrom | undefined {
  const name = skipOuter(value);
  if (!ts.isIdentifier(name)) return undefined;
  const fn = enclosingBody(name);
  const declaration = isFunctionLike(fn) && fn.body ? declarationOf(name.text, name, session) : undefined;
  if (!declaration || !isFunctionLike(fn) || !fn.body) return undefined;
  if (declaration.kind === 'parameter') {
    if (declaration.fn !== fn) return undefined;
    const removal = removalBefore(fn.body, name.pos, (key) => ts.isIdentifier(key) && key.text === name.text);
    if (!removal || !isOtherContainerOf(removal, destination, scope)) return undefined;
    if (cheap) return { container: removal, of: undefined };
    const kind = containerTypeOf(removal, session)?.kind;
    const of = kind === 'Set' || kind === 'WeakSet' ? 'values' : kind === 'Map' || kind === 'WeakMap' ? 'keys' : undefined;
    return of && { container: removal, of };
  }
  // `const page = this.active.get(id)`, then `this.active.delete(id)`.
  if (declaration.body !== fn || !declaration.bindings.constant) return undefined;
  const read = singleInitializer(name, session);
  if (!read || !ts.isCallExpression(read) || calledMethodName(read) !== 'get' || read.arguments.length !== 1) return undefined;
  const source = canonical(skipOuter((skipOuter(read.expression) as ts.PropertyAccessExpression).expression));
  const key = canonical(read.arguments[0]!);
  if (!source || source.impure || !key || key.impure) return undefined;
  const removal = removalBefore(fn.body, name.pos, (k) => canonical(k)?.text === key.text);
  return removal && canonical(removal)?.text === source.text && isOtherContainerOf(removal, destination, scope)
    ? { container: removal, of: 'values' }
    : undefined;
}

/** A container other than `destination`, named the same way from the same class or module. */
function isOtherContainerOf(container: ts.Expression, destination: string, scope: ts.Node): boolean {
  const text = canonical(container);
  return text !== undefined && !text.impure && text.text !== destination && containerScope(container) === scope;
}

/** The container of the first `c.delete(k)` of the body (not of the functions in it) before `before`, whose key `matches`. */
function removalBefore(body: ts.Node, before: number, matches: (key: ts.Expression) => boolean): ts.Expression | undefined {
  const removal = findOutsideFunctions(
    body,
    (node) =>
      node.pos >= before
        ? 'skip'
        : ts.isCallExpression(node) && calledMethodName(node) === 'delete' && node.arguments.length === 1 && matches(skipOuter(node.arguments[0]!)),
    isSeparateFunction,
  );
  return removal && skipOuter((skipOuter((removal as ts.CallExpression).expression) as ts.PropertyAccessExpression).expression);
}
