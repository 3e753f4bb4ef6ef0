/**
 * What a class's body acquires and what undoes it: timers it starts and keeps, registrations of
 * itself in collections that outlive it, subscriptions to emitters it does not own, handles and
 * other resources kept in fields — and, for each method, which of those it undoes. Inference
 * (inference.ts) matches the two to find a release.
 */
import ts from 'typescript';

import { resolveCallee } from '../flow/index.js';
import { memoTable, type AnalysisSession } from '../session.js';
import {
  boundNames,
  calledMethodName,
  calleeName,
  canonical,
  containsCall,
  isFunctionLike,
  isNullish,
  ownMemberOf,
  rootOf,
  skipOuter,
  valuesSourceOf,
} from '../syntax/expressions.js';
import { declaredClassOfNew, typeOfPlainNew } from '../syntax/writtenTypes.js';
import { isReleaseLikeName, TIMER_CLEARS } from './release.js';

/** What a body starts, keyed so that a release can be matched to it. */
export interface Acquisition {
  key: string;
  /** The method that acquires it, which therefore does not count as its release. */
  by?: string;
}

export interface InferenceHost {
  session: AnalysisSession;
  /** Release names of a field's type when it is a resource (Node handle, another class…). */
  releaseNamesOf(type: ts.Type): { methods: ReadonlySet<string>; functions: ReadonlySet<string> } | undefined;
}

export const TIMER_STARTS = new Set(['setInterval', 'setTimeout', 'setImmediate']);
export const SUBSCRIBE = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener', 'subscribe']);
const UNSUBSCRIBE = new Set(['off', 'removeListener', 'removeEventListener', 'removeAllListeners', 'unsubscribe']);
export const REGISTER = new Set(['set', 'add', 'push', 'unshift', 'register']);
const UNREGISTER = new Set(['delete', 'splice', 'remove', 'unregister', 'pop', 'shift', 'clear']);
export const MAX_CALL_DEPTH = 2;
/**
 * What the methods of a class undo that no visible code acquired: `registry.delete(this)`,
 * `clearInterval(this.ticker)`, `this.socket.destroy()`, `this.bus.off(…)`. Each becomes an
 * acquisition made elsewhere, for `decide` to match against the methods that undo it.
 */
export function releaseEvidence(methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>, host: InferenceHost): Acquisition[] {
  const found = new Map<string, Acquisition>();
  const note = (key: string): void => {
    if (!found.has(key)) found.set(key, { key });
  };
  // A field's type is asked once per class, not at each of its calls.
  const fieldNames = new Map<string, ReturnType<InferenceHost['releaseNamesOf']>>();
  const releaseNamesOfField = (receiver: string, expression: ts.Expression): ReturnType<InferenceHost['releaseNamesOf']> => {
    if (!fieldNames.has(receiver)) fieldNames.set(receiver, host.releaseNamesOf(host.session.checker.getTypeAtLocation(expression)));
    return fieldNames.get(receiver);
  };
  for (const fn of methods.values()) {
    const visit = (node: ts.Node): void => {
      if (node !== fn && isFunctionLike(node) && !ts.isArrowFunction(node)) return;
      // `for (const d of this.disposables) d.dispose()`, `this.timers.forEach(clearTimeout)`: a field holds resources.
      const field = releasedElementsOf(node, host.session);
      if (field) note(`field:${field}`);
      if (ts.isCallExpression(node)) {
        const callee = skipOuter(node.expression);
        const name = calleeName(node);
        if (name && TIMER_CLEARS.has(name)) {
          for (const argument of node.arguments) {
            const text = canonical(argument)?.text;
            if (text?.startsWith('this.')) note(`field:${text}`);
          }
        }
        if (ts.isPropertyAccessExpression(callee)) {
          const method = callee.name.text;
          const receiver = canonical(callee.expression)?.text;
          const namesSelf = node.arguments.some((argument) => isSelfOrOwnId(argument));
          if (receiver && UNREGISTER.has(method) && isOthersCollection(receiver) && namesSelf) note(`collection:${receiver}`);
          if (receiver && UNSUBSCRIBE.has(method) && receiver !== 'this') note(`listener:${withoutThis(receiver)}`);
          if (receiver?.startsWith('this.') && !receiver.slice(5).includes('.')) {
            const names = releaseNamesOfField(receiver, callee.expression);
            if (names?.methods.has(method)) note(`field:${receiver}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  }
  return [...found.values()];
}

/**
 * The field whose every element a loop, a `forEach` or a helper of the program releases:
 * `this.disposables` in `for (const d of this.disposables) d.dispose()`, or in `disposeAll(this.disposables)`
 * where `disposeAll` pops each element and disposes it. `session` lets a call be resolved to that helper.
 */
function releasedElementsOf(node: ts.Node, session?: AnalysisSession): string | undefined {
  if (!ts.isForOfStatement(node) && !ts.isCallExpression(node) && !ts.isWhileStatement(node)) return undefined;
  const fieldOf = (expression: ts.Expression): string | undefined => {
    const text = canonical(expression)?.text;
    return text?.startsWith('this.') && !text.slice(5).includes('.') ? text : undefined;
  };
  const list = releasedListOf(node, fieldOf);
  if (list !== undefined || !session || !ts.isCallExpression(node) || !ts.isIdentifier(skipOuter(node.expression))) return list;
  // `disposeAll(this.disposables)`: a function of the program that releases every element of the list it is given.
  // Asked of every call the inference reads: the syntax rules out all but `f(this.x)` before any text is made.
  const index = node.arguments.findIndex((argument) => {
    const e = skipOuter(argument);
    return ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword && fieldOf(e) !== undefined;
  });
  if (index < 0) return undefined;
  return releasesElementsOfParameter(node, index, session) ? fieldOf(node.arguments[index]!) : undefined;
}

/**
 * The list `listOf` names (`this.timers`, a parameter) whose every element `node` releases, or a
 * field of every element (`r.client.stop()`): a `for…of`, a `forEach` or a `map` (`Promise.all([...
 * this.clients.values()].map((c) => c.close()))`), a `while (list.length) list.pop().dispose()`.
 */
function releasedListOf(node: ts.Node, listOf: (expression: ts.Expression) => string | undefined): string | undefined {
  // Asked of every node a body has: only these three forms can release a list.
  if (!ts.isForOfStatement(node) && !ts.isCallExpression(node) && !ts.isWhileStatement(node)) return undefined;
  // `[...this.clients.values()]`, `Array.from(list)`: the list whose elements they hold.
  const named = (expression: ts.Expression): string | undefined => {
    let e = skipOuter(expression);
    for (let source = valuesSourceOf(e); source; source = valuesSourceOf(e)) e = skipOuter(source);
    return listOf(e);
  };
  const releases = (body: ts.Node, element: (expression: ts.Expression) => boolean): boolean => {
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(child)) {
        const callee = skipOuter(child.expression);
        if (ts.isPropertyAccessExpression(callee) && isReleaseLikeName(callee.name.text) && element(callee.expression)) found = true;
        if (TIMER_CLEARS.has(calleeName(child) ?? '') && child.arguments.some(element)) found = true;
      }
      ts.forEachChild(child, visit);
    };
    visit(body);
    return found;
  };
  // The element, or a field of it (`r.client`).
  const isName =
    (name: string) =>
    (expression: ts.Expression): boolean => {
      let e = skipOuter(expression);
      if (ts.isPropertyAccessExpression(e)) e = skipOuter(e.expression);
      return ts.isIdentifier(e) && e.text === name;
    };
  if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
    const list = named(node.expression);
    const [declaration] = node.initializer.declarations;
    return list && declaration && ts.isIdentifier(declaration.name) && releases(node.statement, isName(declaration.name.text)) ? list : undefined;
  }
  if (ts.isCallExpression(node) && ['forEach', 'map'].includes(calleeName(node) ?? '') && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
    const list = named((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
    const callback = node.arguments[0] && skipOuter(node.arguments[0]);
    if (!list || !callback) return undefined;
    if (ts.isIdentifier(callback)) return TIMER_CLEARS.has(callback.text) ? list : undefined;
    const parameter = isFunctionLike(callback) ? callback.parameters[0] : undefined;
    return parameter && ts.isIdentifier(parameter.name) && isFunctionLike(callback) && callback.body && releases(callback.body, isName(parameter.name.text))
      ? list
      : undefined;
  }
  // `while (list.length) list.pop()!.dispose()`: each element taken off the end and released.
  if (ts.isWhileStatement(node)) {
    const condition = skipOuter(node.expression);
    const list = ts.isPropertyAccessExpression(condition) && condition.name.text === 'length' ? named(condition.expression) : undefined;
    const popped = (expression: ts.Expression): boolean => {
      const e = skipOuter(expression);
      return (
        ts.isCallExpression(e) &&
        ['pop', 'shift'].includes(calledMethodName(e) ?? '') &&
        named((skipOuter(e.expression) as ts.PropertyAccessExpression).expression) === list
      );
    };
    return list !== undefined && releases(node.statement, popped) ? list : undefined;
  }
  return undefined;
}

const RELEASES_ELEMENTS_OF_PARAMETER = memoTable<ts.FunctionLikeDeclaration, Map<number, boolean>>('resources.releasesElementsOfParameter');

/** The function `call` runs is one of the program whose body releases every element of its parameter at `index`. */
function releasesElementsOfParameter(call: ts.CallExpression, index: number, session: AnalysisSession): boolean {
  const callee = resolveCallee(call, session);
  if (!callee?.body || callee.getSourceFile().isDeclarationFile || session.program.isSourceFileFromExternalLibrary(callee.getSourceFile())) return false;
  const table = session.table(RELEASES_ELEMENTS_OF_PARAMETER);
  let byIndex = table.get(callee);
  if (!byIndex) table.set(callee, (byIndex = new Map()));
  let answer = byIndex.get(index);
  if (answer === undefined) {
    const parameter = callee.parameters[index];
    const name = parameter && !parameter.dotDotDotToken && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || (node !== callee && isFunctionLike(node) && !ts.isArrowFunction(node))) return;
      if (name !== undefined && releasedListOf(node, (e) => (ts.isIdentifier(e) && e.text === name ? name : undefined)) === name) found = true;
      else ts.forEachChild(node, visit);
    };
    visit(callee.body);
    byIndex.set(index, (answer = found));
  }
  return answer;
}

/** `this`, or `this.id` / `this.name`: how an object names itself to a collection. */
function isSelfOrOwnId(argument: ts.Expression): boolean {
  const e = skipOuter(argument);
  return e.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword);
}

/**
 * `registry`, `this.relay.openSubs`: a collection the object does not hold itself — a module's, or
 * one its parent keeps (read through a field). Its own `this.items` is not one.
 */
function isOthersCollection(receiver: string): boolean {
  if (!receiver.startsWith('this')) return true;
  return receiver.startsWith('this.') && receiver.slice(5).includes('.');
}

/** `this.bus` and a constructor's parameter property `bus` name the same emitter. */
function withoutThis(text: string): string {
  return text.startsWith('this.') ? text.slice(5) : text;
}

/** Fields the class makes itself (`this.events = new EventEmitter()`): subscribing to them acquires nothing. */
export function fieldsMadeHere(chain: readonly ts.ClassLikeDeclaration[]): Set<string> {
  const owned = new Set<string>();
  for (const cls of chain) {
    for (const member of cls.members) {
      if (
        ts.isPropertyDeclaration(member) &&
        member.initializer &&
        member.name &&
        ts.isIdentifier(member.name) &&
        ts.isNewExpression(skipOuter(member.initializer))
      ) {
        owned.add(`this.${member.name.text}`);
      }
    }
  }
  return owned;
}

const ASSIGNMENT_ACQUISITIONS = memoTable<ts.BinaryExpression, Acquisition[] | null>('resources.assignmentAcquisitions');

/**
 * An assignment in a method body, answered once: the constructor's walk, each method's own and a
 * subclass's all meet it. The field's declaration is looked up only for a value that may acquire.
 */
function acquisitionsOfAssignmentNode(
  node: ts.BinaryExpression,
  target: string,
  host: InferenceHost,
  fields: ReadonlyMap<string, ts.PropertyDeclaration> | undefined,
): Acquisition[] {
  const acquire = (): Acquisition[] => acquisitionsOfAssignment(target, node.right, host, () => declaredField(node.left, host, fields));
  return host.session.memo(ASSIGNMENT_ACQUISITIONS, node, acquire) ?? [];
}

/** `this.timer = setInterval(…)`, `this.watcher = fs.watch(…)`, `this.meter = new Meter()`. */
export function acquisitionsOfAssignment(
  target: string,
  value: ts.Expression,
  host: InferenceHost,
  /** The field's declaration, looked up only for a value that may acquire. */
  fieldOf: () => ts.PropertyDeclaration | undefined = () => undefined,
): Acquisition[] {
  let e = skipOuter(value);
  // `this.parent = this.pubsub = pubsub`: a chain stores its last value (the inner assignment is read on its own).
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) e = skipOuter(e.right);
  if (ts.isCallExpression(e)) {
    const callee = calleeName(e);
    if (callee && TIMER_STARTS.has(callee)) {
      return [{ key: `field:${target}` }];
    }
  }
  // A constant, a function, a computed value, a reference handed in (`this.client = client`,
  // `this.server = nsp.server`), or a literal of values it already holds or is handed: nothing acquired.
  if (isHeldOrInert(e)) return [];
  // `this.client = this.realtime.getClient()`: a method of the program that returns what it holds.
  if (ts.isCallExpression(e) && returnsHeldReference(e, host.session)) return [];
  // `this.handler = this.onEvent.bind(this)`: a function.
  if (ts.isCallExpression(e) && calledMethodName(e) === 'bind') return [];
  const names = host.releaseNamesOf(
    declaredClassOfNew(e, host.session.checker) ?? declaredTypeOf(fieldOf(), host) ?? host.session.checker.getTypeAtLocation(value),
  );
  if (names) return [{ key: `field:${target}` }];
  return [];
}

/**
 * `this.count + 1`, `!done`, `` `${a}` ``, `typeof x`, `this.other.x`, `list[i]`, `Object.assign(…)`: a
 * number, a string, a boolean, a copy of data or a value read from elsewhere — nothing this
 * assignment acquires, whatever its type.
 */
function isComputedValue(e: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e) || ts.isTemplateExpression(e) || ts.isTypeOfExpression(e)) return true;
  if (ts.isBinaryExpression(e)) {
    // `a ?? b`, `a || b`, `a, b` and `a = b` hand on an operand; the other operators compute a primitive.
    const operator = e.operatorToken.kind;
    const handsOn =
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.CommaToken ||
      (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment);
    return !handsOn;
  }
  if (ts.isElementAccessExpression(e)) return true;
  // `Object.assign({}, defaults, options)`, `JSON.parse(text)`: a copy of data, however large its type.
  if (ts.isCallExpression(e) && DATA_COPIES.has(skipOuter(e.expression).getText())) return true;
  return readsThroughThis(e) || isReshapedList(e);
}

/** List methods whose result holds only elements the receiver already held. */
const ELEMENTS_HANDED_ON = new Set(['filter', 'slice', 'concat', 'sort', 'reverse', 'toSorted', 'toReversed', 'flat', 'find', 'findLast', 'at']);

/**
 * `list.filter(keep)`, `items.slice(1)`, `result.data.map(label => ({ name: label.name }))`: the
 * receiver's own elements, or data shaped from them by a callback that calls nothing — nothing is
 * acquired, and the checker need not type a long chain of generic array methods to say so.
 */
function isReshapedList(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(skipOuter(e.expression))) return false;
  const method = calledMethodName(e);
  if (method !== undefined && ELEMENTS_HANDED_ON.has(method)) return true;
  if (method !== 'map' && method !== 'flatMap') return false;
  const [callback] = e.arguments;
  return callback !== undefined && ts.isArrowFunction(callback) && !ts.isBlock(callback.body) && !containsCall(callback.body);
}

/**
 * `{ ...this.payload, ...payload }`, `[handler]`, `{ ack: false, filter }`: an object or array literal
 * whose parts are constants, functions, or references the object already reaches or is handed. It
 * makes nothing: whatever its parts own was acquired where they were made. Read from the syntax, so
 * the checker need not type a spread of large option objects to say so.
 */
export function isLiteralOfHeldValues(e: ts.Expression): boolean {
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((property) => {
      if (ts.isPropertyAssignment(property)) return isHeldOrInert(property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) return isHandedIn(property.name);
      if (ts.isSpreadAssignment(property)) return isHeldOrInert(property.expression);
      return ts.isMethodDeclaration(property) || ts.isAccessor(property);
    });
  }
  if (ts.isArrayLiteralExpression(e)) {
    return e.elements.every((element) => ts.isOmittedExpression(element) || isHeldOrInert(ts.isSpreadElement(element) ? element.expression : element));
  }
  return false;
}

/** A constant, a function, a computed value, a reference handed in or already reached, or a literal of those: nothing acquired. */
function isHeldOrInert(part: ts.Expression): boolean {
  const e = skipOuter(part);
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isLiteralExpression(e) || isNothing(e)) return true;
  return isHandedIn(e) || isComputedValue(e) || isLiteralOfHeldValues(e);
}

/** `this.other`, `this.server.topology.client?.logger`: a reference read from what the object already reaches. */
function readsThroughThis(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && rootOf(e).kind === ts.SyntaxKind.ThisKeyword;
}

const DATA_COPIES = new Set(['Object.assign', 'Object.freeze', 'Object.fromEntries', 'JSON.parse', 'structuredClone']);

/** `null`, `undefined`, `void 0`, `[]`, `{}`: nothing is acquired by storing them. */
function isNothing(e: ts.Expression): boolean {
  return isNullish(e) || (ts.isArrayLiteralExpression(e) && e.elements.length === 0) || (ts.isObjectLiteralExpression(e) && e.properties.length === 0);
}

/**
 * A field's declared type: its annotation, else what its initializer gives it. Asking the checker
 * for the type at a use inside a method makes it check that method's flow first — the costliest
 * question inference asks — and the declared type names the same release.
 */
function declaredTypeOf(field: ts.PropertyDeclaration | undefined, host: InferenceHost): ts.Type | undefined {
  if (!field) return undefined;
  const { checker } = host.session;
  if (field.type) return checker.getTypeFromTypeNode(field.type);
  const made = field.initializer && typeOfPlainNew(field.initializer, checker);
  if (made) return made;
  const symbol = checker.getSymbolAtLocation(field.name);
  const type = symbol && checker.getTypeOfSymbol(symbol);
  // `private conn;` with nothing to go by is `any`: the stored value says more.
  return type && (type.getFlags() & ts.TypeFlags.Any) === 0 ? type : undefined;
}

/** The class property `this.x` names, when it is declared in a class body. */
function declaredField(target: ts.Expression, host: InferenceHost, fields?: ReadonlyMap<string, ts.PropertyDeclaration>): ts.PropertyDeclaration | undefined {
  const e = skipOuter(target);
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  // `this.x` of a field the class chain declares: found without asking the checker.
  const own = skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword ? (fields?.get(e.name.text) ?? ownMemberOf(e)) : undefined;
  if (own) return ts.isPropertyDeclaration(own) ? own : undefined;
  const declaration = host.session.checker.getSymbolAtLocation(e.name)?.valueDeclaration;
  return declaration && ts.isPropertyDeclaration(declaration) ? declaration : undefined;
}

const RETURNS_HELD_REFERENCE = memoTable<ts.FunctionLikeDeclaration, boolean>('resources.returnsHeldReference');

/** The call runs a method of the program whose every `return` reads a field of its object (`return this._client`). */
function returnsHeldReference(call: ts.CallExpression, session: AnalysisSession): boolean {
  if (call.arguments.length > 0) return false;
  const callee = resolveCallee(call, session);
  return callee !== undefined && handsOutHeldField(callee, session);
}

/** `requireController() { if (this._controller) return this._controller; throw … }`: every `return` reads a field of its object. */
export function handsOutHeldField(callee: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  if (!callee.body || callee.parameters.length > 0) return false;
  const table = session.table(RETURNS_HELD_REFERENCE);
  let answer = table.get(callee);
  if (answer === undefined) table.set(callee, (answer = everyReturnReadsOwnField(callee.body)));
  return answer;
}

function everyReturnReadsOwnField(body: ts.ConciseBody): boolean {
  if (!ts.isBlock(body)) return readsThroughThis(skipOuter(body));
  let returns = 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other || isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      returns++;
      if (!node.expression || !readsThroughThis(skipOuter(node.expression))) other = true;
    }
    ts.forEachChild(node, visit);
  };
  body.statements.forEach(visit);
  return returns > 0 && !other;
}

/** A parameter of the function around it, or a property read from one. */
function isHandedIn(expression: ts.Expression): boolean {
  const root = rootOf(expression);
  if (!ts.isIdentifier(root)) return false;
  for (let node: ts.Node | undefined = root.parent; node; node = node.parent) {
    if (isFunctionLike(node)) {
      // `constructor({ queryManager, options })`: a destructured parameter hands its parts in too.
      if (node.parameters.some((parameter) => boundNames(parameter.name).includes(root.text))) return true;
      if (!ts.isArrowFunction(node)) return false;
    }
  }
  return false;
}

/** What a constructor (or a method it calls) starts. */
export function acquisitionsIn(
  body: ts.Node,
  host: InferenceHost,
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  depth: number,
  ownedFields: ReadonlySet<string> = new Set(),
  fields?: ReadonlyMap<string, ts.PropertyDeclaration>,
): Acquisition[] {
  const found: Acquisition[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = canonical(node.left)?.text;
      if (target?.startsWith('this.')) found.push(...acquisitionsOfAssignmentNode(node, target, host, fields));
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = canonical(callee.expression)?.text;
        // `registry.set(id, this)`, `all.add(this)`: a collection that outlives the object keeps it.
        if (REGISTER.has(method) && receiver && !receiver.startsWith('this') && node.arguments.some((a) => skipOuter(a).kind === ts.SyntaxKind.ThisKeyword)) {
          found.push({ key: `collection:${receiver}` });
        }
        // `bus.on('tick', this.onTick)`: a listener on an emitter it does not own (not `this`, not one it made).
        if (SUBSCRIBE.has(method) && receiver && receiver !== 'this' && !ownedFields.has(receiver)) {
          found.push({ key: `listener:${withoutThis(receiver)}` });
        }
        // `this.start()`: follow calls into the class's own methods, to a bounded depth.
        if (skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword && depth < MAX_CALL_DEPTH) {
          const called = methods.get(method);
          if (called?.body) found.push(...acquisitionsIn(called.body, host, methods, depth + 1, ownedFields, fields));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/**
 * Per inference (its list of acquisitions): what each method undoes, by call depth. Every method of
 * a class is asked, and each walks the helpers it calls: a helper is walked once per depth.
 */
const UNDONE = memoTable<readonly Acquisition[], Map<ts.FunctionLikeDeclaration, ReadonlySet<string>[]>>('resources.undone');

/** The acquisitions a method undoes (directly, or through the class's own methods it calls). */
export function undoneBy(
  fn: ts.FunctionLikeDeclaration,
  acquisitions: readonly Acquisition[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  host: InferenceHost,
  depth = 0,
): ReadonlySet<string> {
  const table = host.session.table(UNDONE);
  let byMethod = table.get(acquisitions);
  if (!byMethod) table.set(acquisitions, (byMethod = new Map()));
  let byDepth = byMethod.get(fn);
  if (!byDepth) byMethod.set(fn, (byDepth = []));
  return (byDepth[depth] ??= findUndone(fn, acquisitions, methods, host, depth));
}

function findUndone(
  fn: ts.FunctionLikeDeclaration,
  acquisitions: readonly Acquisition[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  host: InferenceHost,
  depth: number,
): ReadonlySet<string> {
  const undone = new Set<string>();
  const keys = new Set(acquisitions.map((acquisition) => acquisition.key));
  const visit = (node: ts.Node): void => {
    const elementsOf = releasedElementsOf(node, host.session);
    if (elementsOf && keys.has(`field:${elementsOf}`)) undone.add(`field:${elementsOf}`);
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const name = calleeName(node);
      if (name && TIMER_CLEARS.has(name)) {
        for (const argument of node.arguments) {
          const text = canonical(argument)?.text;
          if (text && keys.has(`field:${text}`)) undone.add(`field:${text}`);
          if (text && keys.has(`timer:${text}`)) undone.add(`timer:${text}`);
        }
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = canonical(callee.expression)?.text;
        if (receiver && UNREGISTER.has(method) && keys.has(`collection:${receiver}`)) undone.add(`collection:${receiver}`);
        if (receiver && UNSUBSCRIBE.has(method) && keys.has(`listener:${withoutThis(receiver)}`)) undone.add(`listener:${withoutThis(receiver)}`);
        if (receiver && keys.has(`field:${receiver}`)) {
          const declared = declaredTypeOf(declaredField(callee.expression, host), host);
          const names = host.releaseNamesOf(declared ?? host.session.checker.getTypeAtLocation(callee.expression));
          if (names?.methods.has(method)) undone.add(`field:${receiver}`);
        }
        // `this.cleanup()`, or `this.onClose.bind(this)` handed to what closes (it runs once that is done)
        const ownMethod = thisMethodRun(node);
        if (ownMethod !== undefined && depth < MAX_CALL_DEPTH) {
          const called = methods.get(ownMethod);
          if (called && called !== fn) undoneBy(called, acquisitions, methods, host, depth + 1).forEach((key) => undone.add(key));
        }
        // a local `unsubscribe()` handle kept from `subscribe()`: `this.sub.unsubscribe()` is covered above.
      } else if (ts.isIdentifier(callee) && keys.has(`timer:${callee.text}`)) {
        undone.add(`timer:${callee.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return undone;
}

/** The own method a call runs: `cleanup` in `this.cleanup()`, `onClose` in `this.onClose.bind(this, …)`. */
function thisMethodRun(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipOuter(callee.expression);
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return callee.name.text;
  if (callee.name.text !== 'bind' || !ts.isPropertyAccessExpression(receiver)) return undefined;
  return skipOuter(receiver.expression).kind === ts.SyntaxKind.ThisKeyword ? receiver.name.text : undefined;
}

/** The own methods each body runs (`this.cleanup()`), read once per body: asked for every method of a class, and again for the methods they call. */
const METHODS_RUN = new WeakMap<ts.Node, readonly string[]>();

function methodsRunIn(body: ts.Node): readonly string[] {
  let names = METHODS_RUN.get(body);
  if (!names) {
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      const name = ts.isCallExpression(node) ? thisMethodRun(node) : undefined;
      if (name !== undefined) found.push(name);
      ts.forEachChild(node, visit);
    };
    visit(body);
    METHODS_RUN.set(body, (names = found));
  }
  return names;
}

/** The methods `fn` calls on `this`, directly or through them (bounded). */
export function methodsCalledBy(fn: ts.FunctionLikeDeclaration, methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>): Set<string> {
  const reached = new Set<string>();
  const queue: ts.FunctionLikeDeclaration[] = [fn];
  for (let depth = 0; queue.length > 0 && depth <= MAX_CALL_DEPTH; depth++) {
    const next: ts.FunctionLikeDeclaration[] = [];
    for (const current of queue) {
      for (const name of current.body ? methodsRunIn(current.body) : []) {
        const called = !reached.has(name) ? methods.get(name) : undefined;
        if (called) {
          reached.add(name);
          next.push(called);
        }
      }
    }
    queue.splice(0, queue.length, ...next);
  }
  return reached;
}
