/**
 * A record taken out of a list and put back at once as a new record that carries its resources:
 * `list = list.filter((c) => c.name !== name); list.push({ ...old, status })`. The resources move
 * into the replacement; nothing is dropped. Read from the syntax of the function the filter is in.
 */
import ts from 'typescript';

import type { AnalysisSession } from '../session.js';
import {
  calledMethodName,
  canonical,
  enclosingBody,
  isAssignment,
  isIdentifierNamed,
  isFunctionLike,
  isSeparateFunction,
  propertyNameOf,
  propertyValueOf,
  skipOuter,
  statementInBlock,
} from '../syntax/expressions.js';
import { constInScope, declarationOf, isStableName, singleInitializer } from '../syntax/names.js';

type ElementCallback = ts.ArrowFunction | ts.FunctionExpression;

/** `(s) => s !== gone`, `(e) => e.client === client`: the side that reads the element, and the other. */
export function elementTest(callback: ElementCallback, comparison: 'equal' | 'unequal'): { own: ts.Expression; other: ts.Expression } | undefined {
  const parameter = callback.parameters[0];
  if (callback.parameters.length !== 1 || !parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const element = parameter.name.text;
  const body = ts.isBlock(callback.body) ? singleReturned(callback.body) : callback.body;
  const test = body && skipOuter(body);
  if (!test || !ts.isBinaryExpression(test) || !COMPARISONS[comparison].includes(test.operatorToken.kind)) return undefined;
  const [own, other] = mentionsName(test.left, element) ? [test.left, test.right] : [test.right, test.left];
  return mentionsName(other, element) || !mentionsName(own, element) ? undefined : { own, other };
}

const COMPARISONS = {
  equal: [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken],
  unequal: [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken],
};

function singleReturned(block: ts.Block): ts.Expression | undefined {
  const [only] = block.statements;
  return block.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

function mentionsName(node: ts.Node, name: string): boolean {
  return (ts.isIdentifier(node) && node.text === name) || ts.forEachChild(node, (child) => mentionsName(child, name)) === true;
}

/**
 * `list = list.filter((c) => c.server.name !== name)` whose next statement pushes into `list` a record
 * carrying each of `slots` from a record the filter takes out: a spread of, or a read from, the element
 * `list.find((c) => c.server.name === name)` gave earlier in the function (`{ ...old, status }`), or the
 * same variable as a record this function pushed into `list` earlier with `name` at `server.name`
 * (`{ client, transport }` pushed as it starts, `{ client, transport, status }` in its place). Another
 * record of the same name from an earlier call is not followed: the code treats the name as one entry's.
 */
export function isCarriedIntoReplacement(
  node: ts.BinaryExpression,
  containerText: string,
  test: { own: ts.Expression; other: ts.Expression },
  slots: readonly string[],
  session: AnalysisSession,
): boolean {
  const path = pathFromElement(test.own);
  const matched = canonical(test.other);
  const placed = statementInBlock(node);
  if (!path || !matched || matched.impure || !placed || slots.includes('*')) return false;
  const next = placed.block.statements[placed.before.length + 1];
  const pushed = next && pushedInto(next, containerText);
  const replacement = pushed && recordLiteral(pushed, session);
  if (!replacement) return false;
  const fn = enclosingBody(node);
  if (!isFunctionLike(fn) || !fn.body) return false;
  const sameKey = (expression: ts.Expression | undefined): boolean => expression !== undefined && sameName(expression, test.other, session);
  const found = foundElements(fn.body, node, containerText, path, sameKey);
  const earlier = pushedRecords(fn.body, node, containerText, session).filter((record) => sameKey(valueAtPath(record, path)));
  return slots.every((slot) => carries(replacement, slot, found, earlier, session));
}

/** `c.server.name` of the element `c`: `['server', 'name']`. */
function pathFromElement(own: ts.Expression): string[] | undefined {
  const path: string[] = [];
  let current = skipOuter(own);
  while (ts.isPropertyAccessExpression(current)) {
    path.unshift(current.name.text);
    current = skipOuter(current.expression);
  }
  return ts.isIdentifier(current) && path.length > 0 ? path : undefined;
}

/** `list.push(x)` or `list = [...list, x]` as a statement: `x`. */
function pushedInto(statement: ts.Statement, containerText: string): ts.Expression | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const e = skipOuter(statement.expression);
  if (ts.isCallExpression(e) && calledMethodName(e) === 'push' && e.arguments.length === 1) {
    const receiver = (skipOuter(e.expression) as ts.PropertyAccessExpression).expression;
    return canonical(receiver)?.text === containerText ? e.arguments[0] : undefined;
  }
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || canonical(e.left)?.text !== containerText) return undefined;
  const list = skipOuter(e.right);
  if (!ts.isArrayLiteralExpression(list) || list.elements.length !== 2) return undefined;
  const [kept, added] = list.elements;
  return kept && ts.isSpreadElement(kept) && canonical(kept.expression)?.text === containerText && added && !ts.isSpreadElement(added) ? added : undefined;
}

/** `{ … }`, or a `const` given one. */
function recordLiteral(expression: ts.Expression, session: AnalysisSession): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(expression);
  const initializer = ts.isIdentifier(e) ? (constInScope(e)?.initializer ?? singleInitializer(e, session)) : e;
  const record = initializer && skipOuter(initializer);
  return record && ts.isObjectLiteralExpression(record) ? record : undefined;
}

/**
 * `earlier` and `later` read the same variable holding the same value: a parameter or a `const`, or a
 * `let` given every value before `earlier` (`let transport; switch (…) { transport = … }` before the
 * record is made), none of them in a closure.
 */
function sameName(earlier: ts.Expression, later: ts.Expression, session: AnalysisSession): boolean {
  const first = skipOuter(earlier);
  const second = skipOuter(later);
  if (!ts.isIdentifier(first) || !ts.isIdentifier(second) || first.text !== second.text) return false;
  const constant = constInScope(first);
  if (constant) return constant === constInScope(second);
  const declaration = declarationOf(first.text, first, session);
  const again = declarationOf(second.text, second, session);
  if (declaration?.kind === 'parameter') return again?.kind === 'parameter' && again.parameter === declaration.parameter && isStableName(first, session);
  if (declaration?.kind !== 'variable' || again?.kind !== 'variable' || again.body !== declaration.body) return false;
  const { bindings, body } = declaration;
  if (bindings.constant) return bindings.values.length === 1;
  return !bindings.changed && bindings.values.every((value) => value.end <= first.pos) && !isAssignedInClosure(body, first.text);
}

/** Some function nested in `body` assigns `name`. */
function isAssignedInClosure(body: ts.Node, name: string): boolean {
  const visit = (node: ts.Node, nested: boolean): boolean => {
    if (nested && isAssignment(node) && isIdentifierNamed(node.left, name)) return true;
    return ts.forEachChild(node, (child) => visit(child, nested || (child !== body && isSeparateFunction(child)))) ?? false;
  };
  return visit(body, false);
}

/** Locals given `list.find((c) => c.<path> === <key>)` before `node`. */
function foundElements(body: ts.Node, node: ts.Node, containerText: string, path: readonly string[], sameKey: (e: ts.Expression) => boolean): Set<string> {
  const found = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (child.pos >= node.pos || (child !== body && isSeparateFunction(child))) return;
    const call = ts.isVariableDeclaration(child) && child.initializer ? skipOuter(child.initializer) : undefined;
    if (
      ts.isVariableDeclaration(child) &&
      ts.isIdentifier(child.name) &&
      call &&
      ts.isCallExpression(call) &&
      calledMethodName(call) === 'find' &&
      call.arguments.length === 1
    ) {
      const receiver = (skipOuter(call.expression) as ts.PropertyAccessExpression).expression;
      const callback = skipOuter(call.arguments[0]!);
      const test = (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && elementTest(callback, 'equal');
      if (test && canonical(receiver)?.text === containerText && samePath(pathFromElement(test.own), path) && sameKey(test.other)) found.add(child.name.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(body);
  return found;
}

function samePath(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Record literals this function pushed into the list before `node`. */
function pushedRecords(body: ts.Node, node: ts.Node, containerText: string, session: AnalysisSession): ts.ObjectLiteralExpression[] {
  const records: ts.ObjectLiteralExpression[] = [];
  const visit = (child: ts.Node): void => {
    if (child.pos >= node.pos || (child !== body && isSeparateFunction(child))) return;
    const pushed = ts.isStatement(child) ? pushedInto(child, containerText) : undefined;
    const record = pushed && recordLiteral(pushed, session);
    if (record) records.push(record);
    ts.forEachChild(child, visit);
  };
  visit(body);
  return records;
}

/** The expression a record literal holds at `path`, through nested literals; a shorthand's name. */
function valueAtPath(record: ts.ObjectLiteralExpression, path: readonly string[]): ts.Expression | undefined {
  let current: ts.Expression = record;
  for (const name of path) {
    const literal = skipOuter(current);
    if (!ts.isObjectLiteralExpression(literal)) return undefined;
    const property = lastProperty(literal, name);
    if (!property || ts.isSpreadAssignment(property)) return undefined;
    current = property;
  }
  return current;
}

/** The last property of a literal that writes `name` (a spread may write it too), as the expression it holds. */
function lastProperty(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | ts.SpreadAssignment | undefined {
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const property = literal.properties[i]!;
    if (ts.isSpreadAssignment(property)) return property;
    if (propertyNameOf(property) === name) return propertyValueOf(property);
  }
  return undefined;
}

/** The replacement holds at `slot` what a record taken out held there. */
function carries(
  replacement: ts.ObjectLiteralExpression,
  slot: string,
  found: ReadonlySet<string>,
  earlier: readonly ts.ObjectLiteralExpression[],
  session: AnalysisSession,
): boolean {
  const held = lastProperty(replacement, slot);
  if (!held) return false;
  const isFound = (expression: ts.Expression): boolean => {
    const e = skipOuter(expression);
    return ts.isIdentifier(e) && found.has(e.text);
  };
  // `{ ...old, status }`, `{ socket: old.socket }`.
  if (ts.isSpreadAssignment(held)) return isFound(held.expression);
  const read = skipOuter(held);
  if (ts.isPropertyAccessExpression(read) && read.name.text === slot && isFound(read.expression)) return true;
  // `{ client, transport }` as a record pushed earlier held them.
  return earlier.some((record) => {
    const before = valueAtPath(record, [slot]);
    return before !== undefined && sameName(before, held, session);
  });
}
