/**
 * Values a function moves from one container of a class or module into another: a pool's
 * `give(w) { this.busy.delete(w); this.idle.push(w) }`, or `const page = this.active.get(id);
 * this.active.delete(id); this.idle.push(page)`. The value leaves a container of the same owner,
 * so it is the owner's in the second as much as it was in the first — even when it arrives as a
 * parameter of a public method, handed back by a caller the class lent it to.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { enclosingBody, findOutsideFunctions, isFunctionLike, isSeparateFunction, skipOuter } from '../syntax/expressions.js';
import { declarationOf, singleInitializer } from '../syntax/names.js';
import { entryAt } from './entries.js';
import { containerTypeOf } from './types.js';

export interface MovedFrom {
  /** The container the value was taken out of. */
  readonly container: ts.Expression;
  /** Removed by the value itself (`busy.delete(w)`): one of a Set's values or of a Map's keys, which only the checker tells apart. */
  readonly byValue: boolean;
}

const MOVED_FROM = memoTable<ts.Expression, MovedFrom | null>('containers.movedFrom');

/**
 * The container an inserted `value` was taken out of earlier in the same function, read from the
 * syntax: removed by value (`busy.delete(w)` on a parameter `w`), or read and removed at one key
 * (`const p = active.get(id); active.delete(id)`). Asked once per insertion.
 */
export function movedFrom(value: ts.Expression, session: AnalysisSession): MovedFrom | undefined {
  return session.memo(MOVED_FROM, value, () => findMovedFrom(value, session) ?? null) ?? undefined;
}

/** What a value `movedFrom` a Set or a Map was there: one of its values, one of its keys, or (neither) not known. */
export function removedAs(container: ts.Expression, session: AnalysisSession): 'values' | 'keys' | undefined {
  const kind = containerTypeOf(container, session)?.kind;
  return kind === 'Set' || kind === 'WeakSet' ? 'values' : kind === 'Map' || kind === 'WeakMap' ? 'keys' : undefined;
}

function findMovedFrom(value: ts.Expression, session: AnalysisSession): MovedFrom | undefined {
  const name = skipOuter(value);
  if (!ts.isIdentifier(name)) return undefined;
  const fn = enclosingBody(name);
  if (!isFunctionLike(fn) || !fn.body) return undefined;
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind === 'parameter') {
    if (declaration.fn !== fn) return undefined;
    const container = removalBefore(fn.body, name.pos, (entry) => entry.key === name.text);
    return container && { container, byValue: true };
  }
  // `const page = this.active.get(id)`, then `this.active.delete(id)`.
  if (declaration?.body !== fn || !declaration.bindings.constant) return undefined;
  const read = singleInitializer(name, session);
  const source = read && entryAt(read);
  const container = source && removalBefore(fn.body, name.pos, (entry) => entry.container === source.container && entry.key === source.key);
  return container && { container, byValue: false };
}

/**
 * The container of the first `c.delete(k)` (or `delete c[k]`) of the body, not of the functions in
 * it, before `before`, whose entry `matches`.
 */
function removalBefore(body: ts.Node, before: number, matches: (entry: { container: string; key: string }) => boolean): ts.Expression | undefined {
  const removed = (node: ts.Node): ts.Expression | undefined => {
    const target = ts.isDeleteExpression(node) ? skipOuter(node.expression) : ts.isCallExpression(node) ? node : undefined;
    const entry = target && entryAt(target, (method) => method === 'delete');
    if (!entry || !matches(entry)) return undefined;
    const holder = ts.isCallExpression(target) ? skipOuter(target.expression) : target;
    return ts.isPropertyAccessExpression(holder) || ts.isElementAccessExpression(holder) ? skipOuter(holder.expression) : undefined;
  };
  const found = findOutsideFunctions(body, (node) => (node.pos >= before ? 'skip' : removed(node) !== undefined), isSeparateFunction);
  return found && removed(found);
}
