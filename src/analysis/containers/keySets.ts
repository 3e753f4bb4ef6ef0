/**
 * Containers kept keyed alike: `stores` and `stopWatching` each given a key only where the other is
 * given it too, and losing it only where the other loses it. Then a key the first lacks, the second
 * lacks as well (`if (!stores.get(id)) { stores.set(id, s); stopWatching.set(id, watch(s)) }`), and a
 * loop over the first that releases the second's value at each key releases all of the second's.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { canonical, containerScope, isFunctionLike, skipOuter } from '../syntax/expressions.js';
import { CONTAINER_VOCABULARY } from './vocabulary.js';

/** What one function (callbacks included) does to each container's keys. */
interface KeyOperations {
  inserts: Map<string, Set<string>>;
  deletes: Map<string, Set<string>>;
  /** Containers emptied or replaced as a whole. */
  emptied: Set<string>;
}

/** One walk per scope; each container's answer computed when first asked. */
interface ScopeKeys {
  units: readonly KeyOperations[];
  /** The units that give, take or empty each container's keys: the only ones a pair's answer depends on. */
  touching: ReadonlyMap<string, readonly number[]>;
  within: Map<string, readonly string[]>;
}

const SCOPE_KEYS = memoTable<ts.Node, ScopeKeys>('containers.scopeKeys');

/**
 * The containers of the same class or module whose keys include every key `containerExpression`
 * holds, whenever a function of that scope starts or ends.
 */
export function keysWithin(containerExpression: ts.Expression, session: AnalysisSession): readonly string[] {
  const inner = canonical(containerExpression)?.text;
  if (inner === undefined) return [];
  const scope = containerScope(containerExpression);
  const table = session.table(SCOPE_KEYS);
  let keys = table.get(scope);
  if (!keys) {
    const units = unitsOf(scope).map(operationsIn);
    table.set(scope, (keys = { units, touching: touchingUnits(units), within: new Map() }));
  }
  let within = keys.within.get(inner);
  if (!within) keys.within.set(inner, (within = computeWithin(keys, inner)));
  return within;
}

/**
 * The candidates are the containers given a key where `inner` first is; each is then checked only
 * in the units that touch either of the two (linear in what they share, not in the scope).
 */
function computeWithin(keys: ScopeKeys, inner: string): readonly string[] {
  const { units, touching } = keys;
  const innerUnits = touching.get(inner) ?? [];
  const first = innerUnits.map((index) => units[index]!).find((unit) => unit.inserts.has(inner));
  if (!first) return [];
  const within: string[] = [];
  for (const outer of first.inserts.keys()) {
    if (outer === inner) continue;
    const shared = new Set([...innerUnits, ...(touching.get(outer) ?? [])]);
    if ([...shared].every((index) => followsKeysOf(units[index]!, inner, outer))) within.push(outer);
  }
  return within;
}

function touchingUnits(units: readonly KeyOperations[]): Map<string, number[]> {
  const touching = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const container of new Set([...unit.inserts.keys(), ...unit.deletes.keys(), ...unit.emptied])) {
      const list = touching.get(container);
      if (list) list.push(index);
      else touching.set(container, [index]);
    }
  });
  return touching;
}

/** In this function, `inner` gains only keys `outer` gains, and `outer` loses none that `inner` keeps. */
function followsKeysOf(unit: KeyOperations, inner: string, outer: string): boolean {
  const gained = unit.inserts.get(inner) ?? new Set<string>();
  const outerGained = unit.inserts.get(outer) ?? new Set<string>();
  if ([...gained].some((key) => !outerGained.has(key))) return false;
  if (unit.emptied.has(inner)) return true;
  if (unit.emptied.has(outer)) return false;
  const innerLost = unit.deletes.get(inner) ?? new Set<string>();
  return [...(unit.deletes.get(outer) ?? [])].every((key) => innerLost.has(key));
}

/** The outermost functions of a class or module, and its own top-level code. */
function unitsOf(scope: ts.Node): ts.Node[] {
  const units: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) {
      units.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  // Top-level code (a module's initializers) is one more unit; functions inside it are skipped there.
  units.push(scope);
  return units;
}

function operationsIn(unit: ts.Node): KeyOperations {
  const operations: KeyOperations = { inserts: new Map(), deletes: new Map(), emptied: new Set() };
  const note = (into: Map<string, Set<string>>, container: ts.Expression, key: ts.Expression | undefined): void => {
    const containerText = canonical(container)?.text;
    const keyText = key && canonical(key)?.text;
    if (containerText === undefined) return;
    let keys = into.get(containerText);
    if (!keys) into.set(containerText, (keys = new Set()));
    // A key the text cannot name again matches no other.
    keys.add(keyText ?? `\u0000${container.pos}`);
  };
  const visit = (node: ts.Node): void => {
    // The scope's own unit leaves its functions to theirs.
    if (node !== unit && isFunctionLike(node) && !isFunctionLike(unit)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
      const { name, expression: receiver } = skipOuter(node.expression) as ts.PropertyAccessExpression;
      const method = name.text;
      // The container vocabulary the engine is handed: the same names give, take and empty keys here.
      const { stores, inserts, removes, clears } = CONTAINER_VOCABULARY;
      if (stores.has(method) || inserts.has(method)) note(operations.inserts, receiver, node.arguments[0]);
      else if (removes.has(method)) note(operations.deletes, receiver, node.arguments[0]);
      else if (clears.has(method)) {
        const text = canonical(receiver)?.text;
        if (text !== undefined) operations.emptied.add(text);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = skipOuter(node.left);
      if (ts.isElementAccessExpression(target)) note(operations.inserts, target.expression, target.argumentExpression);
      else {
        const text = canonical(target)?.text;
        if (text !== undefined) operations.emptied.add(text);
      }
    } else if (ts.isDeleteExpression(node)) {
      const target = skipOuter(node.expression);
      if (ts.isElementAccessExpression(target)) note(operations.deletes, target.expression, target.argumentExpression);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit);
  return operations;
}
