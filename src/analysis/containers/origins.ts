/**
 * Where a value put into a container comes from: made here (a constructor, a factory, a timer, an
 * object literal holding such a value, a socket a server hands to its connection listener) or
 * borrowed (a parameter, `this`, a read from another container, a loan, what a get-or-create
 * registry hands out). Ownership is decided from these answers.
 */
import ts from 'typescript';

import { CACHE_LIBRARIES } from '../caches/libraries/index.js';
import { handsOutHeldField } from '../resources/acquisitions.js';
import { isReleaseLikeName } from '../resources/release.js';
import { resolveCallee } from '../flow/index.js';
import { memoTable, type AnalysisSession } from '../session.js';
import {
  assignedValue,
  calledMethodName,
  calleeName,
  canonical,
  enclosingBody,
  isEmptyContainerExpression,
  isFallback,
  isFieldOfThis,
  isFunctionLike,
  isNullish,
  isPromiseContinuation,
  isSeparateFunction,
  isStaticMember,
  isTextOrFlagLiteral,
  ownMethodCalled,
  propertyNameOf,
  returnedExpressions,
  rootOf,
  skipOuter,
  propertyValueOf,
} from '../syntax/expressions.js';
import { callsOfLocalFunction, declarationOf, destructuredField, parameterNamed, singleInitializer, valuesInReach } from '../syntax/names.js';
import { programClassOfNew } from '../syntax/writtenTypes.js';
import { CONTAINER_PROTOCOLS, insertedValues, type InsertedArguments } from './kinds.js';
import { isTimerItsMakerClears } from './makerClears.js';
import { timerCallRelease } from './timerCalls.js';
import { storageClasses } from './storageClasses.js';
import { lendsWhatItReturns } from './takers.js';
import { isPrimitiveLike } from './types.js';

/** Inserting methods of every built-in kind and every cache library (`put`, `setpop` store their second argument). */
export const INSERTING_METHODS: ReadonlyMap<string, InsertedArguments> = new Map<string, InsertedArguments>([
  ...Object.values(CONTAINER_PROTOCOLS).flatMap((protocol) => Object.entries(protocol.inserts)),
  ...CACHE_LIBRARIES.flatMap((library) => library.paths.overwrite.methods.map((method): [string, InsertedArguments] => [method, 'second'])),
]);

/** How a method inserts: a built-in's or a cache's name, or one of the program's own storage classes (`register(id, value)`). */
export function insertingHow(method: string, session: AnalysisSession): InsertedArguments | undefined {
  return INSERTING_METHODS.get(method) ?? storageClasses(session).insertingMethods.get(method);
}

const READ_METHODS = new Set(['get', 'find', 'findLast', 'at', 'peek', 'values', 'keys', 'entries']);
/** Calls that lend a value another owner takes back (`pool.release(x)`): what they return is borrowed. */
const LENDING_CALLS = /^(acquire|borrow|checkout|checkOut|lease|rent)([A-Z]\w*)?$/;
const CONNECTION_EVENTS = new Set(['connection', 'secureConnection', 'session', 'stream']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);

export type Origin = 'created' | 'interval' | 'borrowed' | 'unknown';

/**
 * A value made by this expression, read from the syntax alone: `new X()`, or a call that is not a
 * read of another container (`get`, `find`) nor a loan (`pool.acquire()`).
 */
export function isMadeByCall(expression: ts.Expression): boolean {
  let e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
  if (ts.isNewExpression(e)) return true;
  if (!ts.isCallExpression(e)) return false;
  const method = calledMethodName(e);
  const name = calleeName(e);
  return !(method !== undefined && READ_METHODS.has(method)) && !(name !== undefined && LENDING_CALLS.test(name)) && !makesText(e);
}

/** Calls whose result is a string or a number by their well-known name: `id.toString()`, `JSON.stringify(x)`, `parts.join('/')`. */
const TEXT_MAKERS = new Set([
  'toString',
  'toFixed',
  'toPrecision',
  'toISOString',
  'toUTCString',
  'toLocaleString',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'padStart',
  'padEnd',
  'join',
  'replace',
  'replaceAll',
  'substring',
  'charAt',
  'repeat',
  'normalize',
  'stringify',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'parseInt',
  'parseFloat',
  'String',
  'Number',
]);

/** A call that makes text or a number (`this.windowId.toString()`): data, known without asking the checker its type. */
function makesText(call: ts.CallExpression): boolean {
  const name = calledMethodName(call) ?? calleeName(call);
  return name !== undefined && TEXT_MAKERS.has(name);
}

const RETURNS_ONLY_TEXT = memoTable<ts.FunctionLikeDeclaration, boolean>('containers.returnsOnlyText');

/**
 * `p(item.key)` of `const p = (...keys: string[]) => joinKeys(base, ...keys)`: a program function
 * that returns only text or a number (its written return type says so, or each `return` makes it)
 * makes data. Read from the syntax: the callee is found by name, never by typing a receiver.
 */
function callsTextHelper(call: ts.CallExpression, session: AnalysisSession, depth = 0): boolean {
  const callee = skipOuter(call.expression);
  const byName = ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword);
  const fn = byName && depth < 3 ? resolveCallee(call, session) : undefined;
  return fn !== undefined && session.memo(RETURNS_ONLY_TEXT, fn, () => returnsOnlyText(fn, session, depth)) === true;
}

function returnsOnlyText(fn: ts.FunctionLikeDeclaration, session: AnalysisSession, depth: number): boolean {
  if (fn.type) return isTextTypeNode(fn.type);
  if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async || fn.asteriskToken) return false;
  const returned = returnedExpressions(fn);
  return returned.length > 0 && returned.every((value) => isTextValue(value, session, depth));
}

/** `string`, `number`, `'a' | 'b'`, `` `${string}:${number}` ``: a written type of data. */
function isTextTypeNode(type: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.every(isTextTypeNode);
  if (ts.isParenthesizedTypeNode(type)) return isTextTypeNode(type.type);
  return (
    type.kind === ts.SyntaxKind.StringKeyword ||
    type.kind === ts.SyntaxKind.NumberKeyword ||
    type.kind === ts.SyntaxKind.BooleanKeyword ||
    type.kind === ts.SyntaxKind.BigIntKeyword ||
    ts.isTemplateLiteralTypeNode(type) ||
    (ts.isLiteralTypeNode(type) && type.literal.kind !== ts.SyntaxKind.NullKeyword)
  );
}

function isTextValue(value: ts.Expression, session: AnalysisSession, depth: number): boolean {
  const e = skipOuter(value);
  if (isTextOrFlagLiteral(e) || ts.isNumericLiteral(e)) return true;
  if (ts.isConditionalExpression(e)) return isTextValue(e.whenTrue, session, depth) && isTextValue(e.whenFalse, session, depth);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [e.left, e.right].some(isTextOrFlagLiteral);
  return ts.isCallExpression(e) && (makesText(e) || callsTextHelper(e, session, depth + 1));
}

/** `f(…)`, `this.f(…)`, `x.f(…)`: a callee named without going through another call or a deeper path. */
function isNamedDirectly(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return true;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  // `renderer.texture.getTextureBindGroup(t)`: a path of names, no call on the way.
  let object = skipOuter(callee.expression);
  while (ts.isPropertyAccessExpression(object)) object = skipOuter(object.expression);
  return object.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(object);
}

export interface OriginQuestion {
  session: AnalysisSession;
  lending: ReadonlySet<string>;
  /** Answer from the syntax alone: what only the checker could tell is 'unknown'. */
  cheap: boolean;
}

/** `pool.acquire()`, `leases.take()` (or a lending call of the options), `other.get(k)`: a value another owner lends. */
export function isLent(value: ts.Expression, lending: ReadonlySet<string>): boolean {
  let e = skipOuter(value);
  if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
  if (!ts.isCallExpression(e)) return false;
  const name = calleeName(e);
  const method = calledMethodName(e);
  return (method !== undefined && READ_METHODS.has(method)) || (name !== undefined && (LENDING_CALLS.test(name) || lending.has(name)));
}

const EMPTY_RECORD_CLASSES = new WeakMap<ts.ClassLikeDeclaration, boolean>();
const INERT_CLASSES = new WeakMap<ts.ClassLikeDeclaration, boolean>();

/**
 * `new Frame()` of a class of the program that only declares fields, each given nothing or data
 * (`watcher: FSWatcher | null = null`, `skip = false`, `bounds = new Bounds()`): an empty record, as
 * `{ watcher: null }` is. What it comes to own is what the code arms it with. Found without the
 * checker in the module; `undefined` where only the checker can find a class another module declares.
 */
function isEmptyRecordOfClass(made: ts.NewExpression, question: OriginQuestion): boolean | undefined {
  const declaration = classOfPlainNew(made, question);
  if (!declaration) return declaration;
  const known = EMPTY_RECORD_CLASSES.get(declaration);
  if (known !== undefined) return known;
  const empty = declaresOnlyEmptyFields(declaration, question);
  if (empty !== undefined) EMPTY_RECORD_CLASSES.set(declaration, empty);
  return empty;
}

/**
 * The class a `new` without arguments makes, declared in this module or (when the checker may be
 * asked) elsewhere in the program; false for none, `undefined` when only the checker can tell.
 */
function classOfPlainNew(made: ts.NewExpression, question: OriginQuestion): ts.ClassLikeDeclaration | false | undefined {
  if ((made.arguments?.length ?? 0) > 0 || !ts.isIdentifier(made.expression)) return false;
  const name = made.expression.text;
  const local = made
    .getSourceFile()
    .statements.find((statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === name);
  if (local) return local;
  if (question.cheap) return undefined;
  return programClassOfNew(made, question.session.checker) ?? false;
}

/**
 * No base class, no method, constructor or accessor: only instance fields given nothing, `null`, a
 * literal, an empty `[]` / `{}`, or a data object whose construction makes nothing
 * (`bounds = new Bounds()`). `undefined` when only the checker can find such an object's class.
 */
function declaresOnlyEmptyFields(cls: ts.ClassLikeDeclaration, question: OriginQuestion): boolean | undefined {
  if ((cls.heritageClauses?.length ?? 0) > 0) return false;
  let unknown = false;
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || isStaticMember(member)) return false;
    const value = member.initializer && skipOuter(member.initializer);
    if (value === undefined || isEmptyFieldValue(value)) continue;
    const inert = ts.isNewExpression(value) ? constructsNothing(value, question) : false;
    if (inert === false) return false;
    if (inert === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** `null`, a literal, an empty `[]` / `{}`: a field given nothing to own. */
function isEmptyFieldValue(value: ts.Expression): boolean {
  return (
    isNullish(value) ||
    ts.isLiteralExpression(value) ||
    value.kind === ts.SyntaxKind.TrueKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    ts.isNoSubstitutionTemplateLiteral(value) ||
    (ts.isPrefixUnaryExpression(value) && ts.isNumericLiteral(value.operand)) ||
    (ts.isArrayLiteralExpression(value) && value.elements.length === 0) ||
    (ts.isObjectLiteralExpression(value) && value.properties.length === 0)
  );
}

/** A field given a value already made (`defaultMatrix`, `-Infinity`), or nothing to own. */
function isInertFieldValue(value: ts.Expression): boolean {
  const e = skipOuter(value);
  if (isEmptyFieldValue(e)) return true;
  if (ts.isPrefixUnaryExpression(e)) return isInertFieldValue(e.operand);
  return ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && isInertFieldValue(e.expression));
}

/**
 * `new Bounds()`: a class of the program whose construction makes nothing — no base class, no
 * release-named method, every field given a value already made or none, and a constructor that only
 * stores its parameters or such values. Its methods may do more, but only when called.
 */
function constructsNothing(made: ts.NewExpression, question: OriginQuestion): boolean | undefined {
  const cls = classOfPlainNew(made, question);
  if (!cls) return cls;
  let inert = INERT_CLASSES.get(cls);
  if (inert === undefined) INERT_CLASSES.set(cls, (inert = makesNothingWhenConstructed(cls)));
  return inert;
}

function makesNothingWhenConstructed(cls: ts.ClassLikeDeclaration): boolean {
  if ((cls.heritageClauses?.length ?? 0) > 0) return false;
  return cls.members.every((member) => {
    if (isStaticMember(member)) return true;
    if (ts.isPropertyDeclaration(member)) return member.initializer === undefined || isInertFieldValue(member.initializer);
    if (ts.isConstructorDeclaration(member)) return member.body === undefined || member.body.statements.every(storesParameterOrInert);
    // A method named as a release (or a computed one, `[Symbol.dispose]`) says the object may come to own something.
    if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member))
      return (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) && !isReleaseLikeName(member.name.text);
    return false;
  });
}

/** `this.minX = minX`, `this.scale = 1`: a constructor statement that stores a parameter or a value already made. */
function storesParameterOrInert(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const e = skipOuter(statement.expression);
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && isFieldOfThis(e.left) && isInertFieldValue(e.right);
}

/** Where an inserted value comes from. */
export function originOf(value: ts.Expression, depth: number, question: OriginQuestion): Origin {
  const { session, lending } = question;
  if (depth > 4) return 'unknown';
  const e = skipOuter(value);
  if (ts.isAwaitExpression(e)) return originOf(e.expression, depth + 1, question);
  // `list.push(...made)`: what the spread list holds, as `[...made]` does.
  if (ts.isSpreadElement(e)) return originOf(e.expression, depth + 1, question);
  // `map.set(name, (queue = new Queue(name)))`: what is assigned is what is stored.
  if (assignedValue(e) !== e) return originOf(assignedValue(e), depth + 1, question);
  if (ts.isNewExpression(e)) {
    const empty = isEmptyRecordOfClass(e, question);
    return empty === undefined ? 'unknown' : empty ? 'borrowed' : 'created';
  }
  // An object registering itself: whoever created it holds it.
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'borrowed';
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (name === 'setInterval') return 'interval';
    if (makesText(e)) return 'borrowed';
    if (timerCallRelease(e)) return 'created';
    // `pool.acquire()`, `leases.borrow()`, `other.get(k)`: lent by another owner, which takes it back.
    if (isLent(e, lending)) return 'borrowed';
    if (callsTextHelper(e, session)) return 'borrowed';
    if (question.cheap) return 'unknown';
    // `this.getOrCreateClient(authority)`: what it returns is kept in its own registry. Asked only of
    // a function or method named by a path of names (`clientFor(h)`, `this.x(…)`, `renderer.texture.x(…)`), not of calls on
    // what another call returned (`createHash(…).update(…).digest()`), which the checker types slowly.
    if (!isNamedDirectly(e)) return 'created';
    const callee = resolveCallee(e, session);
    // A get-or-create keeps what it returns; a pool lends it (`TexturePool.getOptimalTexture()`).
    if (callee && (registersWhatItReturns(callee, session) || lendsWhatItReturns(callee, session))) return 'borrowed';
    // `this.requireController()`: a method that hands out what its object already holds.
    if (callee && e.arguments.length === 0 && handsOutHeldField(callee, session)) return 'borrowed';
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
          : originOf(property.initializer, depth + 1, question)
        : ts.isShorthandPropertyAssignment(property)
          ? originOf(property.name, depth + 1, question)
          : 'borrowed';
      if (origin === 'interval') return 'interval';
      // `{ hash: h64(key), leaf }`, `{ client, byType: new Map() }`: a computed number or string, or an
      // empty container for bookkeeping, is not something made to be released.
      // The checker is asked last, and not once a field has decided the whole.
      if (origin === 'created' && result !== 'created' && !isEmptyContainerProperty(property) && !isPrimitiveValue(property, session)) result = 'created';
      // Left to the checker: the whole is undecided unless another field decides it.
      if (origin === 'unknown' && result === 'borrowed') result = 'unknown';
    }
    return result;
  }
  // `[setTimeout(…)]`, `[...subscriptions]`: a list has the origin of what it lists (an empty one, none).
  if (ts.isArrayLiteralExpression(e))
    return strongestOrigin(
      e.elements.map((element) => (ts.isSpreadElement(element) ? element.expression : element)),
      depth,
      question,
    );
  if (ts.isConditionalExpression(e)) return strongestOrigin([e.whenTrue, e.whenFalse], depth, question);
  if (isFallback(e)) return strongestOrigin([e.left, e.right], depth, question);
  // `made.transport` of `const made = await createTransport(req)`: what the factory put in that field.
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(skipOuter(e.expression))) {
    const made = singleInitializer(skipOuter(e.expression) as ts.Identifier, session);
    return made ? fieldOfFactoryResult(made, e.name.text, depth, question) : 'borrowed';
  }
  if (ts.isIdentifier(e)) {
    // `const { transport } = await createTransport(req)`: what the factory put in that field.
    const destructured = destructuredField(e, session);
    if (destructured) return fieldOfFactoryResult(destructured.from, destructured.field, depth, question);
    // A parameter is borrowed, unless a server hands it to a connection listener; a local has the origin of its values.
    const reach = valuesInReach(e.text, e, session);
    if (reach.parameterOf) {
      if (isConnectionListener(reach.parameterOf)) return 'created';
      // `subscribe(q).then((id) => …)`: what the promise settles with, as `await subscribe(q)` would give it.
      const settling = promiseSettlingParameter(reach.parameterOf, e.text);
      if (settling) return originOf(settling, depth + 1, question);
      return passedToItself(reach.parameterOf, e.text, depth, question);
    }
    // A one-shot timer its maker clears when the work it times ends is the maker's: a container holds a copy.
    if (reach.values.some((value) => timerCallRelease(value)) && isTimerItsMakerClears(e, session)) return 'borrowed';
    // `const made = []; made.push(source.onDidChange(…))`: a list built here holds what is pushed into it.
    const pushed = reach.values.some((value) => ts.isArrayLiteralExpression(skipOuter(value))) ? pushedInto(e, session) : [];
    return strongestOrigin([...reach.values, ...pushed], depth, question);
  }
  return 'borrowed';
}

/**
 * `ownedBy: [terminal]`, `entry.ownedBy.push(terminal)`: a record's list field given a parameter of
 * the function that fills it holds what callers handed in (the terminals sharing an atlas), not
 * values the record owns. Of `fields`, those some insertion literal or `push()` fills so.
 */
export function listFieldsHandedIn(
  insertions: readonly ts.Expression[],
  pushes: readonly { target: ts.PropertyAccessExpression; value: ts.Expression }[],
  fields: ReadonlySet<string>,
  session: AnalysisSession,
): Set<string> {
  const handed = new Set<string>();
  const isParameter = (value: ts.Expression): boolean => {
    const e = skipOuter(value);
    return ts.isIdentifier(e) && declarationOf(e.text, e, session)?.kind === 'parameter';
  };
  for (const value of insertions) {
    const e = recordLiteralOf(value, session);
    for (const property of e?.properties ?? []) {
      const name = propertyNameOf(property);
      const list = name !== undefined && fields.has(name) && ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
      if (list && ts.isArrayLiteralExpression(list) && list.elements.some(isParameter)) handed.add(name!);
    }
  }
  for (const { target, value } of pushes) if (fields.has(target.name.text) && isParameter(value)) handed.add(target.name.text);
  return handed;
}

/**
 * `{ project, fail: () => … }` with `project` a parameter, `{ winid, document }` with `document` a
 * look-up on another registry: of the record fields `fields`, those every stored record literal that
 * gives them at all fills with a borrowed value it names (a parameter, `this`, a field, a look-up). A record made here does
 * not own what such a field points at. A literal may be returned by a method of the class
 * (`this.fromOptions(opts)`). Undefined when some insertion is not such a literal.
 */
export function fieldsFilledBorrowed(
  insertions: readonly ts.Expression[],
  fields: ReadonlySet<string>,
  question: OriginQuestion,
): ReadonlySet<string> | undefined {
  let borrowed: Set<string> | undefined;
  const given: (string | undefined)[] = [];
  for (const value of insertions) {
    const e = recordLiteralOf(value, question.session);
    if (!e || e.properties.some(ts.isSpreadAssignment)) return undefined;
    // A function written in it made the record here for that function: what its caller handed in
    // (a parameter) is the caller's. A record of data only may still own what it is handed; a value
    // it looks up in another owner's registry it does not.
    const writesFunction = e.properties.some(
      (p) =>
        ts.isMethodDeclaration(p) ||
        (ts.isPropertyAssignment(p) && (ts.isArrowFunction(skipOuter(p.initializer)) || ts.isFunctionExpression(skipOuter(p.initializer)))),
    );
    // A record written without the field holds nothing there: it leaves the answer to the others.
    const here = new Set([...fields].filter((name) => !e.properties.some((property) => propertyNameOf(property) === name)));
    for (const property of e.properties) {
      const name = propertyNameOf(property);
      if (name === undefined || !fields.has(name) || (borrowed && !borrowed.has(name))) continue;
      const filled = ts.isShorthandPropertyAssignment(property)
        ? property.name
        : ts.isPropertyAssignment(property)
          ? skipOuter(property.initializer)
          : undefined;
      // `undefined` until the code arms it is not a value handed in.
      const named =
        filled && (ts.isIdentifier(filled) || ts.isPropertyAccessExpression(filled) || filled.kind === ts.SyntaxKind.ThisKeyword) && !isNullish(filled);
      // `{ …, socket: this.socket }`: a field of the owner's own, shared by every record made here, is the owner's to release;
      // `{ container: instruction.container }`, `{ res: ctx.res }`: so is what an object handed in holds.
      if (
        named &&
        (writesFunction || isLookUp(filled, question.session) || isFieldOfThis(filled) || isFieldOfParameter(filled, question.session)) &&
        originOf(filled, 0, question) === 'borrowed'
      )
        here.add(name);
      // A one-shot timer its maker clears when the work it times ends is the maker's, the record's copy a look-up.
      else if (named && ts.isIdentifier(filled) && isTimerItsMakerClears(filled, question.session)) here.add(name);
    }
    borrowed = borrowed ? new Set([...borrowed].filter((name) => here.has(name))) : here;
    if (borrowed.size === 0) return borrowed;
    given.push(...e.properties.map(propertyNameOf));
  }
  // A field no record is given at all is not borrowed: fieldsOfStoredRecords answers for it.
  return borrowed && new Set([...borrowed].filter((name) => given.includes(name)));
}

/** `ctx.res` of a parameter `ctx`: what an object the function was handed holds. */
function isFieldOfParameter(filled: ts.Expression, session: AnalysisSession): boolean {
  const holder = ts.isPropertyAccessExpression(filled) ? skipOuter(filled.expression) : undefined;
  return holder !== undefined && ts.isIdentifier(holder) && parameterNamed(holder.text, holder, session) !== undefined;
}

/** `document` given by `const document = documents.getDocument(id)`: a local whose every value is a call. */
function isLookUp(filled: ts.Expression, session: AnalysisSession): boolean {
  if (!ts.isIdentifier(filled)) return false;
  const reach = valuesInReach(filled.text, filled, session);
  return !reach.parameterOf && reach.values.length > 0 && reach.values.every((value) => ts.isCallExpression(skipOuter(value)));
}

/**
 * Every stored record gives `field` cleanup functions a call made: one (`{ em, off: listen(em, 'x', fn) }`,
 * or a local given one), or for a list field a list of them written out or pushed into a local
 * (`offs: [listen(…), listen(…)]`). A function written in place, handed in or bound (`fn.bind(this)`)
 * is a callback the record carries; an empty list may be filled with anything later.
 */
export function fieldFilledWithMadeFunctions(insertions: readonly ts.Expression[], field: string, list: boolean, session: AnalysisSession): boolean {
  return (
    insertions.length > 0 &&
    insertions.every((value) => {
      const property = recordLiteralOf(value, session)?.properties.find((candidate) => propertyNameOf(candidate) === field);
      const filled =
        property && (ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined);
      if (!filled) return false;
      if (!list) return isFunctionMadeByCall(filled, session);
      const e = skipOuter(filled);
      const local = ts.isIdentifier(e) ? singleInitializer(e, session) : undefined;
      const written = local ?? e;
      if (!ts.isArrayLiteralExpression(written)) return false;
      const elements = [...written.elements, ...(ts.isIdentifier(e) ? pushedInto(e, session) : [])];
      return elements.length > 0 && elements.every((element) => !ts.isSpreadElement(element) && isFunctionMadeByCall(element, session));
    })
  );
}

/** `listen(em, 'x', fn)`, or a local given only that: not `fn.bind(this)`, which hands out the function it is called on. */
function isFunctionMadeByCall(expression: ts.Expression, session: AnalysisSession): boolean {
  const e = skipOuter(expression);
  const value = ts.isIdentifier(e) ? singleInitializer(e, session) : e;
  return (
    value !== undefined && ts.isCallExpression(skipOuter(value)) && calledMethodName(skipOuter(value) as ts.CallExpression) !== 'bind' && isMadeByCall(value)
  );
}

/** The object literal an inserted value is: written there, kept in a local, or the one a method of the class returns. */
export function recordLiteralOf(value: ts.Expression, session: AnalysisSession): ts.ObjectLiteralExpression | undefined {
  let e = skipOuter(value);
  if (ts.isIdentifier(e)) e = skipOuter(valuesInReach(e.text, e, session).values[0] ?? e);
  const method = ownMethodCalled(e);
  const returned = method ? returnedExpressions(method) : [];
  if (returned.length === 1) e = skipOuter(returned[0]!);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

/** The values `name.push(…)` (or any inserting method) adds to a local array in the function that declares it. */
function pushedInto(name: ts.Identifier, session: AnalysisSession): ts.Expression[] {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable') return [];
  const pushed: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee)) {
      const how = INSERTING_METHODS.get(callee.name.text);
      const receiver = skipOuter(callee.expression);
      if (how && ts.isIdentifier(receiver) && receiver.text === name.text)
        for (const argument of insertedValues(how, (node as ts.CallExpression).arguments))
          pushed.push(ts.isSpreadElement(argument) ? argument.expression : argument);
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.body);
  return pushed;
}

/** The call whose promise `fn` continues, when `name` is the value it settles with: `x.subscribe(q).then((name) => …)`. */
function promiseSettlingParameter(fn: ts.FunctionLikeDeclaration, name: string): ts.CallExpression | undefined {
  const [first] = fn.parameters;
  const call = fn.parent;
  if (!first || !ts.isIdentifier(first.name) || first.name.text !== name || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  if (calledMethodName(call) !== 'then') return undefined;
  const promise = skipOuter((skipOuter(call.expression) as ts.PropertyAccessExpression).expression);
  return ts.isCallExpression(promise) && !isPromiseContinuation(promise) ? promise : undefined;
}

/**
 * A parameter of a method only its own class (or, protected, its subclasses beside it) calls, or of
 * a function of the module no other module reaches: the owner passes itself what its callers give
 * there — `this.track(net.connect(…))` makes what `private track(socket)` stores, and
 * `setGlobal(new Service())` what `function setGlobal(service)` keeps. Any other parameter is its
 * caller's.
 */
function passedToItself(fn: ts.FunctionLikeDeclaration, name: string, depth: number, question: OriginQuestion): Origin {
  const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name);
  const calls = index < 0 || fn.parameters[index]!.dotDotDotToken ? undefined : callsOfLocalFunction(fn, question.session);
  if (!calls) return 'borrowed';
  // `this.set(id, shard); …; this.enqueue(shard)`: a value the caller keeps in a container of the object first is that one's.
  const handed = calls.flatMap((call) => {
    const argument = call.arguments[index];
    return argument === undefined || isKeptByCallerFirst(argument, call, question.session) ? [] : [argument];
  });
  return handed.length === 0 ? 'borrowed' : strongestOrigin(handed, depth, question);
}

/** The name `argument` is, stored by the function making `call` into a container of `this` (also `this` itself) before the call. */
function isKeptByCallerFirst(argument: ts.Expression, call: ts.CallExpression, session: AnalysisSession): boolean {
  const e = skipOuter(argument);
  return ts.isIdentifier(e) && thisInsertionsIn(enclosingBody(call), session).some((insertion) => insertion.pos < call.pos && insertion.names.has(e.text));
}

const THIS_INSERTIONS = memoTable<ts.Node, readonly { pos: number; names: ReadonlySet<string> }[]>('containers.thisInsertions');

/** `this.set(id, shard)`, `this.queue.push(job)`: where a body (not the functions in it) stores names into containers of `this`, and which. One walk per body. */
function thisInsertionsIn(body: ts.Node, session: AnalysisSession): readonly { pos: number; names: ReadonlySet<string> }[] {
  return session.memo(THIS_INSERTIONS, body, () => {
    const found: { pos: number; names: ReadonlySet<string> }[] = [];
    const visit = (node: ts.Node): void => {
      if (node !== body && isSeparateFunction(node)) return;
      const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
      if (
        callee &&
        ts.isPropertyAccessExpression(callee) &&
        INSERTING_METHODS.has(callee.name.text) &&
        rootOf(callee.expression).kind === ts.SyntaxKind.ThisKeyword
      ) {
        const names = (node as ts.CallExpression).arguments.map(skipOuter).filter(ts.isIdentifier);
        if (names.length > 0) found.push({ pos: node.pos, names: new Set(names.map((name) => name.text)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  })!;
}

function isEmptyContainerProperty(property: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(property)) return false;
  const e = skipOuter(property.initializer);
  return isEmptyContainerExpression(e) && (!ts.isNewExpression(e) || (ts.isIdentifier(e.expression) && BUILTIN_COLLECTIONS.has(e.expression.text)));
}

/** The built-in collections a record type never is one of (`new Set()`, `new Map(entries)`). */
export const BUILTIN_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);
const REGISTERS_WHAT_IT_RETURNS = memoTable<ts.FunctionLikeDeclaration, boolean>('containers.registersWhatItReturns');

/**
 * A get-or-create: every value the function returns is read from a container (`this.clients.get(k)`,
 * `entry.client` of a loop over one) or put in one before it is returned, and some are read. That
 * container owns it; its callers share it.
 */
function registersWhatItReturns(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  const table = session.table(REGISTERS_WHAT_IT_RETURNS);
  let answer = table.get(fn);
  if (answer === undefined) {
    // A method that reaches itself through another is answered no on the way.
    table.set(fn, false);
    table.set(fn, (answer = computeRegistersWhatItReturns(fn, session)));
  }
  return answer;
}

/** What a function's body says about what it returns: read out of a container, or stored in one. */
interface ReturnsBook {
  returned: ts.Expression[];
  /** Names stored into a container (`m.set(k, c)`, `m[k] = c`, `list.push(c)`). */
  inserted: Set<string>;
  /** Loop variables over a container (`for (const doc of this.docs.values())`). */
  loopOverContainer: Set<string>;
  /** Locals given a read: `const existing = this.clients.get(k)`, or a get-or-create of the object. */
  readInto: Set<string>;
  reassigned: Set<string>;
}

function returnsBook(fn: ts.FunctionLikeDeclaration, isReadValue: (e: ts.Expression) => boolean): ReturnsBook {
  const book: ReturnsBook = { returned: [], inserted: new Set(), loopOverContainer: new Set(), readInto: new Set(), reassigned: new Set() };
  const visit = (node: ts.Node): void => {
    if (node !== fn && isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) book.returned.push(node.expression);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isReadValue(node.initializer)) book.readInto.add(node.name.text);
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer) && canonical(node.expression)) {
      for (const declaration of node.initializer.declarations) if (ts.isIdentifier(declaration.name)) book.loopOverContainer.add(declaration.name.text);
    }
    if (ts.isCallExpression(node)) {
      const method = calledMethodName(node);
      const how = method !== undefined ? INSERTING_METHODS.get(method) : undefined;
      for (const value of how ? insertedValues(how, node.arguments) : []) for (const name of namesIn(value)) book.inserted.add(name);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(skipOuter(node.left))) {
      book.reassigned.add((skipOuter(node.left) as ts.Identifier).text);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(skipOuter(node.left))) {
      for (const name of namesIn(node.right)) book.inserted.add(name);
    }
    ts.forEachChild(node, visit);
  };
  if (!fn.body) return book;
  if (ts.isBlock(fn.body)) visit(fn.body);
  else book.returned.push(fn.body);
  return book;
}

/** `const t = new T(); this.hash[k] = t; return t`: every value it returns it stored first (the create half of a get-or-create). */
function insertsWhatItReturns(fn: ts.FunctionLikeDeclaration): boolean {
  const book = returnsBook(fn, () => false);
  return book.returned.length > 0 && book.returned.every((expression) => isInsertedIn(book, expression));
}

/** A name the function stored into a container before handing it back. */
function isInsertedIn(book: ReturnsBook, expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isIdentifier(e) && book.inserted.has(e.text);
}

function computeRegistersWhatItReturns(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): boolean {
  if (!fn.body) return false;
  // `this.getRenderTarget(s)` of a method of the object that registers what it returns: a read too.
  const isReadValue = (expression: ts.Expression): boolean => {
    let e = skipOuter(expression);
    if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
    if (isContainerRead(e)) return true;
    // `this.hash[k] ?? this.init(k)`: the one kept, or one stored there now (get-or-create).
    if (isFallback(e)) {
      const created = ownMethodCalled(skipOuter(e.right));
      return isReadValue(e.left) && (isReadValue(e.right) || (created !== undefined && insertsWhatItReturns(created)));
    }
    const called = ownMethodCalled(e);
    return called !== undefined && called !== fn && registersWhatItReturns(called, session);
  };
  const book = returnsBook(fn, isReadValue);
  const isRead = (expression: ts.Expression): boolean => {
    let e = skipOuter(expression);
    if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
    if (isReadValue(e)) return true;
    // `let c = m.get(k); if (!c) { c = make(); m.set(k, c) } return c`: reassigned, then registered.
    if (ts.isIdentifier(e))
      return (
        (book.readInto.has(e.text) && (!book.reassigned.has(e.text) || book.inserted.has(e.text))) ||
        (book.loopOverContainer.has(e.text) && !book.reassigned.has(e.text))
      );
    if (ts.isPropertyAccessExpression(e)) {
      const root = rootOf(e);
      return ts.isIdentifier(root) && book.loopOverContainer.has(root.text);
    }
    return false;
  };
  // Some path hands back one already there: a shared instance, not a fresh one that registers
  // itself for its own stop() to remove (the story's `newMeter()` returns only new meters).
  // `return null` when nothing is found hands out nothing.
  return (
    book.returned.some(isRead) && book.returned.every((expression) => isRead(expression) || isInsertedIn(book, expression) || isNullish(skipOuter(expression)))
  );
}

/** `this.clients.get(k)`, `registry[k]`: a value read out of a container. */
function isContainerRead(expression: ts.Expression): boolean {
  let e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
  if (ts.isCallExpression(e)) return READ_METHODS.has(calledMethodName(e) ?? '');
  return ts.isElementAccessExpression(e) && canonical(e.expression) !== undefined;
}

/** `v`, or the names an object literal stores (`{ client, serverConfig }`, `{ client: c }`). */
function namesIn(value: ts.Expression): string[] {
  const e = skipOuter(value);
  if (ts.isIdentifier(e)) return [e.text];
  if (!ts.isObjectLiteralExpression(e)) return [];
  return e.properties.flatMap((property) =>
    ts.isShorthandPropertyAssignment(property)
      ? [property.name.text]
      : ts.isPropertyAssignment(property) && ts.isIdentifier(skipOuter(property.initializer))
        ? [(skipOuter(property.initializer) as ts.Identifier).text]
        : [],
  );
}

/** A property whose value the checker types as a primitive (asked only of values a call produced). */
function isPrimitiveValue(property: ts.ObjectLiteralElementLike, session: AnalysisSession): boolean {
  const value = propertyValueOf(property);
  // A browser timer id is a number, and still a timer.
  if (!value || ts.isNewExpression(skipOuter(value)) || timerCallRelease(value)) return false;
  // `{ leaf }` of `const leaf = new Leaf(…)`, `{ timeout }` of `const timeout = setTimeout(…)`: an
  // object or a timer, known without typing the name where it is used.
  const name = skipOuter(value);
  if (ts.isIdentifier(name)) {
    const { values } = valuesInReach(name.text, name, session);
    if (values.length > 0 && values.every((made) => ts.isNewExpression(skipOuter(made)) || timerCallRelease(made) !== undefined)) return false;
  }
  return isPrimitiveLike(session.checker.getTypeAtLocation(value));
}

/**
 * The field `field` of what `made` gives, when it is a call of a function of the program that
 * returns object literals: the origin of what each return puts there (`return { transport,
 * headerHolder }` with `transport = new Transport(…)`: created). Anything else is borrowed, as a
 * field read was before.
 */
function fieldOfFactoryResult(made: ts.Expression, field: string, depth: number, question: OriginQuestion): Origin {
  let call = skipOuter(made);
  if (ts.isAwaitExpression(call)) call = skipOuter(call.expression);
  if (!ts.isCallExpression(call) || isLent(call, question.lending) || !isNamedDirectly(call)) return 'borrowed';
  if (question.cheap) return 'unknown';
  const callee = resolveCallee(call, question.session);
  if (!callee || registersWhatItReturns(callee, question.session)) return 'borrowed';
  const filled: ts.Expression[] = [];
  for (const returned of returnedExpressions(callee)) {
    const record = skipOuter(returned);
    if (!ts.isObjectLiteralExpression(record)) return 'borrowed';
    for (const property of record.properties) {
      if (ts.isPropertyAssignment(property) && propertyNameOf(property) === field) filled.push(property.initializer);
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === field) filled.push(property.name);
    }
  }
  return strongestOrigin(filled, depth, question);
}

/** The origin of a name given several values: an interval or a created value wins over borrowed. */
function strongestOrigin(values: readonly ts.Expression[], depth: number, question: OriginQuestion): Origin {
  let result: Origin = 'borrowed';
  for (const value of values) {
    const origin = originOf(value, depth + 1, question);
    if (origin === 'interval') return 'interval';
    if (origin === 'created') result = 'created';
    if (origin === 'unknown' && result === 'borrowed') result = 'unknown';
  }
  return result;
}

/** `server.on('session', listener)`: a call that registers `listener` for the event of a new connection. */
export function registersConnectionListener(call: ts.CallExpression, listener: ts.Node): boolean {
  const method = calledMethodName(call);
  const [event, registered] = call.arguments;
  return (
    (method === 'on' || method === 'once' || method === 'addListener') &&
    event !== undefined &&
    ts.isStringLiteral(event) &&
    CONNECTION_EVENTS.has(event.text) &&
    registered !== undefined &&
    skipOuter(registered) === listener
  );
}

/** `server.on('connection', (socket) => …)`, `net.createServer((socket) => …)`: the socket is ours to close. */
export function isConnectionListener(fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  if (registersConnectionListener(call, fn)) return true;
  const name = calleeName(call);
  if (name !== undefined && SERVER_FACTORIES.has(name)) {
    // http's request listener gets (request, response): borrowed. net/tls hand over a socket.
    const first = fn.parameters[0];
    return fn.parameters.length === 1 && first !== undefined;
  }
  return false;
}
