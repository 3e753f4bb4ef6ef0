/**
 * What a drop owes where it happens: every slot of the value, or less in the contexts that have
 * settled some of it — the value's own release method, its own close/exit handler, the callback of
 * a one-shot timer that has fired (or a private method only such callbacks call).
 */
import { typeMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { entryAt } from '../containers/entries.js';
import { heldName } from '../containers/recordFunctions.js';
import { readContainerOf } from '../containers/kinds.js';
import { recordFieldType } from '../containers/types.js';
import { containerPlaces, visibleInsertions } from '../containers/ownership.js';
import { CONTAINER_VOCABULARY } from '../containers/vocabulary.js';
import { STREAM_CONTROLLERS, STREAM_END_METHODS, TIMER_HANDLE_TYPES } from '../resources/builtins.js';
import { isOnlyTimers, isReleaseLikeName, obligationSlots, releaseNames, type Resource } from '../resources/release.js';
import { memoTable, type AnalysisSession } from '../session.js';
import {
  alwaysLeaves,
  callMadeBy,
  calledMethodName,
  calleeName,
  canonical,
  containsCall,
  enclosingBody,
  isAssignment,
  isFunctionLike,
  isNullish,
  isPrivateMember,
  isPromiseCombinator,
  isPromiseContinuation,
  isSeparateFunction,
  mentions,
  promiseChainHead,
  rootOf,
  skipOuter,
  statementInBlock,
} from '../syntax/expressions.js';
import {
  isEndedValueHook,
  isEndEvent,
  isEndHandlerProperty,
  isEndHookMethod,
  isEndHookOption,
  isEndObservable,
  isEndOfStreamFunction,
  isEndPromise,
  LISTENER_METHODS,
} from '../syntax/endOfLife.js';
import { callsOfLocalFunction, callsOfNestedFunction, callsOfOwnMethod, localFunctionName, singleInitializer } from '../syntax/names.js';
import { callsOfMethodAcrossProgram, memberAccessesNamed } from '../syntax/programCalls.js';
import { releasedSlots, resolveCallee } from '../flow/index.js';
import { ONE_SHOT_TIMERS } from '../syntax/firedFlags.js';
import { classSymbolOfNew } from '../syntax/writtenTypes.js';
import type { ContainerOfResources, DropContext } from './candidate.js';
import { flowOptionsFor } from './flowOptions.js';

const CALLED_ONLY_FROM_TIMERS = memoTable<ts.FunctionLikeDeclaration, boolean>('drops.calledOnlyFromTimers');
/** Methods an observable takes its observer by, first and alone (`closed.on(fn)`, `stopped$.subscribe(fn)`). */
const OBSERVER_METHODS = new Set(['subscribe', 'on', 'once']);

/** Inside `const handle = setInterval(() => …)`, the name `handle`: clearing it clears the timer stored for this entry. */
export function ownTimerHandle(node: ts.Node): string | undefined {
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
export function owedSlots(
  node: ts.Node,
  container: ContainerOfResources,
  context: DropContext,
): {
  slots: string[];
  directCalls?: { calls: readonly ts.CallExpression[]; slots: readonly string[] };
  releaseReenters?: true;
  successorAt?: ts.AwaitExpression;
} {
  const all = obligationSlots(container.resource);
  const fn = enclosingBody(node);
  if (!isFunctionLike(fn)) return { slots: all };
  if (
    isInsideOwnReleaseMethod(node, container, context) ||
    isReplacedOwnRelease(fn, node, container, context) ||
    isOwnReleaseCallback(fn, node, context) ||
    isJoinedToStoredRelease(fn, node, context.session)
  )
    return { slots: [] };
  const own = settledByOwnReleaseCalling(fn, container, context);
  if (own.settled.includes('*')) return { slots: [] };
  const owed = owedOutsideRelease(node, fn, all, container, context);
  const slots = own.settled.length > 0 ? owed.slots.filter((slot) => !own.settled.includes(slot)) : owed.slots;
  // Also reached from the value's own release: releasing it here would run this function again.
  return { ...owed, slots, ...(own.reenters && { releaseReenters: true as const }) };
}

function owedOutsideRelease(
  node: ts.Node,
  fn: ts.FunctionLikeDeclaration,
  all: string[],
  container: ContainerOfResources,
  context: DropContext,
): { slots: string[]; directCalls?: { calls: readonly ts.CallExpression[]; slots: readonly string[] }; successorAt?: ts.AwaitExpression } {
  // A one-shot timer whose callback runs has fired: its handle owes nothing — unless the callback
  // awaited first, when another call may have stored a successor under the key.
  const { session } = context;
  const timerCallback = isOneShotTimerCallback(fn, session);
  const successorAt = timerCallback ? awaitBeforeUncheckedRemoval(node, fn, container) : undefined;
  if (successorAt) return { slots: all, successorAt };
  if (timerCallback || isCalledOnlyFromOneShotTimers(fn, session)) return { slots: slotsBesideTimers(container.resource) ?? all };
  const directCalls = directCallsOfTimerCallback(fn, session);
  const besideTimers = directCalls && slotsBesideTimers(container.resource);
  if (directCalls && besideTimers) return { slots: besideTimers, directCalls: { calls: directCalls, slots: all } };
  if (
    isAfterOwnRelease(fn, node, container, context) ||
    isAfterOwnStateRejected(fn, container, context) ||
    isCallbackOfReleasingHelper(fn, node, container, context) ||
    isEndOfHandleItWasMadeWith(node, fn, container, context) ||
    isDropInDisposalOfItsValues(fn, node, container, context.session)
  )
    return { slots: [] };
  return {
    slots:
      settledByCloseHandler(fn, container, context, undefined, node) ??
      settledByCloseHandlersCalling(fn, container, context, node) ??
      settledByEnclosingCloseHandler(fn, container, context, node) ??
      all,
  };
}

/**
 * `pty.onExit(() => { terminal.dispose(); void flush().then(() => ptys.delete(pid)) })`: a callback
 * that the value's own end handler schedules runs after that handler, so it owes only what the
 * handler left: the fields not settled by the end itself nor released, by type, before the callback.
 */
function settledByEnclosingCloseHandler(
  fn: ts.FunctionLikeDeclaration,
  container: ContainerOfResources,
  context: DropContext,
  drop: ts.Node,
): string[] | undefined {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || container.resource.release.kind !== 'fields') return undefined;
  const handler = enclosingBody(fn);
  if (!isFunctionLike(handler) || !handler.body || !ts.isBlock(handler.body)) return undefined;
  const left = settledByCloseHandler(handler, container, context, undefined, drop);
  if (!left || left.length === 0) return left;
  const { checker } = context.session;
  // Each owed field's type and release names, asked once; a call's receiver only when its name is one of them.
  const fields = container.resource.release.fields.flatMap((field) => {
    const property = left.includes(field.name) ? container.valueType.getProperty(field.name) : undefined;
    return property ? [{ name: field.name, type: checker.getTypeOfSymbol(property), methods: releaseNames(field.resource.release).methods }] : [];
  });
  const released = new Set<string>();
  const statement = handler.body.statements.find((candidate) => candidate.pos <= fn.pos && fn.end <= candidate.end);
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee)) {
      const named = fields.filter((field) => field.methods.has(callee.name.text));
      const receiver = named.length > 0 ? checker.getTypeAtLocation(callee.expression) : undefined;
      for (const field of named) if (isSameResource(receiver!, field.type, checker)) released.add(field.name);
    }
    ts.forEachChild(node, visit);
  };
  for (const earlier of handler.body.statements) {
    if (earlier === statement) break;
    visit(earlier);
  }
  return left.filter((slot) => !released.has(slot));
}

/**
 * `setTimeout(async () => { try { await work() } finally { timers.delete(id) } })`: by the time the
 * fired timer's callback removes its key, an `await` has let another call clear it and store a new
 * timer there, which the removal then drops uncancellable. The removal is the fired timer's own
 * only when it first checks that the entry is still that timer (`if (timers.get(id) === handle)`).
 */
function awaitBeforeUncheckedRemoval(node: ts.Node, fn: ts.FunctionLikeDeclaration, container: ContainerOfResources): ts.AwaitExpression | undefined {
  if (!fn.body || !ts.isBlock(fn.body) || !isOnlyTimers(container.resource) || !isKeyedRemoval(node)) return undefined;
  let first: ts.AwaitExpression | undefined;
  const visit = (child: ts.Node): void => {
    if (first || child.pos >= node.pos || isFunctionLike(child)) return;
    if (ts.isAwaitExpression(child) && child.end <= node.pos) first = child;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(fn.body, visit);
  return first && !isUnderIdentityCheck(node, fn, container.text.text) ? first : undefined;
}

/** `m.delete(k)`, `delete m[k]`: a removal of one key. */
function isKeyedRemoval(node: ts.Node): boolean {
  if (ts.isDeleteExpression(node)) return ts.isElementAccessExpression(skipOuter(node.expression));
  return ts.isCallExpression(node) && calledMethodName(node) === 'delete' && node.arguments.length === 1;
}

/** An `if` around `node`, or one before it that leaves, comparing an entry of `container` with `===`/`!==`. */
function isUnderIdentityCheck(node: ts.Node, fn: ts.FunctionLikeDeclaration, container: string): boolean {
  const comparesEntry = (test: ts.Expression): boolean => {
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (
        ts.isBinaryExpression(child) &&
        isIdentityOperator(child.operatorToken.kind) &&
        (readContainerOf(child.left) === container || readContainerOf(child.right) === container)
      )
        found = true;
      else ts.forEachChild(child, visit);
    };
    visit(test);
    return found;
  };
  for (let child: ts.Node = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression && comparesEntry(parent.expression)) return true;
    if (ts.isBlock(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && alwaysLeaves(statement.thenStatement) && comparesEntry(statement.expression))
          return true;
      }
    }
  }
  return false;
}

function isIdentityOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** What a fired timer leaves owed: nothing for a timer, the other fields of a record holding one. */
function slotsBesideTimers(resource: Resource): string[] | undefined {
  if (isOnlyTimers(resource)) return [];
  if (resource.release.kind === 'fields') return resource.release.fields.filter((field) => !isOnlyTimers(field.resource)).map((field) => field.name);
  return undefined;
}

/** Inside the value's own close/exit handler: the slots that handler has not settled. */
function settledByCloseHandler(
  fn: ts.FunctionLikeDeclaration,
  container: ContainerOfResources,
  context: DropContext,
  removal: ts.FunctionLikeDeclaration | undefined,
  drop: ts.Node,
): string[] | undefined {
  const fields = container.resource.release.kind === 'fields' ? container.resource.release.fields : undefined;
  const closed = closedEmitterType(fn, context);
  if (closed) {
    if (isSameResource(closed, container.valueType, context.session.checker) && !isNeverTheEmitter(closed, drop, context.session)) return [];
    if (isHandleOfValueClosing(fn, container, context, removal)) return [];
    if (fields) {
      const { checker } = context.session;
      return fields
        .filter((field) => {
          const property = container.valueType.getProperty(field.name);
          const fieldType = property && checker.getTypeOfSymbol(property);
          return !fieldType || !(isSameResource(closed, fieldType, checker) || isControllerOfClosedStream(fieldType, closed, checker));
        })
        .map((field) => field.name);
    }
  }
  return undefined;
}

/**
 * `tabGroup.onDidDestroy(() => this.disposables.delete(tabGroup.id))` where every value the map holds
 * is a `new CompositeDisposable(…)` of listeners: an emitter whose type fits the values' declared
 * type (`IDisposable`) is not one of them when every visible insertion makes an object of a class it
 * is not.
 */
function isNeverTheEmitter(closed: ts.Type, drop: ts.Node, session: AnalysisSession): boolean {
  const expression = removedFrom(drop);
  if (!expression) return false;
  const inserted = visibleInsertions(containerPlaces(expression, session), session);
  const { checker } = session;
  return (
    inserted.length > 0 &&
    inserted.every((value) => {
      const made = skipOuter(value);
      return ts.isNewExpression(made) && !checker.isTypeAssignableTo(checker.getTypeAtLocation(made), checker.getNonNullableType(closed));
    })
  );
}

/** `{ stream, controller }` as `stream` ends: a WHATWG stream's controller ends with it. */
function isControllerOfClosedStream(fieldType: ts.Type, closed: ts.Type, checker: ts.TypeChecker): boolean {
  const stream = symbolOf(closed, checker)?.getName();
  const controller = symbolOf(fieldType, checker)?.getName();
  return stream !== undefined && STREAM_END_METHODS.has(stream) && controller !== undefined && STREAM_CONTROLLERS.has(controller);
}

/**
 * `socket.on('close', () => this.removeSocket(id))` with `private removeSocket(id) { this.sockets.delete(id) }`:
 * a private method (or a local function) that only the value's own end-of-life handlers call stands where they do — owing
 * the slots some calling handler has not settled. Any other caller, or any other use, and it does not.
 */
function settledByCloseHandlersCalling(
  fn: ts.FunctionLikeDeclaration,
  container: ContainerOfResources,
  context: DropContext,
  drop: ts.Node,
): string[] | undefined {
  // A private or protected method's calls are in its class (and subclasses), a nested or module
  // function's in its scope; a public method's anywhere in the program.
  const calls =
    callsOfLocalFunction(fn, context.session) ??
    callsOfNestedFunction(fn) ??
    (ts.isMethodDeclaration(fn) && !isPrivateMember(fn) ? callsFromEndHandlersAcrossProgram(fn, container, context) : undefined);
  if (!calls) return undefined;
  const owed = new Set<string>();
  for (const call of calls) {
    const caller = enclosingBody(call);
    // `destroy() { removeView(this.id); this.webContents.close() }`: called by the value's own release.
    const left = !isFunctionLike(caller)
      ? undefined
      : (settledByCloseHandler(caller, container, context, fn, drop) ??
        (isAfterReleasingItself(call, caller, container, context) || isInsideOwnReleaseMethod(call, container, context) ? [] : undefined));
    if (!left) return undefined;
    for (const slot of left) owed.add(slot);
  }
  return [...owed];
}

/**
 * `async delete() { await rpc(); this.cancelAll(); this.session.removeQueue(this.name) }`: a method of
 * the value that releases itself in an earlier statement of the block the call is in.
 */
function isAfterReleasingItself(call: ts.CallExpression, caller: ts.FunctionLikeDeclaration, container: ContainerOfResources, context: DropContext): boolean {
  const owner = caller.parent;
  if (!ts.isMethodDeclaration(caller) || !owner || !ts.isClassLike(owner)) return false;
  const methods = releaseNames(container.resource.release).methods;
  const releasesThis = (statementInBlock(call)?.before ?? []).some((earlier) => {
    const made = ts.isExpressionStatement(earlier) ? callMadeBy(earlier.expression) : undefined;
    const callee = made && skipOuter(made.expression);
    return (
      callee !== undefined &&
      ts.isPropertyAccessExpression(callee) &&
      skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword &&
      methods.has(callee.name.text)
    );
  });
  return releasesThis && isOfStoredType(owner, container, context);
}

/**
 * `channel._onClose(() => this.socket.remove(this))` with `remove(channel) { this.channels = this.channels.filter(…) }`:
 * every call of a public remover, across the program, when each sits in some value's end-of-life
 * handler or in a method of a value that released itself first. The syntax answers first; the
 * checker places the calls only then.
 */
function callsFromEndHandlersAcrossProgram(
  method: ts.MethodDeclaration,
  container: ContainerOfResources,
  context: DropContext,
): readonly ts.CallExpression[] | undefined {
  if (!ts.isIdentifier(method.name)) return undefined;
  const accesses = memberAccessesNamed(method.name.text, context.session);
  if (!accesses || accesses.length === 0) return undefined;
  const { checker } = context.session;
  const methods = releaseNames(container.resource.release).methods;
  const inEndHandler = (access: ts.PropertyAccessExpression): boolean => {
    const caller = enclosingBody(access);
    if (!ts.isCallExpression(access.parent) || access.parent.expression !== access || !isFunctionLike(caller)) return false;
    // Or in a method of a class that calls one of the release's names on `this` (checked in full per call).
    return closedEmitter(caller, checker) !== undefined || (ts.isMethodDeclaration(caller) && callsOnThis(caller, methods));
  };
  if (!accesses.every(inEndHandler)) return undefined;
  const calls = callsOfMethodAcrossProgram(method, context.session);
  return calls && calls.length > 0 ? calls : undefined;
}

/** `this.cancelAll()` somewhere in the method: a name of the release called on `this`. */
function callsOnThis(method: ts.MethodDeclaration, names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword && names.has(callee.name.text)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  if (method.body) visit(method.body);
  return found;
}

/**
 * `class Peer { constructor(readonly socket) { socket.on('close', () => peers.delete(id)) } close() { this.socket.destroy() } }`:
 * inside the stored value's own class, the handle whose close event removes it is the one its
 * release does nothing but close — so that event is the value's own end of life.
 */
function isHandleOfValueClosing(
  fn: ts.FunctionLikeDeclaration,
  container: ContainerOfResources,
  context: DropContext,
  removal?: ts.FunctionLikeDeclaration,
): boolean {
  const emitter = closedEmitter(fn, context.session.checker);
  const handle = emitter && handleName(emitter);
  if (handle === undefined) return false;
  let owner: ts.Node | undefined = fn.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner) return false;
  const { checker } = context.session;
  const valueSymbol = symbolOf(container.valueType, checker);
  if (!valueSymbol || checker.getTypeAtLocation(owner).getSymbol() !== valueSymbol) return false;
  return releasesOnlyEnd(owner, handle, container, removal);
}

/**
 * The class has a release of the container's values, and each does nothing but end `this.<handle>`
 * — besides, where the question is about `removal`, taking the value out through that same function
 * and setting its own flags (`destroy() { removeView(this.id); if (!this.dead) this.contents.close(); this.dead = true }`).
 */
function releasesOnlyEnd(owner: ts.ClassLikeDeclaration, handle: string, container: ContainerOfResources, removal?: ts.FunctionLikeDeclaration): boolean {
  const methods = releaseNames(container.resource.release).methods;
  const releases = owner.members.filter(
    (member): member is ts.MethodDeclaration =>
      ts.isMethodDeclaration(member) && ts.isIdentifier(member.name) && methods.has(member.name.text) && member.body !== undefined,
  );
  const removalName = removal && localFunctionName(removal)?.text;
  return releases.length > 0 && releases.every((release) => closesOnly(release.body!, handle, removalName));
}

/**
 * `const node = new NotebookNode(kernel); nodes.push(node); kernel.onStopped(() => { nodes = nodes.filter((x) => x !== node) })`
 * where every release of `NotebookNode` does nothing but end the handle it was made with
 * (`stop() { await this.kernel.stop() }`): that handle's own end is the value's, so a drop there
 * that names the value owes nothing.
 */
function isEndOfHandleItWasMadeWith(node: ts.Node, fn: ts.FunctionLikeDeclaration, container: ContainerOfResources, context: DropContext): boolean {
  const { checker } = context.session;
  const emitter = closedEmitter(fn, checker);
  const handle = emitter && skipOuter(emitter);
  const outer = enclosingBody(fn);
  if (!handle || !ts.isIdentifier(handle) || !isFunctionLike(outer) || !outer.body) return false;
  const valueSymbol = symbolOf(container.valueType, checker);
  if (!valueSymbol) return false;
  // `const node = new C(…, handle, …)` in the function that registered the listener, naming the value the drop removes.
  const madeWithHandle = (declaration: ts.VariableDeclaration): boolean => {
    const made = declaration.initializer && skipOuter(declaration.initializer);
    if (!made || !ts.isNewExpression(made) || !ts.isIdentifier(declaration.name) || !mentions(node, declaration.name.text)) return false;
    const index = (made.arguments ?? []).findIndex((argument) => {
      const e = skipOuter(argument);
      return ts.isIdentifier(e) && e.text === handle.text;
    });
    const declared = index >= 0 && classSymbolOfNew(made, checker) === valueSymbol ? valueSymbol.valueDeclaration : undefined;
    if (!declared || !ts.isClassLike(declared)) return false;
    const field = parameterPropertyAt(declared, index);
    return field !== undefined && releasesOnlyEnd(declared, field, container);
  };
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || (child !== outer.body && isSeparateFunction(child))) return;
    if (ts.isVariableDeclaration(child) && madeWithHandle(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(outer.body);
  return found;
}

/** The field a class's constructor keeps its `index`th argument in, as a parameter property (`private kernel: Kernel`). */
function parameterPropertyAt(declaration: ts.ClassLikeDeclaration, index: number): string | undefined {
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  const parameter = constructor?.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) && ts.getModifiers(parameter)?.length ? parameter.name.text : undefined;
}

/** `socket` or `this.socket`: the handle a listener is registered on. */
function handleName(emitter: ts.Expression): string | undefined {
  const e = skipOuter(emitter);
  if (ts.isIdentifier(e)) return e.text;
  return ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword ? e.name.text : undefined;
}

/** A body whose every statement calls a method on `this.<handle>` (`this.socket.destroy()`, `await this.ws.close()`). */
function closesOnly(body: ts.Block, handle: string, removal?: string): boolean {
  let closes = false;
  const allowed = (statement: ts.Statement): boolean => {
    // Where the question is about `removal`: also under an `if` that calls nothing, setting the value's
    // own flags, and taking itself out of other containers (`const w = windows.get(this.windowId); if (w)
    // w.views.delete(this.id)`), which releases nothing its handle's end leaves running.
    if (removal !== undefined && ts.isBlock(statement)) return statement.statements.every(allowed);
    if (removal !== undefined && ts.isIfStatement(statement))
      return !containsCall(statement.expression) && allowed(statement.thenStatement) && (!statement.elseStatement || allowed(statement.elseStatement));
    if (removal !== undefined && ts.isVariableStatement(statement))
      return statement.declarationList.declarations.every((declaration) => !declaration.initializer || readsOnly(declaration.initializer));
    if (!ts.isExpressionStatement(statement)) return false;
    if (removal !== undefined && takesItselfOut(statement.expression)) return true;
    const call = callMadeBy(statement.expression);
    if (!call) return removal !== undefined && setsOwnFlag(statement.expression);
    const callee = skipOuter(call.expression);
    if (ts.isIdentifier(callee)) return callee.text === removal;
    const receiver = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    const onHandle =
      receiver !== undefined &&
      ts.isPropertyAccessExpression(receiver) &&
      skipOuter(receiver.expression).kind === ts.SyntaxKind.ThisKeyword &&
      receiver.name.text === handle;
    closes ||= onHandle;
    return onHandle;
  };
  return body.statements.every(allowed) && closes;
}

/** `windows.get(this.windowId)`, `this.parent`: a value read, with no call but one container's read. */
function readsOnly(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (!ts.isCallExpression(e)) return !containsCall(e);
  return readContainerOf(e) !== undefined && !containsCall(skipOuter(e.expression)) && !e.arguments.some(containsCall);
}

/** `w.views.delete(this.id)`, `delete all[this.id]`: the object takes itself out of a container, by itself or its own key. */
function takesItselfOut(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  const removal = ts.isDeleteExpression(e) ? e : ts.isCallExpression(e) && CONTAINER_VOCABULARY.removes.has(calledMethodName(e) ?? '') ? e : undefined;
  return removal !== undefined && dropArgumentsMention(removal, (child) => child.kind === ts.SyntaxKind.ThisKeyword);
}

/** `this.dead = true`, `this.timer = null`: a field of the object given a literal. */
function setsOwnFlag(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (!isAssignment(e)) return false;
  const target = skipOuter(e.left);
  const value = skipOuter(e.right);
  return (
    ts.isPropertyAccessExpression(target) &&
    skipOuter(target.expression).kind === ts.SyntaxKind.ThisKeyword &&
    (ts.isLiteralExpression(value) || value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || isNullish(value))
  );
}

/** `this` of the value's class, `writer` of `writer.ready`: an expression of the stored value's type (generic classes by declaration). */
function isOfStoredType(expression: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const { checker } = context.session;
  return isSameResource(checker.getTypeAtLocation(expression), container.valueType, checker);
}

/** The closing emitter is the stored value: the same declared type, or a subtype (`ChildProcessWithoutNullStreams`). */
export function isSameResource(emitter: ts.Type, stored: ts.Type, checker: ts.TypeChecker): boolean {
  const emitterSymbol = symbolOf(emitter, checker);
  if (emitterSymbol && emitterSymbol === symbolOf(stored, checker)) return true;
  const [closing, kept] = [checker.getNonNullableType(emitter), checker.getNonNullableType(stored)];
  if (checker.isTypeAssignableTo(closing, kept)) return true;
  // `Awaited<T>` of the stream kept as `T | Promise<T>`: generic types compare by their constraints.
  const [closingBase, keptBase] = [checker.getBaseConstraintOfType(closing), checker.getBaseConstraintOfType(kept)];
  return (
    closingBase !== undefined && keptBase !== undefined && (closingBase !== closing || keptBase !== kept) && checker.isTypeAssignableTo(closingBase, keptBase)
  );
}

export function symbolOf(type: ts.Type, checker: ts.TypeChecker): ts.Symbol | undefined {
  const nonNullable = checker.getNonNullableType(type);
  return nonNullable.getSymbol() ?? nonNullable.aliasSymbol;
}

/** `setTimeout(() => { pending.delete(id); … }, ms)`, or `const run = () => { … }; setTimeout(run, ms)` */
function isOneShotTimerCallback(fn: ts.FunctionLikeDeclaration, session: AnalysisSession, depth = 0): boolean {
  const call = fn.parent;
  if (call && ts.isCallExpression(call) && scheduledOnce(call, session) === fn) return true;
  // A callback run from inside the timer's callback (`setTimeout(() => next(() => map.delete(k)))`) runs after it fired.
  if (
    depth < 3 &&
    call &&
    ts.isCallExpression(call) &&
    call.arguments.includes(fn as ts.Expression) &&
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
  ) {
    const outer = enclosingBody(fn);
    if (isFunctionLike(outer) && isOneShotTimerCallback(outer, session, depth + 1)) return true;
  }
  // Every use of the name schedules it once.
  const uses = namedCallbackUses(fn, session);
  return uses !== undefined && uses.scheduled && !uses.otherUse && uses.calls.length === 0;
}

/**
 * `const run = () => { timers.delete(id); … }` scheduled by `setTimeout(run, ms)` and also called
 * as `run()` (a debounce's max-wait path): the direct calls, when every other use schedules it.
 */
function directCallsOfTimerCallback(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): ts.CallExpression[] | undefined {
  const uses = namedCallbackUses(fn, session);
  return uses?.isConst && uses.scheduled && !uses.otherUse && uses.calls.length > 0 ? uses.calls : undefined;
}

/** How the name a callback is declared under is used in its scope: scheduled by `setTimeout`, called, or otherwise. */
function namedCallbackUses(
  fn: ts.FunctionLikeDeclaration,
  session: AnalysisSession,
): { scheduled: boolean; calls: ts.CallExpression[]; otherUse: boolean; isConst: boolean } | undefined {
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
      if (ts.isCallExpression(parent) && scheduledOnce(parent, session) === node) uses.scheduled = true;
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
function isCalledOnlyFromOneShotTimers(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  const table = session.table(CALLED_ONLY_FROM_TIMERS);
  let answer = table.get(fn);
  if (answer === undefined) table.set(fn, (answer = computeCalledOnlyFromOneShotTimers(fn, session)));
  return answer;
}

function computeCalledOnlyFromOneShotTimers(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
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
      if (isSoleCallInOneShotTimerCallback(node as ts.Expression, session)) fromTimers++;
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
function isSoleCallInOneShotTimerCallback(reference: ts.Expression, session: AnalysisSession): boolean {
  const call = reference.parent;
  if (!ts.isCallExpression(call) || call.expression !== reference) return false;
  const statement = ts.isExpressionStatement(call.parent) ? call.parent : undefined;
  const callback = statement ? (ts.isBlock(statement.parent) && statement.parent.statements.length === 1 ? statement.parent.parent : undefined) : call.parent;
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return false;
  if (!statement && callback.body !== call) return false;
  const timer = callback.parent;
  return ts.isCallExpression(timer) && scheduledOnce(timer, session) === callback;
}

/**
 * The callback a one-shot timer call schedules: `setTimeout(cb, ms)` (see below), or by name
 * `setImmediate(cb)`, `requestAnimationFrame(cb)`, `requestIdleCallback(cb)`. When it runs, its
 * timer has fired.
 */
function scheduledOnce(call: ts.CallExpression, session: AnalysisSession): ts.Expression | undefined {
  const name = calleeName(call);
  if (name !== undefined && name !== 'setTimeout' && ONE_SHOT_TIMERS.has(name)) return call.arguments[0];
  return scheduledCallback(call, 'setTimeout', session);
}

/**
 * The callback a timer call schedules: `setTimeout(cb, ms)`, `setTimeout.call(thisArg, cb, ms)`, or
 * `this._setTimeout(cb, ms)`, a function injected in its place (for tests) that hands back its handle.
 */
function scheduledCallback(call: ts.CallExpression, timer: string, session: AnalysisSession): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'call') {
    const called = skipOuter(callee.expression);
    const name = ts.isIdentifier(called) ? called.text : ts.isPropertyAccessExpression(called) ? called.name.text : undefined;
    return name === timer ? call.arguments[1] : undefined;
  }
  const name = calleeName(call);
  if (name === timer) return call.arguments[0];
  // Only a name that reads like the timer is typed: the checker confirms what it runs.
  const named = name !== undefined && name.toLowerCase().includes(timer.replace(/^set/, '').toLowerCase());
  return named && returnsTimerHandle(call, session) ? call.arguments[0] : undefined;
}

/** `this._setTimeout(cb, ms)` typed `typeof setTimeout`, or `(cb, ms) => Timeout`: the call hands back a Node timer. */
function returnsTimerHandle(call: ts.CallExpression, session: AnalysisSession): boolean {
  return typeMatchesSomeSpecifier(session.checker.getTypeAtLocation(call), [...TIMER_HANDLE_TYPES], session.program);
}

/** `socket` in `socket.on('close', fn)` or `connection.onClose(fn)`: the emitter whose end `fn` listens to. */
function closedEmitter(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): ts.Expression | undefined {
  const parent = fn.parent;
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression)) return undefined;
  // `finished(stream, (err) => …)` of `node:stream` (or `end-of-stream`): run once the stream has ended.
  const [first] = parent.arguments;
  if (first && first !== fn && isLibraryEndOfStream(parent, checker)) return first;
  // `onEvent(panel.onDidDispose, () => …)`, `Event.once(panel.onDidDispose)(() => …)`: the value's end hook handed to a helper that subscribes.
  const hook = [...parent.arguments.slice(0, parent.arguments.indexOf(fn as ts.Expression)), ...calleeArguments(parent)].map(skipOuter).find(isEndHookAccess);
  if (hook) return skipOuter(hook.expression);
  const method = calledMethodName(parent);
  const [event] = parent.arguments;
  const name = method !== undefined && LISTENER_METHODS.has(method) && event !== undefined && event !== fn ? eventName(event, checker) : undefined;
  const listens = name !== undefined && isEndEvent(name);
  // `connection.onClose(() => …)`, `ws.onDisconnect(…)`
  const hooks = method !== undefined && isEndHookMethod(method) && parent.arguments[0] === fn;
  if (listens || hooks) return (skipOuter(parent.expression) as ts.PropertyAccessExpression).expression;
  // `view.stopObservable.subscribe(() => …)`, `exchange.closed.on(() => …)`: the value's own end, as an observable.
  const observable =
    method !== undefined && OBSERVER_METHODS.has(method) && parent.arguments[0] === fn
      ? skipOuter((skipOuter(parent.expression) as ts.PropertyAccessExpression).expression)
      : undefined;
  return observable && ts.isPropertyAccessExpression(observable) && isEndObservable(observable.name.text) ? observable.expression : undefined;
}

/** `panel.onDidDispose`, not called: a value's end hook as an event. */
function isEndHookAccess(expression: ts.Expression): expression is ts.PropertyAccessExpression {
  const parent = expression.parent;
  return (
    ts.isPropertyAccessExpression(expression) && isEndHookMethod(expression.name.text) && !(ts.isCallExpression(parent) && parent.expression === expression)
  );
}

/** `Event.once(x)` of `Event.once(x)(fn)`: the arguments of a call that makes the function called. */
function calleeArguments(call: ts.CallExpression): readonly ts.Expression[] {
  const callee = skipOuter(call.expression);
  return ts.isCallExpression(callee) ? callee.arguments : [];
}

/** A call of a library's `finished(stream, fn)`: a function of that name the program declares may do anything else. */
function isLibraryEndOfStream(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const callee = skipOuter(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined || !isEndOfStreamFunction(name)) return false;
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/**
 * `window.onDidCloseTerminal((term) => …)`: the type of the value a registry's end hook hands its
 * listener, when the listener reads it (a listener that ignores it may be cleaning up anything).
 */
function endedValueHandedTo(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): ts.Type | undefined {
  const call = fn.parent;
  const [parameter] = fn.parameters;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn || !parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const method = calledMethodName(call);
  if (method === undefined || !isEndedValueHook(method) || !fn.body || !mentions(fn.body, parameter.name.text)) return undefined;
  return checker.getTypeAtLocation(parameter);
}

/** `'end'`, or a constant that holds it (`STR_END`, `EV.END`): the checker gives a constant its literal type. */
function eventName(event: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const e = skipOuter(event);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) return undefined;
  const type = checker.getTypeAtLocation(e);
  return type.isStringLiteral() ? type.value : undefined;
}

/** `socket.on('close', () => sockets.delete(id))`, `child.once('exit', …)`, `ws.onclose = …`: the emitter's type. */
function closedEmitterType(fn: ts.FunctionLikeDeclaration, context: DropContext): ts.Type | undefined {
  const parent = fn.parent;
  const emitter = closedEmitter(fn, context.session.checker);
  if (emitter) return context.session.checker.getTypeAtLocation(emitter);
  const ended = endedValueHandedTo(fn, context.session.checker);
  if (ended) return ended;
  // `createStream({ channel, onEnd: () => streams.delete(id) })`: an end-of-life hook handed to the call that makes the value.
  const option = ts.isMethodDeclaration(fn) ? fn : parent && ts.isPropertyAssignment(parent) && parent.initializer === fn ? parent : undefined;
  const literal = option?.parent;
  if (option && ts.isIdentifier(option.name) && literal && ts.isObjectLiteralExpression(literal)) {
    const maker = literal.parent;
    const made = (ts.isCallExpression(maker) || ts.isNewExpression(maker)) && maker.arguments?.includes(literal) ? maker : undefined;
    if (made && isEndHookOption(option.name.text)) return context.session.checker.getTypeAtLocation(made);
    // `new ReadableStream({ start, cancel: () => streams.delete(id) })`: the stream's own end, as data.
    if (made && ts.isNewExpression(made)) {
      const { checker } = context.session;
      const madeType = checker.getTypeAtLocation(made);
      if (STREAM_END_METHODS.get(symbolOf(madeType, checker)?.getName() ?? '')?.includes(option.name.text)) return madeType;
    }
  }
  if (parent && ts.isBinaryExpression(parent) && parent.right === fn) {
    const target = skipOuter(parent.left);
    if (ts.isPropertyAccessExpression(target) && isEndHandlerProperty(target.name.text)) {
      return context.session.checker.getTypeAtLocation(target.expression);
    }
  }
  // `writer.closed.catch(ignore).finally(() => writers.delete(writer))`: a continuation of the value's own end-of-life promise.
  const settled = parent && ts.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression) ? settledPromiseOwner(parent) : undefined;
  return settled && context.session.checker.getTypeAtLocation(settled);
}

/** `x` in `x.closed.then(f)` or `x.closed.catch(g).finally(f)`: the value whose `closed` (`finished`, `ended`) promise the chain waits on. */
function settledPromiseOwner(call: ts.CallExpression): ts.Expression | undefined {
  // The chain's first continuation, whose receiver is the promise itself rather than a call.
  const first = promiseChainHead(call);
  if (!isPromiseContinuation(first)) return undefined;
  const promise = skipOuter((skipOuter(first.expression) as ts.PropertyAccessExpression).expression);
  return ts.isPropertyAccessExpression(promise) && isEndPromise(promise.name.text) ? promise.expression : undefined;
}

/**
 * `const dispose = c.dispose.bind(c); c.dispose = () => { controllers.delete(id); dispose(); }`: a
 * function put in place of the value's own release is that release, as its method would be.
 */
function isReplacedOwnRelease(fn: ts.FunctionLikeDeclaration, node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const assignment = fn.parent;
  if (!assignment || !ts.isBinaryExpression(assignment) || assignment.right !== fn || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const target = skipOuter(assignment.left);
  if (!ts.isPropertyAccessExpression(target) || !releaseNames(container.resource.release).methods.has(target.name.text)) return false;
  // `handle.close = async () => { …; claims.delete(mac) }` where `handle` is a field of the record stored at `claims[mac]`.
  const owner = skipOuter(target.expression);
  const removed = ts.isIdentifier(owner) ? removedPlace(node) : undefined;
  if (removed !== undefined && placeOfStoredName((owner as ts.Identifier).text, enclosingBody(assignment)) === removed) return true;
  return isOfStoredType(target.expression, container, context);
}

/** `stop() { clearInterval(this.timer); registry.delete(this.id); }` — that delete is the stop. */
function isInsideOwnReleaseMethod(node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const member = enclosingReleaseMember(node, releaseNames(container.resource.release).methods);
  if (!member) return false;
  // `const sub = { unsubscribe() { clearInterval(t); subs.delete(sub); } }`: an object literal's own release.
  if (ts.isObjectLiteralExpression(member.owner)) return removesItself(node, member.owner);
  if (!ts.isClassLike(member.owner)) return false;
  // `dispose() { this.items.clear() }`: a container the class holds in its own field keeps other
  // values, never the instance itself; only a drop that names `this` there removes it.
  if (/^this\.[^.[\]]+$/.test(container.text.text) && !dropArgumentsMention(node, (child) => child.kind === ts.SyntaxKind.ThisKeyword)) return false;
  const ownerType = context.session.checker.getTypeAtLocation(member.owner);
  const valueSymbol = symbolOf(container.valueType, context.session.checker);
  const ownerSymbol = ownerType.getSymbol();
  if (!ownerSymbol || !valueSymbol) return false;
  if (ownerSymbol === valueSymbol) return true;
  // A subclass's stop() removing itself from a registry of its base type.
  return context.session.checker.isTypeAssignableTo(ownerType, container.valueType);
}

/** The method (or function-valued field) `node` sits in, when its name is one of `names` or reads like a release: syntax only. */
function enclosingReleaseMember(node: ts.Node, names: ReadonlySet<string>): { owner: ts.Node } | undefined {
  const isRelease = (name: ts.PropertyName): boolean => ts.isIdentifier(name) && (names.has(name.text) || isReleaseLikeName(name.text));
  for (let current = node.parent; current && !ts.isClassLike(current) && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isMethodDeclaration(current) || (ts.isPropertyDeclaration(current) && current.initializer && isFunctionLike(current.initializer))) {
      return isRelease(current.name) ? { owner: current.parent } : undefined;
    }
    // `{ handler, dispose: () => { …; delete this.handlers[id] } }`: an object literal's release written as a function field.
    if (ts.isPropertyAssignment(current) && isFunctionLike(skipOuter(current.initializer)) && isRelease(current.name)) return { owner: current.parent };
  }
  return undefined;
}

/**
 * `onRpcDestroyed(id) { this.rpcs.delete(id) }`, called by nothing but the value's own `destroy()`
 * (`destroy() { clearTimeout(this.timer); this.handler.onRpcDestroyed(this.id) }`): the removal is
 * the last step of the value's release, as if written inside it — `'*'` settled, or the record
 * field whose release makes that call (`{ rpc, servers }`). Called from such a release and from
 * elsewhere too: nothing settled, but a release written here would call back into it (`reenters`).
 */
function settledByOwnReleaseCalling(
  fn: ts.FunctionLikeDeclaration,
  container: ContainerOfResources,
  context: DropContext,
): { settled: readonly string[]; reenters: boolean } {
  const nothing = { settled: [], reenters: false };
  // `function forget(id) { views.delete(id) }` called by the view's `destroy()`: the same, for a function of the module.
  if (!ts.isMethodDeclaration(fn)) {
    const calls = callsOfLocalFunction(fn, context.session) ?? callsOfNestedFunction(fn);
    const fromRelease = calls?.filter((call) => isInsideOwnReleaseMethod(call, container, context)).length ?? 0;
    return fromRelease === 0 ? nothing : { settled: fromRelease === calls!.length ? ['*'] : [], reenters: true };
  }
  if (!ts.isIdentifier(fn.name)) return nothing;
  const { release } = container.resource;
  // Syntax first, at every drop in a method: some call of its name must sit in a method named like a
  // release of the value or of one of its fields before any type is asked.
  const releaseNamed = new Set(releaseNames(release).methods);
  if (release.kind === 'fields') for (const field of release.fields) for (const name of releaseNames(field.resource.release).methods) releaseNamed.add(name);
  const written = isPrivateMember(fn)
    ? callsOfOwnMethod(fn, context.session)
    : memberAccessesNamed(fn.name.text, context.session)?.flatMap((access) =>
        ts.isCallExpression(access.parent) && access.parent.expression === access ? [access.parent] : [],
      );
  if (!written?.some((call) => enclosingReleaseMember(call, releaseNamed) !== undefined)) return nothing;
  const { checker } = context.session;
  // The value itself, then each resource field of a record, as the one whose release may call `fn`.
  const fields =
    release.kind === 'fields'
      ? release.fields.map((field) => {
          const valueType = recordFieldType(container.valueType, field.name, checker);
          return { name: field.name, owner: valueType && { ...container, resource: field.resource, valueType } };
        })
      : [];
  const releasers = [container, ...fields.flatMap((field) => (field.owner ? [field.owner] : []))];
  const inRelease = (call: ts.CallExpression, owner: ContainerOfResources): boolean => isInsideOwnReleaseMethod(call, owner, context);
  // Counting a public method's calls types the receiver of every `x.name` in the program: asked only
  // when a call of that name in the release of the value or of one of its fields is a call of `fn`.
  if (!isPrivateMember(fn)) {
    const fromReleases = written.filter((call) => releasers.some((owner) => inRelease(call, owner)));
    if (!fromReleases.some((call) => checker.getSymbolAtLocation((call.expression as ts.PropertyAccessExpression).name)?.declarations?.includes(fn)))
      return nothing;
  }
  const calls = isPrivateMember(fn) ? written : callsOfMethodAcrossProgram(fn, context.session);
  if (!calls || calls.length === 0) return nothing;
  const callsFrom = (owner: ContainerOfResources): number => calls.filter((call) => inRelease(call, owner)).length;
  const whole = callsFrom(container);
  if (whole > 0) return { settled: whole === calls.length ? ['*'] : [], reenters: true };
  const settled: string[] = [];
  let reenters = false;
  for (const field of fields) {
    const fromRelease = field.owner ? callsFrom(field.owner) : 0;
    if (fromRelease === calls.length) settled.push(field.name);
    if (fromRelease > 0) reenters = true;
  }
  return { settled, reenters };
}

/** The drop inside an object literal's method removes the literal itself: `subs.delete(sub)` with `const sub = { … }`, or `this`. */
function removesItself(node: ts.Node, literal: ts.ObjectLiteralExpression): boolean {
  // `this.handlers[id] = { …, dispose: () => { delete this.handlers[id] } }`: the key it was stored under.
  const storedAt = placeOfStored(literal);
  if (storedAt && removedPlace(node) === storedAt) return true;
  const declaration = literal.parent;
  const self = ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  return dropArgumentsMention(
    node,
    (child) => child.kind === ts.SyntaxKind.ThisKeyword || (self !== undefined && ts.isIdentifier(child) && child.text === self),
  );
}

/** The key or value a drop is given (`delete(this.id)`, `delete o[key]`) contains a node `isSelf` accepts. */
function dropArgumentsMention(node: ts.Node, isSelf: (child: ts.Node) => boolean): boolean {
  const mentions = (child: ts.Node): boolean => isSelf(child) || ts.forEachChild(child, mentions) === true;
  const argumentsOf = ts.isCallExpression(node)
    ? node.arguments
    : ts.isDeleteExpression(node) && ts.isElementAccessExpression(skipOuter(node.expression))
      ? [(skipOuter(node.expression) as ts.ElementAccessExpression).argumentExpression]
      : [];
  return argumentsOf.some(mentions);
}

/** `c[k] = value` or `c.set(k, value)`: the place a value written there is stored at, as `c[k]` text. */
function placeOfStored(value: ts.Expression): string | undefined {
  let current: ts.Node = value;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent))
    current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent) && parent.right === current && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipOuter(parent.left);
    return ts.isElementAccessExpression(target) ? placeText(target.expression, target.argumentExpression) : undefined;
  }
  if (ts.isCallExpression(parent) && calledMethodName(parent) === 'set' && parent.arguments[1] === current && parent.arguments[0]) {
    return placeText((skipOuter(parent.expression) as ts.PropertyAccessExpression).expression, parent.arguments[0]);
  }
  // `let item = { …, dispose: () => items.delete(uid) }; items.set(uid, item)`: where its one name is stored.
  if (ts.isVariableDeclaration(parent) && parent.initializer === current && ts.isIdentifier(parent.name))
    return placeOfStoredName(parent.name.text, enclosingBody(parent));
  return undefined;
}

/** The one place `name` is stored at in `body` (`c.set(k, name)`, `c[k] = name`), if it is stored once. */
function placeOfStoredName(name: string, body: ts.Node): string | undefined {
  const places: (string | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && (ts.isCallExpression(node.parent) || ts.isBinaryExpression(node.parent))) {
      const place = ts.isCallExpression(node.parent) || node.parent.right === node ? placeOfStored(node) : undefined;
      if (place) places.push(place);
    }
    // `set(mac, { owner, handle })`: a field of a record stored there is stored at its place too.
    const field = ts.isShorthandPropertyAssignment(node) ? node.name : ts.isPropertyAssignment(node) ? skipOuter(node.initializer) : undefined;
    if (field && ts.isIdentifier(field) && field.text === name && ts.isObjectLiteralExpression(node.parent)) {
      const place = placeOfStored(node.parent);
      if (place) places.push(place);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return places.length === 1 ? places[0] : undefined;
}

/** A constructor parameter that takes what the object runs when it is released (VS Code's `callOnDispose`). */
const ON_RELEASE_PARAMETER = /^(?:callOn|on)?(?:dispose|release|close|cleanup|teardown)\w*$/i;

/**
 * `debounces[id] = new Disposable(() => { clearTimeout(t); delete debounces[id] })`: the callback a
 * stored value is made with to run on its release, removing the entry it was stored as.
 */
function isOwnReleaseCallback(fn: ts.FunctionLikeDeclaration, node: ts.Node, context: DropContext): boolean {
  const made = fn.parent;
  if (!made || !ts.isNewExpression(made) || !made.arguments) return false;
  const index = made.arguments.indexOf(fn as ts.Expression);
  const signature = index >= 0 ? context.session.checker.getResolvedSignature(made) : undefined;
  const parameter = signature?.getDeclaration()?.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name) || !ON_RELEASE_PARAMETER.test(parameter.name.text)) return false;
  const storedAt = placeOfStored(made);
  if (storedAt !== undefined && removedPlace(node) === storedAt) return true;
  // `collection = new Collection(name, () => { const i = this.all.findIndex((o) => o == collection); this.all.splice(i, 1) })`
  const holder = nameGiven(made);
  return holder !== undefined && removesByIdentity(node, holder, context.session);
}

/**
 * `toDispose.push(Disposable.create(() => this.handlers.delete(path)))` where `toDispose` is stored
 * at that place (or as a field of the record stored there): a collection of disposables runs what
 * it is given when it is disposed, so the removal is part of the stored value's own release.
 */
function isJoinedToStoredRelease(fn: ts.FunctionLikeDeclaration, node: ts.Node, session: AnalysisSession): boolean {
  const made = fn.parent;
  if (!made || !(ts.isCallExpression(made) || ts.isNewExpression(made)) || made.arguments?.length !== 1 || made.arguments[0] !== fn) return false;
  const joined = made.parent;
  if (!ts.isCallExpression(joined) || joined.arguments[0] !== made || !JOINING_METHODS.has(calledMethodName(joined) ?? '')) return false;
  const holder = skipOuter((skipOuter(joined.expression) as ts.PropertyAccessExpression).expression);
  if (!ts.isIdentifier(holder)) return false;
  const storedAt = placeOfStoredName(holder.text, enclosingBody(joined));
  if (storedAt === undefined || removedPlace(node) !== storedAt) return false;
  const { checker } = session;
  // The holder is disposed, and what it is handed is a disposable (`push(d: IDisposable)`), as is the callback's wrapper.
  const disposes = (type: ts.Type): boolean => type.getProperty('dispose') !== undefined;
  const signature = checker.getResolvedSignature(joined);
  const taken = signature?.getParameters()[0];
  return (
    disposes(checker.getTypeAtLocation(holder)) &&
    disposes(checker.getTypeAtLocation(made)) &&
    taken !== undefined &&
    disposes(checker.getNonNullableType(checker.getTypeOfSymbol(taken)))
  );
}

/** How a collection of disposables is handed one more. */
const JOINING_METHODS: ReadonlySet<string> = new Set(['push', 'add']);

/** `x = new C(…)` or `const x = new C(…)`: the name the made value is given. */
function nameGiven(made: ts.Expression): string | undefined {
  const parent = made.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === made && ts.isIdentifier(parent.name)) return parent.name.text;
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === made &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(skipOuter(parent.left))
  )
    return (skipOuter(parent.left) as ts.Identifier).text;
  return undefined;
}

/** The removal is found by the value itself: an argument that names `name`, or a local computed from it (`findIndex((o) => o == name)`). */
function removesByIdentity(node: ts.Node, name: string, session: AnalysisSession): boolean {
  if (!ts.isCallExpression(node)) return false;
  return node.arguments.some((argument) => {
    const e = skipOuter(argument);
    const computedFrom = ts.isIdentifier(e) ? singleInitializer(e, session) : undefined;
    return mentions(e, name) || (computedFrom !== undefined && mentions(computedFrom, name));
  });
}

/** `delete c[k]` or `c.delete(k)`: the place removed, as `c[k]` text (what `placeOfStored` gives a store). */
function removedPlace(node: ts.Node): string | undefined {
  const place = placeRemovedBy(node);
  return place && `${place.container}[${place.key}]`;
}

function placeText(container: ts.Expression, key: ts.Expression): string | undefined {
  const c = canonical(container);
  const k = canonical(key);
  return c && k && !c.impure && !k.impure ? `${c.text}[${k.text}]` : undefined;
}

/**
 * `x.close().then(() => conns.delete(id))`, `Promise.all(list.map((c) => c.close())).catch(log).then(() => { list = [] })`,
 * `await`-free: the drop runs once the release at the head of the chain has settled (or failed trying).
 */
function isAfterOwnRelease(fn: ts.FunctionLikeDeclaration, node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  // `server.close(() => servers.delete(server))`: the release's own completion callback — of one
  // value, so not of a drop of every value (`this.server.close(() => this.servers.clear())`).
  if (!dropsEveryValue(node) && isReleaseOfStoredType(call, container, context)) return true;
  if (isCompletionAfterEachReleased(call, fn, container)) return true;
  if (!isPromiseContinuation(call)) return false;
  const head = promiseChainHead(call);
  return head !== call && (isReleaseOfStoredType(head, container, context) || releasesEveryValue(head, container));
}

/** `c.clear()` (or a cache's own clearing method), `c = []`, `c.length = 0`: a drop of every value the container holds. */
function dropsEveryValue(node: ts.Node): boolean {
  if (ts.isCallExpression(node)) return CONTAINER_VOCABULARY.clears.has(calledMethodName(node) ?? '');
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && !ts.isElementAccessExpression(skipOuter(node.left));
}

/**
 * `writer.ready.then(() => writer.write(chunk)).catch(() => writers.delete(writer))`: the rejection
 * handler of a promise the value exposes for its state (`ready`, `closed`). Such a promise rejects
 * once the value has errored, and an errored stream holds nothing to release. A failed method call
 * proves nothing: a login that failed half way may leave its client open.
 */
function isAfterOwnStateRejected(fn: ts.FunctionLikeDeclaration, container: ContainerOfResources, context: DropContext): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !isRejectionHandler(call, fn)) return false;
  const head = promiseChainHead(call);
  const callee = skipOuter(head.expression);
  const state = ts.isPropertyAccessExpression(callee) && isPromiseContinuation(head) ? skipOuter(callee.expression) : undefined;
  if (!state || !ts.isPropertyAccessExpression(state) || !(state.name.text === 'ready' || isEndPromise(state.name.text))) return false;
  return isOfStoredType(state.expression, container, context);
}

/** `p.catch(fn)`, `p.then(onValue, fn)`. */
function isRejectionHandler(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  const method = calledMethodName(call);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** `Promise.all(this.channels.map((c) => c.close()))` (or another combinator): each value the container holds, released. */
function releasesEveryValue(call: ts.CallExpression, container: ContainerOfResources): boolean {
  if (!isPromiseCombinator(call)) return false;
  const mapped = call.arguments[0] && skipOuter(call.arguments[0]);
  if (!mapped || !ts.isCallExpression(mapped) || calledMethodName(mapped) !== 'map') return false;
  const source = canonical((skipOuter(mapped.expression) as ts.PropertyAccessExpression).expression);
  return source?.text === container.text.text && mapped.arguments[0] !== undefined && releasesItsElement(mapped.arguments[0], container);
}

/**
 * `each(label, this.streams, (stream, done) => stream.close(done), (error) => { this.streams.clear() })`:
 * the completion callback of a helper handed the container and, before it, a callback that releases
 * each element it is given (the `async.each` convention).
 */
function isCompletionAfterEachReleased(call: ts.CallExpression, completion: ts.FunctionLikeDeclaration, container: ContainerOfResources): boolean {
  const at = call.arguments.indexOf(completion as ts.Expression);
  const before = call.arguments.slice(0, at);
  return (
    before.some((argument) => canonical(skipOuter(argument))?.text === container.text.text) &&
    before.some((argument) => releasesItsElement(argument, container))
  );
}

/** `(c) => c.close()`, `(stream, done) => { stream.close(done) }`: a callback whose first statement releases the element it is given. */
function releasesItsElement(callbackExpression: ts.Expression, container: ContainerOfResources): boolean {
  const callback = skipOuter(callbackExpression);
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return false;
  const element = callback.parameters[0]?.name;
  if (!element || !ts.isIdentifier(element)) return false;
  const first = ts.isBlock(callback.body) ? callback.body.statements[0] : undefined;
  const made = ts.isBlock(callback.body) ? first && ts.isExpressionStatement(first) && callMadeBy(first.expression) : callMadeBy(callback.body);
  if (!made) return false;
  const release = skipOuter(made.expression);
  return (
    ts.isPropertyAccessExpression(release) &&
    ts.isIdentifier(skipOuter(release.expression)) &&
    (skipOuter(release.expression) as ts.Identifier).text === element.text &&
    releaseNames(container.resource.release).methods.has(release.name.text)
  );
}

/**
 * `this.addDispose(Disposable.create(() => this.handlers.clear()))` in a class that also hands every
 * value it stores to `this.addDispose(…)` (`this.handlers.set(path, { disposable }); …;
 * this.addDispose(disposable)`): the drop runs in the owner's disposal, which releases the values
 * themselves. Every insertion must hand each slot owed, by the name it stores, to the same callee.
 */
function isDropInDisposalOfItsValues(fn: ts.FunctionLikeDeclaration, node: ts.Node, container: ContainerOfResources, session: AnalysisSession): boolean {
  const registration = registrationTaking(fn);
  const expression = registration && removedFrom(node);
  if (!registration || !expression) return false;
  const callee = canonical(skipOuter(registration.expression))?.text;
  if (callee === undefined) return false;
  const fields = container.resource.release.kind === 'fields' ? container.resource.release.fields.map((field) => field.name) : undefined;
  const inserted = visibleInsertions(containerPlaces(expression, session), session);
  return (
    inserted.length > 0 &&
    inserted.every((value) => {
      const stored = skipOuter(value);
      const names = ts.isIdentifier(stored)
        ? [stored.text]
        : fields && ts.isObjectLiteralExpression(stored)
          ? fields.map((field) => heldName(stored, field))
          : [undefined];
      const handed = namesHandedTo(callee, enclosingBody(value));
      return names.every((name) => name !== undefined && handed.has(name));
    })
  );
}

/**
 * `this.addDispose(fn)`, or `this.addDispose(Disposable.create(fn))`: the call that keeps `fn`, given
 * nothing, for its owner's disposal. Not `this.subscriptions.push(workspace.onDidChangeFolders((e) => …))`,
 * a listener that runs on an event.
 */
function registrationTaking(fn: ts.FunctionLikeDeclaration): ts.CallExpression | undefined {
  if (fn.parameters.length > 0) return undefined;
  let argument: ts.Node = fn;
  for (let depth = 0; depth < 2; depth++) {
    const call = argument.parent;
    if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || call.arguments?.length !== 1 || call.arguments[0] !== argument) return undefined;
    const callee = skipOuter(call.expression);
    if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee) && rootOf(callee).kind === ts.SyntaxKind.ThisKeyword) return call;
    // `emitter.onDidEnd(fn)`: a hook, run on the event rather than on disposal.
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name === undefined || /^on[A-Z]/.test(name)) return undefined;
    argument = call;
  }
  return undefined;
}

/** The names a body hands, alone, to calls of `callee` (`this.addDispose(x)`), its own callbacks aside. */
function namesHandedTo(callee: string, body: ts.Node): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (node !== body && isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && node.arguments.length === 1 && canonical(skipOuter(node.expression))?.text === callee) {
      const argument = skipOuter(node.arguments[0]!);
      if (ts.isIdentifier(argument)) names.add(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return names;
}

/**
 * `this.closeServer(server, () => servers.delete(server))`: the callback rides along with the value
 * to a helper of this program that releases it on every path (the checker finds the helper, its
 * summary is computed once).
 */
function isCallbackOfReleasingHelper(fn: ts.FunctionLikeDeclaration, node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  if (isEntryHandedToReleasingHelper(call, node, container, context)) return true;
  // Only where the argument is the value itself; a Map's key names another thing than its value.
  const dropped = ['Set', 'WeakSet', 'Array', 'MapKeys'].includes(container.kind) ? droppedValueName(node) : undefined;
  const index =
    dropped === undefined
      ? -1
      : call.arguments.findIndex((argument) => ts.isIdentifier(skipOuter(argument)) && (skipOuter(argument) as ts.Identifier).text === dropped);
  if (index < 0) return false;
  const helper = resolveCallee(call, context.session);
  return (
    helper !== undefined &&
    releasedSlots(helper, index, flowOptionsFor([container.resource], context.session, context.hatches.releaseFunctions), context.session).includes('*')
  );
}

/**
 * `this.detachLink(this.senders[id], () => { delete this.senders[id]; … })`, or a field of that entry
 * (`receiver?.link` of `const receiver = this.receivers[id]`): the helper is handed the value at the
 * place its callback then empties, and releases it on every path. Every slot the value owes is paid.
 */
function isEntryHandedToReleasingHelper(call: ts.CallExpression, node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const place = placeRemovedBy(node);
  if (!place || place.container !== container.text.text) return false;
  const owed = obligationSlots(container.resource);
  const { session } = context;
  const handed = call.arguments.flatMap((argument, index) => {
    const slot = slotOfEntry(argument, place, session);
    return slot === undefined || (slot !== '*' && !owed.every((owedSlot) => owedSlot === slot)) ? [] : [{ index, slot }];
  });
  if (handed.length === 0) return false;
  const helper = resolveCallee(call, session);
  if (!helper) return false;
  return handed.some(({ index, slot }) => {
    // A field handed on is released as the field's own resource.
    const field = container.resource.release.kind === 'fields' ? container.resource.release.fields.find((f) => f.name === slot) : undefined;
    const options = flowOptionsFor([field?.resource ?? container.resource], session, context.hatches.releaseFunctions);
    return releasedSlots(helper, index, options, session).includes('*');
  });
}

/** `delete m[k]`, `m.delete(k)`: the container and key the removal empties, as text. */
function placeRemovedBy(node: ts.Node): { container: string; key: string } | undefined {
  if (ts.isDeleteExpression(node)) return entryAt(node.expression);
  return ts.isCallExpression(node) && node.arguments.length === 1 ? entryAt(node, () => true) : undefined;
}

/** `m` of `m.delete(k)`, `m.clear()` or `delete m[k]`: the container a drop empties, as written. */
function removedFrom(drop: ts.Node): ts.Expression | undefined {
  if (ts.isDeleteExpression(drop)) {
    const target = skipOuter(drop.expression);
    return ts.isElementAccessExpression(target) ? target.expression : undefined;
  }
  const callee = ts.isCallExpression(drop) ? skipOuter(drop.expression) : undefined;
  return callee && ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
}

/** `m[k]` (or a const given it): `'*'`; `entry?.link` of such an entry: `'link'`; anything else: undefined. */
function slotOfEntry(argument: ts.Expression, place: { container: string; key: string }, session: AnalysisSession): string | undefined {
  const readsPlace = (expression: ts.Expression): boolean => {
    const e = skipOuter(expression);
    const value = ts.isIdentifier(e) ? singleInitializer(e, session) : e;
    const entry = value && entryAt(value);
    return entry?.container === place.container && entry.key === place.key;
  };
  const e = skipOuter(argument);
  if (readsPlace(e)) return '*';
  return ts.isPropertyAccessExpression(e) && readsPlace(e.expression) ? e.name.text : undefined;
}

/** The value a drop names directly: `set.delete(x)`, `keys.delete(x)` of a Map whose keys are the resources. */
function droppedValueName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const argument = skipOuter(node.arguments[0]!);
  return ts.isIdentifier(argument) ? argument.text : undefined;
}

/** `x.close(…)` where `close` releases the container's values and `x` is one of them by type. */
function isReleaseOfStoredType(call: ts.CallExpression, container: ContainerOfResources, context: DropContext): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const names = releaseNames(container.resource.release);
  // `context.unroute(predicate)`: an id or a listener handed back to the call that releases it.
  if (container.resource.release.kind === 'handedBack' && names.functions.has(callee.name.text))
    return call.arguments.some((argument) => isOfStoredType(argument, container, context));
  if (!names.methods.has(callee.name.text)) return false;
  const { checker } = context.session;
  return checker.isTypeAssignableTo(checker.getNonNullableType(checker.getTypeAtLocation(callee.expression)), container.valueType);
}
