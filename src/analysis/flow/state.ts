/**
 * The state of one path through a function, and how paths join.
 *
 *  - must-facts (kept only when true on every incoming path): a place's value needs no release
 *    (absent, released, handed on), all values of a container released, a variable's value released;
 *  - aliases (`const old = map.get(k)`, `const { timer } = entry`), kept only when identical on
 *    every path;
 *  - pending drops (a may-fact: unreleased on some path), each with its unpaid slots.
 */
import type ts from 'typescript';

import { boundFields } from '../syntax/expressions.js';

/** What a local name stands for on the current path. */
export type Alias =
  | { kind: 'place'; container: string; key: string; roots: readonly string[] }
  /** One field of a value: `timer` after `const { timer } = map.get(k)!` or `map.set(k, { timer })`. */
  | { kind: 'field'; ref: ValueRef; slot: string }
  /**
   * A value a drop took. `also`: earlier drops of the same one value (`byId.delete(id)` and then
   * `byName.delete(c.name)` both take `c`), or drops whose value the name holds on other paths
   * (`w = list.pop()` in a loop), which its release pays too; `at`: the place it was read from,
   * where a later drop by key takes it again.
   */
  | { kind: 'dropped'; drop: number; many: boolean; also?: readonly number[]; at?: { container: string; key: string } }
  | { kind: 'values'; container: string }
  /** `const all = [...this.queue, ...this.running.values()]`: a copy of the values of each, a part a drop took becoming that drop's. */
  | { kind: 'copies'; parts: readonly ManyRef[] }
  | { kind: 'element'; source: string; container?: string; keyVariable?: string }
  | { kind: 'keyOf'; container: string }
  /** One of several places (`a.get(k) ?? b.get(k)`): empty only when all of them are. */
  | { kind: 'anyOf'; places: readonly ValueRef[] };

export interface Fact {
  roots: readonly string[];
  /** Known only from a look-up that found nothing (not from a release): another call can fill the place while this one awaits. */
  absent?: boolean;
  /** For a `racedFact`: the `await` during which another call could fill the place. */
  at?: ts.AwaitExpression;
  /** Known only because the container was emptied (`clear()`, `= []`, a size of 0), not from a release of its values. */
  emptied?: boolean;
}

/**
 * `state` now knows the container holds nothing. A release of every value known in `before` stays
 * one; otherwise the fact only says empty (a helper's summary reads no release from it).
 */
export function markEmptied(state: State, container: string, roots: readonly string[], before: State = state): void {
  const previous = before.facts.get(allFact(container, '*'));
  state.facts.set(allFact(container, '*'), previous && !previous.emptied ? { roots } : { roots, emptied: true });
}

export interface State {
  facts: CowMap<string, Fact>;
  aliases: CowMap<string, Alias>;
  pending: CowMap<number, ReadonlySet<string>>;
  /** Stable names tested on this path, with their answer (`graceful` → true). */
  tested: CowMap<string, boolean>;
  /** Stable names some fact of this path holds under a condition on (a superset after joins). */
  conditioned: CowMap<string, true>;
  dead: boolean;
}

export function emptyState(): State {
  return { facts: new CowMap(), aliases: new CowMap(), pending: new CowMap(), tested: new CowMap(), conditioned: new CowMap(), dead: false };
}

/**
 * A Map copied on its first write after it was shared: cloning a state at every step is
 * then constant time, and only the maps a step changes are copied (long bodies with many
 * drops stay linear instead of quadratic).
 */
export class CowMap<K, V> implements Iterable<[K, V]> {
  #map: Map<K, V>;
  #shared: { count: number };

  constructor(map: Map<K, V> = new Map(), shared: { count: number } = { count: 1 }) {
    this.#map = map;
    this.#shared = shared;
  }

  fork(): CowMap<K, V> {
    this.#shared.count++;
    return new CowMap(this.#map, this.#shared);
  }

  #own(): Map<K, V> {
    if (this.#shared.count > 1) {
      this.#shared.count--;
      this.#map = new Map(this.#map);
      this.#shared = { count: 1 };
    }
    return this.#map;
  }

  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  set(key: K, value: V): this {
    this.#own().set(key, value);
    return this;
  }
  delete(key: K): boolean {
    return this.#map.has(key) ? this.#own().delete(key) : false;
  }
  keys(): IterableIterator<K> {
    return this.#map.keys();
  }
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.#map[Symbol.iterator]();
  }
}

/**
 * A loop's or a `forEach` callback's names for one element of `source`: the value (and, for
 * entries of a container, the key it is stored under).
 */
export function bindEntry(valueName: string, keyName: string | undefined, source: ManyRef, state: State): State {
  const container = source.kind === 'container' ? source.container : undefined;
  const next = cloneState(state);
  next.aliases.set(valueName, {
    kind: 'element',
    source: manyRefSource(source),
    ...(container !== undefined && { container }),
    ...(keyName !== undefined && { keyVariable: keyName }),
  });
  if (keyName !== undefined && container !== undefined) next.aliases.set(keyName, { kind: 'keyOf', container });
  return next;
}

/**
 * `for (const { controller } of entries.values())`, `map.forEach(({ sender, stream }, id) => …)`:
 * each name is a field of one element, which gets a name no code can write.
 */
export function bindEntryFields(pattern: ts.ObjectBindingPattern, keyName: string | undefined, source: ManyRef, state: State): State {
  const element = `#element@${pattern.pos}`;
  const bound = bindEntry(element, keyName, source, state);
  for (const [local, field] of boundFields(pattern)) bound.aliases.set(local, { kind: 'field', ref: { kind: 'variable', name: element }, slot: field });
  return bound;
}

/** Pending slots are replaced, never changed in place: states share them. */
export function cloneState(state: State): State {
  return {
    facts: state.facts.fork(),
    aliases: state.aliases.fork(),
    pending: state.pending.fork(),
    tested: state.tested.fork(),
    conditioned: state.conditioned.fork(),
    dead: state.dead,
  };
}

export const deadState = (): State => ({ ...emptyState(), dead: true });

/**
 * `heldOrEmpty`: also keep, for a name that denotes a stored value on one side while the place needs
 * no release on the other, that the place holds that value or nothing (asked where a `catch` starts:
 * the start of its `try` joined with its end).
 */
export function join(states: readonly State[], heldOrEmpty = false): State {
  const live = states.filter((state) => !state.dead);
  if (live.length === 0) return deadState();
  const [first, ...rest] = live;
  const result = cloneState(first!);
  for (const other of rest) {
    // A fact about the whole value ('*') covers the same fact about one slot of it.
    const before = new Map(result.facts);
    const mine = new Map(result.tested);
    const theirs = other.tested;
    for (const [name, outcome] of mine) if (theirs.get(name) !== outcome) result.tested.delete(name);
    for (const [name] of other.conditioned) result.conditioned.set(name, true);
    for (const [key, fact] of before) {
      if (other.facts.has(key) || other.facts.has(wholeSlotKey(key)) || isCoveredByAll(key, other.facts)) continue;
      result.facts.delete(key);
      keepUnder(result, key, fact, mine, theirs, other.facts);
    }
    for (const [key, fact] of other.facts) {
      if (before.has(key)) continue;
      if (before.has(wholeSlotKey(key)) || isCoveredByAll(key, before)) result.facts.set(key, fact);
      else keepUnder(result, key, fact, theirs, mine, before);
    }
    // Names only the other side holds matter only as a drop's value there (`if (t) m.delete(k)`).
    const mineBefore = new Map(result.aliases);
    const ofDrop = (alias: Alias | undefined, side: ReadonlyMap<string, Alias> | CowMap<string, Alias>): Alias | undefined =>
      alias?.kind === 'dropped' ? alias : droppedField(alias, side);
    const droppedThere: string[] = [];
    for (const [name, otherAlias] of other.aliases) if (ofDrop(otherAlias, other.aliases) && !result.aliases.has(name)) droppedThere.push(name);
    for (const [name, alias] of mineBefore) {
      const otherAlias = other.aliases.get(name);
      // Both sides forked from one state share their unchanged aliases.
      if (otherAlias === alias || (otherAlias && JSON.stringify(otherAlias) === JSON.stringify(alias))) continue;
      const mine = ofDrop(alias, mineBefore);
      const theirs = ofDrop(otherAlias, other.aliases);
      const joined = joinDropped(mine, theirs) ?? joinDropped(theirs, mine) ?? eitherDropped(mine, theirs);
      if (joined) result.aliases.set(name, joined);
      else result.aliases.delete(name);
    }
    for (const name of droppedThere) {
      const joined = joinDropped(ofDrop(other.aliases.get(name), other.aliases), undefined);
      if (joined) result.aliases.set(name, joined);
    }
    // `m.set(k, v)` on one side, the place empty or released on the other: the place holds `v` or owes nothing.
    if (heldOrEmpty) {
      for (const [name, alias] of mineBefore) if (other.aliases.get(name) !== alias) noteHeldOrEmpty(result, name, alias, other.facts);
      for (const [name, alias] of other.aliases) if (mineBefore.get(name) !== alias) noteHeldOrEmpty(result, name, alias, before);
    }
    for (const [id, slots] of other.pending) {
      const mine = result.pending.get(id);
      result.pending.set(id, mine ? new Set([...mine, ...slots]) : slots);
    }
  }
  return result;
}

/** `name` denotes the value stored at a place on one side of a join, and the other side needs no release there. */
function noteHeldOrEmpty(result: State, name: string, alias: Alias, otherFacts: CowMap<string, Fact> | ReadonlyMap<string, Fact>): void {
  if (alias.kind !== 'place') return;
  if (!otherFacts.has(placeFact(alias.container, alias.key, '*')) && !otherFacts.has(allFact(alias.container, '*'))) return;
  result.facts.set(holdsValueFact(alias.container, alias.key, name), { roots: [...alias.roots, name] });
}

/**
 * The value a name held was dropped on one side of a join and not on the other: releasing it later
 * still pays that drop where it happened. What it names on the other paths is left unknown — a fact
 * written through it would hold on every path.
 */
function joinDropped(dropped: Alias | undefined, other: Alias | undefined): Alias | undefined {
  // `decoder = pending.decoder; m.delete(k)` on one side: the field of the value that drop took.
  if (dropped?.kind === 'field' && dropped.ref.kind === 'dropResult') return other?.kind === 'dropped' || other?.kind === 'field' ? undefined : dropped;
  if (dropped?.kind !== 'dropped' || dropped.many || other?.kind === 'dropped' || isDroppedField(other)) return undefined;
  return { kind: 'dropped', drop: dropped.drop, many: false, ...(dropped.also && { also: dropped.also }) };
}

/**
 * `let w = list.pop(); while (w) { w.close(); w = list.pop() }`: a name that holds what one drop took
 * on one side and what another took on the other holds either, and releasing it pays whichever ran.
 */
function eitherDropped(mine: Alias | undefined, theirs: Alias | undefined): Alias | undefined {
  if (mine?.kind !== 'dropped' || theirs?.kind !== 'dropped' || mine.many || theirs.many) return undefined;
  const [drop, ...also] = [...new Set([mine.drop, ...(mine.also ?? []), theirs.drop, ...(theirs.also ?? [])])].sort((a, b) => a - b);
  return { kind: 'dropped', drop: drop!, many: false, ...(also.length > 0 && { also }) };
}

/** A field of a name that holds a dropped value on this side (`pending.decoder` once `pending` was deleted), as a field of that drop's value. */
function droppedField(alias: Alias | undefined, aliases: ReadonlyMap<string, Alias> | CowMap<string, Alias>): Alias | undefined {
  if (alias?.kind !== 'field') return undefined;
  if (alias.ref.kind === 'dropResult') return alias;
  if (alias.ref.kind !== 'variable') return undefined;
  const base = aliases.get(alias.ref.name);
  return base?.kind === 'dropped' && !base.many ? { kind: 'field', ref: { kind: 'dropResult', drop: base.drop }, slot: alias.slot } : undefined;
}

function isDroppedField(alias: Alias | undefined): boolean {
  return alias?.kind === 'field' && alias.ref.kind === 'dropResult';
}

/**
 * A fact one side of a join has and the other lacks survives as a fact under a condition when the
 * two sides answered a stable name differently (`if (graceful) m.get(k)?.stop()`: the meter is
 * released if `graceful` is true); a fact already under a condition survives where the other side
 * has it too, or answered its name the other way.
 */
function keepUnder(
  result: State,
  key: string,
  fact: Fact,
  ownTests: ReadonlyMap<string, boolean> | CowMap<string, boolean>,
  otherTests: ReadonlyMap<string, boolean> | CowMap<string, boolean>,
  otherFacts: CowMap<string, Fact> | ReadonlyMap<string, Fact>,
): void {
  // Held the value `name` names here, released there: storing that value again drops nothing on
  // either — or, where only one slot was released there, nothing beyond that slot.
  if (key.startsWith('h\u0000')) {
    const [, container, placeKey, name, slot] = key.split('\u0000');
    if (otherFacts.has(placeFact(container!, placeKey!, '*')) || otherFacts.has(allFact(container!, '*'))) result.facts.set(key, fact);
    else if (slot === '*') {
      const prefix = `p\u0000${container}\u0000${placeKey}\u0000`;
      for (const [other] of otherFacts) {
        if (other.startsWith(prefix)) result.facts.set(holdsValueFact(container!, placeKey!, name!, other.slice(prefix.length)), fact);
      }
    }
    return;
  }
  // Filled by another call during an `await` here, known empty or released there: after the join the
  // place can only have been filled by that other call.
  if (key.startsWith('r\u0000')) {
    const [, container, placeKey] = key.split('\u0000');
    if (otherFacts.has(placeFact(container!, placeKey!, '*'))) result.facts.set(key, fact);
    return;
  }
  const conditional = readConditionalFact(key);
  if (conditional) {
    if (otherFacts.has(conditional.fact) || otherTests.get(conditional.name) === !conditional.outcome) result.facts.set(key, fact);
    return;
  }
  for (const [name, outcome] of ownTests) {
    if (otherTests.get(name) !== !outcome) continue;
    result.facts.set(conditionalFact(name, outcome, key), { roots: [...fact.roots, name] });
    result.conditioned.set(name, true);
  }
}

/** The same fact for the whole value: every fact key ends in its slot. */
/** A place's fact where the other side knows every value of its container (`if (cache && cache.has(k))`, false). */
function isCoveredByAll(key: string, facts: CowMap<string, Fact> | ReadonlyMap<string, Fact>): boolean {
  if (!key.startsWith('p\u0000')) return false;
  const [, container, , slot] = key.split('\u0000');
  return facts.has(allFact(container!, slot!)) || facts.has(allFact(container!, '*'));
}

function wholeSlotKey(key: string): string {
  return `${key.slice(0, key.lastIndexOf('\u0000') + 1)}*`;
}

export const placeFact = (container: string, key: string, slot: string): string => `p\u0000${container}\u0000${key}\u0000${slot}`;
/** A test asked of a value (`x.isHealthy()`) answered `outcome` on this path, until a call may change it. */
export const testFact = (text: string, outcome: boolean): string => `t\u0000${text}\u0000${outcome}`;
export const isTestFact = (key: string): boolean => key.startsWith('t\u0000');
/** `fact` holds on this path if the stable name `name` is `outcome`. */
export const conditionalFact = (name: string, outcome: boolean, fact: string): string => `c\u0000${name}\u0000${outcome}\u0000${fact}`;

export function readConditionalFact(key: string): { name: string; outcome: boolean; fact: string } | undefined {
  if (!key.startsWith('c\u0000')) return undefined;
  const [, name, outcome] = key.split('\u0000', 3);
  return { name: name!, outcome: outcome === 'true', fact: key.slice(`c\u0000${name}\u0000${outcome}\u0000`.length) };
}

/** `m.get(k) === v` held on this path: the place holds the value `name` names, and storing it again drops nothing. */
export const holdsValueFact = (container: string, key: string, name: string, slot = '*'): string => `h\u0000${container}\u0000${key}\u0000${name}\u0000${slot}`;

/** The drop `drop` owes nothing on paths where the stable name `name` is `outcome` (it released there first). */
export const voidedDropFact = (drop: number, name: string, outcome: boolean): string => `q\u0000${drop}\u0000${name}\u0000${outcome}`;

/** On a path where `name` is `outcome`: the facts that held under that answer hold, and drops voided by it owe nothing. */
export function answerName(state: State, name: string, outcome: boolean): State {
  const next = cloneState(state);
  next.tested.set(name, outcome);
  if (!state.conditioned.has(name)) return next;
  next.conditioned.delete(name);
  for (const [key, fact] of state.facts) {
    if (key.startsWith('q\u0000')) {
      const [, drop, voidName, voidOutcome] = key.split('\u0000');
      if (voidName !== name) continue;
      next.facts.delete(key);
      if ((voidOutcome === 'true') === outcome) next.pending.delete(Number(drop));
      continue;
    }
    const conditional = readConditionalFact(key);
    if (!conditional || conditional.name !== name) continue;
    next.facts.delete(key);
    if (conditional.outcome === outcome) next.facts.set(conditional.fact, { ...fact, roots: fact.roots.slice(0, -1) });
  }
  return next;
}
export const allFact = (container: string, slot: string): string => `a\u0000${container}\u0000${slot}`;
export const variableFact = (name: string, slot: string): string => `v\u0000${name}\u0000${slot}`;
export const elementFact = (source: string, slot: string): string => `e\u0000${source}\u0000${slot}`;
/** A place found empty before an `await` of this function: another call may have filled it since. */
export const racedFact = (container: string, key: string): string => `r\u0000${container}\u0000${key}`;
/** `const key = route`: on this path the name `key` spells the key text `route` (roots: the name, then the text's roots). */
export const sameKeyFact = (name: string, text: string): string => `k\u0000${name}\u0000${text}`;

/** `entry.key = other`: the name no longer spells the key it was given. */
export function forgetSpelling(state: State, name: string): State {
  // Asked at every field assignment the flow meets: the state is copied only when a spelling goes.
  const prefix = `k\u0000${name}\u0000`;
  let next: State | undefined;
  for (const key of state.facts.keys()) {
    if (!key.startsWith(prefix)) continue;
    next ??= cloneState(state);
    next.facts.delete(key);
  }
  return next ?? state;
}

/**
 * The other texts that name the same key as `key` on this path: what it spells (`const key = route`,
 * `{ key: route }`), and every name that spells either (`entry.key` of `{ key: this.keyOf(d) }` and
 * `const k = this.keyOf(d)`).
 */
export function keySpellings(state: State, key: string): string[] {
  const texts = new Set([key]);
  const spelled = sameKeyOf(state, key);
  if (spelled) texts.add(spelled.text);
  for (const fact of state.facts.keys()) {
    if (fact.charCodeAt(0) !== 107 /* k */) continue;
    const [, name, text] = fact.split('\u0000');
    if (name !== undefined && text !== undefined && texts.has(text)) texts.add(name);
  }
  texts.delete(key);
  return [...texts];
}

/** The key text a name spells on every path to here, with that text's roots. */
export function sameKeyOf(state: State, name: string): { text: string; roots: readonly string[] } | undefined {
  const prefix = `k\u0000${name}\u0000`;
  for (const [key, fact] of state.facts) if (key.startsWith(prefix)) return { text: key.slice(prefix.length), roots: fact.roots.slice(1) };
  return undefined;
}

/** A value reference that facts and obligations can be attached to. */
export type ValueRef =
  | { kind: 'place'; container: string; key: string; keyRoots: readonly string[]; containerRoots: readonly string[] }
  | { kind: 'variable'; name: string }
  | { kind: 'dropResult'; drop: number };

/** A collection of values: a container, a copy of its values, or values a drop removed. */
export type ManyRef =
  /** `owner`: the record whose list field this is (`s.timers` of `const s = m[k]`): releasing every element releases that slot. */
  | { kind: 'container'; container: string; roots: readonly string[]; owner?: { ref: ValueRef; slot: string } }
  | { kind: 'dropped'; drop: number }
  /** The values of one stored value that is itself a container (`m.get(k)` of a `Map<string, Timeout[]>`): releasing them all releases it. */
  | { kind: 'inner'; ref: ValueRef }
  /** `[...this.queue, ...this.inflight.values()]`: the values of each collection, in one list. */
  | { kind: 'several'; parts: readonly ManyRef[] };

export const manyRefSource = (ref: ManyRef): string =>
  ref.kind === 'container'
    ? `c:${ref.container}`
    : ref.kind === 'dropped'
      ? `d:${ref.drop}`
      : ref.kind === 'several'
        ? `s:${ref.parts.map(manyRefSource).join('+')}`
        : `i:${JSON.stringify(ref.ref)}`;

/** Same facts, aliases and pending drops: a loop's head has reached its fixpoint. */
export function sameState(a: State, b: State): boolean {
  if (a.dead !== b.dead || a.facts.size !== b.facts.size || a.aliases.size !== b.aliases.size || a.pending.size !== b.pending.size) return false;
  for (const key of a.facts.keys()) if (!b.facts.has(key)) return false;
  for (const [name, alias] of a.aliases) if (JSON.stringify(alias) !== JSON.stringify(b.aliases.get(name))) return false;
  for (const [id, slots] of a.pending) {
    const other = b.pending.get(id);
    if (!other || other.size !== slots.size || [...slots].some((slot) => !other.has(slot))) return false;
  }
  return true;
}
