import { ESLintUtils } from '@typescript-eslint/utils';

export interface UnstoppedRuleDocs {
  description: string;
  /** In the `recommended` config (at `error`) when true. */
  recommended?: boolean;
  /** Every rule of this plugin needs type information. */
  requiresTypeChecking: true;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-unstopped/eslint-plugin-unstopped';

export const createRule = ESLintUtils.RuleCreator<UnstoppedRuleDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);
