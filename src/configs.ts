import type { TSESLint } from '@typescript-eslint/utils';

import type { UnstoppedRuleDocs } from './util/createRule.js';

type RuleModule = TSESLint.RuleModule<string, readonly unknown[], UnstoppedRuleDocs>;
type FlatConfig = TSESLint.FlatConfig.Config;

export const namespace = 'unstopped';

/**
 * Configs are computed from each rule's `meta.docs`, never kept by hand.
 * `plugins` is a getter so that configs and plugin can refer to each other.
 */
export function createConfigs(
  rules: Record<string, RuleModule>,
  getPlugin: () => TSESLint.FlatConfig.Plugin,
): Record<'recommended' | 'all' | 'disable-type-checked', FlatConfig> {
  const entries = Object.entries(rules);
  const ruleLevels = (predicate: (docs: UnstoppedRuleDocs) => boolean, level: TSESLint.SharedConfig.RuleLevel): TSESLint.FlatConfig.Rules =>
    Object.fromEntries(
      entries.filter(([, rule]) => rule.meta.docs !== undefined && predicate(rule.meta.docs)).map(([name]) => [`${namespace}/${name}`, level]),
    );

  const make = (name: string, rulesOfConfig: TSESLint.FlatConfig.Rules): FlatConfig => ({
    name: `${namespace}/${name}`,
    get plugins() {
      return { [namespace]: getPlugin() };
    },
    rules: rulesOfConfig,
  });

  return {
    recommended: make(
      'recommended',
      ruleLevels((docs) => docs.recommended === true, 'error'),
    ),
    all: make(
      'all',
      ruleLevels(() => true, 'error'),
    ),
    'disable-type-checked': make(
      'disable-type-checked',
      ruleLevels((docs) => docs.requiresTypeChecking, 'off'),
    ),
  };
}
