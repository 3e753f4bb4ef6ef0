/**
 * Two-phase removal: keys collected while iterating a container, each pushed once its value was
 * released, then deleted from a second loop (`for (const [k, t] of threads) if (stale(k)) { t.dispose();
 * keysToRemove.push(k) }  for (const k of keysToRemove) threads.delete(k)`). A key list is only
 * trusted when it is a local made empty in the function and the function does nothing with it but
 * push a name and iterate it: pushed elsewhere (a callback, a helper), copied or handed on, it is not.
 */
import ts from 'typescript';

import { enclosingBody, skipOuter } from '../syntax/expressions.js';
import type { Interpreter } from './interpreter.js';
import { cloneState, placeFact, type State } from './state.js';

const KEY_LISTS = new WeakMap<ts.Node, ReadonlySet<string>>();

/** `keysToRemove.push(key)`: notes whether `key`'s value in the container it keys was released on this path. */
export function notePushedKey(it: Interpreter, call: ts.CallExpression, state: State): void {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'push' || call.arguments.length !== 1) return;
  const list = skipOuter(callee.expression);
  const key = skipOuter(call.arguments[0]!);
  if (!ts.isIdentifier(list) || !keyListsOf(enclosingBody(call)).has(list.text)) return;
  const alias = ts.isIdentifier(key) ? state.aliases.get(key.text) : undefined;
  const container = alias?.kind === 'keyOf' ? alias.container : '';
  const released = container !== '' && state.facts.has(placeFact(container, (key as ts.Identifier).text, '*'));
  const known = it.releasedKeyLists.get(list.text);
  it.releasedKeyLists.set(list.text, {
    container,
    released: released && (known === undefined || (known.released && known.container === container)),
  });
}

/** In `for (const k of keysToRemove)`: each `k` is a key whose value was released, when every push said so. */
export function bindReleasedKey(it: Interpreter, loop: ts.ForOfStatement, state: State): State {
  const list = skipOuter(loop.expression);
  const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
  if (!ts.isIdentifier(list) || !declaration || !ts.isIdentifier(declaration.name)) return state;
  const known = it.releasedKeyLists.get(list.text);
  if (!known?.released || !keyListsOf(enclosingBody(loop)).has(list.text)) return state;
  const next = cloneState(state);
  next.facts.set(placeFact(known.container, declaration.name.text, '*'), { roots: [declaration.name.text] });
  return next;
}

/** The function's trusted key lists: `const keys = []` (or `: K[] = []`) used only as `keys.push(name)` and `for (… of keys)` in its own body. */
function keyListsOf(body: ts.Node): ReadonlySet<string> {
  let lists = KEY_LISTS.get(body);
  if (lists) return lists;
  const declared = new Set<string>();
  const findDeclared = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (node.parent.flags & ts.NodeFlags.Const) !== 0) {
      const value = skipOuter(node.initializer);
      if (ts.isArrayLiteralExpression(value) && value.elements.length === 0 && enclosingBody(node) === body) declared.add(node.name.text);
    }
    ts.forEachChild(node, findDeclared);
  };
  findDeclared(body);
  // Only the names declared so are looked up again, each use asked where it sits.
  const refused = new Set<string>();
  const checkUses = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && declared.has(node.text) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node) && !isAllowedUse(node, body))
      refused.add(node.text);
    ts.forEachChild(node, checkUses);
  };
  if (declared.size > 0) checkUses(body);
  lists = new Set([...declared].filter((name) => !refused.has(name)));
  KEY_LISTS.set(body, lists);
  return lists;
}

/** `list.push(name)` as a statement, or `for (… of list)`, in the function's own body (not a nested function). */
function isAllowedUse(reference: ts.Identifier, body: ts.Node): boolean {
  if (enclosingBody(reference) !== body) return false;
  const parent = reference.parent;
  if (ts.isForOfStatement(parent) && parent.expression === reference) return true;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== reference || parent.name.text !== 'push') return false;
  const call = parent.parent;
  return (
    ts.isCallExpression(call) &&
    call.expression === parent &&
    call.arguments.length === 1 &&
    ts.isIdentifier(skipOuter(call.arguments[0]!)) &&
    ts.isExpressionStatement(call.parent)
  );
}
