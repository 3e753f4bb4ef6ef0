/**
 * Code that runs only when the caller of the function around it asks for it through an argument:
 * `destroy(options) { if (options?.texture) this.textures.forEach((t) => t.destroy()) }`. Whether
 * the values are destroyed is the caller's decision there, so the release says nothing about who
 * owns them. Read from the syntax alone.
 */
import ts from 'typescript';

import { boundNames, isFunctionLike, skipOuter } from './expressions.js';

/** How many `const` steps a condition may take back to the parameters (`const destroy = options?.texture`). */
const MAX_CONST_STEPS = 2;

/** `node` sits on the taken side of an `if`, `?:` or `&&` whose test reads nothing but parameters of the functions around it. */
export function runsOnlyAtCallersChoice(node: ts.Node): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent && !ts.isClassLike(parent) && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    const test = ts.isIfStatement(parent)
      ? parent.thenStatement === child
        ? parent.expression
        : undefined
      : ts.isConditionalExpression(parent)
        ? parent.whenTrue === child
          ? parent.condition
          : undefined
        : ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child
          ? parent.left
          : undefined;
    if (test && readsOnlyParameters(test, 0)) return true;
  }
  return false;
}

/** Every name `expression` reads is a parameter, or a `const` made from parameters alone; and it reads one at least. */
function readsOnlyParameters(expression: ts.Expression, steps: number): boolean {
  let names = 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || ts.isCallExpression(node) || isFunctionLike(node)) {
      other = true;
      return;
    }
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
    if (ts.isIdentifier(node)) {
      names++;
      if (!isParameterOrConstOfParameters(node, steps)) other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return names > 0 && !other;
}

function isParameterOrConstOfParameters(name: ts.Identifier, steps: number): boolean {
  if (name.text === 'undefined') return true;
  for (let scope: ts.Node | undefined = name.parent; scope && !ts.isClassLike(scope) && !ts.isSourceFile(scope); scope = scope.parent) {
    if (isFunctionLike(scope) && scope.parameters.some((parameter) => boundNames(parameter.name).includes(name.text))) return true;
    if (!ts.isBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (statement.pos >= name.pos || !ts.isVariableStatement(statement)) continue;
      if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name.text) continue;
        return steps < MAX_CONST_STEPS && declaration.initializer !== undefined && readsOnlyParameters(skipOuter(declaration.initializer), steps + 1);
      }
    }
  }
  return false;
}
