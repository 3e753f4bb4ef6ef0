/**
 * What each rule reports, as data: the sites collected in one file, judged once per function at
 * the end of the file, and described by what a message needs (the resource, its release, the
 * container, the path that loses the value) and the insertion a suggestion would make.
 */
import ts from 'typescript';

import type { EvictionPath } from '../caches/model.js';
import { describeCopies, hookText, pathCover, type CacheUse, type ConstructionProblem, type ReleasingHooks } from '../caches/use.js';
import { isIndexOfListReleasedIn } from '../containers/ownership.js';
import type { DropVerdict } from '../flow/index.js';
import { describeRelease, type Resource } from '../resources/release.js';
import type { AnalysisSession } from '../session.js';
import { calleeName, containsCall, enclosingBody, shortText, skipOuter } from '../syntax/expressions.js';
import { bindingsIn, isStableName } from '../syntax/names.js';
import type { DropCandidate, DropContext } from './candidate.js';
import { cacheOverwriteDrop, cacheRemovalDrop, describeCacheCall, hooklessInsertionDrops, type CacheCall } from './cacheDrops.js';
import { DropCollector } from './collector.js';
import { describeContainerDrop } from './containerDrops.js';
import {
  continuationEmptiedBefore,
  isEmptiedBeforeEveryRun,
  isFreshFromEveryCaller,
  isReleasedBeforeCallback,
  isReleasedBeforeEveryCall,
  isSettledAtEveryOwnCall,
  owingCallsOfHelper,
  type HeldResources,
  type OwingCall,
} from './keys.js';
import { isMissedWhereNothingIsListenedTo } from './listeners.js';
import { describeCondition, suggestDeleteFirst, suggestRelease, type Insertion } from './suggestions.js';

/** What a message says of a resource: its type and its release. */
export interface ResourceText {
  type: string;
  release: string;
}

export type UnreleasedFinding =
  | {
      kind: 'drop';
      node: ts.Node;
      text: ResourceText & { container: string; operation: DropCandidate['operation']; method?: string; calledAs?: string };
      /** The condition under which the value is not released, when it is released on some paths. */
      when?: string;
      /** The line of the `await` during which another call may have filled the key found empty before it. */
      racedLine?: number;
      /** The race is with a continuation (`.then(…)` on `racedLine`) that stores at a key emptied before it started. */
      racedByContinuation?: true;
      /** The function that returns the value, and where a call of it throws the result away. */
      discarded?: { by: string; at: string };
      /** The cache library whose call this is. */
      library?: string;
      /** Reported at a call of the private helper that drops the value (`forget`), which hands it a value still owed. */
      helper?: string;
      suggestion?: Insertion;
    }
  | {
      kind: 'construction';
      node: ts.Node;
      text: ResourceText & { library: string; container: string; paths: readonly EvictionPath[]; problem: ConstructionProblem; copies: string };
    };

export type OverwriteFinding =
  | { kind: 'hooklessInsertion'; node: ts.Node; text: ResourceText & { method: string; container: string; library: string; returning: string } }
  | {
      kind: 'silentOverwrite';
      node: ts.Node;
      text: ResourceText & { method: string; container: string; behaviour: string };
      suggestions: (
        { kind: 'deleteFirst'; deleteMethod: string; hook: string; insertion: Insertion } | { kind: 'releasePrevious'; release: string; insertion: Insertion }
      )[];
    };

export function resourceText(resource: Resource, preferredFunction?: string): ResourceText {
  return { type: resource.typeName, release: describeRelease(resource.release, preferredFunction) };
}

/** stop-on-evict: drops from containers and caches, and caches that lose values by themselves. */
export class UnreleasedDrops {
  readonly #drops: DropCollector;
  readonly #constructions: UnreleasedFinding[] = [];
  readonly #reportedConstructions = new Set<ts.Node>();

  constructor(
    readonly context: DropContext,
    readonly sourceFile: ts.SourceFile,
  ) {
    this.#drops = new DropCollector(context.session, context.hatches.releaseFunctions);
  }

  /** A call, an assignment or a `delete`: a drop site, or a cache call. */
  consider(node: ts.Node): void {
    const candidate = describeContainerDrop(node, this.context);
    if (candidate) {
      this.#drops.add(candidate, undefined);
      return;
    }
    if (!ts.isCallExpression(node)) return;
    const call = describeCacheCall(node, this.context);
    if (!call) return;
    const { construction } = call.use;
    if (call.constructionProblem && construction && construction.getSourceFile() === this.sourceFile && !this.#reportedConstructions.has(construction)) {
      this.#reportedConstructions.add(construction);
      this.#constructions.push({
        kind: 'construction',
        node: construction,
        text: {
          ...resourceText(call.resource, call.storesIntervals ? 'clearInterval' : undefined),
          library: call.use.library.package,
          container: call.use.containerText,
          paths: call.constructionProblem.paths,
          problem: call.constructionProblem,
          copies: describeCopies(call.use),
        },
      });
    }
    const removal = cacheRemovalDrop(node, call);
    if (removal) this.#drops.add(removal, undefined);
  }

  *findings(sourceText: string): Generator<UnreleasedFinding> {
    yield* this.#constructions;
    for (const { candidate, verdict } of this.#drops.verdicts()) {
      if (
        verdict.unreleasedSlots.length === 0 ||
        isFreshFromEveryCall(candidate, this.context) ||
        isReleasedInEveryCall(candidate, this.context, verdict.unreleasedSlots)
      )
        continue;
      const preferredFunction = candidate.storesIntervals ? 'clearInterval' : undefined;
      const { resource } = candidate;
      const owed =
        resource.release.kind === 'fields'
          ? {
              ...resource,
              release: { kind: 'fields' as const, fields: resource.release.fields.filter((field) => verdict.unreleasedSlots.includes(field.name)) },
            }
          : resource;
      // A condition the drop itself sits under with the other answer (`if (flags.rewriting())` asked
      // twice) names no path that reaches the drop: the message says none.
      const missedWhen = verdict.missedWhen && !isContradictedAt(candidate.site.node, verdict.missedWhen) ? verdict.missedWhen : undefined;
      if (verdict.releasedOnSomePath && missedWhen && isMissedWhereNothingIsListenedTo(resource, missedWhen)) continue;
      const when = verdict.releasedOnSomePath && missedWhen ? describeCondition(missedWhen.test, missedWhen.whenTrue) : undefined;
      // Released on some paths: the suggestion releases under the missing condition — unless the
      // condition only asks whether the value is there, which `?.` already answers.
      const missing = verdict.releasedOnSomePath && missedWhen && !testsPresence(missedWhen.test, candidate, this.context.session) ? missedWhen : undefined;
      // Asked again at the drop, a test must answer as it did where the value was released: after
      // `if (c.isOpen) c.close()`, `if (!c.isOpen)` is true on both paths, so no edit is offered there.
      const unanswerable = missing !== undefined && !isAnsweredAgain(missing, this.context.session);
      // Only what is still owed: a record's fields released already are not released twice.
      const suggestion =
        // A value also returned to callers that keep it is theirs once returned: releasing it at the drop would hand them a dead one.
        candidate.releaseReenters || candidate.successorAt || unanswerable || verdict.discardedBy
          ? undefined
          : suggestRelease({ ...candidate, resource: owed }, sourceText, preferredFunction, missing);
      const { target } = candidate.site;
      const owingCalls = !when && !verdict.racedAt && !verdict.discardedBy ? owingCallsOf(candidate, verdict.unreleasedSlots, this.context) : undefined;
      // One call owes: reported there. Several: one report stays in the helper, where a release would
      // also run on the calls that released first, so none is suggested.
      if (owingCalls?.length === 1) {
        yield helperCallFinding(candidate, owed, owingCalls[0]!, sourceText, preferredFunction);
        continue;
      }
      const helperSuggestion = owingCalls ? undefined : suggestion;
      // Another call may fill the key during this `await` (or store a successor there, for a fired timer's removal).
      const racedAt = verdict.racedAt ?? candidate.successorAt;
      const continuation =
        !verdict.racedAt && candidate.site.storesNewValue && target.kind === 'key'
          ? continuationEmptiedBefore(candidate.site.node, candidate.site.container, target.key)
          : undefined;
      yield {
        kind: 'drop',
        node: candidate.site.node,
        text: dropText(candidate, owed, preferredFunction),
        ...(when !== undefined && { when }),
        ...(racedAt && { racedLine: lineOf(racedAt) }),
        ...(continuation && {
          racedLine: lineOf((skipOuter(continuation.expression) as ts.PropertyAccessExpression).name),
          racedByContinuation: true as const,
        }),
        ...(verdict.discardedBy && { discarded: discardedText(verdict.discardedBy, candidate.site.node) }),
        ...(candidate.kind === 'cache' && { library: candidate.library.package }),
        ...(helperSuggestion && { suggestion: helperSuggestion }),
      };
    }
  }
}

/** What a drop's message says: the owed resource, the container and how it drops. */
function dropText(candidate: DropCandidate, owed: Resource, preferredFunction: string | undefined): Extract<UnreleasedFinding, { kind: 'drop' }>['text'] {
  return {
    ...resourceText(owed, preferredFunction),
    container: shortText(candidate.containerExpression),
    operation: candidate.operation,
    ...(candidate.kind === 'cache' && { method: candidate.method }),
    ...(candidate.kind === 'container' && candidate.calledAs !== undefined && { calledAs: candidate.calledAs }),
  };
}

/** The calls of a private or protected helper that hand it a key still owed, where another call released its value first (keys.ts). */
function owingCallsOf(candidate: DropCandidate, unreleased: readonly string[], context: DropContext): OwingCall[] | undefined {
  const { site, keyExpression } = candidate;
  if (candidate.kind !== 'container' || site.target.kind !== 'key' || site.storesNewValue || keyExpression === undefined) return undefined;
  return owingCallsOfHelper(site.node, heldBy(candidate), keyExpression, unreleased, context, candidate.containerExpression);
}

/** The container a drop candidate was judged on, as the questions about its callers take it. */
function heldBy(candidate: DropCandidate): HeldResources {
  const { site } = candidate;
  return { text: { text: site.container, roots: [...site.containerRoots], impure: false }, resource: candidate.resource };
}

/**
 * The drop in a helper, reported at a call that hands it a value still owed, with the release
 * suggested before that call; none where the caller released the value on some paths already.
 */
function helperCallFinding(
  candidate: DropCandidate,
  owed: Resource,
  owing: OwingCall,
  sourceText: string,
  preferredFunction: string | undefined,
): Extract<UnreleasedFinding, { kind: 'drop' }> {
  const atCall: DropCandidate = {
    ...candidate,
    resource: owed,
    keyExpression: owing.keyExpression,
    site: { ...candidate.site, node: owing.call, target: owing.target },
  };
  const suggestion = owing.releasedOnSomePath || candidate.releaseReenters ? undefined : suggestRelease(atCall, sourceText, preferredFunction);
  return {
    kind: 'drop',
    node: owing.call,
    text: dropText(candidate, owed, preferredFunction),
    helper: calleeName(owing.call) ?? 'it',
    ...(suggestion && { suggestion }),
  };
}

/** An `if` around `node`, in its function, asking the same test as `missed` and taking the branch of the other answer. */
function isContradictedAt(node: ts.Node, missed: { test: ts.Expression; whenTrue: boolean }): boolean {
  const text = skipOuter(missed.test).getText();
  for (let child: ts.Node = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (!ts.isIfStatement(parent) || child === parent.expression || skipOuter(parent.expression).getText() !== text) continue;
    if ((child === parent.thenStatement) !== missed.whenTrue) return true;
  }
  return false;
}

/**
 * A test the drop can ask again and get the answer that released the value on the other side: a
 * const or a parameter never assigned (`graceful`), or an `if` whose releasing side runs nothing, so
 * that the answer itself settled the value (`if (child?.pid) …` where a process without an id never
 * started).
 */
function isAnsweredAgain(missed: { test: ts.Expression; whenTrue: boolean }, session: AnalysisSession): boolean {
  let e = skipOuter(missed.test);
  while (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) e = skipOuter(e.operand);
  if (ts.isIdentifier(e) && isStableName(e, session)) return true;
  const statement = missed.test.parent;
  if (!ts.isIfStatement(statement) || statement.expression !== missed.test) return false;
  const releasing = missed.whenTrue ? statement.elseStatement : statement.thenStatement;
  return releasing === undefined || !containsCall(releasing);
}

/** `if (meter)` with `const meter = meters.get(k)`, `if (meters.has(k))`: a test of whether the dropped value is there at all. */
function testsPresence(test: ts.Expression, candidate: DropCandidate, session: AnalysisSession): boolean {
  let e = skipOuter(test);
  while (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) e = skipOuter(e.operand);
  const container = shortText(candidate.containerExpression, 1000);
  const readsContainer = (expression: ts.Expression): boolean => {
    const read = skipOuter(expression);
    if (ts.isCallExpression(read) && ts.isPropertyAccessExpression(skipOuter(read.expression))) {
      return shortText((skipOuter(read.expression) as ts.PropertyAccessExpression).expression, 1000) === container;
    }
    return ts.isElementAccessExpression(read) && shortText(read.expression, 1000) === container;
  };
  if (readsContainer(e)) return true;
  return ts.isIdentifier(e) && aliasReads(e, readsContainer, session);
}

/** `const meter = meters.get(k)` in the function of the test (one reading of its bindings, kept): the name reads the container. */
function aliasReads(name: ts.Identifier, readsContainer: (expression: ts.Expression) => boolean, session: AnalysisSession): boolean {
  const bindings = bindingsIn(name.text, enclosingBody(name), session);
  return bindings.declared && bindings.values.some(readsContainer);
}

interface OverwriteInfo {
  use: CacheUse;
  releasing: ReleasingHooks;
  method: string;
  call: ts.CallExpression;
}

/** no-silent-overwrite: cache insertions whose replaced value never reaches the releasing hook. */
export class SilentOverwrites {
  readonly #drops: DropCollector<OverwriteInfo>;
  readonly #hookless: OverwriteFinding[] = [];
  readonly #untrustedLookups = new Set<string>();

  constructor(readonly context: DropContext) {
    this.#drops = new DropCollector(context.session, context.hatches.releaseFunctions);
  }

  consider(node: ts.CallExpression): void {
    const call = describeCacheCall(node, this.context);
    if (!call) return;
    if (hooklessInsertionDrops(node, call)) {
      this.#hookless.push({
        kind: 'hooklessInsertion',
        node,
        text: {
          ...resourceText(call.resource),
          method: call.method,
          container: shortText((skipOuter(node.expression) as ts.PropertyAccessExpression).expression),
          library: call.use.library.package,
          returning: call.use.library.returnsDropped.find((entry) => entry.paths.includes('overwrite'))?.method ?? 'setpop',
        },
      });
      return;
    }
    const overwrite = cacheOverwriteDrop(node, call, this.context.session);
    if (!overwrite) return;
    if (!overwrite.lookupsProveAbsence) this.#untrustedLookups.add(overwrite.site.container);
    this.#drops.add(overwrite, { use: call.use, releasing: call.releasing, method: call.method, call: node });
  }

  *findings(sourceText: string): Generator<OverwriteFinding> {
    yield* this.#hookless;
    for (const { candidate, extra, verdict } of this.#drops.verdicts(this.#untrustedLookups)) {
      if (verdict.unreleasedSlots.length === 0 || isFreshFromEveryCall(candidate, this.context)) continue;
      yield {
        kind: 'silentOverwrite',
        node: candidate.site.node,
        text: {
          ...resourceText(candidate.resource),
          method: extra.method,
          container: shortText(candidate.containerExpression),
          behaviour: describeOverwriteBehaviour(extra),
        },
        suggestions: overwriteSuggestions(candidate, extra, sourceText),
      };
    }
  }
}

/** The library's own fix: a delete that reaches the releasing hook; else a release of the previous value. */
function overwriteSuggestions(
  candidate: DropCandidate,
  info: OverwriteInfo,
  sourceText: string,
): Extract<OverwriteFinding, { kind: 'silentOverwrite' }>['suggestions'] {
  const deletePath = pathCover(info.use, 'delete', info.releasing);
  const deleteMethod = info.use.library.paths.delete.methods[0];
  if (deletePath.covered && !deletePath.libraryIsSilent && deleteMethod) {
    const insertion = suggestDeleteFirst(candidate, deleteMethod, sourceText);
    const hook = deletePath.hooks.find((id) => info.releasing.has(id));
    if (insertion && hook) return [{ kind: 'deleteFirst', deleteMethod, hook: hookText(info.use.library, hook), insertion }];
  }
  const insertion = suggestRelease(candidate, sourceText, undefined);
  return insertion ? [{ kind: 'releasePrevious', release: describeRelease(candidate.resource.release), insertion }] : [];
}

/** "node-cache emits no 'del' or 'expired' event when set() replaces a key", or the option that switches the hook off. */
function describeOverwriteBehaviour(info: OverwriteInfo): string {
  const { library } = info.use;
  const hooks = [...new Set(info.use.hooks.map((registered) => registered.hook.id))].filter((id) => info.releasing.has(id));
  const hookList = hooks.map((id) => hookText(library, id)).join(' or ');
  // The library hands the replaced value to the hook, which lets it go for this reason.
  if (!pathCover(info.use, 'overwrite', info.releasing, info.call.arguments, info.method).libraryIsSilent)
    return `its ${hookList} hook does not release the value ${info.method}() replaces`;
  if (library.paths.overwrite.coverage === 'hook') {
    const option = library.paths.overwrite.when?.find((optionCase) => optionCase.coverage === 'silent')?.option;
    return `with \`${option ?? 'these options'}\`, ${library.package} does not call ${hookList} when ${info.method}() replaces a key`;
  }
  const verb = hooks.some((id) => library.hooks.find((hook) => hook.id === id)?.registration.kind === 'event') ? 'emits no' : 'does not call';
  return `${library.package} ${verb} ${hookList} when ${info.method}() replaces a key`;
}

export type { CacheCall, DropVerdict };

/**
 * A store over a key its method's callers make fresh each time: asked last, where a report would
 * otherwise go, because it searches the program for those callers.
 */
function isFreshFromEveryCall(candidate: DropCandidate, context: DropContext): boolean {
  return (
    candidate.site.storesNewValue &&
    candidate.keyExpression !== undefined &&
    isFreshFromEveryCaller(candidate.site.node, candidate.keyExpression, context.session)
  );
}

/**
 * A removal by a key its method is given, or of every value, or a store at a constant key, where every
 * call in the program had the place released or emptied first; or a removal in a callback the
 * program's helper calls only once it has released what the callback still owes (`unreleased`). See keys.ts.
 */
function isReleasedInEveryCall(candidate: DropCandidate, context: DropContext, unreleased: readonly string[]): boolean {
  const { site, keyExpression } = candidate;
  if (candidate.kind !== 'container') return false;
  const held = heldBy(candidate);
  if (site.target.kind === 'all')
    return (
      isIndexOfListReleasedIn(enclosingBody(site.node), candidate.containerExpression, context.session) ||
      isSettledAtEveryOwnCall(site.node, held, site, context)
    );
  if (site.storesNewValue) return isEmptiedBeforeEveryRun(site.node, held, site, context);
  if (site.target.kind !== 'key' || keyExpression === undefined) return false;
  return (
    isReleasedBeforeEveryCall(site.node, held, keyExpression, site.slots, context, candidate.containerExpression) ||
    isReleasedBeforeCallback(site.node, held, keyExpression, unreleased, context)
  );
}

/** `removePane`, and `line 149` (in the drop's file) or `line 149 of \`paneview.ts\``. */
function discardedText(call: ts.CallExpression, drop: ts.Node): { by: string; at: string } {
  const file = call.getSourceFile();
  const at = file === drop.getSourceFile() ? `line ${lineOf(call)}` : `line ${lineOf(call)} of \`${file.fileName.split('/').pop()}\``;
  return { by: calleeName(call) ?? 'it', at };
}

function lineOf(node: ts.Node): number {
  const file = node.getSourceFile();
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}
