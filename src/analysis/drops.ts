/**
 * Sites where a container lets go of a resource, and the contexts in which letting go
 * owes nothing: the resource's own close handler, a one-shot timer's own callback, the
 * resource's own release method, a value the caller still holds.
 */
import ts from 'typescript';

import { CACHE_LIBRARIES, EVICTION_PATHS, pathsOfMethod, programUsesCacheLibrary, returnsDroppedValue, type CacheLibrary, type EvictionPath } from './caches.js';
import { constructionProblem, copiesValues, getCacheUse, lookupsProveAbsence, pathCover, releasingHooks, resourceOfCache, type CacheUse, type ConstructionProblem } from './cacheUse.js';
import { containerTypeOf, getOwnership, isDeclaredLikeContainer, type ContainerKind } from './containers.js';
import { calledMethodName, calleeName, canonical, enclosingBody, isFunctionLike, isPrivateMember, isSeparateFunction, skipOuter, type CanonicalText } from './expressions.js';
import { analyzeDrops, type DropSite } from './paths.js';
import type { AnalysisSession } from './session.js';
import { isOnlyTimers, obligationSlots, releaseNames, type Resource, type ResourceOracle } from './resources.js';

export type DropOperation =
  | 'delete'
  | 'clear'
  | 'set'
  | 'splice'
  | 'pop'
  | 'shift'
  | 'assign'
  | 'deleteOperator'
  | 'truncate'
  | 'reassign';

export interface DropCandidate {
  site: DropSite;
  operation: DropOperation;
  containerKind: ContainerKind;
  containerExpression: ts.Expression;
  resource: Resource;
  /** The cache library, when the container is a cache. */
  cache?: CacheLibrary;
  /** Source text pieces for the suggestion. */
  keyExpression?: ts.Expression;
  newValue?: ts.Expression;
  valueExpression?: ts.Expression;
  storesIntervals: boolean;
  /**
   * The drop runs inside a callback that a one-shot timer schedules and that is also called
   * directly (`return run()` in a debounce): the timer's path owes only `site.slots`; each direct
   * call is judged where it is made, owing every slot (`paths.ts` analyses the call as the drop).
   */
  directCalls?: { calls: readonly ts.CallExpression[]; slots: readonly string[] };
}

const CANDIDATE_METHODS = new Set([
  'delete',
  'clear',
  'set',
  'splice',
  'pop',
  'shift',
  // cache libraries' names for the same paths (caches.ts)
  ...CACHE_LIBRARIES.flatMap((library) => EVICTION_PATHS.flatMap((path) => library.paths[path].methods)),
]);
const CLOSE_EVENTS = new Set(['close', 'exit', 'end', 'finish', 'disconnect', 'disconnected', 'closed', 'destroy', 'destroyed']);
const CLOSE_HOOK_METHOD = /^on(Close|Closed|Exit|End|Disconnect|Disconnected|Destroy|Destroyed)$/;
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const FRESH_KEY_FACTORIES = new Set(['randomUUID', 'uuid', 'v4', 'v1', 'v7', 'uuidv4', 'nanoid', 'ulid', 'cuid', 'createId', 'generateId', 'randomBytes', 'Symbol']);
/** Properties that identify the object they are read from (`child.pid`, `socket.id`). */
const IDENTITY_PROPERTIES = new Set(['id', 'pid', 'uuid', 'guid', '_id']);
/** A call on a fresh value that keeps it fresh: `randomBytes(8).toString('hex')`. */
const FRESH_PRESERVING_METHODS = new Set(['toString', 'toUpperCase', 'toLowerCase', 'slice', 'substring']);

/** Cheap syntactic test, before any question to the type checker. */
export function isCandidateCallName(name: string): boolean {
  return CANDIDATE_METHODS.has(name);
}

export interface DropContext {
  checker: ts.TypeChecker;
  program: ts.Program;
  resources: ResourceOracle;
  session: AnalysisSession;
}

/**
 * Decodes a node into a drop of resources, or undefined when the node drops nothing
 * that is owed (not a container of resources, a borrowed value, a fresh key, …).
 */
export function describeDrop(node: ts.Node, context: DropContext): DropCandidate | undefined {
  if (ts.isCallExpression(node)) return describeCallDrop(node, context);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return describeAssignmentDrop(node, context);
  if (ts.isDeleteExpression(node)) return describeDeleteOperator(node, context);
  return undefined;
}

interface ContainerOfResources {
  kind: ContainerKind;
  resource: Resource;
  valueType: ts.Type;
  text: CanonicalText;
  storesIntervals: boolean;
}

/**
 * `declaredTypeOnly`: answer only when the receiver's declaration shows it can be a container (see
 * isDeclaredLikeContainer) — for assignment sites, too common to let the checker infer at each.
 */
function containerOfResources(expression: ts.Expression, context: DropContext, declaredTypeOnly = false): ContainerOfResources | undefined {
  const text = canonical(expression);
  if (!text || text.impure) return undefined;
  // Ownership is read from the syntax (one walk per class or module): asked before the checker,
  // it rules out most receivers — a local that only ever holds a call's result owns nothing.
  const ownership = getOwnership(expression);
  if (!ownership.owns) return undefined;
  if (declaredTypeOnly && !isDeclaredLikeContainer(expression, context.checker)) return undefined;
  const container = containerTypeOf(expression, context.program, context.checker);
  if (!container || container.kind === 'Cache') return undefined;
  const resource = context.resources.resourceOf(container.valueType);
  if (!resource) return undefined;
  return { kind: container.kind, resource, valueType: container.valueType, text, storesIntervals: ownership.storesIntervals };
}

function describeCallDrop(node: ts.CallExpression, context: DropContext): DropCandidate | undefined {
  const method = calledMethodName(node);
  if (method === undefined || !CANDIDATE_METHODS.has(method)) return undefined;
  const callee = skipOuter(node.expression) as ts.PropertyAccessExpression;
  const receiver = skipOuter(callee.expression);
  const [first, second] = node.arguments;
  // A `set()` under a key that cannot be taken yet drops nothing: decided before any question to the checker.
  if (method === 'set' && first && second && (isFreshKey(first) || isOwnIdentity(first, second))) return undefined;
  const container = containerOfResources(receiver, context);
  if (!container) return undefined;
  const { kind } = container;
  const base = { containerKind: kind, containerExpression: receiver, resource: container.resource, storesIntervals: container.storesIntervals };
  const resultUse = isResultUsed(node);

  if (method === 'clear' && (kind === 'Map' || kind === 'Set') && node.arguments.length === 0) {
    return finish(node, 'clear', container, { kind: 'all' }, false, 'none', base, context);
  }
  if (method === 'delete' && first && node.arguments.length === 1) {
    if (kind === 'Map' || kind === 'WeakMap') return keyDrop(node, 'delete', container, first, false, base, context);
    if (kind === 'Set' || kind === 'WeakSet') return valueDrop(node, 'delete', container, first, base, context);
    return undefined;
  }
  if (method === 'set' && first && second && (kind === 'Map' || kind === 'WeakMap')) {
    if (isCreatedEmptyHere(receiver, node)) return undefined;
    const drop = keyDrop(node, 'set', container, first, true, base, context);
    return drop && { ...drop, newValue: second };
  }
  if (kind !== 'Array') return undefined;
  if (method === 'pop' || method === 'shift') {
    if (node.arguments.length > 0 || resultUse === 'returned') return undefined;
    return finish(node, method, container, { kind: 'key', key: method === 'pop' ? '#last' : '#first', keyRoots: [] }, false, 'one', base, context);
  }
  if (method === 'splice' && first) {
    if (second && isZero(second)) return undefined;
    if (resultUse === 'returned') return undefined;
    const start = skipOuter(first);
    if (node.arguments.length === 1 && isZero(start)) return finish(node, 'splice', container, { kind: 'all' }, false, 'many', base, context);
    if (ts.isCallExpression(start) && calledMethodName(start) === 'indexOf' && start.arguments[0]) {
      return valueDrop(node, 'splice', container, start.arguments[0], base, context, 'many');
    }
    // `const i = arr.indexOf(x); arr.splice(i, 1)`
    const indexOf = ts.isIdentifier(start) ? singleInitializer(start) : undefined;
    if (indexOf && ts.isCallExpression(indexOf) && calledMethodName(indexOf) === 'indexOf' && indexOf.arguments[0]) {
      return valueDrop(node, 'splice', container, indexOf.arguments[0], base, context, 'many');
    }
    const key = canonical(start);
    if (!key) return finish(node, 'splice', container, { kind: 'key', key: '#unknown', keyRoots: [] }, false, 'many', base, context);
    return finish(node, 'splice', container, { kind: 'key', key: key.text, keyRoots: key.roots }, false, 'many', { ...base, keyExpression: start }, context);
  }
  return undefined;
}

function describeAssignmentDrop(node: ts.BinaryExpression, context: DropContext): DropCandidate | undefined {
  // Every syntactic test comes before the first question to the checker: assignments are the most
  // common candidate sites, and almost none of them touch a container.
  const target = skipOuter(node.left);
  if (ts.isElementAccessExpression(target)) {
    const receiver = skipOuter(target.expression);
    if (isFreshKey(target.argumentExpression) || isOwnIdentity(target.argumentExpression, node.right)) return undefined;
    const container = containerOfResources(receiver, context, true);
    if (!container || (container.kind !== 'ObjectMap' && container.kind !== 'Array')) return undefined;
    if (isCreatedEmptyHere(receiver, node)) return undefined;
    const base = { containerKind: container.kind, containerExpression: receiver, resource: container.resource, storesIntervals: container.storesIntervals, newValue: node.right };
    return keyDrop(node, 'assign', container, target.argumentExpression, true, base, context);
  }
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'length' && isZero(node.right)) {
    const receiver = skipOuter(target.expression);
    const container = containerOfResources(receiver, context, true);
    if (!container || container.kind !== 'Array') return undefined;
    const base = { containerKind: container.kind, containerExpression: receiver, resource: container.resource, storesIntervals: container.storesIntervals };
    return finish(node, 'truncate', container, { kind: 'all' }, false, 'none', base, context);
  }
  if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) {
    // Replacing a container means assigning a new one (`new Map()`, `[]`, `{}`, a factory's result);
    // other assignments are not asked about, which keeps the checker away from most `x = …`.
    if (!isContainerMadeHere(node.right) || !hadEarlierValue(target, node)) return undefined;
    const container = containerOfResources(target, context, true);
    if (!container) return undefined;
    // `list = list.filter(…)` keeps what it keeps; which values leave is beyond a syntactic read.
    if (mentions(node.right, container.text.text)) return undefined;
    const base = { containerKind: container.kind, containerExpression: target, resource: container.resource, storesIntervals: container.storesIntervals };
    return finish(node, 'reassign', container, { kind: 'all' }, true, 'none', base, context);
  }
  return undefined;
}

function describeDeleteOperator(node: ts.DeleteExpression, context: DropContext): DropCandidate | undefined {
  const target = skipOuter(node.expression);
  if (!ts.isElementAccessExpression(target)) return undefined;
  const receiver = skipOuter(target.expression);
  const container = containerOfResources(receiver, context, true);
  if (!container || container.kind !== 'ObjectMap') return undefined;
  const base = { containerKind: container.kind, containerExpression: receiver, resource: container.resource, storesIntervals: container.storesIntervals };
  return keyDrop(node, 'deleteOperator', container, target.argumentExpression, false, base, context);
}

type Base = Omit<DropCandidate, 'site' | 'operation'>;

function keyDrop(
  node: ts.Node,
  operation: DropOperation,
  container: ContainerOfResources,
  keyExpression: ts.Expression,
  storesNewValue: boolean,
  base: Base,
  context: DropContext,
): DropCandidate | undefined {
  const key = canonical(keyExpression);
  if (isKeyOfBorrowedValue(keyExpression, container.valueType, node, context)) return undefined;
  if (key && !key.impure && isMirroredElsewhere(node, container, key.text, context)) return undefined;
  if (storesNewValue && isGuardedInEveryCaller(node, container, keyExpression, context)) return undefined;
  return finish(
    node,
    operation,
    container,
    keyTarget(keyExpression),
    storesNewValue,
    'none',
    { ...base, keyExpression },
    context,
  );
}

function valueDrop(
  node: ts.Node,
  operation: DropOperation,
  container: ContainerOfResources,
  valueExpression: ts.Expression,
  base: Base,
  context: DropContext,
  result: DropSite['result'] = 'none',
): DropCandidate | undefined {
  const value = canonical(valueExpression);
  if (!value || value.impure) return undefined;
  // `remove(child)`: the caller handed it in and still holds it.
  if (isParameterPath(valueExpression, node)) return undefined;
  return finish(node, operation, container, { kind: 'value', variable: value.text }, false, result, { ...base, valueExpression }, context);
}

/** The place a key names; a key that cannot be named again gets a target no fact can match. */
function keyTarget(keyExpression: ts.Expression): DropSite['target'] {
  const key = canonical(keyExpression);
  return key ? { kind: 'key', key: key.text, keyRoots: key.roots } : { kind: 'key', key: `#unknown${keyExpression.pos}`, keyRoots: [] };
}

/** The initializer of a `const` (or a `let` never reassigned), in this function or one around it. */
function singleInitializer(name: ts.Identifier): ts.Expression | undefined {
  const values = declarationValues(name);
  return values?.length === 1 ? skipOuter(values[0]!) : undefined;
}

function finish(
  node: ts.Node,
  operation: DropOperation,
  container: ContainerOfResources,
  target: DropSite['target'],
  storesNewValue: boolean,
  result: DropSite['result'],
  base: Base,
  context: DropContext,
): DropCandidate | undefined {
  const { slots, directCalls } = owedSlots(node, container, context);
  if (slots.length === 0 && !directCalls) return undefined;
  const storedAs = ownTimerHandle(node);
  return {
    ...base,
    ...(directCalls && { directCalls }),
    operation,
    site: {
      node,
      container: container.text.text,
      containerRoots: container.text.roots,
      target,
      slots,
      storesNewValue,
      result,
      ...(storedAs !== undefined && { storedAs }),
    },
  };
}

/** Inside `const handle = setInterval(() => …)`, the name `handle`: clearing it clears the timer stored for this entry. */
function ownTimerHandle(node: ts.Node): string | undefined {
  const fn = enclosingBody(node);
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const name = calleeName(call);
  if (name !== 'setInterval' && name !== 'setTimeout') return undefined;
  const declaration = call.parent;
  return declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
}

/**
 * `'*'` for a plain resource, the resource fields of a record — minus those this context already
 * settled — and the direct calls of a timer callback that must be judged at their call sites.
 */
function owedSlots(node: ts.Node, container: ContainerOfResources, context: DropContext): Pick<DropCandidate, 'directCalls'> & { slots: string[] } {
  const all = obligationSlots(container.resource);
  const fn = enclosingBody(node);
  if (!isFunctionLike(fn)) return { slots: all };
  if (isInsideOwnReleaseMethod(node, container, context)) return { slots: [] };
  // A one-shot timer whose callback runs has fired: its handle owes nothing.
  if (isOneShotTimerCallback(fn) || isCalledOnlyFromOneShotTimers(fn)) return { slots: slotsBesideTimers(container.resource) ?? all };
  const directCalls = directCallsOfTimerCallback(fn);
  const besideTimers = directCalls && slotsBesideTimers(container.resource);
  if (directCalls && besideTimers) return { slots: besideTimers, directCalls: { calls: directCalls, slots: all } };
  return { slots: settledByCloseHandler(fn, container, context) ?? all };
}

/** What a fired timer leaves owed: nothing for a timer, the other fields of a record holding one. */
function slotsBesideTimers(resource: Resource): string[] | undefined {
  if (isOnlyTimers(resource)) return [];
  if (resource.release.kind === 'fields') return resource.release.fields.filter((field) => !isOnlyTimers(field.resource)).map((field) => field.name);
  return undefined;
}

/** Inside the value's own close/exit handler: the slots that handler has not settled. */
function settledByCloseHandler(fn: ts.FunctionLikeDeclaration, container: ContainerOfResources, context: DropContext): string[] | undefined {
  const fields = container.resource.release.kind === 'fields' ? container.resource.release.fields : undefined;
  const closed = closedEmitterType(fn, context);
  if (closed) {
    if (isSameResource(closed, container.valueType, context.checker)) return [];
    if (fields) {
      return fields
        .filter((field) => {
          const property = container.valueType.getProperty(field.name);
          const fieldType = property && context.checker.getTypeOfSymbol(property);
          return !fieldType || !isSameResource(closed, fieldType, context.checker);
        })
        .map((field) => field.name);
    }
  }
  return undefined;
}

/** The closing emitter is the stored value: the same declared type, or a subtype (`ChildProcessWithoutNullStreams`). */
function isSameResource(emitter: ts.Type, stored: ts.Type, checker: ts.TypeChecker): boolean {
  const emitterSymbol = symbolOf(emitter, checker);
  if (emitterSymbol && emitterSymbol === symbolOf(stored, checker)) return true;
  return checker.isTypeAssignableTo(checker.getNonNullableType(emitter), checker.getNonNullableType(stored));
}

function symbolOf(type: ts.Type, checker: ts.TypeChecker): ts.Symbol | undefined {
  const nonNullable = checker.getNonNullableType(type);
  return nonNullable.getSymbol() ?? nonNullable.aliasSymbol;
}

/** `setTimeout(() => { pending.delete(id); … }, ms)`, or `const run = () => { … }; setTimeout(run, ms)` */
function isOneShotTimerCallback(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (call && ts.isCallExpression(call) && call.arguments[0] === fn) return isTimerCall(call, 'setTimeout');
  // Every use of the name schedules it once.
  const uses = namedCallbackUses(fn);
  return uses !== undefined && uses.scheduled && !uses.otherUse && uses.calls.length === 0;
}

/**
 * `const run = () => { timers.delete(id); … }` scheduled by `setTimeout(run, ms)` and also called
 * as `run()` (a debounce's max-wait path): the direct calls, when every other use schedules it.
 */
function directCallsOfTimerCallback(fn: ts.FunctionLikeDeclaration): ts.CallExpression[] | undefined {
  const uses = namedCallbackUses(fn);
  return uses?.isConst && uses.scheduled && !uses.otherUse && uses.calls.length > 0 ? uses.calls : undefined;
}

/** How the name a callback is declared under is used in its scope: scheduled by `setTimeout`, called, or otherwise. */
function namedCallbackUses(fn: ts.FunctionLikeDeclaration): { scheduled: boolean; calls: ts.CallExpression[]; otherUse: boolean; isConst: boolean } | undefined {
  const declaration = fn.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const name = declaration.name.text;
  const uses = {
    scheduled: false,
    calls: [] as ts.CallExpression[],
    otherUse: false,
    isConst: ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0,
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const parent = node.parent;
      if (ts.isCallExpression(parent) && parent.arguments[0] === node && isTimerCall(parent, 'setTimeout')) uses.scheduled = true;
      else if (ts.isCallExpression(parent) && parent.expression === node) uses.calls.push(parent);
      else uses.otherUse = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(enclosingBody(declaration));
  return uses;
}

/**
 * A private method (or a module function) that only one-shot timers call, each from a callback
 * that does nothing else: `setTimeout(() => this.handleTimeout(job.id), ms)`. When it runs, the
 * timer that called it has fired. Any other use (a direct call, a reference passed on) and it
 * does not count.
 */
const calledOnlyFromTimersCache = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

function isCalledOnlyFromOneShotTimers(fn: ts.FunctionLikeDeclaration): boolean {
  let answer = calledOnlyFromTimersCache.get(fn);
  if (answer === undefined) {
    answer = computeCalledOnlyFromOneShotTimers(fn);
    calledOnlyFromTimersCache.set(fn, answer);
  }
  return answer;
}

function computeCalledOnlyFromOneShotTimers(fn: ts.FunctionLikeDeclaration): boolean {
  const target = callTarget(fn);
  if (!target) return false;
  let fromTimers = 0;
  let otherUse = false;
  const visit = (node: ts.Node): void => {
    if (otherUse) return;
    const referenced = target.isMethod
      ? ts.isPropertyAccessExpression(node) && skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword && node.name.text === target.name
      : ts.isIdentifier(node) && node.text === target.name && node !== target.declarationName;
    if (referenced) {
      if (isSoleCallInOneShotTimerCallback(node as ts.Expression)) fromTimers++;
      else otherUse = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(target.scope);
  return fromTimers > 0 && !otherUse;
}

function callTarget(fn: ts.FunctionLikeDeclaration): { name: string; isMethod: boolean; scope: ts.Node; declarationName?: ts.Node } | undefined {
  const holder = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  if ((ts.isMethodDeclaration(holder) || ts.isPropertyDeclaration(holder)) && ts.isClassLike(holder.parent)) {
    // Only the class itself can call a private member; a public one may be called from anywhere.
    if (!isPrivateMember(holder) || (ts.getCombinedModifierFlags(holder) & ts.ModifierFlags.Static) !== 0) return undefined;
    return { name: holder.name.getText(), isMethod: true, scope: holder.parent };
  }
  const declared = ts.isFunctionDeclaration(holder) ? holder : ts.isVariableDeclaration(holder) ? holder : undefined;
  if (!declared?.name || !ts.isIdentifier(declared.name)) return undefined;
  const statement = ts.isVariableDeclaration(declared) ? declared.parent.parent : declared;
  // An exported function may be called from other modules.
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  return { name: declared.name.text, isMethod: false, scope: enclosingBody(declared), declarationName: declared.name };
}

/** `setTimeout(() => target(…), ms)` or `setTimeout(() => { target(…); }, ms)`. */
function isSoleCallInOneShotTimerCallback(reference: ts.Expression): boolean {
  const call = reference.parent;
  if (!ts.isCallExpression(call) || call.expression !== reference) return false;
  const statement = ts.isExpressionStatement(call.parent) ? call.parent : undefined;
  const callback = statement ? (ts.isBlock(statement.parent) && statement.parent.statements.length === 1 ? statement.parent.parent : undefined) : call.parent;
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return false;
  if (!statement && callback.body !== call) return false;
  const timer = callback.parent;
  return ts.isCallExpression(timer) && timer.arguments[0] === callback && isTimerCall(timer, 'setTimeout');
}

function isTimerCall(call: ts.CallExpression, timer: string): boolean {
  return calleeName(call) === timer;
}

/** `socket.on('close', () => sockets.delete(id))`, `child.once('exit', …)`, `ws.onclose = …`: the emitter's type. */
function closedEmitterType(fn: ts.FunctionLikeDeclaration, context: DropContext): ts.Type | undefined {
  const parent = fn.parent;
  if (parent && ts.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) {
    const method = calledMethodName(parent);
    const [event] = parent.arguments;
    if (method && LISTENER_METHODS.has(method) && event && ts.isStringLiteralLike(event) && CLOSE_EVENTS.has(event.text)) {
      const emitter = (skipOuter(parent.expression) as ts.PropertyAccessExpression).expression;
      return context.checker.getTypeAtLocation(emitter);
    }
    // `connection.onClose(() => …)`, `ws.onDisconnect(…)`
    if (method && CLOSE_HOOK_METHOD.test(method) && parent.arguments[0] === fn) {
      const emitter = (skipOuter(parent.expression) as ts.PropertyAccessExpression).expression;
      return context.checker.getTypeAtLocation(emitter);
    }
  }
  if (parent && ts.isBinaryExpression(parent) && parent.right === fn) {
    const target = skipOuter(parent.left);
    if (ts.isPropertyAccessExpression(target) && /^on(close|exit|end|disconnect)$/.test(target.name.text)) {
      return context.checker.getTypeAtLocation(target.expression);
    }
  }
  return undefined;
}

/** `stop() { clearInterval(this.timer); registry.delete(this.id); }` — that delete is the stop. */
function isInsideOwnReleaseMethod(node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const names = releaseNames(container.resource.release).methods;
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (ts.isMethodDeclaration(current) || (ts.isPropertyDeclaration(current) && current.initializer && isFunctionLike(current.initializer))) {
      const name = current.name && ts.isIdentifier(current.name) ? current.name.text : undefined;
      const owner = current.parent;
      if (name === undefined || !ts.isClassLike(owner)) return false;
      if (!names.has(name) && !isReleaseLikeName(name)) return false;
      const ownerType = context.checker.getTypeAtLocation(owner);
      const valueSymbol = symbolOf(container.valueType, context.checker);
      const ownerSymbol = ownerType.getSymbol();
      if (!ownerSymbol || !valueSymbol) return false;
      if (ownerSymbol === valueSymbol) return true;
      // A subclass's stop() removing itself from a registry of its base type.
      return context.checker.isTypeAssignableTo(ownerType, container.valueType);
    }
    if (ts.isClassLike(current) || ts.isSourceFile(current)) return false;
    current = current.parent;
  }
  return false;
}

function isReleaseLikeName(name: string): boolean {
  return /^(stop|dispose|close|destroy|terminate|unsubscribe|cancel|shutdown|disconnect|release|teardown|end|kill|halt|quit)/i.test(name);
}

/**
 * `private install(dir) { this.watchers.set(dir, watch(dir)) }` whose every caller checks
 * `this.watchers.has(dir)` first: the insertion is guarded further up. Each call site is
 * analyzed as if it stored at the argument's key; the method must be private (or #private),
 * called only as `this.method(…)` in its class, and the key one of its parameters.
 */
function isGuardedInEveryCaller(node: ts.Node, container: ContainerOfResources, keyExpression: ts.Expression, context: DropContext): boolean {
  const method = enclosingBody(node);
  if (!ts.isMethodDeclaration(method) || !method.body) return false;
  const isPrivate = isPrivateMember(method);
  const key = skipOuter(keyExpression);
  const parameterIndex = ts.isIdentifier(key) ? method.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === key.text) : -1;
  if (!isPrivate || parameterIndex < 0 || !container.text.text.startsWith('this.') || !ts.isClassLike(method.parent)) return false;
  const name = method.name.getText();
  const calls: ts.CallExpression[] = [];
  let otherUse = false;
  const visit = (child: ts.Node): void => {
    if (ts.isPropertyAccessExpression(child) && child.name.getText() === name && child.expression.kind === ts.SyntaxKind.ThisKeyword) {
      if (ts.isCallExpression(child.parent) && child.parent.expression === child) calls.push(child.parent);
      else otherUse = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(method.parent);
  if (otherUse || calls.length === 0) return false;
  const slots = obligationSlots(container.resource);
  const options = { vocabulary: context.session.vocabularyFor([container.resource]), resolver: context.session.resolver };
  return calls.every((call) => {
    const argument = call.arguments[parameterIndex];
    const argumentKey = argument && canonical(argument);
    if (!argumentKey || argumentKey.impure) return false;
    const probe: DropSite = {
      node: call,
      container: container.text.text,
      containerRoots: container.text.roots,
      target: { kind: 'key', key: argumentKey.text, keyRoots: argumentKey.roots },
      slots,
      storesNewValue: true,
      result: 'none',
    };
    const [verdict] = analyzeDrops(enclosingBody(call), [probe], options, context.session.summaries);
    return verdict !== undefined && !verdict.owedAtDrop;
  });
}

/**
 * Maps keyed alike and holding the same type mirror each other (`all[key]` and `master[key]`):
 * when the function that drops `container[key]` also reads or writes the same key of another
 * such container, the value is moved between them or still held by the other, not lost.
 */
function isMirroredElsewhere(node: ts.Node, container: ContainerOfResources, keyText: string, context: DropContext): boolean {
  const valueSymbol = symbolOf(container.valueType, context.checker);
  if (valueSymbol === undefined) return false;
  const others = keyAccessesIn(enclosingBody(node)).get(keyText);
  if (!others) return false;
  for (const [text, expression] of others) {
    if (text === container.text.text) continue;
    const other = containerTypeOf(expression, context.program, context.checker);
    if (other && other.kind !== 'Cache' && symbolOf(other.valueType, context.checker) === valueSymbol) return true;
  }
  return false;
}

const keyAccessCache = new WeakMap<ts.Node, Map<string, Map<string, ts.Expression>>>();

/** Key text → containers read or written at that key (`x[k]`, `x.get(k)`, `x.set(k, …)`) in one body, from one walk. */
function keyAccessesIn(fn: ts.Node): Map<string, Map<string, ts.Expression>> {
  const cached = keyAccessCache.get(fn);
  if (cached) return cached;
  const byKey = new Map<string, Map<string, ts.Expression>>();
  const note = (keyExpression: ts.Expression, containerExpression: ts.Expression): void => {
    const key = canonical(keyExpression)?.text;
    const container = canonical(containerExpression)?.text;
    if (key === undefined || container === undefined) return;
    let containers = byKey.get(key);
    if (!containers) byKey.set(key, (containers = new Map()));
    if (!containers.has(container)) containers.set(container, containerExpression);
  };
  const visit = (child: ts.Node): void => {
    if (child !== fn && isSeparateFunction(child)) return;
    if (ts.isElementAccessExpression(child)) note(child.argumentExpression, skipOuter(child.expression));
    if (ts.isCallExpression(child)) {
      const method = calledMethodName(child);
      const [first] = child.arguments;
      if ((method === 'get' || method === 'set') && first) note(first, skipOuter((skipOuter(child.expression) as ts.PropertyAccessExpression).expression));
    }
    ts.forEachChild(child, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  keyAccessCache.set(fn, byKey);
  return byKey;
}

/** `detach(provider) { this.providers.delete(provider.name) }`: removing a value the caller holds. */
function isKeyOfBorrowedValue(keyExpression: ts.Expression, valueType: ts.Type, node: ts.Node, context: DropContext): boolean {
  // `const name = document.name; … map.delete(name)`
  const key = skipOuter(keyExpression);
  const initializer = ts.isIdentifier(key) ? singleInitializer(key) : undefined;
  if (initializer && ts.isPropertyAccessExpression(initializer)) return isKeyOfBorrowedValue(initializer, valueType, node, context);
  let root = skipOuter(keyExpression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  if (!ts.isIdentifier(root) || root === skipOuter(keyExpression)) return false;
  const parameter = findParameter(root.text, node);
  if (!parameter) return false;
  const parameterType = context.checker.getTypeAtLocation(parameter);
  const valueSymbol = symbolOf(valueType, context.checker);
  return valueSymbol !== undefined && symbolOf(parameterType, context.checker) === valueSymbol;
}

function isParameterPath(expression: ts.Expression, node: ts.Node): boolean {
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  return ts.isIdentifier(root) && findParameter(root.text, node) !== undefined && !isReassignedLocally(root.text, node);
}

function findParameter(name: string, node: ts.Node): ts.ParameterDeclaration | undefined {
  let current: ts.Node = node;
  while (!ts.isSourceFile(current)) {
    const fn = enclosingBody(current);
    if (!isFunctionLike(fn)) return undefined;
    const parameter = fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (parameter) return parameter;
    if (declaresLocal(fn, name)) return undefined;
    current = fn;
  }
  return undefined;
}

function declaresLocal(fn: ts.FunctionLikeDeclaration, name: string): boolean {
  return assignmentsOf(name, fn).declared;
}

function isReassignedLocally(name: string, node: ts.Node): boolean {
  return assignmentsOf(name, enclosingBody(node)).values.length > 0;
}

/** `map.set(++this.seq, …)`, `const id = randomUUID(); map.set(id, …)`: no earlier value can sit there. */
function isFreshKey(keyExpression: ts.Expression): boolean {
  const key = skipOuter(keyExpression);
  if (isFreshValue(key)) return true;
  if (!ts.isIdentifier(key)) return false;
  const values = declarationValues(key);
  return values !== undefined && values.length === 1 && isFreshValue(skipOuter(values[0]!));
}

/**
 * The values a name is given, in the function that declares it (walking out through closures):
 * undefined for parameters and names declared nowhere in reach.
 */
function declarationValues(name: ts.Identifier): ts.Expression[] | undefined {
  let current: ts.Node = name;
  while (!ts.isSourceFile(current)) {
    const fn = enclosingBody(current);
    const assignments = assignmentsOf(name.text, fn);
    if (assignments.declared) return assignments.values;
    if (isFunctionLike(fn) && fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name.text)) return undefined;
    if (ts.isSourceFile(fn)) return undefined;
    current = fn;
  }
  return undefined;
}

const assignmentsCache = new WeakMap<ts.Node, Map<string, { declared: boolean; values: ts.Expression[] }>>();

/** Where a name is declared and assigned directly in this body (nested functions excluded); one walk per body. */
function assignmentsOf(name: string, fn: ts.Node): { declared: boolean; values: ts.Expression[] } {
  let byName = assignmentsCache.get(fn);
  if (!byName) {
    const names = new Map<string, { declared: boolean; values: ts.Expression[] }>();
    const entry = (text: string): { declared: boolean; values: ts.Expression[] } => {
      let found = names.get(text);
      if (!found) names.set(text, (found = { declared: false, values: [] }));
      return found;
    };
    const visit = (node: ts.Node): void => {
      if (node !== fn && isSeparateFunction(node)) return;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const found = entry(node.name.text);
        found.declared = true;
        if (node.initializer) found.values.push(node.initializer);
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        const left = skipOuter(node.left);
        // `let id; id = generate();` gives it one value; any further assignment counts twice, so a
        // reassigned name is never "one initializer".
        if (ts.isIdentifier(left)) {
          const found = entry(left.text);
          if (found.values.length === 0 && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) found.values.push(node.right);
          else found.values.push(node.right, node.right);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(fn);
    assignmentsCache.set(fn, (byName = names));
  }
  return byName.get(name) ?? { declared: false, values: [] };
}

function isFreshValue(expression: ts.Expression, depth = 0): boolean {
  if (depth > 3) return false;
  const e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) return isFreshValue(e.expression, depth + 1);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusPlusToken) return true;
  if (ts.isPostfixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusPlusToken) return true;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return true;
  if (ts.isObjectLiteralExpression(e) || ts.isNewExpression(e)) return true;
  // `${prefix}-${randomUUID()}`, `'job:' + nanoid()`: a fresh part makes the whole fresh.
  if (ts.isTemplateExpression(e)) return e.templateSpans.some((span) => isFreshValue(span.expression, depth + 1));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return isFreshValue(e.left, depth + 1) || isFreshValue(e.right, depth + 1);
  if (ts.isCallExpression(e)) {
    const callee = skipOuter(e.expression);
    const name = calleeName(e);
    if (name === undefined) return false;
    if (FRESH_KEY_FACTORIES.has(name)) return true;
    if (ts.isPropertyAccessExpression(callee) && FRESH_PRESERVING_METHODS.has(name)) return isFreshValue(callee.expression, depth + 1);
    // A helper of this module that returns a fresh value: `function randomId() { return randomBytes(8).toString('hex'); }`
    if (ts.isIdentifier(callee)) return localFunctionReturns(callee, (returned) => isFreshValue(returned, depth + 1));
  }
  return false;
}

/** A function declared in this module (by name, at any level) whose every `return` satisfies `test`. */
function localFunctionReturns(name: ts.Identifier, test: (returned: ts.Expression) => boolean): boolean {
  const declaration = moduleFunctions(name.getSourceFile()).get(name.text);
  if (!declaration?.body) return false;
  if (!ts.isBlock(declaration.body)) return test(declaration.body);
  const returned: ts.Expression[] = [];
  let bare = false;
  const visit = (node: ts.Node): void => {
    if (isSeparateFunction(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) returned.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, visit);
  };
  declaration.body.statements.forEach(visit);
  return !bare && returned.length > 0 && returned.every(test);
}

const moduleFunctionsCache = new WeakMap<ts.SourceFile, Map<string, ts.FunctionLikeDeclaration>>();

/** Top-level `function f() {}` and `const f = () => …` of a module, declared once by that name. */
function moduleFunctions(sourceFile: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration> {
  let functions = moduleFunctionsCache.get(sourceFile);
  if (!functions) {
    functions = new Map();
    const seen = new Set<string>();
    const add = (name: string, fn: ts.FunctionLikeDeclaration): void => {
      if (seen.has(name)) functions!.delete(name);
      else functions!.set(name, fn);
      seen.add(name);
    };
    for (const statement of sourceFile.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, statement);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const initializer = declaration.initializer && skipOuter(declaration.initializer);
          if (ts.isIdentifier(declaration.name) && initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) add(declaration.name.text, initializer);
        }
      }
    }
    moduleFunctionsCache.set(sourceFile, functions);
  }
  return functions;
}

/**
 * `retained[child.pid] = child`, `sockets.set(socket.id, socket)`: a value stored under its own
 * identity. What the place held before is the same object (a same-value store drops nothing) or
 * another object with the same id — which ids rule out. A property like `userId` names something
 * else and does not count.
 */
function isOwnIdentity(keyExpression: ts.Expression, storedValue: ts.Expression | undefined): boolean {
  if (!storedValue) return false;
  const key = skipOuter(keyExpression);
  if (!ts.isPropertyAccessExpression(key) || !IDENTITY_PROPERTIES.has(key.name.text)) return false;
  const owner = canonical(skipOuter(key.expression));
  const value = canonical(skipOuter(storedValue));
  return owner !== undefined && value !== undefined && !owner.impure && !value.impure && owner.text === value.text;
}

/**
 * A container made empty in this very function (a local `new Map()`, or `this.x = new Map()`
 * in the same body, or a field initialized empty and filled in the constructor) cannot hold
 * an earlier value at a key.
 */
function isCreatedEmptyHere(receiver: ts.Expression, node: ts.Node): boolean {
  const text = canonical(receiver)?.text;
  if (text === undefined) return false;
  const fn = enclosingBody(node);
  const madeEmpty = emptyContainersIn(fn).get(text);
  if (madeEmpty !== undefined && madeEmpty < node.pos) return true;
  if (ts.isConstructorDeclaration(fn) && text.startsWith('this.')) {
    const field = fn.parent.members.find((member) => ts.isPropertyDeclaration(member) && `this.${member.name.getText()}` === text);
    return field !== undefined && ts.isPropertyDeclaration(field) && field.initializer !== undefined && isEmptyContainer(field.initializer);
  }
  return false;
}

const emptyContainersCache = new WeakMap<ts.Node, Map<string, number>>();

/** Names (and `this.x`) given an empty container in this body, with the position where that happens; one walk per body. */
function emptyContainersIn(fn: ts.Node): Map<string, number> {
  const cached = emptyContainersCache.get(fn);
  if (cached) return cached;
  const made = new Map<string, number>();
  const visit = (child: ts.Node): void => {
    if (child !== fn && isSeparateFunction(child)) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer && isEmptyContainer(child.initializer) && !made.has(child.name.text)) {
      made.set(child.name.text, child.pos);
    }
    if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && isEmptyContainer(child.right)) {
      const text = canonical(child.left)?.text;
      if (text !== undefined && !made.has(text)) made.set(text, child.pos);
    }
    ts.forEachChild(child, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  emptyContainersCache.set(fn, made);
  return made;
}

/** A value that can be a fresh container: constructed, a literal, or what a call (a factory) returns. */
function isContainerMadeHere(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) return isContainerMadeHere(e.expression);
  return ts.isNewExpression(e) || ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isCallExpression(e);
}

function isEmptyContainer(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (
    (ts.isNewExpression(e) && (e.arguments?.length ?? 0) === 0) ||
    (ts.isObjectLiteralExpression(e) && e.properties.length === 0) ||
    (ts.isArrayLiteralExpression(e) && e.elements.length === 0)
  );
}

/**
 * Reassigning a container drops what it held only when it held something: a field with
 * an initializer or one set in the constructor, or a variable declared with a value. The
 * constructor's own first assignment drops nothing.
 */
function hadEarlierValue(target: ts.Expression, node: ts.BinaryExpression): boolean {
  const fn = enclosingBody(node);
  if (ts.isConstructorDeclaration(fn)) return false;
  if (ts.isIdentifier(target)) return true;
  if (!ts.isPropertyAccessExpression(target) || skipOuter(target.expression).kind !== ts.SyntaxKind.ThisKeyword) return true;
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isClassLike(current)) current = current.parent;
  if (!current) return false;
  const name = target.name.text;
  for (const member of current.members) {
    if (ts.isPropertyDeclaration(member) && member.name.getText() === name && member.initializer) return true;
    if (ts.isConstructorDeclaration(member) && member.body && mentions(member.body, `this.${name}`)) return true;
  }
  return false;
}

function mentions(node: ts.Node, text: string): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if ((ts.isPropertyAccessExpression(child) || ts.isIdentifier(child)) && canonical(child as ts.Expression)?.text === text) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** What the enclosing code does with a call's result: returned values are handed on. */
function isResultUsed(node: ts.Expression): 'unused' | 'returned' | 'used' {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isExpressionStatement(parent)) return 'unused';
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return 'returned';
  return 'used';
}

function isZero(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isNumericLiteral(e) && Number(e.text) === 0;
}

// ---------------------------------------------------------------------------
// Caches

export interface CacheCall {
  use: CacheUse;
  resource: Resource;
  /** Hooks registered on the cache that release the value on every path. */
  releasing: ReadonlySet<string>;
  method: string;
  paths: readonly EvictionPath[];
  /** What the cache itself loses (expiry, size eviction, copies): reported on its construction. */
  constructionProblem: ConstructionProblem | undefined;
}

/** A call on an instance of a cache library that holds resources the program owns. */
export function describeCacheCall(node: ts.CallExpression, context: DropContext): CacheCall | undefined {
  const method = calledMethodName(node);
  if (method === undefined || !CANDIDATE_METHODS.has(method)) return undefined;
  if (!programUsesCacheLibrary(context.program)) return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const text = canonical(receiver);
  if (!text || text.impure || !getOwnership(receiver).owns) return undefined;
  const container = containerTypeOf(receiver, context.program, context.checker);
  if (container?.kind !== 'Cache') return undefined;
  const paths = pathsOfMethod(container.library, method);
  if (paths.length === 0) return undefined;
  const use = getCacheUse(receiver, container.library, context.program);
  if (!use) return undefined;
  const resource = resourceOfCache(use, context.resources, context.checker);
  if (!resource) return undefined;
  const releasing = releasingHooks(use, resource, context.session);
  return { use, resource, releasing, method, paths, constructionProblem: constructionProblem(use, releasing) };
}

/**
 * A delete or clear on a cache whose library calls no releasing hook there
 * (quick-lru `delete()`, node-cache `flushAll()`): a drop like a Map's.
 */
export function cacheRemovalDrop(node: ts.CallExpression, call: CacheCall): DropCandidate | undefined {
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
    containerKind: 'Cache',
    containerExpression: receiver,
    resource: call.resource,
    storesIntervals: false,
    cache: call.use.library,
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
export function cacheOverwriteDrop(node: ts.CallExpression, call: CacheCall): (DropCandidate & { lookupsProveAbsence: boolean }) | undefined {
  if (!call.paths.includes('overwrite') || copiesValues(call.use) || call.releasing.size === 0) return undefined;
  if (returnsDroppedValue(call.use.library, call.method)) return undefined;
  if (pathCover(call.use, 'overwrite', call.releasing, node.arguments, call.method).covered) return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const container = canonical(receiver);
  const [keyExpression, newValue] = node.arguments;
  if (!container || !keyExpression || !newValue || isFreshKey(keyExpression) || isOwnIdentity(keyExpression, newValue) || !call.resource) return undefined;
  return {
    containerKind: 'Cache',
    containerExpression: receiver,
    resource: call.resource,
    storesIntervals: false,
    cache: call.use.library,
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
