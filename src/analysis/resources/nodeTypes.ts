/**
 * Whether the program can see Node's types. TypeScript 6 no longer loads `@types/node` unless
 * `compilerOptions.types` lists it: timers, sockets and child processes are then `any`, and a
 * typed rule finds nothing without saying why. This answers, once per program, whether Node's
 * declarations are there, and per file, where the code first leans on them.
 */
import ts from 'typescript';

import { memoValue, type AnalysisSession } from '../session.js';
import { skipOuter } from '../syntax/expressions.js';

/** Modules `@types/node` declares that code keeping resources imports. */
const NODE_MODULES = new Set([
  'child_process',
  'cluster',
  'dgram',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'readline',
  'stream',
  'timers',
  'timers/promises',
  'tls',
  'worker_threads',
  'zlib',
]);
const NODE_GLOBALS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'process', 'require']);

const HAS_NODE_TYPES = memoValue('resources.hasNodeTypes', (session) =>
  session.checker.getAmbientModules().some((module) => module.getName() === '"fs"' || module.getName() === '"node:fs"'),
);

/**
 * The first place in a file that uses Node — an import of one of its modules, or a timer or
 * `process` the checker cannot resolve — when the program has no Node types; otherwise undefined.
 */
export function nodeUseWithoutNodeTypes(sourceFile: ts.SourceFile, session: AnalysisSession): ts.Node | undefined {
  if (session.value(HAS_NODE_TYPES)) return undefined;
  for (const statement of sourceFile.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)
          ? statement.moduleReference.expression
          : undefined;
    if (specifier && ts.isStringLiteral(specifier) && isNodeModule(specifier.text)) return statement;
  }
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isIdentifier(callee) && NODE_GLOBALS.has(callee.text) && !session.checker.getSymbolAtLocation(callee)) {
        found = node;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isNodeModule(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_MODULES.has(specifier);
}
