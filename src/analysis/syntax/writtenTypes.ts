/**
 * Members named through written types: `options.otherArgs.headers` from a parameter or local
 * declared `options: CallOptions` is looked up in `CallOptions` itself. Asking the checker at the
 * site instead makes it narrow the root through the whole function first.
 */
import ts from 'typescript';

import { mentions, skipOuter } from './expressions.js';

/**
 * The member a property path names, found through its root's written type (every look-up in a
 * long generated method paid milliseconds the other way). Null when the written type has no such
 * member (an index signature's key); undefined when the root has no written type.
 */
export function declaredMemberSymbol(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Symbol | null | undefined {
  const path: string[] = [];
  let e: ts.Expression = access;
  while (ts.isPropertyAccessExpression(e)) {
    path.unshift(e.name.text);
    e = skipOuter(e.expression);
  }
  const typeNode = ts.isIdentifier(e) ? writtenTypeOf(e) : undefined;
  if (!typeNode) return undefined;
  let type: ts.Type = checker.getTypeFromTypeNode(typeNode);
  let symbol: ts.Symbol | undefined;
  for (const name of path) {
    symbol = checker.getNonNullableType(type).getProperty(name);
    // Not a declared member (an index signature's key, `any`): no declaration to read.
    if (!symbol) return null;
    type = checker.getTypeOfSymbol(symbol);
  }
  return symbol;
}

/** The written type of the parameter or local `name` names. */
function writtenTypeOf(name: ts.Identifier): ts.TypeNode | undefined {
  for (let current: ts.Node = name.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const parameter = current.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name.text);
      if (parameter) return parameter.type;
    }
    // A local of that name declared on the way out: its written type, if it has one.
    const local = ts.isBlock(current) || ts.isCaseClause(current) ? declarationIn(current.statements, name.text) : undefined;
    if (local) return ts.isVariableDeclaration(local) ? local.type : undefined;
    const loopOrCatch =
      ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current)
        ? current.initializer
        : ts.isCatchClause(current)
          ? current.variableDeclaration
          : undefined;
    if (loopOrCatch && mentions(loopOrCatch, name.text)) return undefined;
  }
  return undefined;
}

/** The declaration of `name` among a block's statements: a variable, a function or a class. */
function declarationIn(statements: ts.NodeArray<ts.Statement>, name: string): ts.Declaration | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      const found = statement.declarationList.declarations.find((declaration) => declaration.name.getText() === name);
      if (found) return found;
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) return statement;
  }
  return undefined;
}
