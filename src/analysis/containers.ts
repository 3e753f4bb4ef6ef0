/**
 * Containers of values — Map, WeakMap, Set, WeakSet, arrays and objects used as maps —
 * and who owns what they hold.
 */
import { isBuiltinSymbolLike } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { identifyCacheLibrary, type CacheLibrary } from './caches.js';

import { calleeName, calledMethodName, canonical, enclosingBody, isFunctionLike, isSeparateFunction, skipOuter } from './expressions.js';

export type ContainerKind = 'Map' | 'WeakMap' | 'Set' | 'WeakSet' | 'Array' | 'ObjectMap' | 'Cache';

export type ContainerType =
  | { kind: Exclude<ContainerKind, 'Cache'>; valueType: ts.Type }
  /** A cache library's instance: what it does on each path is in caches.ts, its values come from its insertions. */
  | { kind: 'Cache'; library: CacheLibrary };

const containerTypeCache = new WeakMap<ts.Type, ContainerType | null>();
const containerOfSymbolCache = new WeakMap<ts.Symbol, ContainerType | null>();

/** The symbol a receiver names: `meters`, or the last name of `this.meters` / `this.nodes.all`. */
function namedSymbol(expression: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const e = skipOuter(expression);
  const name = ts.isPropertyAccessExpression(e) ? e.name : ts.isIdentifier(e) ? e : undefined;
  return name && checker.getSymbolAtLocation(name);
}

/**
 * Whether a name's declaration can make it a container that the checker will recognize without
 * inferring anything: it is declared with a type (annotation or assertion), or initialized with a
 * constructor call or an array literal. A target declared as `const x = compute()` would make the
 * checker infer `compute`'s type at every assignment site — the largest cost the profile showed —
 * for a value that is rarely a container of resources; an unannotated object literal has no index
 * signature, so it is never an object used as a map.
 */
export function isDeclaredLikeContainer(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  const declarations = namedSymbol(expression, checker)?.getDeclarations() ?? [];
  return declarations.some((declaration) => {
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isParameter(declaration)) && declaration.type) return true;
    const initializer = ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) ? declaration.initializer : undefined;
    if (!initializer) return false;
    // `Object.create(null) as Record<string, Timer>` names its type.
    if (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isTypeAssertionExpression(initializer)) return true;
    const value = skipOuter(initializer);
    return ts.isNewExpression(value) || ts.isArrayLiteralExpression(value);
  });
}

/**
 * The container a receiver expression names (`this.meters`, `meters`, `this.nodes.all`): asked
 * once per declared symbol — its declared type, not the flow-narrowed type at each use — so the
 * checker does the work once for every site and every rule.
 */
export function containerTypeOf(expression: ts.Expression, program: ts.Program, checker: ts.TypeChecker): ContainerType | undefined {
  const symbol = namedSymbol(expression, checker);
  if (!symbol || symbol.flags & ts.SymbolFlags.Alias) return getContainerType(checker.getTypeAtLocation(expression), program, checker);
  const cached = containerOfSymbolCache.get(symbol);
  if (cached !== undefined) return cached ?? undefined;
  const result = getContainerType(checker.getTypeOfSymbol(symbol), program, checker) ?? null;
  containerOfSymbolCache.set(symbol, result);
  return result ?? undefined;
}

/** What kind of container a type is, and the type of its values. Cached per type. */
export function getContainerType(type: ts.Type, program: ts.Program, checker: ts.TypeChecker): ContainerType | undefined {
  const cached = containerTypeCache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const result = computeContainerType(type, program, checker) ?? null;
  containerTypeCache.set(type, result);
  return result ?? undefined;
}

function computeContainerType(type: ts.Type, program: ts.Program, checker: ts.TypeChecker): ContainerType | undefined {
  if (type.isUnion()) {
    // `Map<K, V> | undefined` for optional fields.
    const present = type.types.filter((part) => !(part.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    return present.length === 1 ? getContainerType(present[0]!, program, checker) : undefined;
  }
  if (!(type.getFlags() & ts.TypeFlags.Object)) return undefined;
  // quick-lru extends Map and expiry-map implements it: a cache library is asked first.
  const library = identifyCacheLibrary(type, program);
  if (library) return { kind: 'Cache', library };
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return element ? { kind: 'Array', valueType: element } : undefined;
  }
  if (checker.isTupleType(type)) return undefined;
  for (const [kind, valueIndex] of [
    ['Map', 1],
    ['WeakMap', 1],
    ['Set', 0],
    ['WeakSet', 0],
  ] as const) {
    if (!isBuiltinSymbolLike(program, type, kind)) continue;
    const valueType = builtinTypeArgument(type, kind, valueIndex, checker);
    return valueType ? { kind, valueType } : undefined;
  }
  // An object used as a map: `Record<string, V>`, `{ [id: string]: V }`.
  const symbol = type.getSymbol();
  if (symbol && (symbol.getFlags() & ts.SymbolFlags.Class) !== 0) return undefined;
  const indexType = type.getStringIndexType() ?? type.getNumberIndexType();
  if (indexType && type.getProperties().length === 0) return { kind: 'ObjectMap', valueType: indexType };
  return undefined;
}

/** The type argument of the built-in (`Map<K, V>` → V), found through subclasses. */
function builtinTypeArgument(type: ts.Type, name: string, index: number, checker: ts.TypeChecker): ts.Type | undefined {
  const queue: ts.Type[] = [type];
  const seen = new Set<ts.Type>();
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const symbol = current.getSymbol();
    if (symbol?.getName() === name) {
      return checker.getTypeArguments(current as ts.TypeReference)[index];
    }
    const target = (current as ts.TypeReference).target ?? current;
    if (target.isClassOrInterface()) queue.push(...(checker.getBaseTypes(target) ?? []));
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Ownership

export interface Ownership {
  /** At least one visible insertion stores a value the program creates. */
  owns: boolean;
  /** Some insertion stores the result of `setInterval`: the suggested release is clearInterval. */
  storesIntervals: boolean;
}

const ownershipCache = new WeakMap<ts.Node, Map<string, Ownership>>();

/**
 * Reads the insertions into a container visible in its class (for `this.x`) or its
 * module (for names and other paths): a container owns its values when at least one
 * insertion stores a value created here (a constructor, a factory, `setInterval`,
 * `spawn`, an object literal holding such a value, `this`) or a socket handed to a
 * server's connection listener. Parameters, hook payloads and values read from
 * another container are borrowed.
 */
export function getOwnership(containerExpression: ts.Expression): Ownership {
  const container = canonical(containerExpression);
  const scope = containerScope(containerExpression);
  if (!container || container.impure) return { owns: true, storesIntervals: false };
  let byText = ownershipCache.get(scope);
  if (!byText) ownershipCache.set(scope, (byText = new Map()));
  const cached = byText.get(container.text);
  if (cached) return cached;
  const result = computeOwnership(scope, container.text);
  byText.set(container.text, result);
  return result;
}

/** Where a container's insertions, construction and hooks are read: its class (for `this.x`) or its module. */
export function containerScope(containerExpression: ts.Expression): ts.Node {
  const root = rootOf(containerExpression);
  if (root.kind === ts.SyntaxKind.ThisKeyword) {
    let current: ts.Node | undefined = containerExpression.parent;
    while (current && !ts.isClassLike(current)) current = current.parent;
    if (current) return current;
  }
  return containerExpression.getSourceFile();
}

function rootOf(expression: ts.Expression): ts.Expression {
  let current = skipOuter(expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipOuter(current.expression);
    else return current;
  }
}

const insertionsByScope = new WeakMap<ts.Node, Map<string, ts.Expression[]>>();

/** Every insertion in a class or module, by container text, from one walk of it. */
function insertionsIn(scope: ts.Node): Map<string, ts.Expression[]> {
  const cached = insertionsByScope.get(scope);
  if (cached) return cached;
  const byContainer = new Map<string, ts.Expression[]>();
  const add = (container: ts.Expression | string, values: readonly ts.Expression[]): void => {
    if (values.length === 0) return;
    const text = typeof container === 'string' ? container : canonical(container)?.text;
    if (text === undefined) return;
    const list = byContainer.get(text);
    if (list) list.push(...values);
    else byContainer.set(text, [...values]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const method = calledMethodName(node);
      const callee = skipOuter(node.expression);
      if (method && ts.isPropertyAccessExpression(callee)) {
        if (INSERTION_METHODS.has(method) && node.arguments[1]) add(callee.expression, [node.arguments[1]]);
        else if (method === 'add' && node.arguments[0]) add(callee.expression, [node.arguments[0]]);
        else if (method === 'push' || method === 'unshift') add(callee.expression, node.arguments);
        else if (method === 'splice') add(callee.expression, node.arguments.slice(2));
      }
    } else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      const target = skipOuter(node.left);
      if (ts.isElementAccessExpression(target)) add(target.expression, [node.right]);
      else add(target, initialEntries(node.right));
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      add(node.name.text, initialEntries(node.initializer));
    } else if (ts.isPropertyDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      add(`this.${node.name.text}`, initialEntries(node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  insertionsByScope.set(scope, byContainer);
  return byContainer;
}

function computeOwnership(scope: ts.Node, containerText: string): Ownership {
  const inserted = insertionsIn(scope).get(containerText) ?? [];
  let owns = false;
  let storesIntervals = false;
  for (const value of inserted) {
    const origin = originOf(value, 0);
    if (origin === 'created' || origin === 'interval') owns = true;
    if (origin === 'interval') storesIntervals = true;
  }
  return { owns, storesIntervals };
}

/** `new Map([[k, v]])`, `[a, b]`, `{ a: v }`: values put in when the container is made. */
function initialEntries(initializer: ts.Expression): ts.Expression[] {
  const e = skipOuter(initializer);
  if (ts.isNewExpression(e)) {
    const [first] = e.arguments ?? [];
    if (!first) return [];
    const source = skipOuter(first);
    if (ts.isArrayLiteralExpression(source)) {
      return source.elements.map((entry) => {
        const pair = skipOuter(entry as ts.Expression);
        return ts.isArrayLiteralExpression(pair) && pair.elements[1] ? pair.elements[1] : pair;
      });
    }
    return [];
  }
  if (ts.isArrayLiteralExpression(e)) return [...e.elements];
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? [property.initializer] : []));
  }
  return [];
}

type Origin = 'created' | 'interval' | 'borrowed' | 'unknown';

/** Keyed insertions: Map `set`, and the cache libraries' `put` and `setpop`. */
const INSERTION_METHODS = new Set(['set', 'put', 'setpop']);
const READ_METHODS = new Set(['get', 'find', 'findLast', 'at', 'peek', 'values', 'keys', 'entries']);
const CONNECTION_EVENTS = new Set(['connection', 'secureConnection', 'session', 'stream']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);

/** Where an inserted value comes from. */
function originOf(value: ts.Expression, depth: number): Origin {
  if (depth > 4) return 'unknown';
  const e = skipOuter(value);
  if (ts.isAwaitExpression(e)) return originOf(e.expression, depth + 1);
  if (ts.isNewExpression(e)) return 'created';
  // An object registering itself: whoever created it holds it.
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'borrowed';
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (name === 'setInterval') return 'interval';
    const method = calledMethodName(e);
    if (method !== undefined && READ_METHODS.has(method)) return 'borrowed';
    return 'created';
  }
  if (ts.isObjectLiteralExpression(e)) {
    let result: Origin = 'borrowed';
    for (const property of e.properties) {
      // A method or a function written here makes the object itself a thing created here.
      if (ts.isMethodDeclaration(property)) return 'created';
      const origin = ts.isPropertyAssignment(property)
        ? ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer)
          ? 'created'
          : originOf(property.initializer, depth + 1)
        : ts.isShorthandPropertyAssignment(property)
          ? originOf(property.name, depth + 1)
          : 'borrowed';
      if (origin === 'interval') return 'interval';
      if (origin === 'created') result = 'created';
    }
    return result;
  }
  if (ts.isConditionalExpression(e)) {
    const origins = [originOf(e.whenTrue, depth + 1), originOf(e.whenFalse, depth + 1)];
    return origins.includes('interval') ? 'interval' : origins.includes('created') ? 'created' : 'borrowed';
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const origins = [originOf(e.left, depth + 1), originOf(e.right, depth + 1)];
    return origins.includes('interval') ? 'interval' : origins.includes('created') ? 'created' : 'borrowed';
  }
  if (ts.isIdentifier(e)) return originOfName(e, depth);
  return 'borrowed';
}

/** A name: a parameter (borrowed, unless a server hands it to a connection listener) or a local. */
function originOfName(identifier: ts.Identifier, depth: number): Origin {
  const name = identifier.text;
  let current: ts.Node | undefined = identifier;
  // Walk out through enclosing functions: the name may be a parameter or a local of any of them.
  while (current) {
    const fn: ts.Node = enclosingBody(current);
    if (isFunctionLike(fn)) {
      const parameter = fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return isConnectionListener(fn) ? 'created' : 'borrowed';
    }
    const local = findLocalAssignments(fn, name);
    if (local.length > 0 || ts.isSourceFile(fn)) return strongestOrigin(local, depth);
    if (fn === current || ts.isSourceFile(fn)) break;
    current = fn;
  }
  return 'borrowed';
}

/** The origin of a name given several values: an interval or a created value wins over borrowed. */
function strongestOrigin(values: readonly ts.Expression[], depth: number): Origin {
  let result: Origin = 'borrowed';
  for (const value of values) {
    const origin = originOf(value, depth + 1);
    if (origin === 'interval') return 'interval';
    if (origin === 'created') result = 'created';
  }
  return result;
}

/** Initializers and assignments of a variable declared directly in this function (not nested functions). */
function findLocalAssignments(fn: ts.Node, name: string): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== fn && isSeparateFunction(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found.push(node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(skipOuter(node.left)) && (skipOuter(node.left) as ts.Identifier).text === name) {
      found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  const body = isFunctionLike(fn) ? fn.body : fn;
  if (body) visit(body);
  return found;
}

/** `server.on('connection', (socket) => …)`, `net.createServer((socket) => …)`: the socket is ours to close. */
function isConnectionListener(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const method = calledMethodName(call);
  const [event] = call.arguments;
  if ((method === 'on' || method === 'once' || method === 'addListener') && event && ts.isStringLiteral(event)) {
    return CONNECTION_EVENTS.has(event.text);
  }
  const name = calleeName(call);
  if (name !== undefined && SERVER_FACTORIES.has(name)) {
    // http's request listener gets (request, response): borrowed. net/tls hand over a socket.
    const first = fn.parameters[0];
    return fn.parameters.length === 1 && first !== undefined;
  }
  return false;
}

/** `=`, and `??=` / `||=` that store when the place is empty. */
function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}
