import { createRequire } from 'node:module';

import { createConfigs, namespace } from './configs.js';
import { rules as ruleModules } from './rules/index.js';
import type { UnstoppedPlugin, UnstoppedRule, UnstoppedRuleMeta, UnstoppedRuleName } from './types.js';

export type { UnstoppedConfig, UnstoppedConfigName, UnstoppedPlugin, UnstoppedRule, UnstoppedRuleId, UnstoppedRuleMeta, UnstoppedRuleName } from './types.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
};

// The public types (types.ts) name the rules and describe their meta: checked here against the
// rules themselves, so that adding a rule or changing a meta without the types fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyRuleNamed: Same<keyof typeof ruleModules, UnstoppedRuleName> = true;
const metas: Record<UnstoppedRuleName, { meta: UnstoppedRuleMeta }> = ruleModules;
void everyRuleNamed;
void metas;

/** The rules, typed as ESLint and typescript-eslint both accept them (their `create` takes a typescript-eslint context). */
const rules = ruleModules as unknown as Record<UnstoppedRuleName, UnstoppedRule>;

// The configs' `plugins` getter reads `plugin` when ESLint asks for it, after it is defined.
const plugin: UnstoppedPlugin = {
  meta: { name, version, namespace },
  rules,
  configs: createConfigs(rules, () => plugin),
};

export { plugin as default, plugin as 'module.exports' };
export { rules };
