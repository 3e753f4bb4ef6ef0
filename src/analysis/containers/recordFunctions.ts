/**
 * Function fields of stored records that release the record's own resources. A pending request
 * kept as `{ timer, resolve: (v) => { clearTimeout(timer); resolve(v) } }`, or given the settle
 * functions of a promise whose `finally()` clears `timer`: calling `entry.resolve(v)` clears
 * `entry.timer`. Read from the literal of every insertion the code shows; a function field counts
 * only when every record is written so.
 */
import ts from 'typescript';

import { releaseNames, type Release, type ResourceField } from '../resources/release.js';
import type { AnalysisSession } from '../session.js';
import { declarationOf } from '../syntax/names.js';
import { isFunctionLike, isPromiseContinuation, isPromiseExecutor, propertyNameOf, skipOuter } from '../syntax/expressions.js';
import { releasesFirst } from '../syntax/releaseFirst.js';

/**
 * Of the record fields `fields`, those some function field of every inserted record releases, by
 * the name of that function field: `resolve` → [`timer`]. Empty when some insertion is not a
 * record literal the code shows (`literalOf` finds it).
 */
export function fieldsReleasedByRecordFunctions(
  insertions: readonly ts.Expression[],
  fields: readonly ResourceField[],
  literalOf: (value: ts.Expression) => ts.ObjectLiteralExpression | undefined,
  session: AnalysisSession,
): ReadonlyMap<string, readonly string[]> {
  let found: Map<string, string[]> | undefined;
  for (const value of insertions) {
    const literal = literalOf(value);
    if (!literal) return new Map();
    const here = new Map<string, string[]>();
    for (const field of fields) {
      const held = heldName(literal, field.name);
      if (held === undefined) continue;
      for (const property of literal.properties) {
        const method = propertyNameOf(property);
        if (method === undefined || method === field.name) continue;
        const fn = functionOf(property);
        const releases = fn
          ? releasesOnEveryPath(fn, held, field.resource.release)
          : settledByReleasingPromise(property, held, field.resource.release, session);
        if (releases) here.set(method, [...(here.get(method) ?? []), field.name]);
      }
    }
    found = found ? intersect(found, here) : here;
    if (found.size === 0) return found;
  }
  return found ?? new Map();
}

function intersect(a: Map<string, string[]>, b: Map<string, string[]>): Map<string, string[]> {
  const both = new Map<string, string[]>();
  for (const [method, fields] of a) {
    const kept = fields.filter((field) => b.get(method)?.includes(field));
    if (kept.length > 0) both.set(method, kept);
  }
  return both;
}

/** `{ timer }`, `{ timer: handle }`: the local a field is given. */
export function heldName(literal: ts.ObjectLiteralExpression, field: string): string | undefined {
  for (const property of literal.properties) {
    if (propertyNameOf(property) !== field) continue;
    if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
    if (ts.isPropertyAssignment(property)) {
      const value = skipOuter(property.initializer);
      return ts.isIdentifier(value) ? value.text : undefined;
    }
  }
  return undefined;
}

/** `resolve: (v) => { … }`, `close() { … }`: a function written in the literal. */
function functionOf(property: ts.ObjectLiteralElementLike): ts.FunctionLikeDeclaration | undefined {
  if (ts.isMethodDeclaration(property)) return property;
  if (!ts.isPropertyAssignment(property)) return undefined;
  const value = skipOuter(property.initializer);
  return ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? value : undefined;
}

/**
 * `resolve: settle`, with `settle` the `resolve` of `new Promise((resolve, reject) => { settle =
 * resolve; … }).finally(() => clearTimeout(timer))`, or that executor's parameter itself: settling
 * the promise runs its `finally()`.
 */
function settledByReleasingPromise(property: ts.ObjectLiteralElementLike, held: string, release: Release, session: AnalysisSession): boolean {
  const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
  if (!value || !ts.isIdentifier(value)) return false;
  const executors = settlingExecutors(value, session);
  return (
    executors !== undefined &&
    executors.length > 0 &&
    executors.every((executor) => {
      return continuationsOf(executor.parent).some((call) => releasesWhenSettled(call, held, release));
    })
  );
}

/** The Promise executors whose settle function a name is: that parameter itself, or a local given only such parameters. */
function settlingExecutors(name: ts.Identifier, session: AnalysisSession): ts.FunctionLikeDeclaration[] | undefined {
  const executor = executorSettledBy(name);
  if (executor) return [executor];
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable') return undefined;
  const executors: ts.FunctionLikeDeclaration[] = [];
  for (const given of declaration.bindings.values) {
    const e = skipOuter(given);
    // `let settle: (v) => void = () => {}`: a placeholder the executor replaces before anything runs.
    if (isFunctionLike(e) && e.body && ts.isBlock(e.body) && e.body.statements.length === 0) continue;
    const source = ts.isIdentifier(e) ? executorSettledBy(e) : undefined;
    if (!source) return undefined;
    executors.push(source);
  }
  return executors;
}

/**
 * The executor `name` is the `resolve` or `reject` of, in `new Promise((resolve, reject) => …)`.
 * names.ts resolves names through executors, which run as part of the function around them: the
 * parameter is looked for here.
 */
function executorSettledBy(name: ts.Identifier): ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (let node: ts.Node | undefined = name.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (!isFunctionLike(node)) continue;
    const index = node.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name.text);
    if (index >= 0) return index <= 1 && isPromiseExecutor(node) ? node : undefined;
  }
  return undefined;
}

/** `p.then(a).finally(b)`: the continuation calls chained on a promise. */
function continuationsOf(promise: ts.Node): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  let current: ts.Node = promise;
  for (;;) {
    let parent = current.parent;
    while (parent && ts.isParenthesizedExpression(parent)) parent = parent.parent;
    const call = parent?.parent;
    if (!parent || !ts.isPropertyAccessExpression(parent) || !call || !ts.isCallExpression(call) || call.expression !== parent || !isPromiseContinuation(call))
      return calls;
    calls.push(call);
    current = call;
  }
}

/** `.finally(() => clearTimeout(timer))`, `.then(f, g)` with both releasing: runs however the promise settles. */
function releasesWhenSettled(call: ts.CallExpression, held: string, release: Release): boolean {
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  const handlers = method === 'finally' ? call.arguments.slice(0, 1) : method === 'then' && call.arguments.length === 2 ? call.arguments : [];
  return (
    handlers.length > 0 &&
    handlers.every((handler) => {
      const fn = skipOuter(handler);
      return isFunctionLike(fn) && releasesOnEveryPath(fn, held, release);
    })
  );
}

/** The function releases `held` before anything can leave it (syntax/releaseFirst.ts). */
function releasesOnEveryPath(fn: ts.FunctionLikeDeclaration, held: string, release: Release): boolean {
  return releasesFirst(fn, held, releaseNames(release));
}
