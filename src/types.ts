/**
 * The public types of the plugin object: what `import unstopped from 'eslint-plugin-unstopped'` gives
 * a config file to type-check against.
 *
 * They are written out here rather than taken from `@typescript-eslint/utils`. That package's
 * `FlatConfig.Config` is not assignable to ESLint's own `Linter.Config` (its `languageOptions` have
 * no index signature, its plugins' `processors` are partial), so a config typed with it fails in
 * `defineConfig([{ extends: [unstopped.configs.recommended] }])` with TS2322 (`Config` is not
 * assignable to `ExtendsElement`). typescript-eslint exports deliberately wide "compatible" types
 * for the same reason (typescript-eslint/typescript-eslint#10899). The types below are as narrow
 * as they can be while staying assignable to both sides: ESLint's `Linter.Config`, `ESLint.Plugin`
 * and `defineConfig()` (ESLint 9.22 and later, 10) and typescript-eslint's `FlatConfig.Config`,
 * `FlatConfig.Plugin` and `tseslint.config()`. They are type aliases, not interfaces, so that they
 * fit the index signatures of `rules` and `plugins`. The consumer test type-checks a config file
 * against each of these, on each ESLint major and TypeScript version in the peer ranges
 * (test/consumer/project/typed-configs.mts, compat/run.mjs).
 */

/** The rules of this plugin (`unstopped.rules`). */
export type UnstoppedRuleName = 'no-silent-overwrite' | 'stop-on-evict';

/** The shared configs of this plugin (`unstopped.configs`). */
export type UnstoppedConfigName = 'recommended' | 'all' | 'disable-type-checked';

/** A rule id as written in a config's `rules`: `'unstopped/stop-on-evict'`. */
export type UnstoppedRuleId = `unstopped/${UnstoppedRuleName}`;

/** One shared config: a flat config object, usable in `extends`, in a config array or spread. */
export type UnstoppedConfig = {
  name: `unstopped/${UnstoppedConfigName}`;
  /** `recommended` and `all`: TypeScript files (`.ts`, `.tsx`, `.mts`, `.cts`); `disable-type-checked` has none. */
  files?: string[];
  plugins: { unstopped: UnstoppedPlugin };
  rules: { [id in UnstoppedRuleId]?: 'error' | 'off' };
};

/** What a rule's `meta` says about it (every rule here needs type information). */
export type UnstoppedRuleMeta = {
  type: 'problem' | 'suggestion' | 'layout';
  docs?: {
    description: string;
    /** The rule's page. */
    url?: string;
    /** In the `recommended` config when true. */
    recommended?: boolean;
    requiresTypeChecking: true;
  };
  messages: Record<string, string>;
  hasSuggestions?: boolean;
};

/** A rule of this plugin, as ESLint loads it. */
export type UnstoppedRule = {
  meta: UnstoppedRuleMeta;
  /** Called by ESLint; not meant to be called from a config. */
  create(context: unknown): Record<string, ((...args: unknown[]) => void) | undefined>;
};

/** The plugin object: the package's default export (and its `module.exports` under `require()`). */
export type UnstoppedPlugin = {
  meta: { name: string; version: string; namespace: 'unstopped' };
  rules: Record<UnstoppedRuleName, UnstoppedRule>;
  configs: Record<UnstoppedConfigName, UnstoppedConfig>;
};
