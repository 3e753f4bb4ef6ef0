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
const METHOD_CALLS = memoTable<ts.MethodDeclaration, readonly ts.CallExpression[] | null>('syntax.programMethodCalls');
const MEMBER_ACCESSES = memoTable<ts.Program, Map<string, readonly ts.PropertyAccessExpression[] | null>>('syntax.memberAccesses');
const IDENTIFIERS = memoTable<ts.SourceFile, Map<string, ts.Identifier[]>>('syntax.identifiers');
/** More accesses of one member name than this, and their calls are not counted. */
const MAX_MEMBER_ACCESSES = 48;

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
    const index = identifiersIn(file, session);
    for (const alias of names)
      for (const node of index.get(alias) ?? []) {
        if (!isCandidate(node) || exported(symbolNamed(node)) !== target) continue;
        // `forgetIn(…)`, or `helpers.forgetIn(…)` through a namespace import; anything else hands it on.
        const callee = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
        const call = callee.parent;
        if (!ts.isCallExpression(call) || call.expression !== callee) return undefined;
        calls.push(call);
      }
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * Every call the program's modules make of a class's method (`feature.registerRaw(id, w)`, also
 * `super.registerRaw(…)`), when calling is all they do with it (none: a public API the program
 * never calls itself); undefined when any module hands it
 * on as a value, calls it through a receiver the checker cannot place (`any`), or may reach it
 * through a type it shares the method with (an interface the class implements, a base class it
 * overrides, a subclass that overrides it): those calls could not be counted.
 * Asked only where a report would otherwise go — each matching member makes the checker type its receiver.
 */
export function callsOfMethodAcrossProgram(method: ts.MethodDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  return session.memo(METHOD_CALLS, method, () => findMethodCalls(method, session));
}

function findMethodCalls(method: ts.MethodDeclaration, session: AnalysisSession): ts.CallExpression[] | undefined {
  const owner = method.parent;
  if (!ts.isClassDeclaration(owner) || !owner.name || !ts.isIdentifier(method.name)) return undefined;
  const { program, checker } = session;
  const home = method.getSourceFile();
  if (home.isDeclarationFile || program.isSourceFileFromExternalLibrary(home)) return undefined;
  const accesses = memberAccessesNamed(method.name.text, session);
  if (!accesses) return undefined;
  const related = relatedTypeNames(owner);
  const calls: ts.CallExpression[] = [];
  for (const access of accesses) {
    // By declaration: a member of a generic class, read on an instance, is a symbol of its own.
    const symbol = checker.getSymbolAtLocation(access.name);
    if (symbol?.declarations?.includes(method)) {
      if (ts.isCallExpression(access.parent) && access.parent.expression === access) calls.push(access.parent);
      else return undefined;
    } else if (!symbol || symbol.declarations?.some((declaration) => isRelatedMember(declaration, owner, related))) return undefined;
  }
  return calls;
}

/**
 * Every `x.name` the program's own modules write, found once per program and name; undefined when
 * some module destructures a member of that name (`const { name } = x`: its calls cannot be
 * counted), or when there are more than a few dozen — a name as common as `add` or `set` would
 * make the checker type every receiver of it.
 */
export function memberAccessesNamed(name: string, session: AnalysisSession): readonly ts.PropertyAccessExpression[] | undefined {
  const { program } = session;
  const byName = session.memo(MEMBER_ACCESSES, program, () => new Map<string, readonly ts.PropertyAccessExpression[] | null>())!;
  let accesses = byName.get(name);
  if (accesses === undefined) {
    const found: ts.PropertyAccessExpression[] = [];
    let countable = true;
    for (const file of program.getSourceFiles()) {
      if (!countable) break;
      if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || !file.text.includes(name)) continue;
      for (const node of identifiersIn(file, session).get(name) ?? []) {
        const parent = node.parent;
        if (ts.isPropertyAccessExpression(parent) && parent.name === node) found.push(parent);
        else if (ts.isBindingElement(parent)) countable = false;
      }
      if (found.length > MAX_MEMBER_ACCESSES) countable = false;
    }
    byName.set(name, (accesses = countable ? found : null));
  }
  return accesses ?? undefined;
}

/** The names a class shares members with: what it extends and implements. */
function relatedTypeNames(owner: ts.ClassDeclaration): ReadonlySet<string> {
  const names = new Set<string>();
  for (const clause of owner.heritageClauses ?? [])
    for (const type of clause.types) {
      const expression = skipOuter(type.expression);
      names.add(ts.isPropertyAccessExpression(expression) ? expression.name.text : expression.getText());
    }
  return names;
}

/** A member of a type the class extends or implements, or of a class that extends it. */
function isRelatedMember(declaration: ts.Declaration, owner: ts.ClassDeclaration, related: ReadonlySet<string>): boolean {
  const holder = declaration.parent;
  if (!(ts.isClassLike(holder) || ts.isInterfaceDeclaration(holder))) return false;
  if (holder.name && related.has(holder.name.text)) return true;
  const ownerName = owner.name?.text;
  return (holder.heritageClauses ?? []).some((clause) => clause.types.some((type) => type.expression.getText().split('.').pop() === ownerName));
}

/** Every identifier of a module, by its text, in the order it is written: one walk per module. */
function identifiersIn(file: ts.SourceFile, session: AnalysisSession): Map<string, ts.Identifier[]> {
  return session.memo(IDENTIFIERS, file, () => {
    const index = new Map<string, ts.Identifier[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const list = index.get(node.text);
        if (list) list.push(node);
        else index.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return index;
  })!;
}
