/**
 * Names a module imports from outside the program's own code. `vscode.window.createWebviewPanel`
 * can name nothing with a body here; typing the chain to find that out would make the checker build
 * the whole `vscode` namespace on the first question about it.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { skipOuter } from './expressions.js';

const OUTSIDE_MODULES = memoTable<ts.ImportDeclaration | ts.ImportEqualsDeclaration, boolean | null>('syntax.outsideModules');

/**
 * `vscode.window.createWebviewPanel`, `fs.promises.watch`: a chain of property names read from a
 * name imported from a declaration file or a package (`import * as vscode from 'vscode'`). The
 * checker is asked only what the root name and its module specifier resolve to, never a type.
 */
export function isNamedFromOutside(expression: ts.Expression, session: AnalysisSession): boolean {
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  if (!ts.isIdentifier(root)) return false;
  const declaration = session.checker.getSymbolAtLocation(root)?.declarations?.[0];
  const statement = declaration && importStatementOf(declaration);
  return statement !== undefined && (session.memo(OUTSIDE_MODULES, statement, () => isFromOutside(statement, session)) ?? false);
}

/** The import a binding comes from: `import * as vscode`, `import { watch }`, `import fs = require('fs')`. */
function importStatementOf(declaration: ts.Declaration): ts.ImportDeclaration | ts.ImportEqualsDeclaration | undefined {
  if (ts.isImportEqualsDeclaration(declaration)) return declaration;
  if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration))
    return importOfClause(ts.isImportClause(declaration) ? declaration : declaration.parent);
  if (ts.isImportSpecifier(declaration)) return importOfClause(declaration.parent.parent);
  return undefined;
}

function importOfClause(clause: ts.ImportClause): ts.ImportDeclaration | undefined {
  return ts.isImportDeclaration(clause.parent) ? clause.parent : undefined;
}

function isFromOutside(statement: ts.ImportDeclaration | ts.ImportEqualsDeclaration, session: AnalysisSession): boolean {
  const specifier = ts.isImportDeclaration(statement)
    ? statement.moduleSpecifier
    : ts.isExternalModuleReference(statement.moduleReference)
      ? statement.moduleReference.expression
      : undefined;
  if (!specifier) return false;
  const module = session.checker.getSymbolAtLocation(specifier);
  const files = (module?.declarations ?? []).map((declaration) => declaration.getSourceFile());
  return files.length > 0 && files.every((file) => file.isDeclarationFile || session.program.isSourceFileFromExternalLibrary(file));
}

const IMPORTED_NAMES = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/** Names a module binds by `import` at its top level (`import flags from './flags'`, `import { config }`). */
export function importedNames(file: ts.SourceFile): ReadonlySet<string> {
  let names = IMPORTED_NAMES.get(file);
  if (names) return names;
  const found = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isImportEqualsDeclaration(statement)) found.add(statement.name.text);
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) found.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) found.add(bindings.name.text);
    else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) found.add(element.name.text);
  }
  IMPORTED_NAMES.set(file, (names = found));
  return names;
}
