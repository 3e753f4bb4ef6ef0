// Every way a user types a flat config that uses this plugin: ESLint's `defineConfig()`,
// `Linter.Config[]` and `ESLint.Plugin` annotations, and typescript-eslint's `tseslint.config()` and
// `FlatConfig` types. `tsc -p .` checks this file (and eslint.config.mts / eslint.config.js) against
// the ESLint, typescript-eslint and TypeScript versions installed; nothing here is run.
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import type { FlatConfig } from 'typescript-eslint';
import unstopped from 'eslint-plugin-unstopped';
import type { UnstoppedConfig, UnstoppedPlugin, UnstoppedRuleName } from 'eslint-plugin-unstopped';

const typeScriptFiles = ['**/*.{ts,tsx,mts,cts}'];
const languageOptions = {
  parser: tsParser,
  parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
};

// ESLint's config types.
export const annotated: Linter.Config[] = [
  { files: typeScriptFiles, languageOptions },
  unstopped.configs.recommended,
  unstopped.configs.all,
  { ...unstopped.configs.recommended, files: ['src/**/*.ts'] },
  { ...unstopped.configs['disable-type-checked'], files: ['**/*.js'] },
  { plugins: { unstopped }, rules: { 'unstopped/stop-on-evict': 'error', 'unstopped/no-silent-overwrite': ['warn'] } },
];
export const single: Linter.Config = unstopped.configs.recommended;
export const asEslintPlugin: ESLint.Plugin = unstopped;
export const defined = defineConfig({ files: typeScriptFiles, languageOptions, extends: [unstopped.configs.all] }, unstopped.configs['disable-type-checked'], {
  plugins: { unstopped },
  rules: { 'unstopped/stop-on-evict': 'warn' },
});

// typescript-eslint's config types, and its configs beside this plugin's.
export const viaTseslint = tseslint.config(
  { files: typeScriptFiles, languageOptions, extends: [tseslint.configs.recommendedTypeChecked, unstopped.configs.recommended] },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked, unstopped.configs['disable-type-checked']] },
  { plugins: { unstopped }, rules: { 'unstopped/stop-on-evict': ['error'] } },
);
export const mixed = defineConfig({ files: typeScriptFiles, languageOptions, extends: [tseslint.configs.recommended, unstopped.configs.recommended] });
export const flat: FlatConfig.Config = unstopped.configs.recommended;
export const flatArray: FlatConfig.ConfigArray = [unstopped.configs.all, { plugins: { unstopped } }];
export const asTseslintPlugin: FlatConfig.Plugin = unstopped;

// What the plugin's own types tell an editor.
export const pluginItself: UnstoppedPlugin = unstopped;
export const ruleNames: UnstoppedRuleName[] = ['stop-on-evict', 'no-silent-overwrite'];
export const pageOfRule: string | undefined = unstopped.rules['stop-on-evict'].meta.docs?.url;
export const namespace: 'unstopped' = unstopped.meta.namespace;

// And what they rule out: each line below must be a type error (tsc fails on an unused @ts-expect-error),
// so that the types cannot silently turn into `any`.
// @ts-expect-error -- there is no `strict` config
export const noSuchConfig = unstopped.configs.strict;
// @ts-expect-error -- there is no such rule
export const noSuchRule: UnstoppedConfig['rules'] = { 'unstopped/no-such-rule': 'error' };
// @ts-expect-error -- a rule level is a severity
export const badLevel: Linter.Config = { plugins: { unstopped }, rules: { 'unstopped/stop-on-evict': 'loud' } };
// @ts-expect-error -- there is no such rule
export const noSuchRuleModule = unstopped.rules['no-such-rule'];
