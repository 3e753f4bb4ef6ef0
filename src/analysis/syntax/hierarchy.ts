/**
 * The classes a class of the program extends, and those that extend it: where a field a base
 * declares is filled and released. Subclasses are found once per class for the life of the
 * program — one pass over the modules' text lists which base names each module writes after
 * `extends` (and under which aliases names are imported), so only those modules are walked — and
 * the checker is asked only which class a matching heritage clause names.
 */
import ts from 'typescript';

import { memoTable, memoValue, type AnalysisSession } from '../session.js';

const SUBCLASSES = memoTable<ts.ClassLikeDeclaration, readonly ts.ClassLikeDeclaration[] | null>('syntax.subclasses');
/**
 * The program's own modules by each name they write after `extends` (`extends Base`, `extends ns.Base`
 * → `Base`), and the local names each imported or exported name is given (`{ Atlas as BaseAtlas }`).
 */
const EXTENDING_MODULES = memoValue('syntax.extendingModules', (session) => {
  const byName = new Map<string, ts.SourceFile[]>();
  const aliases = new Map<string, Set<string>>();
  for (const file of session.program.getSourceFiles()) {
    if (file.isDeclarationFile || session.program.isSourceFileFromExternalLibrary(file)) continue;
    for (const match of file.text.matchAll(/\bextends\s+(?:[\w$]+\s*\.\s*)*([\w$]+)/g)) {
      const list = byName.get(match[1]!);
      if (!list) byName.set(match[1]!, [file]);
      else if (list.at(-1) !== file) list.push(file);
    }
    // Only the braces of an import or export: `x as T` elsewhere is a type assertion.
    for (const braces of file.text.matchAll(/\b(?:import|export)\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const match of braces[1]!.matchAll(/\b([\w$]+)\s+as\s+([\w$]+)/g)) {
        const names = aliases.get(match[1]!);
        if (names) names.add(match[2]!);
        else aliases.set(match[1]!, new Set([match[2]!]));
      }
    }
  }
  return { byName, aliases };
});
/** More classes than this below one base, and the family is not read: a framework's root class. */
const MAX_SUBCLASSES = 24;

/** The class declaration a class `extends`, wherever it is declared (the program's, or a declaration file's). */
export function baseClassOf(declaration: ts.ClassLikeDeclaration, checker: ts.TypeChecker): ts.ClassLikeDeclaration | undefined {
  const base = extendedExpression(declaration);
  if (!base) return undefined;
  const symbol = checker.getTypeAtLocation(base).getSymbol() ?? checker.getSymbolAtLocation(base);
  return symbol?.getDeclarations()?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
}

/**
 * Every class of the program that extends `declaration`, directly or through others; empty for an
 * anonymous class, and for a base with more than MAX_SUBCLASSES of them.
 */
export function subclassesOf(declaration: ts.ClassLikeDeclaration, session: AnalysisSession): readonly ts.ClassLikeDeclaration[] {
  return session.memo(SUBCLASSES, declaration, () => findSubclasses(declaration, session)) ?? [];
}

function findSubclasses(declaration: ts.ClassLikeDeclaration, session: AnalysisSession): readonly ts.ClassLikeDeclaration[] {
  const found: ts.ClassLikeDeclaration[] = [];
  const pending = [declaration];
  for (let base = pending.pop(); base; base = pending.pop()) {
    for (const subclass of directSubclasses(base, session)) {
      if (subclass === declaration || found.includes(subclass)) continue;
      found.push(subclass);
      if (found.length > MAX_SUBCLASSES) return [];
      pending.push(subclass);
    }
  }
  return found;
}

function directSubclasses(base: ts.ClassLikeDeclaration, session: AnalysisSession): ts.ClassLikeDeclaration[] {
  const name = base.name?.text;
  if (name === undefined) return [];
  const { byName, aliases } = session.value(EXTENDING_MODULES);
  const names = new Set([name, ...(aliases.get(name) ?? [])]);
  const files = new Set([...names].flatMap((written) => byName.get(written) ?? []));
  const found: ts.ClassLikeDeclaration[] = [];
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isClassLike(node)) {
        const extended = extendedExpression(node);
        const written = extended && (ts.isPropertyAccessExpression(extended) ? extended.name : extended);
        if (written && ts.isIdentifier(written) && names.has(written.text) && namesClass(extended!, base, session.checker)) found.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** `Base` in `class C extends Base<T>`. */
function extendedExpression(declaration: ts.ClassLikeDeclaration): ts.Expression | undefined {
  return declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/** The heritage expression names this class, through an import alias too. */
function namesClass(expression: ts.Expression, cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker): boolean {
  let symbol = checker.getSymbolAtLocation(expression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.getDeclarations()?.includes(cls) ?? false;
}
