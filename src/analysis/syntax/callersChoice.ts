/**
 * Code that runs only when the caller of the function around it asks for it through an argument:
 * `destroy(options) { if (options?.texture) this.textures.forEach((t) => t.destroy()) }`. Whether
 * the values are destroyed is the caller's decision there, so the release says nothing about who
 * owns them. Names are resolved as every room resolves them (names.ts).
 */
import ts from 'typescript';

import type { AnalysisSession } from '../session.js';
import { isFunctionLike } from './expressions.js';
import { declarationOf } from './names.js';

/** How many `const` steps a condition may take back to the parameters (`const destroy = options?.texture`). */
const MAX_CONST_STEPS = 2;

/** `node` sits on the taken side of an `if`, `?:` or `&&` whose test reads nothing but parameters of the functions around it. */
export function runsOnlyAtCallersChoice(node: ts.Node, session: AnalysisSession): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent && !ts.isClassLike(parent) && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    const condition = test(parent, child);
    if (condition && readsOnlyParameters(condition, session, 0)) return true;
  }
  return false;
}

/** The test that must hold for `child` to run: of an `if` it is the branch taken of, a `?:`'s first branch, the right of `&&`. */
function test(parent: ts.Node, child: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(parent)) return parent.thenStatement === child ? parent.expression : undefined;
  if (ts.isConditionalExpression(parent)) return parent.whenTrue === child ? parent.condition : undefined;
  const and = ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child;
  return and ? parent.left : undefined;
}

/** Every name `expression` reads is a parameter, or a `const` made from parameters alone; and it reads one at least. */
function readsOnlyParameters(expression: ts.Expression, session: AnalysisSession, steps: number): boolean {
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
      if (node.text !== 'undefined' && !isParameterOrConstOfParameters(node, session, steps)) other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return names > 0 && !other;
}

function isParameterOrConstOfParameters(name: ts.Identifier, session: AnalysisSession, steps: number): boolean {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind === 'parameter') return true;
  const [value] = declaration?.bindings.values ?? [];
  return (
    declaration?.kind === 'variable' &&
    declaration.bindings.constant &&
    declaration.bindings.values.length === 1 &&
    steps < MAX_CONST_STEPS &&
    readsOnlyParameters(value!, session, steps + 1)
  );
}
