/**
 * Helpers with bodies in the program, summarized once per declaration and vocabulary: which
 * places and containers a helper empties or releases, and which slots of each argument it
 * releases or hands on, on every path. A summary runs the same engine on the helper's body.
 */
import ts from 'typescript';

import type { LifeFlag } from '../resources/lifeFlags.js';
import { boundNames } from '../syntax/expressions.js';
import { FunctionAnalysis } from './analysis.js';
import { MAX_HELPER_DEPTH } from './calls.js';
import type { HandedAs, HelperEffects, HelperSummaries } from './interpreter.js';
import { emptyState } from './state.js';
import type { FlowOptions } from './types.js';

/** Summaries of helpers, computed once per declaration and vocabulary. */
export class SummaryCache implements HelperSummaries {
  constructor(
    readonly resolve: (call: ts.CallExpression) => ts.FunctionLikeDeclaration | undefined,
    readonly resolveFunction: (reference: ts.Expression) => ts.FunctionLikeDeclaration | undefined,
    readonly isStableName: (name: ts.Identifier) => boolean,
    readonly lifeFlag: (access: ts.PropertyAccessExpression, releases: ReadonlySet<string>) => LifeFlag | undefined,
    readonly handsFailureToCaller: (call: ts.CallExpression) => boolean,
    readonly returnsReceiver: (call: ts.CallExpression) => boolean,
  ) {}

  readonly #effects = new Map<string, WeakMap<ts.Node, HelperEffects | null>>();
  readonly #releasedSlots = new Map<string, WeakMap<ts.Node, Record<'value' | 'elements', string[][]>>>();
  /** The same options with no method limited to a record's fields: what a helper given one field is judged by. */
  readonly #forField = new WeakMap<FlowOptions, FlowOptions>();
  readonly #inProgress = new Set<ts.Node>();
  /**
   * One entry per summary being computed: whether it met a helper already in progress (recursion).
   * Such a summary depends on where the recursion was entered, so it is not kept: a question asked
   * in one file must get the answer it gets when asked first in another.
   */
  readonly #metRecursion: boolean[] = [];
  readonly #keys = new WeakMap<FlowOptions, string>();
  readonly #moduleNames = new WeakMap<ts.SourceFile, ReadonlySet<string>>();
  /** Options that add a helper's own assumptions about its parameters, to the options they extend. */
  readonly #assumedFrom = new WeakMap<FlowOptions, FlowOptions>();

  moduleNames(file: ts.SourceFile): ReadonlySet<string> {
    let names = this.#moduleNames.get(file);
    if (!names) this.#moduleNames.set(file, (names = topLevelNames(file)));
    return names;
  }

  #keyOf(options: FlowOptions): string {
    let key = this.#keys.get(options);
    if (key === undefined) this.#keys.set(options, (key = vocabularyKey(options)));
    return key;
  }

  effects(helper: ts.FunctionLikeDeclaration, given: FlowOptions, depth: number): HelperEffects | undefined {
    // A helper's assumptions about its own parameters do not reach the helpers it calls.
    const options = this.#assumedFrom.get(given) ?? given;
    // What a summary sees of the helpers it calls depends on its depth: kept per depth.
    const vocabularyKey = `${depth}|${this.#keyOf(options)}`;
    let byNode = this.#effects.get(vocabularyKey);
    if (!byNode) this.#effects.set(vocabularyKey, (byNode = new WeakMap()));
    const cached = byNode.get(helper);
    if (cached !== undefined) return cached ?? undefined;
    if (this.#inProgress.has(helper)) return this.#recursion(undefined);
    const body = helper.body;
    if (!body || depth > MAX_HELPER_DEPTH) return undefined;
    const { value: result, settled } = this.#summarize(helper, () => {
      // What the helper returns stays in the shared containers: the caller that gets it is their owner too.
      const analysis = new FunctionAnalysis([], options, this, depth, false);
      const end = analysis.run(body, emptyState());
      const parameters = helper.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
      const effects: HelperEffects = { places: [], all: [] };
      if (!end.dead) {
        for (const [key, fact] of end.facts) {
          const [kind, container, second, third] = key.split('\u0000');
          if (!container || !isSharedContainer(container)) continue;
          if (kind === 'a' && second !== undefined) effects.all.push({ container, slot: second, ...(fact.emptied && { emptied: true as const }) });
          if (kind === 'p' && second !== undefined && third !== undefined) {
            // `pending[doc.uri]` of a parameter `doc`: the caller's `pending[<argument>.uri]`.
            const [, root = second, path = ''] = /^([\w$]+)((?:\.[\w$]+)*)$/.exec(second) ?? [];
            const parameterIndex = parameters.indexOf(root);
            if (parameterIndex >= 0) effects.places.push({ container, parameterIndex, ...(path && { path }), slot: third });
          }
        }
      }
      return effects;
    });
    if (settled) byNode.set(helper, result);
    return result;
  }

  /** Answers a question about a helper already in progress, and marks every summary on the way as unsettled. */
  #recursion<T>(answer: T): T {
    this.#metRecursion.fill(true);
    return answer;
  }

  /** Summarizes `helper` by `compute`, with `helper` in progress meanwhile: the summary, and whether it met no recursion and can be kept. */
  #summarize<T>(helper: ts.Node, compute: () => T): { value: T; settled: boolean } {
    this.#inProgress.add(helper);
    this.#metRecursion.push(false);
    const end = (): boolean => {
      this.#inProgress.delete(helper);
      return this.#metRecursion.pop() === false;
    };
    let value: T;
    try {
      value = compute();
    } catch (error) {
      end();
      throw error;
    }
    return { value, settled: end() };
  }

  /**
   * Slots of the argument at `index` that the helper releases or hands on on every path: `['*']`,
   * `['timer']`, or none — of the value handed, or of each element of a collection handed.
   */
  releasedSlots(helper: ts.FunctionLikeDeclaration, index: number, given: FlowOptions, depth: number, handed: HandedAs = 'value'): string[] {
    const options = this.#assumedFrom.get(given) ?? given;
    // `destroy(entry.stream)`: the parameter is the field, so `stream.destroy()` in the helper releases it.
    if (handed === 'field') return this.releasedSlots(helper, index, this.#withoutFieldMethods(options), depth, 'value');
    const vocabularyKey = `${depth}|${this.#keyOf(options)}`;
    let byNode = this.#releasedSlots.get(vocabularyKey);
    if (!byNode) this.#releasedSlots.set(vocabularyKey, (byNode = new WeakMap()));
    let cached = byNode.get(helper);
    if (!cached) {
      const computed = this.#computeReleasedSlots(helper, options, depth);
      if (computed.settled) byNode.set(helper, computed.value);
      cached = computed.value;
    }
    if (index >= helper.parameters.length) {
      // Extra arguments reach a rest parameter or `arguments`: assume kept.
      return helper.parameters.some((parameter) => parameter.dotDotDotToken) ? ['*'] : [];
    }
    return cached[handed][index] ?? ['*'];
  }

  #withoutFieldMethods(options: FlowOptions): FlowOptions {
    if (!options.releases.fieldMethods) return options;
    let derived = this.#forField.get(options);
    if (!derived) {
      const { fieldMethods: _, ...releases } = options.releases;
      this.#forField.set(options, (derived = { ...options, releases }));
    }
    return derived;
  }

  #computeReleasedSlots(
    helper: ts.FunctionLikeDeclaration,
    options: FlowOptions,
    depth: number,
  ): { value: Record<'value' | 'elements', string[][]>; settled: boolean } {
    const kept = helper.parameters.map(() => ['*']);
    if (this.#inProgress.has(helper)) return this.#recursion({ value: { value: kept, elements: kept }, settled: false });
    const body = helper.body;
    if (!body || depth > MAX_HELPER_DEPTH) return { value: { value: kept, elements: kept }, settled: true };
    return this.#summarize(helper, () => {
      const run = (knownArrays?: ReadonlyMap<string, boolean>): FunctionEnd => {
        const assuming = knownArrays ? { ...options, knownArrays } : options;
        if (knownArrays) this.#assumedFrom.set(assuming, options);
        return new FunctionAnalysis([], assuming, this, depth).run(body, emptyState());
      };
      // `dispose(arg: T | T[])` tests `Array.isArray(arg)`: an array handed takes one branch, one value
      // the other, so each is summarized on its own paths.
      const text = body.getText();
      const tested = helper.parameters.flatMap((parameter) =>
        ts.isIdentifier(parameter.name) && text.includes(`Array.isArray(${parameter.name.text})`) ? [parameter.name.text] : [],
      );
      const assumed = (isArray: boolean): ReadonlyMap<string, boolean> | undefined =>
        tested.length > 0 ? new Map(tested.map((name) => [name, isArray])) : undefined;
      const asValue = run(assumed(false));
      const asArray = tested.length > 0 ? run(assumed(true)) : asValue;
      // Released as a value (`v`), or every value of it released when it is a collection (`a`).
      const slotsOf = (end: FunctionEnd): string[][] =>
        helper.parameters.map((parameter) => {
          if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return ['*'];
          const slots = [...releasedWith(end, `v\u0000${parameter.name.text}\u0000`), ...releasedWith(end, `a\u0000${parameter.name.text}\u0000`)];
          return slots.includes('*') ? ['*'] : slots;
        });
      return { value: slotsOf(asValue), elements: slotsOf(asArray) };
    });
  }
}

type FunctionEnd = ReturnType<FunctionAnalysis['run']>;

/** The slots after `prefix` released at the end of a helper's run; none when every path throws. */
function releasedWith(end: FunctionEnd, prefix: string): string[] {
  if (end.dead) return [];
  // A container the helper only emptied (`map.clear()`) had its values dropped, not released.
  return [...end.facts].filter(([key, fact]) => !fact.emptied && key.startsWith(prefix)).map(([key]) => key.slice(prefix.length));
}

/** Summaries depend on the names that release and on the container operations: one key per combination. */
function vocabularyKey(options: FlowOptions): string {
  const sorted = (names: ReadonlySet<string>): string => [...names].sort().join(',');
  const { releases, containers } = options;
  const constants = [...(options.constants ?? new Map<string, string>())]
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join(',');
  return (
    constants +
    '|' +
    [
      releases.methods,
      releases.functions,
      releases.fieldMethods ?? new Set<string>(),
      containers.reads,
      containers.tests,
      containers.removes,
      containers.clears,
      containers.stores,
      containers.inserts,
      containers.lookups,
    ]
      .map(sorted)
      .join('|')
  );
}

/** Containers a helper and its caller both name: `this.x` fields and module-level names. */
function isSharedContainer(container: string): boolean {
  return container.startsWith('this.') || /^[A-Za-z_$][\w$]*$/.test(container);
}

/** `const registry = …`, `class Pool`, `function reset`, `import * as timers`: what a module names at its top level. */
function topLevelNames(file: ts.SourceFile): ReadonlySet<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) boundNames(declaration.name).forEach((name) => names.add(name));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name)
      names.add(statement.name.text);
    else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) names.add(statement.name.text);
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
  }
  return names;
}
