/**
 * Drops from built-in containers, driven by their protocol records (containers/kinds.ts): the
 * call, assignment or `delete` that lets go of a resource the container owns, unless the context
 * shows nothing is owed (a fresh key, a value the caller holds, the value's own release…).
 */
import { typeMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import { isClaimedBeforeStore } from '../containers/claims.js';
import { CONTAINER_PROTOCOLS, isBuiltinDropForm, type DropOperation, type DroppingMethod } from '../containers/kinds.js';
import { keysWithin } from '../containers/keySets.js';
import { storageClasses } from '../containers/storageClasses.js';
import { CONTAINER_VOCABULARY } from '../containers/vocabulary.js';
import { fieldFilledWithMadeFunctions, fieldsFilledBorrowed, listFieldsHandedIn, recordLiteralOf } from '../containers/origins.js';
import { fieldsWhoseEndReleases } from '../containers/handleEnds.js';
import { fieldsReleasedByRecordFunctions } from '../containers/recordFunctions.js';
import { valueNamedByOwnKey } from '../containers/selfKeyed.js';
import { isStoreOfWorkInFlight } from '../containers/scopedValues.js';
import {
  callsItsInnerValues,
  callsItsValues,
  containerPlaces,
  detachesItsValues,
  detachmentsOfItsValues,
  fieldFillsIn,
  fieldsCalledOfItsValues,
  fieldsReleasedOfItsValues,
  getOwnership,
  makesEveryInnerValue,
  methodsReleasingItsValues,
  releasesItsValues,
  visibleInsertions,
  type ContainerPlace,
} from '../containers/ownership.js';
import { armedFieldNames, armsIntervals, armsStoredRecordsOf, fieldsOfStoredRecords, timerSlots } from '../containers/timers.js';
import { isTakeHandedBack } from '../containers/takers.js';
import { containerTypeOf, everyPresentPart, getContainerType, isDeclaredLikeContainer, isPrimitiveLike, recordFieldType } from '../containers/types.js';
import { ABORT_CONTROLLER, ABORT_CONTROLLER_TYPES, CLEANUP_FUNCTION, DOM_NODE, isCleanupFunctionType, isListenerFunctionType } from '../resources/builtins.js';
import type { Resource, ResourceField } from '../resources/release.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { LIST_END, type DropSite } from '../flow/index.js';
import { isReleaseLikeName, obligationSlots, releaseNameRank, releaseNames } from '../resources/release.js';
import {
  calledMethodName,
  canonical,
  enclosingBody,
  isEmptyContainerExpression,
  isFallback,
  isFunctionLike,
  isNullish,
  isZeroLiteral,
  mentions,
  skipOuter,
} from '../syntax/expressions.js';
import { isTextOrFlag, singleInitializer } from '../syntax/names.js';
import { isIgnored, type ContainerDrop, type ContainerOfResources, type DropContext } from './candidate.js';
import { endedWhatItListensTo, isListenerHeld, isOwnRemovalOfOneShotListener } from './listeners.js';
import {
  capturedFieldsAt,
  capturedValueAt,
  hadEarlierValue,
  isContainerMadeHere,
  isBlindInsertOfMadeEntity,
  isCreatedEmptyHere,
  isFreshKey,
  isLocalContainer,
  isGuardedInEveryCaller,
  isKeyOfBorrowedValue,
  isMirroredElsewhere,
  isOwnIdentity,
  isOwnValueHandedBack,
  isOwnValueNamedByCaller,
  isParameterPath,
  isReleasedByEveryCaller,
  isSettledByEveryCallerOfContainer,
  keyTarget,
  storesValueItHolds,
} from './keys.js';
import { isResultUsed } from './handedBack.js';
import { owedSlots, ownTimerHandle } from './owed.js';
import { elementTest, isCarriedIntoReplacement } from './replacements.js';

/**
 * Decodes a node into a drop of resources, or undefined when the node drops nothing that is owed
 * (not a container of resources, a borrowed value, a fresh key, …).
 */
export function describeContainerDrop(node: ts.Node, context: DropContext): ContainerDrop | undefined {
  if (ts.isCallExpression(node)) return describeCallDrop(node, context);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return describeAssignmentDrop(node, context);
  if (ts.isDeleteExpression(node)) return describeDeleteOperator(node, context);
  return undefined;
}

/**
 * The container a receiver names, when its values are resources it owns. `declaredTypeOnly`:
 * answer only when the receiver's declaration shows it can be a container (isDeclaredLikeContainer)
 * — for assignment sites, too common to let the checker infer at each.
 */
function containerOfResources(expression: ts.Expression, context: DropContext, declaredTypeOnly = false): ContainerOfResources | undefined {
  const text = canonical(expression);
  if (!text || text.impure || isIgnored(text, context)) return undefined;
  const { session } = context;
  const { lendingCalls } = context.hatches;
  // Ownership is read from the syntax first (one walk per class or module): it rules out most
  // receivers before the checker is asked — a local that only ever holds a call's result owns nothing.
  const values = getOwnership(expression, session, 'values', lendingCalls, 'syntax');
  const keys = getOwnership(expression, session, 'keys', lendingCalls, 'syntax');
  // A record this code arms later (`entry.timer = window.setTimeout(…)`) is owned whatever was inserted.
  const armed = armsStoredRecords(expression, session);
  if (!values.owns && !keys.owns && !armed && !values.undecided && !keys.undecided) return undefined;
  if (declaredTypeOnly && !isDeclaredLikeContainer(expression, session)) return undefined;
  const container = containerTypeOf(expression, session);
  if (!container || container.kind === 'Cache') return undefined;
  // What only the checker can add to ownership (what a called function does with its result) is
  // asked below only of a container whose type can hold resources.
  // Values the syntax already shows are not this container's, and that no code arms later, owe
  // nothing whatever their type: only its keys can, and the values' type is not asked about.
  const valuesMayBeOwed = values.owns || values.undecided === true || armed;
  // `Map<Client, number>`: the keys are the resources, the values data. A WeakMap never keeps its keys alive, so never owns them.
  const keyType = container.keyType && container.kind !== 'WeakMap' && !isPrimitiveLike(container.keyType) ? container.keyType : undefined;
  const valueResource = valuesMayBeOwed || keyType ? context.resources.resourceOf(container.valueType) : undefined;
  const keyResource = keyType && !valueResource ? context.resources.resourceOf(keyType) : undefined;
  if (keyResource) {
    if (!keys.owns && !getOwnership(expression, session, 'keys', lendingCalls).owns) return undefined;
    return { kind: 'MapKeys', protocol: CONTAINER_PROTOCOLS.MapKeys, resource: keyResource, valueType: keyType!, text, storesIntervals: false };
  }
  if (!valuesMayBeOwed) return undefined;
  const places = containerPlaces(expression, session);
  const typed = valueResource ?? nestedResource(container.valueType, context);
  // What the code stores can say more than the type (`number` timers in browser code, a record's
  // timer field armed after insertion): asked only when the type leaves room for it.
  const timedByOrigin = typed ? undefined : withTimersByOrigin(undefined, places, container.valueType, context);
  const heldByOrigin = typed || timedByOrigin ? undefined : releasedByTheirHolder(container.valueType, places, context);
  const calledByHolder = typed || timedByOrigin || heldByOrigin ? undefined : withCalledCleanupFields(undefined, places, container.valueType, context);
  const byOrigin = timedByOrigin ?? heldByOrigin ?? calledByHolder;
  if (!typed && !byOrigin) return undefined;
  const ownership = values.owns ? values : getOwnership(expression, session, 'values', lendingCalls);
  // Records armed after insertion make their timer fields owed, not cleanup functions or controllers
  // the code did not make: those are owed only by a container that owns its values. A listener the
  // code takes back from what it listens to is owed whoever made the function: the registration is the code's.
  if (!ownership.owns && !isListenerHeld(heldByOrigin) && (!armed || heldByOrigin)) return undefined;
  // Values this code did not make but whose timer fields it arms: only those timers are its to clear.
  const declared = !typed || ownership.owns ? typed : armedOnly(typed, places, container.valueType, session);
  const resource = !typed
    ? byOrigin
    : !declared || declared.release.kind === 'fields'
      ? withCalledCleanupFields(withTimersByOrigin(declared, places, container.valueType, context), places, container.valueType, context)
      : declared;
  const kept = resource && fieldsTheRecordsHold(resource, places, context);
  if (!kept || releasesOnlyItsOwnEntry(kept, places, session)) return undefined;
  const held = withHandleEnds(withRecordFunctionReleases(kept, places, container.valueType, context), places, session);
  return {
    kind: container.kind,
    protocol: container.protocol,
    resource: held,
    valueType: container.valueType,
    text,
    storesIntervals: ownership.storesIntervals || armsIntervals(places, container.valueType, session),
  };
}

/** Per container (its places, found once): the record fields every insertion fills with a borrowed value. */
const BORROWED_FIELDS = memoTable<readonly ContainerPlace[], ReadonlySet<string> | null>('drops.borrowedFields');
const BOOKKEEPING_VALUES = memoTable<readonly ContainerPlace[], boolean>('drops.bookkeepingValues');

/**
 * A record's resource fields, less those none of this container's records is ever given
 * (fieldsOfStoredRecords) and those every record is given a borrowed value in (a parameter, `this`,
 * a lookup); undefined when none is left.
 */
function fieldsTheRecordsHold(resource: Resource, places: readonly ContainerPlace[], context: DropContext): Resource | undefined {
  if (resource.release.kind !== 'fields') return resource;
  const { session } = context;
  const given = fieldsOfStoredRecords(places, session);
  // A class that releases a field of its values somewhere owns what that field holds, however it came.
  const releasedFields = new Set(places.flatMap((place) => [...fieldsReleasedOfItsValues(place, session)]));
  const { lendingCalls: lending } = context.hatches;
  // Asked of the resource fields only, so a look-up's callee is resolved only where it decides.
  const resourceFields = new Set(resource.release.fields.map((field) => field.name).filter((name) => !releasedFields.has(name)));
  const borrowedFields = (): ReadonlySet<string> | undefined =>
    fieldsFilledBorrowed(visibleInsertions(places, session), resourceFields, { session, lending, cheap: false });
  // Found once per container; lending calls of the options, which are rare, change the answer.
  const borrowed = resourceFields.size === 0 ? undefined : lending.size > 0 ? borrowedFields() : session.memo(BORROWED_FIELDS, places, borrowedFields);
  // A list field given what callers handed in (`ownedBy: [terminal]`) holds their values.
  const lists = new Set(
    resource.release.fields.filter((field) => field.resource.release.kind === 'each' && resourceFields.has(field.name)).map((field) => field.name),
  );
  const handed =
    lists.size === 0
      ? undefined
      : listFieldsHandedIn(
          visibleInsertions(places, session),
          places.flatMap((place) => fieldFillsIn(place.scope, session)),
          lists,
          session,
        );
  const fields = resource.release.fields.filter((field) => (!given || given.has(field.name)) && !borrowed?.has(field.name) && !handed?.has(field.name));
  if (fields.length === resource.release.fields.length) return resource;
  return fields.length > 0 ? { ...resource, release: { kind: 'fields', fields } } : undefined;
}

const HANDLE_ENDS = memoTable<readonly ContainerPlace[], ReadonlyMap<string, readonly string[]>>('drops.handleEnds');

/** A value released by its own method, with the fields whose handle's end releases it too (containers/handleEnds.ts). */
function withHandleEnds(resource: Resource, places: readonly ContainerPlace[], session: AnalysisSession): Resource {
  const { release } = resource;
  if (release.kind !== 'method' && release.kind !== 'dispose') return resource;
  const methods = new Set(release.kind === 'method' ? release.methods : (release.methods ?? []));
  if (methods.size === 0) return resource;
  const ends = session.memo(HANDLE_ENDS, places, () => fieldsWhoseEndReleases(visibleInsertions(places, session), methods, session));
  return ends && ends.size > 0 ? { ...resource, releasedByEndOf: ends } : resource;
}

const RECORD_FUNCTION_RELEASES = memoTable<readonly ContainerPlace[], ReadonlyMap<string, readonly string[]>>('drops.recordFunctionReleases');

/** A record's fields, each with the record's function fields that release it (containers/recordFunctions.ts). */
function withRecordFunctionReleases(resource: Resource, places: readonly ContainerPlace[], valueType: ts.Type, context: DropContext): Resource {
  const { release } = resource;
  if (release.kind !== 'fields') return resource;
  const { session } = context;
  // What ends a field's handle, owed here or not (a socket a server handed over): its type's release.
  const endsOf = (field: string): readonly string[] => {
    const fieldType = recordFieldType(valueType, field, session.checker);
    const held = fieldType && context.resources.resourceOf(fieldType);
    return held && (held.release.kind === 'method' || held.release.kind === 'dispose') ? [...releaseNames(held.release).methods] : [];
  };
  const byFunction = session.memo(RECORD_FUNCTION_RELEASES, places, () =>
    fieldsReleasedByRecordFunctions(visibleInsertions(places, session), release.fields, (value) => recordLiteralOf(value, session), session, endsOf),
  );
  if (!byFunction || byFunction.size === 0) return resource;
  const fields = release.fields.map((field) => {
    const functions = [...byFunction].filter(([, released]) => released.includes(field.name)).map(([name]) => name);
    return functions.length > 0 ? { ...field, releasedByRecordFunctions: functions } : field;
  });
  return { ...resource, release: { kind: 'fields', fields } };
}

/**
 * Every value stored is an object literal written here whose own release (`dispose: () => { … }`)
 * only keeps the books — a reference count, removing its own entry — and calls nothing that frees:
 * such values hold nothing that release would free.
 */
function releasesOnlyItsOwnEntry(resource: Resource, places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  if (resource.release.kind !== 'method') return false;
  const names = new Set(resource.release.methods);
  // Asked at every candidate receiver: answered once per container.
  return session.memo(BOOKKEEPING_VALUES, places, () => findReleasesOnlyItsOwnEntry(names, places, session)) ?? false;
}

function findReleasesOnlyItsOwnEntry(names: ReadonlySet<string>, places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  const inserted = visibleInsertions(places, session);
  return (
    inserted.length > 0 &&
    inserted.every((value) => {
      const e = skipOuter(value);
      const literal = ts.isIdentifier(e) ? singleInitializer(e, session) : e;
      if (!literal || !ts.isObjectLiteralExpression(literal)) return false;
      const releases = literal.properties.filter((property) => property.name && ts.isIdentifier(property.name) && names.has(property.name.text));
      return (
        releases.length > 0 &&
        releases.every((property) => {
          const fn = ts.isMethodDeclaration(property) ? property : ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
          return fn !== undefined && isFunctionLike(fn) && fn.body !== undefined && onlyKeepsBooks(fn.body);
        })
      );
    })
  );
}

/** A body whose only calls are the containers' own operations (`m.get(k)`, `m.delete(k)`). */
function onlyKeepsBooks(body: ts.Node): boolean {
  const { reads, tests, removes } = CONTAINER_VOCABULARY;
  const frees = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node)) {
      const method = calledMethodName(node);
      if (method === undefined || !(reads.has(method) || tests.has(method) || removes.has(method) || isOwnerRedraw(node))) return true;
    }
    return ts.forEachChild(node, frees) === true;
  };
  return !frees(body);
}

/**
 * `this.setStatusText()`: a method of the owner given nothing — it can only redraw or recount what the
 * owner keeps, not free something of the entry's own (that would need the entry's key or a value it holds).
 */
function isOwnerRedraw(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return call.arguments.length === 0 && ts.isPropertyAccessExpression(callee) && skipOuter(callee.expression).kind === ts.SyntaxKind.ThisKeyword;
}

const TIMER_ID = 'timer id';

/** A record's fields restricted to those the visible code arms with a timer. */
function armedOnly(resource: Resource | undefined, places: readonly ContainerPlace[], valueType: ts.Type, session: AnalysisSession): Resource | undefined {
  if (resource?.release.kind !== 'fields') return undefined;
  const armed = armedFieldNames(places, valueType, session);
  const fields = resource.release.fields.filter((field) => armed.has(field.name));
  return fields.length > 0 ? { ...resource, release: { kind: 'fields', fields } } : undefined;
}

/** The code that uses the container gives its stored records timers, or values it makes, after insertion. */
function armsStoredRecords(expression: ts.Expression, session: AnalysisSession): boolean {
  return armsStoredRecordsOf(containerPlaces(expression, session), session);
}

/**
 * `declared`, completed by the cleanup functions its records carry where the code calls them
 * (`entry.off()`, `for (const off of entry.offs) off()`) and every record was given ones a call made
 * (`{ em, off: listen(em, 'x', fn) }`): callbacks written in place or handed in stay data.
 */
function withCalledCleanupFields(
  declared: Resource | undefined,
  places: readonly ContainerPlace[],
  valueType: ts.Type,
  context: DropContext,
): Resource | undefined {
  if (declared && declared.release.kind !== 'fields') return declared;
  const { session } = context;
  const called = new Set(places.flatMap((place) => [...fieldsCalledOfItsValues(place, session)]));
  if (called.size === 0) return declared;
  const fields: ResourceField[] = declared?.release.kind === 'fields' ? [...declared.release.fields] : [];
  const known = fields.length;
  const inserted = visibleInsertions(places, session);
  for (const entry of called) {
    const list = entry.endsWith('[]');
    const name = list ? entry.slice(0, -2) : entry;
    const declaredType = recordFieldType(valueType, name, session.checker);
    if (!declaredType || fields.some((field) => field.name === name)) continue;
    const type = session.checker.getNonNullableType(declaredType);
    const resource = list
      ? isListOfCleanupFunctions(type, session)
        ? CLEANUP_FUNCTION_LISTS
        : undefined
      : isCleanupFunctionType(type)
        ? CLEANUP_FUNCTION
        : undefined;
    if (resource && fieldFilledWithMadeFunctions(inserted, name, list, session))
      fields.push({ name, resource, ...(type !== declaredType && { mayBeNull: true as const }) });
  }
  if (fields.length === known) return declared;
  return { typeName: declared?.typeName ?? context.resources.typeName(valueType), release: { kind: 'fields', fields }, origin: declared?.origin ?? 'record' };
}

/** `declared`, completed by the timers the visible code stores in the container or in its values' fields. */
function withTimersByOrigin(declared: Resource | undefined, places: readonly ContainerPlace[], valueType: ts.Type, context: DropContext): Resource | undefined {
  const timers = timerSlots(places, valueType, context.session);
  const timer = (functions: readonly string[]): Resource => ({ typeName: TIMER_ID, release: { kind: 'function', functions }, origin: 'builtin' });
  if (!declared && timers.whole) return timer(timers.whole);
  if (!declared && timers.elements)
    return {
      typeName: context.resources.typeName(valueType),
      release: { kind: 'each', iteration: 'elements', element: timer(timers.elements) },
      origin: 'builtin',
    };
  if (timers.fields.size === 0) return declared;
  const fields = declared?.release.kind === 'fields' ? [...declared.release.fields] : [];
  for (const [name, functions] of timers.fields) if (!fields.some((field) => field.name === name)) fields.push({ name, resource: timer(functions) });
  return { typeName: declared?.typeName ?? context.resources.typeName(valueType), release: { kind: 'fields', fields }, origin: declared?.origin ?? 'record' };
}

/**
 * Values that are resources only where the container's own code releases them: cleanup functions
 * (`WeakMap<Element, () => void>`) it calls, `AbortController`s it aborts, ids it hands back to a
 * release-named method of the object they came from (`this.manager.unsubscribe(this.subs[id])`).
 * The syntactic test comes before the type's.
 */
const RELEASED_BY_THEIR_HOLDER: readonly {
  releasedHere: (place: ContainerPlace, session: AnalysisSession) => Resource | undefined;
  isOfType: (type: ts.Type, session: AnalysisSession) => boolean;
}[] = [
  { releasedHere: (place, session) => (callsItsValues(place, session) ? CLEANUP_FUNCTION : undefined), isOfType: (type) => isCleanupFunctionType(type) },
  {
    releasedHere: (place, session) => (callsItsInnerValues(place, session) && makesEveryInnerValue(place, session) ? CLEANUP_FUNCTION_LISTS : undefined),
    isOfType: (type, session) => isListOfCleanupFunctions(type, session),
  },
  {
    releasedHere: (place, session) => (releasesItsValues(place, session) ? ABORT_CONTROLLER : undefined),
    isOfType: (type, session) => typeMatchesSomeSpecifier(type, ABORT_CONTROLLER_TYPES, session.program),
  },
  { releasedHere: handedBackByTheirHolder, isOfType: isHandedOutIdType },
  { releasedHere: detachedByTheirHolder, isOfType: isListenerFunctionType },
  {
    releasedHere: (place, session) => (detachesItsValues(place, session) ? DOM_NODE : undefined),
    isOfType: (type, session) => isDomNodeType(type, session.program),
  },
];

/** `Map<string, Set<() => void>>`: each value a list or set of cleanup functions, each owing its call. */
const CLEANUP_FUNCTION_LISTS: Resource = {
  typeName: 'list of cleanup functions',
  release: { kind: 'each', iteration: 'elements', element: CLEANUP_FUNCTION },
  origin: 'inferred',
};

function isListOfCleanupFunctions(type: ts.Type, session: AnalysisSession): boolean {
  const inner = getContainerType(type, session);
  return (inner?.kind === 'Array' || inner?.kind === 'Set') && isCleanupFunctionType(inner.valueType);
}

function releasedByTheirHolder(valueType: ts.Type, places: readonly ContainerPlace[], context: DropContext): Resource | undefined {
  const { session } = context;
  for (const kind of RELEASED_BY_THEIR_HOLDER) {
    const resource = places.map((place) => kind.releasedHere(place, session)).find((found) => found !== undefined);
    if (resource && kind.isOfType(valueType, session)) return resource;
  }
  return undefined;
}

function handedBackByTheirHolder(place: ContainerPlace, session: AnalysisSession): Resource | undefined {
  const methods = methodsReleasingItsValues(place, session);
  if (methods.size === 0) return undefined;
  const sorted = [...methods].sort((a, b) => releaseNameRank(a) - releaseNameRank(b));
  return { typeName: 'id', release: { kind: 'handedBack', methods: sorted }, origin: 'inferred' };
}

/**
 * Listeners the code takes back from what they listen to (`this.emitter.off('change', fn)`): each
 * owes that call, named for the message; what it listens to is kept, since its end ends them too.
 */
function detachedByTheirHolder(place: ContainerPlace, session: AnalysisSession): Resource | undefined {
  const detachments = detachmentsOfItsValues(place, session);
  if (!detachments) return undefined;
  const methods = [...detachments.methods].sort((a, b) => releaseNameRank(a) - releaseNameRank(b));
  const receivers = [...detachments.receivers];
  const listensTo = receivers.every((receiver) => receiver !== undefined) ? (receivers as string[]) : [];
  return { typeName: 'listener', release: { kind: 'handedBack', methods, listensTo }, origin: 'inferred' };
}

/** DOM nodes: every present member's `remove()` is the DOM's own `ChildNode.remove()`, from the default library. */
function isDomNodeType(type: ts.Type, program: ts.Program): boolean {
  return everyPresentPart(type, (part) =>
    (part.getProperty('remove')?.getDeclarations() ?? []).some(
      (declaration) =>
        ts.isInterfaceDeclaration(declaration.parent) &&
        declaration.parent.name.text === 'ChildNode' &&
        program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
    ),
  );
}

/** Ids (`number`, `string`): values whose release another object performs when handed them back. */
function isHandedOutIdType(type: ts.Type): boolean {
  return everyPresentPart(type, (part) => (part.getFlags() & (ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike)) !== 0);
}

/**
 * Values that are containers of resources themselves (`Map<string, Timeout[]>`,
 * `Map<string, Set<Subscription>>`): dropping one drops every resource it holds.
 */
function nestedResource(valueType: ts.Type, context: DropContext): Resource | undefined {
  const inner = getContainerType(valueType, context.session);
  if (!inner || inner.kind === 'Cache' || inner.kind === 'WeakMap' || inner.kind === 'WeakSet') return undefined;
  const element = context.resources.resourceOf(inner.valueType);
  if (!element) return undefined;
  const iteration = inner.kind === 'Map' ? 'mapValues' : inner.kind === 'ObjectMap' ? 'objectValues' : 'elements';
  return { typeName: context.resources.typeName(valueType), release: { kind: 'each', iteration, element }, origin: element.origin };
}

/** The parts of a candidate every drop of this container shares. */
function common(
  container: ContainerOfResources,
  containerExpression: ts.Expression,
): Pick<ContainerDrop, 'kind' | 'protocol' | 'containerKind' | 'containerExpression' | 'resource' | 'storesIntervals'> {
  return {
    kind: 'container',
    protocol: container.protocol,
    containerKind: container.kind,
    containerExpression,
    resource: container.resource,
    storesIntervals: container.storesIntervals,
  };
}

function describeCallDrop(node: ts.CallExpression, context: DropContext): ContainerDrop | undefined {
  const method = calledMethodName(node);
  if (method === undefined || !(isBuiltinDropForm(method, node.arguments.length) || storageClasses(context.session).droppingMethods.has(method)))
    return undefined;
  const receiver = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  const [first, second] = node.arguments;
  // A `set()` under a key that cannot be taken yet drops nothing, nor one into a container this
  // function made empty, nor one that stores a string or a flag (`headers.set('vary', '*')`: a
  // container of data): decided before any question to the checker.
  if (
    method === 'set' &&
    first &&
    second &&
    (isTextOrFlag(second, context.session) ||
      isFreshKey(first, context.session) ||
      isOwnIdentity(first, second) ||
      isCreatedEmptyHere(receiver, node, context.session))
  )
    return undefined;
  const container = containerOfResources(receiver, context);
  const dropping: DroppingMethod | undefined = container?.protocol.drops[method];
  if (!container || !dropping) return undefined;
  if (dropping.arguments !== 'some' && node.arguments.length !== dropping.arguments) return undefined;
  // `this.connections.forget(ip)` of a storage class: the message names the method the code called.
  const base = { ...common(container, receiver), operation: dropping.operation, ...(method !== dropping.operation && { calledAs: method }) };

  switch (dropping.target) {
    case 'all':
      return finish(node, container, { ...base, target: { kind: 'all' }, storesNewValue: false, result: 'none' }, context);
    case 'key':
      return keyDrop(
        node,
        container,
        first!,
        { ...base, storesNewValue: dropping.storesNew === true, ...(dropping.storesNew && second && { newValue: second }) },
        context,
      );
    case 'value':
      return valueDrop(node, container, first!, base, 'none', context);
    case 'end':
      // `return queue.shift()` hands the value on.
      if (isResultUsed(node) === 'returned') return undefined;
      return finish(
        node,
        container,
        {
          ...base,
          target: { kind: 'key', key: method === 'pop' ? LIST_END.last : LIST_END.first, keyRoots: [] },
          storesNewValue: false,
          result: dropping.result,
        },
        context,
      );
    case 'range':
      return rangeDrop(node, container, base, context);
  }
}

/** `splice(start, count)`: by index of a value, by a named index, or everything from 0. */
function rangeDrop(
  node: ts.CallExpression,
  container: ContainerOfResources,
  base: Omit<ContainerDrop, 'site'>,
  context: DropContext,
): ContainerDrop | undefined {
  const [first, second] = node.arguments;
  if (!first || (second && isZeroLiteral(second)) || isResultUsed(node) === 'returned') return undefined;
  const start = skipOuter(first);
  const many = { storesNewValue: false, result: 'many' as const };
  if (node.arguments.length === 1 && isZeroLiteral(start)) return finish(node, container, { ...base, target: { kind: 'all' }, ...many }, context);
  const direct = indexedValue(start);
  if (direct) return valueDrop(node, container, direct, base, 'many', context);
  // `const i = arr.indexOf(x); arr.splice(i, 1)`
  const initializer = ts.isIdentifier(start) ? singleInitializer(start, context.session) : undefined;
  const named = initializer && indexedValue(initializer);
  if (named) return valueDrop(node, container, named, base, 'many', context);
  // `list.splice(i--, 1)` in a loop by index: the element at `i`, before the step.
  const index = ts.isPostfixUnaryExpression(start) ? skipOuter(start.operand) : start;
  const key = canonical(index);
  if (!key) return finish(node, container, { ...base, target: { kind: 'key', key: '#unknown', keyRoots: [] }, ...many }, context);
  return finish(node, container, { ...base, keyExpression: index, target: { kind: 'key', key: key.text, keyRoots: key.roots }, ...many }, context);
}

/** `indexOf(x)`, `findIndex((v) => v === x)`: the index of the value `x`. */
function indexedValue(expression: ts.Expression): ts.Expression | undefined {
  const call = skipOuter(expression);
  if (!ts.isCallExpression(call)) return undefined;
  const method = calledMethodName(call);
  const [argument] = call.arguments;
  if (method === 'indexOf') return argument;
  if (method !== 'findIndex' || !argument) return undefined;
  const callback = skipOuter(argument);
  if (!ts.isArrowFunction(callback) || callback.parameters.length !== 1 || !ts.isIdentifier(callback.parameters[0]!.name)) return undefined;
  const element = callback.parameters[0]!.name.text;
  const body = ts.isBlock(callback.body) ? undefined : skipOuter(callback.body);
  if (!body || !ts.isBinaryExpression(body) || body.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) return undefined;
  const [left, right] = [skipOuter(body.left), skipOuter(body.right)];
  if (ts.isIdentifier(left) && left.text === element) return right;
  if (ts.isIdentifier(right) && right.text === element) return left;
  return undefined;
}

function describeAssignmentDrop(node: ts.BinaryExpression, context: DropContext): ContainerDrop | undefined {
  // Every syntactic test comes before the first question to the checker: assignments are the most
  // common candidate sites, and almost none of them touch a container.
  const target = skipOuter(node.left);
  const { session } = context;
  if (ts.isElementAccessExpression(target)) {
    const receiver = skipOuter(target.expression);
    if (isTextOrFlag(node.right, session) || isFreshKey(target.argumentExpression, session) || isOwnIdentity(target.argumentExpression, node.right))
      return undefined;
    // `const result = []; … result[i] = decode(…)`: a container this function made empty holds nothing to overwrite.
    if (isCreatedEmptyHere(receiver, node, session)) return undefined;
    // `pool[k] = pool[k].filter(keep)`: the survivors of the old value, as `list = list.filter(keep)` is.
    if (isOpaqueFilterOfItself(node.right, target, session)) return undefined;
    const container = containerOfResources(receiver, context, true);
    if (!container?.protocol.elementAssignmentDrops) return undefined;
    return keyDrop(
      node,
      container,
      target.argumentExpression,
      { ...common(container, receiver), operation: 'assign', storesNewValue: true, newValue: node.right },
      context,
    );
  }
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'length' && isZeroLiteral(node.right)) {
    const receiver = skipOuter(target.expression);
    const container = containerOfResources(receiver, context, true);
    if (!container?.protocol.truncates) return undefined;
    return finish(
      node,
      container,
      { ...common(container, receiver), operation: 'truncate', target: { kind: 'all' }, storesNewValue: false, result: 'none' },
      context,
    );
  }
  if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) {
    const filtering = filterOf(node.right, target);
    if (filtering) return describeFilterDrop(node, target, filtering, context);
    // Replacing a container means assigning a new one (`new Map()`, `[]`, `{}`, a factory's result,
    // or a local array of survivors built here) or resetting it; other assignments are not asked
    // about, which keeps the checker away from most `x = …`.
    // A reset to `undefined` is written because something may be there (a lazily filled field); a new
    // container may be the first one.
    const reset = isNullish(node.right) && !ts.isConstructorDeclaration(enclosingBody(node));
    if (!reset && (!(isContainerMadeHere(node.right) || isRebuiltHere(node.right, node, session)) || !hadEarlierValue(target, node, session))) return undefined;
    const container = containerOfResources(target, context, true);
    if (!container) return undefined;
    // `list = [...list, x]`, `list = list.concat(…)` keeps what it keeps.
    if (mentions(node.right, container.text.text)) return undefined;
    if (isDrainedAfter(node, container.text.text)) return undefined;
    const mayBeAbsent = reset || mayBeNullish(target, session);
    return finish(
      node,
      container,
      {
        ...common(container, target),
        operation: 'reassign',
        target: { kind: 'all' },
        storesNewValue: true,
        result: 'none',
        ...(mayBeAbsent && { containerMayBeAbsent: true as const }),
      },
      context,
    );
  }
  return undefined;
}

/**
 * `place = place.filter(keep)`, also through a local (`const refed = old.filter(…)` of `const old =
 * place`), with a callback that is not an identity test: which values leave is beyond a syntactic
 * read, as for a container that filters itself (describeFilterDrop).
 */
function isOpaqueFilterOfItself(value: ts.Expression, place: ts.Expression, session: AnalysisSession): boolean {
  const placeText = canonical(place)?.text;
  const local = (e: ts.Expression): ts.Expression => {
    let inner = skipOuter(e);
    inner = (ts.isIdentifier(inner) && singleInitializer(inner, session)) || inner;
    // `place ?? []`: the old value, or nothing.
    if (isFallback(inner) && isContainerMadeHere(inner.right)) inner = skipOuter(inner.left);
    return inner;
  };
  const filtered = local(value);
  if (placeText === undefined || !ts.isCallExpression(filtered) || calledMethodName(filtered) !== 'filter' || filtered.arguments.length !== 1) return false;
  const source = local((skipOuter(filtered.expression) as ts.PropertyAccessExpression).expression);
  if (canonical(source)?.text !== placeText) return false;
  const callback = skipOuter(filtered.arguments[0]!);
  const test = (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && elementTest(callback, 'unequal');
  // `(t) => t !== gone` with `gone` a parameter: the one value leaving is the caller's.
  return !test || (ts.isIdentifier(skipOuter(test.own)) && isParameterPath(test.other, value, session));
}

/** `list = list.filter((item) => …)`: the callback and its one parameter, when `list` filters itself. */
function filterOf(right: ts.Expression, target: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const e = skipOuter(right);
  if (!ts.isCallExpression(e) || calledMethodName(e) !== 'filter' || e.arguments.length !== 1) return undefined;
  const receiver = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
  if (canonical(receiver)?.text !== canonical(target)?.text) return undefined;
  const callback = skipOuter(e.arguments[0]!);
  return (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) &&
    callback.parameters.length === 1 &&
    ts.isIdentifier(callback.parameters[0]!.name)
    ? callback
    : undefined;
}

/**
 * `list = list.filter((s) => s !== gone)` drops `gone`; `list = list.filter((e) => e.client !== client)`
 * drops the elements that match, released only if the callback (or a loop before) releases them.
 * Other filters keep what they keep, and which values leave is beyond a syntactic read.
 */
function describeFilterDrop(
  node: ts.BinaryExpression,
  target: ts.Expression,
  callback: ts.ArrowFunction | ts.FunctionExpression,
  context: DropContext,
): ContainerDrop | undefined {
  const test = elementTest(callback, 'unequal');
  if (!test) return undefined;
  const { own, other } = test;
  const container = containerOfResources(target, context, true);
  if (!container) return undefined;
  const base = { ...common(container, target), operation: 'filter' as const };
  if (ts.isIdentifier(skipOuter(own))) return valueDrop(node, container, other, base, 'none', context);
  // Matching by a field: the elements a find() or a loop released first are not dropped unreleased.
  if (releasesFoundElementBefore(node, container.text.text)) return undefined;
  // `list = list.filter((c) => c.name !== name); list.push({ ...old, status })`: moved into the new record.
  if (isCarriedIntoReplacement(node, container.text.text, test, obligationSlots(container.resource), context.session)) return undefined;
  return finish(node, container, { ...base, target: { kind: 'all' }, storesNewValue: true, result: 'none' }, context);
}

/** `const c = list.find(…); c?.close();` (or any release-like call on an element read from `list`) earlier in the function. */
function releasesFoundElementBefore(node: ts.Node, containerText: string): boolean {
  const fn = enclosingBody(node);
  const found = new Set<string>();
  let released = false;
  const readsContainer = (expression: ts.Expression): boolean => {
    const e = skipOuter(expression);
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(skipOuter(e.expression)))
      return canonical((skipOuter(e.expression) as ts.PropertyAccessExpression).expression)?.text === containerText;
    return ts.isElementAccessExpression(e) && canonical(e.expression)?.text === containerText;
  };
  const visit = (child: ts.Node): void => {
    if (released || child.pos >= node.pos) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer && readsContainer(child.initializer)) found.add(child.name.text);
    if (
      (ts.isForOfStatement(child) || ts.isForInStatement(child)) &&
      canonical(child.expression)?.text === containerText &&
      ts.isVariableDeclarationList(child.initializer)
    ) {
      for (const declaration of child.initializer.declarations) if (ts.isIdentifier(declaration.name)) found.add(declaration.name.text);
    }
    if (ts.isCallExpression(child)) {
      const callee = skipOuter(child.expression);
      const receiver = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
      const onFound = (expression: ts.Expression | undefined): boolean => {
        let e = expression && skipOuter(expression);
        while (e && ts.isPropertyAccessExpression(e)) e = skipOuter(e.expression);
        return e !== undefined && ts.isIdentifier(e) && found.has(e.text);
      };
      if (
        (ts.isPropertyAccessExpression(callee) && isReleaseLikeName(callee.name.text) && onFound(receiver)) ||
        (ts.isIdentifier(callee) && /^(clear|cancel)/.test(callee.text) && child.arguments.some(onFound))
      ) {
        released = true;
        return;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(fn);
  return released;
}

/**
 * `const queue = this.queue; this.queue = []; for (const call of queue) call.resume();`: the old
 * values were moved to a local before the reset, and a loop after it works through each of them —
 * handed on to that loop, not dropped. A local only counted (`queue.length`) still drops them.
 */
function isDrainedAfter(node: ts.BinaryExpression, containerText: string): boolean {
  const fn = enclosingBody(node);
  const body = isFunctionLike(fn) ? fn.body : fn;
  if (!body) return false;
  const saved = new Set<string>();
  let drained = false;
  const usesEachElement = (source: ts.Expression, element: ts.BindingName | undefined, loopBody: ts.Node): boolean => {
    const e = skipOuter(source);
    const local =
      ts.isCallExpression(e) && calledMethodName(e) === 'values' ? skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression) : e;
    if (!ts.isIdentifier(local) || !saved.has(local.text) || !element || !ts.isIdentifier(element)) return false;
    return isReceiverOfCall(loopBody, element.text);
  };
  const visit = (child: ts.Node): void => {
    if (drained) return;
    if (child.end <= node.pos && ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer) {
      if (canonical(child.initializer)?.text === containerText) saved.add(child.name.text);
    } else if (child.pos >= node.end && saved.size > 0) {
      if (ts.isForOfStatement(child) && ts.isVariableDeclarationList(child.initializer)) {
        drained = usesEachElement(child.expression, child.initializer.declarations[0]?.name, child.statement);
      } else if (ts.isCallExpression(child) && calledMethodName(child) === 'forEach') {
        const callback = child.arguments[0] && skipOuter(child.arguments[0]);
        if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)))
          drained = usesEachElement((skipOuter(child.expression) as ts.PropertyAccessExpression).expression, callback.parameters[0]?.name, callback.body);
      }
    }
    if (!drained && (child === body || !isFunctionLike(child))) ts.forEachChild(child, visit);
  };
  visit(body);
  return drained;
}

/** Some call in `body` is a method of the value named `name`: `call.getConfig()`. */
function isReceiverOfCall(body: ts.Node, name: string): boolean {
  if (ts.isCallExpression(body)) {
    const callee = skipOuter(body.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = skipOuter(callee.expression);
      if (ts.isIdentifier(receiver) && receiver.text === name) return true;
    }
  }
  return ts.forEachChild(body, (child) => isReceiverOfCall(child, name)) === true;
}

/** `list = next` where `next` is a local array this function builds (the survivors of a loop). */
function isRebuiltHere(right: ts.Expression, node: ts.Node, session: AnalysisSession): boolean {
  const e = skipOuter(right);
  if (!ts.isIdentifier(e)) return false;
  const value = singleInitializer(e, session);
  return value !== undefined && enclosingBody(value) === enclosingBody(node) && isEmptyContainerExpression(value);
}

/** The declared type of a field or variable admits `undefined` or `null`. */
function mayBeNullish(target: ts.Expression, session: AnalysisSession): boolean {
  const type = session.checker.getTypeAtLocation(target);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0);
}

function describeDeleteOperator(node: ts.DeleteExpression, context: DropContext): ContainerDrop | undefined {
  const target = skipOuter(node.expression);
  if (!ts.isElementAccessExpression(target)) return undefined;
  const receiver = skipOuter(target.expression);
  const container = containerOfResources(receiver, context, true);
  if (!container?.protocol.deleteOperatorDrops) return undefined;
  return keyDrop(node, container, target.argumentExpression, { ...common(container, receiver), operation: 'deleteOperator', storesNewValue: false }, context);
}

type Draft = Omit<ContainerDrop, 'site'> & { storesNewValue: boolean };

function keyDrop(node: ts.Node, container: ContainerOfResources, keyExpression: ts.Expression, draft: Draft, context: DropContext): ContainerDrop | undefined {
  const key = canonical(keyExpression);
  if (isKeyOfBorrowedValue(keyExpression, container.valueType, node, context, !draft.storesNewValue)) return undefined;
  if (key && !key.impure && isMirroredElsewhere(node, container, key.text, context)) return undefined;
  if (draft.storesNewValue && isGuardedInEveryCaller(node, container, keyExpression, context)) return undefined;
  if (draft.newValue && isBlindInsertOfMadeEntity(node, container, draft.containerExpression, keyExpression, draft.newValue, context)) return undefined;
  if (draft.newValue && storesValueItHolds(node, container, keyExpression, draft.newValue, context)) return undefined;
  // `this.timers.set(k, t); try { … } finally { clearInterval(t) }` where every store is so: what it overwrites, another call releases.
  if (draft.newValue && isStoreOfWorkInFlight(draft.newValue, container.resource, containerPlaces(draft.containerExpression, context.session), context.session))
    return undefined;
  // `if (!m.has(k) && !pending.has(k)) { pending.add(k); … m.set(k, v) }`: no other call gets past the claim.
  if (draft.newValue && key && !key.impure && isClaimedBeforeStore(node, container.text.text, key.text)) return undefined;
  // `nodes.delete(target.id)` where every value is stored under its own `id`: the value dropped is
  // `target` (a local — one the caller handed in stays a key, as any key from a parameter).
  const self = draft.storesNewValue ? undefined : valueNamedByOwnKey(keyExpression, draft.containerExpression, context.session);
  if (self && !isParameterPath(self, node, context.session)) return valueDrop(node, container, self, draft, 'none', context);
  return finish(node, container, { ...draft, keyExpression, target: keyTarget(keyExpression), result: 'none' }, context);
}

function valueDrop(
  node: ts.Node,
  container: ContainerOfResources,
  valueExpression: ts.Expression,
  base: Omit<ContainerDrop, 'site'>,
  result: DropSite['result'],
  context: DropContext,
): ContainerDrop | undefined {
  const value = canonical(valueExpression);
  if (!value || value.impure) return undefined;
  // `remove(child)`: the caller handed it in and still holds it.
  if (
    isParameterPath(valueExpression, node, context.session) &&
    !isOwnValueHandedBack(valueExpression, node, container, context) &&
    !isOwnValueNamedByCaller(valueExpression, base.containerExpression, node, container, context)
  )
    return undefined;
  // `this.remove(w)` after `clearTimeout(w.timer)` in every caller: released before it was handed here.
  if (isReleasedByEveryCaller(node, container, valueExpression, context)) return undefined;
  return finish(node, container, { ...base, valueExpression, target: { kind: 'value', variable: value.text }, storesNewValue: false, result }, context);
}

/** The candidate, with what this context still owes (none: no candidate). */
function finish(
  node: ts.Node,
  container: ContainerOfResources,
  draft: Omit<ContainerDrop, 'site'> & Pick<DropSite, 'target' | 'storesNewValue' | 'result'>,
  context: DropContext,
): ContainerDrop | undefined {
  // A controller taken out is almost always one whose work has ended (deleted in that work's own
  // continuation); one replaced under its key may still be running.
  if (container.resource.owedOnlyWhenReplaced && !(draft.storesNewValue && draft.target.kind === 'key')) return undefined;
  if (endedWhatItListensTo(node, container.resource)) return undefined;
  if (isOwnRemovalOfOneShotListener(node, container)) return undefined;
  const { slots, directCalls, releaseReenters, successorAt } = owedSlots(node, container, context);
  if (slots.length === 0 && !directCalls) return undefined;
  // `pop() { …; delete this.entries_[entry.key_]; return entry.value_ }`: the caller receives what it owes.
  if (isTakeHandedBack(node, container.text.text, slots, context.session)) return undefined;
  // A container handed in by the callers of a local helper: released by every one of them first, nothing is owed here.
  if (isSettledByEveryCallerOfContainer(draft.containerExpression, { ...draft, slots }, container, context)) return undefined;
  const storedAs = ownTimerHandle(node) ?? (draft.keyExpression && capturedValueAt(node, container, draft.keyExpression, context));
  const { release } = container.resource;
  const storedFields =
    storedAs === undefined && draft.keyExpression && release.kind === 'fields'
      ? capturedFieldsAt(node, container.text.text, draft.keyExpression, capturableSlots(release.fields), context.session)
      : undefined;
  const within = keysWithin(draft.containerExpression, context.session);
  const { target, storesNewValue, result, ...candidate } = draft;
  return {
    ...candidate,
    ...(directCalls && { directCalls }),
    ...(releaseReenters && { releaseReenters }),
    ...(successorAt && { successorAt }),
    site: {
      node,
      container: container.text.text,
      containerRoots: container.text.roots,
      target,
      slots,
      storesNewValue,
      result,
      ...(storedAs !== undefined && { storedAs }),
      ...(storedFields && { storedFields }),
      ...(container.resource.release.kind === 'each' &&
        container.resource.release.element.release.kind === 'fields' && { elementSlots: obligationSlots(container.resource.release.element) }),
      ...(within.length > 0 && { keysWithin: within }),
      ...(isLocalContainer(draft.containerExpression, node, context.session) && { localContainer: true }),
    },
  };
}

/** The fields a captured local may stand for: the resource fields, and the record's functions that release one (`resolve` clearing `timer`). */
function capturableSlots(fields: readonly ResourceField[]): ReadonlySet<string> {
  return new Set([...fields.map((field) => field.name), ...fields.flatMap((field) => field.releasedByRecordFunctions ?? [])]);
}

export type { DropOperation };
