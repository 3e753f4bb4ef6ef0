import type { TSESLint } from '@typescript-eslint/utils';

import { isDroppingCall, missingNodeTypes, silentOverwrites, suggestionFix, type Located, type OverwriteFinding } from '../analysis/index.js';
import { createRule } from '../util/createRule.js';
import { defaultResourceRuleOptions, resourceOptionsSchema, type ResourceRuleOptions } from '../util/resourceOptions.js';
import { MISSING_NODE_TYPES_MESSAGE } from '../util/typedServices.js';

export type Options = [ResourceRuleOptions];
export type MessageIds = 'silentOverwrite' | 'hooklessInsertion' | 'deleteFirst' | 'releasePrevious' | 'missingNodeTypes';

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
      silentOverwrite: '{{type}} replaced by `{{method}}()` in `{{container}}` never reaches {{release}}: {{behaviour}}.',
      hooklessInsertion: '{{type}} displaced by `{{method}}()` in `{{container}}` never reaches {{release}}: {{library}} has no hook; use `{{returning}}()`.',
      deleteFirst: 'Call `{{deleteMethod}}()` first, so that {{hook}} releases the previous value.',
      releasePrevious: 'Call {{release}} on the previous value first.',
      missingNodeTypes: MISSING_NODE_TYPES_MESSAGE,
    },
    schema: [resourceOptionsSchema],
    defaultOptions: [defaultResourceRuleOptions],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const analysis = silentOverwrites(context, options);
    return {
      CallExpression(node) {
        if (isDroppingCall(node)) analysis.consider(node);
      },
      'Program:exit'() {
        const withoutNodeTypes = missingNodeTypes(context);
        if (withoutNodeTypes) context.report({ node: withoutNodeTypes, messageId: 'missingNodeTypes' });
        for (const finding of analysis.findings()) report(context, finding);
      },
    };
  },
});

function report(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, finding: Located<OverwriteFinding>): void {
  if (finding.kind === 'hooklessInsertion') {
    context.report({ node: finding.node, messageId: 'hooklessInsertion', data: { ...finding.text } });
    return;
  }
  const { text } = finding;
  context.report({
    node: finding.node,
    messageId: 'silentOverwrite',
    data: { type: text.type, method: text.method, container: text.container, release: text.release, behaviour: text.behaviour },
    suggest: finding.suggestions.map((suggestion) =>
      suggestion.kind === 'deleteFirst'
        ? {
            messageId: 'deleteFirst' as const,
            data: { deleteMethod: suggestion.deleteMethod, hook: suggestion.hook },
            fix: suggestionFix(suggestion.insertion),
          }
        : { messageId: 'releasePrevious' as const, data: { release: suggestion.release }, fix: suggestionFix(suggestion.insertion) },
    ),
  });
}
