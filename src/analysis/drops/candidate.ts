/**
 * A drop candidate: one site where a container lets go of values that are resources, with what
 * it drops, what that costs, and what a suggestion needs to write the release. Either a built-in
 * container (driven by its protocol record) or a cache library's instance (driven by its record).
 */
import type ts from 'typescript';

import type { CacheLibrary } from '../caches/model.js';
import type { BuiltinContainerKind, ContainerProtocol, DropOperation } from '../containers/kinds.js';
import type { ContainerKind } from '../containers/types.js';
import type { DropSite } from '../flow/index.js';
import type { ResourceOracle } from '../resources/oracle.js';
import type { Resource } from '../resources/release.js';
import type { AnalysisSession } from '../session.js';
import type { CanonicalText } from '../syntax/expressions.js';

interface DropCommon {
  site: DropSite;
  operation: DropOperation;
  containerKind: ContainerKind;
  containerExpression: ts.Expression;
  resource: Resource;
  /** Some insertion stores the result of `setInterval`: the suggestion writes clearInterval. */
  storesIntervals: boolean;
  /** The key of a keyed drop (`delete(k)`, `set(k, v)`, `obj[k] = v`). */
  keyExpression?: ts.Expression;
  /** The value stored in place of the dropped one (`set(k, v)`, `obj[k] = v`). */
  newValue?: ts.Expression;
  /** The value a drop by value removes (`set.delete(x)`). */
  valueExpression?: ts.Expression;
  /**
   * The drop runs inside a callback that a one-shot timer schedules and that is also called
   * directly (`return run()` in a debounce): the timer's path owes only `site.slots`; each direct
   * call is judged where it is made, owing every slot.
   */
  directCalls?: { calls: readonly ts.CallExpression[]; slots: readonly string[] };
  /** The container itself may be `undefined` here (`private list?: T[]`): a loop over it is guarded. */
  containerMayBeAbsent?: true;
  /** The value's own release also calls the function the drop is in: a release written here would recurse. */
  releaseReenters?: true;
  /**
   * A fired one-shot timer's callback removes its key after this `await`: what it may drop is a
   * successor another call stored meanwhile, live and not this code's to release.
   */
  successorAt?: ts.AwaitExpression;
}

/** A built-in container (Map, Set, array, object map…): what drops is read from its protocol record. */
export interface ContainerDrop extends DropCommon {
  kind: 'container';
  protocol: ContainerProtocol;
  /** A storage class's own name for the dropping method (`forget` for `delete`). */
  calledAs?: string;
}

/** A cache library's instance: what drops, and which hook sees it, is read from the library's record. */
export interface CacheDrop extends DropCommon {
  kind: 'cache';
  library: CacheLibrary;
  /** The library method called: `set`, `del`, `flushAll`. */
  method: string;
}

export type DropCandidate = ContainerDrop | CacheDrop;

/** A container whose values are resources, as a drop site's receiver names it. */
export interface ContainerOfResources {
  kind: BuiltinContainerKind;
  protocol: ContainerProtocol;
  resource: Resource;
  valueType: ts.Type;
  text: CanonicalText;
  storesIntervals: boolean;
}

/** What every drop question needs: the program's session and its resource oracle for these options. */
export interface DropContext {
  session: AnalysisSession;
  resources: ResourceOracle;
  /** What the user told the rule about their code. */
  hatches: EscapeHatches;
}

/** The options users set where the program alone cannot tell: release helpers, lending calls, containers to leave alone. */
export interface EscapeHatches {
  releaseFunctions: ReadonlySet<string>;
  lendingCalls: ReadonlySet<string>;
  ignoredContainers: ReadonlySet<string>;
  /** 'evident' (the default): leave out a value made for an id where nothing shows the key may be taken. */
  overwrites: 'evident' | 'possible';
}

/** `registry`, `this.registry`, `app.registry`: a container the user said to leave alone, by its last name. */
export function isIgnored(container: CanonicalText, context: DropContext): boolean {
  if (context.hatches.ignoredContainers.size === 0) return false;
  const name = /(?:^|\.)([^.[\]]+)$/.exec(container.text)?.[1];
  return name !== undefined && context.hatches.ignoredContainers.has(name);
}
