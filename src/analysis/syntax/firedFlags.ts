/**
 * Flags a one-shot timer's own callback sets on the record that holds it: `const deferred = { iq,
 * timeout: setTimeout(() => { deferred.iq = undefined; reject() }, ms) }`. Where the flag reads as
 * the callback left it, the timer has fired and owes nothing. Read from the file's own text, once
 * per file.
 */
import ts from 'typescript';

import { calleeName, canonical, isFunctionLike, isNullish, skipOuter } from './expressions.js';

/** A flag the callback of the one-shot timer in `timer` sets: falsy (`undefined`, `false`) or truthy (`true`) once it fired. */
export interface FiredFlag {
  timer: string;
  firedTruthy: boolean;
}

const FIRED_FLAGS = new WeakMap<ts.SourceFile, ReadonlyMap<string, FiredFlag>>();
/** Timer calls whose callback runs once: the timer ends by itself when it fires. */
export const ONE_SHOT_TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setImmediate', 'requestAnimationFrame', 'requestIdleCallback']);

/** Flag name → the timer field whose firing alone gives the flag that value. */
export function firedFlagsOf(file: ts.SourceFile): ReadonlyMap<string, FiredFlag> {
  let found = FIRED_FLAGS.get(file);
  if (!found) FIRED_FLAGS.set(file, (found = readFiredFlags(file)));
  return found;
}

function readFiredFlags(file: ts.SourceFile): ReadonlyMap<string, FiredFlag> {
  const fired = new Map<string, FiredFlag>();
  // Every write of a flag to its fired value must be one of those callbacks' writes.
  const writes = new Map<string, { inCallback: number; elsewhere: number }>();
  const inCallbacks = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    const timer = timerField(node);
    if (timer) {
      for (const write of flagWrites(timer.callback, timer.holder, timer.literal)) {
        inCallbacks.add(write.node);
        const known = fired.get(write.flag);
        if (known === undefined) fired.set(write.flag, { timer: timer.field, firedTruthy: write.truthy });
        else if (known.timer !== timer.field || known.firedTruthy !== write.truthy) fired.set(write.flag, { ...known, timer: '' });
      }
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(skipOuter(node.left))) {
      const flag = (skipOuter(node.left) as ts.PropertyAccessExpression).name.text;
      const count = writes.get(flag) ?? { inCallback: 0, elsewhere: 0 };
      writes.set(flag, count);
      if (inCallbacks.has(node)) count.inCallback++;
      else count.elsewhere++;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const [flag, { timer, firedTruthy }] of fired) {
    const count = writes.get(flag);
    // A flag written anywhere else (to any value: a reset could give it the fired value too) says nothing.
    if (timer === '' || !count || count.elsewhere > 0 || flag === timer) fired.delete(flag);
    else fired.set(flag, { timer, firedTruthy });
  }
  return fired;
}

/** `holder = { field: setTimeout(callback, …) }` or `holder.field = setTimeout(callback, …)`: the record, its timer field and the callback. */
function timerField(node: ts.Node): { holder: string; field: string; callback: ts.FunctionLikeDeclaration; literal?: ts.ObjectLiteralExpression } | undefined {
  if (!ts.isCallExpression(node) || !ONE_SHOT_TIMERS.has(calleeName(node) ?? '')) return undefined;
  const callback = node.arguments[0] && skipOuter(node.arguments[0]);
  if (!callback || !isFunctionLike(callback)) return undefined;
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node && ts.isIdentifier(parent.name) && ts.isObjectLiteralExpression(parent.parent)) {
    const declaration = parent.parent.parent;
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name))
      return { holder: declaration.name.text, field: parent.name.text, callback, literal: parent.parent };
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && ts.isPropertyAccessExpression(skipOuter(parent.left))) {
    const target = skipOuter(parent.left) as ts.PropertyAccessExpression;
    const holder = canonical(target.expression);
    if (holder && !holder.impure) return { holder: holder.text, field: target.name.text, callback };
  }
  return undefined;
}

/**
 * The statements of `callback` itself that write `holder.flag = undefined | null | false | true`. A flag
 * emptied on firing counts only when the literal made with the timer fills it (`{ iq, timeout }`):
 * otherwise an empty flag may be one never filled, its timer still running.
 */
function flagWrites(
  callback: ts.FunctionLikeDeclaration,
  holder: string,
  literal: ts.ObjectLiteralExpression | undefined,
): { node: ts.Node; flag: string; truthy: boolean }[] {
  const fills = (flag: string): boolean =>
    literal?.properties.some((property) => {
      if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== flag) return false;
      if (ts.isShorthandPropertyAssignment(property)) return true;
      if (!ts.isPropertyAssignment(property)) return false;
      const value = skipOuter(property.initializer);
      return !isNullish(value) && value.kind !== ts.SyntaxKind.FalseKeyword;
    }) === true;
  const found: { node: ts.Node; flag: string; truthy: boolean }[] = [];
  const body = callback.body;
  if (!body || !ts.isBlock(body)) return found;
  for (const statement of body.statements) {
    const e = ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = skipOuter(e.left);
    if (!ts.isPropertyAccessExpression(target) || canonical(target.expression)?.text !== holder) continue;
    const value = skipOuter(e.right);
    if ((isNullish(value) || value.kind === ts.SyntaxKind.FalseKeyword) && fills(target.name.text))
      found.push({ node: e, flag: target.name.text, truthy: false });
    else if (value.kind === ts.SyntaxKind.TrueKeyword) found.push({ node: e, flag: target.name.text, truthy: true });
  }
  return found;
}
