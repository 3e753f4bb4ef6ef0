/**
 * What the analysis keeps for the life of one program: every memo table of every room.
 *
 * A room declares a table once (`memoTable('ownership')`) and asks the session of the program for
 * its instance (`session.table(OWNERSHIP)`). The tables live and die with the program, whatever
 * rule or file asks, and this module imports no room: data flows rooms -> session, never back.
 */
import type ts from 'typescript';

/** A memo table keyed by an AST node, a type or a symbol (weakly), declared by the room that fills it. */
export interface MemoTable<K extends object, V> {
  readonly name: string;
  /** Never read: carries the key and value types. */
  readonly types?: [K, V];
}

/** One value per program (a lookup map, a cache of answers), built on first use. */
export interface MemoValue<V> {
  readonly name: string;
  readonly create: (session: AnalysisSession) => V;
}

export function memoTable<K extends object, V>(name: string): MemoTable<K, V> {
  return { name };
}

export function memoValue<V>(name: string, create: (session: AnalysisSession) => V): MemoValue<V> {
  return { name, create };
}

export class AnalysisSession {
  readonly checker: ts.TypeChecker;
  readonly #tables = new Map<MemoTable<object, unknown>, WeakMap<object, unknown>>();
  readonly #values = new Map<MemoValue<unknown>, unknown>();

  constructor(readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  table<K extends object, V>(table: MemoTable<K, V>): WeakMap<K, V> {
    let map = this.#tables.get(table);
    if (!map) this.#tables.set(table, (map = new WeakMap()));
    return map as WeakMap<K, V>;
  }

  value<V>(value: MemoValue<V>): V {
    if (this.#values.has(value)) return this.#values.get(value) as V;
    const created = value.create(this);
    this.#values.set(value, created);
    return created;
  }

  /** `table.get(key)`, computing and storing it on a miss; `null` is stored for "no answer". */
  memo<K extends object, V>(table: MemoTable<K, V | null>, key: K, compute: () => V | undefined): V | undefined {
    const map = this.table(table);
    const cached = map.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result = compute();
    map.set(key, result ?? null);
    return result;
  }
}

const sessions = new WeakMap<ts.Program, AnalysisSession>();

/** The one session of a program, shared by every rule and file linted with it. */
export function sessionOf(program: ts.Program): AnalysisSession {
  let session = sessions.get(program);
  if (!session) sessions.set(program, (session = new AnalysisSession(program)));
  return session;
}
