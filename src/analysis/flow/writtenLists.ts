/**
 * Lists of keys the code writes out, walked one element at a time: `for (const k of [a, b])` and
 * `[index].forEach((k) => …)` run their body once per element, with `k` spelling that element's
 * key, so a release at `m[k]` is one at `m[a]`, then at `m[b]`; `Object.keys(m).forEach((k) => …)`
 * is read as the loop over the keys it is. A list chosen by a test whose names hold still (`const keys
 * = index !== undefined ? [index] : Object.keys(this.timers)`, then `keys.forEach(…)` or a `for…of`)
 * is walked on each side of the test, as `if` would.
 */
import ts from 'typescript';

import { canonical, isFunctionLike, listedBy, skipOuter, someOutsideFunctions, type CanonicalText } from '../syntax/expressions.js';
import { constInScope } from '../syntax/names.js';
import type { Interpreter } from './interpreter.js';
import { cloneState, join, type State } from './state.js';

/** Past this many elements a written list is walked as any other list. */
const MAX_WRITTEN_KEYS = 4;

/** The elements of a written list of keys (`[a, this.id, 'x']`), each spelling a key. */
export function writtenKeys(expression: ts.Expression): ts.Expression[] | undefined {
  const list = skipOuter(expression);
  if (!ts.isArrayLiteralExpression(list) || list.elements.length === 0 || list.elements.length > MAX_WRITTEN_KEYS) return undefined;
  const keys = list.elements.map(skipOuter);
  return keys.every((key) => !ts.isSpreadElement(key) && isKeySpelling(key)) ? keys : undefined;
}

function isKeySpelling(key: ts.Expression): boolean {
  if (!ts.isIdentifier(key) && !ts.isPropertyAccessExpression(key) && !ts.isStringLiteral(key) && !ts.isNumericLiteral(key)) return false;
  const text = canonical(key);
  return text !== undefined && !text.impure;
}

/**
 * `for (const k of [a, b]) body` (`walked`: the list it walks on this path): the body once per
 * element, when it neither breaks nor continues (each turn then ends at the body's end). Undefined
 * when the loop is not so.
 */
export function walkWrittenLoop(it: Interpreter, node: ts.ForOfStatement, walked: ts.Expression, state: State): State | undefined {
  const keys = writtenKeys(walked);
  const declaration = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0] : undefined;
  if (!keys || !declaration || !ts.isIdentifier(declaration.name) || jumpsOut(node.statement)) return undefined;
  const name = declaration.name;
  return eachKey(it, name, keys, state, (start) => it.statement(node.statement, start));
}

/**
 * `[a, b].forEach((k) => body)`: the callback's body once per element (a `return` ends that turn);
 * `Object.keys(m).forEach((k) => body)`: every key's value released when the body releases the one
 * at `k`, as a loop over the keys does; the same over a list chosen by a test, on each side of it.
 * Undefined when the call is none of these.
 */
export function walkKeysForEach(it: Interpreter, list: ts.Expression, callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State | undefined {
  const [parameter] = callback.parameters;
  if (!parameter || !ts.isIdentifier(parameter.name) || callback.parameters.length > 1) return undefined;
  const name = parameter.name;
  const walk = (side: ts.Expression, start: State): State | undefined => {
    const keys = writtenKeys(side);
    if (keys) return eachKey(it, name, keys, start, (turn) => it.inline(callback, turn));
    const owner = listedBy(side, 'keys');
    return owner ? everyKeyOf(it, owner, name.text, callback, start) : undefined;
  };
  const walked = walk(list, state);
  if (walked) return walked;
  const chosen = chosenList(it, list);
  if (!chosen) return undefined;
  const [whenTrue, whenFalse] = it.condition(chosen.test, state);
  const sides = [walk(chosen.whenTrue, whenTrue), walk(chosen.whenFalse, whenFalse)];
  return sides.every((side) => side !== undefined) ? join(sides as State[]) : undefined;
}

/** The body run for any key of `owner`: each slot it releases at that key is released for every value. */
function everyKeyOf(it: Interpreter, owner: ts.Expression, name: string, callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State | undefined {
  const container = canonical(owner);
  if (!container || container.impure) return undefined;
  const end = it.nested().run(callback.body, it.kill([name], state));
  return end.dead ? state : releaseAtEveryKey(it, container, name, end, state);
}

/** Each slot of `container` that a turn ending in `turnEnd` released at key `name`, released in `state` for every value. */
export function releaseAtEveryKey(it: Interpreter, container: CanonicalText, name: string, turnEnd: State, state: State): State {
  const prefix = `p\u0000${container.text}\u0000${name}\u0000`;
  let next = state;
  for (const fact of turnEnd.facts.keys())
    if (fact.startsWith(prefix))
      next = it.releaseMany({ kind: 'container', container: container.text, roots: container.roots }, fact.slice(prefix.length), next);
  return next;
}

/** Runs `turn` once per key, `name` spelling that key in it; the name is forgotten after. */
function eachKey(it: Interpreter, name: ts.Identifier, keys: readonly ts.Expression[], state: State, turn: (start: State) => State): State {
  let current = state;
  for (const key of keys) {
    const end = turn(it.bind(name, key, current));
    current = end.dead ? end : spelledAs(end, name.text, key);
  }
  return it.kill([name.text], current);
}

/** What the state knows of a place at key `name` (`m[name]`, `m[name.id]`), known too of the place at `key`. */
function spelledAs(state: State, name: string, key: ts.Expression): State {
  const text = canonical(key)!;
  const next = cloneState(state);
  for (const [fact, value] of state.facts) {
    const parts = fact.split('\u0000');
    const [kind, , placeKey] = parts;
    if (kind !== 'p' || placeKey === undefined || (placeKey !== name && !placeKey.startsWith(`${name}.`))) continue;
    parts[2] = text.text + placeKey.slice(name.length);
    next.facts.set(parts.join('\u0000'), { ...value, roots: [...value.roots.filter((root) => root !== name), ...text.roots] });
  }
  return next;
}

/** `const keys = test ? [index] : Object.keys(m)`, declared before in the same function, its test's names holding still. */
export function chosenList(it: Interpreter, list: ts.Expression): { test: ts.Expression; whenTrue: ts.Expression; whenFalse: ts.Expression } | undefined {
  const name = skipOuter(list);
  if (!ts.isIdentifier(name) || !it.helpers.isStableName(name)) return undefined;
  const initializer = constInScope(name)?.initializer;
  const chosen = initializer && skipOuter(initializer);
  if (!chosen || !ts.isConditionalExpression(chosen) || !namesHoldStill(it, chosen.condition)) return undefined;
  return { test: chosen.condition, whenTrue: chosen.whenTrue, whenFalse: chosen.whenFalse };
}

/** Every name the test reads is a `const` or a parameter nothing assigns: the test answers the same at the walk. */
function namesHoldStill(it: Interpreter, test: ts.Expression): boolean {
  let still = true;
  const visit = (node: ts.Node): void => {
    if (!still) return;
    // A field or a call may answer otherwise by the time of the walk.
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || isFunctionLike(node)) {
      still = false;
      return;
    }
    if (ts.isIdentifier(node) && node.text !== 'undefined' && !it.helpers.isStableName(node)) still = false;
    ts.forEachChild(node, visit);
  };
  visit(test);
  return still;
}

/** A `break` or `continue` outside nested functions: a turn that may not end at the body's end. */
function jumpsOut(body: ts.Statement): boolean {
  return someOutsideFunctions(body, (node) => ts.isBreakStatement(node) || ts.isContinueStatement(node));
}
