// The recognizer against the libraries' real declarations (test/fixtures/caches/*.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { canExpire, evictionPathBehaviour, hookInOptions, pathsOfMethod, valueCopies } from '../../src/analysis/caches/behaviour.js';
import { CACHE_LIBRARIES, getCacheLibrary } from '../../src/analysis/caches/libraries/index.js';
import type { CacheLibraryId } from '../../src/analysis/caches/model.js';
import { readCallOptions, readConstructionOptions } from '../../src/analysis/caches/options.js';
import { identifyCacheConstruction, identifyCacheLibrary, programUsesCacheLibrary } from '../../src/analysis/caches/recognition.js';
import { sessionOf } from '../../src/analysis/session.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const librariesFile = path.join(fixtures, 'caches', 'libraries.ts');
const lookalikesFile = path.join(fixtures, 'caches', 'lookalikes.ts');

let program: ts.Program;
let checker: ts.TypeChecker;

function variable(file: string, name: string): ts.VariableDeclaration {
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error(`${file} is not in the program`);
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (!found) throw new Error(`no variable ${name} in ${file}`);
  return found;
}

function typeOf(file: string, name: string): ts.Type {
  return checker.getTypeAtLocation(variable(file, name).name);
}

function construction(name: string): ts.NewExpression | ts.CallExpression {
  const initializer = variable(librariesFile, name).initializer;
  if (!initializer || !(ts.isNewExpression(initializer) || ts.isCallExpression(initializer))) {
    throw new Error(`${name} is not constructed`);
  }
  return initializer;
}

beforeAll(() => {
  const configPath = path.join(fixtures, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read test/fixtures/tsconfig.json');
  // Only this suite's fixtures as roots: other suites' fixture modules are not needed.
  program = ts.createProgram({ rootNames: [librariesFile, lookalikesFile], options: parsed.options });
  checker = program.getTypeChecker();
  const diagnostics = ts.getPreEmitDiagnostics(program);
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('identifyCacheLibrary: each library from its real declarations', () => {
  const expected: [variable: string, id: CacheLibraryId, family: string][] = [
    ['lruCache11', 'lru-cache@11', '11'],
    ['lruCache10', 'lru-cache@10', '10'],
    ['lruCache7', 'lru-cache@7', '7'],
    ['ttlCache', '@isaacs/ttlcache', '2'],
    ['nodeCache', 'node-cache', '5'],
    ['cacheableNodeCache', '@cacheable/node-cache', '3'],
    ['quickLru', 'quick-lru', '7'],
    ['allocQuickLru', '@alloc/quick-lru', '5'],
    ['tinyLruFactory', 'tiny-lru', '13'],
    ['tinyLruClass', 'tiny-lru', '13'],
    ['lruMin', 'lru.min', '1'],
    ['mnemonistLruCache', 'mnemonist', '0.40'],
    ['mnemonistLruMap', 'mnemonist', '0.40'],
    ['mnemonistLruCacheWithDelete', 'mnemonist', '0.40'],
    ['mnemonistLruMapWithDelete', 'mnemonist', '0.40'],
    ['memoryCacheInstance', 'memory-cache', '0.2'],
    ['memoryCacheSingleton', 'memory-cache', '0.2'],
    ['keyv', 'keyv', '5'],
    ['cacheManager', 'cache-manager', '7'],
    ['expiryMap', 'expiry-map', '2'],
    ['annotatedCacheManager', 'cache-manager', '7'],
    ['annotatedMemoryCache', 'memory-cache', '0.2'],
    ['maybeNodeCache', 'node-cache', '5'],
    ['meterCache', 'lru-cache@11', '11'],
  ];

  it.each(expected)('%s is %s (family %s)', (name, id, family) => {
    const library = identifyCacheLibrary(typeOf(librariesFile, name), sessionOf(program));
    expect(library?.id).toBe(id);
    expect(library?.family).toBe(family);
  });

  it('covers every library record except lru-cache 6, which ships no types', () => {
    const covered = new Set(expected.map(([, id]) => id));
    expect(CACHE_LIBRARIES.map((library) => library.id).filter((id) => !covered.has(id))).toEqual(['lru-cache@6']);
  });
});

describe('programUsesCacheLibrary: no cache question is asked of a program without one', () => {
  it('is true when a library is among the declaration files', () => {
    expect(programUsesCacheLibrary(sessionOf(program))).toBe(true);
  });

  it('is false for a program whose only declaration files are lib and @types/node', () => {
    const resourcesOnly = ts.createProgram({ rootNames: [path.join(fixtures, 'resources.ts')], options: program.getCompilerOptions() });
    expect(resourcesOnly.getSourceFiles().some((file) => file.fileName.includes('/node_modules/@types/node/'))).toBe(true);
    expect(programUsesCacheLibrary(sessionOf(resourcesOnly))).toBe(false);
  });
});

describe('identifyCacheLibrary: not caches', () => {
  it.each([
    'localLruCache',
    'localNodeCache',
    'localQuickLru',
    'plainMap',
    'plainSet',
    'lruMinOptions',
    'lruMinPeek',
    'lruCacheOptions',
    'nodeCacheOptions',
    'mixedCaches',
  ])('%s is not recognized', (name) => {
    expect(identifyCacheLibrary(typeOf(lookalikesFile, name), sessionOf(program))).toBeUndefined();
  });

  it('a type name alone is not enough: the lookalike and the real class share the name', () => {
    expect(checker.typeToString(typeOf(lookalikesFile, 'localLruCache'))).toBe('LRUCache<string, number>');
    expect(checker.typeToString(typeOf(librariesFile, 'lruCache11'))).toMatch(/^LRUCache</);
  });
});

describe('answers are computed once per program', () => {
  it('a second identification reads no package.json and returns the same record', () => {
    const type = typeOf(librariesFile, 'quickLru');
    const first = identifyCacheLibrary(type, sessionOf(program));
    const readFile = vi.spyOn(ts.sys, 'readFile');
    // A different instantiation of the same declarations: answered from the declaration cache.
    const again = identifyCacheLibrary(typeOf(librariesFile, 'allocQuickLru'), sessionOf(program));
    expect(identifyCacheLibrary(type, sessionOf(program))).toBe(first);
    expect(again?.id).toBe('@alloc/quick-lru');
    expect(readFile.mock.calls.filter(([file]) => file.endsWith('package.json'))).toEqual([]);
  });

  it('a new program recomputes (caches are per program)', () => {
    const fresh = ts.createProgram({ rootNames: [librariesFile], options: program.getCompilerOptions() });
    const freshChecker = fresh.getTypeChecker();
    const sourceFile = fresh.getSourceFile(librariesFile);
    const declaration = sourceFile?.statements
      .filter(ts.isVariableStatement)
      .flatMap((statement) => [...statement.declarationList.declarations])
      .find((d) => ts.isIdentifier(d.name) && d.name.text === 'nodeCache');
    if (!declaration) throw new Error('nodeCache missing');
    const readFile = vi.spyOn(ts.sys, 'readFile');
    expect(identifyCacheLibrary(freshChecker.getTypeAtLocation(declaration.name), sessionOf(fresh))?.id).toBe('node-cache');
    expect(readFile.mock.calls.some(([file]) => file.endsWith(path.join('node-cache', 'package.json')))).toBe(true);
  });
});

describe('identifyCacheConstruction', () => {
  it.each([
    ['lruCache11', 'lru-cache@11'],
    ['nodeCache', 'node-cache'],
    ['tinyLruFactory', 'tiny-lru'],
    ['tinyLruClass', 'tiny-lru'],
    ['lruMin', 'lru.min'],
    ['cacheManager', 'cache-manager'],
    ['expiryMap', 'expiry-map'],
  ] as const)('%s is a direct construction of %s', (name, id) => {
    const found = identifyCacheConstruction(construction(name), sessionOf(program));
    expect(found?.library.id).toBe(id);
    expect(found?.direct).toBe(true);
  });

  it('a user subclass is recognized, without readable options', () => {
    const found = identifyCacheConstruction(construction('meterCache'), sessionOf(program));
    expect(found).toMatchObject({ direct: false, options: { open: true } });
    expect(found?.library.id).toBe('lru-cache@11');
  });

  it('a call that merely returns a cache is not a construction', () => {
    const sourceFile = ts.createSourceFile('x.ts', 'f()', ts.ScriptTarget.ES2022, true);
    const statement = sourceFile.statements[0];
    if (!statement || !ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) throw new Error('parse');
    expect(identifyCacheConstruction(statement.expression, sessionOf(program))).toBeUndefined();
  });
});

describe('options at the construction decide each path', () => {
  it('lru-cache: dispose reaches overwrite unless noDisposeOnSet', () => {
    const with11 = identifyCacheConstruction(construction('lruCache11'), sessionOf(program));
    const with10 = identifyCacheConstruction(construction('lruCache10'), sessionOf(program));
    if (!with11 || !with10) throw new Error('not recognized');
    expect(hookInOptions(with11.library, with11.options)?.hook.id).toBe('dispose');
    expect(evictionPathBehaviour(with11.library, 'overwrite', { construction: with11.options })).toMatchObject({
      coverage: 'hook',
      reachesHook: true,
      unknownOptions: [],
    });
    expect(evictionPathBehaviour(with10.library, 'overwrite', { construction: with10.options })).toMatchObject({
      coverage: 'silent',
      reachesHook: false,
    });
  });

  it('lru-cache 7: ttlAutopurge makes expiry eager', () => {
    const found = identifyCacheConstruction(construction('lruCache7'), sessionOf(program));
    if (!found) throw new Error('not recognized');
    expect(evictionPathBehaviour(found.library, 'expiry', { construction: found.options }).coverage).toBe('timer');
    expect(canExpire(found.library, found.options)).toBe(true);
  });

  it('node-cache: checkperiod 0 leaves expiry lazy, useClones false keeps identity', () => {
    const found = identifyCacheConstruction(construction('nodeCache'), sessionOf(program));
    if (!found) throw new Error('not recognized');
    expect(evictionPathBehaviour(found.library, 'expiry', { construction: found.options }).coverage).toBe('lazy');
    expect(valueCopies(found.library, found.options)).toEqual({ get: false, hooks: false, unknown: false });
    expect(valueCopies(found.library)).toEqual({ get: true, hooks: true, unknown: false });
    expect(evictionPathBehaviour(found.library, 'overwrite').reachesHook).toBe(false);
  });

  it('tiny-lru: positional ttl', () => {
    const factory = identifyCacheConstruction(construction('tinyLruFactory'), sessionOf(program));
    const plain = identifyCacheConstruction(construction('tinyLruClass'), sessionOf(program));
    if (!factory || !plain) throw new Error('not recognized');
    expect(canExpire(factory.library, factory.options)).toBe(true);
    expect(canExpire(plain.library, plain.options)).toBe(false);
  });

  function parseExpression(text: string): ts.Expression {
    const sourceFile = ts.createSourceFile('x.ts', `(${text})`, ts.ScriptTarget.ES2022, true);
    const statement = sourceFile.statements[0];
    if (!statement || !ts.isExpressionStatement(statement)) throw new Error('parse');
    return statement.expression;
  }

  function argumentsOf(text: string): ts.Expression[] {
    const call = (parseExpression(text) as ts.ParenthesizedExpression).expression;
    if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) throw new Error('not a call');
    return [...(call.arguments ?? [])];
  }

  it('a per-call noDisposeOnSet wins over the constructor', () => {
    const library = getCacheLibrary('lru-cache@11');
    const construction = readConstructionOptions(library, argumentsOf('new C({ max: 1, dispose(v) { v.stop() } })'));
    const silenced = readCallOptions(library, 'set', argumentsOf('c.set(k, v, { noDisposeOnSet: true })'));
    expect(evictionPathBehaviour(library, 'overwrite', { construction, call: silenced }).coverage).toBe('silent');
    const constructionOff = readConstructionOptions(library, argumentsOf('new C({ max: 1, noDisposeOnSet: true })'));
    const callOn = readCallOptions(library, 'set', argumentsOf('c.set(k, v, { noDisposeOnSet: false })'));
    expect(evictionPathBehaviour(library, 'overwrite', { construction: constructionOff, call: callOn }).coverage).toBe('hook');
    expect(evictionPathBehaviour(library, 'overwrite', { construction: constructionOff }).coverage).toBe('silent');
  });

  it('unreadable options are reported, and the default is assumed', () => {
    const library = getCacheLibrary('lru-cache@11');
    const spread = readConstructionOptions(library, argumentsOf('new C({ ...base, max: 1 })'));
    expect(evictionPathBehaviour(library, 'overwrite', { construction: spread })).toMatchObject({
      coverage: 'hook',
      unknownOptions: ['noDisposeOnSet'],
    });
    const variable = readConstructionOptions(library, argumentsOf('new C(options)'));
    expect(variable.open).toBe(true);
    const flag = readConstructionOptions(library, argumentsOf('new C({ noDisposeOnSet: flag })'));
    expect(evictionPathBehaviour(library, 'overwrite', { construction: flag }).unknownOptions).toEqual(['noDisposeOnSet']);
    // A spread before a literal does not hide the literal.
    const after = readConstructionOptions(library, argumentsOf('new C({ ...base, noDisposeOnSet: true })'));
    expect(evictionPathBehaviour(library, 'overwrite', { construction: after }).coverage).toBe('silent');
  });

  it('keyv: serialization is off only with serialize: undefined; a store argument is not options', () => {
    const library = getCacheLibrary('keyv');
    expect(valueCopies(library, readConstructionOptions(library, argumentsOf('new Keyv({ ttl: 5 })'))).get).toBe(true);
    const off = readConstructionOptions(library, argumentsOf('new Keyv(new Map(), { serialize: undefined, deserialize: undefined })'));
    expect(valueCopies(library, off)).toEqual({ get: false, hooks: false, unknown: false });
  });

  it('methods map to paths', () => {
    expect(pathsOfMethod(getCacheLibrary('node-cache'), 'take')).toEqual(['delete']);
    expect(pathsOfMethod(getCacheLibrary('node-cache'), 'flushAll')).toEqual(['clear']);
    expect(pathsOfMethod(getCacheLibrary('lru-cache@7'), 'reset')).toEqual(['clear']);
    expect(pathsOfMethod(getCacheLibrary('lru-cache@11'), 'reset')).toEqual([]);
    expect(pathsOfMethod(getCacheLibrary('memory-cache'), 'put')).toEqual(['overwrite', 'sameValue']);
  });
});

describe('the records are internally consistent', () => {
  it.each(CACHE_LIBRARIES.map((library) => [library.id, library] as const))('%s', (_id, library) => {
    const hookIds = new Set(library.hooks.map((hook) => hook.id));
    for (const [pathName, behaviour] of Object.entries(library.paths)) {
      const cases = [behaviour, ...(behaviour.when ?? [])];
      for (const entry of cases) {
        for (const hook of entry.hooks) expect(hookIds, `${pathName} names hook ${hook}`).toContain(hook);
        // Only expiry can be lazy or timed; only a path with hooks can reach one.
        if (entry.coverage === 'lazy' || entry.coverage === 'timer') expect(pathName).toBe('expiry');
        if (entry.coverage === 'hook' || entry.coverage === 'lazy' || entry.coverage === 'timer') expect(entry.hooks.length).toBeGreaterThan(0);
        if (entry.coverage === 'silent' || entry.coverage === 'absent') expect(entry.hooks).toEqual([]);
      }
    }
    expect(library.paths.sameValue.coverage).toBe('kept');
    expect(library.paths.expiry.coverage === 'absent').toBe(library.expiryOptions.length === 0);
    expect(library.fix.length).toBeGreaterThan(20);
    // A method that returns what it drops is still a dropping site, except where it bypasses the hook for size.
    for (const entry of library.returnsDropped) expect(pathsOfMethod(library, entry.method).length).toBeGreaterThan(0);
  });
});
