/**
 * Reasoning about keys and places: a key that cannot be taken yet (fresh, or the value's own id),
 * a container made empty in the same function, a key guarded in every caller, a key that names
 * a value the caller holds, a container mirrored by another at the same key.
 */
import ts from 'typescript';

import { INSERTING_METHODS, isConnectionListener, registersConnectionListener } from '../containers/origins.js';
import { containerPlaces, makesEveryValueItHolds } from '../containers/ownership.js';
import { entryAt, readAtKey } from '../containers/entries.js';
import { CONTAINER_VOCABULARY } from '../containers/vocabulary.js';
import { ownFieldKey, valueNamedByOwnKeyText } from '../containers/selfKeyed.js';
import { lendsItsValues } from '../containers/takers.js';
import { containerTypeOf } from '../containers/types.js';
import { analyzeDrops, resolveCallee, type DropSite, type DropVerdict } from '../flow/index.js';
import { holdsTimer, obligationSlots, releaseNames } from '../resources/release.js';
import { memoTable, type AnalysisSession } from '../session.js';
import {
  alwaysLeaves,
  calledMethodName,
  calleeName,
  canonical,
  type CanonicalText,
  containerScope,
  enclosingBody,
  isAssignment,
  isEmptyContainerExpression,
  isFallback,
  isFieldOfThis,
  isFunctionLike,
  isIdentifierNamed,
  isNullish,
  isPrivateMember,
  isInternalMember,
  isPromiseContinuation,
  isSeparateFunction,
  isWithin,
  listedBy,
  membersNamed,
  mentions,
  ownMemberOf,
  ownMethodCalled,
  propertyNameOf,
  returnedExpressions,
  rootOf,
  skipOuter,
  statementInBlock,
  steppedUpByOne,
  storeOf,
  storesAt,
  writesPath,
  someOutsideFunctions,
} from '../syntax/expressions.js';
import {
  bindingsIn,
  callsHandingParameter,
  callsInProgram,
  callsOfLocalFunction,
  callsOfName,
  callsOfNestedFunction,
  callsOfOwnMethod,
  declarationOf,
  destructuredField,
  isUnchangedParameter,
  moduleFunctionReturns,
  ownMethodCalls,
  parameterNamed,
  singleInitializer,
  valueWhereRead,
  type NameDeclaration,
} from '../syntax/names.js';
import { callsOfMethodAcrossProgram } from '../syntax/programCalls.js';
import { lookUpCall } from '../syntax/lookUps.js';
import { programClassOfNew } from '../syntax/writtenTypes.js';
import type { ContainerOfResources, DropContext } from './candidate.js';
import { flowOptionsFor } from './flowOptions.js';
import { owedSlots, symbolOf } from './owed.js';

/** What the callers' flow needs of a container: its text and the resource it holds. */
export type HeldResources = Pick<ContainerOfResources, 'text' | 'resource'>;

const EMPTY_CONTAINERS = memoTable<ts.Node, Map<string, number>>('drops.emptyContainers');
const KEY_ACCESSES = memoTable<ts.Node, Map<string, Map<string, ts.Expression>>>('drops.keyAccesses');
const CONTAINER_READS = memoTable<ts.Node, Map<string, number>>('drops.containerReads');
const LOOKED_UP = memoTable<ts.Node, Set<string>>('drops.lookedUpBeforeInsert');
const FRESH_KEY_FACTORIES = new Set(['randomUUID', 'uuid', 'v4', 'v1', 'v7', 'uuidv4', 'nanoid', 'ulid', 'cuid', 'randomBytes', 'Symbol']);
/** `generateUuid()`, `generateId()`, `newGuid()`, `createId()`: a maker of identifiers by its own name. */
const FRESH_KEY_MAKER = /^(?:generate|create|new|make|random)(?:Uuid|Guid|Uid|Id)$/i;
/** Properties that identify the object they are read from (`child.pid`, `socket.id`). */
const IDENTITY_PROPERTIES = new Set(['id', 'pid', 'uuid', 'guid', '_id']);
/** A call on a fresh value that keeps it fresh: `randomBytes(8).toString('hex')`. */
const FRESH_PRESERVING_METHODS = new Set(['toString', 'toUpperCase', 'toLowerCase', 'slice', 'substring']);

/** The place a key names; a key that cannot be named again gets a target no fact can match. */
export function keyTarget(keyExpression: ts.Expression): DropSite['target'] {
  const key = canonical(keyExpression);
  return key ? { kind: 'key', key: key.text, keyRoots: key.roots } : { kind: 'key', key: `#unknown${keyExpression.pos}`, keyRoots: [] };
}

/** `map.set(++this.seq, …)`, `const id = randomUUID(); map.set(id, …)`: no earlier value can sit there. */
export function isFreshKey(keyExpression: ts.Expression, session: AnalysisSession): boolean {
  const key = skipOuter(keyExpression);
  if (isFreshValue(key, session)) return true;
  if (ts.isPropertyAccessExpression(key)) return isFreshLiteralField(key, session) || isCounterStepped(key, session) || isIdentityOfNewObject(key, session);
  if (!ts.isIdentifier(key)) return false;
  if (isNewFromEvent(key, session) || isElementOfMadeList(key, session)) return true;
  const value = singleInitializer(key, session);
  if (value && ts.isPropertyAccessExpression(value)) return isIdentityOfNewObject(value, session);
  return value !== undefined && isFreshValue(value, session);
}

/**
 * `const managers = roots.map((root) => new Manager(root)); for (const manager of managers) …` (or
 * `managers.forEach((manager) => …)`): each turn of the one pass over a list of objects made for it
 * hands over another new object.
 */
function isElementOfMadeList(name: ts.Identifier, session: AnalysisSession): boolean {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind === 'parameter') {
    const { fn, parameter } = declaration;
    if (fn.parameters[0] !== parameter || !isCallbackArgument(fn) || !isUnchangedParameter(name.text, name, session)) return false;
    const pass = fn.parent as ts.CallExpression;
    const receiver = skipOuter(pass.expression);
    return calledMethodName(pass) === 'forEach' && ts.isPropertyAccessExpression(receiver) && isListOfMadeObjects(receiver.expression, pass, session);
  }
  // The nearest loop that declares the name.
  for (let current: ts.Node = name.parent; declaration && !isFunctionLike(current) && !ts.isSourceFile(current); current = current.parent) {
    if (!ts.isForOfStatement(current) || !declaresName(current.initializer, name.text)) continue;
    return (current.initializer.flags & ts.NodeFlags.Const) !== 0 && isListOfMadeObjects(current.expression, current, session);
  }
  return false;
}

/** `[new A(), new B()]`, `roots.map((root) => new Manager(root))`, or a `const` given one that only `pass` goes over. */
function isListOfMadeObjects(expression: ts.Expression, pass: ts.Node, session: AnalysisSession): boolean {
  const list = skipOuter(expression);
  if (ts.isArrayLiteralExpression(list)) return list.elements.length > 0 && list.elements.every((element) => ts.isNewExpression(skipOuter(element)));
  if (ts.isCallExpression(list)) {
    const made = list.arguments[0] && skipOuter(list.arguments[0]);
    if (calledMethodName(list) !== 'map' || !made || !(ts.isArrowFunction(made) || ts.isFunctionExpression(made))) return false;
    const returned = returnedExpressions(made);
    return returned.length > 0 && returned.every((value) => ts.isNewExpression(skipOuter(value)));
  }
  if (!ts.isIdentifier(list)) return false;
  const value = singleInitializer(list, session);
  const declaration = declarationOf(list.text, list, session);
  // A second pass over the same list would hand the same objects over again.
  return (
    value !== undefined &&
    !ts.isIdentifier(value) &&
    declaration?.kind === 'variable' &&
    declaration.bindings.constant &&
    isListOfMadeObjects(value, pass, session) &&
    onlyPassOver(list.text, pass, declaration.body)
  );
}

/** No loop or `forEach` over `name` in `body` but `pass`. */
function onlyPassOver(name: string, pass: ts.Node, body: ts.Node): boolean {
  const visit = (node: ts.Node): boolean => {
    if (node !== pass && ts.isForOfStatement(node) && isIdentifierNamed(node.expression, name)) return true;
    if (node !== pass && ts.isCallExpression(node) && calledMethodName(node) === 'forEach') {
      const receiver = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(receiver) && isIdentifierNamed(receiver.expression, name)) return true;
    }
    return ts.forEachChild(node, visit) === true;
  };
  return !visit(body);
}

/** `id`, `pid`, `sessionId`, `clientUuid`: a property that names the object it is read from. */
function isIdentityName(name: string): boolean {
  return IDENTITY_PROPERTIES.has(name) || /[a-z](?:Id|Uuid|Guid)$/.test(name);
}

/**
 * `const transport = new SSEServerTransport(path, res); sessions.set(transport.sessionId, …)`: the
 * identity of an object made here, which no earlier object had — unless its construction is handed
 * that identity: an argument naming one (`new Session(id)`, `new Session({ sessionId })`), or a
 * constructor parameter that is one or an options object carrying one.
 */
function isIdentityOfNewObject(key: ts.PropertyAccessExpression, session: AnalysisSession): boolean {
  if (!isIdentityName(key.name.text)) return false;
  const holder = skipOuter(key.expression);
  const value = ts.isIdentifier(holder) ? singleInitializer(holder, session) : undefined;
  const made = value && (ts.isAwaitExpression(value) ? skipOuter(value.expression) : value);
  if (!made || !ts.isNewExpression(made)) return false;
  const namesIdentity = (node: ts.Node): boolean =>
    ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && isIdentityName(node.text)) ||
    (ts.isPropertyAccessExpression(node) && isIdentityName(node.name.text)) ||
    ts.forEachChild(node, namesIdentity) === true;
  if (made.arguments?.some(namesIdentity)) return false;
  const { checker } = session;
  const declaration = checker.getResolvedSignature(made)?.getDeclaration();
  if (!declaration) return false;
  return declaration.parameters.every((parameter) => {
    if (ts.isIdentifier(parameter.name) && isIdentityName(parameter.name.text)) return false;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(parameter));
    return !(type.flags & ts.TypeFlags.Object) || type.getProperties().every((property) => !isIdentityName(property.name) && property.name !== key.name.text);
  });
}

/**
 * `server.on('session', (session) => this.idle.set(session, …))`, `onTerminalCreated((terminal) => …)`:
 * each event hands over a new object, so no entry can sit under it yet. A method every caller gives
 * such an object (`this.track(session)` from the listener) is judged by isFreshFromEveryCaller.
 */
function isNewFromEvent(name: ts.Identifier, session: AnalysisSession): boolean {
  const parameter = parameterNamed(name.text, name, session);
  if (!parameter || !isUnchangedParameter(name.text, name, session)) return false;
  const fn = parameter.parent as ts.FunctionLikeDeclaration;
  return fn.parameters[0] === parameter && (isConnectionListener(fn) || isCreationListener(fn) || isMadeAsConnectionListener(fn, session));
}

/**
 * `private sessionHandler() { return (session) => … }` whose every call is registered for the
 * event of a new connection — directly, or through a constant (`const handler = channelz ?
 * this.a() : this.sessionHandler(); server.on('session', handler)`).
 */
function isMadeAsConnectionListener(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const returned = fn.parent && ts.isReturnStatement(fn.parent) ? fn.parent : undefined;
  const maker = returned && enclosingBody(returned);
  if (!maker || !isFunctionLike(maker) || ts.isSourceFile(maker)) return false;
  const calls = callsOfLocalFunction(maker, session);
  return calls !== undefined && calls.every((call) => isRegisteredForConnections(call));
}

function isRegisteredForConnections(made: ts.Expression): boolean {
  let value: ts.Node = made;
  while (ts.isParenthesizedExpression(value.parent) || (ts.isConditionalExpression(value.parent) && value.parent.condition !== value)) value = value.parent;
  const holder = value.parent;
  if (ts.isCallExpression(holder)) return registersConnectionListener(holder, value);
  if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name) || !ts.isVariableDeclarationList(holder.parent)) return false;
  if ((holder.parent.flags & ts.NodeFlags.Const) === 0) return false;
  const name = holder.name.text;
  const scope = enclosingBody(holder);
  let registered = false;
  let otherUse = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== holder.name) {
      if (ts.isCallExpression(node.parent) && registersConnectionListener(node.parent, node)) registered = true;
      else otherUse = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return registered && !otherUse;
}

/** `onTerminalCreated(…)`, `onDidOpenTerminal(…)`, `onDidStartDebugSession(…)`: events that hand over a thing just made. */
const CREATION_EVENT = /^on(?:Did)?(?:Create|Open|Start|Spawn|Connect|Add)[A-Z]\w*$|^on[A-Z]\w*(?:Created|Opened|Started|Spawned|Connected|Added)$/;

/** `launcher.onTerminalCreated((terminal) => …)`: a listener of an event that announces a new object. */
function isCreationListener(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  const method = calledMethodName(call);
  return method !== undefined && CREATION_EVENT.test(method);
}

/**
 * `const opts = { guild_id, nonce: randomBytes(16).toString('hex') }; …; pending[opts.nonce] = …`:
 * a field an object literal was made with, fresh there and never written again.
 */
function isFreshLiteralField(key: ts.PropertyAccessExpression, session: AnalysisSession): boolean {
  const holder = skipOuter(key.expression);
  const made = ts.isIdentifier(holder) ? singleInitializer(holder, session) : undefined;
  if (!made || !ts.isObjectLiteralExpression(made)) return false;
  const field = made.properties.find(
    (property): property is ts.PropertyAssignment =>
      ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === key.name.text,
  );
  return (
    field !== undefined && isFreshValue(field.initializer, session) && !writesPath(enclosingBody(made), `${(holder as ts.Identifier).text}.${key.name.text}`)
  );
}

/**
 * `this.pageIndex++; …; this.pages[this.pageIndex] = page`: a field of the class that only ever
 * counts up, stepped by the function before it stores — each store takes an index no earlier one had.
 */
function isCounterStepped(key: ts.PropertyAccessExpression, session: AnalysisSession): boolean {
  if (skipOuter(key.expression).kind !== ts.SyntaxKind.ThisKeyword) return false;
  const fn = enclosingBody(key);
  const owner = fn.parent;
  if (!isFunctionLike(fn) || !fn.body || !ts.isBlock(fn.body) || !owner || !ts.isClassLike(owner)) return false;
  const steps = (node: ts.Node): boolean => isCountingUp(node, key.name.text);
  const stepped = fn.body.statements.some(
    (statement) => statement.end <= key.pos && ts.isExpressionStatement(statement) && steps(skipOuter(statement.expression)),
  );
  return stepped && onlyCountsUp(owner, key.name.text, session);
}

const COUNTERS = memoTable<ts.ClassLikeDeclaration, Map<string, boolean>>('drops.counters');

/** Every write of `this.<name>` in the class steps it up (`++`, `+= 1`); its declaration may start it anywhere. */
function onlyCountsUp(owner: ts.ClassLikeDeclaration, name: string, session: AnalysisSession): boolean {
  const table = session.table(COUNTERS);
  let byName = table.get(owner);
  if (!byName) table.set(owner, (byName = new Map()));
  let answer = byName.get(name);
  if (answer !== undefined) return answer;
  answer = writesOfField(owner, name).every((node) => isCountingUp(node, name));
  byName.set(name, answer);
  return answer;
}

/** Every write of `this.<name>` in the class's members: an assignment of any kind, `++` or `--`. */
function writesOfField(owner: ts.ClassLikeDeclaration, name: string): ts.Node[] {
  const writes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (isAssignment(node) && isFieldOfThis(node.left, name)) ||
      ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) &&
        isFieldOfThis(node.operand, name))
    )
      writes.push(node);
    ts.forEachChild(node, visit);
  };
  owner.members.forEach(visit);
  return writes;
}

/** `this.<name>++`, `++this.<name>`, `this.<name> += 1`, or `this.<name> = (this.<name> + 1) & 0xffff`. */
function isCountingUp(node: ts.Node, name: string): boolean {
  const target = countedUp(node);
  return target !== undefined && isFieldOfThis(target, name);
}

/** What a step up by one writes, also one the class wraps at a bound. */
function countedUp(node: ts.Node): ts.Expression | undefined {
  return steppedUpByOne(node) ?? wrappedStep(node);
}

/**
 * `this.n = (this.n + 1) & 0xffff`, `this.n = (this.n + 1) % LIMIT`: a step up in an id space the
 * class chose to wrap (a 16-bit exchange counter): what it writes, undefined for anything else.
 */
function wrappedStep(node: ts.Node): ts.Expression | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  let value = skipOuter(node.right);
  if (ts.isBinaryExpression(value) && [ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.PercentToken].includes(value.operatorToken.kind))
    value = skipOuter(value.left);
  if (!ts.isBinaryExpression(value) || value.operatorToken.kind !== ts.SyntaxKind.PlusToken || skipOuter(value.right).getText() !== '1') return undefined;
  const target = canonical(node.left);
  return target !== undefined && canonical(value.left)?.text === target.text ? skipOuter(node.left) : undefined;
}

/**
 * `this.#exchangeCounter.getIncrementedCounter()` of a field the class makes with `new
 * ExchangeCounter()`: that class's method, found without typing the receiver (every `set()`'s key
 * is asked about before the checker is).
 */
function methodOfOwnFieldMade(callee: ts.PropertyAccessExpression, session: AnalysisSession): ts.MethodDeclaration | undefined {
  const receiver = skipOuter(callee.expression);
  const field = ts.isPropertyAccessExpression(receiver) && isFieldOfThis(receiver) ? ownMemberOf(receiver) : undefined;
  const made = field && ts.isPropertyDeclaration(field) && field.initializer ? skipOuter(field.initializer) : undefined;
  const owner = made && ts.isNewExpression(made) ? classOfNew(made, session) : undefined;
  return owner?.members.find(
    (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === callee.name.text,
  );
}

/**
 * `getIncrementedCounter() { this.#counter = (this.#counter + 1) & 0xffff; return this.#counter }`,
 * `nextId() { return ++this.seq }`: a method of the program that steps a field its class only
 * counts up, and hands back the new count — each call a number no earlier call had.
 */
function isCounterCall(call: ts.CallExpression, session: AnalysisSession): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || call.arguments.length > 0) return false;
  const method = ownMethodCalled(call) ?? methodOfOwnFieldMade(callee, session);
  if (!method?.body || !ts.isClassLike(method.parent)) return false;
  const statements = method.body.statements;
  const last = statements.at(-1);
  if (!last || !ts.isReturnStatement(last) || !last.expression) return false;
  const returned = skipOuter(last.expression);
  // `return ++this.seq`, or a step then `return this.seq`.
  const field = ts.isPrefixUnaryExpression(returned) ? countedUp(returned) : isFieldOfThis(returned) ? returned : undefined;
  if (!field || !ts.isPropertyAccessExpression(field)) return false;
  const stepped =
    returned !== field ||
    statements.slice(0, -1).some((statement) => ts.isExpressionStatement(statement) && isCountingUp(skipOuter(statement.expression), field.name.text));
  return stepped && statements.length <= 2 && onlyCountsUp(method.parent, field.name.text, session);
}

function isFreshValue(expression: ts.Expression, session: AnalysisSession, depth = 0): boolean {
  if (depth > 3) return false;
  const e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) return isFreshValue(e.expression, session, depth + 1);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusPlusToken) return true;
  if (ts.isPostfixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusPlusToken) return true;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return true;
  if (ts.isObjectLiteralExpression(e) || ts.isNewExpression(e)) return true;
  // `${prefix}-${randomUUID()}`, `'job:' + nanoid()`: a fresh part makes the whole fresh.
  if (ts.isTemplateExpression(e)) return e.templateSpans.some((span) => isFreshValue(span.expression, session, depth + 1));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return isFreshValue(e.left, session, depth + 1) || isFreshValue(e.right, session, depth + 1);
  // `exchangeId | 0x10000`: a fresh number marked by a constant bit stays fresh.
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarToken, ts.SyntaxKind.CaretToken].includes(e.operatorToken.kind))
    return (
      (ts.isNumericLiteral(skipOuter(e.right)) && isFreshValue(e.left, session, depth + 1)) ||
      (ts.isNumericLiteral(skipOuter(e.left)) && isFreshValue(e.right, session, depth + 1))
    );
  // `const exchangeId = counter.next(); const index = exchangeId | 0x10000`: as fresh as what it was given.
  // (Not an object's identity: `${handler}` of a new object is always the same text.)
  if (ts.isIdentifier(e)) {
    const value = singleInitializer(e, session);
    const made = value && skipOuter(value);
    return made !== undefined && !ts.isObjectLiteralExpression(made) && !ts.isNewExpression(made) && isFreshValue(made, session, depth + 1);
  }
  if (ts.isCallExpression(e)) {
    const callee = skipOuter(e.expression);
    const name = calleeName(e);
    if (name === undefined) return false;
    if (FRESH_KEY_FACTORIES.has(name) || FRESH_KEY_MAKER.test(name)) return true;
    if (ts.isPropertyAccessExpression(callee) && FRESH_PRESERVING_METHODS.has(name)) return isFreshValue(callee.expression, session, depth + 1);
    if (ts.isPropertyAccessExpression(callee)) return isCounterCall(e, session);
    // A helper of this module that returns a fresh value: `function randomId() { return randomBytes(8).toString('hex'); }`
    if (ts.isIdentifier(callee)) return moduleFunctionReturns(callee, session, (returned) => isFreshValue(returned, session, depth + 1));
  }
  return false;
}

/**
 * `registerRaw(id, …) { this.watchers.set(id, …) }` whose every call in the program hands it a
 * fresh key (`feature.registerRaw(generateUuid(), …)`): the key is as fresh as what the callers
 * give, once per call — so only for a store made in the method's own body, not in a callback it
 * leaves behind. Program-wide for a public method or an exported function, so asked only where a
 * report would otherwise go.
 */
export function isFreshFromEveryCaller(node: ts.Node, keyExpression: ts.Expression, session: AnalysisSession, depth = 0): boolean {
  const key = skipOuter(keyExpression);
  if (depth > 1 || !ts.isIdentifier(key)) return false;
  const parameter = parameterNamed(key.text, key, session);
  if (!parameter || !isUnchangedParameter(key.text, key, session)) return false;
  const fn = parameter.parent as ts.FunctionLikeDeclaration;
  if (enclosingBody(node) !== fn) return false;
  const index = fn.parameters.indexOf(parameter);
  const calls = callsInProgram(fn, session);
  return (
    calls !== undefined &&
    calls.length > 0 &&
    calls.every((call) => {
      const argument = call.arguments[index];
      if (argument === undefined || ts.isSpreadElement(argument)) return false;
      // A fresh value handed on from a callback it outlives can be handed twice (`() => this.track(session)`).
      const name = skipOuter(argument);
      if (ts.isIdentifier(name) && bornIn(name, session) !== enclosingBody(call)) return false;
      return isFreshKey(argument, session) || isFreshFromEveryCaller(call, argument, session, depth + 1);
    })
  );
}

/** The function whose run gives `name` its value: its parameter's function, or the body declaring it. */
function bornIn(name: ts.Identifier, session: AnalysisSession): ts.Node | undefined {
  const declaration = declarationOf(name.text, name, session);
  return declaration?.kind === 'parameter' ? declaration.fn : declaration?.body;
}

/**
 * `retained[child.pid] = child`, `sockets.set(socket.id, socket)`: a value stored under its own
 * identity. What the place held before is the same object (a same-value store drops nothing) or
 * another object with the same id — which ids rule out. A property like `userId` names something
 * else and does not count.
 */
export function isOwnIdentity(keyExpression: ts.Expression, storedValue: ts.Expression | undefined): boolean {
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
export function isCreatedEmptyHere(receiver: ts.Expression, node: ts.Node, session: AnalysisSession): boolean {
  const text = canonical(receiver)?.text;
  if (text === undefined) return false;
  const fn = enclosingBody(node);
  const madeEmpty = emptyContainersIn(fn, session).get(text);
  if (madeEmpty !== undefined && madeEmpty < node.pos) return true;
  // `const byKey = {}; await Promise.all(entries.map(async ([k, v]) => { byKey[k] = … }))`: made empty
  // by the function whose own callbacks fill it, once per entry.
  for (let callback: ts.Node = fn, depth = 0; depth < 3 && isFunctionLike(callback) && isCallbackArgument(callback) && !text.startsWith('this.'); depth++) {
    const outer = enclosingBody(callback);
    const made = emptyContainersIn(outer, session).get(text);
    if (made !== undefined && made < callback.pos) return true;
    callback = outer;
  }
  if (ts.isConstructorDeclaration(fn) && text.startsWith('this.')) {
    const field = fn.parent.members.find((member) => ts.isPropertyDeclaration(member) && `this.${member.name.getText()}` === text);
    return field !== undefined && ts.isPropertyDeclaration(field) && field.initializer !== undefined && isEmptyContainerExpression(field.initializer);
  }
  return false;
}

/** A callback an iteration runs once per element (`entries.map(async ([k]) => …)`), not a listener run again and again. */
function isCallbackArgument(fn: ts.Node): boolean {
  const parent = fn.parent;
  return (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    ts.isCallExpression(parent) &&
    parent.arguments[0] === fn &&
    ['map', 'forEach', 'flatMap'].includes(calledMethodName(parent) ?? '')
  );
}

/** `findFiles().then((found) => …)`: the rest of the function it is written in, run once that settles. */
function isContinuationCallback(fn: ts.Node): boolean {
  const parent = fn.parent;
  return (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(parent) && parent.arguments.includes(fn) && isPromiseContinuation(parent)
  );
}

/**
 * `if (subs[id]) { unsubscribe(subs[id]); delete subs[id] } subscribe(q).then((sid) => { subs[id] = sid })`:
 * a store in a promise's continuation at a key the function around it emptied first (a statement
 * before the one that starts the continuation deletes it, also inside an `if` that reads it). The
 * key is taken again only by a call that fills it before the continuation runs: the continuation's
 * call, for the message; undefined for any other store.
 */
export function continuationEmptiedBefore(node: ts.Node, container: string, key: string): ts.CallExpression | undefined {
  const fn = enclosingBody(node);
  if (!isContinuationCallback(fn)) return undefined;
  const continuation = fn.parent as ts.CallExpression;
  const outer = enclosingBody(continuation);
  const body = isFunctionLike(outer) && outer.body && ts.isBlock(outer.body) ? outer.body : undefined;
  let statement: ts.Node = continuation;
  while (statement.parent && statement.parent !== body && !ts.isBlock(statement.parent) && !ts.isCaseClause(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!block || !(ts.isBlock(block) || ts.isCaseClause(block)) || enclosingBody(statement) !== outer) return undefined;
  const deletes = (child: ts.Statement): boolean => ts.isExpressionStatement(child) && removesAt(child, container, key);
  // `if (subs[id]) { …; delete subs[id] }`: empty on both sides after it.
  const readsEntry = (test: ts.Expression): boolean => {
    const entry = entryAt(test, (method) => CONTAINER_VOCABULARY.reads.has(method) || CONTAINER_VOCABULARY.tests.has(method));
    return entry?.container === container && entry.key === key;
  };
  const statements = block.statements as ts.NodeArray<ts.Statement>;
  const emptied = statements.slice(0, statements.indexOf(statement as ts.Statement)).some((before) => {
    if (deletes(before)) return true;
    if (!ts.isIfStatement(before) || before.elseStatement || !readsEntry(before.expression)) return false;
    const then = before.thenStatement;
    return ts.isBlock(then) ? then.statements.some(deletes) : deletes(then);
  });
  return emptied ? continuation : undefined;
}

/** Names (and `this.x`) given an empty container in this body, with the position where that happens; one walk per body. */
function emptyContainersIn(fn: ts.Node, session: AnalysisSession): Map<string, number> {
  const cached = session.table(EMPTY_CONTAINERS).get(fn);
  if (cached) return cached;
  const made = new Map<string, number>();
  const visit = (child: ts.Node): void => {
    if (child !== fn && isSeparateFunction(child)) return;
    if (
      ts.isVariableDeclaration(child) &&
      ts.isIdentifier(child.name) &&
      child.initializer &&
      isEmptyContainerExpression(child.initializer) &&
      !made.has(child.name.text)
    ) {
      made.set(child.name.text, child.pos);
    }
    if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && isEmptyContainerExpression(child.right)) {
      const text = canonical(child.left)?.text;
      if (text !== undefined && !made.has(text)) made.set(text, child.pos);
    }
    ts.forEachChild(child, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  session.table(EMPTY_CONTAINERS).set(fn, made);
  return made;
}

/** A value that can be a fresh container: constructed, a literal, or what a call (a factory) returns. */
export function isContainerMadeHere(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) return isContainerMadeHere(e.expression);
  return ts.isNewExpression(e) || ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isCallExpression(e);
}

/**
 * Reassigning a container drops what it held only when it held something: a field with
 * an initializer or one set in the constructor, or a variable declared with a value. The
 * constructor's own first assignment drops nothing, nor the first of a field of an object just
 * made whose class leaves that field unset.
 */
export function hadEarlierValue(target: ts.Expression, node: ts.BinaryExpression, session: AnalysisSession): boolean {
  const fn = enclosingBody(node);
  if (ts.isConstructorDeclaration(fn)) return false;
  if (ts.isIdentifier(target)) return true;
  if (!ts.isPropertyAccessExpression(target)) return true;
  if (skipOuter(target.expression).kind !== ts.SyntaxKind.ThisKeyword) {
    const made = madeJustBefore(target.expression, node);
    const owner = made && classOfNew(made, session);
    return owner === undefined || setsField(owner, target.name.text);
  }
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isClassLike(current)) current = current.parent;
  return current === undefined ? false : setsField(current, target.name.text);
}

/** The class gives the field a value as it is made: an initializer, a parameter property or the constructor. */
function setsField(owner: ts.ClassLikeDeclaration, name: string): boolean {
  const declared = membersNamed(owner, name).some((member) => ts.isParameter(member) || (ts.isPropertyDeclaration(member) && member.initializer !== undefined));
  return declared || owner.members.some((member) => ts.isConstructorDeclaration(member) && member.body !== undefined && mentions(member.body, `this.${name}`));
}

/**
 * `effect = this.hash[mode] = new FilterEffect(); effect.filters = […]`: the object a name was
 * given by a `new` in the statement before (or in its declaration there), with nothing between.
 */
function madeJustBefore(holder: ts.Expression, node: ts.BinaryExpression): ts.NewExpression | undefined {
  const name = skipOuter(holder);
  const statement = node.parent;
  const block = statement?.parent;
  if (!ts.isIdentifier(name) || !ts.isExpressionStatement(statement) || !block || !ts.isBlock(block)) return undefined;
  const previous = block.statements[block.statements.indexOf(statement) - 1];
  let value: ts.Expression | undefined;
  if (previous && ts.isVariableStatement(previous)) {
    value = previous.declarationList.declarations.find((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name.text)?.initializer;
  } else if (previous && ts.isExpressionStatement(previous)) {
    const assigned = skipOuter(previous.expression);
    if (isAssignment(assigned) && ts.isIdentifier(skipOuter(assigned.left)) && (skipOuter(assigned.left) as ts.Identifier).text === name.text)
      value = assigned.right;
  }
  while (value && isAssignment(skipOuter(value))) value = (skipOuter(value) as ts.BinaryExpression).right;
  const made = value && skipOuter(value);
  return made && ts.isNewExpression(made) ? made : undefined;
}

/** The class of the program a `new` makes, when no base class of it could set fields as well. */
function classOfNew(made: ts.NewExpression, session: AnalysisSession): ts.ClassLikeDeclaration | undefined {
  const declaration = programClassOfNew(made, session.checker);
  if (!declaration) return undefined;
  return declaration.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword) ? undefined : declaration;
}

/**
 * Maps keyed alike and holding the same type mirror each other (`all[key]` and `master[key]`):
 * when the function that drops `container[key]` also reads or writes the same key of another
 * such container, the value is moved between them or still held by the other, not lost.
 */
export function isMirroredElsewhere(node: ts.Node, container: ContainerOfResources, keyText: string, context: DropContext): boolean {
  const { session } = context;
  const valueSymbol = symbolOf(container.valueType, session.checker);
  if (valueSymbol === undefined) return false;
  const others = keyAccessesIn(enclosingBody(node), session).get(keyText);
  if (!others) return false;
  for (const [text, expression] of others) {
    if (text === container.text.text) continue;
    const other = containerTypeOf(expression, session);
    if (other && other.kind !== 'Cache' && symbolOf(other.valueType, session.checker) === valueSymbol) return true;
  }
  return false;
}

/** Key text → containers read or written at that key (`x[k]`, `x.get(k)`, `x.set(k, …)`) in one body, from one walk. */
function keyAccessesIn(fn: ts.Node, session: AnalysisSession): Map<string, Map<string, ts.Expression>> {
  const cached = session.table(KEY_ACCESSES).get(fn);
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
  session.table(KEY_ACCESSES).set(fn, byKey);
  return byKey;
}

/**
 * `this.sessions.set(id, new Session(id))` with nothing saying the key may be taken: an entity
 * made for an id (a session, a server, a registration) takes its key once. What says it may be
 * taken: a read of the container earlier on the way here, a function of the program that looks the
 * container up before it inserts (get-or-create: its keys come back), a value re-armed per key
 * (a timer, a record holding one), a key from a few constants, an object key (a live object given
 * its attachment again), a value handed in (a peer's new connection under its old id), or a list of
 * resources rather than one entity.
 */
export function isBlindInsertOfMadeEntity(
  node: ts.Node,
  container: ContainerOfResources,
  containerExpression: ts.Expression,
  keyExpression: ts.Expression,
  newValue: ts.Expression,
  context: DropContext,
): boolean {
  const { session } = context;
  const text = container.text.text;
  // A list per key (`endpoints` of a device, the disposables of a registration) is no entity made for
  // its id: a group of resources stored again under the same key, as a literal list is.
  if (context.hatches.overwrites !== 'evident' || holdsTimer(container.resource) || container.resource.release.kind === 'each') return false;
  if (!isMadeHere(newValue, node, session)) return false;
  // `const meters = new Array(createMeter('/'))`: made holding values, so a key may be taken.
  const named = skipOuter(containerExpression);
  const made = ts.isIdentifier(named) ? singleInitializer(named, session) : undefined;
  if (made && !isEmptyContainerExpression(made)) return false;
  const stored = skipOuter(newValue);
  const storedName = ts.isIdentifier(stored) ? stored.text : undefined;
  for (let at: ts.Node = node, depth = 0; ; depth++) {
    const fn = enclosingBody(at);
    if ((containerReadsIn(fn, session).get(text) ?? Infinity) < at.pos) return false;
    if (depth >= 3 || !isFunctionLike(fn) || !(isCallbackArgument(fn) || isContinuationCallback(fn) || isCallbackOfMethodOn(fn, storedName))) break;
    at = fn;
  }
  if (lookedUpBeforeInsert(containerScope(containerExpression), session).has(text)) return false;
  if (isRecurringEventPayload(keyExpression, node, session)) return false;
  if (isKeyOfAnotherRegistry(node, keyExpression, text, session)) return false;
  if (isKeyListedFromLastingContainer(keyExpression, text, session)) return false;
  return isIdType(session.checker.getTypeAtLocation(keyExpression));
}

/**
 * `Object.keys(this.registered).map(async (id) => { clients[id] = await create(id) })`, `for (const id
 * of registered.keys())`: the key is listed from another container that outlives the function. A
 * later run lists the same keys again and finds them taken, unless the loop moves each key over
 * (removes it from the listed container). Read from the syntax: the key's declaration, then the loop.
 */
function isKeyListedFromLastingContainer(keyExpression: ts.Expression, container: string, session: AnalysisSession): boolean {
  const key = skipOuter(keyExpression);
  if (!ts.isIdentifier(key)) return false;
  const declaration = declarationOf(key.text, key, session);
  if (declaration?.kind === 'parameter') {
    // `.map((id) => …)` over `Object.keys(c)` or `c.keys()`: the callback's first parameter.
    const { fn, parameter } = declaration;
    if (fn.parameters[0] !== parameter || !isCallbackArgument(fn)) return false;
    const listed = listedBy(skipOuter((skipOuter((fn.parent as ts.CallExpression).expression) as ts.PropertyAccessExpression).expression), 'keys');
    return listed !== undefined && isLastingOther(listed, container, fn, fn.body, key.text, session);
  }
  // `for (const id in c)`, `for (const id of Object.keys(c))`: the nearest loop that declares the name.
  for (let current: ts.Node = key.parent; declaration && !isFunctionLike(current) && !ts.isSourceFile(current); current = current.parent) {
    if (!(ts.isForInStatement(current) || ts.isForOfStatement(current)) || !declaresName(current.initializer, key.text)) continue;
    const listed = ts.isForInStatement(current) ? skipOuter(current.expression) : listedBy(current.expression, 'keys');
    return listed !== undefined && isLastingOther(listed, container, current, current.statement, key.text, session);
  }
  return false;
}

/** `const id` of a loop's head. */
function declaresName(initializer: ts.ForInitializer, name: string): boolean {
  return ts.isVariableDeclarationList(initializer) && initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
}

/**
 * `listed` is another container than `container`, not made by the function around `loop` (nor one
 * given to it), and the loop's `body` leaves its keys in it.
 */
function isLastingOther(listed: ts.Expression, container: string, loop: ts.Node, body: ts.Node | undefined, key: string, session: AnalysisSession): boolean {
  const text = canonical(listed);
  if (!text || text.impure || text.text === container || !body) return false;
  // A loop of the module's own top level runs once.
  const around = enclosingBody(loop);
  if (!isFunctionLike(around)) return false;
  const root = rootOf(listed);
  if (ts.isIdentifier(root)) {
    const declared = declarationOf(root.text, root, session);
    const scope = declared?.kind === 'parameter' ? declared.fn : declared?.body;
    if (!scope || isWithin(scope, around)) return false;
  } else if (root.kind !== ts.SyntaxKind.ThisKeyword) return false;
  return !removesAt(body, text.text, key);
}

/**
 * `const config = this.config.servers?.[name]; if (!config) throw …` (or `if (!this.known.has(name))
 * return;`) before the insertion: the key names an entry another container already holds — one of a
 * set of existing names, which a later call for the same name brings back to a taken key.
 */
function isKeyOfAnotherRegistry(node: ts.Node, keyExpression: ts.Expression, container: string, session: AnalysisSession): boolean {
  const key = canonical(keyExpression);
  const fn = enclosingBody(node);
  const body = isFunctionLike(fn) && fn.body && ts.isBlock(fn.body) ? fn.body : undefined;
  if (!key || key.impure || !body) return false;
  const isEntryOfAnother = (tested: ts.Expression | undefined): boolean => {
    const e = tested && skipOuter(tested);
    const read = e && ts.isIdentifier(e) ? valueWhereRead(e, session) : e;
    const entry = read && entryAt(read, (method) => CONTAINER_VOCABULARY.reads.has(method) || CONTAINER_VOCABULARY.tests.has(method));
    // `const req = this.pending.get(id); if (!req) return; this.pending.delete(id)`: the key moves over once.
    return entry !== undefined && entry.key === key.text && entry.container !== container && !removesAt(body, entry.container, entry.key);
  };
  for (const statement of body.statements) {
    if (statement.end > node.pos) break;
    if (
      ts.isIfStatement(statement) &&
      !statement.elseStatement &&
      alwaysLeaves(statement.thenStatement) &&
      isEntryOfAnother(absenceTested(statement.expression))
    )
      return true;
  }
  // `let known = this.accessories.get(uuid); if (known) { …; this.handlers.set(uuid, handler) }`: the
  // branch taken on a hit.
  for (let at: ts.Node = node; at.parent && at !== body; at = at.parent) {
    const branch = at.parent;
    if (ts.isIfStatement(branch) && branch.thenStatement === at && presenceTested(branch.expression).some(isEntryOfAnother)) return true;
  }
  return false;
}

/** `x`, `x != null`, `m.has(k)`, each side of `a && b`: the expressions a test is true for only when present. */
function presenceTested(test: ts.Expression): ts.Expression[] {
  const e = skipOuter(test);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...presenceTested(e.left), ...presenceTested(e.right)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(e.operatorToken.kind))
    return isNullish(skipOuter(e.right)) ? [e.left] : isNullish(skipOuter(e.left)) ? [e.right] : [];
  return ts.isIdentifier(e) || ts.isCallExpression(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? [e] : [];
}

/** `m.delete(k)`, `delete m[k]` in `body`, its own callbacks aside. */
function removesAt(body: ts.Node, container: string, key: string): boolean {
  return someOutsideFunctions(
    body,
    (node) =>
      (ts.isCallExpression(node) && CONTAINER_VOCABULARY.removes.has(calledMethodName(node) ?? '') && readAtKey(node, container, true) === key) ||
      (ts.isDeleteExpression(node) && readAtKey(node.expression, container) === key),
    isSeparateFunction,
  );
}

/** `!x`, `x == null`, `x === undefined`: the expression a test is true for only when it is absent. */
function absenceTested(test: ts.Expression): ts.Expression | undefined {
  const e = skipOuter(test);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return e.operand;
  if (!ts.isBinaryExpression(e) || ![ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken].includes(e.operatorToken.kind)) return undefined;
  return isNullish(skipOuter(e.right)) ? e.left : isNullish(skipOuter(e.left)) ? e.right : undefined;
}

/**
 * `m.set(k, v)` where `v` is a value the container already holds: moved there from another key
 * (`const s = m.get(oldUri); m.set(newUri, s); m.delete(oldUri)`), or handed back for `k` by a
 * get-or-create method of the class (`const s = this.stateFor(uri); …; m.set(uri.path, s)`).
 * A rename takes a name it expects free; a get-or-create's value is the one already at the key.
 */
export function storesValueItHolds(
  node: ts.Node,
  container: ContainerOfResources,
  keyExpression: ts.Expression,
  newValue: ts.Expression,
  context: DropContext,
): boolean {
  const value = skipOuter(newValue);
  const source = ts.isIdentifier(value) ? singleInitializer(value, context.session) : undefined;
  const key = canonical(keyExpression);
  if (!key || key.impure) return false;
  if (!source) return isStoredAtKeyByEveryCaller(node, container, keyExpression, value, context);
  return (
    isKeptOrMadeAt(source, container.text.text, key.text, node, context.session) ||
    isMoveWithinContainer(node, container.text.text, key.text, source, context) ||
    isEntryOfGetOrCreate(node, container.text.text, key.text, source, context)
  );
}

/**
 * `private async connect(id, state) { …; this.states.set(id, state) }` whose every caller stores the
 * record it hands in under the key it hands in (`this.states.set(id, state)` in the caller): the
 * helper stores back the value its caller keeps at that key.
 */
function isStoredAtKeyByEveryCaller(
  node: ts.Node,
  container: ContainerOfResources,
  keyExpression: ts.Expression,
  value: ts.Expression,
  context: DropContext,
): boolean {
  const helper = helperCalls(node, value, container, context, false, false);
  const key = skipOuter(keyExpression);
  if (!helper || !ts.isIdentifier(key)) return false;
  const keyIndex = helper.fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === key.text);
  if (keyIndex < 0) return false;
  return helper.calls.every((call) => {
    const handed = argumentText(call, helper.index);
    const handedKey = argumentText(call, keyIndex);
    const caller = enclosingBody(call);
    if (!handed || !handedKey) return false;
    const stores = storesAt(isFunctionLike(caller) && caller.body ? caller.body : caller, container.text.text, handedKey.text, false);
    return stores.some((store) => canonical(store.value)?.text === handed.text);
  });
}

/**
 * `const box = boxes[i] || make()` (or `boxes[i] ? boxes[i] : make()`) stored back at `boxes[i]`: the
 * value already there, or one made where the key held nothing — what was at the key is never lost.
 * The read may sit in a local given it first (`const existing = m.get(k); const s = existing ?? { … }`)
 * when nothing between that read and the write can change the entry.
 */
function isKeptOrMadeAt(source: ts.Expression, container: string, key: string, write: ts.Node, session: AnalysisSession): boolean {
  const readsEntry = (expression: ts.Expression): boolean =>
    readAtKey(expression, container) === key || isEntryReadInLocal(expression, container, key, write, session);
  const e = skipOuter(source);
  if (ts.isConditionalExpression(e)) {
    const test = skipOuter(e.condition);
    const negated = ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken;
    const kept = negated ? e.whenFalse : e.whenTrue;
    return readsEntry(negated ? test.operand : test) && readsEntry(kept);
  }
  return isFallback(e) && readsEntry(e.left);
}

/**
 * A `const` given only `container[key]`, read in the function of `write`, when nothing from the read
 * to the write can put another value there: no `await` or `yield` lets another call in, and no store
 * into the container runs, here or in a method of the class called here before that method pauses.
 */
function isEntryReadInLocal(expression: ts.Expression, container: string, key: string, write: ts.Node, session: AnalysisSession): boolean {
  const e = skipOuter(expression);
  const read = ts.isIdentifier(e) ? singleInitializer(e, session) : undefined;
  const fn = enclosingBody(write);
  if (!read || readAtKey(read, container) !== key || enclosingBody(read) !== fn) return false;
  const from = read.getEnd();
  const to = write.getStart();
  let changes = false;
  const visit = (node: ts.Node): void => {
    if (changes || node.getEnd() <= from || node.getStart() >= to || isSeparateFunction(node)) return;
    if (node.getStart() >= from) {
      if (ts.isAwaitExpression(node) || ts.isYieldExpression(node) || storesInto(node, container)) changes = true;
      const method = ts.isCallExpression(node) ? ownMethodCalled(node) : undefined;
      if (method?.body && storesBeforePausing(method.body, container)) changes = true;
    }
    if (!changes) ts.forEachChild(node, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  return from < to && !changes;
}

/** `container.set(k, v)` or `container[k] = v`, at any key. */
function storesInto(node: ts.Node, container: string): boolean {
  if (ts.isCallExpression(node) && calledMethodName(node) === 'set' && node.arguments.length === 2)
    return canonical((skipOuter(node.expression) as ts.PropertyAccessExpression).expression)?.text === container;
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const target = skipOuter(node.left);
  return ts.isElementAccessExpression(target) && canonical(target.expression)?.text === container;
}

/**
 * A store into `container` in `body` that may run before the body first pauses, outside nested
 * functions: what a call of it does at once. Only a statement of the body's own list that awaits
 * pauses for certain; one under a condition or in a loop may not.
 */
function storesBeforePausing(body: ts.Node, container: string): boolean {
  const pauses = (node: ts.Node): boolean => ts.isAwaitExpression(node) || ts.isYieldExpression(node);
  for (const statement of ts.isBlock(body) ? body.statements : [body]) {
    if (someOutsideFunctions(statement, (node) => storesInto(node, container), isSeparateFunction)) return true;
    const compound =
      ts.isIfStatement(statement) ||
      ts.isIterationStatement(statement, false) ||
      ts.isTryStatement(statement) ||
      ts.isSwitchStatement(statement) ||
      ts.isBlock(statement);
    if (!compound && someOutsideFunctions(statement, pauses, isSeparateFunction)) return false;
  }
  return false;
}

/** `source` reads the container at another key, which this function removes, and nothing here looks at `key` first. */
function isMoveWithinContainer(node: ts.Node, container: string, key: string, source: ts.Expression, context: DropContext): boolean {
  const from = readAtKey(source, container);
  if (context.hatches.overwrites !== 'evident' || from === undefined || from === key) return false;
  const fn = enclosingBody(node);
  const body = isFunctionLike(fn) && fn.body ? fn.body : fn;
  if (!removesAt(body, container, from)) return false;
  let looksAtNew = false;
  const visit = (child: ts.Node): void => {
    if (looksAtNew || isSeparateFunction(child)) return;
    if (ts.isCallExpression(child) && child.arguments.length > 0) {
      const method = calledMethodName(child) ?? '';
      if ((CONTAINER_VOCABULARY.reads.has(method) || CONTAINER_VOCABULARY.tests.has(method)) && readAtKey(child, container, true) === key) looksAtNew = true;
    } else if (ts.isElementAccessExpression(child) && readAtKey(child, container) === key) {
      const written = ts.isBinaryExpression(child.parent) && child.parent.left === child;
      if (!written) looksAtNew = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(body);
  return !looksAtNew;
}

/** `source` calls a method of the class whose every return hands back the value at `container[key]` for the key it is given. */
function isEntryOfGetOrCreate(node: ts.Node, container: string, key: string, source: ts.Expression, context: DropContext): boolean {
  if (!ts.isCallExpression(source) || !ts.isPropertyAccessExpression(skipOuter(source.expression))) return false;
  const callee = skipOuter(source.expression) as ts.PropertyAccessExpression;
  if (skipOuter(callee.expression).kind !== ts.SyntaxKind.ThisKeyword) return false;
  let owner: ts.Node | undefined = node.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  const method = owner?.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === callee.name.text);
  const entryKey = method?.body && entryKeyReturned(method, container, context.session);
  if (!method || entryKey === undefined) return false;
  // `uri.path` of the parameter `uri`, given `folderManager.repository.rootUri`: `folderManager.repository.rootUri.path`.
  const [root, ...rest] = entryKey.split('.');
  const index = method.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === root);
  const given = index >= 0 && source.arguments[index] ? canonical(source.arguments[index]!) : undefined;
  return given !== undefined && !given.impure && [given.text, ...rest].join('.') === key;
}

/** The key text `k` when every `return` of `method` hands back nothing or a local that names the value at `container[k]`. */
function entryKeyReturned(method: ts.MethodDeclaration, container: string, session: AnalysisSession): string | undefined {
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== method && isSeparateFunction(node)) return;
    if (ts.isReturnStatement(node) && node.expression && !isNullish(node.expression)) returned.push(skipOuter(node.expression));
    ts.forEachChild(node, visit);
  };
  visit(method.body!);
  const names = returned.flatMap((expression) => (ts.isIdentifier(expression) ? [expression.text] : []));
  if (names.length === 0 || names.length !== returned.length) return undefined;
  const key = names
    .flatMap((name) => bindingsIn(name, method.body!, session).values)
    .map((value) => readAtKey(value, container))
    .find((read) => read !== undefined);
  return key !== undefined && names.every((name) => namesTheValueAt(method.body!, container, key, name, session)) ? key : undefined;
}

/** `watch` and `on(…)`, `onDidChange(…)`: registrations whose callback runs again and again (`once` runs once). */
const RECURRING_REGISTRATION = /^(?:on|addListener|addEventListener|prependListener|subscribe|watch\w*|on[A-Z]\w*)$/;

/**
 * `watcher.on('add', (path) => map.set(path, …))`, or `add(fileName)` called from such a callback:
 * a name an event hands over comes back when the event fires again (a watcher reports the same
 * file twice). An id read off a new object (`socket.id`) is not the payload itself.
 */
function isRecurringEventPayload(keyExpression: ts.Expression, node: ts.Node, session: AnalysisSession, depth = 0): boolean {
  const key = skipOuter(keyExpression);
  if (!ts.isIdentifier(key)) return false;
  const parameter = parameterNamed(key.text, node, session);
  const fn = parameter?.parent;
  if (!parameter || !fn || !isFunctionLike(fn) || !isUnchangedParameter(key.text, node, session)) return false;
  const registration = fn.parent;
  if (ts.isCallExpression(registration) && registration.arguments.includes(fn as ts.Expression))
    return RECURRING_REGISTRATION.test(calledMethodName(registration) ?? calleeName(registration) ?? '');
  if (depth > 0) return false;
  const index = fn.parameters.indexOf(parameter);
  const calls = callsOfLocalFunction(fn, session) ?? callsOfNestedFunction(fn);
  return calls?.some((call) => call.arguments[index] !== undefined && isRecurringEventPayload(call.arguments[index]!, call, session, depth + 1)) ?? false;
}

/** `new Session()`, `await createServer()`, `{ disposable }`, `port ? await a() : await b()`, or a local given one of these in this function. */
function isMadeHere(value: ts.Expression, node: ts.Node, session: AnalysisSession): boolean {
  const e = skipOuter(value);
  if (!ts.isIdentifier(e)) return isMaking(e);
  const here = enclosingBody(node);
  // `transport = new Transport({ onsessioninitialized: (id) => { m[id] = transport } })`: a hook of
  // the value's own construction runs for the value that construction made.
  const construction = constructionHandedHook(here);
  if (construction && isAssignedTo(construction, e.text)) return true;
  // `let conn; if (tls) conn = new TlsConn(); else conn = new Conn()`: made on every branch.
  const declaration = declarationOf(e.text, e, session);
  // `const { transport } = await createTransport(req)`: a field of what a call just made.
  const destructured = declaration?.kind === 'variable' && declaration.bindings.values.length === 0 ? destructuredField(e, session) : undefined;
  const values = destructured ? [destructured.from] : declaration?.kind === 'variable' ? declaration.bindings.values : [];
  if (declaration?.kind !== 'variable' || declaration.bindings.changed || values.length === 0) return false;
  // `const c = new Console(t.name); c.on('ready', () => m.set(t.name, c))`: stored by its own
  // listener (or a callback of its own method, or a hook of a construction beside it), the value is
  // still the one made just outside.
  const outside = isCallbackOfMethodOn(here, e.text) || construction ? enclosingBody(here) : undefined;
  return values.every((made) => (enclosingBody(made) === here || enclosingBody(made) === outside) && isMaking(made));
}

/** The `new` that `fn` is handed to, as an argument or an option of one: `new Transport({ onsessioninitialized: fn })`. */
function constructionHandedHook(fn: ts.Node): ts.NewExpression | undefined {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  let argument: ts.Node = fn;
  if (ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn && ts.isObjectLiteralExpression(fn.parent.parent)) argument = fn.parent.parent;
  const construction = argument.parent;
  return construction && ts.isNewExpression(construction) && construction.arguments?.includes(argument as ts.Expression) ? construction : undefined;
}

/** `name = new X(…)`, `const name = new X(…)`. */
function isAssignedTo(construction: ts.NewExpression, name: string): boolean {
  let at: ts.Node = construction;
  while (ts.isParenthesizedExpression(at.parent) || ts.isAwaitExpression(at.parent)) at = at.parent;
  const holder = at.parent;
  if (ts.isVariableDeclaration(holder)) return holder.initializer === at && ts.isIdentifier(holder.name) && holder.name.text === name;
  return (
    ts.isBinaryExpression(holder) && holder.right === at && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && isIdentifierNamed(holder.left, name)
  );
}

/** `fn` handed to a method of the value `name` names: `name.on('ready', fn)`, `name.connect(fn)`. */
function isCallbackOfMethodOn(fn: ts.Node, name: string | undefined): boolean {
  const call = fn.parent;
  if (name === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !call || !ts.isCallExpression(call) || !call.arguments.includes(fn))
    return false;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && isIdentifierNamed(callee.expression, name);
}

function isMaking(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) return isMaking(e.expression);
  if (ts.isConditionalExpression(e)) return isMaking(e.whenTrue) && isMaking(e.whenFalse);
  return ts.isNewExpression(e) || ts.isCallExpression(e) || ts.isObjectLiteralExpression(e);
}

/** A string or number, not one of a few literals: an id (`undefined` aside, as in `folder?.uri.toString()`; a branded `string & { __peer: never }` too). */
function isIdType(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  const wide = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.TemplateLiteral;
  const absent = ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  const isWide = (part: ts.Type): boolean =>
    (part.getFlags() & wide) !== 0 || (part.isIntersection() && part.types.some((member) => (member.getFlags() & wide) !== 0));
  return parts.some(isWide) && parts.every((part) => isWide(part) || (part.getFlags() & absent) !== 0);
}

/** Container text → where one body first reads it at some key (`x.get(k)`, `x.has(k)`, `x[k]`, `k in x`, `x.delete(k)`: the containers' vocabulary) or its `length`, its own callbacks aside. */
function containerReadsIn(fn: ts.Node, session: AnalysisSession): Map<string, number> {
  const cached = session.table(CONTAINER_READS).get(fn);
  if (cached) return cached;
  const first = new Map<string, number>();
  const note = (containerExpression: ts.Expression, at: ts.Node): void => {
    const container = canonical(containerExpression)?.text;
    if (container !== undefined && !first.has(container)) first.set(container, at.pos);
  };
  const visit = (child: ts.Node): void => {
    if (child !== fn && isSeparateFunction(child)) return;
    // `i < this.workers.length`: an index that walks the values already there.
    if (ts.isPropertyAccessExpression(child) && child.name.text === 'length') note(child.expression, child);
    else if (ts.isElementAccessExpression(child)) {
      const written = ts.isBinaryExpression(child.parent) && child.parent.left === child && child.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if (!written) note(child.expression, child);
    } else if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(skipOuter(child.expression)) && child.arguments.length > 0) {
      const method = calledMethodName(child) ?? '';
      // `this.get(uri)`, `this.projectsFor(folder)`: a method of the object that looks the key up in its container.
      const lookUp = lookUpCall(child, CONTAINER_VOCABULARY.reads);
      if (lookUp) note(lookUp.container, child);
      else if (CONTAINER_VOCABULARY.reads.has(method) || CONTAINER_VOCABULARY.tests.has(method) || CONTAINER_VOCABULARY.removes.has(method))
        note((skipOuter(child.expression) as ts.PropertyAccessExpression).expression, child);
    } else if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.InKeyword) note(child.right, child);
    ts.forEachChild(child, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  session.table(CONTAINER_READS).set(fn, first);
  return first;
}

/** Containers some function of the class or module reads before it inserts into them, or before it calls the function that does (get-or-create, a `has()` guard): keys that come back. */
function lookedUpBeforeInsert(scope: ts.Node, session: AnalysisSession): Set<string> {
  const cached = session.table(LOOKED_UP).get(scope);
  if (cached) return cached;
  const found = new Set<string>();
  const readBefore = (container: string, at: ts.Node): boolean => (containerReadsIn(enclosingBody(at), session).get(container) ?? Infinity) < at.pos;
  const check = (containerExpression: ts.Expression, write: ts.Node): void => {
    const container = canonical(containerExpression)?.text;
    if (container === undefined || found.has(container)) return;
    // Also a private method or module function some caller calls after reading the container
    // (`const active = this.streams.get(id); …; this.subscribe(id)`).
    const fn = enclosingBody(write);
    // `if (!rooms.has('/default')) rooms.set('/default', …)` speaks of that one name, not of ids.
    if (isKeyProbedFree(container, write) || isLiteralKeyOf(write, session)) return;
    const callers = isFunctionLike(fn) ? callsOfLocalFunction(fn, session) : undefined;
    if (readBefore(container, write) || callers?.some((call) => readBefore(container, call))) found.add(container);
  };
  const visit = (child: ts.Node): void => {
    if (
      ts.isCallExpression(child) &&
      CONTAINER_VOCABULARY.stores.has(calledMethodName(child) ?? '') &&
      child.arguments.length === 2 &&
      ts.isPropertyAccessExpression(skipOuter(child.expression))
    )
      check((skipOuter(child.expression) as ts.PropertyAccessExpression).expression, child);
    // `this.slots[id] = null` after reading the slot frees it; only a stored value is an insert.
    else if (
      ts.isBinaryExpression(child) &&
      child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isElementAccessExpression(skipOuter(child.left)) &&
      !isNullish(child.right)
    )
      check((skipOuter(child.left) as ts.ElementAccessExpression).expression, child);
    ts.forEachChild(child, visit);
  };
  visit(scope);
  session.table(LOOKED_UP).set(scope, found);
  return found;
}

/**
 * `let name = pick(); while (rooms.has(name)) name = pick(); rooms.set(name, room)`: the look-up
 * before this insert only draws names until one is free, so the insert proves no key comes back.
 */
function isKeyProbedFree(container: string, write: ts.Node): boolean {
  const key = keyWritten(write);
  const name = key && skipOuter(key);
  if (!name || !ts.isIdentifier(name)) return false;
  const statement = statementInBlock(write);
  return (statement?.before ?? []).some((earlier) => {
    if (!ts.isWhileStatement(earlier) && !ts.isDoStatement(earlier)) return false;
    const probe = entryAt(earlier.expression, (method) => CONTAINER_VOCABULARY.tests.has(method));
    return probe?.container === container && probe.key === name.text && writesPath(earlier.statement, name.text);
  });
}

/** `m.set('/default', …)`, `m[0] = …`, `m.set(DEFAULT_ROOM, …)` of a `const` given one: an insert at a literal key. */
function isLiteralKeyOf(write: ts.Node, session: AnalysisSession): boolean {
  const key = keyWritten(write);
  const named = key && skipOuter(key);
  const literal = named && ts.isIdentifier(named) ? singleInitializer(named, session) : named;
  return literal !== undefined && (ts.isStringLiteralLike(skipOuter(literal)) || ts.isNumericLiteral(skipOuter(literal)));
}

/** The key of `m.set(k, v)` or `m[k] = v`. */
function keyWritten(write: ts.Node): ts.Expression | undefined {
  if (ts.isCallExpression(write)) return write.arguments[0];
  return ts.isBinaryExpression(write) ? (skipOuter(write.left) as ts.ElementAccessExpression).argumentExpression : undefined;
}

/** `detach(provider) { this.providers.delete(provider.name) }` (or `provider.getName()`): removing a value the caller holds. */
export function isKeyOfBorrowedValue(keyExpression: ts.Expression, valueType: ts.Type, node: ts.Node, context: DropContext, removal = false): boolean {
  const { session } = context;
  // `const name = document.name; … map.delete(name)`
  const key = skipOuter(keyExpression);
  const initializer = ts.isIdentifier(key) ? singleInitializer(key, session) : undefined;
  if (initializer && ts.isPropertyAccessExpression(initializer)) return isKeyOfBorrowedValue(initializer, valueType, node, context, removal);
  // `provider.name`, `child.getName()`: a field of the value, or what a getter method with no arguments reads.
  let root = skipOuter(keyExpression);
  for (;;) {
    if (ts.isCallExpression(root) && root.arguments.length === 0 && ts.isPropertyAccessExpression(skipOuter(root.expression)))
      root = skipOuter(root.expression);
    else if (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
    else break;
  }
  if (!ts.isIdentifier(root) || root === skipOuter(keyExpression)) return false;
  const parameter = parameterNamed(root.text, node, session);
  if (!parameter) return false;
  // `private deleteSession(session) { this.sessions.delete(session.to) }` called with the class's own
  // sessions, one call at least made in a method: a removal there is the owner's. Calls made only in
  // callbacks (an end listener, a release's completion callback) are judged where the flow at a call
  // cannot see why they owe nothing, and a store keeps its value's own key.
  const fn = parameter.parent;
  if (removal && isFunctionLike(fn) && isInternalMethodGivenOwnValues(fn, fn.parameters.indexOf(parameter), session) && isCalledFromAMethod(fn, session))
    return false;
  const parameterType = session.checker.getTypeAtLocation(parameter);
  const valueSymbol = symbolOf(valueType, session.checker);
  return valueSymbol !== undefined && symbolOf(parameterType, session.checker) === valueSymbol;
}

export function isParameterPath(expression: ts.Expression, node: ts.Node, session: AnalysisSession, depth = 0): boolean {
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  if (!ts.isIdentifier(root)) return false;
  if (!isUnchangedParameter(root.text, node, session)) {
    // `const chosen = worker`: a local alias of what the caller handed in.
    const alias = depth === 0 ? singleInitializer(root, session) : undefined;
    return alias !== undefined && (ts.isIdentifier(alias) || ts.isPropertyAccessExpression(alias)) && isParameterPath(alias, alias, session, depth + 1);
  }
  const parameter = parameterNamed(root.text, node, session)!;
  const fn = parameter.parent as ts.FunctionLikeDeclaration;
  // `map.forEach((count, client) => map.delete(client))`: an element of the container being walked.
  if (isIterationCallback(fn)) return false;
  // A private or protected method its own class calls with values it owns (`this.remove(slot, false)` from a timer).
  return !isInternalMethodGivenOwnValues(fn, fn.parameters.indexOf(parameter), session);
}

/**
 * `private onWindowClosed = (window: Window) => { this.windows = this.windows.filter(…) }`, handed
 * only to a window this class made (`created.closed(this.onWindowClosed)`): the window hands itself
 * back to its owner, which drops its own value. A notification its release sends (`dispose()`
 * running the handlers) would mean it is released already; one it sends for another reason (its
 * UI closed) does not.
 */
export function isOwnValueHandedBack(valueExpression: ts.Expression, node: ts.Node, container: ContainerOfResources, context: DropContext): boolean {
  const { session } = context;
  const root = rootOf(valueExpression);
  const parameter = ts.isIdentifier(root) ? parameterNamed(root.text, node, session) : undefined;
  const fn = parameter?.parent;
  if (!parameter || !fn || !isFunctionLike(fn) || enclosingBody(node) !== fn) return false;
  const member = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  if (!(ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member)) || !isPrivateMember(member) || !ts.isClassLike(member.parent)) return false;
  const { checker } = session;
  const valueClass = symbolOf(container.valueType, checker);
  const declaration = valueClass?.declarations?.find(ts.isClassDeclaration);
  if (!valueClass || !declaration || symbolOf(checker.getTypeAtLocation(parameter), checker) !== valueClass) return false;
  const registrations = handedOnlyToMadeValues(member, valueClass, session);
  if (!registrations || registrations.size !== 1) return false;
  const [registration] = registrations;
  const handlers = fieldKeeping(registration!, declaration);
  return handlers !== undefined && !releaseReaches(declaration, handlers, registration!, releaseNames(container.resource.release).methods);
}

/**
 * `removePanel(panel) { this.panels = this.panels.filter((p) => p !== panel) }` on a list that holds
 * only panels its own code makes: the caller names one of the container's values, it does not hand
 * in one of its own. Not when a caller releases what it names (`board.remove(p); p.destroy()`), the
 * value names itself (`remove(this)` from its own release), the class lends its values out, or some
 * calls escape the search.
 */
export function isOwnValueNamedByCaller(
  valueExpression: ts.Expression,
  containerExpression: ts.Expression,
  node: ts.Node,
  container: ContainerOfResources,
  context: DropContext,
): boolean {
  const { session } = context;
  const name = skipOuter(valueExpression);
  const parameter = ts.isIdentifier(name) && isUnchangedParameter(name.text, node, session) ? parameterNamed(name.text, node, session) : undefined;
  const fn = parameter?.parent as ts.FunctionLikeDeclaration | undefined;
  if (!parameter || !fn || enclosingBody(node) !== fn || isIterationCallback(fn)) return false;
  // A pool that hands its values out (`checkout() { return this.free.shift() }`) may be named one its caller holds.
  const owner = containerScope(containerExpression);
  if (ts.isClassLike(owner) && lendsItsValues(container.text.text, owner, session)) return false;
  if (!makesEveryValueItHolds(containerExpression, session, context.hatches.lendingCalls)) return false;
  return !someCallerSettles(fn, fn.parameters.indexOf(parameter), container, context);
}

/**
 * Some call of `fn` releases what it hands in as parameter `index` — after the call, or further up
 * when it hands on its own caller's value — or hands in `this`; also true when calls escape the search.
 */
function someCallerSettles(fn: ts.FunctionLikeDeclaration, index: number, container: ContainerOfResources, context: DropContext, depth = 0): boolean {
  const { session } = context;
  const calls = callsInProgram(fn, session);
  if (!calls) return true;
  return calls.some((call) => {
    const argument = call.arguments[index];
    const handed = argumentText(call, index);
    if (!argument || !handed || skipOuter(argument).kind === ts.SyntaxKind.ThisKeyword) return true;
    const probe = handedValueAt(call, handed, container, context);
    if (probe === 'settled') return true;
    // Released before or after the call, on every path of the caller.
    const verdict = verdictAtCall(call, probe, container, context);
    if (verdict === undefined || verdict.unreleasedSlots.length === 0) return true;
    // `detach(worker) { this.forget(worker) }`: the callers of `detach` hold it.
    const name = skipOuter(argument);
    const outer = ts.isIdentifier(name) && isUnchangedParameter(name.text, call, session) ? parameterNamed(name.text, call, session) : undefined;
    const outerFn = outer?.parent as ts.FunctionLikeDeclaration | undefined;
    return (
      outer !== undefined &&
      outerFn !== undefined &&
      enclosingBody(call) === outerFn &&
      (depth >= 2 || isIterationCallback(outerFn) || someCallerSettles(outerFn, outerFn.parameters.indexOf(outer), container, context, depth + 1))
    );
  });
}

/** The methods of values of `valueClass` made in the class that `member` is handed to, when handing it to them is all the class does with it. */
function handedOnlyToMadeValues(
  member: ts.PropertyDeclaration | ts.MethodDeclaration,
  valueClass: ts.Symbol,
  session: AnalysisSession,
): Set<string> | undefined {
  const name = member.name.getText();
  const methods = new Set<string>();
  let otherUse = false;
  const visit = (node: ts.Node): void => {
    if (otherUse) return;
    if (ts.isPropertyAccessExpression(node) && node.name.getText() === name && skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword) {
      const call = node.parent;
      const callee = ts.isCallExpression(call) && call.arguments.includes(node) ? skipOuter(call.expression) : undefined;
      const receiver = callee && ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
      const made = receiver && ts.isIdentifier(receiver) ? singleInitializer(receiver, session) : undefined;
      if (made && ts.isNewExpression(skipOuter(made)) && symbolOf(session.checker.getTypeAtLocation(made), session.checker) === valueClass)
        methods.add((callee as ts.PropertyAccessExpression).name.text);
      else otherUse = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(member.parent);
  return otherUse || methods.size === 0 ? undefined : methods;
}

/** `closed(handler) { this.closedHandlers.push(handler) }`: the field of `owner` the method keeps its first argument in. */
function fieldKeeping(method: string, owner: ts.ClassDeclaration): string | undefined {
  const declaration = owner.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === method);
  const [first] = declaration?.parameters ?? [];
  if (!declaration?.body || !first || !ts.isIdentifier(first.name)) return undefined;
  const handler = first.name.text;
  let field: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && INSERTING_METHODS.has(calledMethodName(node) ?? '') && node.arguments.some((a) => skipOuter(a).getText() === handler)) {
      const target = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
      if (ts.isPropertyAccessExpression(target) && skipOuter(target.expression).kind === ts.SyntaxKind.ThisKeyword) field ??= target.name.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.body);
  return field;
}

/** Whether a release method of `owner` (or a method of its own it calls) touches the handlers' field outside the registration. */
function releaseReaches(owner: ts.ClassDeclaration, field: string, registration: string, releases: ReadonlySet<string>): boolean {
  const methods = new Map(owner.members.flatMap((m): [string, ts.MethodDeclaration][] => (ts.isMethodDeclaration(m) && m.body ? [[m.name.getText(), m]] : [])));
  const seen = new Set<string>();
  const reaches = (name: string, depth: number): boolean => {
    const method = methods.get(name);
    if (!method || seen.has(name) || name === registration || depth > 2) return false;
    seen.add(name);
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isPropertyAccessExpression(node) && skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword) {
        if (node.name.text === field) found = true;
        else if (ts.isCallExpression(node.parent) && node.parent.expression === node) found = reaches(node.name.text, depth + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(method.body!);
    return found;
  };
  return [...releases].some((name) => reaches(name, 0));
}

const ITERATION_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'reduce']);

function isIterationCallback(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  return ts.isCallExpression(call) && call.arguments.includes(fn as ts.Expression) && ITERATION_CALLBACK_METHODS.has(calledMethodName(call) ?? '');
}

/** Some call of the class's own method `fn` is made in a method or a function declaration, not only in callbacks. */
function isCalledFromAMethod(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  return ts.isMethodDeclaration(fn) && (ownMethodCalls(fn, session)?.calls ?? []).some((call) => isNamedFunction(enclosingBody(call)));
}

/**
 * A private (or protected) method whose callers in its class (or its subclasses in the file) pass,
 * at `index`, a value of the class's own (not a parameter their callers handed them): the method is
 * the owner dropping its own value.
 */
function isInternalMethodGivenOwnValues(fn: ts.FunctionLikeDeclaration, index: number, session: AnalysisSession): boolean {
  if (!ts.isMethodDeclaration(fn) || !isInternalMember(fn) || index < 0) return false;
  return (ownMethodCalls(fn, session)?.calls ?? []).some((call) => {
    const argument = call.arguments[index];
    if (!argument) return false;
    let root = skipOuter(argument);
    while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
    const handedIn = ts.isIdentifier(root) && parameterNamed(root.text, call, session);
    return !handedIn || isIterationCallback(handedIn.parent as ts.FunctionLikeDeclaration);
  });
}

/**
 * `private remove(w) { list.splice(list.indexOf(w), 1) }` whose every call in its class hands it a
 * value already released (`clearTimeout(w.timer); this.remove(w)`), or comes from the timer that
 * fired: the method drops what its callers have paid for.
 */
export function isReleasedByEveryCaller(node: ts.Node, container: ContainerOfResources, valueExpression: ts.Expression, context: DropContext): boolean {
  return settledInEveryCaller(node, valueExpression, container, context, (call, handed) => handedValueAt(call, handed, container, context));
}

/** `handed`, the container's value, dropped at `call`: settled when nothing is owed there, else the site to ask the flow about. */
function handedValueAt(
  call: ts.CallExpression,
  handed: CanonicalText,
  container: ContainerOfResources,
  context: DropContext,
): 'settled' | Omit<DropSite, 'node' | 'result'> {
  const { slots } = owedSlots(call, container, context);
  return slots.length === 0
    ? 'settled'
    : { target: { kind: 'value', variable: handed.text }, slots, storesNewValue: false, container: container.text.text, containerRoots: container.text.roots };
}

/** The flow's verdict on `probe` as a drop at `call`, in the function the call is in. */
function verdictAtCall(call: ts.CallExpression, probe: Omit<DropSite, 'node' | 'result'>, container: HeldResources, context: DropContext) {
  const options = flowOptionsFor([container.resource], context.session, context.hatches.releaseFunctions);
  const [verdict] = analyzeDrops(enclosingBody(call), [{ ...probe, node: call, result: 'none' }], options, context.session);
  return verdict;
}

/**
 * Each call of the private method (or unexported function of the module) around `node`, whose
 * parameter `parameter` names (with `keyPath`, also a path from it: `texture.uid`), asked as if the
 * drop happened there with the call's argument in its place: none may owe anything at that point.
 * With `publicToo`, a public method counts when the program calls it only from its own class.
 */
function settledInEveryCaller(
  node: ts.Node,
  parameter: ts.Expression,
  container: HeldResources,
  context: DropContext,
  probeAt: (call: ts.CallExpression, argument: CanonicalText) => 'settled' | Pick<DropSite, 'target' | 'slots' | 'storesNewValue' | 'ownKeyPath'>,
  keyPath = false,
  publicToo = false,
): boolean {
  const helper = helperCalls(node, parameter, container, context, keyPath, publicToo);
  return helper !== undefined && everyCallOwesNothing(helper.calls, container, context, (call) => probeOfCall(call, helper, container, probeAt));
}

/** The calls of the function around a drop that names one of its parameters, with where that parameter sits in them. */
interface HelperCalls {
  fn: ts.FunctionLikeDeclaration;
  calls: readonly ts.CallExpression[];
  index: number;
  /** `texture.uid` in the function is `argument.uid` at a call: `.uid`. */
  suffix: string;
}

/**
 * The calls of the private or protected method (or unexported function of the module) around `node`, whose
 * parameter `parameter` names (with `keyPath`, also a path from it: `texture.uid`), when its callers
 * reach the container by the same name. With `publicToo`, a public method counts when the program
 * calls it only from its own class.
 */
function helperCalls(
  node: ts.Node,
  parameter: ts.Expression,
  container: HeldResources,
  context: DropContext,
  keyPath: boolean,
  publicToo: boolean,
): HelperCalls | undefined {
  const fn = enclosingBody(node);
  const path = keyPath ? canonical(parameter) : undefined;
  const name = keyPath ? rootOf(parameter) : skipOuter(parameter);
  if (!isFunctionLike(fn) || !fn.body || !ts.isIdentifier(name) || (keyPath && (!path || path.impure))) return undefined;
  const ownMethod = ts.isMethodDeclaration(fn);
  // The container must be the one the callers reach by the same name: the object's, or the module's.
  const reachedAlike = (ownMethod && container.text.text.startsWith('this.')) || isModuleLevelContainer(container, fn, context.session);
  // A public method only when its callers may be the class's own, which reach the container alike.
  const internal = ownMethod && isInternalMember(fn);
  if (ownMethod ? (!internal && !(publicToo && reachedAlike)) || (keyPath && !reachedAlike) : !reachedAlike) return undefined;
  const index = fn.parameters.findIndex((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name.text);
  const calls = index < 0 ? undefined : ownMethod ? callsFromOwnClass(fn, context.session) : callsOfLocalFunction(fn, context.session);
  return calls && { fn, calls, index, suffix: path ? path.text.slice(name.text.length) : '' };
}

/** The drop asked at one call of its helper, the call's argument in place of the parameter; undefined when the argument names nothing. */
function probeOfCall(
  call: ts.CallExpression,
  helper: HelperCalls,
  container: HeldResources,
  probeAt: (call: ts.CallExpression, argument: CanonicalText) => 'settled' | Pick<DropSite, 'target' | 'slots' | 'storesNewValue' | 'ownKeyPath'>,
): 'settled' | Omit<DropSite, 'node' | 'result'> | undefined {
  const argument = argumentText(call, helper.index);
  const handed = argument && (helper.suffix === '' ? argument : { ...argument, text: `${argument.text}${helper.suffix}` });
  const probe = handed && probeAt(call, handed);
  return probe === undefined || probe === 'settled' ? probe : { ...probe, container: container.text.text, containerRoots: container.text.roots };
}

/**
 * `forget(pollers, url)` whose every caller released `pollers.get(url)` first: the drop in the
 * helper, asked at each call with the caller's container and key in place of the parameters, owes
 * nothing anywhere.
 */
export function isSettledByEveryCallerOfContainer(
  containerExpression: ts.Expression,
  site: Pick<DropSite, 'target' | 'slots' | 'storesNewValue'>,
  container: ContainerOfResources,
  context: DropContext,
): boolean {
  const root = rootOf(containerExpression);
  const handing = ts.isIdentifier(root) ? callsHandingParameter(root.text, root, context.session, true) : undefined;
  if (!handing) return false;
  const { fn, calls } = handing;
  const indexOf = (name: string): number => fn.parameters.findIndex((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
  const { target } = site;
  const rootName = (root as ts.Identifier).text;
  return everyCallOwesNothing(calls, container, context, (call) => {
    const handed = argumentText(call, indexOf(rootName));
    if (!handed) return undefined;
    let probed: DropSite['target'] = target;
    if (target.kind === 'key') {
      // The key the helper was given, spelled as the caller spells it; a key of its own stays as it is.
      const [keyRoot] = target.keyRoots;
      const keyParameter = keyRoot !== undefined && target.keyRoots.length === 1 && target.key === keyRoot && indexOf(keyRoot) >= 0;
      const key = keyParameter
        ? argumentText(call, indexOf(keyRoot))
        : target.keyRoots.some((name) => indexOf(name) >= 0)
          ? undefined
          : { text: target.key, roots: target.keyRoots };
      if (!key) return undefined;
      probed = { kind: 'key', key: key.text, keyRoots: key.roots };
    } else if (target.kind === 'value') {
      const value = argumentText(call, indexOf(target.variable));
      if (!value) return undefined;
      probed = { kind: 'value', variable: value.text };
    }
    return {
      container: handed.text + container.text.text.slice(rootName.length),
      containerRoots: handed.roots,
      target: probed,
      slots: site.slots,
      storesNewValue: site.storesNewValue,
    };
  });
}

/** The argument at `index` of a call, as a text a fact can name; undefined when it has none. */
function argumentText(call: ts.CallExpression, index: number): CanonicalText | undefined {
  const argument = index >= 0 ? call.arguments[index] : undefined;
  const text = argument && canonical(argument);
  return text && !text.impure ? text : undefined;
}

/**
 * Every call asked, in its own function, whether a drop at that call (`probeAt`: the site, or
 * `settled` without asking) would owe anything; a call `probeAt` cannot map answers no.
 */
function everyCallOwesNothing(
  calls: readonly ts.CallExpression[],
  container: HeldResources,
  context: DropContext,
  probeAt: (call: ts.CallExpression) => 'settled' | Omit<DropSite, 'node' | 'result'> | undefined,
): boolean {
  return calls.every((call) => callVerdict(call, probeAt(call), container, context) === 'settled');
}

/**
 * The drop asked at one call: `settled` when nothing is owed there, the flow's verdict (with the probe
 * it was asked with) when something is, undefined when the call cannot be mapped or the flow cannot tell.
 */
function callVerdict(
  call: ts.CallExpression,
  probe: 'settled' | Omit<DropSite, 'node' | 'result'> | undefined,
  container: HeldResources,
  context: DropContext,
): 'settled' | { verdict: DropVerdict; probe: Omit<DropSite, 'node' | 'result'> } | undefined {
  if (probe === undefined || probe === 'settled') return probe;
  const verdict = verdictAtCall(call, probe, container, context);
  return verdict === undefined ? undefined : verdict.owedAtDrop ? { verdict, probe } : 'settled';
}

/** The container is a local of the function the drop is in: no other call reaches it while that one awaits. */
export function isLocalContainer(containerExpression: ts.Expression, node: ts.Node, session: AnalysisSession): boolean {
  const root = rootOf(containerExpression);
  if (!ts.isIdentifier(root)) return false;
  const declaration = declarationOf(root.text, node, session);
  return declaration?.kind === 'variable' && declaration.body === enclosingBody(node);
}

/**
 * `private install(dir) { this.watchers.set(dir, watch(dir)) }` whose every caller checks
 * `this.watchers.has(dir)` first: the insertion is guarded further up. Each call site is
 * analyzed as if it stored at the argument's key; the method must be private (or #private),
 * called only as `this.method(…)` in its class — or a function of the module it does not export,
 * storing in a container of the module — and the key one of its parameters or a path from one
 * (`this.groups[texture.uid]`, called as `this.groups[t.uid] || this.create(t)`).
 */
export function isGuardedInEveryCaller(node: ts.Node, container: ContainerOfResources, keyExpression: ts.Expression, context: DropContext): boolean {
  const slots = obligationSlots(container.resource);
  // Read only once some caller is asked: the container's insertions, for the path its values are kept under.
  const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
  let ownKey: string | undefined | null = null;
  const ownKeyPath = (): string | undefined =>
    ownKey !== null
      ? ownKey
      : (ownKey =
          callee && ts.isPropertyAccessExpression(callee) ? ownFieldKey(containerPlaces(callee.expression, context.session), context.session) : undefined);
  return settledInEveryCaller(
    node,
    argumentBehindField(keyExpression, context.session) ?? keyExpression,
    container,
    context,
    (_call, key) => ({
      target: { kind: 'key', key: key.text, keyRoots: key.roots },
      slots,
      storesNewValue: true,
      ...(ownKeyPath() !== undefined && { ownKeyPath: ownKeyPath() }),
    }),
    true,
  );
}

/**
 * `connectedTo` of `session.to`, for `const session = new Session(from, connectedTo)` whose class's
 * constructor fills `to` with that parameter and nothing else writes it: the key is that argument.
 */
function argumentBehindField(keyExpression: ts.Expression, session: AnalysisSession): ts.Expression | undefined {
  const key = skipOuter(keyExpression);
  if (!ts.isPropertyAccessExpression(key) || !ts.isIdentifier(skipOuter(key.expression))) return undefined;
  const made = singleInitializer(skipOuter(key.expression) as ts.Identifier, session);
  if (!made || !ts.isNewExpression(made)) return undefined;
  const owner = programClassOfNew(made, session.checker);
  const constructor = owner?.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined);
  if (!owner || !constructor) return undefined;
  const field = key.name.text;
  const index = constructor.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && filledFrom(constructor, field, parameter));
  const argument = index >= 0 ? made.arguments?.[index] : undefined;
  const fills = ts.isParameterPropertyDeclaration(constructor.parameters[index]!, constructor) ? 0 : 1;
  return argument && !ts.isSpreadElement(argument) && writesOfField(owner, field).length === fills ? argument : undefined;
}

/** `constructor(readonly to: string)`, or `this.to = to` as a statement of the constructor's own body. */
function filledFrom(constructor: ts.ConstructorDeclaration, field: string, parameter: ts.ParameterDeclaration): boolean {
  const name = (parameter.name as ts.Identifier).text;
  if (ts.isParameterPropertyDeclaration(parameter, constructor)) return name === field;
  return constructor.body!.statements.some((statement) => {
    const e = ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const value = skipOuter(e.right);
    return isFieldOfThis(e.left, field) && ts.isIdentifier(value) && value.text === name;
  });
}

/**
 * `removePendingRequest(id) { this.streams.delete(id) }` whose every caller ended `this.streams.get(id)`
 * first: the removal drops a value already released. A public method counts when every call the
 * program makes of it is the class's own (`this.removePendingRequest(id)`). Asked last, where a
 * report would otherwise go: it searches the program for those calls.
 */
export function isReleasedBeforeEveryCall(
  node: ts.Node,
  held: HeldResources,
  keyExpression: ts.Expression,
  slots: readonly string[],
  context: DropContext,
  containerExpression: ts.Expression,
): boolean {
  return settledInEveryCaller(node, keyExpression, held, context, removalAtKey(slots, containerExpression, context), true, true);
}

/** A removal at the key a call hands over, asked there. */
function removalAtKey(
  slots: readonly string[],
  containerExpression: ts.Expression,
  context: DropContext,
): (call: ts.CallExpression, key: CanonicalText) => Pick<DropSite, 'target' | 'slots' | 'storesNewValue'> {
  return (_call, key) => {
    // `this.remove(session.id)` after `session.stop()`, where every session is stored under its own `id`.
    const owner = valueNamedByOwnKeyText(key, containerExpression, context.session);
    const target: DropSite['target'] = owner !== undefined ? { kind: 'value', variable: owner } : { kind: 'key', key: key.text, keyRoots: key.roots };
    return { target, slots: [...slots], storesNewValue: false };
  };
}

/** A method or a function declaration: code that runs when called by name, not a callback handed to an event or a timer. */
function isNamedFunction(fn: ts.Node): boolean {
  return ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn);
}

/** A call of a private helper that hands it a key whose value is still owed, with that key as the caller writes it. */
export interface OwingCall {
  call: ts.CallExpression;
  keyExpression: ts.Expression;
  target: DropSite['target'];
  /** The caller released the value on some paths to the call, not all. */
  releasedOnSomePath: boolean;
}

/**
 * `private forget(id) { this.conns.delete(id) }` called once after `conn.destroy()` and once without:
 * the calls that hand over a value still owed, when another call had released its value first. The
 * release is missing at those calls, not in the helper, where it would release the others twice.
 * Undefined when every call owes (the helper is the place) or none does. Only a private or protected
 * method or an unexported function: a public one is its callers' entry, whoever they are.
 */
export function owingCallsOfHelper(
  node: ts.Node,
  held: HeldResources,
  keyExpression: ts.Expression,
  slots: readonly string[],
  context: DropContext,
  containerExpression: ts.Expression,
): OwingCall[] | undefined {
  const helper = helperCalls(node, keyExpression, held, context, true, false);
  if (!helper || helper.suffix !== '' || helper.calls.length < 2) return undefined;
  const probeAt = removalAtKey(slots, containerExpression, context);
  const owing: OwingCall[] = [];
  let settled = 0;
  for (const call of helper.calls) {
    const argument = call.arguments[helper.index];
    const judged = argument && callVerdict(call, probeOfCall(call, helper, held, probeAt), held, context);
    if (judged === undefined) return undefined;
    if (judged === 'settled') settled++;
    // A callback may be the value's own end (`socket.on('close', …)`), which the flow does not read: the helper stays the place.
    else if (!isNamedFunction(enclosingBody(call))) return undefined;
    else owing.push({ call, keyExpression: argument!, target: judged.probe.target, releasedOnSomePath: judged.verdict.releasedOnSomePath });
  }
  return settled > 0 && owing.length > 0 ? owing : undefined;
}

/**
 * `stopInstance(id, () => { delete procs[id] })` where the program's `stopInstance(id, callback)`
 * calls `callback` only where it has released `procs[id]` or found it empty: the drop in the callback,
 * asked at each call of that parameter in the helper (its own parameter in place of the key), owes
 * nothing anywhere. The helper must reach the container alike (the module's, or the object's own
 * through a method of the same class), and use the callback only by calling it.
 */
export function isReleasedBeforeCallback(
  node: ts.Node,
  held: HeldResources,
  keyExpression: ts.Expression,
  slots: readonly string[],
  context: DropContext,
): boolean {
  const callback = enclosingBody(node);
  const handing = callback.parent;
  if (!(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || !ts.isCallExpression(handing)) return false;
  const helper = resolveCallee(handing, context.session);
  const callbackIndex = handing.arguments.indexOf(callback);
  const callbackName = helper?.parameters[callbackIndex]?.name;
  if (!helper?.body || !callbackName || !ts.isIdentifier(callbackName)) return false;
  const ownMethod = ts.isMethodDeclaration(helper) && ts.isPropertyAccessExpression(skipOuter(handing.expression));
  if (!(ownMethod && held.text.text.startsWith('this.')) && !isModuleLevelContainer(held, helper, context.session)) return false;
  // The key as the helper spells it: the parameter it was handed in as, with the same path.
  const key = canonical(keyExpression);
  const [keyRoot] = key?.roots ?? [];
  const keyIndex = keyRoot === undefined ? -1 : handing.arguments.findIndex((argument) => canonical(argument)?.text === keyRoot);
  const keyParameter = helper.parameters[keyIndex]?.name;
  if (!key || key.impure || key.roots.length !== 1 || !keyParameter || !ts.isIdentifier(keyParameter)) return false;
  const keyText = keyParameter.text + key.text.slice(keyRoot!.length);
  const calls = callsOfName(helper.body, callbackName.text);
  return (
    calls !== undefined &&
    everyCallOwesNothing(calls, held, context, () => ({
      target: { kind: 'key', key: keyText, keyRoots: [keyParameter.text] },
      slots: [...slots],
      storesNewValue: false,
      container: held.text.text,
      containerRoots: held.text.roots,
    }))
  );
}

/**
 * `this.projects = await attach(…)` in a method each of whose calls comes after the caller emptied
 * `this.projects` (`this.reset(); await this.attachProjects()`): the drop, asked at every call in
 * place of the method, owes nothing there. For a container of the object, in a private method or a
 * public one only its own class calls.
 */
export function isSettledAtEveryOwnCall(
  node: ts.Node,
  held: HeldResources,
  site: Pick<DropSite, 'target' | 'slots' | 'storesNewValue'>,
  context: DropContext,
): boolean {
  const fn = enclosingBody(node);
  if (!ts.isMethodDeclaration(fn) || !held.text.text.startsWith('this.') || site.target.kind !== 'all') return false;
  const calls = callsFromOwnClass(fn, context.session);
  return (
    calls !== undefined &&
    everyCallOwesNothing(calls, held, context, () => ({ ...site, slots: [...site.slots], container: held.text.text, containerRoots: held.text.roots }))
  );
}

/**
 * `private init() { this.handlers.set('didOpen', new Handler(…)) }` run from the `.then()` of a
 * `start()` the class calls again only after `cleanUp()` emptied `this.handlers`: a store at a
 * constant key, asked where each run of its method begins, owes nothing at any of them. A run begins
 * at the class's own call of the method or, for a call in a promise's continuation, where that
 * continuation is attached; where the state there is not known, one method further up (two at most),
 * when nothing before that point in the method touches the container or calls the object's own methods.
 */
export function isEmptiedBeforeEveryRun(
  node: ts.Node,
  held: HeldResources,
  site: Pick<DropSite, 'target' | 'slots' | 'storesNewValue'>,
  context: DropContext,
): boolean {
  if (site.target.kind !== 'key' || site.target.keyRoots.length > 0 || !held.text.text.startsWith('this.')) return false;
  const probe = { ...site, slots: [...site.slots], container: held.text.text, containerRoots: held.text.roots };
  const settledFrom = (fn: ts.Node, depth: number): boolean => {
    const calls = ts.isMethodDeclaration(fn) && depth <= 2 ? callsFromOwnClass(fn, context.session) : undefined;
    return (
      calls !== undefined &&
      calls.every((call) => {
        const around = enclosingBody(call);
        // `connect().then(() => this.init())`: the run begins where the continuation is attached.
        const start = isContinuationCallback(around) ? (around.parent as ts.CallExpression) : call;
        const verdict = verdictAtCall(start, probe, held, context);
        if (verdict !== undefined && !verdict.owedAtDrop) return true;
        const method = enclosingBody(start);
        return !isTouchedBefore(method, held.text.text, start) && settledFrom(method, depth + 1);
      })
    );
  };
  return settledFrom(enclosingBody(node), 0);
}

/** Before `at` in `fn` (its callbacks aside): a mention of `container`, or a call of one of the object's own methods, which may fill it. */
function isTouchedBefore(fn: ts.Node, container: string, at: ts.Node): boolean {
  let touched = false;
  const visit = (child: ts.Node): void => {
    if (touched || child.pos >= at.pos || (child !== fn && isSeparateFunction(child))) return;
    if (ts.isPropertyAccessExpression(child) && canonical(child)?.text === container) touched = true;
    else if (ts.isCallExpression(child)) {
      const callee = skipOuter(child.expression);
      if (ts.isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword) touched = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(isFunctionLike(fn) && fn.body ? fn.body : fn);
  return touched;
}

/**
 * Every call of a method, when each is `this.method(…)` inside its own class: a private or protected
 * one's own calls (a protected one's also in the file's subclasses), or a public one's calls across the program.
 */
function callsFromOwnClass(method: ts.MethodDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  if (isInternalMember(method)) return callsOfOwnMethod(method, session);
  const calls = callsOfMethodAcrossProgram(method, session);
  const own = (call: ts.CallExpression): boolean => {
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || skipOuter(callee.expression).kind !== ts.SyntaxKind.ThisKeyword) return false;
    let owner: ts.Node | undefined = call.parent;
    while (owner && !ts.isClassLike(owner)) owner = owner.parent;
    return owner === method.parent;
  };
  return calls && calls.length > 0 && calls.every(own) ? calls : undefined;
}

/** A container a function of the module reaches as its callers do: `this.` in a method, a name of the module in a function. */
function isModuleLevelContainer(container: HeldResources, fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  const [root] = container.text.roots;
  if (container.text.roots.length !== 1 || root === undefined || root === 'this') return false;
  const declaration = declarationOf(root, fn, session);
  return declaration?.kind === 'variable' && ts.isSourceFile(declaration.body);
}

/**
 * A callback that removes, by a key its outer function holds, the one value of the container's
 * type that outer function made for that key (a call given the key) or stored under it: `const tracker = this.track(session); session.on('close',
 * () => { clearTimeout(tracker.timer); trackers.delete(session); })`. Inside it, that constant
 * names the value at the key, as `const tracker = trackers.get(session)` would.
 */
export function capturedValueAt(node: ts.Node, container: ContainerOfResources, keyExpression: ts.Expression, context: DropContext): string | undefined {
  const fn = enclosingBody(node);
  const key = skipOuter(keyExpression);
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isIdentifier(key)) return undefined;
  const outer = enclosingBody(fn);
  if (!isFunctionLike(outer)) return undefined;
  const isCaptured = (name: string): boolean => isCapturedBy(name, fn, context.session);
  const keyDeclaration = declarationOf(key.text, fn, context.session);
  const keyOfOuter = keyDeclaration?.kind === 'parameter' ? keyDeclaration.fn === outer : keyDeclaration?.kind === 'variable' && keyDeclaration.body === outer;
  if (!keyDeclaration || !keyOfOuter || !isCaptured(key.text)) return undefined;
  const keyIsConstant = holdsOneValue(key.text, keyDeclaration, fn, context.session);
  // `renderSurface = unwrap(renderSurface); …; map.set(renderSurface, target)`: a key written only
  // before the store is, when the callback runs, the key the value was stored under.
  const storedUnder = (name: string): ts.Node | undefined => {
    const store = storeOf(outer, container.text.text, key.text, name);
    return store && (keyIsConstant || !writesPath(outer, key.text, store.pos)) ? store : undefined;
  };
  const { checker } = context.session;
  const valueSymbol = symbolOf(container.valueType, checker);
  if (!valueSymbol) return undefined;
  const candidates: string[] = [];
  const visit = (child: ts.Node): void => {
    if (child.pos >= fn.pos || (child !== outer && isSeparateFunction(child))) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer && isCaptured(child.name.text)) {
      const name = child.name.text;
      const bindings = bindingsIn(name, outer, context.session);
      const store = storedUnder(name);
      if (
        !bindings.changed &&
        (bindings.values.length === 1
          ? (keyIsConstant && madeForKey(child.initializer, key.text)) || store !== undefined
          : // `let session = this.find(k); if (session) return session; session = new Session(); m.set(k, session)`:
            // given values only before it is stored, its last value is the one stored.
            store !== undefined && (namesTheValueAt(outer, container.text.text, key.text, name, context.session) || !writesPath(outer, name, store.pos))) &&
        symbolOf(checker.getTypeAtLocation(child.name), checker) === valueSymbol
      )
        candidates.push(child.name.text);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(outer, visit);
  // `register(service) { …; this.registered.set(id, service); return Disposable.create(() => { service.dispose(); … }) }`
  for (const parameter of outer.parameters) {
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
    if (
      name !== undefined &&
      outer.body !== undefined &&
      isCaptured(name) &&
      isUnchangedParameter(name, outer.body, context.session) &&
      storedUnder(name) !== undefined &&
      symbolOf(checker.getTypeAtLocation(parameter.name), checker) === valueSymbol
    )
      candidates.push(name);
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Neither a parameter nor a local of `fn`: a use of `name` inside it reads a variable of a function around it. */
function isCapturedBy(name: string, fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  return !fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name) && !bindingsIn(name, fn, session).declared;
}

/** `name`, declared as `declaration`, holds one value while `fn` runs: a parameter nothing assigns, or a variable given at most one value. */
function holdsOneValue(name: string, declaration: NameDeclaration, fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  return declaration.kind === 'parameter' ? isUnchangedParameter(name, fn, session) : !declaration.bindings.changed && declaration.bindings.values.length <= 1;
}

/**
 * Variables a callback captured that hold fields of the record its outer function stored at the key
 * the drop removes: `const timer = setTimeout(…); pending.set(id, { resolve, timer });
 * run().then(() => { clearTimeout(timer); pending.delete(id) })`. Inside the callback, `timer`
 * names the `timer` field of the value at the key. A variable given a value after the store, or in
 * the callback itself, names something else.
 */
export function capturedFieldsAt(
  node: ts.Node,
  container: string,
  keyExpression: ts.Expression,
  slots: ReadonlySet<string>,
  session: AnalysisSession,
): readonly { name: string; slot: string }[] | undefined {
  const fn = enclosingBody(node);
  const key = skipOuter(keyExpression);
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isIdentifier(key)) return undefined;
  const outer = enclosingBody(fn);
  if (!isFunctionLike(outer)) return undefined;
  // The key names one value for the callback's whole life: a constant or an unchanged parameter of a function around it.
  const keyDeclaration = declarationOf(key.text, fn, session);
  if (!keyDeclaration || !isCapturedBy(key.text, fn, session) || !holdsOneValue(key.text, keyDeclaration, fn, session)) return undefined;
  const store = recordStoreOf(outer, container, key.text);
  if (!store) return undefined;
  const fields: { name: string; slot: string }[] = [];
  for (const property of store.record.properties) {
    const slot = propertyNameOf(property);
    const value = ts.isShorthandPropertyAssignment(property)
      ? property.name
      : ts.isPropertyAssignment(property) && ts.isIdentifier(skipOuter(property.initializer))
        ? (skipOuter(property.initializer) as ts.Identifier)
        : undefined;
    if (slot === undefined || !value || !slots.has(slot)) continue;
    const name = value.text;
    const declaration = declarationOf(name, store.node, session);
    if (!isCapturedBy(name, fn, session) || declaration?.kind !== 'variable' || declaration.bindings.changed) continue;
    // Declared around the store, and given no value after it anywhere in that body (closures included).
    if (writesPath(declaration.body, name, store.node.end)) continue;
    fields.push({ name, slot });
  }
  return fields.length > 0 ? fields : undefined;
}

/** `container.set(key, { … })` or `container[key] = { … }` directly in `body` (closures apart): the one record stored at that key. */
function recordStoreOf(body: ts.FunctionLikeDeclaration, container: string, key: string): { node: ts.Node; record: ts.ObjectLiteralExpression } | undefined {
  const records = storesAt(body, container, key, false).flatMap(({ node, value }) => {
    const record = skipOuter(value);
    return ts.isObjectLiteralExpression(record) ? [{ node, record }] : [];
  });
  return records.length === 1 ? records[0] : undefined;
}

/**
 * `let cont = m.get(k); if (!cont) { cont = { watcher }; m.set(k, cont) }`: every value `name` is
 * given in `body` is the one at the key — read from there, or made here and stored there.
 */
function namesTheValueAt(body: ts.Node, container: string, key: string, name: string, session: AnalysisSession): boolean {
  const bindings = bindingsIn(name, body, session);
  return (
    !bindings.changed &&
    bindings.values.length > 0 &&
    bindings.values.every((value) => readAtKey(value, container) === key || (isMadeInPlace(value) && storeOf(body, container, key, name) !== undefined))
  );
}

/** `{ watcher }`, `new Entry(…)`: a value made where it is assigned. */
function isMadeInPlace(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isObjectLiteralExpression(e) || ts.isNewExpression(e);
}

/** `this.track(session)`: a call given the key makes the value for it. */
function madeForKey(initializer: ts.Expression, key: string): boolean {
  let e = skipOuter(initializer);
  if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
  return (
    (ts.isCallExpression(e) || ts.isNewExpression(e)) &&
    (e.arguments ?? []).some((argument) => ts.isIdentifier(skipOuter(argument)) && (skipOuter(argument) as ts.Identifier).text === key)
  );
}
