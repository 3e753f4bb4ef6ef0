import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { type DropCandidate, type DropOperation, describeDrop, isCandidateCallName } from '../analysis/drops.js';
import { canonical, enclosingBody, shortText, skipOuter } from '../analysis/expressions.js';
import { analyzeDrops, type DropVerdict } from '../analysis/paths.js';
import { describeRelease, getResourceOracle, releaseStatements, type ResourceTypeOption } from '../analysis/resources.js';
import { getAnalysisSession } from '../analysis/session.js';
import { createRule } from '../util/createRule.js';
import { getTypedServices } from '../util/typedServices.js';

export type Options = [
  {
    resources?: ResourceTypeOption[];
    nameRules?: boolean;
  },
];
export type MessageIds = 'unreleasedDrop' | 'unreleasedDropWhen' | 'releaseBeforeDrop';

const OPERATION_TEXT: Record<DropOperation, string> = {
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

export default createRule<Options, MessageIds>({
  name: 'stop-on-evict',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require resources kept in a Map, Set, object map or array to be released on every path that drops them',
      recommended: true,
      requiresTypeChecking: true,
    },
    messages: {
      unreleasedDrop: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}}.',
      unreleasedDropWhen: '{{type}} in `{{container}}` is dropped by {{operation}} without {{release}} when {{when}}.',
      releaseBeforeDrop: 'Call {{release}} on the dropped value first.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        description: 'Which types are resources.',
        properties: {
          resources: {
            type: 'array',
            description: 'Extra resource types, each with the method that releases it.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'release'],
              properties: {
                type: {
                  ...typeOrValueSpecifiersSchema.items,
                  description: 'The type, as a TypeOrValueSpecifier: a name, or `{ from: "package", package, name }`, `{ from: "file", name, path }`, `{ from: "lib", name }`.',
                },
                release: {
                  type: 'string',
                  minLength: 1,
                  description: 'The method that releases a value of this type, called with no arguments.',
                },
              },
            },
          },
          nameRules: {
            type: 'boolean',
            description: 'Treat a type with a method such as stop(), dispose() or close() that takes no arguments and returns nothing as a resource.',
          },
        },
      },
    ],
    defaultOptions: [{ resources: [], nameRules: true }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const services = getTypedServices(context);
    const { program } = services;
    const checker = program.getTypeChecker();
    const resources = getResourceOracle(program, { resources: options.resources ?? [], nameRules: options.nameRules ?? true });
    const session = getAnalysisSession(program);
    const dropContext = { checker, program, resources };
    const candidatesByBody = new Map<ts.Node, DropCandidate[]>();

    const consider = (node: TSESTree.Node): void => {
      const tsNode = services.esTreeNodeToTSNodeMap.get(node);
      const candidate = describeDrop(tsNode, dropContext);
      if (!candidate) return;
      const body = enclosingBody(tsNode);
      const list = candidatesByBody.get(body);
      if (list) list.push(candidate);
      else candidatesByBody.set(body, [candidate]);
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
        for (const [body, candidates] of candidatesByBody) {
          const verdicts = analyzeDrops(
            body,
            candidates.map((candidate) => candidate.site),
            { vocabulary: session.vocabularyFor(candidates.map((candidate) => candidate.resource)), resolver: session.resolver },
            session.summaries,
          );
          candidates.forEach((candidate, index) => report(context, services.tsNodeToESTreeNodeMap, candidate, verdicts[index]!));
        }
      },
    };
  },
});

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
  const data = {
    type: resource.typeName,
    container: shortText(candidate.containerExpression),
    operation: OPERATION_TEXT[candidate.operation],
    release,
  };
  const when = verdict.releasedOnSomePath && verdict.missedWhen ? describeCondition(verdict.missedWhen.test, verdict.missedWhen.whenTrue) : undefined;
  const suggestion = suggestRelease(candidate, context.sourceCode.text, preferredFunction);
  context.report({
    node,
    messageId: when ? 'unreleasedDropWhen' : 'unreleasedDrop',
    data: when ? { ...data, when } : data,
    suggest: suggestion
      ? [
          {
            messageId: 'releaseBeforeDrop',
            data: { release },
            fix: (fixer) => fixer.insertTextBeforeRange([suggestion.at, suggestion.at], suggestion.text),
          },
        ]
      : [],
  });
}

/** "`graceful` is false" for a release that happens only when `graceful` is true. */
function describeCondition(test: ts.Expression, missedWhenTrue: boolean): string {
  let expression = skipOuter(test);
  let whenTrue = missedWhenTrue;
  while (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    expression = skipOuter(expression.operand);
    whenTrue = !whenTrue;
  }
  return `\`${shortText(expression)}\` is ${whenTrue ? 'true' : 'false'}`;
}

/**
 * Inserts the release before the statement that drops the value, when that statement
 * stands in a statement list, evaluates the drop unconditionally, and the container,
 * key and new value can be named again without side effects.
 */
function suggestRelease(candidate: DropCandidate, sourceText: string, preferredFunction: string | undefined): { at: number; text: string } | undefined {
  const statement = candidate.site.node.parent;
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  const list = statement.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list) && !ts.isCaseClause(list) && !ts.isDefaultClause(list) && !ts.isModuleBlock(list)) return undefined;
  const container = canonical(candidate.containerExpression);
  if (!container || container.impure) return undefined;
  const { resource, operation, containerKind } = candidate;
  const containerText = candidate.containerExpression.getText();

  let lines: string[];
  if (candidate.site.target.kind === 'all') {
    if (operation === 'splice') return undefined;
    const valueName = freshName(enclosingBody(candidate.site.node).getText(), ['value', 'resource', 'entry', 'item']);
    const iterable =
      containerKind === 'Map' ? `${containerText}.values()` : containerKind === 'ObjectMap' ? `Object.values(${containerText})` : containerText;
    const releases = releaseStatements(resource.release, valueName, { optional: false, ...(preferredFunction && { preferredFunction }) });
    lines = [`for (const ${valueName} of ${iterable}) ${releases.length === 1 ? releases[0] : `{ ${releases.join(' ')} }`}`];
  } else if (candidate.site.target.kind === 'value') {
    if (operation !== 'delete' || !candidate.valueExpression) return undefined;
    lines = releaseStatements(resource.release, candidate.valueExpression.getText(), { optional: false, ...(preferredFunction && { preferredFunction }) });
  } else {
    if (!candidate.keyExpression || operation === 'splice' || operation === 'pop' || operation === 'shift') return undefined;
    const key = canonical(candidate.keyExpression);
    if (!key || key.impure) return undefined;
    const keyText = candidate.keyExpression.getText();
    const stored = containerKind === 'Map' || containerKind === 'WeakMap' ? `${containerText}.get(${keyText})` : `${containerText}[${keyText}]`;
    const releases = releaseStatements(resource.release, stored, { optional: true, ...(preferredFunction && { preferredFunction }) });
    if (candidate.newValue && !isFreshlyCreated(candidate.newValue)) {
      // A replaced value is released only when it is not the value being stored again.
      const newValue = canonical(candidate.newValue);
      if (!newValue || newValue.impure) return undefined;
      const body = releases.length === 1 ? releases[0]! : `{ ${releases.join(' ')} }`;
      lines = [`if (${stored} !== ${candidate.newValue.getText()}) ${body}`];
    } else {
      lines = releases;
    }
  }
  const start = statement.getStart();
  const lineStart = sourceText.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(sourceText.slice(lineStart, start))?.[0] ?? '';
  return { at: start, text: lines.map((line) => `${line}\n${indent}`).join('') };
}

function isFreshlyCreated(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isNewExpression(e) || ts.isCallExpression(e) || ts.isObjectLiteralExpression(e) || (ts.isAwaitExpression(e) && isFreshlyCreated(e.expression));
}

function freshName(scopeText: string, candidates: string[]): string {
  for (const candidate of candidates) {
    if (!new RegExp(`\\b${candidate}\\b`).test(scopeText)) return candidate;
  }
  let index = 1;
  while (new RegExp(`\\bvalue${index}\\b`).test(scopeText)) index++;
  return `value${index}`;
}
