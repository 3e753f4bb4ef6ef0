/**
 * Every call, across the program's own modules, of a function a module exports: what other
 * modules hand it is theirs to answer for. Found once per function for the life of the program —
 * a text search skips the modules that never spell its name, and the checker is asked only which
 * symbol a matching name resolves to (never a type).
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { skipOuter } from './expressions.js';

const PROGRAM_CALLS = memoTable<ts.FunctionLikeDeclaration, readonly ts.CallExpression[] | null>('syntax.programCalls');

/**
 * Every call of a module-level function the program makes (`forgetIn(pollers, url)` in any of
 * its modules, under an import alias or through a namespace import too), when calling is all the
 * program does with it; undefined when it is handed on as a value (`emitter.on('x', forgetIn)`),
 * never called, or not a module-level function of the program.
 */
export function callsAcrossProgram(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  return session.memo(PROGRAM_CALLS, fn, () => findProgramCalls(fn, session));
}

/** `function f` or `const f = () => …` at the top of a module: its name. */
export function moduleLevelName(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name && ts.isSourceFile(fn.parent) ? fn.name : undefined;
  let holder: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || skipOuter(holder.initializer) !== fn || !ts.isIdentifier(holder.name)) return undefined;
  const statement = holder.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? holder.name : undefined;
}

/** Where a matching name only declares, imports or re-exports the function, or names its type. */
function isNonUse(name: ts.Identifier): boolean {
  const parent = name.parent;
  return (
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isTypeQueryNode(parent) ||
    ((ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent)) && parent.name === name)
  );
}

function findProgramCalls(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): ts.CallExpression[] | undefined {
  const name = moduleLevelName(fn);
  if (!name) return undefined;
  const { program, checker } = session;
  const home = fn.getSourceFile();
  if (home.isDeclarationFile || program.isSourceFileFromExternalLibrary(home)) return undefined;
  const exported = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => {
    const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return resolved && checker.getExportSymbolOfSymbol(resolved);
  };
  // `{ forgetIn }` names the function, not the property it makes.
  const symbolNamed = (node: ts.Identifier): ts.Symbol | undefined =>
    ts.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
  const target = exported(checker.getSymbolAtLocation(name));
  if (!target) return undefined;
  const calls: ts.CallExpression[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || !file.text.includes(name.text)) continue;
    // The names this module may call it by: its own, any alias an import gives it, and a member of
    // a namespace import (`helpers.forgetIn`) — a member of anything else (`map.get`) is not asked
    // about, which keeps the checker from typing every receiver of a common name.
    const names = new Set([name.text]);
    const namespaces = new Set<string>();
    for (const statement of file.statements) {
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const specifier of bindings.elements) if ((specifier.propertyName ?? specifier.name).text === name.text) names.add(specifier.name.text);
    }
    const isCandidate = (node: ts.Identifier): boolean => {
      if (!names.has(node.text) || isNonUse(node)) return false;
      const parent = node.parent;
      if (!ts.isPropertyAccessExpression(parent) || parent.name !== node) return true;
      const receiver = skipOuter(parent.expression);
      return ts.isIdentifier(receiver) && namespaces.has(receiver.text);
    };
    let handedOn = false;
    const visit = (node: ts.Node): void => {
      if (handedOn) return;
      if (ts.isIdentifier(node) && isCandidate(node) && exported(symbolNamed(node)) === target) {
        // `forgetIn(…)`, or `helpers.forgetIn(…)` through a namespace import.
        const callee = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
        const call = callee.parent;
        if (ts.isCallExpression(call) && call.expression === callee) calls.push(call);
        else handedOn = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (handedOn) return undefined;
  }
  return calls.length > 0 ? calls : undefined;
}
