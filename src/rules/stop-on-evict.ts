import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { EvictionPath } from '../analysis/caches.js';
import { describeCopies, type CacheUse, type ConstructionProblem } from '../analysis/cacheUse.js';
import { DropCollector } from '../analysis/dropAnalysis.js';
import { cacheRemovalDrop, describeCacheCall, describeDrop, isCandidateCallName, type DropCandidate, type DropOperation } from '../analysis/drops.js';
import { shortText } from '../analysis/expressions.js';
import type { DropVerdict } from '../analysis/paths.js';
import { becauseText, describeRelease, type Resource } from '../analysis/resources.js';
import { dropAnalysisFor } from '../analysis/session.js';
import { describeCondition, insertionFixes, suggestRelease } from '../analysis/suggestions.js';
import { createRule } from '../util/createRule.js';
import { defaultResourceRuleOptions, resourceOptionsSchema, type ResourceRuleOptions } from '../util/resourceOptions.js';

export type Options = [ResourceRuleOptions];
export type MessageIds = 'unreleasedDrop' | 'unreleasedDropWhen' | 'unreleasedCacheDrop' | 'cacheDropsResources' | 'releaseBeforeDrop';

export const OPERATION_TEXT: Record<DropOperation, string> = {
  delete: '`delete()`',
  clear: '`clear()`',
  set: '`set()` over an existing key',
  splice: '`splice()`',
  pop: '`pop()`',
  shift: '`shift()`',
  assign: 'assignment over an existing key',
  deleteOperator: 'the `delete` operator',
  truncate: '`length = 0`',
  reassign: 'reassigning the container',
};

const PATH_TEXT: Record<EvictionPath, string> = {
  overwrite: 'overwrite',
  sameValue: 'same-value set',
  delete: 'delete',
  clear: 'clear',
  expiry: 'expiry',
  sizeEviction: 'size eviction',
};

export default createRule<Options, MessageIds>({
  name: 'stop-on-evict',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require resources kept in a Map, Set, object map, array or cache to be released on every path that drops them',
      recommended: true,
      requiresTypeChecking: true,
    },
    messages: {
      unreleasedDrop: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}{{because}}.',
      unreleasedDropWhen: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}} when {{when}}{{because}}.',
      unreleasedCacheDrop: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}{{because}}: {{library}} calls no hook that releases it there.',
      cacheDropsResources: '{{type}} values in this {{library}} cache are dropped on {{paths}} without {{release}}{{because}}: {{why}}.',
      releaseBeforeDrop: 'Call {{release}} on the dropped value first.',
    },
    schema: [resourceOptionsSchema],
    defaultOptions: [defaultResourceRuleOptions],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { services, session, dropContext } = dropAnalysisFor(context, options);
    const drops = new DropCollector(session);
    const reportedConstructions = new Set<ts.Node>();
    const sourceFile = services.program.getSourceFile(context.filename);

    const consider = (node: TSESTree.Node): void => {
      const tsNode = services.esTreeNodeToTSNodeMap.get(node);
      const candidate = describeDrop(tsNode, dropContext);
      if (candidate) {
        drops.add(candidate, undefined);
        return;
      }
      if (!ts.isCallExpression(tsNode)) return;
      const call = describeCacheCall(tsNode, dropContext);
      if (!call) return;
      const { construction } = call.use;
      if (call.constructionProblem && construction && construction.getSourceFile() === sourceFile && !reportedConstructions.has(construction)) {
        reportedConstructions.add(construction);
        const constructionNode = services.tsNodeToESTreeNodeMap.get(construction);
        if (constructionNode) reportConstruction(context, constructionNode, call.use, call.resource, call.constructionProblem);
      }
      const removal = cacheRemovalDrop(tsNode, call);
      if (removal) drops.add(removal, undefined);
    };

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (!isCandidateCallName(callee.property.name)) return;
        consider(node);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const left = node.left;
        if (left.type === 'MemberExpression' || left.type === 'Identifier') consider(node);
      },
      UnaryExpression(node) {
        if (node.operator === 'delete' && node.argument.type === 'MemberExpression' && node.argument.computed) consider(node);
      },
      'Program:exit'() {
        for (const { candidate, verdict } of drops.verdicts()) report(context, services.tsNodeToESTreeNodeMap, candidate, verdict);
      },
    };
  },
});

function reportConstruction(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  node: TSESTree.Node,
  use: CacheUse,
  resource: Resource,
  problem: ConstructionProblem,
): void {
  const library = use.library.package;
  const why =
    problem.reason === 'copies'
      ? describeCopies(use)
      : problem.reason === 'noHookInLibrary'
        ? `${library} has no hook that receives dropped values`
        : problem.reason === 'librarySilent'
          ? `${library} calls no hook on ${problem.paths.map((path) => PATH_TEXT[path]).join(' or ')}`
          : problem.reason === 'noHook'
            ? `no ${problem.hooks.map((hook) => `\`${hook}\``).join(' or ')} hook releases them`
            : `its ${problem.hooks.map((hook) => `\`${hook}\``).join(' and ')} hook does not release them on every path`;
  context.report({
    node,
    messageId: 'cacheDropsResources',
    data: {
      type: resource.typeName,
      library,
      paths: problem.paths.map((path) => PATH_TEXT[path]).join(', '),
      release: describeRelease(resource.release),
      because: becauseText(resource),
      why,
    },
  });
}

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined },
  candidate: DropCandidate,
  verdict: DropVerdict,
): void {
  if (verdict.unreleasedSlots.length === 0) return;
  const node = tsNodeToESTreeNodeMap.get(candidate.site.node);
  if (!node) return;
  const preferredFunction = candidate.storesIntervals ? 'clearInterval' : undefined;
  const { resource } = candidate;
  const release =
    resource.release.kind === 'fields'
      ? describeRelease({ kind: 'fields', fields: resource.release.fields.filter((field) => verdict.unreleasedSlots.includes(field.name)) }, preferredFunction)
      : describeRelease(resource.release, preferredFunction);
  const operation = candidate.cache ? `\`${(candidate.site.node as ts.CallExpression).expression.getText().split('.').pop()}()\`` : OPERATION_TEXT[candidate.operation];
  const data = {
    type: resource.typeName,
    container: shortText(candidate.containerExpression),
    operation,
    release,
    because: becauseText(resource),
  };
  const when = verdict.releasedOnSomePath && verdict.missedWhen ? describeCondition(verdict.missedWhen.test, verdict.missedWhen.whenTrue) : undefined;
  const suggestion = suggestRelease(candidate, context.sourceCode.text, preferredFunction);
  context.report({
    node,
    ...(candidate.cache
      ? { messageId: 'unreleasedCacheDrop' as const, data: { ...data, library: candidate.cache.package } }
      : when
        ? { messageId: 'unreleasedDropWhen' as const, data: { ...data, when } }
        : { messageId: 'unreleasedDrop' as const, data }),
    suggest: suggestion
      ? [
          {
            messageId: 'releaseBeforeDrop',
            data: { release },
            fix: (fixer) => insertionFixes(fixer, suggestion),
          },
        ]
      : [],
  });
}
