/**
 * Expressions and conditions: what a test tells on each side (`map.has(k)`, `if (old)`,
 * `x === undefined`), short-circuits, assignments and bindings (aliases of places, fields and
 * collections), closures and values handed on.
 */
import ts from 'typescript';

import {
  guardAssertion,
  boundFields,
  boundNames,
  calledMethodName,
  canonical,
  enclosingBody,
  entryNames,
  isFallback,
  isFunctionLike,
  isPromiseExecutor,
  isPropertyName,
  isZeroLiteral,
  skipOuter,
  propertyValueOf,
} from '../syntax/expressions.js';
import { isFinishedState } from '../syntax/endOfLife.js';
import { firedFlagsOf } from '../syntax/firedFlags.js';
import { guardedFieldsOf } from '../syntax/guardedFields.js';
import { importedNames } from '../syntax/imports.js';
import { isPureComputation } from '../syntax/pureCalls.js';
import { isFollowed } from './calls.js';
import type { Interpreter } from './interpreter.js';
import {
  holdsValueFact,
  placeFact,
  answerName,
  cloneState,
  deadState,
  markEmptied,
  join,
  sameKeyFact,
  forgetSpelling,
  sameKeyOf,
  testFact,
  type Alias,
  type State,
  type ValueRef,
} from './state.js';
import { emptyAlike, singleSpliced, strandUnpaid } from './values.js';

/** Binds a declared or assigned name: an alias when the value names a place or a collection. */
export function bind(it: Interpreter, name: ts.BindingName, initializer: ts.Expression | undefined, state: State): State {
  const names = boundNames(name);
  // `let w = a.pop(); while (w) { w = a.pop() }`: what the name held and still owes is out of reach.
  const binding = initializer && it.dropIds.get(skipOuter(initializer));
  for (const bound of names) {
    const held = state.aliases.get(bound);
    if (held?.kind !== 'dropped' || held.many) continue;
    for (const dropId of [held.drop, ...(held.also ?? [])]) if (dropId !== binding) strandUnpaid(it, state, dropId, bound);
  }
  const next = it.kill(names, state);
  if (!initializer) return next;
  // `s.close(); m.delete(k); s = undefined`: where the place needs nothing, the name still stands
  // for what it holds, so a join with a path where `s` is still `m.get(k)` keeps that and `!s` reads it.
  const held = ts.isIdentifier(name) && isNullish(skipOuter(initializer)) ? placeHeld(it, state.aliases.get(name.text)) : undefined;
  if (held && state.facts.has(placeFact(held.container, held.key, '*'))) {
    next.aliases.set((name as ts.Identifier).text, held);
    return next;
  }
  if (ts.isIdentifier(name)) {
    const alias = it.aliasFor(initializer, next);
    if (alias) next.aliases.set(name.text, alias);
    // `const s = sessions.get(k)` where every value sits under its own `.to`: `s.to` spells `k`.
    const ownKey = alias?.kind === 'place' ? it.drops.find((drop) => drop.container === alias.container && drop.ownKeyPath)?.ownKeyPath : undefined;
    if (alias?.kind === 'place' && ownKey) next.facts.set(sameKeyFact(`${name.text}${ownKey}`, alias.key), { roots: [name.text, ...alias.roots] });
    // `const key = route`: a lookup by `key` speaks of the place at `route`.
    const spelled = keyText(initializer);
    if (spelled && !spelled.roots.includes(name.text)) next.facts.set(sameKeyFact(name.text, spelled.text), { roots: [name.text, ...spelled.roots] });
    // `const entry = { key, timer }`: a lookup by `entry.key` speaks of the place at `key`.
    const record = skipOuter(initializer);
    if (ts.isObjectLiteralExpression(record)) spellRecordKeys(name.text, record, next);
    return next;
  }
  // `for (const entry of map) { const [key, value] = entry; … }`: bound as `for (const [key, value] of map)` is.
  const entryPair = ts.isArrayBindingPattern(name) ? entryOfLoop(name, initializer, next) : undefined;
  if (entryPair) {
    next.aliases.set(entryPair.value, { ...entryPair.element, keyVariable: entryPair.key });
    next.aliases.set(entryPair.key, { kind: 'keyOf', container: entryPair.element.container });
    return next;
  }
  // `const [removed] = arr.splice(i, 1)`, `const { timer } = map.get(k)!`, `… = map.get(k) ?? {}`
  const ref = it.valueRef(ts.isObjectBindingPattern(name) ? withoutEmptyRecordFallback(initializer) : initializer);
  const many = it.manyRef(initializer, next);
  if (ts.isArrayBindingPattern(name) && many?.kind === 'dropped') {
    for (const element of name.elements) {
      if (ts.isBindingElement(element) && ts.isIdentifier(element.name)) {
        next.aliases.set(element.name.text, { kind: 'dropped', drop: many.drop, many: false });
      }
    }
    // Elements not bound are still owed: leave the obligation pending.
  } else if (ref && ts.isObjectBindingPattern(name)) {
    // Destructured fields of a dropped record: releasing a field releases that slot.
    for (const [local, field] of boundFields(name)) next.aliases.set(local, { kind: 'field', ref, slot: field });
  }
  return next;
}

/** The place a name reads (`m.get(k)`), or the one a drop by key took its value from (`m.delete(k)` after it). */
function placeHeld(it: Interpreter, alias: Alias | undefined): (Alias & { kind: 'place' }) | undefined {
  if (alias?.kind === 'place') return alias;
  const drop = alias?.kind === 'dropped' && !alias.many ? it.drops[alias.drop] : undefined;
  if (drop?.target.kind !== 'key') return undefined;
  return { kind: 'place', container: drop.container, key: drop.target.key, roots: [...drop.containerRoots, ...drop.target.keyRoots] };
}

/** `map.get(k) ?? {}` destructured: an empty record gives each field nothing, as a missing entry does. */
function withoutEmptyRecordFallback(initializer: ts.Expression): ts.Expression {
  const e = skipOuter(initializer);
  if (!isFallback(e)) return initializer;
  const fallback = skipOuter(e.right);
  return ts.isObjectLiteralExpression(fallback) && fallback.properties.length === 0 ? e.left : initializer;
}

/** `[key, value] = entry` where `entry` is the element of a loop over a container, bound without its key. */
function entryOfLoop(
  name: ts.ArrayBindingPattern,
  initializer: ts.Expression,
  state: State,
): { key: string; value: string; element: Alias & { kind: 'element'; container: string } } | undefined {
  const source = skipOuter(initializer);
  const element = ts.isIdentifier(source) ? state.aliases.get(source.text) : undefined;
  if (element?.kind !== 'element' || element.container === undefined || element.keyVariable !== undefined || name.elements.length !== 2) return undefined;
  const names = entryNames(name);
  return names?.key === undefined ? undefined : { key: names.key, value: names.value, element: { ...element, container: element.container } };
}

export function aliasFor(it: Interpreter, initializer: ts.Expression, state: State): Alias | undefined {
  const expression = skipOuter(initializer);
  // `idle.pop() ?? new Worker()`: the value taken out, or another when there was none to take.
  const dropId = it.dropIds.get(expression) ?? (isFallback(expression) ? it.dropIds.get(skipOuter(expression.left)) : undefined);
  if (dropId !== undefined) {
    const drop = it.drops[dropId]!;
    if (drop.result === 'none') return undefined;
    return { kind: 'dropped', drop: dropId, many: drop.result === 'many' };
  }
  // `const runner = list.splice(i, 1)[0]`: the one value taken out.
  const spliced = singleSpliced(it, expression);
  if (spliced !== undefined) return { kind: 'dropped', drop: spliced, many: false };
  // `a.get(k) ?? b.get(k)`: one of two places.
  if (isFallback(expression)) {
    const places = [it.valueRef(skipOuter(expression.left)), it.valueRef(skipOuter(expression.right))];
    if (places.every((place) => place?.kind === 'place')) return { kind: 'anyOf', places: places as ValueRef[] };
  }
  // `m.get(k) ?? []`, `id ? m.get(id) : undefined`: the stored value, or nothing stored at all.
  const lookup = storedOrNothing(expression);
  const ref = it.valueRef(lookup);
  if (ref?.kind === 'place') return { kind: 'place', container: ref.container, key: ref.key, roots: [...ref.containerRoots, ...ref.keyRoots] };
  if (ref?.kind === 'variable') {
    const alias = state.aliases.get(ref.name);
    if (alias) return alias;
  }
  // `const worker = slot.worker` of a value the analysis follows: bound as `const { worker } = slot` is.
  const field = ts.isPropertyAccessExpression(lookup) ? it.slotRef(lookup) : undefined;
  if (field && field.slot !== '*' && (field.ref.kind === 'place' || (field.ref.kind === 'variable' && state.aliases.has(field.ref.name))))
    return { kind: 'field', ref: field.ref, slot: field.slot };
  const many = it.manyRef(expression, state);
  if (many?.kind === 'container') return { kind: 'values', container: many.container };
  if (many?.kind === 'several') return { kind: 'copies', parts: many.parts };
  if (many?.kind === 'dropped') return { kind: 'dropped', drop: many.drop, many: true };
  return undefined;
}

/** Whether `name === 'literal'` holds, when `name` is a known constant. */
function knownComparison(it: Interpreter, name: ts.Expression, literal: ts.Expression): boolean | undefined {
  if (!ts.isIdentifier(name) || !ts.isStringLiteralLike(literal)) return undefined;
  const value = it.options.constants?.get(name.text);
  return value === undefined ? undefined : value === literal.text;
}

/** Flags a value sets once it has finished: a killed process, a destroyed socket, a disposed handle. */
const FINISHED_FLAGS = new Set([
  'killed',
  'destroyed',
  'closed',
  'isClosed',
  'ended',
  'writableEnded',
  'readableEnded',
  'writableFinished',
  'disposed',
  'isDisposed',
  'terminated',
  'exited',
]);
/** `mutex.isLocked()` → `mutex`: a lock asked whether anyone holds it. */
function heldOwner(expression: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(expression) || expression.arguments.length > 0) return undefined;
  const callee = skipOuter(expression.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'isLocked' ? skipOuter(callee.expression) : undefined;
}

/** `child.pid` → `child`: a process asked for the id it has only once it started. */
function spawnedOwner(expression: ts.Expression): ts.Expression | undefined {
  return ts.isPropertyAccessExpression(expression) && expression.name.text === 'pid' ? skipOuter(expression.expression) : undefined;
}

/** `child.killed` → `child`: the value a finished flag is read from. */
function finishedOwner(expression: ts.Expression): ts.Expression | undefined {
  return ts.isPropertyAccessExpression(expression) && FINISHED_FLAGS.has(expression.name.text) ? skipOuter(expression.expression) : undefined;
}

/** `child.exitCode` against `null` (finished when not equal), `x.state` against a finished state (finished when equal). */
function finishedComparison(subject: ts.Expression, other: ts.Expression): { owner: ts.Expression; whenEqual: boolean } | undefined {
  if (!ts.isPropertyAccessExpression(subject)) return undefined;
  const property = subject.name.text;
  const owner = skipOuter(subject.expression);
  if ((property === 'exitCode' || property === 'signalCode') && other.kind === ts.SyntaxKind.NullKeyword) return { owner, whenEqual: false };
  if (property !== 'state' && property !== 'readyState' && property !== 'status') return undefined;
  const stateName = ts.isPropertyAccessExpression(other) ? other.name.text : ts.isStringLiteral(other) ? other.text : undefined;
  return stateName !== undefined && isFinishedState(stateName) ? { owner, whenEqual: true } : undefined;
}

/** The look-up inside `x ?? fallback`, `x || fallback` and `test ? x : undefined`; otherwise the expression itself. */
function storedOrNothing(expression: ts.Expression): ts.Expression {
  const e = skipOuter(expression);
  if (isFallback(e)) return isFreshOrNothing(e.right) ? skipOuter(e.left) : e;
  if (ts.isConditionalExpression(e)) {
    if (isNullish(skipOuter(e.whenFalse))) return skipOuter(e.whenTrue);
    if (isNullish(skipOuter(e.whenTrue))) return skipOuter(e.whenFalse);
  }
  return e;
}

/** `[]`, `new Map()`, `{}`, `undefined`, `null`: a fallback that holds nothing owed. */
function isFreshOrNothing(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (
    isNullish(e) ||
    (ts.isArrayLiteralExpression(e) && e.elements.length === 0) ||
    (ts.isObjectLiteralExpression(e) && e.properties.length === 0) ||
    (ts.isNewExpression(e) && (e.arguments?.length ?? 0) === 0)
  );
}

/** Reassigning names invalidates what was known about them. */
export function kill(it: Interpreter, names: readonly string[], state: State): State {
  if (names.length === 0) return state;
  const next = cloneState(state);
  for (const name of names) {
    next.aliases.delete(name);
    next.tested.delete(name);
    for (const [key, fact] of next.facts) if (fact.roots.includes(name)) next.facts.delete(key);
    for (const [aliasName, alias] of next.aliases) {
      if (alias.kind === 'place' && (alias.key.split(/\W+/).includes(name) || alias.container.split(/\W+/).includes(name))) next.aliases.delete(aliasName);
      if (alias.kind === 'element' && alias.keyVariable === name) next.aliases.delete(aliasName);
      if (alias.kind === 'field' && refMentions(alias.ref, name)) next.aliases.delete(aliasName);
    }
  }
  return next;
}

/** States when the test is true and when it is false, refined by what the test tells. */
export function condition(it: Interpreter, test: ts.Expression, state: State): [State, State] {
  const expression = skipOuter(test);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    const [whenTrue, whenFalse] = it.condition(expression.operand, state);
    return [whenFalse, whenTrue];
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      const [leftTrue, leftFalse] = it.condition(expression.left, state);
      const [rightTrue, rightFalse] = it.condition(expression.right, leftTrue);
      // `window.ImageBitmap && orig instanceof ImageBitmap`: where the class is missing, nothing is one.
      const tested = instanceOfClass(expression.right);
      const absentClass = tested !== undefined && testsClassExists(expression.left, tested) ? it.condition(expression.right, leftFalse)[1] : leftFalse;
      return [rightTrue, join([answeredWhenAbsent(expression, absentClass), rightFalse])];
    }
    if (operator === ts.SyntaxKind.BarBarToken) {
      const [leftTrue, leftFalse] = it.condition(expression.left, state);
      const [rightTrue, rightFalse] = it.condition(expression.right, leftFalse);
      return [join([leftTrue, rightTrue]), rightFalse];
    }
    // `while ((w = list.pop()))`: the test asks about `w` once it is assigned.
    if (operator === ts.SyntaxKind.EqualsToken && ts.isIdentifier(skipOuter(expression.left)))
      return it.condition(expression.left, it.expression(expression, state));
    const after = it.expression(expression, state);
    return it.comparison(expression, after);
  }
  // A helper summarized for an array argument (or for anything else): `Array.isArray(arg)` and `if (arg)` answer once.
  const isArray = knownArrayTest(it, expression);
  if (isArray !== undefined) return isArray ? [state, deadState()] : [deadState(), state];
  // `if (graceful) …; if (!graceful) …`: a name no call can change answers the same until it is assigned;
  // so does a setting read from an imported module, within one synchronous run.
  const stable = ts.isIdentifier(expression) && it.helpers.isStableName(expression) ? expression.text : settingAsked(expression);
  if (stable !== undefined) {
    const known = state.tested.get(stable);
    if (known !== undefined) return known ? [state, deadState()] : [deadState(), state];
    const [whenTrue, whenFalse] = refinedCondition(it, expression, state);
    return [answerName(whenTrue, stable, true), answerName(whenFalse, stable, false)];
  }
  // `if (x && x.ok()) continue; if (x && !x.ok()) …`: the same question of an unchanged value, with no
  // call in between, has the same answer.
  const asked = ts.isCallExpression(expression) && expression.arguments.length === 0 ? canonical(expression) : undefined;
  if (asked?.roots.length) {
    if (state.facts.has(testFact(asked.text, true))) return [state, deadState()];
    if (state.facts.has(testFact(asked.text, false))) return [deadState(), state];
    const [whenTrue, whenFalse] = refinedCondition(it, expression, state).map(cloneState) as [State, State];
    whenTrue.facts.set(testFact(asked.text, true), { roots: asked.roots });
    whenFalse.facts.set(testFact(asked.text, false), { roots: asked.roots });
    return [whenTrue, whenFalse];
  }
  return refinedCondition(it, expression, state);
}

/**
 * `FeatureFlags.isSsrcRewritingSupported()` in a function that neither awaits nor yields: a question
 * without arguments put to a module the file imports reads the program's configuration, and two
 * tests of it in one run agree (the text is the name its answer is kept under).
 */
function settingAsked(expression: ts.Expression): string | undefined {
  if (!ts.isCallExpression(expression) || expression.arguments.length > 0 || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
  const module = skipOuter(expression.expression.expression);
  if (!ts.isIdentifier(module) || !importedNames(expression.getSourceFile()).has(module.text)) return undefined;
  const body = enclosingBody(expression);
  if (!isFunctionLike(body) || body.asteriskToken || ts.getCombinedModifierFlags(body) & ts.ModifierFlags.Async) return undefined;
  return `${module.text}.${expression.expression.name.text}()`;
}

/**
 * `Array.isArray(arg)` of a name known to hold an array or not, and `arg` itself when it holds one
 * (an array is truthy): true or false; undefined for any other test.
 */
function knownArrayTest(it: Interpreter, expression: ts.Expression): boolean | undefined {
  const known = it.options.knownArrays;
  if (!known) return undefined;
  if (ts.isIdentifier(expression)) return known.get(expression.text) === true && it.helpers.isStableName(expression) ? true : undefined;
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return undefined;
  const callee = skipOuter(expression.expression);
  const [argument] = expression.arguments;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'isArray' || skipOuter(callee.expression).getText() !== 'Array') return undefined;
  const subject = skipOuter(argument!);
  return ts.isIdentifier(subject) && it.helpers.isStableName(subject) ? known.get(subject.text) : undefined;
}

/**
 * `x && x.ok()` false: where `x` is absent, `x.ok()` is never asked, so the answer "false" can stand
 * for both paths — a later `x && !x.ok()` then knows where it leads.
 */
function answeredWhenAbsent(expression: ts.BinaryExpression, leftFalse: State): State {
  const present = canonical(expression.left);
  const right = skipOuter(expression.right);
  const asked = ts.isCallExpression(right) && right.arguments.length === 0 ? canonical(right) : undefined;
  if (!present || present.impure || !asked || !asked.text.startsWith(`${present.text}.`) || leftFalse.dead) return leftFalse;
  const next = cloneState(leftFalse);
  next.facts.set(testFact(asked.text, false), { roots: asked.roots });
  return next;
}

/**
 * `route`, `req.params.id`, `this.keyOf(data)`: a name, a path or a computation from them alone
 * (isPureComputation) that can stand for a key — nothing that can give another value when run again.
 */
function keyText(initializer: ts.Expression): { text: string; roots: readonly string[] } | undefined {
  const e = skipOuter(initializer);
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e) && !isPureComputation(e)) return undefined;
  const text = canonical(e);
  return text && (!text.impure || ts.isCallExpression(e)) ? { text: text.text, roots: text.roots } : undefined;
}

/** Each field of a record literal bound to `name` that holds a key: `name.field` spells that key (or what the name given spells). */
function spellRecordKeys(name: string, record: ts.ObjectLiteralExpression, state: State): void {
  for (const property of record.properties) {
    const value = propertyValueOf(property);
    if (!value || !property.name || !ts.isIdentifier(property.name)) continue;
    const given = skipOuter(value);
    const spelled = (ts.isIdentifier(given) ? sameKeyOf(state, given.text) : undefined) ?? keyText(given);
    if (spelled && !spelled.roots.includes(name))
      state.facts.set(sameKeyFact(`${name}.${property.name.text}`, spelled.text), { roots: [name, ...spelled.roots] });
  }
}

/** A test that is not `!`, `&&` or `||`: evaluated, then refined by what it says about places and values. */
function refinedCondition(it: Interpreter, expression: ts.Expression, state: State): [State, State] {
  const after = it.expression(expression, state);
  // `if (subs.delete(s)) s.unsubscribe()`: a removal that answers false removed nothing — what it
  // would have dropped is owed on that side only as much as before the call.
  const removal = it.dropIds.get(expression);
  if (removal !== undefined && ts.isCallExpression(expression) && it.options.containers.removes.has(calledMethodName(expression) ?? '')) {
    const untouched = cloneState(after);
    const before = state.pending.get(removal);
    if (before) untouched.pending.set(removal, before);
    else untouched.pending.delete(removal);
    return [after, untouched];
  }
  // `isAsyncGenerator(sub)`, a guard of the program (`val is AsyncGenerator<T>`) naming what every
  // member of a mixed list that owes is: false means this one owes nothing.
  const guarded = ts.isCallExpression(expression) ? guardedByType(it, expression, state) : undefined;
  if (guarded) return [after, it.markEmpty(guarded.ref, after, guarded.slot)];
  // `map.has(k)`, `k in obj`: false means the place is empty.
  if (ts.isCallExpression(expression) && it.options.containers.tests.has(calledMethodName(expression) ?? '') && expression.arguments.length === 1) {
    const key = skipOuter(expression.arguments[0]!);
    const found = it.placeOf(skipOuter((skipOuter(expression.expression) as ts.PropertyAccessExpression).expression), key);
    // `const key = route; if (!map.has(key))` asks about `map[route]`.
    const spelled = ts.isIdentifier(key) ? sameKeyOf(after, key.text) : undefined;
    const place = found && spelled ? { ...found, key: spelled.text, keyRoots: spelled.roots } : found;
    if (place) return [after, it.markEmptyByLookup(place, after)];
  }
  // `obj.hasOwnProperty(k)`, `Object.hasOwn(obj, k)`: false means `obj[k]` holds no entry of its own.
  const own = ownPropertyTest(expression);
  const ownPlace = own && it.placeOf(own.object, own.key);
  if (ownPlace) return [after, it.markEmptyByLookup(ownPlace, after)];
  // `if (child.killed)`, `if (socket.destroyed)`: true means the value has finished — nothing is owed.
  const finished = finishedOwner(expression);
  const finishedRef = finished && it.slotRef(finished);
  if (finishedRef) return [it.markEmpty(finishedRef.ref, after, finishedRef.slot), after];
  // `if (!doc.attached)`, `if (conn._disposed)`: a flag the value's own class keeps about its life.
  const flagged = ts.isPropertyAccessExpression(expression) ? it.slotRef(skipOuter(expression.expression)) : undefined;
  // Asked of a value the flow follows (any name in a helper's summary, whose parameters are followed):
  // the checker types the value to find the flag's class.
  const followed = flagged && (it.drops.length === 0 || isFollowed(it, flagged.ref, after));
  const flag = followed && it.helpers.lifeFlag(expression as ts.PropertyAccessExpression, it.options.releases.methods);
  if (flagged && flag) {
    const ended = it.markEmpty(flagged.ref, after, flagged.slot);
    return flag === 'finished' ? [ended, after] : [after, ended];
  }
  // `if (child.pid)`: a process without an id was never started (its spawn failed) — nothing is owed.
  const spawned = spawnedOwner(expression);
  const spawnedRef = spawned && it.slotRef(spawned);
  if (spawnedRef) return [after, it.markEmpty(spawnedRef.ref, after, spawnedRef.slot)];
  // `if (mutex.isLocked())`: false means the lock is held by no one — there is nothing to release.
  const holder = heldOwner(expression);
  const heldRef = holder && it.slotRef(holder);
  if (heldRef) return [after, it.markEmpty(heldRef.ref, after, heldRef.slot)];
  // `if (request.noResponse)`: a field the file fills only when the flag is false was never filled here.
  const unfilled = unfilledByFlag(it, expression, after);
  if (unfilled) return unfilled;
  // `if (deferred.iq)` where only the record's own one-shot timer empties `iq`: on the empty side that timer has fired.
  const fired = firedByFlag(it, expression, after);
  if (fired) return fired;
  // `if (list.length)`, `if (map.size)`: falsy means the container holds nothing.
  const counted = emptiedBySize(it, expression, after);
  if (counted) return [after, counted];
  // `if (old)`, `if (map.get(k))`, `if (entry.timer)`: falsy means nothing is stored there.
  const ref = it.slotRef(expression);
  const falsy = ref ? it.markEmptyByLookup(ref.ref, after, ref.slot) : after;
  // `if (this.children)`, `if (cache && cache.has(k))`: a container that is not there holds nothing to drop.
  const container = canonical(expression);
  if (container && !container.impure && it.drops.some((drop) => drop.container === container.text)) {
    const absent = cloneState(falsy);
    markEmptied(absent, container.text, container.roots);
    return [after, absent];
  }
  if (ref) return [after, falsy];
  return [after, after];
}

/** The value a call of a type guard tests, when the type it asserts is one every owing member of a mixed list is. */
function guardedByType(it: Interpreter, call: ts.CallExpression, state: State): ReturnType<Interpreter['slotRef']> | undefined {
  const { coveringClasses, fieldCoveringClasses } = it.options.releases;
  if ((!coveringClasses && !fieldCoveringClasses) || call.arguments.length === 0) return undefined;
  const guard = it.helpers.resolve(call);
  const assertion = guard && guardAssertion(guard);
  if (!assertion) return undefined;
  const argument = call.arguments[assertion.parameterIndex];
  const subject = argument && !ts.isSpreadElement(argument) ? it.slotRef(skipOuter(argument)) : undefined;
  return subject && coversSubject(it, assertion.typeName, subject, state) ? subject : undefined;
}

/**
 * Whether every member that owes of the mixed union `subject` holds is a `className`: the value's
 * own union, a record field's (`spec.orig`), or the field a local stands for (`const o = spec.orig`).
 */
function coversSubject(it: Interpreter, className: string, subject: { ref: ValueRef; slot: string }, state: State): boolean {
  const { coveringClasses, fieldCoveringClasses } = it.options.releases;
  const alias = subject.slot === '*' && subject.ref.kind === 'variable' ? state.aliases.get(subject.ref.name) : undefined;
  const slot = alias?.kind === 'field' ? alias.slot : subject.slot;
  return (slot === '*' ? coveringClasses : fieldCoveringClasses?.get(slot))?.has(className) === true;
}

/** `C` of `x instanceof C` (or `x instanceof ns.C`). */
function instanceOfClass(expression: ts.Expression): string | undefined {
  const test = skipOuter(expression);
  if (!ts.isBinaryExpression(test) || test.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return undefined;
  const kind = skipOuter(test.right);
  return ts.isIdentifier(kind) ? kind.text : ts.isPropertyAccessExpression(kind) ? kind.name.text : undefined;
}

/** `window.ImageBitmap`, `globalThis.C`, `C`, `typeof C !== 'undefined'`: a test that the class `C` exists here. */
function testsClassExists(expression: ts.Expression, className: string): boolean {
  const test = skipOuter(expression);
  if (ts.isIdentifier(test)) return test.text === className;
  if (ts.isPropertyAccessExpression(test)) {
    const scope = skipOuter(test.expression);
    return test.name.text === className && ts.isIdentifier(scope) && GLOBAL_SCOPES.has(scope.text);
  }
  if (ts.isBinaryExpression(test) && [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(test.operatorToken.kind)) {
    const [typeOf, text] = ts.isTypeOfExpression(skipOuter(test.left))
      ? [skipOuter(test.left), skipOuter(test.right)]
      : [skipOuter(test.right), skipOuter(test.left)];
    return ts.isTypeOfExpression(typeOf) && ts.isStringLiteral(text) && text.text === 'undefined' && testsClassExists(typeOf.expression, className);
  }
  return false;
}

const GLOBAL_SCOPES = new Set(['window', 'globalThis', 'self', 'global']);

/** The object and key of `obj.hasOwnProperty(k)`, `Object.hasOwn(obj, k)` or `Object.prototype.hasOwnProperty.call(obj, k)`. */
function ownPropertyTest(expression: ts.Expression): { object: ts.Expression; key: ts.Expression } | undefined {
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = skipOuter(expression.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const [first, second] = expression.arguments.map(skipOuter);
  const method = callee.name.text;
  const receiver = skipOuter(callee.expression);
  if (method === 'hasOwnProperty' && first && !second) return { object: receiver, key: first };
  if (method === 'hasOwn' && ts.isIdentifier(receiver) && receiver.text === 'Object' && first && second) return { object: first, key: second };
  const borrowed = ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'hasOwnProperty';
  if (method === 'call' && borrowed && first && second) return { object: first, key: second };
  return undefined;
}

/** `owner.flag` of a flag some fields of `owner` are filled only under (syntax/guardedFields.ts): those slots are empty on the other side. */
function unfilledByFlag(it: Interpreter, expression: ts.Expression, state: State): [State, State] | undefined {
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const fields = guardedFieldsOf(expression.getSourceFile()).get(expression.name.text);
  const owner = fields && it.valueRef(expression.expression);
  if (!fields || !owner) return undefined;
  let whenTrue = state;
  // Falsy, the field itself holds nothing either (`if (sub.eventSource)`, itself a sign of `eventListener`).
  const tested = it.slotRef(expression);
  let whenFalse = tested ? it.markEmptyByLookup(tested.ref, state, tested.slot) : state;
  for (const { field, filledWhen } of fields) {
    if (filledWhen) whenFalse = it.markEmpty(owner, whenFalse, field);
    else whenTrue = it.markEmpty(owner, whenTrue, field);
  }
  return [whenTrue, whenFalse];
}

/** `owner.flag` of a flag only the callback of `owner`'s one-shot timer sets (syntax/firedFlags.ts): on the side it set, the timer owes nothing. */
function firedByFlag(it: Interpreter, expression: ts.Expression, state: State): [State, State] | undefined {
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const flag = firedFlagsOf(expression.getSourceFile()).get(expression.name.text);
  const owner = flag && it.valueRef(expression.expression);
  if (!flag || !owner) return undefined;
  const fired = it.markEmpty(owner, state, flag.timer);
  return flag.firedTruthy ? [fired, state] : [state, fired];
}

export function comparison(it: Interpreter, expression: ts.BinaryExpression, state: State): [State, State] {
  const operator = expression.operatorToken.kind;
  const equality =
    operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken
      ? true
      : operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken
        ? false
        : undefined;
  if (operator === ts.SyntaxKind.InKeyword) {
    // `'dispose' in child`: false means this one of a mixed list has no release to call.
    const asked = skipOuter(expression.left);
    const releasable = ts.isStringLiteralLike(asked) && it.options.releases.methods.has(asked.text) ? it.slotRef(skipOuter(expression.right)) : undefined;
    if (releasable) return [state, it.markEmpty(releasable.ref, state, releasable.slot)];
    const place = it.placeOf(skipOuter(expression.right), expression.left);
    return place ? [state, it.markEmptyByLookup(place, state)] : [state, state];
  }
  if (operator === ts.SyntaxKind.InstanceOfKeyword) {
    // `child instanceof ResultsNode`, every member of a mixed list that owes being one: false means this one owes nothing.
    const className = instanceOfClass(expression);
    const subject = className === undefined ? undefined : it.slotRef(skipOuter(expression.left));
    return className !== undefined && subject && coversSubject(it, className, subject, state)
      ? [state, it.markEmpty(subject.ref, state, subject.slot)]
      : [state, state];
  }
  if (equality === undefined) return [state, state];
  const left = assignmentTarget(skipOuter(expression.left));
  const right = assignmentTarget(skipOuter(expression.right));
  // `list.length === 0`: the container is empty on the equal side.
  const counted = isZeroLiteral(right) ? emptiedBySize(it, left, state) : isZeroLiteral(left) ? emptiedBySize(it, right, state) : undefined;
  if (counted) return equality ? [counted, state] : [state, counted];
  // `reason === 'evict'` with `reason` known to be one string: only one side can run.
  const known = knownComparison(it, left, right) ?? knownComparison(it, right, left);
  if (known !== undefined) return known === equality ? [state, deadState()] : [deadState(), state];
  // `child.exitCode !== null`, `call.state === CallState.Ended`: the value has finished on one side.
  const finished = finishedComparison(left, right) ?? finishedComparison(right, left);
  const finishedRef = finished && it.slotRef(finished.owner);
  if (finished && finishedRef) {
    const done = it.markEmpty(finishedRef.ref, state, finishedRef.slot);
    return equality === finished.whenEqual ? [done, state] : [state, done];
  }
  // `if (this.pending !== undefined) { …release each… }; this.pending = {}`: where the container is nullish it holds nothing.
  const maybeNullish = isNullish(right) ? left : isNullish(left) ? right : undefined;
  const withoutCollection = (side: State): State => (maybeNullish && emptiedCollection(it, maybeNullish, side)) || side;
  // `old === undefined`, `typeof old === 'undefined'`, and `old === next` (setting the same value again).
  let subject: ts.Expression | undefined;
  if (isNullish(right)) subject = left;
  else if (isNullish(left)) subject = right;
  else if (ts.isTypeOfExpression(left) && ts.isStringLiteral(right) && right.text === 'undefined') subject = left.expression;
  else subject = left;
  const ref = subject && it.slotRef(subject);
  const target = ref ?? (subject === left ? it.slotRef(right) : undefined);
  if (!target) {
    const absent = withoutCollection(state);
    return equality ? [absent, state] : [state, absent];
  }
  let empty = withoutCollection(it.markEmptyByLookup(target.ref, state, target.slot));
  // `if (m.peek(k) !== child) m.peek(k)?.kill()`: where they are equal, the place holds `child`, so
  // storing `child` again drops nothing — known even in a cache whose look-ups cannot prove a key empty.
  const named = subject === left ? right : left;
  if (target.ref.kind === 'place' && target.slot === '*' && ts.isIdentifier(named) && !isNullish(named)) {
    empty = cloneState(empty);
    empty.facts.set(holdsValueFact(target.ref.container, target.ref.key, named.text), {
      roots: [...target.ref.containerRoots, ...target.ref.keyRoots, named.text],
    });
  }
  return equality ? [empty, state] : [state, empty];
}

/**
 * `list.length` / `map.size`: the state in which that collection holds nothing — a container, or
 * one stored in another (`const inner = outer.get(k); if (inner.size === 0) outer.delete(k)`).
 */
function emptiedBySize(it: Interpreter, expression: ts.Expression, state: State): State | undefined {
  const e = skipOuter(expression);
  if (!ts.isPropertyAccessExpression(e) || (e.name.text !== 'length' && e.name.text !== 'size')) return undefined;
  return emptiedCollection(it, e.expression, state);
}

/** The state in which the collection `expression` names holds nothing; undefined when it names none. */
function emptiedCollection(it: Interpreter, expression: ts.Expression, state: State): State | undefined {
  const source = it.iteratedRef(expression, state);
  if (source?.kind === 'inner') return it.markEmpty(source.ref, state);
  if (source?.kind !== 'container') return undefined;
  const empty = cloneState(state);
  markEmptied(empty, source.container, source.roots);
  // `if (entry.lines.length === 0)`: the record's list field holds nothing either.
  return source.owner ? it.markEmpty(source.owner.ref, empty, source.owner.slot) : empty;
}

/** The place holds nothing (or nothing that needs releasing) on this path. */
export function markEmpty(it: Interpreter, ref: ValueRef, state: State, slot = '*'): State {
  return it.release(ref, slot, state, false);
}

/** A look-up found nothing: the place is empty, unless this container's look-ups cannot tell. */
export function markEmptyByLookup(it: Interpreter, ref: ValueRef, state: State, slot = '*'): State {
  const place = ref.kind === 'place' ? ref : ref.kind === 'variable' ? state.aliases.get(ref.name) : undefined;
  if (place?.kind === 'place' && it.options.untrustedLookups?.has(place.container)) return state;
  const empty = it.markEmpty(ref, state, slot);
  if (place?.kind !== 'place') return empty;
  const roots = 'roots' in place ? place.roots : [...place.containerRoots, ...place.keyRoots];
  return emptyAlike(it, { container: place.container, key: place.key, roots }, slot, empty);
}

export function expression(it: Interpreter, node: ts.Expression, state: State): State {
  if (state.dead) return state;
  const expression = node;
  if (ts.isBinaryExpression(expression)) return it.binary(expression, state);
  if (ts.isConditionalExpression(expression)) {
    const [whenTrue, whenFalse] = it.condition(expression.condition, state);
    return join([it.expression(expression.whenTrue, whenTrue), it.expression(expression.whenFalse, whenFalse)]);
  }
  if (ts.isCallExpression(expression)) return it.call(expression, state);
  if (ts.isNewExpression(expression)) {
    const [executor] = expression.arguments ?? [];
    if (executor && isPromiseExecutor(executor)) return it.inline(executor, state);
    let current = it.children(expression, state);
    for (const argument of expression.arguments ?? []) current = it.escape(argument, current);
    return current;
  }
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression) || ts.isClassExpression(expression)) {
    return it.closure(expression, state);
  }
  if (ts.isDeleteExpression(expression)) {
    const after = it.expression(expression.expression, state);
    return it.dropOrFact(expression, after);
  }
  if (ts.isArrayLiteralExpression(expression) || ts.isObjectLiteralExpression(expression)) {
    let current = it.children(expression, state);
    for (const element of ts.isArrayLiteralExpression(expression) ? expression.elements : expression.properties) {
      if (ts.isPropertyAssignment(element)) current = it.escape(element.initializer, current);
      else if (ts.isShorthandPropertyAssignment(element)) current = it.escape(element.name, current);
      else if (ts.isSpreadElement(element) || ts.isSpreadAssignment(element)) {
        if (!it.manyRef(element.expression, current)) current = it.escape(element.expression, current);
      } else if (!ts.isObjectLiteralElement(element)) current = it.escape(element, current);
    }
    return current;
  }
  if (ts.isAwaitExpression(expression)) return it.awaited(expression, it.children(expression, state));
  if (ts.isYieldExpression(expression)) {
    let current = it.children(expression, state);
    if (expression.expression) current = it.escape(expression.expression, current);
    return current;
  }
  return it.children(expression, state);
}

export function children(it: Interpreter, node: ts.Node, state: State): State {
  let current = state;
  ts.forEachChild(node, (child) => {
    if (current.dead) return;
    if (ts.isBlock(child)) current = it.statements(child.statements, current);
    else if (isStatementNode(child)) current = it.statement(child, current);
    else if (isExpressionNode(child)) current = it.expression(child, current);
    else current = it.children(child, current);
  });
  return current;
}

export function binary(it: Interpreter, node: ts.BinaryExpression, state: State): State {
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
    const [whenTrue, whenFalse] = it.condition(node.left, state);
    const right = it.expression(node.right, operator === ts.SyntaxKind.AmpersandAmpersandToken ? whenTrue : whenFalse);
    return join([operator === ts.SyntaxKind.AmpersandAmpersandToken ? whenFalse : whenTrue, right]);
  }
  if (operator === ts.SyntaxKind.QuestionQuestionToken) {
    // `m.get(k) ?? this.create(k)`: the right runs where the look-up found nothing (a resource is never falsy).
    const [found, missing] = it.condition(node.left, state);
    return join([found, it.expression(node.right, missing)]);
  }
  if (operator === ts.SyntaxKind.EqualsToken) return it.assignment(node, state);
  if (
    operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    operator === ts.SyntaxKind.BarBarEqualsToken ||
    operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  ) {
    // `map[k] ??= create()` never overwrites a stored value.
    const left = it.expression(node.left, state);
    return join([left, it.expression(node.right, left)]);
  }
  if (isAssignmentOperator(operator)) {
    let current = it.children(node, state);
    const target = skipOuter(node.left);
    if (ts.isIdentifier(target)) current = it.kill([target.text], current);
    return current;
  }
  return it.children(node, state);
}

export function assignment(it: Interpreter, node: ts.BinaryExpression, state: State): State {
  const target = skipOuter(node.left);
  let current = state;
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    current = it.expression(target.expression, current);
    if (ts.isElementAccessExpression(target)) current = it.expression(target.argumentExpression, current);
  }
  current = it.expression(node.right, current);
  if (ts.isIdentifier(target)) {
    const dropId = it.dropIds.get(node);
    if (dropId !== undefined) current = it.drop(dropId, current);
    return it.bind(target, node.right, current);
  }
  if (ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target)) {
    return it.kill(assignedNames(target), current);
  }
  // `entry.key = other`: `entry.key` no longer spells the key the record was made with.
  const field = ts.isPropertyAccessExpression(target) ? canonical(target) : undefined;
  if (field) current = forgetSpelling(current, field.text);
  // Stored in a field or another container: handed on.
  current = it.escape(node.right, current);
  return it.dropOrFact(node, current);
}

/** Any other closure: a value it names is released or handed on through it. */
export function closure(it: Interpreter, node: ts.Node, state: State): State {
  let current = state;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) && !isPropertyName(child)) {
      const name = child.text;
      if (current.aliases.has(name)) current = it.release({ kind: 'variable', name }, '*', current);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return current;
}

/** A value in a position that hands it on: returned, stored, put in a literal. */
export function escape(it: Interpreter, expression: ts.Expression, state: State): State {
  const ref = it.slotRef(expression);
  if (ref) return it.release(ref.ref, ref.slot, state);
  const many = it.manyRef(expression, state);
  if (many) return it.releaseMany(many, '*', state);
  return state;
}

/** A name a value reference depends on: a field alias of `map[key]` dies with `key`. */
function refMentions(ref: ValueRef, name: string): boolean {
  if (ref.kind === 'variable') return ref.name === name;
  if (ref.kind === 'place') return ref.keyRoots.includes(name) || ref.containerRoots.includes(name);
  return false;
}

/** `(w = list.shift()) !== undefined`: compared once assigned, the assignment stands for its name. */
function assignmentTarget(expression: ts.Expression): ts.Expression {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return expression;
  const target = skipOuter(expression.left);
  return ts.isIdentifier(target) ? target : expression;
}

function isNullish(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    (ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression))
  );
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function assignedNames(pattern: ts.Expression): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(pattern);
  return names;
}

function isStatementNode(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) || ts.isVariableStatement(node);
}

function isExpressionNode(node: ts.Node): node is ts.Expression {
  return ts.isExpression(node);
}
