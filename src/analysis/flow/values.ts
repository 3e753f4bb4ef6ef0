/**
 * Container operations, drops and releases, and the references they act on: a place
 * (`map.get(k)`, `obj[k]`), a variable, a field of either, a collection (`map.values()`,
 * `[...set]`) or what a drop removed.
 */
import ts from 'typescript';

import {
  calledMethodName,
  canonical,
  enclosingBody,
  isEmptyContainerExpression,
  isFallback,
  guardAssertion,
  isFunctionLike,
  isNullish,
  isWithin,
  skipOuter,
  someOutsideFunctions,
  valuesSourceOf,
  withOuter,
} from '../syntax/expressions.js';
import { flattenedSource, listingReturnedBy } from '../syntax/listings.js';
import type { Interpreter } from './interpreter.js';
import {
  allFact,
  answerName,
  cloneState,
  conditionalFact,
  emptyState,
  elementFact,
  markEmptied,
  holdsValueFact,
  placeFact,
  racedFact,
  keySpellings,
  variableFact,
  voidedDropFact,
  type Fact,
  type ManyRef,
  type State,
  type ValueRef,
} from './state.js';
import { isListEnd, type DropSite } from './types.js';
import { lookUpCall } from '../syntax/lookUps.js';

/** What a container method does to what is known: a drop site, or a fact (`delete` empties a place, `set` fills it). */
export function containerCall(it: Interpreter, node: ts.CallExpression, state: State): State {
  let current = state;
  const dropId = it.dropIds.get(node);
  if (dropId !== undefined) return it.drop(dropId, current);
  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return current;
  const methodName = callee.name.text;
  const { containers } = it.options;
  const receiver = skipOuter(callee.expression);
  const [first] = node.arguments;
  if (containers.removes.has(methodName) && first) {
    const place = it.placeOf(receiver, first);
    const argument = skipOuter(first);
    // node-cache `del(cache.keys())`: every key at once.
    if (
      ts.isCallExpression(argument) &&
      calledMethodName(argument) === 'keys' &&
      canonical((skipOuter(argument.expression) as ts.PropertyAccessExpression).expression)?.text === canonical(receiver)?.text
    ) {
      const container = canonical(receiver);
      if (container) {
        const before = current;
        current = it.replaceContainer(container.text, current);
        markEmptied(current, container.text, container.roots, before);
      }
    } else if (place) current = it.markEmpty(place, current);
  } else if (containers.clears.has(methodName) && node.arguments.length === 0) {
    const container = canonical(receiver);
    if (container) {
      const before = current;
      current = it.replaceContainer(container.text, current);
      markEmptied(current, container.text, container.roots, before);
    }
  } else if (containers.stores.has(methodName) && first && it.placeOf(receiver, first)) {
    // `map.set(k, v)` stores at a key before it counts as an insertion (a Map's keys are inserted by `set` too).
    current = storeAt(it, it.placeOf(receiver, first)!, node.arguments[1], current);
  } else if (containers.inserts.has(methodName)) {
    // `list.push(timer)`: the container holds something again.
    const container = canonical(receiver);
    if (container) current = it.fill(container.text, '\u0000none', current);
  }
  return current;
}

/**
 * `m.set(k, v)`, `m[k] = v`: a new value sits at the place; a no-op placeholder (`() => {}`) owes
 * nothing, and `m[k] = null` leaves nothing there (until another call, while this one awaits, fills it).
 */
function storeAt(it: Interpreter, place: ValueRef & { kind: 'place' }, value: ts.Expression | undefined, state: State): State {
  const stored = it.storeAliases(place, value, it.fill(place.container, place.key, state));
  if (value && isNullish(value)) return it.release(place, '*', stored, false);
  return value && isNoOpFunction(value) ? it.release(place, '*', stored) : stored;
}

/** `() => {}`, `function () {}`: a function that does nothing, a placeholder that a later store replaces. */
function isNoOpFunction(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (!ts.isArrowFunction(e) && !ts.isFunctionExpression(e)) return false;
  return ts.isBlock(e.body) ? e.body.statements.length === 0 : e.body.kind === ts.SyntaxKind.Identifier && (e.body as ts.Identifier).text === 'undefined';
}

/** A drop site, or a syntactic fact about a container: a `delete` empties a place, an assignment fills it. */
export function dropOrFact(it: Interpreter, node: ts.Node, state: State): State {
  const dropId = it.dropIds.get(node);
  if (dropId !== undefined) return it.drop(dropId, state);
  if (ts.isDeleteExpression(node)) {
    const target = skipOuter(node.expression);
    if (ts.isElementAccessExpression(target)) {
      const place = it.placeOf(skipOuter(target.expression), target.argumentExpression);
      if (place) return it.markEmpty(place, state);
    }
    return state;
  }
  if (ts.isBinaryExpression(node)) {
    const target = skipOuter(node.left);
    if (ts.isElementAccessExpression(target)) {
      const place = it.placeOf(skipOuter(target.expression), target.argumentExpression);
      if (place) return storeAt(it, place, node.right, state);
    } else if (ts.isPropertyAccessExpression(target)) {
      const container = canonical(target);
      if (!container) return state;
      const replaced = it.replaceContainer(container.text, state);
      // `this.children = []`: the new container holds nothing yet.
      if (isEmptyContainerExpression(node.right)) markEmptied(replaced, container.text, container.roots, state);
      return replaced;
    }
  }
  return state;
}

/** A new value now sits at `container[key]`: what was known about the old one no longer applies. */
export function fill(it: Interpreter, container: string, key: string, state: State): State {
  const next = cloneState(state);
  for (const factKey of [...next.facts.keys()]) {
    if (factKey.startsWith(`p\u0000${container}\u0000${key}\u0000`) || factKey.startsWith(`a\u0000${container}\u0000`)) next.facts.delete(factKey);
  }
  for (const [name, alias] of [...next.aliases]) {
    if (alias.kind === 'place' && alias.container === container && alias.key === key) next.aliases.delete(name);
  }
  return next;
}

/** `this.pollers = new Map()`: the old container and everything known about it are gone. */
export function replaceContainer(it: Interpreter, container: string, state: State): State {
  const next = cloneState(state);
  for (const factKey of [...next.facts.keys()]) {
    if (factKey.startsWith(`p\u0000${container}\u0000`) || factKey.startsWith(`a\u0000${container}\u0000`)) next.facts.delete(factKey);
  }
  for (const factKey of [...next.facts.keys()]) if (factKey.startsWith(`v\u0000${container}\u0000`)) next.facts.delete(factKey);
  for (const [name, alias] of [...next.aliases]) {
    if ((alias.kind === 'place' || alias.kind === 'values') && alias.container === container) next.aliases.delete(name);
    // A copy of the old values that still names the container would name the new one.
    if (alias.kind === 'copies' && alias.parts.some((part) => part.kind === 'container' && part.container === container)) next.aliases.delete(name);
  }
  return next;
}

/**
 * After `map.set(k, meter)` the name `meter` denotes the stored value; after
 * `map.set(k, { job, timer })` the name `timer` denotes that field of it.
 */
export function storeAliases(it: Interpreter, place: ValueRef & { kind: 'place' }, value: ts.Expression | undefined, state: State): State {
  if (!value) return state;
  const v = skipOuter(value);
  if (ts.isIdentifier(v)) {
    const next = cloneState(state);
    next.aliases.set(v.text, { kind: 'place', container: place.container, key: place.key, roots: [...place.containerRoots, ...place.keyRoots] });
    return next;
  }
  if (ts.isObjectLiteralExpression(v)) {
    const next = cloneState(state);
    for (const property of v.properties) {
      if (ts.isShorthandPropertyAssignment(property)) next.aliases.set(property.name.text, { kind: 'field', ref: place, slot: property.name.text });
      else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && ts.isIdentifier(skipOuter(property.initializer))) {
        next.aliases.set((skipOuter(property.initializer) as ts.Identifier).text, { kind: 'field', ref: place, slot: property.name.text });
      }
    }
    return next;
  }
  return state;
}

export function drop(it: Interpreter, dropId: number, state: State): State {
  const drop = it.drops[dropId]!;
  const next = cloneState(state);
  // `while ((w = list.pop())) log(w)`: the value the last turn took and did not release is lost
  // here, whatever the test of the new one says.
  if (drop.result === 'one') strandUnpaid(it, state, dropId, nameGivenResult(drop.node));
  // `list = m.get(k) ?? []; …; m.set(k, list)`: the value stored again is the one already there.
  const restoresSameValue = drop.storesNewValue && drop.target.kind === 'key' && storesItsOwnValue(it, drop, next);
  const owed = restoresSameValue ? [] : drop.slots.filter((slot) => !it.isReleased(drop, slot, next));
  // `if (!force) release(x); drop(x); if (force) release(x)`: released first under one answer of a
  // stable name, what the drop owes is void on the paths that give that answer.
  if (owed.length > 0) {
    for (const name of [...next.conditioned.keys()]) {
      for (const outcome of [true, false]) {
        if (!releasedUnderSomeAnswer(drop, name, outcome, next)) continue;
        const answered = answerName(next, name, outcome);
        if (!owed.every((slot) => it.isReleased(drop, slot, answered))) continue;
        next.facts.set(voidedDropFact(dropId, name, outcome), { roots: [name] });
        next.conditioned.set(name, true);
      }
    }
  }
  if (owed.length < drop.slots.length) it.releasedSomewhere.add(dropId);
  if (owed.length > 0) it.owedAtDrop.add(dropId);
  if (owed.length > 0 && !it.missedWhen.has(dropId)) {
    // Released before the drop on one branch only: name that branch.
    const keys = owed.flatMap((slot) =>
      drop.target.kind === 'key'
        ? [placeFact(drop.container, drop.target.key, slot), placeFact(drop.container, drop.target.key, '*'), allFact(drop.container, '*')]
        : drop.target.kind === 'value'
          ? [variableFact(drop.target.variable, slot), variableFact(drop.target.variable, '*')]
          : [allFact(drop.container, slot), allFact(drop.container, '*')],
    );
    // A test around the drop itself says where it drops (`for (…) if (stale) m.delete(k)`), seen
    // again on the loop's next turn; it does not say where a release was missed.
    const divergence = keys.map((key) => it.factDivergence.get(key)).find((found) => found !== undefined && !isWithin(drop.node, found.test.parent));
    if (divergence) {
      it.missedWhen.set(dropId, divergence);
      it.releasedSomewhere.add(dropId);
    }
  }
  if (owed.length > 0 && drop.target.kind === 'key' && !it.racedBy.has(dropId)) {
    const raced = next.facts.get(racedFact(drop.container, drop.target.key));
    if (raced?.at) it.racedBy.set(dropId, raced.at);
  }
  if (owed.length > 0) {
    const existing = next.pending.get(dropId);
    next.pending.set(dropId, existing ? new Set([...existing, ...owed]) : new Set(owed));
  }
  const { target, container } = drop;
  if (target.kind === 'key') {
    for (const [name, alias] of [...next.aliases]) {
      if (alias.kind === 'place' && alias.container === container && alias.key === target.key)
        next.aliases.set(name, { kind: 'dropped', drop: dropId, many: false });
      // Taken already from another container (`byName.delete(c.name)` before `byId.delete(id)`): both drops took it.
      if (alias.kind === 'dropped' && !alias.many && alias.at?.container === container && alias.at.key === target.key)
        next.aliases.set(name, { kind: 'dropped', drop: dropId, many: false, also: [alias.drop, ...(alias.also ?? [])] });
      if (alias.kind === 'element' && alias.container === container && alias.keyVariable === target.key)
        next.aliases.set(name, { kind: 'dropped', drop: dropId, many: false });
      // `const { worker } = slots.get(k)!; slots.delete(k); worker.stop()`: a field of the value the drop took.
      if (alias.kind === 'field' && alias.ref.kind === 'place' && alias.ref.container === container && alias.ref.key === target.key)
        next.aliases.set(name, { kind: 'field', ref: { kind: 'dropResult', drop: dropId }, slot: alias.slot });
    }
    next.facts.delete(racedFact(container, target.key));
    const stored = storedValueOf(drop.node);
    if (drop.storesNewValue && stored) {
      return storeAt(it, { kind: 'place', container, key: target.key, keyRoots: target.keyRoots, containerRoots: drop.containerRoots }, stored, next);
    }
    const afterFill = it.fill(container, target.key, next);
    // After `pop()` the list's next value is its last: only a drop by key leaves its place empty.
    if (!drop.storesNewValue && !isListEnd(target.key))
      afterFill.facts.set(placeFact(container, target.key, '*'), { roots: [...drop.containerRoots, ...target.keyRoots] });
    return afterFill;
  }
  if (target.kind === 'value') {
    const prior = next.aliases.get(target.variable);
    const also = prior?.kind === 'dropped' && !prior.many ? [prior.drop, ...(prior.also ?? [])] : undefined;
    const at = prior?.kind === 'place' ? { container: prior.container, key: prior.key } : prior?.kind === 'dropped' ? prior.at : undefined;
    next.aliases.set(target.variable, { kind: 'dropped', drop: dropId, many: false, ...(also && { also }), ...(at && { at }) });
    return next;
  }
  for (const [name, alias] of [...next.aliases]) {
    if (alias.kind === 'values' && alias.container === container) next.aliases.set(name, { kind: 'dropped', drop: dropId, many: true });
    if (alias.kind === 'copies' && alias.parts.some((part) => part.kind === 'container' && part.container === container)) {
      const parts = alias.parts.map((part): ManyRef => (part.kind === 'container' && part.container === container ? { kind: 'dropped', drop: dropId } : part));
      next.aliases.set(name, { kind: 'copies', parts });
    }
  }
  const emptied = it.replaceContainer(container, next);
  markEmptied(emptied, container, drop.containerRoots, next);
  return emptied;
}

/** Cheap first test, by key: some fact that would release the drop holds on this path if `name` is `outcome`. */
function releasedUnderSomeAnswer(drop: DropSite, name: string, outcome: boolean, state: State): boolean {
  const { container, target } = drop;
  const slots = [...drop.slots, '*'];
  const keys = slots.flatMap((slot) =>
    target.kind === 'key'
      ? [placeFact(container, target.key, slot), allFact(container, slot)]
      : target.kind === 'value'
        ? [variableFact(target.variable, slot)]
        : [allFact(container, slot), variableFact(container, slot)],
  );
  return keys.some((key) => state.facts.has(conditionalFact(name, outcome, key)));
}

export function isReleased(it: Interpreter, drop: DropSite, slot: string, state: State): boolean {
  const { facts, aliases } = state;
  const { container, target } = drop;
  const has = (key: (s: string) => string): boolean =>
    facts.has(key(slot)) ||
    facts.has(key('*')) ||
    (slot === '*' && drop.elementSlots !== undefined && drop.elementSlots.every((field) => facts.has(key(field))));
  if (has((s) => allFact(container, s))) return true;
  // The variable holding the container is known to hold nothing (`if (!inner) inner = new Map()`).
  if (target.kind === 'all' && facts.has(variableFact(container, '*'))) return true;
  if (target.kind === 'key') {
    if (has((s) => placeFact(container, target.key, s))) return true;
    // `const key = route; … map.set(key, …)` after `map.has(route)`: the place at `route`;
    // `map.set(entry.key, entry)` of `const entry = { key, … }` after `map.get(key)`: the place at `key`.
    return keySpellings(state, target.key).some((text) => has((s) => placeFact(container, text, s)));
  }
  if (target.kind === 'value') {
    if (has((s) => variableFact(target.variable, s))) return true;
    const alias = aliases.get(target.variable);
    if (alias?.kind === 'place' && has((s) => placeFact(alias.container, alias.key, s))) return true;
    return false;
  }
  return false;
}

/** A place known to hold the value `name` names, or to owe nothing, is released with that value. */
function releaseHeldPlaces(state: State, name: string, slot: string, countsAsRelease: boolean): void {
  const held: [string, Fact][] = [];
  for (const [key, fact] of state.facts) if (key.charCodeAt(0) === 104 /* h */ && key.endsWith(`\u0000${name}\u0000*`)) held.push([key, fact]);
  for (const [key, fact] of held) {
    const [, container, placeKey] = key.split('\u0000');
    setPlaceFact(state, placeFact(container!, placeKey!, slot), fact.roots, countsAsRelease);
  }
}

/** A release is known for good; an absence found by a look-up only until this function awaits. */
function setPlaceFact(state: State, key: string, roots: readonly string[], countsAsRelease: boolean): void {
  if (countsAsRelease) state.facts.set(key, { roots });
  else if (!state.facts.has(key)) state.facts.set(key, { roots, absent: true });
}

/**
 * A key a look-up found missing from `container` is missing from every container keyed within it
 * (not a key this function deleted: the other may still hold it until its own delete).
 */
export function emptyAlike(it: Interpreter, place: { container: string; key: string; roots: readonly string[] }, slot: string, state: State): State {
  const alike = it.drops.filter((drop) => drop.container !== place.container && drop.keysWithin?.includes(place.container));
  if (alike.length === 0) return state;
  const next = cloneState(state);
  for (const drop of alike) setPlaceFact(next, placeFact(drop.container, place.key, slot), place.roots, false);
  return next;
}

/**
 * `await` lets other calls run: a place of a container this function does not own alone
 * (a field, a module's map, a parameter) that a look-up found empty may be filled before the
 * function goes on — the `if (!m.has(k)) { v = await open(k); m.set(k, v) }` race.
 */
export function awaited(it: Interpreter, node: ts.AwaitExpression, state: State): State {
  let next: State | undefined;
  for (const [key, fact] of state.facts) {
    if (!fact.absent || !key.startsWith('p\u0000')) continue;
    const [, container, place] = key.split('\u0000');
    if (container === undefined || place === undefined || it.drops.some((drop) => drop.container === container && drop.localContainer)) continue;
    next ??= cloneState(state);
    next.facts.delete(key);
    next.facts.set(racedFact(container, place), { roots: fact.roots, at: node });
  }
  return next ?? state;
}

export function discharge(it: Interpreter, state: State, dropId: number, slot: string): void {
  const owed = state.pending.get(dropId);
  if (!owed) {
    it.releasedSomewhere.add(dropId);
    return;
  }
  it.releasedSomewhere.add(dropId);
  const remaining = slot === '*' ? [] : [...owed].filter((owedSlot) => owedSlot !== slot);
  if (remaining.length === 0) state.pending.delete(dropId);
  else state.pending.set(dropId, new Set(remaining));
}

/**
 * What drop `dropId` still owes, kept owed for good when no name but `except` (about to be given
 * another value) can reach the value it took: a later test or release of that name speaks of
 * another value.
 */
export function strandUnpaid(it: Interpreter, state: State, dropId: number, except: string | undefined): void {
  const owed = state.pending.get(dropId);
  if (!owed || heldByAnotherName(state, dropId, except)) return;
  it.stranded.set(dropId, new Set([...(it.stranded.get(dropId) ?? []), ...owed]));
}

function heldByAnotherName(state: State, dropId: number, except: string | undefined): boolean {
  for (const [name, alias] of state.aliases) {
    if (name === except) continue;
    if (alias.kind === 'dropped' && (alias.drop === dropId || alias.also?.includes(dropId))) return true;
    if (alias.kind === 'field' && alias.ref.kind === 'dropResult' && alias.ref.drop === dropId) return true;
    if (alias.kind === 'copies' && alias.parts.some((part) => part.kind === 'dropped' && part.drop === dropId)) return true;
  }
  return false;
}

/** `w` of `const w = list.pop()` or `w = list.pop()`: the name a drop's result is given. */
function nameGivenResult(node: ts.Node): string | undefined {
  const value = withOuter(node);
  const parent = value.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === value && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === value) {
    const target = skipOuter(parent.left);
    return ts.isIdentifier(target) ? target.text : undefined;
  }
  return undefined;
}

/**
 * Releases (or hands on) a value. `countsAsRelease` is false when the value is only
 * known to be absent: that empties the place without crediting a release.
 */
export function release(it: Interpreter, ref: ValueRef | undefined, slot: string, state: State, countsAsRelease = true): State {
  if (!ref) return state;
  const next = cloneState(state);
  switch (ref.kind) {
    case 'place':
      if (countsAsRelease && releasesSplicedOne(it, ref, slot, next)) return next;
      setPlaceFact(next, placeFact(ref.container, ref.key, slot), [...ref.containerRoots, ...ref.keyRoots], countsAsRelease);
      for (const [, alias] of next.aliases) {
        if (alias.kind === 'keyOf' && alias.container === ref.container && ref.keyRoots.length === 1 && ref.key === ref.keyRoots[0]) {
          next.facts.set(elementFact(`c:${ref.container}`, slot), { roots: [] });
        }
      }
      {
        const keyAlias = ref.keyRoots.length === 1 && ref.key === ref.keyRoots[0] ? next.aliases.get(ref.key) : undefined;
        if (keyAlias?.kind === 'keyOf' && keyAlias.container === ref.container) next.facts.set(elementFact(`c:${ref.container}`, slot), { roots: [] });
        // `for (const [id] of stores) stopWatching.get(id)?.()`: every key of a container keyed within `stores`.
        else if (
          keyAlias?.kind === 'keyOf' &&
          countsAsRelease &&
          it.drops.some((drop) => drop.container === ref.container && drop.keysWithin?.includes(keyAlias.container))
        )
          next.facts.set(elementFact(`c:${keyAlias.container}>${ref.container}`, slot), { roots: [] });
      }
      return next;
    case 'dropResult':
      it.discharge(next, ref.drop, slot);
      return next;
    case 'variable': {
      next.facts.set(variableFact(ref.name, slot), { roots: [ref.name] });
      releaseHeldPlaces(next, ref.name, slot, countsAsRelease);
      const alias = next.aliases.get(ref.name);
      if (!alias) return next;
      switch (alias.kind) {
        case 'place':
          setPlaceFact(next, placeFact(alias.container, alias.key, slot), alias.roots, countsAsRelease);
          return next;
        case 'dropped':
          if (countsAsRelease || !alias.many) for (const drop of [alias.drop, ...(alias.also ?? [])]) it.discharge(next, drop, slot);
          return next;
        case 'values':
          if (countsAsRelease) releaseEveryValue(it, next, alias.container, slot, [ref.name]);
          else next.facts.set(allFact(alias.container, slot), { roots: [ref.name] });
          return next;
        case 'copies':
          return countsAsRelease ? it.releaseMany({ kind: 'several', parts: alias.parts }, slot, next) : next;
        case 'element':
          next.facts.set(elementFact(alias.source, slot), { roots: [] });
          if (alias.container !== undefined && alias.keyVariable !== undefined) {
            next.facts.set(placeFact(alias.container, alias.keyVariable, slot), { roots: [alias.keyVariable] });
          }
          return next;
        case 'keyOf':
          return next;
        case 'field':
          return slot === '*' ? it.release(alias.ref, alias.slot, next, countsAsRelease) : next;
        case 'anyOf':
          // Known absent: every place is empty. Released: which one is unknown, so none is credited.
          return countsAsRelease ? next : alias.places.reduce((current, place) => it.release(place, slot, current, false), next);
      }
    }
  }
}

/**
 * Every value of `container` released on this path. A value removed from it one at a time before
 * that, on the same path (`delete this._gpuData[uid]; super.destroy()`), was kept out of the release
 * on purpose: the container's code does not own it, and its removal owes nothing.
 */
export function releaseEveryValue(it: Interpreter, state: State, container: string, slot: string, roots: readonly string[]): void {
  state.facts.set(allFact(container, slot), { roots });
  for (const [dropId] of [...state.pending]) {
    const drop = it.drops[dropId];
    if (drop?.container === container && isKeptOutByRemoval(it, drop)) it.discharge(state, dropId, slot);
  }
}

const KEPT_OUT_BY_REMOVAL = new WeakMap<ts.Node, boolean>();

/** A drop in a loop of its function: a loop that walks the container (`for (const [k] of …) delete o[k]`) is what empties it. */
function inLoop(node: ts.Node, scope: ts.Node): boolean {
  for (let current = node.parent; current && current !== scope; current = current.parent) if (ts.isIterationStatement(current, false)) return true;
  return false;
}

/**
 * A removal by key, outside any loop, whose value the function never reads (`delete this._gpuData[uid]`),
 * so it makes no attempt on that value: one it reads (`stopEach(m.get(k)); m.delete(k)`) it treats as its own.
 */
function isKeptOutByRemoval(it: Interpreter, drop: DropSite): boolean {
  if (drop.target.kind !== 'key' || drop.storesNewValue || drop.result !== 'none') return false;
  let kept = KEPT_OUT_BY_REMOVAL.get(drop.node);
  if (kept === undefined) {
    const { key } = drop.target;
    // A place the flow itself reads as this entry: `m.get(k)`, `m[k]`, or a method that looks `k` up there.
    const readsEntry = (node: ts.Node): boolean => {
      if (isWithin(node, drop.node) || !(ts.isElementAccessExpression(node) || ts.isCallExpression(node))) return false;
      const ref = it.valueRef(node);
      return ref?.kind === 'place' && ref.container === drop.container && ref.key === key;
    };
    const scope = enclosingBody(drop.node);
    // Callbacks of the function count: a read there is this function's too.
    kept = !inLoop(drop.node, scope) && !someOutsideFunctions((isFunctionLike(scope) && scope.body) || scope, readsEntry, () => false);
    KEPT_OUT_BY_REMOVAL.set(drop.node, kept);
  }
  return kept;
}

export function releaseMany(it: Interpreter, source: ManyRef, slot: string, state: State): State {
  if (source.kind === 'inner') return it.release(source.ref, slot, state);
  if (source.kind === 'several') return source.parts.reduce((next, part) => it.releaseMany(part, slot, next), state);
  const next = cloneState(state);
  if (source.kind === 'container') {
    releaseEveryValue(it, next, source.container, slot, source.roots);
    // Every timer of `s.timers` cleared: the record's `timers` slot is paid.
    if (source.owner && slot === '*') return it.release(source.owner.ref, source.owner.slot, next);
  } else {
    it.discharge(next, source.drop, slot);
  }
  return next;
}

/** `x`, `map.get(k)`, `obj[k]`, a drop's result — with `.field` as a slot of a record. */
export function slotRef(it: Interpreter, expression: ts.Expression): { ref: ValueRef; slot: string } | undefined {
  const e = skipOuter(expression);
  if (ts.isPropertyAccessExpression(e)) {
    const owner = it.valueRef(e.expression);
    if (owner) return { ref: owner, slot: e.name.text };
  }
  const whole = it.valueRef(e);
  return whole && { ref: whole, slot: '*' };
}

export function valueRef(it: Interpreter, expression: ts.Expression): ValueRef | undefined {
  const e = skipOuter(expression);
  const dropId = it.dropIds.get(e) ?? singleSpliced(it, e);
  if (dropId !== undefined && it.drops[dropId]!.result !== 'none') return { kind: 'dropResult', drop: dropId };
  if (ts.isIdentifier(e)) return { kind: 'variable', name: e.text };
  // `this.current`: a field is named like a variable; `x.y` is slot `y` of `x` (see slotRef).
  if (ts.isPropertyAccessExpression(e) && isThisPath(e)) {
    const path = canonical(e);
    if (path) return { kind: 'variable', name: path.text };
  }
  // `this.projectsFor(folder)`: a method of the object that only looks the key up where it keeps it —
  // also one named like a container's read (`this.get(uri)` reading `this.handlers.get(uri)`).
  const lookUp = ts.isCallExpression(e) ? lookUpCall(e, it.options.containers.reads) : undefined;
  if (lookUp) {
    const place = it.placeOf(lookUp.container, lookUp.key);
    // `this.getSession(token)` reading `this.sessions[token.toString()]`: the key the method reads from its argument.
    return place && lookUp.keyPath ? { ...place, key: `${place.key}${lookUp.keyPath}` } : place;
  }
  if (ts.isCallExpression(e) && it.options.containers.reads.has(calledMethodName(e) ?? '') && e.arguments.length >= 1) {
    return it.placeOf(skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression), e.arguments[0]!);
  }
  if (ts.isElementAccessExpression(e) && !isSymbolDisposeAccess(e.argumentExpression)) {
    return it.placeOf(skipOuter(e.expression), e.argumentExpression);
  }
  return undefined;
}

/** `list.splice(i, 1)[0]`: the drop whose one value this is — a splice of exactly one element. */
export function singleSpliced(it: Interpreter, expression: ts.Expression): number | undefined {
  if (!ts.isElementAccessExpression(expression)) return undefined;
  const index = skipOuter(expression.argumentExpression);
  if (!ts.isNumericLiteral(index) || index.text !== '0') return undefined;
  const splice = skipOuter(expression.expression);
  return isSingleSplice(splice) ? it.dropIds.get(splice) : undefined;
}

/** `const removed = list.splice(i, 1); removed[0].stop()`: releasing `removed[0]` releases the one value that splice took out. */
function releasesSplicedOne(it: Interpreter, ref: ValueRef & { kind: 'place' }, slot: string, state: State): boolean {
  if (ref.key !== '0' || ref.containerRoots.length !== 1 || ref.container !== ref.containerRoots[0]) return false;
  const taken = state.aliases.get(ref.container);
  if (taken?.kind !== 'dropped' || !taken.many || !isSingleSplice(it.drops[taken.drop]!.node)) return false;
  it.discharge(state, taken.drop, slot);
  return true;
}

/** `list.splice(i, 1)`: a splice that takes out exactly one element and inserts none. */
function isSingleSplice(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || calledMethodName(node) !== 'splice' || node.arguments.length !== 2) return false;
  const count = skipOuter(node.arguments[1]!);
  return ts.isNumericLiteral(count) && count.text === '1';
}

export function placeOf(it: Interpreter, containerExpression: ts.Expression, keyExpression: ts.Expression): (ValueRef & { kind: 'place' }) | undefined {
  const container = canonical(containerExpression);
  const key = canonical(keyExpression);
  if (!container || !key) return undefined;
  return { kind: 'place', container: container.text, key: key.text, keyRoots: key.roots, containerRoots: container.roots };
}

/** A collection of values: `map`, `map.values()`, `[...set]`, `{ ...obj }`, `new Map(map)`, `Array.from(map.values())`, `Object.values(obj)`, a copy alias. */
export function manyRef(it: Interpreter, expression: ts.Expression, state: State): ManyRef | undefined {
  const e = skipOuter(expression);
  const dropId = it.dropIds.get(e);
  if (dropId !== undefined && it.drops[dropId]!.result === 'many') return { kind: 'dropped', drop: dropId };
  if (ts.isIdentifier(e)) {
    const alias = state.aliases.get(e.text);
    if (alias?.kind === 'values') return { kind: 'container', container: alias.container, roots: [e.text] };
    if (alias?.kind === 'copies') return { kind: 'several', parts: alias.parts };
    if (alias?.kind === 'dropped' && alias.many) return { kind: 'dropped', drop: alias.drop };
    if (alias) return undefined;
  }
  if (ts.isCallExpression(e)) {
    // `Object.values(subs).filter(isAsyncGenerator)`: a guard whose false side owes nothing keeps every value that owes.
    const unfiltered = filteredByCoveringGuard(it, e);
    if (unfiltered) return it.manyRef(unfiltered, state);
    // `[].concat(...m.values())`, `[...m.values()].flat()`: every element of every value, in one list.
    const flattened = flattenedSource(e);
    if (flattened) return it.manyRef(flattened, state);
    // `this.allProjects()`: a method of the class that lists every value of one of its containers.
    const listing = listingMethodOf(it, e);
    if (listing) return listing;
  }
  // `m.values()`, `[...set]`, `disposeAll(this.listeners ?? [])`, `{ ...subs }`, `new Map(map)`: the values of what they copy.
  const source = valuesSourceOf(e);
  if (source) return it.manyRef(source, state);
  // `[...this.queue, ...this.inflight.values()]`: every value of each, when each spread names a collection.
  if (ts.isArrayLiteralExpression(e) && e.elements.length > 1 && e.elements.every(ts.isSpreadElement)) {
    const parts = e.elements.map((element) => it.manyRef((element as ts.SpreadElement).expression, state));
    if (parts.every((part) => part !== undefined)) return { kind: 'several', parts: parts as ManyRef[] };
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || e.kind === ts.SyntaxKind.ThisKeyword) {
    const container = canonical(e);
    if (container && !container.impure) return { kind: 'container', container: container.text, roots: container.roots };
  }
  return undefined;
}

/**
 * `list.filter(isAsyncGenerator)` in a list of a mixed union where every member that owes is the
 * type the guard asserts (as `if (isAsyncGenerator(v))` in a loop): the list it filters.
 */
function filteredByCoveringGuard(it: Interpreter, call: ts.CallExpression): ts.Expression | undefined {
  const covering = it.options.releases.coveringClasses;
  const callee = skipOuter(call.expression);
  if (!covering || calledMethodName(call) !== 'filter' || call.arguments.length !== 1 || !ts.isPropertyAccessExpression(callee)) return undefined;
  const test = skipOuter(call.arguments[0]!);
  const guard = isFunctionLike(test) ? test : ts.isIdentifier(test) || ts.isPropertyAccessExpression(test) ? it.helpers.resolveFunction(test) : undefined;
  const assertion = guard && guardAssertion(guard);
  return assertion?.parameterIndex === 0 && covering.has(assertion.typeName) ? callee.expression : undefined;
}

/**
 * `this.all()` where `all()` returns a list of every value of `this.byFolder` (read once per method):
 * a loop over its result walks them. Only a container of `this` names the same one at the call.
 */
function listingMethodOf(it: Interpreter, call: ts.CallExpression): ManyRef | undefined {
  const listed = listingReturnedBy(call);
  const many = listed && it.manyRef(listed, emptyState());
  return many?.kind === 'container' && many.container.startsWith('this.') ? { ...many, roots: [] } : undefined;
}

/**
 * What a loop or an iteration method walks: a collection, or the values of one stored value that is
 * a container itself (`for (const t of timers.get(k) ?? [])`, `list.forEach(…)` with `list` naming it).
 */
export function iteratedRef(it: Interpreter, expression: ts.Expression, state: State): ManyRef | undefined {
  let e = skipOuter(expression);
  // `m.get(k) ?? []`, `m.get(k)?.values()`
  if (isFallback(e)) e = skipOuter(e.left);
  const many = it.manyRef(expression, state) ?? (e !== skipOuter(expression) ? it.manyRef(e, state) : undefined);
  // `for (const t of s.timers)`, `for (const t of m[k]?.timers ?? [])`: a list field of a value the flow follows.
  if (many?.kind === 'container' && ts.isPropertyAccessExpression(e) && !isThisPath(e)) {
    const owner = it.valueRef(e.expression);
    return owner ? { ...many, owner: { ref: owner, slot: e.name.text } } : many;
  }
  if (many) return many;
  if (ts.isCallExpression(e) && (calledMethodName(e) === 'values' || calledMethodName(e) === 'entries') && e.arguments.length === 0) {
    e = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
  }
  const ref = it.valueRef(e);
  return ref && ref.kind !== 'dropResult' ? { kind: 'inner', ref } : undefined;
}

/** The drop stores back the value its place holds (an alias of the same place). */
function storesItsOwnValue(it: Interpreter, drop: DropSite, state: State): boolean {
  const stored = storedValueOf(drop.node);
  if (!stored || drop.target.kind !== 'key') return false;
  let e = skipOuter(stored);
  // `m[k] = m[k] || {}`, `m.set(k, m.get(k) ?? make())`: where the key holds a value, that value is stored again.
  if (isFallback(e)) e = skipOuter(e.left);
  // `if (m.get(k) !== v) release(m.get(k))` before `m.set(k, v)`: on every path the place held `v` or was released.
  if (ts.isIdentifier(e)) {
    const { key } = drop.target;
    const holds = (slot: string): boolean => state.facts.has(holdsValueFact(drop.container, key, e.text, slot));
    if (holds('*') || drop.slots.every(holds)) return true;
  }
  const alias = ts.isIdentifier(e) ? state.aliases.get(e.text) : undefined;
  const ref = alias?.kind === 'place' ? alias : it.valueRef(e);
  return ref?.kind === 'place' && ref.container === drop.container && ref.key === drop.target.key;
}

/** The value a drop stores: `v` in `map.set(k, v)` and `obj[k] = v`. */
function storedValueOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isCallExpression(node)) return node.arguments[1];
  if (ts.isBinaryExpression(node)) return node.right;
  return undefined;
}

function isThisPath(node: ts.Expression): boolean {
  let current = skipOuter(node);
  while (ts.isPropertyAccessExpression(current)) current = skipOuter(current.expression);
  return current.kind === ts.SyntaxKind.ThisKeyword;
}

export function isSymbolDisposeAccess(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return (
    ts.isPropertyAccessExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'Symbol' &&
    (e.name.text === 'dispose' || e.name.text === 'asyncDispose')
  );
}
