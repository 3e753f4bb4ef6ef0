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
import { enclosingBody, isFunctionLike, isPromiseContinuation, isPromiseExecutor, propertyNameOf, propertyValueOf, skipOuter } from '../syntax/expressions.js';
import { isEndEvent, isEndHandlerProperty, isEndHookMethod, LISTENER_METHODS } from '../syntax/endOfLife.js';
import { releasesFirst } from '../syntax/releaseFirst.js';

/**
 * Of the record fields `fields`, those some function field of every inserted record releases, by
 * the name of that function field: `resolve` → [`timer`]; or a method of a field's handle that the
 * function making the record replaced (`handle.close = () => { clearInterval(keepAlive); … }`
 * beside `{ handle, keepAlive }`), by field and method: `handle.close` → [`keepAlive`]. Empty when
 * some insertion is not a record literal the code shows (`literalOf` finds it).
 */
export function fieldsReleasedByRecordFunctions(
  insertions: readonly ts.Expression[],
  fields: readonly ResourceField[],
  literalOf: (value: ts.Expression) => ts.ObjectLiteralExpression | undefined,
  session: AnalysisSession,
  /** The methods that end what a field of the record holds (`destroy`, `end` of a socket), owed or not. */
  endsOf: (field: string) => readonly string[] = () => [],
): ReadonlyMap<string, readonly string[]> {
  const records: { released: Map<string, string[]>; lacking: Set<string> }[] = [];
  for (const value of insertions) {
    const literal = literalOf(value);
    if (!literal) return new Map();
    const here = new Map<string, string[]>();
    const note = (method: string, field: string): void => void here.set(method, [...(here.get(method) ?? []), field]);
    const { replaced: replacedMethods, endListeners } = handleHooksOf(literal);
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
        if (releases) note(method, field.name);
      }
      for (const [handleField, replaced] of replacedMethods) {
        if (handleField === field.name) continue;
        for (const [method, fn] of replaced) if (releasesOnEveryPath(fn, held, field.resource.release)) note(`${handleField}.${method}`, field.name);
      }
      // `socket.on('close', () => clearInterval(heartbeat))` beside `{ socket, heartbeat }`: ending the socket releases the heartbeat.
      for (const [handleField, listeners] of endListeners) {
        if (handleField === field.name || !listeners.some((fn) => releasesOnEveryPath(fn, held, field.resource.release))) continue;
        for (const end of endsOf(handleField)) note(`${handleField}.${end}`, field.name);
      }
    }
    records.push({ released: here, lacking: lackedFields(literal, fields) });
  }
  return everyRecordReleases(records);
}

/**
 * The functions that release a field in every record: each record releases it through that
 * function, or has no such field at all (`{ owner, handle }` beside `{ owner, handle, keepAlive }`
 * owes no keep-alive).
 */
function everyRecordReleases(records: readonly { released: Map<string, string[]>; lacking: Set<string> }[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { released } of records) {
    for (const [method, fields] of released) {
      for (const field of fields) {
        if (found.get(method)?.includes(field)) continue;
        if (records.every((record) => record.lacking.has(field) || record.released.get(method)?.includes(field)))
          found.set(method, [...(found.get(method) ?? []), field]);
      }
    }
  }
  return found;
}

/** The fields a literal has no property for, when nothing is spread into it. */
function lackedFields(literal: ts.ObjectLiteralExpression, fields: readonly ResourceField[]): Set<string> {
  if (literal.properties.some(ts.isSpreadAssignment)) return new Set();
  const named = new Set(literal.properties.map(propertyNameOf));
  return new Set(fields.filter((field) => !named.has(field.name)).map((field) => field.name));
}

/** What the function that writes a record does to the handles its fields are given, by field. */
interface HandleHooks {
  /** `handle.close = async () => { … }`: the methods put in place of a handle's own. */
  replaced: Map<string, Map<string, ts.FunctionLikeDeclaration>>;
  /**
   * `socket.on('close', fn)`, `child.once('exit', fn)`, `conn.onClose(fn)`, `ws.onclose = fn`: the
   * listeners that run as the handle ends. Not `'error'`, which no release of the handle emits.
   */
  endListeners: Map<string, ts.FunctionLikeDeclaration[]>;
}

/**
 * One walk of the function that writes the record `{ handle, … }` (not of the functions it defines),
 * for what it does to the locals the record's fields are given.
 */
function handleHooksOf(literal: ts.ObjectLiteralExpression): HandleHooks {
  const hooks: HandleHooks = { replaced: new Map(), endListeners: new Map() };
  const body = enclosingBody(literal);
  const fieldOfLocal = fieldsByLocal(literal);
  if (fieldOfLocal.size < 2 || !isFunctionLike(body) || !body.body) return hooks;
  const fieldOf = (owner: ts.Expression): string | undefined => {
    const e = skipOuter(owner);
    return ts.isIdentifier(e) ? fieldOfLocal.get(e.text) : undefined;
  };
  const listen = (owner: ts.Expression, fn: ts.Expression | undefined): void => {
    const field = fieldOf(owner);
    const listener = fn && skipOuter(fn);
    if (field !== undefined && listener && isFunctionLike(listener)) hooks.endListeners.set(field, [...(hooks.endListeners.get(field) ?? []), listener]);
  };
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
      const callee = skipOuter(node.expression) as ts.PropertyAccessExpression;
      const [first, second] = node.arguments;
      const event = first && skipOuter(first);
      if (LISTENER_METHODS.has(callee.name.text) && event && ts.isStringLiteralLike(event) && isEndEvent(event.text) && event.text !== 'error')
        listen(callee.expression, second);
      else if (isEndHookMethod(callee.name.text) && !/error/i.test(callee.name.text)) listen(callee.expression, first);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = skipOuter(node.left);
      const fn = skipOuter(node.right);
      const field = ts.isPropertyAccessExpression(target) ? fieldOf(target.expression) : undefined;
      if (field !== undefined && isFunctionLike(fn)) {
        const methods = hooks.replaced.get(field) ?? new Map<string, ts.FunctionLikeDeclaration>();
        methods.set((target as ts.PropertyAccessExpression).name.text, fn);
        hooks.replaced.set(field, methods);
      }
      if (ts.isPropertyAccessExpression(target) && isEndHandlerProperty(target.name.text)) listen(target.expression, node.right);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body.body, visit);
  return hooks;
}

/** `{ handle, keepAlive: timer }`: each field given a local, by that local (`timer` → `keepAlive`). */
function fieldsByLocal(literal: ts.ObjectLiteralExpression): Map<string, string> {
  const fieldOfLocal = new Map<string, string>();
  for (const property of literal.properties) {
    const field = propertyNameOf(property);
    const local = field !== undefined ? heldName(literal, field) : undefined;
    if (field !== undefined && local !== undefined) fieldOfLocal.set(local, field);
  }
  return fieldOfLocal;
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
  const given = propertyValueOf(property);
  const value = given && skipOuter(given);
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
