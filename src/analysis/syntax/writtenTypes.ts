/**
 * Members named through declared types: `options.otherArgs.headers` from a parameter or local
 * declared `options: CallOptions` is looked up in `CallOptions` itself, and from `const options =
 * make()` in the type of that declaration. Asking the checker at the site instead makes it narrow
 * the root through the whole function first.
 */
import ts from 'typescript';

import { isStaticMember, mentions, skipOuter } from './expressions.js';

/**
 * `new Engine(logger)`: the class's own type, read from its declaration. Typing the expression
 * checks its arguments and infers its type arguments (a generic engine over a union of hundreds of
 * events, a cache's options with their callbacks); which class it makes does not depend on them.
 */
export function declaredClassOfNew(e: ts.Expression, checker: ts.TypeChecker): ts.Type | undefined {
  const symbol = ts.isNewExpression(e) ? classSymbolOfNew(e, checker) : undefined;
  return symbol && checker.getDeclaredTypeOfSymbol(symbol);
}

/**
 * `new ToolResult(parts)` of a class without type parameters: that class's own type, which is the
 * expression's type too. Typing the expression would check each argument first (a large object
 * literal, a closure), and the checker at the initializer pays for all of it.
 */
export function typeOfPlainNew(initializer: ts.Expression, checker: ts.TypeChecker): ts.Type | undefined {
  let e = initializer;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const symbol = ts.isNewExpression(e) ? classSymbolOfNew(e, checker) : undefined;
  const generic = symbol?.declarations?.some(
    (declaration) => (ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration)) && (declaration.typeParameters?.length ?? 0) > 0,
  );
  return symbol && generic === false ? checker.getDeclaredTypeOfSymbol(symbol) : undefined;
}

/** The class of the program a `new` makes: its declaration, outside declaration files. */
export function programClassOfNew(made: ts.NewExpression, checker: ts.TypeChecker): ts.ClassLikeDeclaration | undefined {
  const declaration = classSymbolOfNew(made, checker)?.valueDeclaration;
  return declaration && ts.isClassLike(declaration) && !declaration.getSourceFile().isDeclarationFile ? declaration : undefined;
}

/** The class a `new` names (through an import's alias), from its symbol alone. */
export function classSymbolOfNew(e: ts.NewExpression, checker: ts.TypeChecker): ts.Symbol | undefined {
  let symbol = checker.getSymbolAtLocation(e.expression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol && symbol.flags & ts.SymbolFlags.Class ? symbol : undefined;
}

/**
 * The member a property path names, found through its root's declared type (every look-up in a
 * long generated method paid milliseconds the other way). Null when a written type has no such
 * member (an index signature's key); undefined when the root has no declared type to read, or an
 * inferred one lacks the member (the checker at the site then decides).
 */
export function declaredMemberSymbol(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Symbol | null | undefined {
  const path: string[] = [];
  let e: ts.Expression = access;
  let asserted: ts.TypeNode | undefined;
  while (ts.isPropertyAccessExpression(e)) {
    path.unshift(e.name.text);
    // `(info as CachedInfo).cacheControl`: the written type answers, not the inferred one asserted over.
    asserted = assertedType(e.expression);
    if (asserted) break;
    e = skipOuter(e.expression);
  }
  const root = asserted
    ? { type: checker.getTypeFromTypeNode(asserted), written: true }
    : ts.isIdentifier(e)
      ? declaredRootType(e, checker)
      : e.kind === ts.SyntaxKind.ThisKeyword
        ? instanceTypeOfThis(e, checker)
        : undefined;
  if (!root) return undefined;
  let type = root.type;
  let symbol: ts.Symbol | undefined;
  for (const name of path) {
    symbol = checker.getNonNullableType(type).getProperty(name);
    // Not a declared member (an index signature's key, `any`): no declaration to read.
    if (!symbol) return root.written ? null : undefined;
    type = checker.getTypeOfSymbol(symbol);
  }
  return symbol;
}

/**
 * `this` in a member of a class (or an arrow function inside one): the class's declared instance
 * type. Typing `this.element` at the site would narrow it through the whole method first.
 */
function instanceTypeOfThis(node: ts.Node, checker: ts.TypeChecker): { type: ts.Type; written: boolean } | undefined {
  for (let current: ts.Node = node.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isClassLike(current)) {
      const symbol = current.name ? checker.getSymbolAtLocation(current.name) : undefined;
      return symbol ? { type: checker.getDeclaredTypeOfSymbol(symbol), written: false } : undefined;
    }
    // A static member's `this` is the class itself; a function of its own (not an arrow, not a
    // member of the class) binds its own.
    if (isStaticMember(current) || ts.isClassStaticBlockDeclaration(current)) return undefined;
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassLike(current.parent)) return undefined;
  }
  return undefined;
}

/** The type an assertion writes (`x as T`, `<T>x`, inside parentheses); none for `as const`. */
function assertedType(expression: ts.Expression): ts.TypeNode | undefined {
  let e = expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isAsExpression(e) && !ts.isTypeAssertionExpression(e)) return undefined;
  const constant = ts.isTypeReferenceNode(e.type) && ts.isIdentifier(e.type.typeName) && e.type.typeName.text === 'const';
  return constant ? undefined : e.type;
}

/**
 * The type a parameter or local is declared with: written, or for a local without one (`const
 * cloned = table.clone()`) the type of its declaration — never the type narrowed at the site, which
 * makes the checker walk the whole function before it.
 */
function declaredRootType(name: ts.Identifier, checker: ts.TypeChecker): { type: ts.Type; written: boolean } | undefined {
  const declaration = nearestDeclaration(name);
  if (!declaration) return undefined;
  if (declaration.type) return { type: checker.getTypeFromTypeNode(declaration.type), written: true };
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name)) return undefined;
  const made = typeOfPlainNew(declaration.initializer, checker);
  if (made) return { type: made, written: false };
  const symbol = checker.getSymbolAtLocation(declaration.name);
  return symbol && { type: checker.getTypeOfSymbol(symbol), written: false };
}

/** The parameter or local `name` names, found on the way out; undefined for anything else (a loop or catch variable, a function). */
function nearestDeclaration(name: ts.Identifier): ts.ParameterDeclaration | ts.VariableDeclaration | undefined {
  for (let current: ts.Node = name.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const parameter = current.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name.text);
      if (parameter) return parameter;
    }
    const local = ts.isBlock(current) || ts.isCaseClause(current) ? declarationIn(current.statements, name.text) : undefined;
    if (local) return ts.isVariableDeclaration(local) ? local : undefined;
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
