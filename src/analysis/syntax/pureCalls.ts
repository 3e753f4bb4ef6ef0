/**
 * Calls that compute a value from their arguments alone: `this.keyOf(data)` of a method whose body
 * is `return \`${data.id};${data.uri}\``. Two such calls given the same arguments give the same value,
 * so a key computed twice is one key.
 */
import ts from 'typescript';

import { boundNames, canonical, ownMembersOf, skipOuter } from './expressions.js';

const PURE_FUNCTIONS = new WeakMap<ts.Node, boolean>();

/**
 * `this.keyOf(a)` of the class's own method, or `keyOf(a)` of a function the module declares, whose
 * body only returns an expression of its parameters that runs nothing (no call, no `this`), given
 * arguments that run nothing either.
 */
export function isPureComputation(expression: ts.Expression): boolean {
  const call = skipOuter(expression);
  if (!ts.isCallExpression(call) || call.arguments.some((argument) => canonical(argument)?.impure !== false)) return false;
  const fn = calledFunction(call);
  if (!fn) return false;
  let pure = PURE_FUNCTIONS.get(fn);
  if (pure === undefined) PURE_FUNCTIONS.set(fn, (pure = computesFromParameters(fn)));
  return pure;
}

/** The one declaration with a body a call names without the checker: an own method, or a function of the module. */
function calledFunction(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const members = ownMembersOf(callee);
    const [only] = members;
    return members.length === 1 && only && ts.isMethodDeclaration(only) && only.body ? only : undefined;
  }
  if (!ts.isIdentifier(callee)) return undefined;
  const found = moduleFunctions(callee.getSourceFile()).get(callee.text) ?? [];
  const [only] = found;
  return found.length === 1 && only?.body ? only : undefined;
}

const MODULE_FUNCTIONS = new WeakMap<ts.SourceFile, Map<string, ts.FunctionDeclaration[]>>();

/** The function declarations of a module, by name (overloads and implementation together): read once per file. */
function moduleFunctions(file: ts.SourceFile): Map<string, ts.FunctionDeclaration[]> {
  let byName = MODULE_FUNCTIONS.get(file);
  if (byName) return byName;
  byName = new Map();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const list = byName.get(statement.name.text);
    if (list) list.push(statement);
    else byName.set(statement.name.text, [statement]);
  }
  MODULE_FUNCTIONS.set(file, byName);
  return byName;
}

/** `{ return <expression of the parameters> }`: nothing but the parameters read, nothing run. */
function computesFromParameters(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  const [only] = body && ts.isBlock(body) ? body.statements : [];
  if (!body || !ts.isBlock(body) || body.statements.length !== 1 || !only || !ts.isReturnStatement(only) || !only.expression) return false;
  const text = canonical(only.expression);
  if (!text || text.impure || /\bthis\b/.test(text.text)) return false;
  const parameters = new Set(fn.parameters.flatMap((parameter) => boundNames(parameter.name)));
  return text.roots.every((root) => parameters.has(root));
}
