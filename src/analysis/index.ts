/**
 * The door: the only analysis module a rule imports. It turns a rule's context and options into
 * the program's analysis session, takes ESTree nodes from the rule's selectors, and hands back
 * findings on ESTree nodes — what to report and what a suggestion would insert. Everything behind
 * it works on TypeScript's AST and checker.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { defaultResourceRuleOptions, defaultStopOnEvictOptions, type ResourceRuleOptions, type StopOnEvictOptions } from '../util/resourceOptions.js';
import { getTypedServices } from '../util/typedServices.js';
import { CACHE_METHODS } from './drops/cacheDrops.js';
import type { DropContext } from './drops/candidate.js';
import { SilentOverwrites, UnreleasedDrops, type OverwriteFinding, type UnreleasedFinding } from './drops/findings.js';
import { insertionFixes, type Insertion } from './drops/suggestions.js';
import { CONTAINER_PROTOCOLS } from './containers/kinds.js';
import { storageClasses } from './containers/storageClasses.js';
import { nodeUseWithoutNodeTypes } from './resources/nodeTypes.js';
import { getResourceOracle } from './resources/oracle.js';
import { memoValue, sessionOf } from './session.js';

export type { EvictionPath } from './caches/model.js';
export type { ConstructionProblem } from './caches/use.js';
export type { DropOperation } from './containers/kinds.js';
export type { OverwriteFinding, ResourceText, UnreleasedFinding } from './drops/findings.js';
export type { Insertion } from './drops/suggestions.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Every method name that can drop a value from a built-in container or a cache: the rules' first, syntactic filter. */
const CANDIDATE_METHODS: ReadonlySet<string> = new Set([
  ...Object.values(CONTAINER_PROTOCOLS).flatMap((protocol) => Object.keys(protocol.drops)),
  ...CACHE_METHODS,
]);

/** `x.delete(…)`, `x.set(…)`, `x.flushAll()`: a call worth asking about, decided from its name alone. */
export function isDroppingCall(node: TSESTree.CallExpression): boolean {
  const name = calledName(node);
  return name !== undefined && CANDIDATE_METHODS.has(name);
}

function calledName(node: TSESTree.CallExpression): string | undefined {
  const callee = node.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
}

/** A finding moved onto the rule's ESTree node. */
export type Located<F extends { node: ts.Node }> = F extends unknown ? Omit<F, 'node'> & { node: TSESTree.Node } : never;

interface FileAnalysis {
  services: ReturnType<typeof getTypedServices>;
  context: DropContext;
}

function fileAnalysis(context: RuleContext, options: StopOnEvictOptions): FileAnalysis {
  const services = getTypedServices(context);
  const session = sessionOf(services.program);
  const defaults = defaultResourceRuleOptions;
  const resources = getResourceOracle(session, {
    resources: options.resources ?? defaults.resources,
    nameRules: options.nameRules ?? defaults.nameRules,
    inference: options.inference ?? defaults.inference,
  });
  const hatches = {
    releaseFunctions: new Set(options.releaseFunctions ?? defaults.releaseFunctions),
    lendingCalls: new Set(options.lendingCalls ?? defaults.lendingCalls),
    ignoredContainers: new Set(options.ignoredContainers ?? defaults.ignoredContainers),
    overwrites: options.overwrites ?? defaultStopOnEvictOptions.overwrites,
  };
  return { services, context: { session, resources, hatches } };
}

function locate<F extends { node: ts.Node }>(finding: F, services: FileAnalysis['services']): Located<F> | undefined {
  const node = services.tsNodeToESTreeNodeMap.get(finding.node);
  return node ? ({ ...finding, node } as unknown as Located<F>) : undefined;
}

/** stop-on-evict's analysis of one file: hand it every candidate site, then read its findings at `Program:exit`. */
export function unreleasedDrops(
  context: RuleContext,
  options: StopOnEvictOptions,
): {
  consider(node: TSESTree.Node): void;
  /** A call worth asking about: a built-in's or a cache's dropping name, or one of the program's own storage classes' (`forget(key)`). */
  isCandidateCall(node: TSESTree.CallExpression): boolean;
  findings(): Generator<Located<UnreleasedFinding>>;
} {
  const { services, context: dropContext } = fileAnalysis(context, options);
  const analysis = new UnreleasedDrops(dropContext, services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast));
  return {
    consider: (node) => analysis.consider(services.esTreeNodeToTSNodeMap.get(node)),
    isCandidateCall: (node) => {
      const name = calledName(node);
      return name !== undefined && (CANDIDATE_METHODS.has(name) || storageClasses(dropContext.session).droppingMethods.has(name));
    },
    *findings() {
      for (const finding of analysis.findings(context.sourceCode.text)) {
        const located = locate(finding, services);
        if (located) yield located;
      }
    },
  };
}

/** no-silent-overwrite's analysis of one file. */
export function silentOverwrites(
  context: RuleContext,
  options: ResourceRuleOptions,
): {
  consider(node: TSESTree.CallExpression): void;
  findings(): Generator<Located<OverwriteFinding>>;
} {
  const { services, context: dropContext } = fileAnalysis(context, options);
  const analysis = new SilentOverwrites(dropContext);
  return {
    consider: (node) => analysis.consider(services.esTreeNodeToTSNodeMap.get(node)),
    *findings() {
      for (const finding of analysis.findings(context.sourceCode.text)) {
        const located = locate(finding, services);
        if (located) yield located;
      }
    },
  };
}

const WARNED_OF_NODE_TYPES = memoValue('door.warnedOfNodeTypes', () => new Set<string>());

/**
 * Where to say, once per program and rule, that the program has no Node types (so every timer and
 * handle is `any` and nothing can be found): the file's first use of Node, or undefined.
 */
export function missingNodeTypes(context: RuleContext): TSESTree.Node | undefined {
  const services = getTypedServices(context);
  const session = sessionOf(services.program);
  const warned = session.value(WARNED_OF_NODE_TYPES);
  if (warned.has(context.id)) return undefined;
  const use = nodeUseWithoutNodeTypes(services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast), session);
  const node = use && services.tsNodeToESTreeNodeMap.get(use);
  if (node) warned.add(context.id);
  return node;
}

/** The edits a suggestion makes. */
export function suggestionFix(insertion: Insertion): TSESLint.ReportFixFunction {
  return (fixer) => insertionFixes(fixer, insertion);
}
