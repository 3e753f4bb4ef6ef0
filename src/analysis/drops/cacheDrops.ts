/**
 * Drops from cache libraries' instances, driven by the library records: a delete or clear the
 * library lets pass without a releasing hook, an insertion that replaces a value unseen, and what
 * the cache itself loses on expiry and size eviction (reported on its construction).
 */
import ts from 'typescript';

import { pathsOfMethod, returnsDroppedValue } from '../caches/behaviour.js';
import { CACHE_LIBRARIES } from '../caches/libraries/index.js';
import { EVICTION_PATHS, type CacheLibrary, type EvictionPath } from '../caches/model.js';
import { programUsesCacheLibrary } from '../caches/recognition.js';
import {
  constructionProblem,
  copiesValues,
  getCacheUse,
  lookupsProveAbsence,
  pathCover,
  releasingHooks,
  resourceOfCache,
  type CacheUse,
  type ConstructionProblem,
  type ReleasingHooks,
} from '../caches/use.js';
import { isLent } from '../containers/origins.js';
import { getOwnership } from '../containers/ownership.js';
import { containerTypeOf, isDeclaredLikeContainer } from '../containers/types.js';
import type { DropSite } from '../flow/index.js';
import { obligationSlots, type Resource } from '../resources/release.js';
import type { AnalysisSession } from '../session.js';
import { calledMethodName, canonical, skipOuter } from '../syntax/expressions.js';
import { isTextOrFlag } from '../syntax/names.js';
import { isIgnored, type CacheDrop, type DropContext } from './candidate.js';
import { flowOptionsFor } from './flowOptions.js';
import { isResultUsed } from './handedBack.js';
import { isFreshKey, isLocalContainer, isOwnIdentity, keyTarget } from './keys.js';

/** Every method of a cache library that takes a value out of it, on any path. */
export const CACHE_METHODS: ReadonlySet<string> = new Set(
  CACHE_LIBRARIES.flatMap((library: CacheLibrary) => EVICTION_PATHS.flatMap((path) => library.paths[path].methods)),
);

export interface CacheCall {
  use: CacheUse;
  resource: Resource;
  /** Hooks registered on the cache that release the value on every path. */
  releasing: ReleasingHooks;
  method: string;
  paths: readonly EvictionPath[];
  /** What the cache itself loses (expiry, size eviction, copies): reported on its construction. */
  constructionProblem: ConstructionProblem | undefined;
  /** Some insertion stores the result of `setInterval`: messages and suggestions write clearInterval. */
  storesIntervals: boolean;
}

/** A call on an instance of a cache library that holds resources the program owns. */
export function describeCacheCall(node: ts.CallExpression, context: DropContext): CacheCall | undefined {
  const method = calledMethodName(node);
  if (method === undefined || !CACHE_METHODS.has(method)) return undefined;
  const { session } = context;
  if (!programUsesCacheLibrary(session)) return undefined;
  // `cache.set(key, true)`: a cache of flags or strings holds no resource.
  if (method === 'set' && node.arguments[1] && isTextOrFlag(node.arguments[1], session)) return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const text = canonical(receiver);
  if (!text || text.impure || isIgnored(text, context)) return undefined;
  const { lendingCalls } = context.hatches;
  // `get`, `set`, `delete` are Map methods too. A receiver declared like a container is typed first,
  // once for its declaration: most are Maps, and their ownership is never computed here. Any other
  // is typed only when the code owns its values, never inferred at each call.
  const declaredLike = isDeclaredLikeContainer(receiver, session);
  const declared = declaredLike ? containerTypeOf(receiver, session) : undefined;
  if (declaredLike && declared?.kind !== 'Cache') return undefined;
  // From the syntax first: the checker is asked only what the syntax left open.
  const bySyntax = getOwnership(receiver, session, 'values', lendingCalls, 'syntax');
  const owned = bySyntax.owns || (bySyntax.undecided === true && getOwnership(receiver, session, 'values', lendingCalls).owns);
  if (!owned && !declaredLike) return undefined;
  const container = declared ?? containerTypeOf(receiver, session);
  if (container?.kind !== 'Cache') return undefined;
  const paths = pathsOfMethod(container.library, method);
  if (paths.length === 0) return undefined;
  const use = getCacheUse(receiver, container.library, session);
  if (!use) return undefined;
  // Values that only arrive from outside (a storage class's `set(key, socket)`) are owned when the
  // cache's own hook releases them on some path: the hook declares it, and every other path owes it.
  // Not values it is seen to borrow (`pool.take()`, a lending call of the options, another container's).
  const readHooks = use.hooks.filter((hook) => hook.fn !== undefined);
  if (!owned && (readHooks.length === 0 || use.insertedValues.some((value) => isLent(value, lendingCalls)))) return undefined;
  const resource = resourceOfCache(use, context.resources, session.checker);
  if (!resource) return undefined;
  const releasing = releasingHooks(use, resource, flowOptionsFor([resource], session, context.hatches.releaseFunctions), session);
  if (!owned && !readHooks.some((hook) => releasing.has(hook.hook.id))) return undefined;
  return { use, resource, releasing, method, paths, constructionProblem: constructionProblem(use, releasing), storesIntervals: bySyntax.storesIntervals };
}

/**
 * A delete or clear on a cache whose library calls no releasing hook there
 * (quick-lru `delete()`, node-cache `flushAll()`): a drop like a Map's.
 */
export function cacheRemovalDrop(node: ts.CallExpression, call: CacheCall): CacheDrop | undefined {
  if (copiesValues(call.use)) return undefined;
  const removal = call.paths.find((path): path is 'delete' | 'clear' => path === 'delete' || path === 'clear');
  if (!removal) return undefined;
  if (pathCover(call.use, removal, call.releasing, node.arguments, call.method).covered) return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const container = canonical(receiver);
  if (!container) return undefined;
  const returned = returnsDroppedValue(call.use.library, call.method);
  const result: DropSite['result'] = returned ? 'one' : 'none';
  if (returned && isResultUsed(node) !== 'unused') return undefined;
  const [first] = node.arguments;
  if (removal === 'delete' && (!first || ts.isArrayLiteralExpression(skipOuter(first)))) return undefined;
  const slots = obligationSlots(call.resource);
  return {
    kind: 'cache',
    library: call.use.library,
    method: call.method,
    containerKind: 'Cache',
    containerExpression: receiver,
    resource: call.resource,
    storesIntervals: call.storesIntervals,
    ...(first && removal === 'delete' && { keyExpression: first }),
    operation: removal === 'clear' ? 'clear' : 'delete',
    site: {
      node,
      container: container.text,
      containerRoots: container.roots,
      target: removal === 'clear' || !first ? { kind: 'all' } : keyTarget(first),
      slots,
      storesNewValue: false,
      result,
    },
  };
}

/**
 * An insertion that replaces a stored value the library drops without its releasing hook
 * (node-cache `set()`, quick-lru `set()`, lru-cache with `noDisposeOnSet`). Undefined when the
 * cache has no releasing hook at all (its construction is reported) or copies values.
 */
export function cacheOverwriteDrop(
  node: ts.CallExpression,
  call: CacheCall,
  session: AnalysisSession,
): (CacheDrop & { lookupsProveAbsence: boolean }) | undefined {
  if (!call.paths.includes('overwrite') || copiesValues(call.use) || call.releasing.size === 0) return undefined;
  if (returnsDroppedValue(call.use.library, call.method)) return undefined;
  if (pathCover(call.use, 'overwrite', call.releasing, node.arguments, call.method).covered) return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const container = canonical(receiver);
  const [keyExpression, newValue] = node.arguments;
  if (!container || !keyExpression || !newValue || isFreshKey(keyExpression, session) || isOwnIdentity(keyExpression, newValue) || !call.resource)
    return undefined;
  return {
    kind: 'cache',
    library: call.use.library,
    method: call.method,
    containerKind: 'Cache',
    containerExpression: receiver,
    resource: call.resource,
    storesIntervals: call.storesIntervals,
    keyExpression,
    newValue,
    operation: 'set',
    lookupsProveAbsence: lookupsProveAbsence(call.use),
    site: {
      node,
      container: container.text,
      containerRoots: container.roots,
      target: keyTarget(keyExpression),
      slots: obligationSlots(call.resource),
      storesNewValue: true,
      result: 'none',
      ...(isLocalContainer(receiver, node, session) && { localContainer: true }),
    },
  };
}

/**
 * mnemonist keeps no hook: a plain `set()` of a resource drops whatever it displaces or evicts,
 * and a `setpop()` whose result is ignored does too. A `setpop()` whose result is used hands
 * the dropped value on to the code that reads it.
 */
export function hooklessInsertionDrops(node: ts.CallExpression, call: CacheCall): boolean {
  const { library } = call.use;
  if (library.hooks.length > 0 || library.returnsDropped.length === 0 || !call.paths.includes('overwrite')) return false;
  if (returnsDroppedValue(library, call.method)) return isResultUsed(node) === 'unused';
  return true;
}
