import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import { createConfigs, namespace } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
};

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as ReturnType<typeof createConfigs>,
} satisfies TSESLint.FlatConfig.Plugin;

plugin.configs = createConfigs(rules, () => plugin as unknown as TSESLint.FlatConfig.Plugin);

export { plugin as default, plugin as 'module.exports' };
export { rules };
