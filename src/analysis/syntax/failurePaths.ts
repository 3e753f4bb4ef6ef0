/**
 * Paths that end in a failure handed to the caller. In callback-style code the error goes back
 * through a callback the function was given (`callback(error); return`, `reject(err)`,
 * `next(new HttpError(…))`), which is the callback form of a `throw`: the path is abnormal, and
 * abnormal paths owe nothing, as a drop before a `throw` owes nothing.
 *
 * Asked by the flow at each call it meets as a statement or returned, so the syntax decides first
 * (the callee is a parameter, the first argument could be an error; or `Promise.reject`) and the
 * checker is asked only then.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { isFunctionLike, isIdentifierNamed, skipOuter } from './expressions.js';

const HANDS_FAILURE = memoTable<ts.CallExpression, boolean>('syntax.handsFailureToCaller');

/**
 * `callback(error)`, `reject(new Error(…))`: a call of a parameter whose first argument is certainly
 * an error; or, returned, `Promise.reject(…)`, which fails whatever it is given.
 */
export function handsFailureToCaller(call: ts.CallExpression, session: AnalysisSession): boolean {
  const table = session.table(HANDS_FAILURE);
  let answer = table.get(call);
  if (answer === undefined) table.set(call, (answer = readsAsFailure(call, session)));
  return answer;
}

function readsAsFailure(call: ts.CallExpression, session: AnalysisSession): boolean {
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return isGlobalPromiseReject(callee, session) && isReturned(call);
  const first = call.arguments[0];
  if (!ts.isIdentifier(callee) || !first || !isParameter(callee, session)) return false;
  const argument = skipOuter(first);
  if (ts.isIdentifier(argument) && isCatchVariable(argument)) return true;
  if (!ts.isIdentifier(argument) && !ts.isNewExpression(argument) && !ts.isPropertyAccessExpression(argument)) return false;
  return isCertainlyError(argument, session);
}

function isReturned(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  return ts.isReturnStatement(node.parent);
}

/** `Promise.reject` of the standard library, not of a local `Promise`. */
function isGlobalPromiseReject(callee: ts.PropertyAccessExpression, session: AnalysisSession): boolean {
  const receiver = skipOuter(callee.expression);
  if (callee.name.text !== 'reject' || !isIdentifierNamed(receiver, 'Promise')) return false;
  const declarations = session.checker.getSymbolAtLocation(receiver)?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/**
 * The name is a parameter: some function around it has one so named (the syntax, first), and the
 * checker resolves it there, not to a local of a nested block (`const callback = …`) that hides it.
 */
function isParameter(name: ts.Identifier, session: AnalysisSession): boolean {
  let named = false;
  for (let node: ts.Node | undefined = name.parent; node && !named; node = node.parent) {
    named = isFunctionLike(node) && node.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name.text);
  }
  const declaration = named ? session.checker.getSymbolAtLocation(name)?.valueDeclaration : undefined;
  return declaration !== undefined && ts.isParameter(declaration);
}

/** `catch (err) { …; callback(err) }`: what was thrown, passed on. */
function isCatchVariable(name: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = name.parent; node && !isFunctionLike(node); node = node.parent) {
    if (ts.isCatchClause(node)) {
      const declared = node.variableDeclaration?.name;
      return declared !== undefined && ts.isIdentifier(declared) && declared.text === name.text;
    }
  }
  return false;
}

/**
 * Every member of the argument's type is an `Error` (it has `name`, `message` and `stack`), and none
 * is `null` or `undefined`: `callback(err)` of an `err: Error | null` not tested first may be the
 * success path. Without strict null checks a possibly-null name cannot be told apart, so only a
 * new error counts there.
 */
function isCertainlyError(argument: ts.Expression, session: AnalysisSession): boolean {
  const { checker, program } = session;
  const options = program.getCompilerOptions();
  const strictNulls = options.strictNullChecks ?? options.strict ?? false;
  if (!strictNulls && !ts.isNewExpression(argument)) return false;
  const type = checker.getTypeAtLocation(argument);
  const members = type.isUnion() ? type.types : [type];
  return members.every((member) => {
    if (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Void)) return false;
    return ['name', 'message', 'stack'].every((property) => checker.getPropertyOfType(member, property) !== undefined);
  });
}
