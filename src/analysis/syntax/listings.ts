/**
 * Lists of every value of a container, written as one array: `[].concat(...m.values())`,
 * `[...m.values()].flat()`, and methods of the object that return such a list
 * (`all() { let list = []; list = list.concat(...this.byFolder.values()); return list }`).
 * Read from the text alone, once per method.
 */
import ts from 'typescript';

import { enclosingBody, isEmptyContainerExpression, ownMethodCalled, returnedExpressions, skipOuter } from './expressions.js';
import { readBindings } from './names.js';

/**
 * `[].concat(...lists)` and `lists.flat()`: the lists whose elements the call puts in one list.
 * Releasing each element releases every list whole, and where the lists are single values, each value.
 */
export function flattenedSource(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (callee.name.text === 'flat' && call.arguments.length <= 1) return callee.expression;
  const [only] = call.arguments;
  if (callee.name.text !== 'concat' || call.arguments.length !== 1 || !only || !ts.isSpreadElement(only)) return undefined;
  return isEmptyContainerExpression(callee.expression) || startsEmpty(callee.expression, call) ? only.expression : undefined;
}

/** `list` in `list = list.concat(…)`, where `let list = []` and this is the only other value it gets. */
function startsEmpty(receiver: ts.Expression, call: ts.CallExpression): boolean {
  const name = skipOuter(receiver);
  const assignment = call.parent;
  if (!ts.isIdentifier(name) || !ts.isBinaryExpression(assignment) || assignment.right !== call) return false;
  const left = skipOuter(assignment.left);
  if (!ts.isIdentifier(left) || left.text !== name.text) return false;
  const bindings = readBindings(enclosingBody(call)).get(name.text);
  return bindings !== undefined && !bindings.changed && bindings.values.every((value) => value === call || isEmptyContainerExpression(value));
}

const LISTINGS = new WeakMap<ts.MethodDeclaration, ts.Expression | null>();

/**
 * `this.all()`: the one expression the method's result is made of, when the method returns a single
 * expression or a local given one value beside empty ones. The caller asks whether it lists a container.
 */
export function listingReturnedBy(call: ts.CallExpression): ts.Expression | undefined {
  if (call.arguments.length > 0) return undefined;
  const method = ownMethodCalled(call);
  if (!method) return undefined;
  let found = LISTINGS.get(method);
  if (found === undefined) LISTINGS.set(method, (found = readListing(method) ?? null));
  return found ?? undefined;
}

function readListing(method: ts.MethodDeclaration): ts.Expression | undefined {
  const [returned, ...others] = returnedExpressions(method);
  if (!returned || others.length > 0) return undefined;
  const e = skipOuter(returned);
  if (!ts.isIdentifier(e)) return e;
  const bindings = readBindings(method).get(e.text);
  if (!bindings?.declared || bindings.changed) return undefined;
  const filled = bindings.values.filter((value) => !isEmptyContainerExpression(value));
  return filled.length === 1 ? filled[0] : undefined;
}
