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
import { calleeName, canonical, isFunctionLike, isPrivateMember, skipOuter } from '../syntax/expressions.js';
import { isReleaseLikeName, releaseNameRank } from './release.js';

/** What a body starts, keyed so that a release can be matched to it. */
interface Acquisition {
  key: string;
  /** "starts an interval", "adds itself to `registry`" */
  description: string;
  /** "in its constructor", "in `start()`" */
  where?: string;
  /** The method that acquires it, which therefore does not count as its release. */
  by?: string;
}

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
      because: string;
    }
  /** The body is visible and acquires nothing: not a resource, whatever its methods are called. */
  | { kind: 'none' }
  /** It keeps things in these fields that none of its methods undoes: whoever holds it must (`term.term.dispose()`). */
  | { kind: 'unreleased'; fields: readonly string[] };

export interface InferenceHost {
  session: AnalysisSession;
  /** Release names of a field's type when it is a resource (Node handle, another class…). */
  releaseNamesOf(type: ts.Type): { methods: ReadonlySet<string>; functions: ReadonlySet<string>; typeName: string } | undefined;
}

const TIMER_STARTS = new Set(['setInterval', 'setTimeout', 'setImmediate']);
const TIMER_CLEARS = new Set(['clearInterval', 'clearTimeout', 'clearImmediate']);
const SUBSCRIBE = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener', 'subscribe']);
const UNSUBSCRIBE = new Set(['off', 'removeListener', 'removeEventListener', 'removeAllListeners', 'unsubscribe']);
const REGISTER = new Set(['set', 'add', 'push', 'unshift', 'register']);
const UNREGISTER = new Set(['delete', 'splice', 'remove', 'unregister', 'pop', 'shift', 'clear']);
const MAX_CALL_DEPTH = 2;
const MAX_CHAIN = 12;

const INFERENCES = memoTable<ts.Node, Inference | null>('resources.inference');
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
  const chain = classChain(declaration, host.session.checker);
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
  const owned = fieldsMadeHere(chain);
  for (const cls of chain) {
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer && member.name && ts.isIdentifier(member.name) && !hasStatic(member)) {
        acquisitions.push(
          ...acquisitionsOfAssignment(`this.${member.name.text}`, member.initializer, host, member).map((a) => ({ ...a, where: 'in its constructor' })),
        );
      }
      if (ts.isConstructorDeclaration(member) && member.body) {
        acquisitions.push(...acquisitionsIn(member.body, host, methods, 0, owned).map((a) => ({ ...a, where: 'in its constructor' })));
      }
    }
  }
  // A `start()` / `connect()` that keeps a timer or a handle in a field makes a started object a
  // resource too. Registrations and listeners made by other methods are left out: objects of a
  // graph (reactive nodes, trees) link and unlink themselves as they work, and own nothing by it.
  for (const [name, fn] of methods) {
    if (!fn.body || hasStatic(fn as ts.ClassElement)) continue;
    const kept = acquisitionsIn(fn.body, host, methods, MAX_CALL_DEPTH, owned).filter((a) => a.key.startsWith('field:'));
    acquisitions.push(...kept.map((a) => ({ ...a, where: `in \`${name}()\``, by: name })));
  }
  const className = declaration.name?.text ?? 'this class';
  if (acquisitions.length > 0) return decide(className, acquisitions, methods, 'in its constructor', host) ?? unreleased(acquisitions);
  // Nothing acquired in sight: the acquisition may happen elsewhere (a factory that registers the
  // product, a base class, another module). A release-named method that undoes something — removes
  // the object from a collection, clears a timer or closes a handle held in a field, unsubscribes —
  // proves it; without one the visible body owns nothing.
  const evidence = releaseEvidence(methods, host);
  return evidence.length === 0 ? { kind: 'none' } : (decide(className, evidence, methods, 'elsewhere', host, isReleaseLikeName) ?? { kind: 'none' });
}

/** The fields a class fills that nothing in it undoes, or undefined when it acquires in other ways too. */
function unreleased(acquisitions: readonly Acquisition[]): Inference | undefined {
  const fields = [...new Set(acquisitions.map((acquisition) => acquisition.key))];
  if (!fields.every((key) => key.startsWith('field:this.'))) return undefined;
  return { kind: 'unreleased', fields: fields.map((key) => key.slice('field:this.'.length)) };
}

/**
 * What the methods of a class undo that no visible code acquired: `registry.delete(this)`,
 * `clearInterval(this.ticker)`, `this.socket.destroy()`, `this.bus.off(…)`. Each becomes an
 * acquisition made elsewhere, for `decide` to match against the methods that undo it.
 */
function releaseEvidence(methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>, host: InferenceHost): Acquisition[] {
  const found = new Map<string, Acquisition>();
  const note = (key: string, description: string): void => {
    if (!found.has(key)) found.set(key, { key, description });
  };
  for (const fn of methods.values()) {
    const visit = (node: ts.Node): void => {
      if (node !== fn && isFunctionLike(node) && !ts.isArrowFunction(node)) return;
      // `for (const d of this.disposables) d.dispose()`, `this.timers.forEach(clearTimeout)`: a field holds resources.
      const field = releasedElementsOf(node);
      if (field) note(`field:${field}`, `holds resources in \`${withoutThis(field)}\``);
      if (ts.isCallExpression(node)) {
        const callee = skipOuter(node.expression);
        const name = calleeName(node);
        if (name && TIMER_CLEARS.has(name)) {
          for (const argument of node.arguments) {
            const text = canonical(argument)?.text;
            if (text?.startsWith('this.')) note(`field:${text}`, `holds a timer in \`${withoutThis(text)}\``);
          }
        }
        if (ts.isPropertyAccessExpression(callee)) {
          const method = callee.name.text;
          const receiver = canonical(callee.expression)?.text;
          const namesSelf = node.arguments.some((argument) => isSelfOrOwnId(argument));
          if (receiver && UNREGISTER.has(method) && !receiver.startsWith('this') && namesSelf) note(`collection:${receiver}`, `is kept in \`${receiver}\``);
          if (receiver && UNSUBSCRIBE.has(method) && receiver !== 'this') note(`listener:${withoutThis(receiver)}`, `listens to \`${withoutThis(receiver)}\``);
          if (receiver?.startsWith('this.') && !receiver.slice(5).includes('.')) {
            const names = host.releaseNamesOf(host.session.checker.getTypeAtLocation(callee.expression));
            if (names?.methods.has(method)) note(`field:${receiver}`, `holds a \`${names.typeName}\` in \`${withoutThis(receiver)}\``);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  }
  return [...found.values()];
}

/** The field whose every element a loop or a `forEach` releases: `this.disposables`. */
function releasedElementsOf(node: ts.Node): string | undefined {
  const fieldOf = (expression: ts.Expression): string | undefined => {
    let e = skipOuter(expression);
    if (ts.isCallExpression(e) && calleeName(e) === 'values' && e.arguments.length === 0)
      e = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
    const text = canonical(e)?.text;
    return text?.startsWith('this.') && !text.slice(5).includes('.') ? text : undefined;
  };
  const releases = (body: ts.Node, element: string): boolean => {
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(child)) {
        const callee = skipOuter(child.expression);
        const onElement = (expression: ts.Expression): boolean =>
          ts.isIdentifier(skipOuter(expression)) && (skipOuter(expression) as ts.Identifier).text === element;
        if (ts.isPropertyAccessExpression(callee) && isReleaseLikeName(callee.name.text) && onElement(callee.expression)) found = true;
        if (TIMER_CLEARS.has(calleeName(child) ?? '') && child.arguments.some(onElement)) found = true;
      }
      ts.forEachChild(child, visit);
    };
    visit(body);
    return found;
  };
  if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
    const field = fieldOf(node.expression);
    const [declaration] = node.initializer.declarations;
    return field && declaration && ts.isIdentifier(declaration.name) && releases(node.statement, declaration.name.text) ? field : undefined;
  }
  if (ts.isCallExpression(node) && calleeName(node) === 'forEach' && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
    const field = fieldOf((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
    const callback = node.arguments[0] && skipOuter(node.arguments[0]);
    if (!field || !callback) return undefined;
    if (ts.isIdentifier(callback)) return TIMER_CLEARS.has(callback.text) ? field : undefined;
    const parameter = isFunctionLike(callback) ? callback.parameters[0] : undefined;
    return parameter && ts.isIdentifier(parameter.name) && isFunctionLike(callback) && callback.body && releases(callback.body, parameter.name.text)
      ? field
      : undefined;
  }
  return undefined;
}

/** `this`, or `this.id` / `this.name`: how an object names itself to a collection. */
function isSelfOrOwnId(argument: ts.Expression): boolean {
  const e = skipOuter(argument);
  return e.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword);
}

function classChain(declaration: ts.ClassLikeDeclaration, checker: ts.TypeChecker): ts.ClassLikeDeclaration[] {
  const chain: ts.ClassLikeDeclaration[] = [declaration];
  let current: ts.ClassLikeDeclaration | undefined = declaration;
  while (current && chain.length < MAX_CHAIN) {
    const extendsClause: ts.HeritageClause | undefined = current.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
    const base: ts.ExpressionWithTypeArguments | undefined = extendsClause?.types[0];
    if (!base) break;
    const baseSymbol: ts.Symbol | undefined = checker.getTypeAtLocation(base.expression).getSymbol() ?? checker.getSymbolAtLocation(base.expression);
    const baseDeclaration: ts.ClassLikeDeclaration | undefined = baseSymbol
      ?.getDeclarations()
      ?.find((d: ts.Declaration): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
    if (!baseDeclaration || chain.includes(baseDeclaration) || baseDeclaration.getSourceFile().isDeclarationFile) break;
    chain.push(baseDeclaration);
    current = baseDeclaration;
  }
  return chain;
}

/** `this.bus` and a constructor's parameter property `bus` name the same emitter. */
function withoutThis(text: string): string {
  return text.startsWith('this.') ? text.slice(5) : text;
}

/** Fields the class makes itself (`this.events = new EventEmitter()`): subscribing to them acquires nothing. */
function fieldsMadeHere(chain: readonly ts.ClassLikeDeclaration[]): Set<string> {
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

function hasStatic(member: ts.ClassElement): boolean {
  return (ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

function isArrowOrFunction(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** `this.timer = setInterval(…)`, `this.watcher = fs.watch(…)`, `this.meter = new Meter()`. */
function acquisitionsOfAssignment(target: string, value: ts.Expression, host: InferenceHost, field?: ts.PropertyDeclaration): Acquisition[] {
  const e = skipOuter(value);
  if (ts.isCallExpression(e)) {
    const callee = calleeName(e);
    if (callee && TIMER_STARTS.has(callee)) {
      return [
        {
          key: `field:${target}`,
          description: callee === 'setInterval' ? 'starts an interval' : callee === 'setTimeout' ? 'starts a timeout' : 'schedules an immediate',
        },
      ];
    }
  }
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isLiteralExpression(e) || isNothing(e)) return [];
  // `this.client = client`, `this.server = nsp.server`: a reference handed in, not something acquired.
  if (isHandedIn(e)) return [];
  // The field's written type when it has one: inferring a call's type (a generic client's
  // overloaded constructor) is the costliest question the checker gets here.
  const { checker } = host.session;
  const fieldType = field?.type ? checker.getTypeFromTypeNode(field.type) : checker.getTypeAtLocation(value);
  const names = host.releaseNamesOf(fieldType);
  if (names) return [{ key: `field:${target}`, description: `keeps a \`${names.typeName}\` in \`${target.replace(/^this\./, '')}\`` }];
  return [];
}

/** `null`, `undefined`, `void 0`, `[]`, `{}`: nothing is acquired by storing them. */
function isNothing(e: ts.Expression): boolean {
  return (
    e.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(e) && e.text === 'undefined') ||
    ts.isVoidExpression(e) ||
    (ts.isArrayLiteralExpression(e) && e.elements.length === 0) ||
    (ts.isObjectLiteralExpression(e) && e.properties.length === 0)
  );
}

/** The class property `this.x` names, when it is declared in a class body. */
function declaredField(target: ts.Expression, host: InferenceHost): ts.PropertyDeclaration | undefined {
  const e = skipOuter(target);
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const declaration = host.session.checker.getSymbolAtLocation(e.name)?.valueDeclaration;
  return declaration && ts.isPropertyDeclaration(declaration) ? declaration : undefined;
}

/** A parameter of the function around it, or a property read from one. */
function isHandedIn(expression: ts.Expression): boolean {
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  if (!ts.isIdentifier(root)) return false;
  for (let node: ts.Node | undefined = root.parent; node; node = node.parent) {
    if (isFunctionLike(node)) {
      if (node.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === (root as ts.Identifier).text)) return true;
      if (!ts.isArrowFunction(node)) return false;
    }
  }
  return false;
}

/** What a constructor (or a method it calls) starts. */
function acquisitionsIn(
  body: ts.Node,
  host: InferenceHost,
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  depth: number,
  ownedFields: ReadonlySet<string> = new Set(),
): Acquisition[] {
  const found: Acquisition[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = canonical(node.left)?.text;
      if (target?.startsWith('this.')) found.push(...acquisitionsOfAssignment(target, node.right, host, declaredField(node.left, host)));
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = canonical(callee.expression)?.text;
        // `registry.set(id, this)`, `all.add(this)`: a collection that outlives the object keeps it.
        if (REGISTER.has(method) && receiver && !receiver.startsWith('this') && node.arguments.some((a) => skipOuter(a).kind === ts.SyntaxKind.ThisKeyword)) {
          found.push({ key: `collection:${receiver}`, description: `adds itself to \`${receiver}\`` });
        }
        // `bus.on('tick', this.onTick)`: a listener on an emitter it does not own (not `this`, not one it made).
        if (SUBSCRIBE.has(method) && receiver && receiver !== 'this' && !ownedFields.has(receiver)) {
          found.push({ key: `listener:${withoutThis(receiver)}`, description: `subscribes to \`${withoutThis(receiver)}\`` });
        }
        // `this.start()`: follow calls into the class's own methods, to a bounded depth.
        if (skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword && depth < MAX_CALL_DEPTH) {
          const called = methods.get(method);
          if (called?.body) found.push(...acquisitionsIn(called.body, host, methods, depth + 1, ownedFields));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** The acquisitions a method undoes (directly, or through the class's own methods it calls). */
function undoneBy(
  fn: ts.FunctionLikeDeclaration,
  acquisitions: readonly Acquisition[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  host: InferenceHost,
  depth = 0,
): Set<string> {
  const undone = new Set<string>();
  const keys = new Set(acquisitions.map((acquisition) => acquisition.key));
  const visit = (node: ts.Node): void => {
    const elementsOf = releasedElementsOf(node);
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
          const fieldType = host.session.checker.getTypeAtLocation(callee.expression);
          const names = host.releaseNamesOf(fieldType);
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

/** The method that undoes the most of what the body acquires; ties go to conventional names. */
function decide(
  owner: string,
  acquisitions: readonly Acquisition[],
  methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>,
  where: string,
  host: InferenceHost,
  mayRelease: (name: string) => boolean = () => true,
): Inference | undefined {
  if (acquisitions.length === 0) return { kind: 'none' };
  const candidates: { name: string; fn: ts.FunctionLikeDeclaration; undone: Set<string>; hidden: boolean; takesArguments: boolean }[] = [];
  for (const [name, fn] of methods) {
    if (ts.isConstructorDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) continue;
    // A release returns nothing (or itself, or a promise of nothing): a method that returns data reads.
    if (!returnsNothing(fn, host.session.checker)) continue;
    const undone = undoneBy(fn, acquisitions, methods, host);
    // `restart() { clearInterval(this.t); this.t = setInterval(…) }` re-acquires what it undoes,
    // itself or through a method it calls (`onOpen() { this.resetPingTimeout() }`).
    const reached = methodsCalledBy(fn, methods);
    for (const acquisition of acquisitions)
      if (acquisition.by === name || (acquisition.by !== undefined && reached.has(acquisition.by))) undone.delete(acquisition.key);
    if (undone.size === 0) continue;
    const takesArguments = fn.parameters.some((parameter) => !parameter.questionToken && !parameter.initializer && !parameter.dotDotDotToken);
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
  const best = candidates
    .filter((candidate) => mayRelease(candidate.name))
    .reduce<(typeof candidates)[number] | undefined>(
      (current, candidate) => (!current || before(rankOf(candidate), rankOf(current)) ? candidate : current),
      undefined,
    );
  // Acquires, but nothing undoes it: leave the decision to the other rules.
  if (!best) return undefined;
  const alsoReleasedBy = candidates.filter((candidate) => candidate !== best && sameKeys(candidate.undone, best.undone)).map((candidate) => candidate.name);
  const undone = acquisitions.filter((acquisition) => best!.undone.has(acquisition.key));
  const what = [...new Set(undone.map((acquisition) => acquisition.description))].join(' and ');
  const returnsPromise = isAsyncOrPromise(best.fn, host.session.checker);
  const place = undone[0]?.where ?? where;
  return {
    kind: 'resource',
    method: best.name,
    ...(alsoReleasedBy.length > 0 && { alsoReleasedBy }),
    ...(best.takesArguments && { takesArguments: true }),
    returnsPromise,
    because: `\`${owner}\` ${what} ${place}; \`${best.name}()\` undoes it`,
  };
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

function sameKeys(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/** `private` or `#name`: callers outside the class cannot call it. */
function isHiddenMember(fn: ts.FunctionLikeDeclaration): boolean {
  const member = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  return (ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member)) && isPrivateMember(member);
}

/** The methods `fn` calls on `this`, directly or through them (bounded). */
function methodsCalledBy(fn: ts.FunctionLikeDeclaration, methods: ReadonlyMap<string, ts.FunctionLikeDeclaration>): Set<string> {
  const reached = new Set<string>();
  const queue: ts.FunctionLikeDeclaration[] = [fn];
  for (let depth = 0; queue.length > 0 && depth <= MAX_CALL_DEPTH; depth++) {
    const next: ts.FunctionLikeDeclaration[] = [];
    for (const current of queue) {
      const visit = (node: ts.Node): void => {
        const name = ts.isCallExpression(node) ? thisMethodRun(node) : undefined;
        const called = name !== undefined && !reached.has(name) ? methods.get(name) : undefined;
        if (called) {
          reached.add(name!);
          next.push(called);
        }
        ts.forEachChild(node, visit);
      };
      if (current.body) visit(current.body);
    }
    queue.splice(0, queue.length, ...next);
  }
  return reached;
}

function returnsNothing(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): boolean {
  const signature = checker.getSignatureFromDeclaration(fn);
  if (!signature) return false;
  const returned = checker.getReturnTypeOfSignature(signature);
  const nothing = (type: ts.Type): boolean =>
    type.isUnion()
      ? type.types.every(nothing)
      : (type.getFlags() & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0 || (type as { isThisType?: boolean }).isThisType === true;
  if (nothing(returned)) return true;
  const awaited = returned.getProperty('then') ? checker.getAwaitedType(returned) : undefined;
  return awaited !== undefined && awaited !== returned && nothing(awaited);
}

function isAsyncOrPromise(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): boolean {
  if ((ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0) return true;
  const signature = checker.getSignatureFromDeclaration(fn);
  const returnType = signature && checker.getReturnTypeOfSignature(signature);
  return returnType?.getProperty('then') !== undefined;
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
        acquisitions.push({ key: `timer:${node.name.text}`, description: calleeName(init) === 'setInterval' ? 'starts an interval' : 'starts a timeout' });
      } else if (!ts.isObjectLiteralExpression(init) && !isArrowOrFunction(init)) {
        const names = host.releaseNamesOf(host.session.checker.getTypeAtLocation(init));
        if (names) acquisitions.push({ key: `field:${node.name.text}`, description: `keeps a \`${names.typeName}\`` });
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const receiver = canonical(callee.expression)?.text;
        if (receiver && SUBSCRIBE.has(method)) acquisitions.push({ key: `listener:${receiver}`, description: `subscribes to \`${receiver}\`` });
        const addsProduct = node.arguments.some((argument) => {
          const e = skipOuter(argument);
          return e === literal || (ts.isIdentifier(e) && productNames.has(e.text));
        });
        if (receiver && REGISTER.has(method) && addsProduct) acquisitions.push({ key: `collection:${receiver}`, description: `adds it to \`${receiver}\`` });
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
  const factoryName = factory.name && ts.isIdentifier(factory.name) ? factory.name.text : 'the factory';
  const result = decide(factoryName, acquisitions, methods, 'when it is called', host);
  if (result?.kind === 'resource') return { ...result, because: result.because.replace(/^`([^`]*)`/, 'What `$1` returns') };
  return result;
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
  const implementations: ts.ClassLikeDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isClassDeclaration(node) &&
      node.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ImplementsKeyword && clause.types.some((t) => t.expression.getText() === name))
    ) {
      implementations.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  // A `declare class` shows no body: the interface's answer would be a guess.
  if (implementations.length === 0 || implementations.some((implementation) => !isInProgram(implementation, host.session.program))) return undefined;
  // A composite (`class Node implements Disposable { private sub: Disposable }`) is judged by what
  // the interface is, so it cannot be what decides the interface.
  if (implementations.some((implementation) => holdsItsOwnInterface(implementation, name))) return undefined;
  const answers = implementations.map((implementation) => inferDeclaration(implementation, host));
  if (answers.some((answer) => answer === undefined || answer.kind === 'unreleased')) return undefined;
  const resources = answers.filter((answer): answer is Inference & { kind: 'resource' } => answer?.kind === 'resource');
  if (resources.length === 0) return { kind: 'none' };
  const [first] = resources;
  // Only when every implementation that acquires is released the same way; and the interface declares it.
  if (!resources.every((resource) => resource.method === first!.method)) return undefined;
  if (!declaration.members.some((member) => member.name?.getText() === first!.method)) return undefined;
  const implementer = implementations[answers.indexOf(first)]?.name?.text ?? 'a class';
  return { ...first!, because: `${first!.because}, and \`${implementer}\` implements \`${name}\`` };
}

/** A field (or parameter property) of the class is typed with the interface it implements. */
function holdsItsOwnInterface(implementation: ts.ClassLikeDeclaration, name: string): boolean {
  const word = new RegExp(`\\b${name}\\b`);
  const typed = (node: ts.PropertyDeclaration | ts.ParameterDeclaration): boolean => node.type !== undefined && word.test(node.type.getText());
  return implementation.members.some(
    (member) =>
      (ts.isPropertyDeclaration(member) && typed(member)) ||
      (ts.isConstructorDeclaration(member) &&
        member.parameters.some((parameter) => ts.canHaveModifiers(parameter) && ts.getModifiers(parameter)?.length && typed(parameter))),
  );
}
