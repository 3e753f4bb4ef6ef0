/**
 * The built-in containers as data: one protocol record per kind — Map, WeakMap, Set, WeakSet,
 * Array, an object used as a map — saying which methods drop values (and what they drop), which
 * put values in, and how code reads a value back. The built-in twin of the cache library
 * records in `caches/libraries/`: a new container kind is one record here.
 */
import ts from 'typescript';

import { calledMethodName, canonical, isFallback, skipOuter } from '../syntax/expressions.js';

/** How a drop site reads in messages (and which suggestion fits it). */
export type DropOperation = 'delete' | 'clear' | 'set' | 'splice' | 'pop' | 'shift' | 'assign' | 'deleteOperator' | 'truncate' | 'reassign' | 'filter';

/** What a dropping method lets go of. */
export type DropTargetKind =
  /** the value stored under its first argument (`map.delete(k)`, `map.set(k, v)`) */
  | 'key'
  /** its first argument itself (`set.delete(x)`) */
  | 'value'
  /** every value (`clear()`) */
  | 'all'
  /** the value at one end (`pop()`, `shift()`), which the call returns */
  | 'end'
  /** a range named by its arguments (`splice(i, n)`), which the call returns */
  | 'range';

export interface DroppingMethod {
  operation: DropOperation;
  target: DropTargetKind;
  /** How many arguments the dropping form takes (`delete(k)`: 1, `clear()`: 0); `splice` takes 1 or more. */
  arguments: number | 'some';
  /** After the drop the place holds the new value given as the second argument. */
  storesNew?: boolean;
  /** The call's result is the dropped value (`pop`) or values (`splice`). */
  result: 'none' | 'one' | 'many';
}

/** Which arguments of an inserting method are stored values. */
export type InsertedArguments = 'first' | 'second' | 'all' | 'afterSecond';

export type BuiltinContainerKind = 'Map' | 'WeakMap' | 'Set' | 'WeakSet' | 'Array' | 'ObjectMap' | 'MapKeys';

export interface ContainerProtocol {
  kind: BuiltinContainerKind;
  /** The global type the checker recognizes, and which of its type arguments is the value type. */
  builtin?: { name: 'Map' | 'WeakMap' | 'Set' | 'WeakSet'; valueArgument: number; keyArgument?: number };
  drops: Readonly<Record<string, DroppingMethod>>;
  inserts: Readonly<Record<string, InsertedArguments>>;
  /** Methods that return the value stored under their first argument (`get`). */
  reads?: readonly string[];
  /** Methods whose false result means nothing is stored under their first argument (`has`). */
  tests?: readonly string[];
  /** Methods that look for a value and keep none of their arguments (`indexOf`). */
  searches?: readonly string[];
  /** `container[key] = value` replaces what was stored under `key`. */
  elementAssignmentDrops: boolean;
  /** `delete container[key]` removes it. */
  deleteOperatorDrops: boolean;
  /** `container.length = 0` empties it. */
  truncates: boolean;
  /** Source text of the value stored under a key, read without side effects (for suggestions). */
  readAt?: (container: string, key: string) => string;
  /** Source text iterating every value (for suggestions before a `clear()`). */
  values: (container: string) => string;
}

const deleteKey: DroppingMethod = { operation: 'delete', target: 'key', arguments: 1, result: 'none' };
const deleteValue: DroppingMethod = { operation: 'delete', target: 'value', arguments: 1, result: 'none' };
const setKey: DroppingMethod = { operation: 'set', target: 'key', arguments: 2, storesNew: true, result: 'none' };
const clearAll: DroppingMethod = { operation: 'clear', target: 'all', arguments: 0, result: 'none' };
const readWithGet = (container: string, key: string): string => `${container}.get(${key})`;
const readByIndex = (container: string, key: string): string => `${container}[${key}]`;

export const CONTAINER_PROTOCOLS: Readonly<Record<BuiltinContainerKind, ContainerProtocol>> = {
  Map: {
    kind: 'Map',
    builtin: { name: 'Map', valueArgument: 1, keyArgument: 0 },
    drops: { delete: deleteKey, set: setKey, clear: clearAll },
    inserts: { set: 'second' },
    reads: ['get'],
    tests: ['has'],
    elementAssignmentDrops: false,
    deleteOperatorDrops: false,
    truncates: false,
    readAt: readWithGet,
    values: (container) => `${container}.values()`,
  },
  WeakMap: {
    kind: 'WeakMap',
    builtin: { name: 'WeakMap', valueArgument: 1, keyArgument: 0 },
    drops: { delete: deleteKey, set: setKey },
    inserts: { set: 'second' },
    reads: ['get'],
    tests: ['has'],
    elementAssignmentDrops: false,
    deleteOperatorDrops: false,
    truncates: false,
    readAt: readWithGet,
    // A WeakMap cannot be iterated: nothing to suggest before dropping all of it.
    values: () => '',
  },
  Set: {
    kind: 'Set',
    builtin: { name: 'Set', valueArgument: 0 },
    drops: { delete: deleteValue, clear: clearAll },
    inserts: { add: 'first' },
    tests: ['has'],
    elementAssignmentDrops: false,
    deleteOperatorDrops: false,
    truncates: false,
    values: (container) => container,
  },
  WeakSet: {
    kind: 'WeakSet',
    builtin: { name: 'WeakSet', valueArgument: 0 },
    drops: { delete: deleteValue },
    inserts: { add: 'first' },
    tests: ['has'],
    elementAssignmentDrops: false,
    deleteOperatorDrops: false,
    truncates: false,
    values: () => '',
  },
  Array: {
    kind: 'Array',
    drops: {
      pop: { operation: 'pop', target: 'end', arguments: 0, result: 'one' },
      shift: { operation: 'shift', target: 'end', arguments: 0, result: 'one' },
      splice: { operation: 'splice', target: 'range', arguments: 'some', result: 'many' },
    },
    inserts: { push: 'all', unshift: 'all', splice: 'afterSecond' },
    searches: ['indexOf', 'lastIndexOf', 'includes'],
    elementAssignmentDrops: true,
    deleteOperatorDrops: false,
    truncates: true,
    readAt: readByIndex,
    values: (container) => container,
  },
  /** The keys of a Map, when they are the resources (`Map<Client, number>` of request counts per client). */
  MapKeys: {
    kind: 'MapKeys',
    drops: { delete: deleteValue, clear: clearAll },
    inserts: { set: 'first' },
    tests: ['has'],
    elementAssignmentDrops: false,
    deleteOperatorDrops: false,
    truncates: false,
    values: (container) => `${container}.keys()`,
  },
  ObjectMap: {
    kind: 'ObjectMap',
    drops: {},
    inserts: {},
    elementAssignmentDrops: true,
    deleteOperatorDrops: true,
    truncates: false,
    readAt: readByIndex,
    values: (container) => `Object.values(${container})`,
  },
};

/**
 * `client.set(key, value, 'EX', ttl)` is no built-in's drop: some built-in drops by this name with
 * this many arguments. Asked before the receiver is typed, which can cost a whole client library.
 */
export function isBuiltinDropForm(method: string, argumentCount: number): boolean {
  return Object.values(CONTAINER_PROTOCOLS).some((protocol) => {
    const dropping = protocol.drops[method];
    return dropping !== undefined && (dropping.arguments === 'some' || dropping.arguments === argumentCount);
  });
}

/** Every built-in method name that inserts, for the syntactic pre-filter of call sites. */
export const BUILTIN_INSERTING_METHODS: ReadonlySet<string> = new Set(Object.values(CONTAINER_PROTOCOLS).flatMap((protocol) => Object.keys(protocol.inserts)));

/** The stored values an inserting call puts in. */
export function insertedValues<T>(how: InsertedArguments, args: readonly T[]): T[] {
  switch (how) {
    case 'first':
      return args.slice(0, 1);
    case 'second':
      return args.slice(1, 2);
    case 'all':
      return [...args];
    case 'afterSecond':
      return args.slice(2);
  }
}

/** `this.byShare` in `this.byShare[shareId]`, `this.byShare.get(shareId) ?? {}`, `cache.peek(k)!`: the container a value is read out of. */
export function readContainerOf(expression: ts.Expression): string | undefined {
  let e = skipOuter(expression);
  if (isFallback(e)) e = skipOuter(e.left);
  if (ts.isElementAccessExpression(e)) return canonical(e.expression)?.text;
  if (ts.isCallExpression(e) && ['get', 'peek'].includes(calledMethodName(e) ?? '') && ts.isPropertyAccessExpression(skipOuter(e.expression)))
    return canonical((skipOuter(e.expression) as ts.PropertyAccessExpression).expression)?.text;
  return undefined;
}
