import type { UnstoppedConfig, UnstoppedConfigName, UnstoppedPlugin, UnstoppedRuleId, UnstoppedRuleMeta } from './types.js';

export const namespace = 'unstopped';

/**
 * The files the typed configs (`recommended`, `all`) apply to: every TypeScript extension. Used
 * alone (`[..., unstopped.configs.recommended]`) the config makes ESLint lint these files, which it
 * does not by default; under `extends` ESLint intersects them with the extending object's `files`.
 * `disable-type-checked` has no `files`: it goes wherever the user puts it (JavaScript files).
 */
export const typeScriptFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

type Level = 'error' | 'off';

/**
 * Configs are computed from each rule's `meta.docs`, never kept by hand.
 * `plugins` is a getter so that configs and plugin can refer to each other.
 */
export function createConfigs(
  rules: Record<string, { meta: UnstoppedRuleMeta }>,
  getPlugin: () => UnstoppedPlugin,
): Record<UnstoppedConfigName, UnstoppedConfig> {
  const entries = Object.entries(rules);
  const ruleLevels = (predicate: (docs: NonNullable<UnstoppedRuleMeta['docs']>) => boolean, level: Level): UnstoppedConfig['rules'] =>
    Object.fromEntries(
      entries
        .filter(([, rule]) => rule.meta.docs !== undefined && predicate(rule.meta.docs))
        .map(([name]): [UnstoppedRuleId, Level] => [`${namespace}/${name}` as UnstoppedRuleId, level]),
    );

  const make = (name: UnstoppedConfigName, files: string[] | undefined, rulesOfConfig: UnstoppedConfig['rules']): UnstoppedConfig => ({
    name: `${namespace}/${name}`,
    ...(files && { files: [...files] }),
    get plugins() {
      return { [namespace]: getPlugin() } as UnstoppedConfig['plugins'];
    },
    rules: rulesOfConfig,
  });

  return {
    recommended: make(
      'recommended',
      typeScriptFiles,
      ruleLevels((docs) => docs.recommended === true, 'error'),
    ),
    all: make(
      'all',
      typeScriptFiles,
      ruleLevels(() => true, 'error'),
    ),
    'disable-type-checked': make(
      'disable-type-checked',
      undefined,
      ruleLevels((docs) => docs.requiresTypeChecking, 'off'),
    ),
  };
}
