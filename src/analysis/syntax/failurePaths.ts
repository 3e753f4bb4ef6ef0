/**
 * Paths that end in a failure handed to the caller. In callback-style code the error goes back
 * through a callback the function was given (`callback(error); return`, `reject(err)`,
 * `next(new HttpError(…))`), which is the callback form of a `throw`: the path is abnormal, and
 * abnormal paths owe nothing, as a drop before a `throw` owes nothing.
 *
 * Asked by the flow at each call statement of a name it meets, so the syntax decides first (the
 * callee is a parameter, the first argument could be an error) and the checker is asked only then.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { isFunctionLike, skipOuter } from './expressions.js';

const HANDS_FAILURE = memoTable<ts.CallExpression, boolean>('syntax.handsFailureToCaller');

/** `callback(error)`, `reject(new Error(…))`: a call of a parameter whose first argument is certainly an error. */
export function handsFailureToCaller(call: ts.CallExpression, session: AnalysisSession): boolean {
  const table = session.table(HANDS_FAILURE);
  let answer = table.get(call);
  if (answer === undefined) table.set(call, (answer = readsAsFailure(call, session)));
  return answer;
}

function readsAsFailure(call: ts.CallExpression, session: AnalysisSession): boolean {
  const callee = skipOuter(call.expression);
  const first = call.arguments[0];
  if (!ts.isIdentifier(callee) || !first || !isParameterName(callee)) return false;
  const argument = skipOuter(first);
  if (ts.isIdentifier(argument) && isCatchVariable(argument)) return true;
  if (!ts.isIdentifier(argument) && !ts.isNewExpression(argument) && !ts.isPropertyAccessExpression(argument)) return false;
  return isCertainlyError(argument, session);
}

/** The nearest declaration of the name, looking out through the enclosing functions, is one of their parameters. */
function isParameterName(name: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = name.parent; node; node = node.parent) {
    if (!isFunctionLike(node)) continue;
    if (node.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name.text)) return !isRedeclaredInside(node, name);
  }
  return false;
}

/** A `const callback = …` between the parameter and the call makes the name another variable. */
function isRedeclaredInside(fn: ts.SignatureDeclaration, name: ts.Identifier): boolean {
  for (let node: ts.Node = name.parent; node !== fn; node = node.parent) {
    if (!ts.isBlock(node) && !ts.isSourceFile(node)) continue;
    for (const statement of node.statements) {
      if (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name.text))
        return true;
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name.text) return true;
    }
  }
  return false;
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
