/**
 * A class's own methods that take a value out of one of its containers and hand it back
 * (`pop(): T { const entry = this.oldest_; delete this.entries_[entry.key_]; return entry.value_; }`):
 * what a caller in the class does with their result, it does with the container's value.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { canonical, enclosingBody, isFunctionLike, rootOf, skipOuter } from '../syntax/expressions.js';
import { CONTAINER_PROTOCOLS, insertedValues, readContainerOf, type InsertedArguments } from './kinds.js';

const TAKES = memoTable<ts.Block, Take | null>('containers.takes');

/** Drops that take values out (`delete c[k]`, `c.delete(k)`, `c.pop()`, …), not the ones that empty the container. */
const TAKING_METHODS = new Set(['delete', 'splice', 'pop', 'shift']);

/**
 * `this.pop()` in a class whose `pop()` takes a value out of `this.entries_` and returns it (or a
 * field of it): the container's text; undefined for any other call. `known` keeps the answers of
 * one walk of the class, by method name.
 */
export function containerTakenBy(call: ts.Expression, scope: ts.Node, known: Map<string, string | undefined> = new Map()): string | undefined {
  const e = skipOuter(ts.isAwaitExpression(skipOuter(call)) ? (skipOuter(call) as ts.AwaitExpression).expression : call);
  if (!ts.isClassLike(scope) || !ts.isCallExpression(e)) return undefined;
  const callee = skipOuter(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || skipOuter(callee.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const name = callee.name.text;
  if (known.has(name)) return known.get(name);
  const method = scope.members.find(
    (member): member is ts.MethodDeclaration =>
      ts.isMethodDeclaration(member) && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) && member.name.text === name,
  );
  const container = method?.body ? takenIn(method.body)?.container : undefined;
  known.set(name, container);
  return container;
}

/**
 * The drop `node` is the take of a method that hands the value back (`delete this.entries_[entry.key_];
 * return entry.value_`), returning each of `slots` (`*`: the whole value): the caller has it now.
 */
export function isTakeHandedBack(node: ts.Node, container: string, slots: readonly string[], session: AnalysisSession): boolean {
  const fn = enclosingBody(node);
  if (!ts.isMethodDeclaration(fn) || !fn.body) return false;
  // Once per method: a method of many drops asks at each of them.
  const body = fn.body;
  const taken = session.memo(TAKES, body, () => takenIn(body));
  return (
    taken !== undefined && taken.call === node && taken.container === container && (taken.fields.has('*') || slots.every((slot) => taken.fields.has(slot)))
  );
}

/**
 * Some method of the class takes a value out of `container` and returns it (`checkout() { return
 * this.free.shift() }`): the container lends its values, and its callers hold the ones it gave them.
 */
export function lendsItsValues(container: string, owner: ts.ClassLikeDeclaration, session: AnalysisSession): boolean {
  return owner.members.some(
    (member) =>
      ts.isMethodDeclaration(member) && member.body !== undefined && session.memo(TAKES, member.body, () => takenIn(member.body!))?.container === container,
  );
}

interface Take {
  container: string;
  /** The drop that takes the value. */
  call: ts.Node;
  /** What the returns hand back: `*` for the whole value, else the fields of it. */
  fields: Set<string>;
}

/** The `this.` container the body takes a value out of and returns, when it does exactly that once. */
function takenIn(body: ts.Block): Take | undefined {
  let taken: { container: string; key: ts.Expression | undefined; call: ts.Node } | undefined;
  let several = false;
  const returned: ts.Expression[] = [];
  const reads = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    const take = takeOf(node);
    if (take) {
      several ||= taken !== undefined;
      taken ??= take;
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const read = readContainerOf(node.initializer);
      if (read !== undefined) reads.set(node.name.text, read);
    }
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(body);
  if (!taken || several || !taken.container.startsWith('this.') || returned.length === 0) return undefined;
  const { container, key, call } = taken;
  const keyRoot = key && rootOf(key);
  const fields = new Set<string>();
  /** What `expression` hands back of the taken value: `*`, a field's name, or nothing. */
  const handedBack = (expression: ts.Expression): string | undefined => {
    const e = skipOuter(expression);
    // `return this.list.pop()`, `return this.list.splice(i, 1)[0]` — not `return this.map.delete(k)`, a boolean.
    if ((e === call || (ts.isElementAccessExpression(e) && skipOuter(e.expression) === call)) && returnsTaken(call)) return '*';
    if (readContainerOf(e) === container) return '*';
    const root = rootOf(e);
    // `return entry.value_` where the key was `entry.key_`, or `return v` where `const v = this.c.get(k)`.
    const fromTaken =
      ts.isIdentifier(root) &&
      ((keyRoot !== undefined && keyRoot !== key && ts.isIdentifier(keyRoot) && keyRoot.text === root.text) || reads.get(root.text) === container);
    if (!fromTaken) return undefined;
    if (e === root) return '*';
    return ts.isPropertyAccessExpression(e) && skipOuter(e.expression) === root ? e.name.text : undefined;
  };
  for (const expression of returned) {
    const field = handedBack(expression);
    if (field === undefined) return undefined;
    fields.add(field);
  }
  return { container, call, fields };
}

function takeOf(node: ts.Node): { container: string; key: ts.Expression | undefined; call: ts.Node } | undefined {
  if (ts.isDeleteExpression(node)) {
    const target = skipOuter(node.expression);
    const container = ts.isElementAccessExpression(target) ? canonical(target.expression) : undefined;
    return container && !container.impure
      ? { container: container.text, key: (target as ts.ElementAccessExpression).argumentExpression, call: node }
      : undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !TAKING_METHODS.has(callee.name.text)) return undefined;
  const container = canonical(callee.expression);
  return container && !container.impure ? { container: container.text, key: node.arguments[0], call: node } : undefined;
}

/** `pop()`, `shift()`, `splice()`: a take whose result is what it took. */
function returnsTaken(call: ts.Node): boolean {
  const callee = ts.isCallExpression(call) ? skipOuter(call.expression) : undefined;
  return callee !== undefined && ts.isPropertyAccessExpression(callee) && callee.name.text !== 'delete';
}

const LENDS = memoTable<ts.FunctionLikeDeclaration, boolean>('containers.lendsWhatItReturns');
/** How the built-in containers take a value in (`push`, `unshift`, `add`, `set`): how a pool is given one back. */
const BUILTIN_INSERTS: ReadonlyMap<string, InsertedArguments> = new Map(
  Object.values(CONTAINER_PROTOCOLS).flatMap((protocol) => Object.entries(protocol.inserts)),
);

/**
 * `TexturePool.getOptimalTexture(w, h)` of a pool: a method that hands out a value it takes out of
 * one of its object's own containers (`let t = this.pool[key].pop(); if (!t) t = make(); return t`),
 * in a class where another method puts a value it is handed back into that container
 * (`returnTexture(t) { this.pool[key].push(t) }`). The pool lends what it returns: whoever keeps
 * it gives it back, and does not end it.
 */
export function lendsWhatItReturns(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  return session.memo(LENDS, fn, () => computeLendsWhatItReturns(fn))!;
}

function computeLendsWhatItReturns(fn: ts.FunctionLikeDeclaration): boolean {
  const owner = fn.parent;
  if (!ts.isMethodDeclaration(fn) || !fn.body || !owner || !ts.isClassLike(owner)) return false;
  const takenFrom = new Set<string>();
  const takes: ts.Node[] = [];
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    const field = ts.isCallExpression(node) ? ownFieldTakenBy(node) : undefined;
    if (field !== undefined) {
      takenFrom.add(field);
      takes.push(node);
    }
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  // `let t = this.pool[key].pop()`: the locals a take is given.
  const takenInto = new Set(
    takes.flatMap((take) => {
      let holder = take.parent;
      while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isNonNullExpression(holder)) holder = holder.parent;
      return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? [holder.name.text] : [];
    }),
  );
  if (takenFrom.size !== 1 || returned.length === 0) return false;
  const isTaken = (expression: ts.Expression): boolean => {
    const e = skipOuter(expression);
    // `return made ?? new Made()`: taken, or made when the lists are empty.
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return isTaken(e.left);
    return takes.includes(e) || (ts.isIdentifier(e) && takenInto.has(e.text));
  };
  const handsOutTaken = returned.every(isTaken);
  if (!handsOutTaken) return false;
  const [pool] = takenFrom;
  return owner.members.some((member) => member !== fn && ts.isMethodDeclaration(member) && member.body !== undefined && givesBackInto(member, pool!));
}

/** `this.pool[key].pop()`, `this.free.shift()`: the field of `this` whose list the call takes from. */
function ownFieldTakenBy(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'pop' && callee.name.text !== 'shift')) return undefined;
  return ownFieldOf(callee.expression);
}

/** `pool` of `this.pool`, `this.pool[key]`, `this.pool.byKind[key]`. */
function ownFieldOf(expression: ts.Expression): string | undefined {
  let e = skipOuter(expression);
  while (ts.isElementAccessExpression(e) || (ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind !== ts.SyntaxKind.ThisKeyword)) {
    e = skipOuter(e.expression);
  }
  return ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

/** `returnTexture(t) { this.pool[key].push(t) }`: the method puts one of its parameters into the field's lists. */
function givesBackInto(method: ts.MethodDeclaration, field: string): boolean {
  const parameters = new Set(method.parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])));
  if (parameters.size === 0) return false;
  let gives = false;
  const visit = (node: ts.Node): void => {
    if (gives || isFunctionLike(node)) return;
    const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
    const how = callee && ts.isPropertyAccessExpression(callee) ? BUILTIN_INSERTS.get(callee.name.text) : undefined;
    if (how && ownFieldOf((callee as ts.PropertyAccessExpression).expression) === field) {
      gives = insertedValues(how, (node as ts.CallExpression).arguments).some((value) => {
        const e = skipOuter(value);
        return ts.isIdentifier(e) && parameters.has(e.text);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(method.body!);
  return gives;
}
