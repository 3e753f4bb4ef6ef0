import type { TSESLint } from '@typescript-eslint/utils';

import {
  missingNodeTypes,
  suggestionFix,
  unreleasedDrops,
  type DropOperation,
  type EvictionPath,
  type Located,
  type UnreleasedFinding,
} from '../analysis/index.js';
import { createRule } from '../util/createRule.js';
import { defaultStopOnEvictOptions, stopOnEvictOptionsSchema, type StopOnEvictOptions } from '../util/resourceOptions.js';
import { MISSING_NODE_TYPES_MESSAGE } from '../util/typedServices.js';

export type Options = [StopOnEvictOptions];
export type MessageIds =
  | 'unreleasedDrop'
  | 'unreleasedDropWhen'
  | 'unreleasedDropAfterAwait'
  | 'unreleasedDropAfterThen'
  | 'unreleasedRemovalAfterAwait'
  | 'unreleasedDropDiscarded'
  | 'unreleasedDropInHelper'
  | 'unreleasedCacheDrop'
  | 'cacheDropsResources'
  | 'releaseBeforeDrop'
  | 'missingNodeTypes';

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
  filter: 'rebuilding it with `filter()`',
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
      unreleasedDrop: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}.',
      unreleasedDropWhen: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}} when {{when}}.',
      unreleasedDropAfterAwait:
        '{{type}} in `{{container}}` is replaced by {{replacement}} without {{release}} if another call fills the key at the `await` on line {{line}}.',
      unreleasedDropAfterThen:
        '{{type}} in `{{container}}` is replaced by {{replacement}} without {{release}} if another call fills the key before the `.then()` callback on line {{line}} runs.',
      unreleasedRemovalAfterAwait:
        '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}} if another call fills the key at the `await` on line {{line}}.',
      unreleasedDropDiscarded:
        '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}: `{{function}}()` returns it, and the call on {{at}} throws it away.',
      unreleasedDropInHelper: '{{type}} in `{{container}}` is dropped by {{operation}} in `{{helper}}()`, called here without {{release}}.',
      unreleasedCacheDrop: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}: {{library}} calls no releasing hook there.',
      cacheDropsResources: '{{type}} values in `{{container}}` ({{library}}) are dropped on {{paths}} without {{release}}: {{why}}.',
      releaseBeforeDrop: 'Release the dropped value first: {{release}}.',
      missingNodeTypes: MISSING_NODE_TYPES_MESSAGE,
    },
    schema: [stopOnEvictOptionsSchema],
    defaultOptions: [defaultStopOnEvictOptions],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const analysis = unreleasedDrops(context, options);
    return {
      CallExpression(node) {
        if (analysis.isCandidateCall(node)) analysis.consider(node);
      },
      AssignmentExpression(node) {
        if (node.operator === '=' && (node.left.type === 'MemberExpression' || node.left.type === 'Identifier')) analysis.consider(node);
      },
      UnaryExpression(node) {
        if (node.operator === 'delete' && node.argument.type === 'MemberExpression' && node.argument.computed) analysis.consider(node);
      },
      'Program:exit'() {
        const withoutNodeTypes = missingNodeTypes(context);
        if (withoutNodeTypes) context.report({ node: withoutNodeTypes, messageId: 'missingNodeTypes' });
        for (const finding of analysis.findings()) report(context, finding);
      },
    };
  },
});

function report(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, finding: Located<UnreleasedFinding>): void {
  if (finding.kind === 'construction') {
    const { text } = finding;
    const { problem } = text;
    const hooks = problem.reason === 'copies' ? '' : problem.hooks.map((hook) => `\`${hook}\``).join(problem.reason === 'noHook' ? ' or ' : ' and ');
    const why =
      problem.reason === 'copies'
        ? text.copies
        : problem.reason === 'noHookInLibrary'
          ? 'the library has no eviction hook'
          : problem.reason === 'librarySilent'
            ? 'the library calls no hook there'
            : problem.reason === 'noHook'
              ? `no ${hooks} hook releases them`
              : `its ${hooks} hook does not release them there`;
    context.report({
      node: finding.node,
      messageId: 'cacheDropsResources',
      data: {
        type: text.type,
        container: text.container,
        library: text.library,
        // A copying cache loses the value on every path; naming them all would only lengthen the line.
        paths: problem.reason === 'copies' ? 'every path' : problem.paths.map((path) => PATH_TEXT[path]).join(', '),
        release: text.release,
        why,
      },
    });
    return;
  }
  const { text } = finding;
  const data = {
    type: text.type,
    container: text.container,
    operation:
      text.method !== undefined
        ? `\`${text.method}()\``
        : text.calledAs !== undefined
          ? OPERATION_TEXT[text.operation].replace(/^`\w+\(\)`/, `\`${text.calledAs}()\``)
          : OPERATION_TEXT[text.operation],
    release: text.release,
  };
  context.report({
    node: finding.node,
    ...(finding.library !== undefined
      ? { messageId: 'unreleasedCacheDrop' as const, data: { ...data, library: finding.library } }
      : finding.racedLine !== undefined
        ? text.operation === 'set' || text.operation === 'assign'
          ? {
              messageId: finding.racedByContinuation ? ('unreleasedDropAfterThen' as const) : ('unreleasedDropAfterAwait' as const),
              data: { ...data, replacement: text.operation === 'set' ? `\`${text.calledAs ?? 'set'}()\`` : 'assignment', line: String(finding.racedLine) },
            }
          : { messageId: 'unreleasedRemovalAfterAwait' as const, data: { ...data, line: String(finding.racedLine) } }
        : finding.helper !== undefined
          ? { messageId: 'unreleasedDropInHelper' as const, data: { ...data, helper: finding.helper } }
          : finding.discarded !== undefined
            ? { messageId: 'unreleasedDropDiscarded' as const, data: { ...data, function: finding.discarded.by, at: finding.discarded.at } }
            : finding.when !== undefined
              ? { messageId: 'unreleasedDropWhen' as const, data: { ...data, when: finding.when } }
              : { messageId: 'unreleasedDrop' as const, data }),
    suggest: finding.suggestion ? [{ messageId: 'releaseBeforeDrop', data: { release: text.release }, fix: suggestionFix(finding.suggestion) }] : [],
  });
}
