/**
 * One cache instance as the program uses it: where it is built and with which options,
 * which hooks the code registers on it, what values it stores, and whether each
 * eviction path reaches a hook that really releases the value.
 */
import ts from 'typescript';

import { releasedSlots, type FlowOptions } from '../flow/index.js';
import type { ResourceOracle } from '../resources/oracle.js';
import { obligationSlots, type Resource } from '../resources/release.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { calledMethodName, canonical, containerScope, isFunctionLike, skipOuter } from '../syntax/expressions.js';
import { canExpire, evictionPathBehaviour, valueCopies } from './behaviour.js';
import type { CacheHook, CacheLibrary, EvictionPath } from './model.js';
import { NO_OPTIONS, readCallOptions, type CacheOptions } from './options.js';
import { identifyCacheConstruction } from './recognition.js';

export interface RegisteredHook {
  hook: CacheHook;
  /** The function registered, when the code names one with a body. */
  fn: ts.FunctionLikeDeclaration | undefined;
}

export interface CacheUse {
  library: CacheLibrary;
  containerText: string;
  /** `new LRUCache({...})` / `lru(100)`, when found in the container's class or module. */
  construction: ts.NewExpression | ts.CallExpression | undefined;
  options: CacheOptions;
  hooks: RegisteredHook[];
  /** Values passed to the library's insertion methods. */
  insertedValues: ts.Expression[];
}

const CACHE_USES = memoTable<ts.Node, Map<string, CacheUse>>('caches.uses');

/** The cache behind `containerExpression` (of a recognized library), read from its class or module. */
export function getCacheUse(containerExpression: ts.Expression, library: CacheLibrary, session: AnalysisSession): CacheUse | undefined {
  const container = canonical(containerExpression);
  if (!container || container.impure) return undefined;
  const scope = containerScope(containerExpression);
  const table = session.table(CACHE_USES);
  let byText = table.get(scope);
  if (!byText) table.set(scope, (byText = new Map()));
  let use = byText.get(container.text);
  if (!use) {
    use = readCacheUse(scope, container.text, library, session);
    byText.set(container.text, use);
  }
  return use;
}

function readCacheUse(scope: ts.Node, containerText: string, library: CacheLibrary, session: AnalysisSession): CacheUse {
  const { checker } = session;
  const insertionMethods = new Set([...library.paths.overwrite.methods]);
  const use: CacheUse = { library, containerText, construction: undefined, options: NO_OPTIONS, hooks: [], insertedValues: [] };
  const isContainer = (expression: ts.Expression): boolean => canonical(expression)?.text === containerText;
  const noteConstruction = (initializer: ts.Expression | undefined): void => {
    const e = initializer && skipOuter(initializer);
    if (!e || !(ts.isNewExpression(e) || ts.isCallExpression(e))) return;
    const construction = identifyCacheConstruction(e, session);
    if (!construction) return;
    use.construction = e;
    use.options = construction.options;
    for (const hook of library.hooks) {
      if (hook.registration.kind !== 'option') continue;
      const value = construction.options.values.get(hook.registration.option);
      if (!value || (value.kind === 'literal' && (value.value === undefined || value.value === null))) continue;
      use.hooks.push({ hook, fn: functionOf(value.node, checker) });
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === containerText) noteConstruction(node.initializer);
    else if (ts.isPropertyDeclaration(node) && `this.${node.name.getText()}` === containerText) noteConstruction(node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isContainer(node.left)) noteConstruction(node.right);
    else if (ts.isCallExpression(node)) {
      const method = calledMethodName(node);
      const callee = skipOuter(node.expression);
      if (method !== undefined && ts.isPropertyAccessExpression(callee) && isContainer(callee.expression)) {
        if (insertionMethods.has(method) && node.arguments[1]) use.insertedValues.push(node.arguments[1]);
        for (const hook of library.hooks) {
          const registration = hook.registration;
          if (registration.kind === 'event' && registration.methods.includes(method)) {
            const [event, listener] = node.arguments;
            if (event && ts.isStringLiteralLike(event) && event.text === registration.event && listener)
              use.hooks.push({ hook, fn: functionOf(listener, checker) });
          } else if (registration.kind === 'method' && registration.method === method && node.arguments[0]) {
            use.hooks.push({ hook, fn: functionOf(node.arguments[0], checker) });
          } else if (registration.kind === 'callArgument' && registration.method === method) {
            const listener = node.arguments[registration.argument];
            if (listener) use.hooks.push({ hook, fn: functionOf(listener, checker) });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return use;
}

/** The function a hook names: written inline, or a function/method/const arrow declared with a body. */
function functionOf(node: ts.Node, checker: ts.TypeChecker): ts.FunctionLikeDeclaration | undefined {
  if (isFunctionLike(node)) return node;
  if (ts.isPropertyAssignment(node)) return functionOf(node.initializer, checker);
  if (!ts.isExpression(node)) return undefined;
  const e = skipOuter(node);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) {
      if (isFunctionLike(declaration) && declaration.body) return declaration;
      if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
        const initializer = skipOuter(declaration.initializer);
        if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
      }
    }
  }
  if (ts.isCallExpression(e) && calledMethodName(e) === 'bind') return functionOf((skipOuter(e.expression) as ts.PropertyAccessExpression).expression, checker);
  return undefined;
}

/** The resource the cache holds, from the types of the values the code inserts. */
export function resourceOfCache(use: CacheUse, resources: ResourceOracle, checker: ts.TypeChecker): Resource | undefined {
  for (const value of use.insertedValues) {
    const resource = resources.resourceOf(checker.getTypeAtLocation(value));
    if (resource) return resource;
  }
  return undefined;
}

/**
 * The hooks registered on a cache that release the value they receive: on every path through
 * them (`'every'`), or only for some of the reasons the library passes (`if (reason === 'evict')`),
 * as the eviction paths those reasons stand for.
 */
export type ReleasingHooks = ReadonlyMap<string, 'every' | ReadonlySet<EvictionPath>>;

/** Whether a releasing hook releases the value the library hands it on `path`. */
export function releasesOn(releasing: ReleasingHooks, hookId: string, path: EvictionPath): boolean {
  const entry = releasing.get(hookId);
  return entry === 'every' || (entry !== undefined && entry.has(path));
}

export function releasingHooks(use: CacheUse, resource: Resource, options: FlowOptions, session: AnalysisSession): ReleasingHooks {
  const releasing = new Map<string, 'every' | Set<EvictionPath>>();
  const needed = obligationSlots(resource);
  for (const { hook, fn } of use.hooks) {
    // A hook the linter cannot read (imported from a declaration file, built at run time) is trusted.
    if (!fn) {
      releasing.set(hook.id, 'every');
      continue;
    }
    const releases = (flow: FlowOptions): boolean => {
      const slots = releasedSlots(fn, hook.value.parameter, flow, session);
      const covered = (slot: string): boolean =>
        slots.includes('*') || slots.includes(slot) || (hook.value.property !== undefined && slots.includes(hook.value.property));
      return hook.value.property !== undefined ? covered(hook.value.property) || needed.every(covered) : needed.every(covered);
    };
    if (releases(options)) {
      releasing.set(hook.id, 'every');
      continue;
    }
    // Asked once per reason the library passes, with the reason parameter known to hold it.
    const reasonName = hook.reason && fn.parameters[hook.reason.parameter]?.name;
    if (!hook.reason || !reasonName || !ts.isIdentifier(reasonName)) continue;
    const paths = new Set<EvictionPath>();
    for (const value of hook.reason.values) {
      if (releases({ ...options, constants: new Map([[reasonName.text, value]]) })) for (const path of hook.reason.paths[value] ?? []) paths.add(path);
    }
    if (paths.size > 0) releasing.set(hook.id, paths);
  }
  return releasing;
}

export interface PathCover {
  path: EvictionPath;
  /** Nothing is dropped on this path, or a releasing hook receives the value. */
  covered: boolean;
  /** The path exists but only a hook could cover it, and the library calls none here. */
  libraryIsSilent: boolean;
  hooks: readonly string[];
}

/** Whether `path` ends in a hook that releases, under the construction's (and a call's) options. */
export function pathCover(use: CacheUse, path: EvictionPath, releasing: ReleasingHooks, callArguments?: readonly ts.Expression[], method?: string): PathCover {
  const call = callArguments && method ? readCallOptions(use.library, method, callArguments) : undefined;
  const verdict = evictionPathBehaviour(use.library, path, { construction: use.options, ...(call && { call }) });
  if (verdict.coverage === 'kept' || verdict.coverage === 'absent') return { path, covered: true, libraryIsSilent: false, hooks: verdict.hooks };
  const covered = verdict.reachesHook && verdict.hooks.some((hook) => releasesOn(releasing, hook, path));
  return { path, covered, libraryIsSilent: !verdict.reachesHook, hooks: verdict.hooks };
}

/** Paths that only a hook can cover — expiry and size eviction — as they apply to this cache. */
export function automaticPaths(use: CacheUse): EvictionPath[] {
  const paths: EvictionPath[] = [];
  if (canExpire(use.library, use.options) === true) paths.push('expiry');
  const sized = use.library.sizeLimitedByDefault || use.library.sizeOptions.some((option) => use.options.values.has(option));
  if (sized && use.library.paths.sizeEviction.coverage !== 'absent') paths.push('sizeEviction');
  return paths;
}

export function copiesValues(use: CacheUse): boolean {
  const copies = valueCopies(use.library, use.options);
  return copies.get || copies.hooks;
}

/** "get() and its hooks get copies: set `useClones: false`" */
export function describeCopies(use: CacheUse): string {
  const copies = valueCopies(use.library, use.options);
  const record = use.library.copies;
  const who = copies.get && copies.hooks ? 'get() and its hooks get' : copies.get ? 'get() returns' : 'its hooks get';
  const off = record ? (record.offWhen === 'falsy' ? `set \`${record.option}: false\`` : `drop \`${record.option}\``) : 'stop copying';
  return `${who} copies: ${off}`;
}

export type ConstructionProblem =
  | { reason: 'copies'; paths: readonly EvictionPath[] }
  | { reason: 'noHookInLibrary' | 'noHook' | 'hookDoesNotRelease' | 'librarySilent'; paths: readonly EvictionPath[]; hooks: readonly string[] };

/**
 * What the cache itself loses without a release: every path when it copies values
 * (a release reaches a copy), otherwise expiry and size eviction when no releasing
 * hook receives them.
 */
export function constructionProblem(use: CacheUse, releasing: ReleasingHooks): ConstructionProblem | undefined {
  if (copiesValues(use)) return { reason: 'copies', paths: ['overwrite', 'delete', 'clear', 'expiry'] };
  // mnemonist: no hook, but setpop()/remove() return what they drop; its insertions are the sites.
  if (use.library.hooks.length === 0 && use.library.returnsDropped.length > 0) return undefined;
  const uncovered = automaticPaths(use)
    .map((path) => pathCover(use, path, releasing))
    .filter((cover) => !cover.covered);
  if (uncovered.length === 0) return undefined;
  const paths = uncovered.map((cover) => cover.path);
  const hooks = [...new Set(uncovered.flatMap((cover) => cover.hooks))];
  if (use.library.hooks.length === 0) return { reason: 'noHookInLibrary', paths, hooks };
  if (uncovered.every((cover) => cover.libraryIsSilent)) return { reason: 'librarySilent', paths, hooks };
  if (use.hooks.length === 0) return { reason: 'noHook', paths, hooks: use.library.hooks.map((hook) => hook.id) };
  return { reason: 'hookDoesNotRelease', paths, hooks: use.hooks.map((registered) => registered.hook.id) };
}

/**
 * Whether a `has()` / `get()` miss proves the key empty before an insertion: only when
 * entries cannot expire, or when every look-up flushes an expired entry through a hook.
 */
export function lookupsProveAbsence(use: CacheUse): boolean {
  if (canExpire(use.library, use.options) === false) return true;
  return use.library.expiredAccess.filter((access) => access.method === 'get' || access.method === 'has').every((access) => access.outcome === 'hook');
}

/** How a hook reads in a message: `dispose`, the `'del'` event, `onEvict`. */
export function hookText(library: CacheLibrary, id: string): string {
  const hook = library.hooks.find((candidate) => candidate.id === id);
  if (hook?.registration.kind === 'event') return `'${hook.registration.event}' event`;
  return `\`${id}\``;
}
