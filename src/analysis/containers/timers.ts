/**
 * Timers by origin: in browser or isomorphic code `setTimeout` returns `number`, so the type says
 * nothing. What the code stores does: a container whose visible insertions are the results of
 * timer calls holds timers, and a record field given a timer call's result (in the literal that is
 * inserted, or later: `entry.timer = window.setTimeout(…)`) is a timer slot of that record.
 * Fields filled later with any value made here (`entry.client ??= net.connect(…)`) are kept too:
 * the record's own type then says what releases them.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { assignedValue, calledMethodName, canonical, isPrivateMember, skipOuter, statementInBlock } from '../syntax/expressions.js';
import { declarationOf, singleInitializer } from '../syntax/names.js';
import { BUILTIN_COLLECTIONS, isMadeByCall } from './origins.js';
import { readContainerOf } from './kinds.js';
import { fieldFillsIn, innerVisibleInsertions, visibleInsertions, type ContainerPlace, type FieldFill } from './ownership.js';
import { timerCallRelease } from './timerCalls.js';
import { everyPresentPart, getContainerType } from './types.js';

export interface TimerSlots {
  /** Every visible insertion stores a timer call's result: the values are timers. */
  whole?: readonly string[];
  /** Every value is a list or set of numbers whose visible insertions store timer calls' results: each element is a timer. */
  elements?: readonly string[];
  /** Record fields given a timer call's result: field name → the functions that release it. */
  fields: ReadonlyMap<string, readonly string[]>;
}

/** `release` is empty for a field given a made value that is not a timer: its type says what releases it. */
const ARMED_FIELDS = memoTable<ts.Node, Map<string, { fill: FieldFill; release: readonly string[] }[]>>('containers.armedFields');
/** A record given a made value after insertion: the containers it is read from, and the local naming it. */
interface ArmedOwner {
  name?: string;
  containers: ReadonlySet<string>;
}
const ARMED_OWNERS = memoTable<ts.Node, readonly ArmedOwner[] | 'timer' | null>('containers.armedOwners');
const ARMS_STORED_RECORDS = memoTable<readonly ContainerPlace[], boolean | null>('containers.armsStoredRecords');
const ARMS_INTERVALS = memoTable<readonly ContainerPlace[], boolean | null>('containers.armsIntervals');
const STORED_RECORD_FIELDS = memoTable<readonly ContainerPlace[], ReadonlySet<string> | null>('containers.storedRecordFields');

/** What the visible code stores in a container of `valueType` that its type does not say: timers. */
export function timerSlots(places: readonly ContainerPlace[], valueType: ts.Type, session: AnalysisSession): TimerSlots {
  const { checker } = session;
  const inserted = visibleInsertions(places, session);
  const releases = inserted.map(timerCallRelease);
  // Only where the type says `number`: a value typed `any` or `unknown` carries no type information.
  const whole = isNumberLike(valueType) && releases.length > 0 && releases.every((release) => release !== undefined) ? releases[0] : undefined;
  const fields = new Map<string, readonly string[]>();
  const numberField = (name: string): boolean => {
    const property = checker.getNonNullableType(valueType).getProperty(name);
    return property !== undefined && isPublicField(property) && isNumberLike(checker.getTypeOfSymbol(property));
  };
  for (const value of inserted) {
    const e = skipOuter(value);
    if (!ts.isObjectLiteralExpression(e)) continue;
    for (const property of e.properties) {
      // `{ timer: setTimeout(…) }`, or `{ timer }` of `const timer = window.setTimeout(…)`.
      if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !ts.isIdentifier(property.name)) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      const release = timerRelease(value, session);
      if (release && numberField(property.name.text)) fields.set(property.name.text, release);
    }
  }
  // `entry.timer = window.setTimeout(…)` on a value of this type, anywhere the container is used.
  const valueSymbol = session.checker.getNonNullableType(valueType).getSymbol();
  if (valueSymbol) {
    for (const place of places) {
      for (const [field, fills] of armedFields(place.scope, session)) {
        if (fields.has(field) || !numberField(field)) continue;
        const armed = fills.find(({ fill, release }) => release.length > 0 && fillsValueOf(fill, valueSymbol, checker));
        if (armed) fields.set(field, armed.release);
      }
    }
  }
  const elements = whole ? undefined : timersInEveryInnerList(places, valueType, session);
  return { ...(whole && { whole }), ...(elements && { elements }), fields };
}

/** `Map<string, number[]>` given `list.push(window.setTimeout(…))` only: the release of each element. */
function timersInEveryInnerList(places: readonly ContainerPlace[], valueType: ts.Type, session: AnalysisSession): readonly string[] | undefined {
  // From the syntax first: the checker is asked what the values are only where every inner insertion is a timer call.
  const releases = innerVisibleInsertions(places, session).map(timerCallRelease);
  if (releases.length === 0 || releases.some((release) => release === undefined)) return undefined;
  const inner = getContainerType(valueType, session);
  return inner && (inner.kind === 'Array' || inner.kind === 'Set') && isNumberLike(inner.valueType) ? releases[0] : undefined;
}

/** Fields that some code sets to (or pushes) a timer call's result, or another made value, on a value of this type (`entry.idleTimer = setTimeout(…)`). */
export function armedFieldNames(places: readonly ContainerPlace[], valueType: ts.Type, session: AnalysisSession): Set<string> {
  const { checker } = session;
  const valueSymbol = checker.getNonNullableType(valueType).getSymbol();
  const names = new Set<string>();
  if (!valueSymbol) return names;
  for (const place of places) {
    for (const [field, fills] of armedFields(place.scope, session)) {
      if (fills.some(({ fill }) => fillsValueOf(fill, valueSymbol, checker))) names.add(field);
    }
  }
  return names;
}

/**
 * Some code sets a field of a value of this type to an interval (`poll.timer = setInterval(…)`
 * after `polls.set(id, poll)`): the message and the edit name `clearInterval()`, as for a record
 * literal made holding one.
 */
export function armsIntervals(places: readonly ContainerPlace[], valueType: ts.Type, session: AnalysisSession): boolean {
  // Asked at every candidate receiver: answered once per container.
  return session.memo(ARMS_INTERVALS, places, () => {
    const { checker } = session;
    const valueSymbol = checker.getNonNullableType(valueType).getSymbol();
    return (
      valueSymbol !== undefined &&
      places.some((place) =>
        [...armedFields(place.scope, session).values()].some((fills) =>
          fills.some(({ fill, release }) => release[0] === 'clearInterval' && fillsValueOf(fill, valueSymbol, checker)),
        ),
      )
    );
  })!;
}

/** The field filled belongs to a value of the type whose symbol is `valueSymbol`. */
function fillsValueOf(fill: FieldFill, valueSymbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  return checker.getNonNullableType(checker.getTypeAtLocation(fill.target.expression)).getSymbol() === valueSymbol;
}

/** A timer call, or a constant given one (`const timeoutId = setTimeout(…); entry.timeoutId = timeoutId`). */
function timerRelease(expression: ts.Expression, session: AnalysisSession): readonly string[] | undefined {
  const direct = timerCallRelease(expression);
  if (direct) return direct;
  const e = skipOuter(expression);
  const value = ts.isIdentifier(e) ? singleInitializer(e, session) : undefined;
  return value && timerCallRelease(value);
}

/**
 * `number`, or `number | undefined`: what a timer id types as where the DOM's timers are in scope —
 * branded too (`number & { __brand: 'Timeout' }`, ioBroker's adapter timers).
 */
function isNumberLike(type: ts.Type): boolean {
  const isNumber = (part: ts.Type): boolean => (part.getFlags() & ts.TypeFlags.NumberLike) !== 0;
  return everyPresentPart(type, (part) => isNumber(part) || (part.isIntersection() && part.types.some(isNumber)));
}

/** A field other code may set: not private, protected or `#private`. */
function isPublicField(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration;
  if (!declaration) return true;
  return !isPrivateMember(declaration) && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Protected) === 0;
}

const NO_RELEASE: readonly string[] = [];

/**
 * The code around a container gives its stored records timers after insertion (any `x.field =
 * <timer call>` or `x.list.push(<timer call>)` there), or other values it makes (`entry.client ??= connect()`) on a record it put
 * in or read out of that container. Cheap: from the same walk, with no checker question.
 */
export function armsStoredRecordsOf(places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  // Asked at every candidate receiver: answered once per container.
  return session.memo(ARMS_STORED_RECORDS, places, () => findArmsStoredRecords(places, session)) ?? false;
}

function findArmsStoredRecords(places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  return places.some((place) => {
    const owners = armedOwners(place.scope, session);
    if (owners === 'timer') return true;
    if (owners.length === 0) return false;
    if (owners.some(({ containers }) => containers.has(place.text))) return true;
    const inserted = new Set(
      visibleInsertions([place], session).flatMap((value) => {
        const e = skipOuter(value);
        return ts.isIdentifier(e) ? [e.text] : [];
      }),
    );
    return owners.some(({ name }) => name !== undefined && inserted.has(name));
  });
}

/**
 * Of a scope's armed fields: `'timer'` when some field is given a timer, else the records given a
 * value made here, each by the containers it is read from (`map.get(k)!`, or a local holding such a
 * read) and its local's name — found once per scope, so each container asks no declaration again.
 */
function armedOwners(scope: ts.Node, session: AnalysisSession): readonly ArmedOwner[] | 'timer' {
  return session.memo(ARMED_OWNERS, scope, () => {
    const all = [...armedFields(scope, session).values()].flat();
    if (all.some(({ release }) => release.length > 0)) return 'timer';
    return all.map(({ fill }) => {
      const e = skipOuter(fill.target.expression);
      const containers = new Set<string>();
      const read = readContainerOf(e);
      if (read !== undefined) containers.add(read);
      if (!ts.isIdentifier(e)) return { containers };
      const declaration = declarationOf(e.text, e, session);
      if (declaration?.kind === 'variable') {
        for (const value of declaration.bindings.values) {
          const from = readContainerOf(value);
          if (from !== undefined) containers.add(from);
        }
      }
      return { name: e.text, containers };
    });
  })!;
}

/**
 * The fields this container's records can come to hold, when every visible insertion is an object
 * literal made here (`set(name, { socket, pattern })`): those the literals write, and those the
 * code arms on a record that may be one of its own. A field of the record type that neither
 * happens to (a `responseTimeout?` only records kept elsewhere get) is nothing these records owe.
 * Undefined when some insertion is not such a literal.
 */
export function fieldsOfStoredRecords(places: readonly ContainerPlace[], session: AnalysisSession): ReadonlySet<string> | undefined {
  // `containerPlaces` answers one list per place: asked at every candidate receiver, found once.
  return session.memo(STORED_RECORD_FIELDS, places, () => findFieldsOfStoredRecords(places, session));
}

function findFieldsOfStoredRecords(places: readonly ContainerPlace[], session: AnalysisSession): Set<string> | undefined {
  const given = new Set<string>();
  const insertions = visibleInsertions(places, session);
  if (insertions.length === 0) return undefined;
  for (const value of insertions) {
    const e = assignedValue(value);
    // `set(key, (batch = new Set()))` for a `Set<R> & { subscription? }`: a fresh collection gives no field.
    if (isFreshCollection(e)) continue;
    const literal = ts.isIdentifier(e) ? singleInitializer(e, session) : e;
    if (!literal || !ts.isObjectLiteralExpression(skipOuter(literal))) return undefined;
    for (const property of (skipOuter(literal) as ts.ObjectLiteralExpression).properties) {
      if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
      given.add(property.name.text);
    }
  }
  for (const place of places) {
    for (const [field, fills] of armedFields(place.scope, session)) {
      const owners = fills.map(({ fill }) => fill.target.expression);
      const held = (owner: ts.Expression, index: number): boolean =>
        !isTakenFromOtherContainer(owner, place.text, session) && !isTakenOutBefore(owner, fills[index]!.fill.at, place.text, session);
      if (owners.some(held)) given.add(field);
    }
  }
  return given;
}

/** `new Set()`, `new Map(entries)`, `[]`: a built-in collection, which holds no field of a record type. */
function isFreshCollection(expression: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(expression)) return true;
  return ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && BUILTIN_COLLECTIONS.has(expression.expression.text);
}

/**
 * `const batch = m.get(key); m.delete(key); … batch.subscription = subscribe()`: a record read out of
 * `container` and removed from it, under the same key, by an earlier statement of the block it was
 * read in — what is filled afterwards is no record the container still holds.
 */
function isTakenOutBefore(owner: ts.Expression, filledAt: ts.Node, container: string, session: AnalysisSession): boolean {
  const e = skipOuter(owner);
  if (!ts.isIdentifier(e)) return false;
  const declaration = declarationOf(e.text, e, session);
  if (declaration?.kind !== 'variable' || declaration.bindings.values.length !== 1) return false;
  const read = skipOuter(declaration.bindings.values[0]!);
  if (!ts.isCallExpression(read) || calledMethodName(read) !== 'get' || read.arguments.length !== 1) return false;
  if (canonical((skipOuter(read.expression) as ts.PropertyAccessExpression).expression)?.text !== container) return false;
  const key = canonical(read.arguments[0]!);
  const at = statementInBlock(read);
  if (!key || key.impure || !at || filledAt.getStart() < at.statement.getEnd()) return false;
  return at.block.statements.slice(at.before.length + 1).some((later) => {
    if (later.getStart() > filledAt.getStart() || !ts.isExpressionStatement(later)) return false;
    const call = skipOuter(later.expression);
    if (!ts.isCallExpression(call) || calledMethodName(call) !== 'delete' || call.arguments.length !== 1) return false;
    return (
      canonical((skipOuter(call.expression) as ts.PropertyAccessExpression).expression)?.text === container && canonical(call.arguments[0]!)?.text === key.text
    );
  });
}

/** `provider` given only `queue.shift()` or `other.get(k)`: a record read or taken out of another container than `container`. */
function isTakenFromOtherContainer(owner: ts.Expression, container: string, session: AnalysisSession): boolean {
  const e = skipOuter(owner);
  if (!ts.isIdentifier(e)) return false;
  const declaration = declarationOf(e.text, e, session);
  if (declaration?.kind !== 'variable' || declaration.bindings.values.length === 0) return false;
  return declaration.bindings.values.every((value) => {
    const from = readContainerOf(value) ?? takenFrom(value);
    return from !== undefined && from !== container;
  });
}

/** `list.shift()`, `list.pop()`: the container a value is taken out of. */
function takenFrom(expression: ts.Expression): string | undefined {
  const e = skipOuter(expression);
  if (!ts.isCallExpression(e) || !['shift', 'pop'].includes(calledMethodName(e) ?? '')) return undefined;
  const callee = skipOuter(e.expression);
  return ts.isPropertyAccessExpression(callee) ? canonical(callee.expression)?.text : undefined;
}

/** Every `x.field = <timer call>` (or `x.list.push(<timer call>)`) of a class or module, by field name, from the walk that reads its insertions. */
function armedFields(scope: ts.Node, session: AnalysisSession): Map<string, { fill: FieldFill; release: readonly string[] }[]> {
  const table = session.table(ARMED_FIELDS);
  let byField = table.get(scope);
  if (byField) return byField;
  byField = new Map();
  // `this.timer = …` is a class arming its own field: the class's release (or its absence) decides.
  for (const fill of fieldFillsIn(scope, session)) {
    const release = canonical(skipOuter(fill.target.expression))
      ? (timerRelease(fill.value, session) ?? (isMadeByCall(fill.value) ? NO_RELEASE : undefined))
      : undefined;
    if (!release) continue;
    const list = byField.get(fill.target.name.text) ?? [];
    list.push({ fill, release });
    byField.set(fill.target.name.text, list);
  }
  table.set(scope, byField);
  return byField;
}
