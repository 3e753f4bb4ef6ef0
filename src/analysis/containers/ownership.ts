/**
 * Who owns what a container holds, read from the insertions visible in its class (for `this.x`)
 * or its module: a container owns its values when at least one insertion stores a value created
 * here (a constructor, a factory, `setInterval`, `spawn`, an object literal holding such a value)
 * or a socket handed to a server's connection listener. Parameters, hook payloads, `this` and
 * values read from another container are borrowed.
 */
import ts from 'typescript';

import { resolveCallee } from '../flow/index.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { isDetachingName, isReleaseLikeName, TIMER_CLEARS } from '../resources/release.js';
import {
  calleeName,
  calledMethodName,
  canonical,
  containerScope,
  enclosingBody,
  isEmptyContainerExpression,
  isFallback,
  isFunctionLike,
  fieldReturnedBy,
  isIdentifierNamed,
  isPrivateMember,
  isWithin,
  membersNamed,
  ownMembersOf,
  returnedExpressions,
  rootOf,
  skipOuter,
  statementInBlock,
  propertyValueOf,
  someOutsideFunctions,
} from '../syntax/expressions.js';
import { runsOnlyAtCallersChoice } from '../syntax/callersChoice.js';
import { baseClassOf, subclassesOf } from '../syntax/hierarchy.js';
import { callsHandingParameter, declarationOf, isStableName, parameterNamed } from '../syntax/names.js';
import { moduleLevelName } from '../syntax/programCalls.js';
import { CONTAINER_PROTOCOLS, insertedValues, readContainerOf, type InsertedArguments } from './kinds.js';
import { containerTypeOf, isPrimitiveLike } from './types.js';
import { containerTakenBy } from './takers.js';
import { movedFrom, removedAs } from './movedValues.js';
import { insertingHow, originOf, type OriginQuestion } from './origins.js';

export interface Ownership {
  /** At least one visible insertion stores a value the program creates. */
  owns: boolean;
  /** Some insertion stores the result of `setInterval`: the suggested release is clearInterval. */
  storesIntervals: boolean;
  /** Read from the syntax alone, some insertion's origin is left to the checker: `owns` may still turn true. */
  undecided?: boolean;
}

const OWNERSHIP = memoTable<ts.Node, Map<string, Ownership>>('containers.ownership');
const SCOPE_FACTS = memoTable<ts.Node, ScopeFacts>('containers.scopeFacts');
const PLACES = memoTable<ts.Node, Map<string, ContainerPlace[]>>('containers.places');
const LOCAL_INITIALIZER = memoTable<ts.Identifier, ts.Expression | null>('containers.localInitializer');
const PLACE_OF = memoTable<ts.Expression, { scope: ts.Node; key: string } | null>('containers.placeOf');
const RETURNED_CONTAINERS = memoTable<ts.Expression, ts.Identifier | null>('containers.returnedContainers');

const NO_NAMES: ReadonlySet<string> = new Set();

/** The suffix under which a container's inserted keys are kept. */
const KEYS = '#keys';
/** The suffix that names the elements of the inner containers a container holds (`for (const d of c.get(k) ?? [])`). */
const INNER = '#inner';
/** `entry.offs` of a value of container `c`, as a name a loop binds its elements to: `c#field:offs`. */
const FIELD = '#field:';

/** Who owns what a container holds — its values, or (`of: 'keys'`) the keys of a Map. */
export function getOwnership(
  containerExpression: ts.Expression,
  session: AnalysisSession,
  of: 'values' | 'keys' = 'values',
  lending: ReadonlySet<string> = NO_NAMES,
  /** `syntax`: read from the syntax alone — an `owns` of false may still turn true with the checker's answers. */
  reading: 'syntax' | 'full' = 'full',
): Ownership {
  const container = canonical(containerExpression);
  if (!container || container.impure) return { owns: true, storesIntervals: false };
  const { scope, key: placeKey } = placeOf(containerExpression, container.text, session);
  const table = session.table(OWNERSHIP);
  let byText = table.get(scope);
  if (!byText) table.set(scope, (byText = new Map()));
  // A local reading an inner container (`const inner = this.byShare[id]`) is answered with its value.
  const root = rootOf(containerExpression);
  const local = ts.isIdentifier(root) && root === skipOuter(containerExpression) ? localInitializer(root, session) : undefined;
  const suffix = of === 'keys' ? KEYS : '';
  const key = `${placeKey}${local ? `=${local.pos}` : ''}${suffix}${lending.size > 0 ? `|${[...lending].join(',')}` : ''}${reading === 'syntax' ? '#syntax' : ''}`;
  let result = byText.get(key);
  if (!result) {
    const places = containerPlaces(containerExpression, session).map((place) => ({ ...place, text: place.text + suffix }));
    // Two containers moving values into each other ask each other: the one asked again meanwhile owns nothing yet.
    byText.set(key, { owns: false, storesIntervals: false });
    byText.set(key, (result = computeOwnership(places, session, lending, local, reading === 'syntax')));
  }
  return result;
}

/** The single value of a local (`const inner = …`), from its declaration in reach. */
function localInitializer(name: ts.Identifier, session: AnalysisSession): ts.Expression | undefined {
  return session.memo(LOCAL_INITIALIZER, name, () => {
    const declaration = declarationOf(name.text, name, session);
    return declaration?.kind === 'variable' && !ts.isSourceFile(declaration.body) && declaration.bindings.values.length === 1 && !declaration.bindings.changed
      ? declaration.bindings.values[0]
      : undefined;
  });
}

/** A container as the code of one class or module names it. */
export interface ContainerPlace {
  scope: ts.Node;
  text: string;
}

/**
 * Where a container's insertions are read: its class (for `this.x`) or its module — and, for a
 * container imported from another module (`import { registry } from './registry.js'`), the module
 * that declares it too, under the name it has there. Answered once per program for each name.
 */
export function containerPlaces(containerExpression: ts.Expression, session: AnalysisSession): ContainerPlace[] {
  const container = canonical(containerExpression);
  if (!container) return [];
  // Asked at every candidate receiver: answered once per place.
  const { scope, key } = placeOf(containerExpression, container.text, session);
  const table = session.table(PLACES);
  let byText = table.get(scope);
  if (!byText) table.set(scope, (byText = new Map()));
  let places = byText.get(key);
  if (!places) byText.set(key, (places = findContainerPlaces(containerExpression, container.text, session)));
  return places;
}

/**
 * Where a container's answers are kept: its class or module, and its text with the declaration its
 * root name binds to — two helpers' parameter `map` are their callers' different containers.
 */
function placeOf(containerExpression: ts.Expression, containerText: string, session: AnalysisSession): { scope: ts.Node; key: string } {
  // Asked several times at each candidate receiver (ownership of values and keys, its places).
  return session.memo(PLACE_OF, containerExpression, () => findPlaceOf(containerExpression, containerText, session))!;
}

function findPlaceOf(containerExpression: ts.Expression, containerText: string, session: AnalysisSession): { scope: ts.Node; key: string } {
  const root = rootOf(containerExpression);
  const declaration = ts.isIdentifier(root) ? declarationOf(root.text, root, session) : undefined;
  const where = !declaration ? '' : declaration.kind === 'parameter' ? `@${declaration.parameter.pos}` : `@${declaration.body.pos}`;
  return { scope: containerScope(containerExpression), key: containerText + where };
}

function findContainerPlaces(containerExpression: ts.Expression, containerText: string, session: AnalysisSession): ContainerPlace[] {
  const places: ContainerPlace[] = [{ scope: containerScope(containerExpression), text: containerText }];
  const root = rootOf(containerExpression);
  if (root.kind === ts.SyntaxKind.ThisKeyword) return [...places, ...inheritedPlaces(places[0]!.scope, containerText, session)];
  if (!ts.isIdentifier(root)) return places;
  // `function forget(pollers: Map<…>, url) { pollers.delete(url) }` that only this module calls:
  // what its callers hand it is the container it drops from.
  const handed = containersHandedIn(root, session);
  if (handed)
    return [...places, ...handed.map(({ argument, text }) => ({ scope: containerScope(argument), text: text + containerText.slice(root.text.length) }))];
  // `const pollers = allPollers()`: a module's container handed out by a function that returns it.
  const initializer = localInitializer(root, session);
  // `const children = this.children`: a local naming a field of the class (or a getter returning
  // one) holds what that field's insertions store.
  const fields = initializer ? ownFieldsNamed(initializer) : [];
  if (fields.length > 0)
    return [...places, ...fields.map((field) => ({ scope: containerScope(initializer!), text: field + containerText.slice(root.text.length) }))];
  const returned = initializer && returnedModuleContainer(initializer, session);
  if (returned) return [...places, { scope: returned.getSourceFile(), text: returned.text + containerText.slice(root.text.length) }];
  // A name declared in reach (a local, a parameter, a module variable) is not an import: no checker needed.
  if (declarationOf(root.text, root, session)) return places;
  const symbol = session.checker.getSymbolAtLocation(root);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return places;
  const declaration = session.checker.getAliasedSymbol(symbol).valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return places;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile || session.program.isSourceFileFromExternalLibrary(file)) return places;
  return [...places, { scope: file, text: declaration.name.text + containerText.slice(root.text.length) }];
}

/**
 * `this.groups` of a field other classes of its family can reach (not `private`, not `#groups`), in
 * a class that never fills it: the base classes of the program up to the one that declares it, and
 * every subclass of `cls`, are where it is filled — a `BaseGrid` removing groups its
 * `GridviewComponent` subclass adds. A class that fills it itself is read alone, as before: its
 * family is not walked for every field of a widely extended base.
 */
function inheritedPlaces(cls: ts.Node, containerText: string, session: AnalysisSession): ContainerPlace[] {
  const field = /^this\.([\w$]+)/.exec(containerText)?.[1];
  if (!ts.isClassLike(cls) || field === undefined || scopeFacts(cls, session).insertions.has(containerText)) return [];
  const bases: ts.ClassLikeDeclaration[] = [];
  let declaring: ts.ClassLikeDeclaration | undefined = cls;
  for (let depth = 0; declaring && depth < MAX_BASES; depth++) {
    const members = membersNamed(declaring, field);
    if (members.length > 0) {
      if (members.some((member) => isPrivateMember(member))) return [];
      break;
    }
    declaring = baseClassOf(declaring, session.checker);
    if (!declaring || declaring.getSourceFile().isDeclarationFile) return [];
    bases.push(declaring);
  }
  if (!declaring || membersNamed(declaring, field).length === 0) return [];
  return [...bases, ...subclassesOf(cls, session)].map((scope) => ({ scope, text: containerText }));
}

/** Base classes followed up from a class to the one declaring a field. */
const MAX_BASES = 8;

/**
 * `this.pollers`, `this.pollers!`, or a getter of the class whose every `return` is one such field:
 * the texts the class's own code names that container by (the getter's, and the field's).
 */
function ownFieldsNamed(expression: ts.Expression): string[] {
  const e = skipOuter(expression);
  if (!ts.isPropertyAccessExpression(e)) return [];
  const members = ownMembersOf(e);
  const text = `this.${e.name.text}`;
  if (members.some((member) => ts.isPropertyDeclaration(member) || ts.isParameter(member))) return [text];
  const getter = members.find(ts.isGetAccessorDeclaration);
  const field = getter && members.length <= 2 ? fieldReturnedBy(getter) : undefined;
  const declared = field !== undefined && ts.isClassLike(getter!.parent) && membersNamed(getter!.parent, field).some(ts.isPropertyDeclaration);
  return declared ? [text, `this.${field}`] : [];
}

/**
 * The containers every call hands a parameter of a private method or an unexported function of the
 * module (`forget(this.pollers, url)`), or of a module-level function other modules call
 * (`forgetIn(pollers, url)` after an import): each argument with its text.
 */
export function containersHandedIn(name: ts.Identifier, session: AnalysisSession): { argument: ts.Expression; text: string }[] | undefined {
  const handing =
    callsHandingParameter(name.text, name, session) ??
    (mayBeHandedByOtherModules(name, session) ? callsHandingParameter(name.text, name, session, true) : undefined);
  if (!handing) return undefined;
  const handed: { argument: ts.Expression; text: string }[] = [];
  for (const call of handing.calls) {
    const argument = call.arguments[handing.index] && skipOuter(call.arguments[handing.index]!);
    const text = argument && canonical(argument);
    if (!argument || !text || text.impure) return undefined;
    // A caller handing on its own parameter: the container is further up, out of sight.
    const root = rootOf(argument);
    if (ts.isIdentifier(root) && parameterNamed(root.text, argument, session)) return undefined;
    handed.push({ argument, text: text.text });
  }
  return handed;
}

/**
 * Other modules' calls are searched for only for an annotated parameter of a module-level function,
 * declared as a container that can hold objects (`Map<string, Poller>`, not `number[]`): the syntax
 * rules out callbacks (whose parameters the checker would type from their context) before the
 * checker is asked, and a search of the program per function taking numbers would be waste.
 */
function mayBeHandedByOtherModules(name: ts.Identifier, session: AnalysisSession): boolean {
  const parameter = parameterNamed(name.text, name, session);
  if (!parameter?.type || !moduleLevelName(parameter.parent as ts.FunctionLikeDeclaration)) return false;
  // `levels: ExtensionConfig['enabledDiagnosticLevels']`: a part of another type's data, whose
  // typing would resolve that whole type (a configuration's hundred settings) for one parameter.
  if (ts.isIndexedAccessTypeNode(parameter.type)) return false;
  const container = containerTypeOf(name, session);
  return container !== undefined && container.kind !== 'Cache' && !isPrimitiveLike(container.valueType);
}

/** `allPollers()` whose every `return` names one module-level constant of a program module: that name. */
function returnedModuleContainer(initializer: ts.Expression, session: AnalysisSession): ts.Identifier | undefined {
  const table = session.table(RETURNED_CONTAINERS);
  let returned = table.get(initializer);
  if (returned === undefined) table.set(initializer, (returned = findReturnedModuleContainer(initializer, session) ?? null));
  return returned ?? undefined;
}

function findReturnedModuleContainer(initializer: ts.Expression, session: AnalysisSession): ts.Identifier | undefined {
  const e = skipOuter(initializer);
  if (!ts.isCallExpression(e) || e.arguments.length > 0) return undefined;
  // `client.pipeline()` is a method of an object, never a module's function (`registry.all()` of a
  // namespace import may be one): resolving it would type `client`.
  const named = skipOuter(e.expression);
  const owner = ts.isPropertyAccessExpression(named) ? skipOuter(named.expression) : undefined;
  if (!ts.isIdentifier(named) && !(owner && ts.isIdentifier(owner) && !declarationOf(owner.text, owner, session))) return undefined;
  const callee = resolveCallee(e, session);
  if (!callee?.body || !ts.isFunctionDeclaration(callee)) return undefined;
  const file = callee.getSourceFile();
  if (file.isDeclarationFile || session.program.isSourceFileFromExternalLibrary(file)) return undefined;
  const names = new Set<string>();
  let returned: ts.Identifier | undefined;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other || (node !== callee.body && isFunctionLike(node))) return;
    if (ts.isReturnStatement(node)) {
      const value = node.expression && skipOuter(node.expression);
      if (value && ts.isIdentifier(value)) {
        names.add(value.text);
        returned = value;
      } else other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(callee.body);
  if (other || names.size !== 1 || !returned) return undefined;
  const name = returned.text;
  const declared = file.statements.some(
    (statement) =>
      ts.isVariableStatement(statement) &&
      (statement.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
      statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name),
  );
  return declared ? returned : undefined;
}

/** Every value the visible insertions of a container store. */
export function visibleInsertions(places: readonly ContainerPlace[], session: AnalysisSession): ts.Expression[] {
  return places.flatMap((place) => insertionsIn(place.scope, session).get(place.text) ?? []);
}

/**
 * A record's field given a value on an object other than `this`: `x.field = v` (also `??=`, `||=`),
 * or `x.field.push(v)` into a list the field holds. `at` is the assignment or the call.
 */
export interface FieldFill {
  readonly target: ts.PropertyAccessExpression;
  readonly value: ts.Expression;
  readonly at: ts.Node;
}

/** Every field fill of a class or module (read in the same walk as its insertions). */
export function fieldFillsIn(scope: ts.Node, session: AnalysisSession): readonly FieldFill[] {
  return scopeFacts(scope, session).fieldFills;
}

/** Every insertion in a class or module, by container text. */
export function insertionsIn(scope: ts.Node, session: AnalysisSession): Map<string, ts.Expression[]> {
  return scopeFacts(scope, session).insertions;
}

function computeOwnership(
  places: readonly ContainerPlace[],
  session: AnalysisSession,
  lending: ReadonlySet<string>,
  localValue: ts.Expression | undefined,
  syntaxOnly: boolean,
): Ownership {
  if (!localValue && isIndexOfOwningContainer(places, session)) return { owns: false, storesIntervals: false };
  // Values put into the containers this one holds count too (`const list = byRoom.get(r) ?? []; list.push(setTimeout(…))`),
  // and a local that reads an inner container out of another owns what that one's insertions put in it.
  const inserted = [
    ...visibleInsertions(places, session).filter((value) => !isHandedOutToRemoveItself(value, session) && !isKeyHandedToItsValue(value, session)),
    ...places.flatMap((place) => innerInsertions(place, session)),
    ...(localValue ? outerContainerValues(places[0]!.scope, localValue, session) : []),
  ];
  // A container whose own code releases its values somewhere has declared that it owns them,
  // whatever its insertions store (parameters of a storage class's `set()` included). Releasing a
  // field of its values says as much when it builds those values itself (a record literal around
  // what it is given); a value stored as it was handed in may share that field with its successor.
  let owns = places.some(
    (place) =>
      releasesItsValues(place, session) ||
      (releasesFieldsOfItsValues(place, session) && inserted.some((value) => isRecordLiteral(value) && !holdsLookedUpValue(value, session))),
  );
  let storesIntervals = false;
  // First from the syntax alone; the checker is asked (what a called function does with what it
  // returns, whether a field is a number) only when the syntax has not already decided.
  let undecided = false;
  for (const cheap of syntaxOnly ? [true] : [true, false]) {
    const question: OriginQuestion = { session, lending, cheap };
    for (const value of inserted) {
      const origin = originOf(value, 0, question);
      if (origin === 'created' || origin === 'interval') owns = true;
      if (origin === 'interval') storesIntervals = true;
      if (origin === 'unknown' && cheap) undecided = true;
    }
    // The checker can only decide what the syntax left unknown (what a called function returns).
    if (owns || !undecided) break;
  }
  if (!owns) {
    const moved = ownsWhatItTakesOver(places, session, lending, syntaxOnly);
    owns = moved === true;
    if (moved === 'undecided') undecided = true;
  }
  // Values the code takes back from what they listen to (`emitter.off('x', this.handlers[k])`) may be
  // listeners whose registration it owns, wherever the functions came from: the checker's type decides.
  const detached = (): boolean => places.some((place) => detachmentsOfItsValues(place, session) !== undefined);
  return syntaxOnly && !owns && (undecided || detached()) ? { owns, storesIntervals, undecided: true } : { owns, storesIntervals };
}

/**
 * `give(w) { this.busy.delete(w); this.idle.push(w) }`: a value moved in from another container of
 * the same class or module is owned here when it was owned there. 'undecided' when only the checker
 * can tell which container kind the value came out of.
 */
function ownsWhatItTakesOver(
  places: readonly ContainerPlace[],
  session: AnalysisSession,
  lending: ReadonlySet<string>,
  syntaxOnly: boolean,
): boolean | 'undecided' {
  let undecided = false;
  for (const place of places) {
    for (const value of insertionsIn(place.scope, session).get(place.text) ?? []) {
      const moved = movedFrom(value, session);
      const from = moved && canonical(moved.container);
      if (!from || from.impure || from.text === place.text || containerScope(moved.container) !== place.scope) continue;
      const of = !moved.byValue ? 'values' : syntaxOnly ? undefined : removedAs(moved.container, session);
      const there = of && getOwnership(moved.container, session, of, lending, syntaxOnly ? 'syntax' : 'full');
      if (there && there.owns) return true;
      if (there ? there.undecided : syntaxOnly) undecided = true;
    }
  }
  return undecided ? 'undecided' : false;
}

/**
 * `this.byName.set(c.name, c)` beside `this.byId.set(c.id, c)`, where the code releases what `byId`
 * holds and never what `byName` holds: every value this container is given goes, on the same path,
 * into a container of the same class or module that releases its values. This one is an index; a
 * value it lets go stays held, and owed, by the owner.
 */
function isIndexOfOwningContainer(places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  if (places.length === 0 || places.some((place) => releasesItsValues(place, session) || releasesFieldsOfItsValues(place, session))) return false;
  let seen = false;
  for (const place of places) {
    const all = insertionsIn(place.scope, session);
    for (const value of all.get(place.text) ?? []) {
      seen = true;
      const name = skipOuter(value);
      if (!ts.isIdentifier(name) || !isStableName(name, session)) return false;
      const fn = enclosingBody(name);
      // Or read out of the owner (`const c = this.byId.get(id)`): held there already.
      const made = localInitializer(name, session);
      const readFrom = made && readContainerOf(made);
      const mirrored = [...all].some(
        ([other, values]) =>
          other !== place.text &&
          (other === readFrom || values.some((kept) => isAlsoKept(kept, name, fn))) &&
          releasesOneOfItsValues({ scope: place.scope, text: other }, session),
      );
      if (!mirrored) return false;
    }
  }
  return seen;
}

/** `kept` stores the value `name` names, in the same function, by a statement of a block that also runs the store of `name`. */
function isAlsoKept(kept: ts.Expression, name: ts.Identifier, fn: ts.Node): boolean {
  const e = skipOuter(kept);
  if (!ts.isIdentifier(e) || e.text !== name.text || enclosingBody(e) !== fn) return false;
  const at = statementInBlock(e);
  return at !== undefined && isWithin(name, at.block);
}

/**
 * `const w = new Watcher(p); Manager.watchers.add(w); return w` where `Watcher`'s `dispose()` runs
 * `Manager.watchers.delete(this)`: the caller gets the value and ends it, and the value takes itself
 * out as it ends. The container is an index of live values, not their owner. Read from the syntax:
 * a class of the same module, a store by a call, the container spelled alike in both places.
 */
function isHandedOutToRemoveItself(value: ts.Expression, session: AnalysisSession): boolean {
  const name = skipOuter(value);
  const store = name.parent;
  if (!ts.isIdentifier(name) || !ts.isCallExpression(store) || !ts.isPropertyAccessExpression(skipOuter(store.expression))) return false;
  const fn = enclosingBody(name);
  if (!isFunctionLike(fn) || !returnedExpressions(fn).some((returned) => isIdentifierNamed(returned, name.text))) return false;
  const made = localInitializer(name, session);
  const created = made && skipOuter(made);
  if (!created || !ts.isNewExpression(created) || !ts.isIdentifier(created.expression)) return false;
  const className = created.expression.text;
  const owner = name
    .getSourceFile()
    .statements.find((statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === className);
  const container = spelled((skipOuter(store.expression) as ts.PropertyAccessExpression).expression);
  return owner !== undefined && owner.members.some((member) => isReleaseRemovingThis(member, container));
}

/**
 * `this.connections.set(socket, createWrapper(socket, …))`, also through a local made so: a key
 * handed to the making of the value stored with it is that value's to end (ownership handed on).
 * What the entry owes is the value's release, not the key's as well.
 */
function isKeyHandedToItsValue(key: ts.Expression, session: AnalysisSession): boolean {
  const store = key.parent;
  if (!ts.isCallExpression(store) || store.arguments[0] !== key || !store.arguments[1]) return false;
  let value = skipOuter(store.arguments[1]);
  if (ts.isIdentifier(value)) value = skipOuter(localInitializer(value, session) ?? value);
  if (ts.isAwaitExpression(value)) value = skipOuter(value.expression);
  if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return false;
  const keyText = spelled(key);
  return (value.arguments ?? []).some((argument) => spelled(argument) === keyText);
}

/**
 * `this.groups = null` in a destroy() that releases `this.ownedGroups`, where every value the code
 * makes for `this.groups` (`this.groups[i] = new BindGroup(); this.ownedGroups.push(this.groups[i])`)
 * also goes, by a later statement of the same block, into that list: what the index held is
 * released where it is let go (the class keeps what it made apart from what it was lent). Only for
 * a drop of every value: a value removed alone would stay open in the list until its release.
 */
export function isIndexOfListReleasedIn(fn: ts.Node, containerExpression: ts.Expression, session: AnalysisSession): boolean {
  const question: OriginQuestion = { session, lending: NO_NAMES, cheap: true };
  const made = visibleInsertions(containerPlaces(containerExpression, session), session).filter((value) => originOf(value, 0, question) !== 'borrowed');
  const lists = made.map((value) => listKeeping(value));
  if (made.length === 0 || lists.some((list) => list === undefined)) return false;
  const { released } = scopeFacts(fn, session);
  return lists.every((list) => released.has(canonical(list!)?.text ?? ''));
}

/** The list or set a later statement of the value's block puts it in (named alike): `this.owned.push(this.groups[i])`. */
function listKeeping(value: ts.Expression): ts.Expression | undefined {
  const e = skipOuter(value);
  const assigned = ts.isBinaryExpression(e.parent) && e.parent.right === e && e.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  const holder = assigned ? spelled((e.parent as ts.BinaryExpression).left) : ts.isIdentifier(e) ? e.text : undefined;
  const at = holder === undefined ? undefined : statementInBlock(e);
  for (const statement of at?.block.statements.slice(at.before.length + 1) ?? []) {
    const call = ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined;
    const how = call && ts.isCallExpression(call) ? LIST_INSERTS.get(calledMethodName(call) ?? '') : undefined;
    if (how && insertedValues(how, (call as ts.CallExpression).arguments).some((argument) => spelled(argument) === holder))
      return (skipOuter((call as ts.CallExpression).expression) as ts.PropertyAccessExpression).expression;
  }
  return undefined;
}

/** `push`, `unshift`, `add`: how a list or a set is given a value, from the built-ins' own description. */
const LIST_INSERTS: ReadonlyMap<string, InsertedArguments> = new Map(
  [CONTAINER_PROTOCOLS.Array, CONTAINER_PROTOCOLS.Set].flatMap((protocol) => Object.entries(protocol.inserts).filter(([method]) => method !== 'splice')),
);

/** A release-named method of the class that runs `<container>.delete(this)` (or `remove(this)`). */
function isReleaseRemovingThis(member: ts.ClassElement, container: string): boolean {
  if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name) || !isReleaseLikeName(member.name.text)) return false;
  return someOutsideFunctions(member.body, (node) => {
    if (!ts.isCallExpression(node) || !SELF_REMOVALS.has(calledMethodName(node) ?? '') || node.arguments.length !== 1) return false;
    const receiver = (skipOuter(node.expression) as ts.PropertyAccessExpression).expression;
    return skipOuter(node.arguments[0]!).kind === ts.SyntaxKind.ThisKeyword && spelled(receiver) === container;
  });
}

const SELF_REMOVALS: ReadonlySet<string> = new Set(['delete', 'remove']);

/** A container as written, without spaces: `Manager.watchers`. */
function spelled(expression: ts.Expression): string {
  return skipOuter(expression).getText().replace(/\s+/g, '');
}

/**
 * Every visible insertion stores a value this code makes (`new Panel(…)`, a timer), none one it
 * was handed: a value found in the container by identity is the container's own, whoever names it.
 */
export function makesEveryValueItHolds(containerExpression: ts.Expression, session: AnalysisSession, lending: ReadonlySet<string> = NO_NAMES): boolean {
  const places = containerPlaces(containerExpression, session);
  const inserted = [...visibleInsertions(places, session), ...places.flatMap((place) => innerInsertions(place, session))];
  return inserted.length > 0 && inserted.every((value) => isMadeHere(value, session, lending));
}

/** A value this code makes (`new Panel(…)`, a timer, a call's result), asked of the syntax first and of the checker only where it cannot tell. */
function isMadeHere(value: ts.Expression, session: AnalysisSession, lending: ReadonlySet<string>): boolean {
  const cheap = originOf(value, 0, { session, lending, cheap: true });
  const origin = cheap === 'unknown' ? originOf(value, 0, { session, lending, cheap: false }) : cheap;
  return origin === 'created' || origin === 'interval';
}

/**
 * Insertions into the containers a container holds, through a local that reads one of them:
 * `const list = this.byRoom.get(room) ?? []; list.push(timer)`.
 */
function innerInsertions(place: ContainerPlace, session: AnalysisSession): ts.Expression[] {
  const names = innerContainerNames(place.scope, session).get(place.text);
  if (!names) return [];
  const byContainer = insertionsIn(place.scope, session);
  return [...names].flatMap((name) => byContainer.get(name) ?? []);
}

/** Every value put into the containers a container holds (its lists or sets of values), by any of its places. */
export function innerVisibleInsertions(places: readonly ContainerPlace[], session: AnalysisSession): ts.Expression[] {
  return places.flatMap((place) => innerInsertions(place, session));
}

/** For every container of a class or module, the locals that read an inner container out of it. */
function innerContainerNames(scope: ts.Node, session: AnalysisSession): Map<string, Set<string>> {
  return scopeFacts(scope, session).innerNames;
}

/** `{ client, resourceMap: new Map() }`: named fields, not computed keys of an object used as a map. */
function isRecordLiteral(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (
    ts.isObjectLiteralExpression(e) &&
    e.properties.length > 0 &&
    e.properties.every(
      (property) => ts.isShorthandPropertyAssignment(property) || (ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name)),
    )
  );
}

/**
 * `const connections = this.byShare[shareId]`: the values of the inner containers the outer one is
 * given (`this.byShare[shareId] = { ...connections, [peerId]: connection }`).
 */
function outerContainerValues(scope: ts.Node, localValue: ts.Expression, session: AnalysisSession): ts.Expression[] {
  const outer = readContainerOf(localValue);
  if (!outer) return [];
  return (insertionsIn(scope, session).get(outer) ?? []).flatMap((value) => {
    const e = skipOuter(value);
    if (ts.isObjectLiteralExpression(e)) return e.properties.flatMap((property) => propertyValueOf(property) ?? []);
    return initialEntries(e);
  });
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
  // `endpoints.map((endpoint) => new Leaf(endpoint))`: what the callback returns fills the list.
  if (ts.isCallExpression(e) && (calledMethodName(e) === 'map' || calledMethodName(e) === 'flatMap') && e.arguments.length >= 1) {
    const callback = skipOuter(e.arguments[0]!);
    if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) return returnedExpressions(callback);
  }
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? [property.initializer] : []));
  }
  return [];
}

/** `=`, and `??=` / `||=` that store when the place is empty. */
function isStoringAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}

/** `(c[k] ??= [])`, `(c[k] = [])`: the place an assignment stores into; any other expression itself. */
function storedPlace(expression: ts.Expression): ts.Expression {
  const e = skipOuter(expression);
  return ts.isBinaryExpression(e) && isStoringAssignment(e.operatorToken.kind) ? e.left : e;
}

/**
 * `for (const c of this.conns.values()) c.close()`, `this.timers.forEach(clearTimeout)`,
 * `this.conns.get(id)?.destroy()`: the class or module releases values of this container somewhere.
 */
export function releasesItsValues(place: ContainerPlace, session: AnalysisSession): boolean {
  const { released, innerNames } = scopeFacts(place.scope, session);
  // Releasing every element of an inner container read out of this one releases this one's values:
  // `const list = this.watchers.get(id); for (const d of list) d.dispose()`.
  return released.has(place.text) || released.has(`${place.text}${INNER}`) || [...(innerNames.get(place.text) ?? [])].some((name) => released.has(name));
}

/** Every value, or one read out of it into a local (`const c = this.byId.get(id); c.close()`): the class or module releases values of this container somewhere. */
function releasesOneOfItsValues(place: ContainerPlace, session: AnalysisSession): boolean {
  return releasesItsValues(place, session) || scopeFacts(place.scope, session).releasedOneByOne.has(place.text);
}

/** `for (const node of this.boxes) node.remove()`: the class or module takes values of this container out of the document somewhere. */
export function detachesItsValues(place: ContainerPlace, session: AnalysisSession): boolean {
  return scopeFacts(place.scope, session).detached.has(place.text);
}

/**
 * `{ hash, leaf }` where `const leaf = this.leaves.get(endpoint)`: a record that points into
 * another container borrows what it points at — that container owns it.
 */
function holdsLookedUpValue(record: ts.Expression, session: AnalysisSession): boolean {
  const literal = skipOuter(record) as ts.ObjectLiteralExpression;
  return literal.properties.some((property) => {
    const value = propertyValueOf(property);
    if (!value) return false;
    const e = skipOuter(value);
    const read = ts.isIdentifier(e) ? localInitializer(e, session) : e;
    return read !== undefined && readContainerOf(read) !== undefined;
  });
}

/** `this.entries[k].value.dispose()`, `for (const e of this.entries) clearTimeout(e.timer)`: the class or module releases a field of this container's values. */
export function releasesFieldsOfItsValues(place: ContainerPlace, session: AnalysisSession): boolean {
  return scopeFacts(place.scope, session).releasedFields.has(place.text);
}

/** The fields of this container's values that the class or module releases somewhere (`timer` of `clearTimeout(entry.timer)`). */
export function fieldsReleasedOfItsValues(place: ContainerPlace, session: AnalysisSession): ReadonlySet<string> {
  return scopeFacts(place.scope, session).releasedFields.get(place.text) ?? NO_NAMES;
}

/**
 * `this.manager.unsubscribe(this.subs[id])`: the class or module hands values of this container to a
 * release-named method of another object, by that method's name. Ids are released so: the value owes
 * what the code's own example pays.
 */
export function methodsReleasingItsValues(place: ContainerPlace, session: AnalysisSession): ReadonlySet<string> {
  return scopeFacts(place.scope, session).releasedThrough.get(place.text) ?? NO_NAMES;
}

/**
 * `emitter.off('change', this.listeners[id])`, `signal.disconnect(previous)` with `const previous =
 * this.slots[id]`: the class or module hands values of this container to a call that takes a listener
 * back from what it listens to, with those calls' names and their receivers' texts (`this.emitter`).
 */
export function detachmentsOfItsValues(place: ContainerPlace, session: AnalysisSession): Detachments | undefined {
  return scopeFacts(place.scope, session).detachedThrough.get(place.text);
}

/** The calls that took values of one container back, and what they were called on. */
export interface Detachments {
  methods: Set<string>;
  /** The receivers' texts; `undefined` among them for one that no text names (`page.context()`). */
  receivers: Set<string | undefined>;
}

/** `this.cleanups.get(el)?.()`, `for (const undo of undos) undo()`: the class or module calls values of this container. */
export function callsItsValues(place: ContainerPlace, session: AnalysisSession): boolean {
  return scopeFacts(place.scope, session).called.has(place.text);
}

/**
 * The fields of this container's values that the class or module calls (`entry.off()`, as `off`), and
 * the list fields whose elements it calls (`for (const off of entry.offs) off()`, as `offs[]`).
 */
export function fieldsCalledOfItsValues(place: ContainerPlace, session: AnalysisSession): ReadonlySet<string> {
  return scopeFacts(place.scope, session).calledFields.get(place.text) ?? NO_NAMES;
}

/**
 * `for (const undo of this.undos.get(topic) ?? []) undo()`, or through a local read out of it: the
 * class or module calls the elements of the lists or sets this container holds.
 */
export function callsItsInnerValues(place: ContainerPlace, session: AnalysisSession): boolean {
  const { called, innerNames } = scopeFacts(place.scope, session);
  return called.has(`${place.text}${INNER}`) || [...(innerNames.get(place.text) ?? [])].some((name) => called.has(name));
}

/**
 * Every value put into the lists or sets this container holds is one this code makes
 * (`list.add(subscribe(topic, cb))`), none handed in: a handler a caller adds (`set.add(h)`) is called
 * on each event, not owed.
 */
export function makesEveryInnerValue(place: ContainerPlace, session: AnalysisSession): boolean {
  const inserted = innerInsertions(place, session);
  return inserted.length > 0 && inserted.every((value) => isMadeHere(value, session, NO_NAMES));
}

/** What one walk of a class or module finds about every container it names. */
interface ScopeFacts {
  /** The values each container's insertions store, by container text (a Map's keys under `text#keys`). */
  insertions: Map<string, ts.Expression[]>;
  /** The locals that read an inner container out of each container (`const list = this.byRoom.get(r)`). */
  innerNames: Map<string, Set<string>>;
  /** Containers whose values some code here releases (`for (const c of this.conns.values()) c.close()`). */
  released: Set<string>;
  /**
   * Containers one of whose values some code here releases through a local read out of it (`const c =
   * this.byId.get(id); …; c.close()`). Kept apart from `released`: a single value released so says
   * less than every value released, and is asked only of a container another one mirrors.
   */
  releasedOneByOne: Set<string>;
  /** Containers a field of whose values some code here releases (`this.entries[k].value.dispose()`), with those fields' names. */
  releasedFields: Map<string, Set<string>>;
  /** Containers whose values some code here calls without arguments (`this.cleanups.get(el)?.()`). */
  called: Set<string>;
  /**
   * Containers a field of whose values some code here calls without arguments (`entry.off()`), or
   * whose list field's elements it calls (`for (const off of entry.offs) off()`, noted `offs[]`).
   */
  calledFields: Map<string, Set<string>>;
  /** Containers whose values some code here hands to a release-named method of another object, with those methods' names. */
  releasedThrough: Map<string, Set<string>>;
  /** Containers whose values some code here hands to a call that may take a listener back, with those calls. */
  detachedThrough: Map<string, Detachments>;
  /** Containers whose values some code here takes out of the document (`for (const node of this.boxes) node.remove()`). */
  detached: Set<string>;
  /** Every field fill on an object other than `this`, in the order written: where records are armed. */
  fieldFills: FieldFill[];
}

function scopeFacts(scope: ts.Node, session: AnalysisSession): ScopeFacts {
  const table = session.table(SCOPE_FACTS);
  let facts = table.get(scope);
  if (!facts) table.set(scope, (facts = walkScope(scope, session)));
  return facts;
}

function walkScope(scope: ts.Node, session: AnalysisSession): ScopeFacts {
  const insertions = new Map<string, ts.Expression[]>();
  const innerNames = new Map<string, Set<string>>();
  const released = new Set<string>();
  const releasedOneByOne = new Set<string>();
  const releasedFields = new Map<string, Set<string>>();
  const called = new Set<string>();
  const calledFields = new Map<string, Set<string>>();
  const detached = new Set<string>();
  const releasedThrough = new Map<string, Set<string>>();
  const detachedThrough = new Map<string, Detachments>();
  /** Locals given one value read out of a container (`const id = this.subs[k]`), by body and name. */
  const readNames = new Map<string, string>();
  // A name also given a record (`authorityState = { client, resourceMap: new Map() }`) holds a value
  // with fields, not an inner container: its fields are not the outer container's values.
  const records = new Set<string>();
  const fieldFills: FieldFill[] = [];
  // `x.field = v` or `x.field.push(v)`, on an object other than `this` (whose class arms its own fields).
  const fill = (target: ts.Expression, values: readonly ts.Expression[], at: ts.Node): void => {
    const e = skipOuter(target);
    if (!ts.isPropertyAccessExpression(e) || skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword) return;
    for (const value of values) fieldFills.push({ target: e, value, at });
  };
  const insert = (container: ts.Expression | string, values: readonly ts.Expression[]): void => {
    if (values.length === 0) return;
    const text = typeof container === 'string' ? container : canonical(container)?.text;
    if (text === undefined) return;
    const list = insertions.get(text);
    if (list) list.push(...values);
    else insertions.set(text, [...values]);
  };
  /** `name` stands for the lists `container` holds: a local read from it, or its inner lists read in place. */
  const noteInner = (container: string, name: string): void => {
    const names = innerNames.get(container);
    if (names) names.add(name);
    else innerNames.set(container, new Set([name]));
  };
  /** `c`, `c.values()`, `c.entries()`, `Object.values(c)`: the container's text. */
  const containerText = (expression: ts.Expression): string | undefined => {
    let e = skipOuter(expression);
    if (ts.isCallExpression(e) && ['values', 'entries'].includes(calledMethodName(e) ?? '') && ts.isPropertyAccessExpression(skipOuter(e.expression))) {
      e = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
    }
    if (ts.isCallExpression(e) && calleeName(e) === 'values' && e.arguments[0]) e = skipOuter(e.arguments[0]);
    return canonical(e)?.text;
  };
  /** `c.get(k)`, `c.peek(k)`, `c[k]`: a value read from the container `c`. */
  const containerOfValue = (expression: ts.Expression): string | undefined => {
    const e = skipOuter(expression);
    if (ts.isCallExpression(e) && ['get', 'peek'].includes(calledMethodName(e) ?? '') && ts.isPropertyAccessExpression(skipOuter(e.expression)))
      return containerText((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
    return ts.isElementAccessExpression(e) ? containerText(e.expression) : undefined;
  };
  // `const value = this.pop()` where the class's own `pop()` takes a value out of a container: by function and name.
  const takenNames = new Map<string, string>();
  const takers = new Map<string, string | undefined>();
  const takenKey = (name: string, at: ts.Node): string => `${enclosingBody(at).pos}:${name}`;
  /** `names`: locals bound to the values of a container (`for (const v of c)`), by name. */
  const releasedBy = (expression: ts.Expression, names: ReadonlyMap<string, string>): string | undefined => {
    const e = skipOuter(expression);
    return (
      containerOfValue(e) ?? containerTakenBy(e, scope, takers) ?? (ts.isIdentifier(e) ? (names.get(e.text) ?? takenNames.get(takenKey(e.text, e))) : undefined)
    );
  };
  /**
   * Notes a release of `expression` by the call `at`: a container's value, or a field of one
   * (`c.get(k).socket.end()`, `clearTimeout(entry.timer)`). A release the caller asks for
   * (`destroy({ texture: true })`) leaves ownership to that caller.
   */
  const noteRelease = (expression: ts.Expression, names: ReadonlyMap<string, string>, at: ts.CallExpression): void => {
    // Asked only of a release of some container's value: most release-like calls release none.
    const whole = releasedBy(expression, names);
    if (whole !== undefined) {
      if (!runsOnlyAtCallersChoice(at, session)) released.add(whole);
      return;
    }
    let e = skipOuter(expression);
    const read = ts.isIdentifier(e) ? readNames.get(takenKey(e.text, e)) : undefined;
    if (read !== undefined) {
      if (!runsOnlyAtCallersChoice(at, session)) releasedOneByOne.add(read);
      return;
    }
    while (ts.isPropertyAccessExpression(e)) {
      const field = e.name.text;
      e = skipOuter(e.expression);
      const container = releasedBy(e, names);
      if (container !== undefined) {
        if (runsOnlyAtCallersChoice(at, session)) return;
        const fields = releasedFields.get(container);
        if (fields) fields.add(field);
        else releasedFields.set(container, new Set([field]));
        return;
      }
    }
  };
  /** `entry.offs` where `entry` is a value of container `c` (in a loop over it, read out of it, or in place): `c#field:offs`. */
  const fieldOfValue = (expression: ts.Expression, names: ReadonlyMap<string, string>): string | undefined => {
    let e = skipOuter(expression);
    // `peer?.offs ?? []`: the field, where it holds nothing the loop walks nothing.
    if (isFallback(e) && isEmptyContainerExpression(e.right)) e = skipOuter(e.left);
    if (!ts.isPropertyAccessExpression(e)) return undefined;
    const owner = skipOuter(e.expression);
    const container = releasedBy(owner, names) ?? (ts.isIdentifier(owner) ? readNames.get(takenKey(owner.text, owner)) : undefined);
    return container === undefined || container.includes(FIELD) ? undefined : `${container}${FIELD}${e.name.text}`;
  };
  const noteCalledField = (field: string, at: ts.CallExpression, list: boolean): void => {
    if (runsOnlyAtCallersChoice(at, session)) return;
    const index = field.indexOf(FIELD);
    const container = field.slice(0, index);
    const name = `${field.slice(index + FIELD.length)}${list ? '[]' : ''}`;
    const fields = calledFields.get(container);
    if (fields) fields.add(name);
    else calledFields.set(container, new Set([name]));
  };
  const visit = (node: ts.Node, names: ReadonlyMap<string, string>): void => {
    let inner = names;
    if (ts.isCallExpression(node)) {
      const method = calledMethodName(node);
      const callee = skipOuter(node.expression);
      const how = method !== undefined ? insertingHow(method, session) : undefined;
      if (how && ts.isPropertyAccessExpression(callee)) {
        insert(callee.expression, insertedValues(how, node.arguments));
        // `this.timers.get(k)!.push(t)`, `(this.byRoom[r] ??= []).push(t)`: into an inner container, read in place.
        const outer = readContainerOf(storedPlace(callee.expression));
        if (outer !== undefined) {
          insert(`${outer}${INNER}`, insertedValues(how, node.arguments));
          noteInner(outer, `${outer}${INNER}`);
        }
      }
      if (method === 'push' && ts.isPropertyAccessExpression(callee)) fill(callee.expression, node.arguments, node);
      // A keyed insertion stores its key too: kept apart, for Maps whose keys are the resources.
      if (how === 'second' && ts.isPropertyAccessExpression(callee) && node.arguments[0]) {
        const text = canonical(callee.expression)?.text;
        if (text !== undefined) insert(`${text}${KEYS}`, [node.arguments[0]]);
      }
      const releaseLike = ts.isPropertyAccessExpression(callee) && isReleaseLikeName(callee.name.text);
      if (releaseLike) noteRelease(callee.expression, names, node);
      // `this.manager.unsubscribe(this.subs[id])`, `emitter.off('x', listener)` of `const listener = this.listeners[k]`.
      if (ts.isPropertyAccessExpression(callee) && (releaseLike || isDetachingName(callee.name.text))) {
        for (const argument of node.arguments) {
          const e = skipOuter(argument);
          const container = releasedBy(e, names) ?? (ts.isIdentifier(e) ? readNames.get(takenKey(e.text, e)) : undefined);
          if (container === undefined || runsOnlyAtCallersChoice(node, session)) continue;
          if (releaseLike) {
            const methods = releasedThrough.get(container) ?? new Set<string>();
            methods.add(callee.name.text);
            releasedThrough.set(container, methods);
          }
          const detachments = detachedThrough.get(container) ?? { methods: new Set<string>(), receivers: new Set<string | undefined>() };
          detachments.methods.add(callee.name.text);
          const receiver = canonical(callee.expression);
          detachments.receivers.add(receiver && !receiver.impure ? receiver.text : undefined);
          detachedThrough.set(container, detachments);
        }
      }
      if (node.arguments.length === 0 && !ts.isPropertyAccessExpression(callee)) {
        const container = releasedBy(callee, names);
        if (container?.includes(FIELD)) noteCalledField(container, node, true);
        else if (container !== undefined) called.add(container);
      }
      // `entry.off()`, `this.peers.get(id)?.off()`: a field of a value called.
      if (node.arguments.length === 0 && ts.isPropertyAccessExpression(callee)) {
        const field = fieldOfValue(callee, names);
        if (field !== undefined) noteCalledField(field, node, false);
      }
      if (node.arguments.length === 0 && ts.isPropertyAccessExpression(callee) && callee.name.text === 'remove') {
        const container = releasedBy(callee.expression, names);
        if (container !== undefined && !runsOnlyAtCallersChoice(node, session)) detached.add(container);
      }
      const name = calleeName(node);
      if (name !== undefined && TIMER_CLEARS.has(name)) {
        for (const argument of node.arguments) noteRelease(argument, names, node);
      }
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'forEach') {
        const container = fieldOfValue(callee.expression, names) ?? containerText(callee.expression);
        const [callback] = node.arguments;
        const e = callback && skipOuter(callback);
        if (container !== undefined && e && ts.isIdentifier(e) && TIMER_CLEARS.has(e.text) && !runsOnlyAtCallersChoice(node, session)) released.add(container);
        if (container !== undefined && e && isFunctionLike(e) && e.parameters[0] && ts.isIdentifier(e.parameters[0].name))
          inner = new Map([...names, [e.parameters[0].name.text, container]]);
      }
    } else if (ts.isBinaryExpression(node) && isStoringAssignment(node.operatorToken.kind)) {
      const target = skipOuter(node.left);
      fill(target, [node.right], node);
      if (ts.isElementAccessExpression(target)) insert(target.expression, [node.right]);
      else insert(target, initialEntries(node.right));
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(target) && isRecordLiteral(node.right)) records.add(target.text);
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      insert(node.name.text, initialEntries(node.initializer));
      const taken = containerTakenBy(node.initializer, scope, takers);
      if (taken !== undefined) takenNames.set(takenKey(node.name.text, node), taken);
      const container = readContainerOf(node.initializer);
      if (container !== undefined) {
        readNames.set(takenKey(node.name.text, node), container);
        noteInner(container, node.name.text);
      }
    } else if (ts.isPropertyDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      insert(`this.${node.name.text}`, initialEntries(node.initializer));
    } else if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
      const [declaration] = node.initializer.declarations;
      // `for (const d of this.watchers.get(id) ?? [])`: the elements of an inner container.
      const outer = readContainerOf(node.expression);
      const container = declaration && (outer !== undefined ? `${outer}${INNER}` : (fieldOfValue(node.expression, names) ?? containerText(node.expression)));
      const bound =
        declaration && container !== undefined
          ? ts.isIdentifier(declaration.name)
            ? [declaration.name.text]
            : ts.isArrayBindingPattern(declaration.name)
              ? declaration.name.elements.flatMap((element) => (ts.isBindingElement(element) && ts.isIdentifier(element.name) ? [element.name.text] : []))
              : []
          : [];
      if (bound.length > 0) inner = new Map([...names, ...bound.map((name): [string, string] => [name, container!])]);
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(scope, new Map());
  for (const local of innerNames.values()) for (const record of records) local.delete(record);
  return { insertions, innerNames, released, releasedOneByOne, releasedFields, called, calledFields, releasedThrough, detachedThrough, detached, fieldFills };
}
