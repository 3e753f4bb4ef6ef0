// The consumer's ESM flat config: the published `recommended` config on TypeScript with type
// information, and `disable-type-checked` on plain JavaScript.
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import unstopped from 'eslint-plugin-unstopped';

export default defineConfig([
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    extends: [unstopped.configs.recommended],
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [unstopped.configs['disable-type-checked']] },
]);
