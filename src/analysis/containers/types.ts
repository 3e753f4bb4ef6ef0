/**
 * What kind of container a value is — a built-in (Map, WeakMap, Set, WeakSet, array, object used
 * as a map) or a cache library's instance — and the type of the values it holds. Asked of the
 * checker once per declared symbol or type for the life of the program.
 */
import { isBuiltinSymbolLike } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import type { CacheLibrary } from '../caches/model.js';
import { identifyCacheLibrary } from '../caches/recognition.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { isFallback, ownMemberOf, rootOf, skipOuter } from '../syntax/expressions.js';
import { parameterNamed } from '../syntax/names.js';
import { declaredMemberSymbol, typeOfPlainNew } from '../syntax/writtenTypes.js';
import { CONTAINER_PROTOCOLS, type BuiltinContainerKind, type ContainerProtocol } from './kinds.js';
import { storageClassOf } from './storageClasses.js';

export type ContainerKind = BuiltinContainerKind | 'Cache';

export type ContainerType =
  | { kind: BuiltinContainerKind; protocol: ContainerProtocol; valueType: ts.Type; /** A Map's keys, which can be resources too. */ keyType?: ts.Type }
  /** A cache library's instance: what it does on each path is in its record, its values come from its insertions. */
  | { kind: 'Cache'; library: CacheLibrary };

const CONTAINER_OF_TYPE = memoTable<ts.Type, ContainerType | null>('containers.ofType');
const CONTAINER_OF_SYMBOL = memoTable<ts.Symbol, ContainerType | null>('containers.ofSymbol');

/** The symbol a receiver names: `meters`, or the last name of `this.meters` / `this.nodes.all`. */
function namedSymbol(expression: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const e = skipOuter(expression);
  // `this.meters` of a field the class declares: its declaration's symbol, without typing `this`.
  const own = ts.isPropertyAccessExpression(e) ? ownMemberOf(e) : undefined;
  if (own?.name && (ts.isIdentifier(own.name) || ts.isPrivateIdentifier(own.name))) return checker.getSymbolAtLocation(own.name) ?? undefined;
  const declared = ts.isPropertyAccessExpression(e) ? declaredMemberSymbol(e, checker) : undefined;
  if (declared !== undefined) return declared ?? undefined;
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
export function isDeclaredLikeContainer(expression: ts.Expression, session: AnalysisSession): boolean {
  if (isReadOffContextualParameter(expression, session)) return false;
  const declarations = namedSymbol(expression, session.checker)?.getDeclarations() ?? [];
  return declarations.some((declaration) => {
    if (
      (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isParameter(declaration)) &&
      declaration.type
    )
      return true;
    const initializer = ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) ? declaration.initializer : undefined;
    if (!initializer) return false;
    // `Object.create(null) as Record<string, Timer>` names its type.
    if (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isTypeAssertionExpression(initializer)) return true;
    const value = skipOuter(initializer);
    // `const inner = this.byShare[shareId]`: an inner container read out of another.
    return ts.isNewExpression(value) || ts.isArrayLiteralExpression(value) || isInnerContainerRead(value);
  });
}

/**
 * `colors => colors.ansi[i] = c`: a member of a callback's parameter that has no written type. Its
 * type is the call's contextual one, and asking for it makes the checker resolve the whole call
 * (its overloads, its arguments) at the site: the costliest question an assignment could ask.
 */
function isReadOffContextualParameter(expression: ts.Expression, session: AnalysisSession): boolean {
  const e = skipOuter(expression);
  if (!ts.isPropertyAccessExpression(e)) return false;
  const root = rootOf(e);
  const parameter = ts.isIdentifier(root) ? parameterNamed(root.text, root, session) : undefined;
  if (!parameter || parameter.type) return false;
  const fn = parameter.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && (ts.isCallExpression(fn.parent) || ts.isNewExpression(fn.parent));
}

/** `x[k]`, `x.get(k)`, optionally `?? {}` / `|| []`: a value read out of a container, which may itself be one. */
export function isInnerContainerRead(expression: ts.Expression): boolean {
  let e = skipOuter(expression);
  if (isFallback(e)) e = skipOuter(e.left);
  if (ts.isElementAccessExpression(e)) return true;
  return (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(skipOuter(e.expression)) &&
    (skipOuter(e.expression) as ts.PropertyAccessExpression).name.text === 'get' &&
    e.arguments.length === 1
  );
}

/**
 * The container a receiver expression names (`this.meters`, `meters`, `this.nodes.all`): asked
 * once per declared symbol — its declared type, not the flow-narrowed type at each use — so the
 * checker does the work once for every site and every rule.
 */
export function containerTypeOf(expression: ts.Expression, session: AnalysisSession): ContainerType | undefined {
  const { checker } = session;
  const symbol = namedSymbol(expression, checker);
  if (!symbol || symbol.flags & ts.SymbolFlags.Alias) return getContainerType(checker.getTypeAtLocation(expression), session);
  return session.memo(
    CONTAINER_OF_SYMBOL,
    symbol,
    () => containerTypeOfDeclared(symbol, session) ?? getContainerType(checker.getTypeOfSymbol(symbol), session),
  );
}

/**
 * A local with no written type, read from what initializes it: `const dt = this.#disposed` has the
 * field's container type, `const starts = new ZeroArray(max)` the class's. Typing the local would
 * make the checker check the method's flow up to its declaration first.
 */
function containerTypeOfDeclared(symbol: ts.Symbol, session: AnalysisSession): ContainerType | undefined {
  const declaration = symbol.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.type || !declaration.initializer) return undefined;
  const initializer = skipOuter(declaration.initializer);
  if (ts.isPropertyAccessExpression(initializer) && skipOuter(initializer.expression).kind === ts.SyntaxKind.ThisKeyword) {
    return containerTypeOf(initializer, session);
  }
  const made = typeOfPlainNew(initializer, session.checker);
  return made && getContainerType(made, session);
}

/** There is a member of the type other than `null`, `undefined` and `void`, and each such member passes `test`: `number | undefined` for a number. */
export function everyPresentPart(type: ts.Type, test: (part: ts.Type) => boolean): boolean {
  const absent = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  const present = (type.isUnion() ? type.types : [type]).filter((part) => (part.getFlags() & absent) === 0);
  return present.length > 0 && present.every(test);
}

/** The declared type of a record's field `name` (`timer` of `{ timer?: Timeout }`: `Timeout | undefined`), on a record that may be absent. */
export function recordFieldType(recordType: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined {
  const property = checker.getNonNullableType(recordType).getProperty(name);
  return property && checker.getTypeOfSymbol(property);
}

/** Every member of the type is a string, number, boolean, bigint, `null`, `undefined` or `void`: data, never a resource. */
export function isPrimitiveLike(type: ts.Type): boolean {
  const primitive =
    ts.TypeFlags.NumberLike |
    ts.TypeFlags.StringLike |
    ts.TypeFlags.BigIntLike |
    ts.TypeFlags.BooleanLike |
    ts.TypeFlags.Null |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Void;
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.getFlags() & primitive) !== 0);
}

/** What kind of container a type is, and the type of its values. Cached per type. */
export function getContainerType(type: ts.Type, session: AnalysisSession): ContainerType | undefined {
  return session.memo(CONTAINER_OF_TYPE, type, () => computeContainerType(type, session));
}

function computeContainerType(type: ts.Type, session: AnalysisSession): ContainerType | undefined {
  const { program, checker } = session;
  if (type.isUnion()) {
    // `Map<K, V> | undefined` for optional fields.
    const present = type.types.filter((part) => !(part.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    return present.length === 1 ? getContainerType(present[0]!, session) : undefined;
  }
  if (!(type.getFlags() & ts.TypeFlags.Object)) return undefined;
  // quick-lru extends Map and expiry-map implements it: a cache library is asked first.
  const library = identifyCacheLibrary(type, session);
  if (library) return { kind: 'Cache', library };
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return element ? { kind: 'Array', protocol: CONTAINER_PROTOCOLS.Array, valueType: element } : undefined;
  }
  if (checker.isTupleType(type)) return undefined;
  for (const protocol of Object.values(CONTAINER_PROTOCOLS)) {
    if (!protocol.builtin || !isBuiltinSymbolLike(program, type, protocol.builtin.name)) continue;
    // A subclass (`class Collection<K, V> extends Map<K, V>`) names the built-in's type arguments
    // by its own parameters: its instantiated members say what they are here.
    if (type.getSymbol()?.getName() !== protocol.builtin.name) return containerByMembers(type, protocol, session);
    const [valueType, keyType] = [protocol.builtin.valueArgument, protocol.builtin.keyArgument].map((index) =>
      index === undefined ? undefined : checker.getTypeArguments(type as ts.TypeReference)[index],
    );
    return valueType ? { kind: protocol.kind, protocol, valueType, ...(keyType && { keyType }) } : undefined;
  }
  const implemented = implementedBuiltin(type, session) ?? storageContainer(type, session);
  if (implemented) return implemented;
  // An object used as a map: `Record<string, V>`, `{ [id: string]: V }`.
  const symbol = type.getSymbol();
  if (symbol && (symbol.getFlags() & ts.SymbolFlags.Class) !== 0) return undefined;
  // Any index signature: `string`, `number`, or a branded key (`[peer: PeerId]`).
  const indexType = type.getStringIndexType() ?? type.getNumberIndexType() ?? checker.getIndexInfosOfType(type)[0]?.type;
  if (indexType && type.getProperties().length === 0) return { kind: 'ObjectMap', protocol: CONTAINER_PROTOCOLS.ObjectMap, valueType: indexType };
  return undefined;
}

/**
 * A class that declares `implements Map<K, V>` (mobx's ObservableMap, an editor's ResourceMap)
 * promises Map's contract, so it is asked as one: `delete()` drops, `set()` replaces. Its key and
 * value types are read from the instance's own `get(key)` (Set: `has(value)`), already
 * instantiated for this type.
 */
function implementedBuiltin(type: ts.Type, session: AnalysisSession): ContainerType | undefined {
  const { program, checker } = session;
  const symbol = type.getSymbol();
  if (!symbol || !(symbol.getFlags() & ts.SymbolFlags.Class)) return undefined;
  const declaration = symbol.getDeclarations()?.find(ts.isClassLike);
  const clauses = declaration?.heritageClauses?.filter((clause) => clause.token === ts.SyntaxKind.ImplementsKeyword) ?? [];
  for (const node of clauses.flatMap((clause) => clause.types)) {
    const implemented = checker.getTypeFromTypeNode(node);
    const protocol = Object.values(CONTAINER_PROTOCOLS).find(({ builtin }) => builtin && isBuiltinSymbolLike(program, implemented, builtin.name));
    if (protocol?.builtin) return containerByMembers(type, protocol, session);
  }
  return undefined;
}

/** `PeerRepository<Socket>` of the program's own generic storage class: its protocol, and the type it was given for its values. */
function storageContainer(type: ts.Type, session: AnalysisSession): ContainerType | undefined {
  const storage = storageClassOf(type.getSymbol()?.valueDeclaration, session);
  if (!storage) return undefined;
  const valueType = session.checker.getTypeArguments(type as ts.TypeReference)[storage.valueParameterIndex];
  return valueType ? { kind: storage.protocol.kind, protocol: storage.protocol, valueType } : undefined;
}

/**
 * A container kind read from a type's own members, instantiated for it: keys and values from
 * `get(key)` (a Set's from `has(value)`).
 */
function containerByMembers(type: ts.Type, protocol: ContainerProtocol, session: AnalysisSession): ContainerType | undefined {
  const { checker } = session;
  const keyed = protocol.builtin?.keyArgument !== undefined;
  const member = type.getProperty(keyed ? 'get' : 'has');
  const signature = member && checker.getTypeOfSymbol(member).getCallSignatures()[0];
  const parameter = signature?.getParameters()[0];
  if (!signature || !parameter) return undefined;
  const keyType = checker.getTypeOfSymbol(parameter);
  const valueType = keyed ? checker.getNonNullableType(signature.getReturnType()) : keyType;
  return { kind: protocol.kind, protocol, valueType, ...(keyed && { keyType }) };
}
