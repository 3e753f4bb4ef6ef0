/**
 * Methods that only look a key up in a container of their object: `projectsFor(folder) { if (folder)
 * return this.projects.get(folder); return undefined }`, or get the value there and make and store
 * it when missing. A call `this.projectsFor(f)` reads what `this.projects.get(f)` reads. Read from
 * the method's own text, once per method.
 */
import ts from 'typescript';

import {
  calledMethodName,
  canonical,
  isIdentifierNamed,
  isNullish,
  ownMethodCalled,
  returnedExpressions,
  rootOf,
  skipOuter,
  someOutsideFunctions,
  storeOf,
  writesPath,
} from './expressions.js';

/**
 * The container (a path from `this`) and the index of the parameter that is the key, or that the key
 * is read from (`uri.toString()`: `keyPath` is `.toString()`).
 */
interface LookUp {
  container: ts.Expression;
  key: number;
  keyPath?: string;
}

const LOOK_UPS = new WeakMap<ts.MethodDeclaration, LookUp | null>();

/**
 * `this.projectsFor(folder)` of such a method: the container it reads and the key, as written at the
 * call, with what the method reads from it first (`.toString()`), if anything.
 */
export function lookUpCall(
  call: ts.CallExpression,
  reads: ReadonlySet<string>,
): { container: ts.Expression; key: ts.Expression; keyPath?: string } | undefined {
  const method = ownMethodCalled(call);
  if (!method) return undefined;
  let found = LOOK_UPS.get(method);
  if (found === undefined) LOOK_UPS.set(method, (found = readLookUp(method, reads) ?? null));
  const key = found && call.arguments[found.key];
  return found && key && !ts.isSpreadElement(key) ? { container: found.container, key, ...(found.keyPath && { keyPath: found.keyPath }) } : undefined;
}

function readLookUp(method: ts.MethodDeclaration, reads: ReadonlySet<string>): LookUp | undefined {
  if (!method.body) return undefined;
  const made = readGetOrCreate(method.body, method, reads);
  if (made) return made;
  const fallback = readWithFallback(method.body, method, reads);
  if (fallback) return fallback;
  // `const folder = ws as WorkspaceFolder`: a local that only renames a parameter.
  const renamed = new Map<string, string>();
  if (doesMoreThanRead(method.body, renamed)) return undefined;
  let found: { container: ts.Expression; text: string; key: number; keyPath?: string } | undefined;
  const returned = returnedExpressions(method);
  for (const value of returned) {
    const e = skipOuter(value);
    if (isNullish(e)) continue;
    const read = readOf(e, reads);
    if (!read) return undefined;
    // `this.connections.get(peer.ip)`: the key read off a parameter, as the fallback form reads it.
    const key = ts.isIdentifier(read.key) ? renamedParameter(read.key.text, renamed, method) : parameterPath(read.key, method);
    const container = canonical(read.container);
    if (!key || !container || container.impure || rootOf(read.container).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    if (found && (found.text !== container.text || found.key !== key.key || found.keyPath !== key.keyPath)) return undefined;
    found = { container: read.container, text: container.text, ...key };
  }
  return found && { container: found.container, key: found.key, ...(found.keyPath !== undefined && { keyPath: found.keyPath }) };
}

/** The index of the parameter a name is, or renames (`const folder = ws as WorkspaceFolder`), when the method never reassigns it. */
function renamedParameter(name: string, renamed: ReadonlyMap<string, string>, method: ts.MethodDeclaration): { key: number; keyPath?: string } | undefined {
  const keyName = renamed.get(name) ?? name;
  const key = method.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === keyName);
  return key < 0 || writesPath(method, keyName) ? undefined : { key };
}

/**
 * `let v = this.byKey.get(k); if (!v) { v = new V(); this.byKey.set(k, v) } return v`: a get-or-create.
 * What it returns is the value at `this.byKey[k]` once it has run, whichever branch ran.
 */
function readGetOrCreate(body: ts.Block, method: ts.MethodDeclaration, reads: ReadonlySet<string>): LookUp | undefined {
  const [declared, made, returned, ...rest] = body.statements;
  if (rest.length > 0 || !declared || !made || !returned || !ts.isVariableStatement(declared) || !ts.isIfStatement(made) || made.elseStatement)
    return undefined;
  if (!ts.isReturnStatement(returned) || !returned.expression) return undefined;
  const [variable, ...others] = declared.declarationList.declarations;
  const value = variable && ts.isIdentifier(variable.name) ? variable.name.text : undefined;
  const read = variable?.initializer && readOf(skipOuter(variable.initializer), reads);
  const result = skipOuter(returned.expression);
  if (!value || others.length > 0 || !read || !ts.isIdentifier(read.key) || !ts.isIdentifier(result) || result.text !== value) return undefined;
  const key = method.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === (read.key as ts.Identifier).text);
  const container = canonical(read.container);
  if (key < 0 || !container || container.impure || rootOf(read.container).kind !== ts.SyntaxKind.ThisKeyword || writesPath(method, read.key.text))
    return undefined;
  if (!testsMissing(made.expression, value)) return undefined;
  const branch = ts.isBlock(made.thenStatement) ? made.thenStatement.statements : [made.thenStatement];
  const assignsIt = branch.some((statement) => ts.isExpressionStatement(statement) && assignsName(statement.expression, value));
  return assignsIt && storeOf(made.thenStatement, container.text, read.key.text, value) ? { container: read.container, key } : undefined;
}

/** `!v`, `v === undefined`, `v == null`, `v === null`: asks whether the look-up found nothing. */
function testsMissing(test: ts.Expression, name: string): boolean {
  const e = skipOuter(test);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return isIdentifierNamed(e.operand, name);
  if (!ts.isBinaryExpression(e)) return false;
  const equal = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(e.operatorToken.kind);
  return equal && ((isIdentifierNamed(e.left, name) && isNullish(skipOuter(e.right))) || (isIdentifierNamed(e.right, name) && isNullish(skipOuter(e.left))));
}

function assignsName(expression: ts.Expression, name: string): boolean {
  const e = skipOuter(expression);
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && isIdentifierNamed(e.left, name);
}

/** A statement that calls or assigns (`this.projects.delete(f);`, `this.last = f`): more than a look-up. Fills `renamed` with consts that rename a name. */
function doesMoreThanRead(body: ts.Block, renamed: Map<string, string>): boolean {
  return someOutsideFunctions(
    body,
    (node) => {
      if (ts.isExpressionStatement(node)) return true;
      if (ts.isVariableDeclaration(node)) {
        const value = node.initializer && skipOuter(node.initializer);
        if (!value || !ts.isIdentifier(value) || !ts.isIdentifier(node.name) || !ts.isVariableDeclarationList(node.parent)) return true;
        if (!(node.parent.flags & ts.NodeFlags.Const)) return true;
        renamed.set(node.name.text, value.text);
        return 'skip';
      }
      return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    },
    ts.isFunctionLike,
  );
}

/** `c.get(k)`, `c[k]`: the container and the key read. */
function readOf(e: ts.Expression, reads: ReadonlySet<string>): { container: ts.Expression; key: ts.Expression } | undefined {
  if (ts.isElementAccessExpression(e)) return { container: skipOuter(e.expression), key: skipOuter(e.argumentExpression) };
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !reads.has(calledMethodName(e) ?? '')) return undefined;
  return { container: skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression), key: skipOuter(e.arguments[0]!) };
}

/**
 * `const key = token.toString(); let session = this.sessions[key]; if (!session) session =
 * this.closed[key]; return session`, after guards that return nothing: whenever the first container
 * holds a value at the key, that value is what the method returns.
 */
function readWithFallback(body: ts.Block, method: ts.MethodDeclaration, reads: ReadonlySet<string>): LookUp | undefined {
  const statements = [...body.statements];
  while (statements[0] && isGuardReturningNothing(statements[0])) statements.shift();
  const derived = new Map<string, ts.Expression>();
  while (statements[0] && ts.isVariableStatement(statements[0]) && statements[0].declarationList.flags & ts.NodeFlags.Const) {
    for (const declaration of statements[0].declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
      derived.set(declaration.name.text, skipOuter(declaration.initializer));
    }
    statements.shift();
  }
  const [declared, fallback, returned, ...rest] = statements;
  if (rest.length > 0 || !declared || !fallback || !returned || !ts.isVariableStatement(declared) || !ts.isIfStatement(fallback) || fallback.elseStatement)
    return undefined;
  const [variable, ...others] = declared.declarationList.declarations;
  const value = variable && ts.isIdentifier(variable.name) ? variable.name.text : undefined;
  const read = variable?.initializer && readOf(skipOuter(variable.initializer), reads);
  if (!value || others.length > 0 || !read || !ts.isReturnStatement(returned) || !returned.expression || !isIdentifierNamed(returned.expression, value))
    return undefined;
  // The fallback runs only when nothing was found: `if (!session)`, also beside other conditions (`&&`).
  if (!requiresMissing(fallback.expression, value)) return undefined;
  const assigned = ts.isBlock(fallback.thenStatement) ? fallback.thenStatement.statements : [fallback.thenStatement];
  if (assigned.length !== 1 || !ts.isExpressionStatement(assigned[0]!) || !assignsName(assigned[0].expression, value)) return undefined;
  const keyRead = ts.isIdentifier(read.key) ? (derived.get(read.key.text) ?? read.key) : read.key;
  const key = parameterPath(keyRead, method);
  const container = canonical(read.container);
  if (!key || !container || container.impure || rootOf(read.container).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return { container: read.container, ...key };
}

/** `if (!token) return null;`, `if (bad) { return undefined; }`: a guard that hands back nothing. */
function isGuardReturningNothing(statement: ts.Statement): boolean {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return false;
  const then =
    ts.isBlock(statement.thenStatement) && statement.thenStatement.statements.length === 1 ? statement.thenStatement.statements[0]! : statement.thenStatement;
  return ts.isReturnStatement(then) && (!then.expression || isNullish(then.expression));
}

/** `!v`, `v === undefined`, or one of them joined to others by `&&`: true only when nothing was found. */
function requiresMissing(test: ts.Expression, name: string): boolean {
  const e = skipOuter(test);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return requiresMissing(e.left, name) || requiresMissing(e.right, name);
  return testsMissing(e, name);
}

/** `uri`, `uri.toString()`, `doc.uri.fsPath` of a parameter the method never reassigns: its index and the path read from it. */
function parameterPath(expression: ts.Expression, method: ts.MethodDeclaration): { key: number; keyPath?: string } | undefined {
  const text = canonical(expression)?.text;
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root) || (ts.isCallExpression(root) && root.arguments.length === 0)) root = skipOuter(root.expression);
  if (text === undefined || !ts.isIdentifier(root) || writesPath(method, root.text)) return undefined;
  const key = method.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === root.text);
  if (key < 0) return undefined;
  const keyPath = text.slice(root.text.length);
  // Only names and calls without arguments read from it: `.toString()`, `.fsPath`, not `.slice(n)`.
  if (keyPath !== '' && !/^(?:\.[\w$]+(?:\(\))?)+$/.test(keyPath)) return undefined;
  return keyPath === '' ? { key } : { key, keyPath };
}
