/**
 * "Is the dropped value released, or handed on, on every path?"
 *
 * A forward dataflow over one function's TypeScript AST. ESLint's code paths know the graph but
 * not what a branch tested, and the answers here hinge on tests (`if (!map.has(k))`,
 * `if (old) old.stop()`), so the walk follows the structured control flow itself. The state of a
 * path is in state.ts; the interpreter's parts are statements.ts, expressions.ts, calls.ts and
 * values.ts; helpers are summarized once per declaration (summaries.ts). A drop still pending
 * when the function completes normally is reported.
 */
import ts from 'typescript';

import { lifeFlagOf } from '../resources/lifeFlags.js';
import { memoValue, type AnalysisSession } from '../session.js';
import { isFunctionLike, ownMembersOf, skipOuter } from '../syntax/expressions.js';
import { handsFailureToCaller } from '../syntax/failurePaths.js';
import { isNamedFromOutside } from '../syntax/imports.js';
import { isStableName } from '../syntax/names.js';
import { FunctionAnalysis } from './analysis.js';
import { emptyState } from './state.js';
import { SummaryCache } from './summaries.js';
import type { DropSite, DropVerdict, FlowOptions } from './types.js';

export type { ContainerVocabulary, DropSite, DropTarget, DropVerdict, FlowOptions, ReleaseVocabulary } from './types.js';
export { LIST_END } from './types.js';

/** One helper summary cache per program, resolving callees through its checker. */
const HELPERS = memoValue('flow.helpers', (session) => {
  const resolved = new WeakMap<ts.Expression, ts.FunctionLikeDeclaration | null>();
  const resolve = (reference: ts.Expression): ts.FunctionLikeDeclaration | undefined => {
    const cached = resolved.get(reference);
    if (cached !== undefined) return cached ?? undefined;
    const result = resolveFunction(reference, session);
    resolved.set(reference, result ?? null);
    return result;
  };
  return new SummaryCache(
    (call) => resolve(call.expression),
    resolve,
    (name) => isStableName(name, session),
    (access, releases) => lifeFlagOf(access, releases, session),
    (call) => handsFailureToCaller(call, session),
    (call) => returnsReceiver(call, session),
  );
});

/**
 * Analyzes one function (or source file) for the given drops and returns a verdict per drop.
 * Drops that the walk never reaches (dead code) get no obligations. `returnsHandOn`: false where a
 * caller throws the function's result away, so a value returned is not handed to anyone.
 */
export function analyzeDrops(body: ts.Node, drops: readonly DropSite[], options: FlowOptions, session: AnalysisSession, returnsHandOn = true): DropVerdict[] {
  const analysis = new FunctionAnalysis(drops, options, session.value(HELPERS), 0, returnsHandOn);
  const runnable = isFunctionLike(body)
    ? body.body
    : ts.isClassStaticBlockDeclaration(body)
      ? body.body
      : ts.isPropertyDeclaration(body)
        ? body.initializer
        : body;
  if (!runnable) return drops.map(() => ({ unreleasedSlots: [], owedAtDrop: false, releasedOnSomePath: false }));
  let initial = emptyState();
  initial = analysis.bindForEachParameters(body, initial);
  for (const drop of drops) {
    if (drop.target.kind !== 'key') continue;
    if (drop.storedAs !== undefined) {
      initial.aliases.set(drop.storedAs, {
        kind: 'place',
        container: drop.container,
        key: drop.target.key,
        roots: [...drop.containerRoots, ...drop.target.keyRoots],
      });
    }
    const place = {
      kind: 'place' as const,
      container: drop.container,
      key: drop.target.key,
      keyRoots: drop.target.keyRoots,
      containerRoots: drop.containerRoots,
    };
    for (const { name, slot } of drop.storedFields ?? []) initial.aliases.set(name, { kind: 'field', ref: place, slot });
  }
  const end = analysis.run(runnable, initial);
  return drops.map((_, index) => {
    const owed = union(end.pending.get(index), analysis.stranded.get(index));
    const missed = analysis.missedWhen.get(index);
    const racedAt = analysis.racedBy.get(index);
    return {
      unreleasedSlots: owed ? [...owed] : [],
      owedAtDrop: analysis.owedAtDrop.has(index),
      releasedOnSomePath: analysis.releasedSomewhere.has(index),
      ...(missed && { missedWhen: missed }),
      ...(racedAt && { racedAt }),
    };
  });
}

function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  return a && b ? new Set([...a, ...b]) : (a ?? b);
}

/** Slots of the argument at `index` that `fn` releases or hands on on every path: `['*']`, `['timer']`, or none. */
export function releasedSlots(fn: ts.FunctionLikeDeclaration, index: number, options: FlowOptions, session: AnalysisSession): string[] {
  return session.value(HELPERS).releasedSlots(fn, index, options, 1);
}

/** The declaration with a body that a call runs: a function, a method, an arrow stored in a const or field. */
export function resolveCallee(call: ts.CallExpression, session: AnalysisSession): ts.FunctionLikeDeclaration | undefined {
  return resolveFunction(call.expression, session);
}

/** A method declared to return `this` (`removeAllListeners(): this`): the call's result is its receiver. */
function returnsReceiver(call: ts.CallExpression, session: AnalysisSession): boolean {
  const declaration = session.checker.getResolvedSignature(call)?.declaration;
  return declaration !== undefined && !ts.isJSDocSignature(declaration) && declaration.type !== undefined && ts.isThisTypeNode(declaration.type);
}

/** The declaration with a body that `reference` names (`isReady`, `this.check`, `helpers.close`), as a call of it would run. */
function resolveFunction(reference: ts.Expression, session: AnalysisSession): ts.FunctionLikeDeclaration | undefined {
  const { checker, program } = session;
  const callee = skipOuter(reference);
  // `this.helper(…)` of a method the class declares: its declarations, found without typing `this`.
  const own = ts.isPropertyAccessExpression(callee) ? ownMembersOf(callee) : [];
  let declarations: readonly ts.Node[] = own;
  if (own.length === 0) {
    // `vscode.window.createWebviewPanel(…)`: nothing with a body, known without typing the chain.
    if (isNamedFromOutside(callee, session)) return undefined;
    const location = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = checker.getSymbolAtLocation(location);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    declarations = symbol.declarations ?? [];
  }
  for (const declaration of declarations) {
    if (declaration.getSourceFile().isDeclarationFile || program.isSourceFileFromExternalLibrary(declaration.getSourceFile())) continue;
    if (isFunctionLike(declaration) && declaration.body) return declaration;
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
      const initializer = skipOuter(declaration.initializer);
      if ((ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) && initializer.body) return initializer;
    }
  }
  return undefined;
}
