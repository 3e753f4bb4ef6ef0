/**
 * Which cache library a type or a construction belongs to: by the `name` in the package.json that
 * owns the declaring `.d.ts` — never by type name alone: `LRUCache`, `NodeCache` and `QuickLRU`
 * each name two packages, and npm aliases (`lru-cache-7`) hide the real name behind the folder.
 */
import ts from 'typescript';

import { memoValue, type AnalysisSession } from '../session.js';
import { declaredClassOfNew } from '../syntax/writtenTypes.js';
import { CACHE_LIBRARIES } from './libraries/index.js';
import type { CacheLibrary, VersionRange } from './model.js';
import { readConstructionOptions, type CacheOptions } from './options.js';

// ---------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------

interface PackageIdentity {
  name: string;
  version: string;
}

interface ProgramCaches {
  /** Directory → nearest named package.json at or above it. */
  packageByDirectory: Map<string, PackageIdentity | null>;
  bySourceFile: WeakMap<ts.SourceFile, PackageIdentity | null>;
  byDeclaration: WeakMap<ts.Node, CacheLibrary | null>;
  byType: WeakMap<ts.Type, CacheLibrary | null>;
  byDirectType: WeakMap<ts.Type, CacheLibrary | null>;
  /** Whether any known cache library's declarations are in the program at all; read once. */
  present?: boolean;
}

const RECOGNITION = memoValue<ProgramCaches>('caches.recognition', () => ({
  packageByDirectory: new Map(),
  bySourceFile: new WeakMap(),
  byDeclaration: new WeakMap(),
  byType: new WeakMap(),
  byDirectType: new WeakMap(),
}));

const knownPackages = new Set(CACHE_LIBRARIES.flatMap((library) => library.recognize.packages));

function parentDirectory(directory: string): string | undefined {
  const index = directory.lastIndexOf('/');
  if (index <= 0) return index === 0 && directory.length > 1 ? '/' : undefined;
  return directory.slice(0, index);
}

/**
 * The nearest package.json with a `name` at or above `directory`. Nameless
 * ones (lru-cache's `dist/esm/package.json`, which only sets `type`) are skipped.
 */
function packageAt(caches: ProgramCaches, directory: string): PackageIdentity | undefined {
  const visited: string[] = [];
  let current: string | undefined = directory;
  let found: PackageIdentity | null = null;
  while (current !== undefined) {
    const cached = caches.packageByDirectory.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const text = ts.sys.readFile(current === '/' ? '/package.json' : `${current}/package.json`);
    if (text !== undefined) {
      try {
        const json = JSON.parse(text) as { name?: unknown; version?: unknown };
        if (typeof json.name === 'string') {
          found = { name: json.name, version: typeof json.version === 'string' ? json.version : '0.0.0' };
          break;
        }
      } catch {
        // A broken package.json names nothing; keep climbing.
      }
    }
    current = parentDirectory(current);
  }
  for (const directoryVisited of visited) caches.packageByDirectory.set(directoryVisited, found);
  return found ?? undefined;
}

function packageOfSourceFile(caches: ProgramCaches, sourceFile: ts.SourceFile): PackageIdentity | undefined {
  const cached = caches.bySourceFile.get(sourceFile);
  if (cached !== undefined) return cached ?? undefined;
  const fileName = sourceFile.fileName.replace(/\\/g, '/');
  // Only declaration files can belong to a library; user code never does.
  const identity = sourceFile.isDeclarationFile ? packageAt(caches, fileName.slice(0, fileName.lastIndexOf('/'))) : undefined;
  const relevant = identity && knownPackages.has(identity.name) ? identity : undefined;
  caches.bySourceFile.set(sourceFile, relevant ?? null);
  return relevant;
}

function parseVersion(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/, 3).map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

function compareVersions(left: string, right: string): number {
  const a = parseVersion(left);
  const b = parseVersion(right);
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function inRange(version: string, range: VersionRange | undefined): boolean {
  if (!range) return true;
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  if (range.below !== undefined && compareVersions(version, range.below) >= 0) return false;
  return true;
}

/** The library record for a package name and version, if one describes it. */
export function cacheLibraryForPackage(name: string, version: string): CacheLibrary | undefined {
  return CACHE_LIBRARIES.find((library) => library.recognize.packages.includes(name) && inRange(version, library.recognize.versions));
}

type DeclaredAs = { kind: 'type'; name: string } | { kind: 'factoryResult'; name: string } | { kind: 'module' };

function declarationName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** What a declaration declares, as far as recognition cares. */
function declaredAs(declaration: ts.Node): DeclaredAs | undefined {
  if (ts.isSourceFile(declaration)) return { kind: 'module' };
  if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    const name = declarationName(declaration);
    return name === undefined ? undefined : { kind: 'type', name };
  }
  if (ts.isTypeLiteralNode(declaration)) {
    const parent = declaration.parent;
    // `type Cache = { … }` (cache-manager).
    if (ts.isTypeAliasDeclaration(parent)) return { kind: 'type', name: parent.name.text };
    // `const createLRU: <K, V>(o) => { … }` / `function createLRU(): { … }` (lru.min): the literal must be the return type itself.
    if ((ts.isFunctionTypeNode(parent) || ts.isFunctionDeclaration(parent)) && parent.type === declaration) {
      const owner = ts.isFunctionDeclaration(parent) ? parent : parent.parent;
      const name = owner && declarationName(owner);
      if (name !== undefined && (ts.isFunctionDeclaration(owner) || ts.isVariableDeclaration(owner))) return { kind: 'factoryResult', name };
    }
  }
  return undefined;
}

function libraryOfDeclaration(caches: ProgramCaches, declaration: ts.Node): CacheLibrary | undefined {
  const cached = caches.byDeclaration.get(declaration);
  if (cached !== undefined) return cached ?? undefined;
  let result: CacheLibrary | undefined;
  const declared = declaredAs(declaration);
  if (declared) {
    const identity = packageOfSourceFile(caches, declaration.getSourceFile());
    const library = identity && cacheLibraryForPackage(identity.name, identity.version);
    if (library) {
      const { types, factories = [], moduleIsCache = false } = library.recognize;
      const matches = declared.kind === 'module' ? moduleIsCache : declared.kind === 'type' ? types.includes(declared.name) : factories.includes(declared.name);
      if (matches) result = library;
    }
  }
  caches.byDeclaration.set(declaration, result ?? null);
  return result;
}

function libraryOfSymbol(caches: ProgramCaches, symbol: ts.Symbol | undefined): CacheLibrary | undefined {
  for (const declaration of symbol?.declarations ?? []) {
    const library = libraryOfDeclaration(caches, declaration);
    if (library) return library;
  }
  return undefined;
}

/** The library whose declarations define `type` itself (its alias or symbol), bases not considered. */
function libraryOfTypeItself(caches: ProgramCaches, type: ts.Type): CacheLibrary | undefined {
  const cached = caches.byDirectType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const library = libraryOfSymbol(caches, type.aliasSymbol) ?? libraryOfSymbol(caches, type.getSymbol());
  caches.byDirectType.set(type, library ?? null);
  return library;
}

function libraryOfType(caches: ProgramCaches, checker: ts.TypeChecker, type: ts.Type, depth: number): CacheLibrary | undefined {
  const cached = caches.byType.get(type);
  if (cached !== undefined) return cached ?? undefined;
  let result: CacheLibrary | undefined;
  if (type.isUnion()) {
    // `LRUCache<K, V> | undefined`: every non-nullish member must be the same library.
    const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const libraries = new Set(members.map((member) => libraryOfType(caches, checker, member, depth + 1)));
    const [only] = libraries;
    result = libraries.size === 1 ? only : undefined;
  } else if (type.isIntersection()) {
    for (const member of type.types) {
      result = libraryOfType(caches, checker, member, depth + 1);
      if (result) break;
    }
  } else {
    result = libraryOfTypeItself(caches, type);
    if (!result && depth < 8 && type.flags & ts.TypeFlags.Object) {
      // A user class `extends LRUCache<K, V>`: walk the declared base types.
      const objectType = type as ts.ObjectType;
      const target = objectType.objectFlags & ts.ObjectFlags.Reference ? (type as ts.TypeReference).target : objectType;
      if (target.objectFlags & ts.ObjectFlags.ClassOrInterface) {
        for (const base of checker.getBaseTypes(target as ts.InterfaceType)) {
          result = libraryOfType(caches, checker, base, depth + 1);
          if (result) break;
        }
      }
    }
  }
  caches.byType.set(type, result ?? null);
  return result;
}

/**
 * The cache library of a value's type: by the package that declares the type
 * (or, for anonymous types, the alias or factory that produces it), or of one
 * of its base types. `undefined` for anything else — Map, user classes named
 * like a library class, unions of different libraries.
 */
export function identifyCacheLibrary(type: ts.Type, session: AnalysisSession): CacheLibrary | undefined {
  if (!programUsesCacheLibrary(session)) return undefined;
  return libraryOfType(session.value(RECOGNITION), session.checker, type, 0);
}

/**
 * Whether the program contains the declarations of any known cache library. Most programs use
 * none, and then no cache question needs the checker: one look at the program's declaration
 * files (their package.json files, cached per directory) answers for every site.
 */
export function programUsesCacheLibrary(session: AnalysisSession): boolean {
  const caches = session.value(RECOGNITION);
  if (caches.present === undefined) {
    caches.present = session.program
      .getSourceFiles()
      .some((sourceFile) => sourceFile.isDeclarationFile && packageOfSourceFile(caches, sourceFile) !== undefined);
  }
  return caches.present;
}

export interface CacheConstruction {
  library: CacheLibrary;
  /** The arguments are the library's own (not a user subclass's constructor). */
  direct: boolean;
  options: CacheOptions;
}

/**
 * A construction site: `new LRUCache({...})`, `new NodeCache()`, `lru(100)`,
 * `createLRU({...})`, `createCache()`. A call counts only when its callee is
 * a factory of the library; `new Sub()` of a user subclass is reported with
 * `direct: false` and no readable options.
 */
export function identifyCacheConstruction(node: ts.NewExpression | ts.CallExpression, session: AnalysisSession): CacheConstruction | undefined {
  if (!programUsesCacheLibrary(session)) return undefined;
  const caches = session.value(RECOGNITION);
  const { checker } = session;
  if (ts.isCallExpression(node)) {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) {
      const name = declarationName(declaration);
      if (name === undefined || !(ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration))) continue;
      const identity = packageOfSourceFile(caches, declaration.getSourceFile());
      const library = identity && cacheLibraryForPackage(identity.name, identity.version);
      if (library?.recognize.factories?.includes(name)) {
        return { library, direct: true, options: readConstructionOptions(library, node.arguments) };
      }
    }
    return undefined;
  }
  const type = declaredClassOfNew(node, checker) ?? checker.getTypeAtLocation(node);
  const direct = libraryOfTypeItself(caches, type);
  if (direct) return { library: direct, direct: true, options: readConstructionOptions(direct, node.arguments) };
  const viaBase = libraryOfType(caches, checker, type, 0);
  return viaBase ? { library: viaBase, direct: false, options: { values: new Map(), open: true } } : undefined;
}
