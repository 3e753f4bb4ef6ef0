import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { hookText, pathCover, type CacheUse } from '../analysis/cacheUse.js';
import { DropCollector } from '../analysis/dropAnalysis.js';
import { cacheOverwriteDrop, describeCacheCall, hooklessInsertionDrops, isCandidateCallName, type DropCandidate } from '../analysis/drops.js';
import { shortText, skipOuter } from '../analysis/expressions.js';
import type { DropVerdict } from '../analysis/paths.js';
import { becauseText, describeRelease } from '../analysis/resources.js';
import { dropAnalysisFor } from '../analysis/session.js';
import { insertionFixes, suggestDeleteFirst, suggestRelease, type Insertion } from '../analysis/suggestions.js';
import { createRule } from '../util/createRule.js';
import { defaultResourceRuleOptions, resourceOptionsSchema, type ResourceRuleOptions } from '../util/resourceOptions.js';

export type Options = [ResourceRuleOptions];
export type MessageIds = 'silentOverwrite' | 'hooklessInsertion' | 'deleteFirst' | 'releasePrevious';

interface OverwriteInfo {
  use: CacheUse;
  releasing: ReadonlySet<string>;
  method: string;
  call: ts.CallExpression;
}

export default createRule<Options, MessageIds>({
  name: 'no-silent-overwrite',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow cache insertions that replace a resource the cache's eviction hook never sees",
      recommended: true,
      requiresTypeChecking: true,
    },
    messages: {
      silentOverwrite: '{{type}} replaced by `{{method}}()` in `{{container}}` never reaches {{release}}{{because}}: {{behaviour}}.',
      hooklessInsertion:
        '{{type}} displaced or evicted by `{{method}}()` in `{{container}}` never reaches {{release}}{{because}}: {{library}} has no eviction hook; use `{{returning}}()` and release the value it returns.',
      deleteFirst: 'Call `{{deleteMethod}}()` first, so that {{hook}} releases the previous value.',
      releasePrevious: 'Call {{release}} on the previous value first.',
    },
    schema: [resourceOptionsSchema],
    defaultOptions: [defaultResourceRuleOptions],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { services, session, dropContext } = dropAnalysisFor(context, options);
    const drops = new DropCollector<OverwriteInfo>(session);
    const untrustedLookups = new Set<string>();

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (!isCandidateCallName(callee.property.name)) return;
        const tsNode = services.esTreeNodeToTSNodeMap.get(node);
        const call = describeCacheCall(tsNode, dropContext);
        if (!call) return;
        if (hooklessInsertionDrops(tsNode, call)) {
          const returning = call.use.library.returnsDropped.find((entry) => entry.paths.includes('overwrite'))?.method ?? 'setpop';
          context.report({
            node,
            messageId: 'hooklessInsertion',
            data: {
              type: call.resource.typeName,
              method: call.method,
              container: shortText((skipOuter(tsNode.expression) as ts.PropertyAccessExpression).expression),
              release: describeRelease(call.resource.release),
              because: becauseText(call.resource),
              library: call.use.library.package,
              returning,
            },
          });
          return;
        }
        const overwrite = cacheOverwriteDrop(tsNode, call);
        if (!overwrite) return;
        if (!overwrite.lookupsProveAbsence) untrustedLookups.add(overwrite.site.container);
        drops.add(overwrite, { use: call.use, releasing: call.releasing, method: call.method, call: tsNode });
      },
      'Program:exit'() {
        for (const { candidate, extra, verdict } of drops.verdicts(untrustedLookups)) report(context, services.tsNodeToESTreeNodeMap, candidate, extra, verdict);
      },
    };
  },
});

/** "node-cache emits no 'del' or 'expired' event when set() replaces a key", or the option that switches the hook off. */
function describeBehaviour(info: OverwriteInfo): string {
  const { library } = info.use;
  const hooks = [...new Set(info.use.hooks.map((registered) => registered.hook.id))].filter((id) => info.releasing.has(id));
  const hookList = hooks.map((id) => hookText(library, id)).join(' or ');
  const byDefault = library.paths.overwrite.coverage === 'hook';
  if (byDefault) {
    const option = library.paths.overwrite.when?.find((optionCase) => optionCase.coverage === 'silent')?.option;
    return `with \`${option ?? 'these options'}\`, ${library.package} does not call ${hookList} when ${info.method}() replaces a key`;
  }
  const verb = hooks.some((id) => library.hooks.find((hook) => hook.id === id)?.registration.kind === 'event') ? 'emits no' : 'does not call';
  return `${library.package} ${verb} ${hookList} when ${info.method}() replaces a key`;
}

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined },
  candidate: DropCandidate,
  info: OverwriteInfo,
  verdict: DropVerdict,
): void {
  if (verdict.unreleasedSlots.length === 0) return;
  const node = tsNodeToESTreeNodeMap.get(candidate.site.node);
  if (!node) return;
  const release = describeRelease(candidate.resource.release);
  const suggestions: { messageId: MessageIds; data: Record<string, string>; insertion: Insertion }[] = [];
  // The library's own fix: a delete that reaches the releasing hook, else a release of the previous value.
  const deletePath = pathCover(info.use, 'delete', info.releasing);
  const deleteMethod = info.use.library.paths.delete.methods[0];
  if (deletePath.covered && !deletePath.libraryIsSilent && deleteMethod) {
    const insertion = suggestDeleteFirst(candidate, deleteMethod, context.sourceCode.text);
    const hook = deletePath.hooks.find((id) => info.releasing.has(id));
    if (insertion && hook) suggestions.push({ messageId: 'deleteFirst', data: { deleteMethod, hook: hookText(info.use.library, hook) }, insertion });
  }
  if (suggestions.length === 0) {
    const insertion = suggestRelease(candidate, context.sourceCode.text, undefined);
    if (insertion) suggestions.push({ messageId: 'releasePrevious', data: { release }, insertion });
  }
  context.report({
    node,
    messageId: 'silentOverwrite',
    data: {
      type: candidate.resource.typeName,
      method: info.method,
      container: shortText(candidate.containerExpression),
      release,
      because: becauseText(candidate.resource),
      behaviour: describeBehaviour(info),
    },
    suggest: suggestions.map(({ messageId, data, insertion }) => ({
      messageId,
      data,
      fix: (fixer: TSESLint.RuleFixer) => insertionFixes(fixer, insertion),
    })),
  });
}
