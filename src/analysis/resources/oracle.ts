/**
 * What is a resource, and what releases it?
 *
 * Answered from the type checker, once per type for the life of a program:
 * Node's own handles by the module that declares them, rxjs subscriptions,
 * user-configured types, inference from the program's own bodies, a method with
 * a release-like name that returns nothing, `Symbol.dispose`/`Symbol.asyncDispose`,
 * and records whose fields hold resources.
 */
import { typeMatchesSomeSpecifier, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { memoTable, memoValue, type AnalysisSession } from '../session.js';
import { isHiddenFromHolders, isPrivateMember, skipOuter } from '../syntax/expressions.js';
import { BUILTIN_RESOURCES, method, NOT_RESOURCES, type BuiltinResource } from './builtins.js';
import { inferResource, writesDisposeAsAny, type InferenceHost } from './inference.js';
import { PACKAGE_HANDLES } from './packages.js';
import {
  describeRelease,
  isReleaseLikeName,
  LIFECYCLE_END_VERBS,
  RELEASE_NAMES,
  releaseNames,
  type Release,
  type Resource,
  type ResourceField,
  type UnstoppableStart,
} from './release.js';

export interface ResourceTypeOption {
  type: TypeOrValueSpecifier;
  release: string;
}

export interface ResourceOptions {
  resources: readonly ResourceTypeOption[];
  nameRules: boolean;
  inference: boolean;
}

/** Node's handles first, then the npm packages' whose release the name rules cannot tell. */
const KNOWN_HANDLES: readonly BuiltinResource[] = [...BUILTIN_RESOURCES, ...PACKAGE_HANDLES];
const MAX_RECORD_DEPTH = 2;

/** The default library's generators, which `return()` ends as their dispose does. */
const GENERATORS: ReadonlySet<string> = new Set(['Generator', 'AsyncGenerator']);

/** The method that frees a WebAssembly-allocated object. */
const WASM_FREE = 'delete';

/**
 * Answers "is this type a resource?" for one program and one set of options.
 * Every answer is cached per type, so the checker is asked once.
 */
export class ResourceOracle {
  readonly #cache = new WeakMap<ts.Type, Resource | null>();
  /** "Not a resource" found below the top, by depth: records are looked into only near the top, so such a no holds for its depth alone. */
  readonly #deepNo = new Map<number, WeakSet<ts.Type>>();
  readonly #inProgress = new Set<ts.Type>();

  readonly #inferenceHost: InferenceHost;

  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;

  constructor(
    readonly session: AnalysisSession,
    readonly options: ResourceOptions,
  ) {
    this.program = session.program;
    this.checker = session.checker;
    this.#inferenceHost = {
      session,
      releaseNamesOf: (type) => {
        const resource = this.#resourceOf(type, 1);
        return resource ? releaseNames(resource.release) : undefined;
      },
    };
  }

  resourceOf(type: ts.Type): Resource | undefined {
    return this.#resourceOf(type, 0) ?? undefined;
  }

  #resourceOf(type: ts.Type, depth: number): Resource | null {
    const cached = this.#cache.get(type);
    if (cached !== undefined) return cached;
    if (depth > 0 && this.#deepNo.get(depth)?.has(type)) return null;
    if (this.#inProgress.has(type)) return null;
    this.#inProgress.add(type);
    let result: Resource | null;
    try {
      result = this.#compute(type, depth);
    } finally {
      this.#inProgress.delete(type);
    }
    // Records are only looked into near the top; a deeper "no" must not be cached as final.
    if (result !== null || depth === 0) this.#cache.set(type, result);
    else {
      let no = this.#deepNo.get(depth);
      if (!no) this.#deepNo.set(depth, (no = new WeakSet()));
      no.add(type);
    }
    return result;
  }

  #compute(type: ts.Type, depth: number): Resource | null {
    const flags = type.getFlags();
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return null;
    if (flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.#resourceOf(constraint, depth) : null;
    }
    if (type.isUnion()) return this.#unionResource(type, depth);
    if (type.isIntersection()) {
      for (const part of type.types) {
        const resource = this.#resourceOf(part, depth);
        if (resource) return resource;
      }
      return null;
    }
    if (!(flags & ts.TypeFlags.Object)) return null;

    if (typeMatchesSomeSpecifier(type, NOT_RESOURCES, this.program)) return null;
    const builtin = this.#builtinResource(type);
    if (builtin) return builtin;
    const optional = this.#optionResource(type);
    if (optional) return optional;
    // A body in the program decides: what it acquires and which method undoes it.
    const inferred = this.options.inference ? inferResource(type, this.#inferenceHost) : undefined;
    // A class that acquires and releases nothing itself may still be a record of resources others
    // arm and clear (`class Entry { timeoutId?: NodeJS.Timeout }`).
    if (inferred?.kind === 'none') {
      // `class RepositoryNode extends SubscribeableViewNode`: adding nothing to own, it still owes what its base owes.
      const inherited = this.#inheritedResource(type, depth);
      if (inherited) return inherited;
      return depth < MAX_RECORD_DEPTH && isDataClass(type) ? this.#recordResource(type, depth, true) : null;
    }
    // Keeps a resource in a public field and never releases it: the holder releases that field.
    if (inferred?.kind === 'unreleased') {
      const held = depth < MAX_RECORD_DEPTH ? this.#recordResource(type, depth, true, inferred.fields) : null;
      if (held) return held;
      // Keeps one in a private field and never releases it: no holder can, and every drop leaks it.
      const hidden = depth < MAX_RECORD_DEPTH ? this.#hiddenResourceField(type, depth, inferred.fields) : undefined;
      if (hidden) return { typeName: this.typeName(type), release: { kind: 'unstoppable', started: hidden }, origin: 'inferred' };
    }
    if (inferred?.kind === 'unstoppable')
      return { typeName: this.typeName(type), release: { kind: 'unstoppable', started: inferred.started }, origin: 'inferred' };
    if (inferred?.kind === 'resource') {
      return {
        typeName: this.typeName(type),
        release: {
          kind: 'method',
          methods: [inferred.method, ...(inferred.alsoReleasedBy ?? [])],
          returnsPromise: inferred.returnsPromise,
          ...(inferred.takesArguments && { takesArguments: true }),
        },
        origin: 'inferred',
      };
    }
    if (this.options.nameRules) {
      const named = this.#namedMethodResource(type);
      if (named) return named;
    }
    const disposable = this.#disposableResource(type);
    if (disposable) return disposable;
    return depth < MAX_RECORD_DEPTH ? this.#recordResource(type, depth) : null;
  }

  /** The resource a base class is, named for the subclass. */
  #inheritedResource(type: ts.Type, depth: number): Resource | null {
    const target = (type as ts.TypeReference).target ?? type;
    if (!target.isClass()) return null;
    for (const base of this.checker.getBaseTypes(target) ?? []) {
      const resource = this.#resourceOf(base, depth);
      if (resource) return { ...resource, typeName: this.typeName(type) };
    }
    return null;
  }

  #unionResource(type: ts.UnionType, depth: number): Resource | null {
    let first: Resource | null = null;
    const names: string[] = [];
    let mixed = false;
    const owing: ts.Type[] = [];
    const releases: Release[] = [];
    for (const part of type.types) {
      if (part.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) continue;
      const resource = this.#resourceOf(part, depth);
      // A list of tree nodes of several classes, some of which own subscriptions: the ones that do
      // are owed. A primitive or a function beside them (`string | Timer`) is a different shape.
      if (!resource) {
        if (!isClassOrInterfaceInstance(part)) return null;
        mixed = true;
        continue;
      }
      first ??= resource;
      releases.push(resource.release);
      owing.push(part);
      if (!names.includes(resource.typeName)) names.push(resource.typeName);
    }
    // Records (`{ timer }`) are not mixed with others: their fields are read from the one type.
    if (!first || (mixed && first.release.kind === 'fields')) return null;
    const named = names.length === 1 ? first : { ...first, typeName: unionName(type, names), release: commonMethodFirst(first.release, releases) };
    if (!mixed) return named;
    const chains = owing.map((part) => this.#classNames(part));
    const coveredBy = chains[0]!.filter((name) => chains.every((chain) => chain.includes(name)));
    return { ...named, mixed: true, ...(coveredBy.length > 0 && { coveredBy }) };
  }

  /**
   * A class or interface and the ones it extends, by name (`ResultsNode`, `SubscribingNode`,
   * `AsyncGenerator`): what an `instanceof` or a type guard (`val is AsyncGenerator`) can name; none for another type.
   */
  #classNames(type: ts.Type): string[] {
    const names: string[] = [];
    for (let current: ts.Type | undefined = type; current && names.length < 8;) {
      const symbol = current.getSymbol();
      if (!symbol || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) break;
      names.push(symbol.getName());
      const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
      current = declared.isClassOrInterface() ? this.checker.getBaseTypes(declared)[0] : undefined;
    }
    return names;
  }

  /** Node handles and subclasses of them (`class Pool extends Worker`). */
  #builtinResource(type: ts.Type): Resource | null {
    for (const candidate of selfAndBaseTypes(type, this.checker)) {
      for (const builtin of KNOWN_HANDLES) {
        if (typeMatchesSomeSpecifier(candidate, [builtin.specifier], this.program)) {
          let release = builtin.release;
          if (release.kind === 'method') {
            // A driver's `end()` returns a promise in one API and takes a callback in another: asked of the type.
            if (!release.returnsPromise && this.#methodReturnsPromise(type, release.methods[0]!)) release = { ...release, returnsPromise: true };
            if (candidate !== type) release = withOwnWrappers(release, type);
          }
          return { typeName: this.typeName(type), release, origin: 'builtin' };
        }
      }
    }
    return null;
  }

  #optionResource(type: ts.Type): Resource | null {
    if (this.options.resources.length === 0) return null;
    for (const candidate of selfAndBaseTypes(type, this.checker)) {
      for (const option of this.options.resources) {
        if (typeMatchesSomeSpecifier(candidate, [option.type], this.program)) {
          const returnsPromise = this.#methodReturnsPromise(type, option.release);
          return { typeName: this.typeName(type), release: method(option.release, returnsPromise), origin: 'option' };
        }
      }
    }
    return null;
  }

  /**
   * A conventional release name on a method that takes no argument and returns nothing proves a
   * resource; the other lifecycle verbs it also has (`quit()` beside `disconnect()`) join its family.
   */
  #namedMethodResource(type: ts.Type): Resource | null {
    const methods: string[] = [];
    let returnsPromise = false;
    for (const name of RELEASE_NAMES) {
      const property = type.getProperty(name);
      if (!property) continue;
      const verdict = this.#releaseLikeSignature(property);
      if (verdict === undefined) continue;
      methods.push(name);
      if (methods.length === 1) returnsPromise = verdict === 'promise';
    }
    if (methods.length === 0 && this.#freesWasmMemory(type)) methods.push(WASM_FREE);
    if (methods.length === 0) return null;
    for (const name of LIFECYCLE_END_VERBS) {
      const property = type.getProperty(name);
      if (property && !isCallback(property) && this.checker.getTypeOfSymbol(property).getCallSignatures().length > 0) methods.push(name);
    }
    return { typeName: this.typeName(type), release: { kind: 'method', methods, returnsPromise }, origin: 'name' };
  }

  /**
   * `tree.delete()`: the explicit free of an object a WebAssembly module allocated (emscripten's
   * convention, tree-sitter's trees). Only with no parameters at all and a plain `void` result: a
   * `delete()` that takes a key, answers a boolean or returns a promise removes data instead.
   */
  #freesWasmMemory(type: ts.Type): boolean {
    const property = type.getProperty(WASM_FREE);
    const declaration = property && (property.valueDeclaration ?? property.declarations?.[0]);
    if (!property || !declaration || isCallback(property) || isHiddenFromHolders(declaration)) return false;
    const signatures = this.checker.getTypeOfSymbol(property).getCallSignatures();
    return (
      signatures.length > 0 &&
      signatures.every(
        (signature) => signature.getParameters().length === 0 && (this.checker.getReturnTypeOfSignature(signature).getFlags() & ts.TypeFlags.Void) !== 0,
      )
    );
  }

  /** A method callable with no arguments returning void, this, or a promise of void. */
  #releaseLikeSignature(property: ts.Symbol): 'sync' | 'promise' | undefined {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration || isCallback(property) || isHiddenFromHolders(declaration)) return undefined;
    const propertyType = this.checker.getTypeOfSymbol(property);
    for (const signature of propertyType.getCallSignatures()) {
      if (signature.getParameters().some((parameter) => isRequiredParameter(parameter))) continue;
      const returnType = this.checker.getReturnTypeOfSignature(signature);
      if (isVoidLike(returnType) || isThisLike(returnType, declaration, this.checker)) return 'sync';
      if (writesDisposeAsAny(declaration, returnType)) return 'sync';
      const awaited = this.#promisedType(returnType);
      if (awaited && isVoidLike(awaited)) return 'promise';
    }
    return undefined;
  }

  #methodReturnsPromise(type: ts.Type, name: string): boolean {
    const property = type.getProperty(name);
    if (!property) return false;
    return this.checker
      .getTypeOfSymbol(property)
      .getCallSignatures()
      .some((signature) => this.#promisedType(this.checker.getReturnTypeOfSignature(signature)) !== undefined);
  }

  #promisedType(type: ts.Type): ts.Type | undefined {
    const then = type.getProperty('then');
    if (!then) return undefined;
    const awaited = this.checker.getAwaitedType(type);
    return awaited && awaited !== type ? awaited : undefined;
  }

  #disposableResource(type: ts.Type): Resource | null {
    let async: boolean | undefined;
    for (const property of type.getProperties()) {
      const name = property.getEscapedName() as string;
      if (name.startsWith('__@dispose@')) {
        async = false;
        break;
      }
      if (name.startsWith('__@asyncDispose@')) async = true;
    }
    if (async === undefined) return null;
    // A generator's dispose runs its `return()`, which ends it as well.
    const generator = type.getSymbol();
    const ends = generator && GENERATORS.has(generator.getName()) && isFromDefaultLibrary(generator, this.program);
    return { typeName: this.typeName(type), release: { kind: 'dispose', async, ...(ends && { methods: ['return'] }) }, origin: 'disposable' };
  }

  /** `{ resolve, reject, timer: Timeout }`: released by releasing each field that holds a resource. */
  #recordResource(type: ts.Type, depth: number, classAsRecord = false, onlyFields?: readonly string[]): Resource | null {
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return null;
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) return null;
    const symbol = type.getSymbol();
    if (symbol && isFromDefaultLibrary(symbol, this.program)) return null;
    // A class manages its own fields (inference and the name rules judge it); records are data
    // shapes — interfaces, type literals — such as `{ resolve, reject, timer }`.
    if (symbol && (symbol.getFlags() & ts.SymbolFlags.Class) !== 0 && !classAsRecord) return null;
    const fields: ResourceField[] = [];
    for (const property of type.getProperties()) {
      if (!isPublicDataProperty(property) || (onlyFields && !onlyFields.includes(property.getName()))) continue;
      const fieldType = this.checker.getTypeOfSymbol(property);
      if (fieldType.getCallSignatures().length > 0) continue;
      // `client: PubNub` of an entity the client keeps in its own map: the holder, which no record of it owns.
      if (isHolderOf(fieldType, type, this.session)) continue;
      const resource = this.#resourceOf(fieldType, depth + 1) ?? this.#listOfResources(fieldType, depth + 1);
      // One level only: a record of records (`{ instance: { server } }`) is a graph of borrowed things.
      const mayBeNull = fieldType.isUnion() && fieldType.types.some((part) => (part.getFlags() & ts.TypeFlags.Null) !== 0);
      if (resource && resource.release.kind !== 'fields') fields.push({ name: property.getName(), resource, ...(mayBeNull && { mayBeNull: true as const }) });
    }
    if (fields.length === 0) return null;
    return { typeName: this.typeName(type), release: { kind: 'fields', fields }, origin: 'record' };
  }

  /**
   * `private readonly server = new Server(…)` in a class with no method closing it: the first of the
   * fields it fills (`fields`) that only the class can reach and that holds a handle released by a
   * method of its own. Not a timer, whose one-shot kind ends by itself.
   */
  #hiddenResourceField(type: ts.Type, depth: number, fields: readonly string[]): Extract<UnstoppableStart, { kind: 'field' }> | undefined {
    for (const property of type.getProperties()) {
      if (!fields.includes(property.getName()) || !isPrivateField(property)) continue;
      const resource = this.#resourceOf(this.checker.getTypeOfSymbol(property), depth + 1);
      if (!resource || (resource.release.kind !== 'method' && resource.release.kind !== 'dispose')) continue;
      const owner = property.valueDeclaration!.parent;
      const cls = ts.isClassLike(owner) ? owner : ts.isConstructorDeclaration(owner) ? owner.parent : undefined;
      if (cls && isOnlyUsedInPlace(cls, property.getName(), releaseNames(resource.release).methods))
        return { kind: 'field', name: property.getName(), release: describeRelease(resource.release) };
    }
    return undefined;
  }

  /** `timers: NodeJS.Timeout[]` in a record: a list each of whose elements the record's holder owes a release. */
  #listOfResources(type: ts.Type, depth: number): Resource | null {
    const list = this.checker.getNonNullableType(type);
    if (!this.checker.isArrayType(list)) return null;
    const [elementType] = this.checker.getTypeArguments(list as ts.TypeReference);
    const element = elementType && this.#resourceOf(elementType, depth);
    if (!element || element.release.kind === 'fields' || element.release.kind === 'each') return null;
    return { typeName: this.typeName(list), release: { kind: 'each', iteration: 'elements', element }, origin: element.origin };
  }

  typeName(type: ts.Type): string {
    // `Server`, not `Server<typeof IncomingMessage, typeof ServerResponse>`.
    const text = nameWithOnlyDefaultArguments(type, this.checker) ?? this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    // `export default class Call`: the class's own name, not `default`.
    if (text === 'default') return (type.getSymbol()?.valueDeclaration as ts.ClassLikeDeclaration | undefined)?.name?.text ?? 'default export';
    if (text.length <= 30) return text;
    // An anonymous record reads by its fields (`{ pipeline, lastUsedAt }`), never as `__type`.
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol?.getName() === '__type' || symbol?.getName() === '__object') {
      const names = type.getProperties().map((property) => property.getName());
      if (names.length > 0) return `{ ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''} }`;
    }
    if (text.length <= 60) return text;
    return symbol ? symbol.getName() : `${text.slice(0, 57)}...`;
  }
}

/**
 * `Server`, not `Server<typeof IncomingMessage, typeof ServerResponse>`: type arguments that are
 * each their parameter's default say nothing the name does not.
 */
function nameWithOnlyDefaultArguments(type: ts.Type, checker: ts.TypeChecker): string | undefined {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)) return undefined;
  const reference = type as ts.TypeReference;
  const parameters = reference.target.typeParameters;
  if (!parameters || parameters.length === 0) return undefined;
  const typeArguments = checker.getTypeArguments(reference);
  const defaultsOnly = parameters.every((parameter, index) => {
    const fallback = checker.getDefaultFromTypeParameter(parameter);
    return fallback !== undefined && fallback === typeArguments[index];
  });
  return defaultsOnly ? reference.target.getSymbol()?.getName() : undefined;
}

/**
 * `Writable | Readable`: the release a message names and a suggestion calls is one every member has
 * (`destroy()`, not the `end()` a `Readable` lacks); the others still count where a member has them.
 */
function commonMethodFirst(release: Release, releases: readonly Release[]): Release {
  if (release.kind !== 'method' || !releases.every((other) => other.kind === 'method')) return release;
  const common = release.methods.filter((name) => releases.every((other) => other.kind === 'method' && other.methods.includes(name)));
  if (common.length === 0 || common[0] === release.methods[0]) return release;
  return { ...release, methods: [...common, ...release.methods.filter((name) => !common.includes(name))] };
}

/**
 * A union's name in a message: its alias (`Expression`), or its owing members — the first two and
 * a count once there are more than three, so that a message stays one line.
 */
function unionName(type: ts.UnionType, names: readonly string[]): string {
  if (type.aliasSymbol) return type.aliasSymbol.getName();
  return names.length <= 3 ? names.join(' | ') : `${names.slice(0, 2).join(' | ')} | … (${names.length} types)`;
}

/** An instance of a class or interface declared somewhere (not a literal, primitive or function type). */
function isClassOrInterfaceInstance(type: ts.Type): boolean {
  const target = (type as ts.TypeReference).target ?? type;
  return (type.getFlags() & ts.TypeFlags.Object) !== 0 && target.isClassOrInterface() && type.getCallSignatures().length === 0;
}

function* selfAndBaseTypes(type: ts.Type, checker: ts.TypeChecker): Generator<ts.Type> {
  const seen = new Set<ts.Type>();
  const queue: ts.Type[] = [type];
  while (queue.length > 0 && seen.size < 32) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    yield current;
    const target = (current as ts.TypeReference).target ?? current;
    if (target.isClassOrInterface()) {
      queue.push(...(checker.getBaseTypes(target) ?? []));
    }
  }
}

function isRequiredParameter(parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration)) return false;
  return declaration.questionToken === undefined && declaration.initializer === undefined && declaration.dotDotDotToken === undefined;
}

function isVoidLike(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isVoidLike);
  return (type.getFlags() & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0;
}

/** `destroy(): this` or a method returning its own class. */
function isThisLike(type: ts.Type, declaration: ts.Declaration, checker: ts.TypeChecker): boolean {
  if ((type as { isThisType?: boolean }).isThisType) return true;
  const owner = declaration.parent;
  if (owner && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner))) {
    const ownerSymbol = owner.name ? checker.getSymbolAtLocation(owner.name) : undefined;
    return ownerSymbol !== undefined && type.getSymbol() === ownerSymbol;
  }
  return false;
}

/**
 * A function-valued field of a record or an interface (`{ resolve, reject, close }`): a callback the
 * value carries, data — not a method of the value. A class's arrow-function field is a method.
 */
function isCallback(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  if (!declaration) return false;
  if (ts.isPropertySignature(declaration)) return !isReleaseOnlyHandle(declaration.parent);
  if (ts.isShorthandPropertyAssignment(declaration)) return true;
  // `{ close: () => clearInterval(t) }` written in place is a method of the literal; `{ close: onClose }` carries a callback.
  return (
    ts.isPropertyAssignment(declaration) &&
    !ts.isArrowFunction(skipOuterExpression(declaration.initializer)) &&
    !ts.isFunctionExpression(skipOuterExpression(declaration.initializer))
  );
}

/**
 * `interface Subscription { unsubscribe: () => void }`: a type made of nothing but its own release
 * functions is a handle to release, whichever way its members are written. A record that also
 * carries data or other callbacks (`{ resolve, reject, close }`) carries them as data.
 */
function isReleaseOnlyHandle(declaration: ts.Node): boolean {
  const members =
    ts.isInterfaceDeclaration(declaration) && !declaration.heritageClauses
      ? declaration.members
      : ts.isTypeLiteralNode(declaration)
        ? declaration.members
        : undefined;
  return (
    members !== undefined &&
    members.length > 0 &&
    members.every(
      (member) =>
        (ts.isPropertySignature(member) || ts.isMethodSignature(member)) &&
        !member.questionToken &&
        ts.isIdentifier(member.name) &&
        HANDLE_MEMBER_NAMES.has(member.name.text) &&
        (ts.isMethodSignature(member) || (member.type !== undefined && (ts.isFunctionTypeNode(member.type) || ts.isTypeReferenceNode(member.type)))),
    )
  );
}

const HANDLE_MEMBER_NAMES: ReadonlySet<string> = new Set([...RELEASE_NAMES, ...LIFECYCLE_END_VERBS]);

/** A class with fields and nothing else (no method, accessor or function field): a record with a name. */
function isDataClass(type: ts.Type): boolean {
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every(
      (declaration) =>
        ts.isClassLike(declaration) &&
        declaration.members.every(
          (member) =>
            ts.isConstructorDeclaration(member) ||
            (ts.isPropertyDeclaration(member) &&
              !(
                member.initializer &&
                (ts.isArrowFunction(skipOuterExpression(member.initializer)) || ts.isFunctionExpression(skipOuterExpression(member.initializer)))
              )),
        ),
    )
  );
}

function skipOuterExpression(expression: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)
    ? skipOuterExpression(expression.expression)
    : expression;
}

/**
 * `this.server.connect(port)` in the class's body, never `this.server.close()`, `return this.server`
 * or `register(this.server)`: a field its class only uses where it sits, so nothing ever releases
 * it (a method not named like a release, `leave() { this.moderation.dispose() }`, may).
 */
function isOnlyUsedInPlace(cls: ts.ClassLikeDeclaration, field: string, releases: ReadonlySet<string>): boolean {
  let inPlace = true;
  const visit = (node: ts.Node): void => {
    if (!inPlace) return;
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === field) {
      let use: ts.Node = node;
      while (ts.isNonNullExpression(use.parent) || ts.isParenthesizedExpression(use.parent)) use = use.parent;
      const member = use.parent;
      const called = ts.isPropertyAccessExpression(member) && member.expression === use ? member.name.text : undefined;
      const isWrite = ts.isBinaryExpression(member) && member.left === use && member.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if (!isWrite && (called === undefined || releases.has(called))) inPlace = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const member of cls.members) visit(member);
  return inPlace;
}

/** `private x`, `#x`, `constructor(private x)`: a field only its class reaches. */
function isPrivateField(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration;
  return declaration !== undefined && (ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) && isPrivateMember(declaration);
}

function isPublicDataProperty(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration;
  if (!declaration) return true;
  if (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration) || ts.isGetAccessor(declaration)) return false;
  const name = ts.getNameOfDeclaration(declaration);
  if (name && ts.isPrivateIdentifier(name)) return false;
  const modifiers = ts.canHaveModifiers(declaration) ? ts.getModifiers(declaration) : undefined;
  return !modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
}

const NAMES_IN_MEMBER_TYPES = memoTable<ts.Node, ReadonlySet<string>>('resources.namesInMemberTypes');

/**
 * A field type that is a class or interface of the program whose own members are declared with the
 * record's type (`entities: Record<string, EntityInterface>` in the class an entity's `client`
 * names): a reference back to what holds the record. Read from the members' written types, so the
 * holder is never inferred for it.
 */
function isHolderOf(fieldType: ts.Type, record: ts.Type, session: AnalysisSession): boolean {
  const recordName = record.aliasSymbol?.getName() ?? record.getSymbol()?.getName();
  if (recordName === undefined || recordName.startsWith('__')) return false;
  const parts = fieldType.isUnion() ? fieldType.types : [fieldType];
  return parts.some((part) =>
    (part.getSymbol()?.getDeclarations() ?? []).some(
      (declaration) =>
        (ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration)) &&
        !declaration.getSourceFile().isDeclarationFile &&
        session.memo(NAMES_IN_MEMBER_TYPES, declaration, () => namesInMemberTypes(declaration))?.has(recordName) === true,
    ),
  );
}

/** Every type name the members of a class or interface are declared with (`Map<string, Entity>` gives `Map` and `Entity`). */
function namesInMemberTypes(declaration: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) names.add(ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text);
    ts.forEachChild(node, visit);
  };
  for (const member of declaration.members) {
    const type = ts.isPropertyDeclaration(member) || ts.isPropertySignature(member) ? member.type : undefined;
    if (type) visit(type);
  }
  return names;
}

function isFromDefaultLibrary(symbol: ts.Symbol, program: ts.Program): boolean {
  return (symbol.declarations ?? []).some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
}

const ORACLES = memoValue('resources.oracles', () => new Map<string, ResourceOracle>());

/** One oracle per program and option set, shared by every file and rule linted with that program. */
export function getResourceOracle(session: AnalysisSession, options: ResourceOptions): ResourceOracle {
  const byOptions = session.value(ORACLES);
  const key = JSON.stringify(options);
  let oracle = byOptions.get(key);
  if (!oracle) byOptions.set(key, (oracle = new ResourceOracle(session, options)));
  return oracle;
}

/**
 * `class ProducerStream extends Writable { close(cb) { this.end(cb) } }`: a subclass's own
 * release-named method that runs the base's release joins the family, named after the base's.
 */
function withOwnWrappers(release: Release & { kind: 'method' }, type: ts.Type): Release {
  const declaration = type
    .getSymbol()
    ?.getDeclarations()
    ?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
  if (!declaration || declaration.getSourceFile().isDeclarationFile) return release;
  const base = new Set(release.methods);
  const wrappers = declaration.members.flatMap((member) => {
    if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name) || base.has(member.name.text) || !isReleaseLikeName(member.name.text))
      return [];
    const runsBase = (node: ts.Node): boolean =>
      (ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(skipOuter(node.expression)) &&
        skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression).kind === ts.SyntaxKind.ThisKeyword &&
        base.has((skipOuter(node.expression) as ts.PropertyAccessExpression).name.text)) ||
      ts.forEachChild(node, runsBase) === true;
    return runsBase(member.body) ? [member.name.text] : [];
  });
  return wrappers.length === 0 ? release : { ...release, methods: [...release.methods, ...new Set(wrappers)] };
}
