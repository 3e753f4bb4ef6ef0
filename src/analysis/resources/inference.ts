/**
 * Know a resource from its code: a class (or a factory's object literal) whose body is
 * in the program acquires something — starts a timer it keeps, adds itself to a
 * collection that outlives it, subscribes to an emitter it does not own, keeps a handle
 * or another resource in a field — and a method undoes it. That method is its release,
 * whatever its name. A visible body that acquires nothing makes the type no resource,
 * even with a `stop()`.
 *
 * Answered once per declaration per program, from the declarations alone (no scan of
 * the program): the class and its base classes, the factory that returns the literal,
 * and for interfaces the classes of the same file that implement them.
 */
import ts from 'typescript';

import { memoTable, memoValue, type AnalysisSession } from '../session.js';
import { calledMethodName, calleeName, canonical, isFunctionLike, isHiddenFromHolders, isStaticMember, skipOuter, writesPath } from '../syntax/expressions.js';
import { baseClassOf } from '../syntax/hierarchy.js';
import {
  acquisitionsIn,
  acquisitionsOfAssignment,
  fieldsMadeHere,
  MAX_CALL_DEPTH,
  methodsCalledBy,
  REGISTER,
  releaseEvidence,
  SUBSCRIBE,
  TIMER_STARTS,
  undoneBy,
  type Acquisition,
  type InferenceHost,
} from './acquisitions.js';
import { isReleaseLikeName, RELEASE_NAMES, releaseNameRank, TERMINAL_NAMES, type UnstoppableStart } from './release.js';

export type { InferenceHost } from './acquisitions.js';

export type Inference =
  /** A resource, released by `method`. */
  | {
      kind: 'resource';
      method: string;
      /** Other methods that undo the same acquisitions (a private implementation behind a public `kill()`). */
      alsoReleasedBy?: readonly string[];
      /** The release needs arguments (`hangup(reason)`): named, never suggested. */
      takesArguments?: boolean;
      returnsPromise: boolean;
    }
  /** The body is visible and acquires nothing: not a resource, whatever its methods are called. */
  | { kind: 'none' }
  /** It keeps things in these fields that none of its methods undoes: whoever holds it must (`term.term.dispose()`). */
  | { kind: 'unreleased'; fields: readonly string[] }
  /**
   * Its constructor starts what none of its methods can end: an interval it keeps no handle to
   * (`setInterval(() => this.tick(), 1000)`), or a listener on the process or the page no method
   * removes (`process.on('exit', () => this.flush())`).
   */
  | { kind: 'unstoppable'; started: UnstoppableStart };

const MAX_CHAIN = 12;

const INFERENCES = memoTable<ts.Node, Inference | null>('resources.inference');
const IMPLEMENTATIONS = memoTable<ts.SourceFile, ReadonlyMap<string, readonly ts.ClassDeclaration[]> | null>('resources.implementations');
/** Declarations being inferred right now: a class whose field holds its own type is not asked twice. */
const IN_PROGRESS = memoValue('resources.inferenceInProgress', () => new Set<ts.Node>());

/** Inference for a type, or undefined when no body is visible (declaration files, plain interfaces). */
export function inferResource(type: ts.Type, host: InferenceHost): Inference | undefined {
  const symbol = type.getSymbol();
  if (!symbol) return undefined;
  for (const declaration of symbol.getDeclarations() ?? []) {
    if (!isInProgram(declaration, host.session.program)) continue;
    if (ts.isClassLike(declaration) || ts.isObjectLiteralExpression(declaration)) return inferDeclaration(declaration, host);
    if (ts.isInterfaceDeclaration(declaration)) return inferInterface(declaration, host);
  }
  return undefined;
}

/** A body the program wrote: not a declaration file, not a library, not `declare class`. */
function isInProgram(node: ts.Node, program: ts.Program): boolean {
  const file = node.getSourceFile();
  if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) return false;
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return false;
  }
  return true;
}

function inferDeclaration(declaration: ts.ClassLikeDeclaration | ts.ObjectLiteralExpression, host: InferenceHost): Inference | undefined {
  const byNode = host.session.table(INFERENCES);
  const inProgress = host.session.value(IN_PROGRESS);
  const cached = byNode.get(declaration);
  if (cached !== undefined) return cached ?? undefined;
  if (inProgress.has(declaration)) return undefined;
  inProgress.add(declaration);
  let result: Inference | undefined;
  try {
    result = ts.isClassLike(declaration) ? inferClass(declaration, host) : inferLiteral(declaration, host);
  } finally {
    inProgress.delete(declaration);
  }
  byNode.set(declaration, result ?? null);
  return result;
}

// ---------------------------------------------------------------------------
// Classes

function inferClass(declaration: ts.ClassLikeDeclaration, host: InferenceHost): Inference | undefined {
  const { chain, declaredBase } = classChain(declaration, host.session.checker);
  const acquisitions: Acquisition[] = [];
  const methods = new Map<string, ts.FunctionLikeDeclaration>();
  // Subclass methods first: an override wins over the base's.
  for (const cls of chain) {
    for (const member of cls.members) {
      const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (name === undefined || methods.has(name)) continue;
      const fn = ts.isMethodDeclaration(member)
        ? member
        : ts.isPropertyDeclaration(member) && member.initializer && isArrowOrFunction(member.initializer)
          ? skipOuter(member.initializer)
          : undefined;
      if (fn && isFunctionLike(fn) && fn.body) methods.set(name, fn);
    }
  }
  // `class Manager extends vscode.Disposable { constructor() { super(() => this.tracker.dispose()) } }`:
  // a base declared outside the program runs the callback it is given from its own `dispose()`.
  const callback = declaredBase && callbackGivenToBase(chain[chain.length - 1]!, declaredBase);
  if (callback) for (const name of callback.runBy) if (!methods.has(name)) methods.set(name, callback.fn);
  const owned = fieldsMadeHere(chain);
  // The fields the chain declares, subclass first (an override wins), for `this.x = …` to find its declared type.
  const fields = new Map<string, ts.PropertyDeclaration>();
  for (const cls of chain)
    for (const member of cls.members)
      if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && !fields.has(member.name.text) && !isStaticMember(member))
        fields.set(member.name.text, member);
  for (const cls of chain) {
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer && member.name && ts.isIdentifier(member.name) && !isStaticMember(member)) {
        acquisitions.push(...acquisitionsOfAssignment(`this.${member.name.text}`, member.initializer, host, () => member));
      }
      if (ts.isConstructorDeclaration(member) && member.body) {
        acquisitions.push(...acquisitionsIn(member.body, host, methods, 0, owned, fields));
      }
    }
  }
  // A `start()` / `connect()` that keeps a timer or a handle in a field makes a started object a
  // resource too. Registrations and listeners made by other methods are left out: objects of a
  // graph (reactive nodes, trees) link and unlink themselves as they work, and own nothing by it.
  // What a method starts for a listener it is given (`addListener(fn)` arming a watch timer while
  // anyone listens) is stopped by that listener's removal: the registrant's to undo, not the holder's.
  let listenerMethods: ReadonlySet<string> | undefined;
  for (const [name, fn] of methods) {
    if (!fn.body || isStaticMember(fn)) continue;
    const kept = acquisitionsIn(fn.body, host, methods, MAX_CALL_DEPTH, owned, fields).filter((a) => a.key.startsWith('field:'));
    if (kept.length === 0 || (listenerMethods ??= runOnlyForListeners(methods, host.session.checker)).has(name)) continue;
    acquisitions.push(...kept.map((a) => ({ ...a, by: name })));
  }
  if (acquisitions.length > 0) {
    const decided = decide(acquisitions, methods, host);
    return decided
      ? withConventionalReleases(decided, methods, acquisitions, host)
      : (ownRelease(methods, host) ?? unreleased(acquisitions) ?? listenersNothingRemoves(acquisitions));
  }
  // Nothing acquired in sight: the acquisition may happen elsewhere (a factory that registers the
  // product, a base class, another module). A release-named method that undoes something — removes
  // the object from a collection, clears a timer or closes a handle held in a field, unsubscribes —
  // proves it; without one the visible body owns nothing.
  // Only a release-named method can prove it, itself or through the methods it runs: the others'
  // bodies are not read (their fields' types can be large generic clients, costly to ask about).
  const releasing = withMethodsTheyCall(
    [...methods].filter(([name, fn]) => isReleaseLikeName(name) && !ts.isConstructorDeclaration(fn)),
    methods,
  );
  const evidence = releasing.size === 0 ? [] : releaseEvidence(releasing, host);
  // `constructor() { setInterval(() => this.broadcast(), 1000) }`: an interval no method can clear.
  const nothing = (): Inference => (chain.some(startsUnkeptInterval) ? { kind: 'unstoppable', started: { kind: 'interval' } } : { kind: 'none' });
  return (evidence.length > 0 ? decide(evidence, methods, host, isReleaseLikeName) : undefined) ?? nothing();
}

/**
 * `setInterval(…)` or `setInterval(…).unref()` as a statement of the class's constructor (not of a
 * function it defines): the interval runs for as long as the process, whatever becomes of the object.
 */
function startsUnkeptInterval(cls: ts.ClassLikeDeclaration): boolean {
  const constructor = cls.members.find(ts.isConstructorDeclaration);
  if (!constructor?.body) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isExpressionStatement(node)) {
      let e = skipOuter(node.expression);
      while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(skipOuter(e.expression)) && ['unref', 'ref'].includes(calledMethodName(e) ?? ''))
        e = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
      found = ts.isCallExpression(e) && calleeName(e) === 'setInterval';
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(constructor.body, visit);
  return found;
}

/**
 * `close()` beside the `receivedEose()` that clears the timer: a public method with a conventional
 * release name that undoes something of its own (takes the object out of its parent's collection,
 * unsubscribes, closes a field) is the release its holders call. It joins the family, and names the
 * release when the method chosen is not named like one. What it leaves running is the class's own
 * leak, as with ownRelease.
 */
function withConventionalReleases(
  decided: Inference,
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  acquisitions: readonly Acquisition[],
  host: InferenceHost,
): Inference {
  if (decided.kind !== 'resource') return decided;
  const family = new Set([decided.method, ...(decided.alsoReleasedBy ?? [])]);
  const conventional = [...methods]
    .filter(([name, fn]) => !family.has(name) && RELEASE_NAMES.includes(name) && !isHiddenMember(fn) && !ts.isConstructorDeclaration(fn))
    .filter((entry) => releaseEvidence(withMethodsTheyCall([entry], methods), host).length > 0 && returnsNothing(entry[1], host.session.checker))
    .sort(([a], [b]) => releaseNameRank(a) - releaseNameRank(b));
  // `dispose() { this.server = undefined }` beside the `shutdown()` that closes the server: a terminal
  // name the class offers its holders, letting go of a field that holds what it acquired, ends the
  // value for them though it releases nothing; what it leaves running is the class's own leak, as
  // with ownRelease. One that only sets a flag ends nothing. It never names the release.
  const acquiredFields = new Set(acquisitions.flatMap((a) => (a.key.startsWith('field:this.') ? [a.key.slice('field:this.'.length)] : [])));
  const declared = [...methods]
    .filter(([name]) => !family.has(name) && TERMINAL_NAMES.has(name) && !conventional.some(([other]) => other === name))
    .filter(([, fn]) => !isHiddenMember(fn) && !needsArguments(fn) && returnsNothing(fn, host.session.checker))
    .filter((entry) => [...withMethodsTheyCall([entry], methods).values()].some((fn) => [...acquiredFields].some((field) => writesPath(fn, `this.${field}`))))
    .map(([name]) => name);
  const [first] = conventional;
  if (!first) return declared.length > 0 ? { ...decided, alsoReleasedBy: [...(decided.alsoReleasedBy ?? []), ...declared] } : decided;
  const names = [...conventional.map(([name]) => name), ...declared];
  if (isReleaseLikeName(decided.method)) return { ...decided, alsoReleasedBy: [...(decided.alsoReleasedBy ?? []), ...names] };
  const [name, fn] = first;
  return {
    kind: 'resource',
    method: name,
    alsoReleasedBy: [...family, ...names.slice(1)],
    ...(needsArguments(fn) && { takesArguments: true }),
    returnsPromise: isAsyncOrPromise(fn, host.session.checker),
  };
}

/** The methods given, and those of the class they run (`this.x()`), by name: the bodies a release can prove itself by. */
function withMethodsTheyCall(
  entries: readonly (readonly [string, ts.FunctionLikeDeclaration])[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
): Map<string, ts.FunctionLikeDeclaration> {
  const found = new Map(entries);
  for (const [, fn] of entries) for (const name of methodsCalledBy(fn, methods)) found.set(name, methods.get(name)!);
  return found;
}

/** Neither optional, defaulted nor rest: a call must pass it. */
function isRequired(parameter: ts.ParameterDeclaration): boolean {
  return !parameter.questionToken && !parameter.initializer && !parameter.dotDotDotToken;
}

/** Calling the method needs an argument. */
function needsArguments(fn: ts.FunctionLikeDeclaration): boolean {
  return fn.parameters.some(isRequired);
}

/** A required parameter that is a function: the method registers or removes a listener. */
function takesListener(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): boolean {
  return fn.parameters.some(
    (parameter) => isRequired(parameter) && checker.getNonNullableType(checker.getTypeAtLocation(parameter)).getCallSignatures().length > 0,
  );
}

/**
 * The methods that run only for a listener: those given one (`addCaListener(listener)`), and the
 * private ones (`maybeStartWatching()`) that no other method callers can call reaches.
 */
function runOnlyForListeners(methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>, checker: ts.TypeChecker): ReadonlySet<string> {
  const listening = new Set<string>();
  const reachedByListeners = new Set<string>();
  const reachedByOthers = new Set<string>();
  for (const [name, fn] of methods) {
    if (isHiddenMember(fn) || ts.isConstructorDeclaration(fn)) continue;
    const reached = methodsCalledBy(fn, methods);
    if (takesListener(fn, checker)) {
      listening.add(name);
      for (const called of reached) reachedByListeners.add(called);
    } else for (const called of [name, ...reached]) reachedByOthers.add(called);
  }
  for (const name of reachedByListeners) if (!reachedByOthers.has(name) && isHiddenMember(methods.get(name)!)) listening.add(name);
  return listening;
}

/**
 * A class that acquires what none of its methods undoes, but offers a release of its own
 * (`dispose()`, callable without arguments, returning nothing): its holders owe that release, and
 * what it leaves running is the class's own leak, not theirs.
 */
function ownRelease(methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>, host: InferenceHost): Inference | undefined {
  const named = [...methods].filter(
    ([name, fn]) => RELEASE_NAMES.includes(name) && !isHiddenMember(fn) && !needsArguments(fn) && returnsNothing(fn, host.session.checker),
  );
  const best = named.sort(([a], [b]) => releaseNameRank(a) - releaseNameRank(b))[0];
  if (!best) return undefined;
  const [method, fn] = best;
  return { kind: 'resource', method, returnsPromise: isAsyncOrPromise(fn, host.session.checker) };
}

/** Emitters that live as long as the process or the page: a listener left on one keeps its object for good. */
const LASTING_EMITTERS: ReadonlySet<string> = new Set(['process', 'window', 'document', 'globalThis', 'self']);

/**
 * `constructor() { process.on('exit', () => this.flush()) }` with no method removing it: every
 * acquisition is a listener on the process or the page, which nothing undoes.
 */
function listenersNothingRemoves(acquisitions: readonly Acquisition[]): Inference | undefined {
  const emitters = new Set(acquisitions.map((acquisition) => (acquisition.key.startsWith('listener:') ? acquisition.key.slice('listener:'.length) : '')));
  const [emitter] = emitters;
  return emitters.size === 1 && emitter !== undefined && LASTING_EMITTERS.has(emitter)
    ? { kind: 'unstoppable', started: { kind: 'listener', on: emitter } }
    : undefined;
}

/** The fields a class fills that nothing in it undoes, or undefined when it acquires in other ways too. */
function unreleased(acquisitions: readonly Acquisition[]): Inference | undefined {
  const fields = [...new Set(acquisitions.map((acquisition) => acquisition.key))];
  if (!fields.every((key) => key.startsWith('field:this.'))) return undefined;
  return { kind: 'unreleased', fields: fields.map((key) => key.slice('field:this.'.length)) };
}

function classChain(
  declaration: ts.ClassLikeDeclaration,
  checker: ts.TypeChecker,
): { chain: ts.ClassLikeDeclaration[]; declaredBase?: ts.ClassLikeDeclaration } {
  const chain: ts.ClassLikeDeclaration[] = [declaration];
  let current: ts.ClassLikeDeclaration | undefined = declaration;
  while (current && chain.length < MAX_CHAIN) {
    const baseDeclaration = baseClassOf(current, checker);
    if (!baseDeclaration || chain.includes(baseDeclaration)) break;
    // A base declared outside the program (VS Code's `Disposable`) ends the chain; its methods have no bodies.
    if (baseDeclaration.getSourceFile().isDeclarationFile) return { chain, declaredBase: baseDeclaration };
    chain.push(baseDeclaration);
    current = baseDeclaration;
  }
  return { chain };
}

/** The function `top` hands the constructor of its base declared outside the program, and the base's release-named methods that run it. */
function callbackGivenToBase(top: ts.ClassLikeDeclaration, base: ts.ClassLikeDeclaration): { fn: ts.FunctionLikeDeclaration; runBy: string[] } | undefined {
  const runBy = base.members.flatMap((member) =>
    ts.isMethodDeclaration(member) && ts.isIdentifier(member.name) && isReleaseLikeName(member.name.text) ? [member.name.text] : [],
  );
  const constructor = top.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member));
  const superCall = constructor?.body?.statements
    .map((statement) => (ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined))
    .find((e): e is ts.CallExpression => e !== undefined && ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
  const [given] = superCall?.arguments ?? [];
  const fn = given && skipOuter(given);
  return fn && isArrowOrFunction(fn) && runBy.length > 0 ? { fn: fn as ts.FunctionLikeDeclaration, runBy } : undefined;
}

function isArrowOrFunction(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** The method that undoes the most of what the body acquires; ties go to conventional names. */
function decide(
  acquisitions: readonly Acquisition[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  host: InferenceHost,
  mayRelease: (name: string) => boolean = () => true,
): Inference | undefined {
  if (acquisitions.length === 0) return { kind: 'none' };
  const candidates: { name: string; fn: ts.FunctionLikeDeclaration; undone: Set<string>; hidden: boolean; takesArguments: boolean }[] = [];
  for (const [name, fn] of methods) {
    if (ts.isConstructorDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) continue;
    const undone = new Set(undoneBy(fn, acquisitions, methods, host));
    // `restart() { clearInterval(this.t); this.t = setInterval(…) }` re-acquires what it undoes,
    // itself or through a method it calls (`onOpen() { this.resetPingTimeout() }`).
    const reached = methodsCalledBy(fn, methods);
    for (const acquisition of acquisitions)
      if (acquisition.by === name || (acquisition.by !== undefined && reached.has(acquisition.by))) undone.delete(acquisition.key);
    if (undone.size === 0) continue;
    // A release returns nothing (or itself, or a promise of nothing): a method that returns data
    // reads. Asked last: the checker's answer is needed only for a method that undoes something.
    if (!returnsNothing(fn, host.session.checker)) continue;
    const takesArguments = needsArguments(fn);
    candidates.push({ name, fn, undone, hidden: isHiddenMember(fn), takesArguments });
  }
  // The method that undoes the most; on a tie one callers can call (not private), then a conventional name.
  // A method named like a release first (the message names it: never `_maybeUpgrade()` or
  // `answer()`), then the one that undoes the most; on a tie one callers can call (not private),
  // then one that needs no arguments (a suggestion can write it), then a conventional name.
  const rankOf = (candidate: (typeof candidates)[number]): number[] => [
    Number(!isReleaseLikeName(candidate.name)),
    -candidate.undone.size,
    Number(candidate.hidden),
    Number(candidate.takesArguments),
    releaseNameRank(candidate.name),
  ];
  const before = (a: number[], b: number[]): boolean => {
    const index = a.findIndex((value, i) => value !== b[i]);
    return index >= 0 && a[index]! < b[index]!;
  };
  // `mayRelease` decides which methods can prove the obligation and name the release; any other
  // method that undoes exactly as much joins the family (`_onclose(reason)` beside `disconnect()`).
  // Only a method its holders can call is a release they owe: a private one is the class's own business.
  const best = candidates
    .filter((candidate) => mayRelease(candidate.name) && !candidate.hidden)
    .reduce<(typeof candidates)[number] | undefined>(
      (current, candidate) => (!current || before(rankOf(candidate), rankOf(current)) ? candidate : current),
      undefined,
    );
  // Acquires, but nothing undoes it: leave the decision to the other rules.
  if (!best) return undefined;
  const alsoReleasedBy = candidates.filter((candidate) => candidate !== best && sameKeys(candidate.undone, best.undone)).map((candidate) => candidate.name);
  const returnsPromise = isAsyncOrPromise(best.fn, host.session.checker);
  return {
    kind: 'resource',
    method: best.name,
    ...(alsoReleasedBy.length > 0 && { alsoReleasedBy }),
    ...(best.takesArguments && { takesArguments: true }),
    returnsPromise,
  };
}

function sameKeys(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/** `private`, `#name` or `protected`: the holders of an instance cannot call it. */
function isHiddenMember(fn: ts.FunctionLikeDeclaration): boolean {
  const member = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  return (ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member)) && isHiddenFromHolders(member);
}

/** VS Code's convention: `dispose(): any`, the `any` written out — a release, whatever it returns. */
export function writesDisposeAsAny(declaration: ts.Declaration, returned: ts.Type): boolean {
  return (
    (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration)) &&
    declaration.type !== undefined &&
    declaration.name.getText() === 'dispose' &&
    (returned.getFlags() & ts.TypeFlags.Any) !== 0
  );
}

function returnsNothing(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): boolean {
  const signature = checker.getSignatureFromDeclaration(fn);
  if (!signature) return false;
  const returned = checker.getReturnTypeOfSignature(signature);
  if (writesDisposeAsAny(fn, returned)) return true;
  // `Promise.all(items.map((item) => item.dispose()))` gathers the nothing each release returns;
  // `close(callback?): void | Promise<void>` returns nothing, or a promise of it when no callback is given.
  const nothing = (type: ts.Type, depth = 0): boolean => {
    if (type.isUnion()) return type.types.every((part) => nothing(part, depth));
    if (
      (type.getFlags() & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0 ||
      (type as { isThisType?: boolean }).isThisType === true ||
      ((checker.isArrayType(type) || checker.isTupleType(type)) && checker.getTypeArguments(type as ts.TypeReference).every((part) => nothing(part, depth)))
    )
      return true;
    const awaited = depth < 2 && type.getProperty('then') ? checker.getAwaitedType(type) : undefined;
    return awaited !== undefined && awaited !== type && nothing(awaited, depth + 1);
  };
  return nothing(returned);
}

function isAsyncOrPromise(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): boolean {
  if ((ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0) return true;
  const signature = checker.getSignatureFromDeclaration(fn);
  const returnType = signature && checker.getReturnTypeOfSignature(signature);
  // `void | Promise<void>`: a promise when called without a callback, as a suggestion calls it.
  const parts = returnType?.isUnion() ? returnType.types : returnType ? [returnType] : [];
  return parts.some((part) => part.getProperty('then') !== undefined);
}

// ---------------------------------------------------------------------------
// Factories returning object literals

/** `function createX() { const t = setInterval(…); return { stop() { clearInterval(t) } } }` */
function inferLiteral(literal: ts.ObjectLiteralExpression, host: InferenceHost): Inference | undefined {
  const factory = factoryOf(literal);
  if (!factory?.body) return undefined;
  const productNames = new Set<string>();
  if (ts.isVariableDeclaration(literal.parent) && ts.isIdentifier(literal.parent.name)) productNames.add(literal.parent.name.text);
  const acquisitions: Acquisition[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== factory.body && isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = skipOuter(node.initializer);
      if (ts.isCallExpression(init) && TIMER_STARTS.has(calleeName(init) ?? '')) {
        acquisitions.push({ key: `timer:${node.name.text}` });
      } else if (!ts.isObjectLiteralExpression(init) && !isArrowOrFunction(init)) {
        const names = host.releaseNamesOf(host.session.checker.getTypeAtLocation(init));
        if (names) acquisitions.push({ key: `field:${node.name.text}` });
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = canonical(callee.expression)?.text;
        if (receiver && SUBSCRIBE.has(method)) acquisitions.push({ key: `listener:${receiver}` });
        const addsProduct = node.arguments.some((argument) => {
          const e = skipOuter(argument);
          return e === literal || (ts.isIdentifier(e) && productNames.has(e.text));
        });
        if (receiver && REGISTER.has(method) && addsProduct) acquisitions.push({ key: `collection:${receiver}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(factory.body);
  const methods = new Map<string, ts.FunctionLikeDeclaration>();
  for (const property of literal.properties) {
    const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
    if (name === undefined) continue;
    if (ts.isMethodDeclaration(property) && property.body) methods.set(name, property);
    else if (ts.isPropertyAssignment(property) && isArrowOrFunction(property.initializer))
      methods.set(name, skipOuter(property.initializer) as ts.FunctionLikeDeclaration);
  }
  // Locals of the factory play the part of fields: `clearInterval(t)`, `t.close()` undo them.
  return decide(acquisitions, methods, host);
}

function factoryOf(literal: ts.ObjectLiteralExpression): ts.FunctionLikeDeclaration | undefined {
  let current: ts.Node = literal.parent;
  // `return { … }`, `return api` after `const api = { … }`, or an arrow's body.
  while (current && (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current))) current = current.parent;
  if (ts.isReturnStatement(current) || ts.isVariableDeclaration(current)) {
    let node: ts.Node | undefined = current;
    while (node && !isFunctionLike(node)) node = node.parent;
    return node as ts.FunctionLikeDeclaration | undefined;
  }
  if (ts.isArrowFunction(current) && current.body === literal) return current;
  return undefined;
}

// ---------------------------------------------------------------------------
// Interfaces

/** An interface takes what the classes of its own file that implement it say. */
function inferInterface(declaration: ts.InterfaceDeclaration, host: InferenceHost): Inference | undefined {
  const name = declaration.name.text;
  const implementations = implementationsIn(declaration.getSourceFile(), host.session).get(name) ?? [];
  // A `declare class` shows no body: the interface's answer would be a guess.
  if (implementations.length === 0 || implementations.some((implementation) => !isInProgram(implementation, host.session.program))) return undefined;
  // A composite (`class Node implements Disposable { private sub: Disposable }`) is judged by what
  // the interface is, so it cannot be what decides the interface.
  if (implementations.some((implementation) => holdsItsOwnInterface(implementation, name))) return undefined;
  const answers = implementations.map((implementation) => inferDeclaration(implementation, host));
  if (answers.some((answer) => answer === undefined || answer.kind === 'unreleased' || answer.kind === 'unstoppable')) return undefined;
  const resources = answers.filter((answer): answer is Inference & { kind: 'resource' } => answer?.kind === 'resource');
  if (resources.length === 0) return { kind: 'none' };
  const [first] = resources;
  // Only when every implementation that acquires is released the same way; and the interface declares it.
  if (!resources.every((resource) => resource.method === first!.method)) return undefined;
  if (!declaration.members.some((member) => member.name?.getText() === first!.method)) return undefined;
  return first;
}

/** The classes of a file by the names of the interfaces they implement: one walk per file, not one per interface asked. */
function implementationsIn(file: ts.SourceFile, session: AnalysisSession): ReadonlyMap<string, readonly ts.ClassDeclaration[]> {
  return session.memo(IMPLEMENTATIONS, file, (): ReadonlyMap<string, readonly ts.ClassDeclaration[]> => {
    const byInterface = new Map<string, ts.ClassDeclaration[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node)) {
        for (const clause of node.heritageClauses ?? []) {
          if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
          for (const implemented of clause.types) {
            const name = implemented.expression.getText();
            const list = byInterface.get(name);
            if (list) list.push(node);
            else byInterface.set(name, [node]);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return byInterface;
  })!;
}

/** A field (or parameter property) of the class is typed with the interface it implements, or made as a container of it (`= new Map<string, Disposable>()`). */
function holdsItsOwnInterface(implementation: ts.ClassLikeDeclaration, name: string): boolean {
  const word = new RegExp(`\\b${name}\\b`);
  const typed = (node: ts.PropertyDeclaration | ts.ParameterDeclaration): boolean => {
    if (node.type) return word.test(node.type.getText());
    const made = node.initializer && skipOuter(node.initializer);
    return made !== undefined && ts.isNewExpression(made) && (made.typeArguments?.some((argument) => word.test(argument.getText())) ?? false);
  };
  return implementation.members.some(
    (member) =>
      (ts.isPropertyDeclaration(member) && typed(member)) ||
      (ts.isConstructorDeclaration(member) &&
        member.parameters.some((parameter) => ts.canHaveModifiers(parameter) && ts.getModifiers(parameter)?.length && typed(parameter))),
  );
}
