// @ts-check
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import unstopped from 'eslint-plugin-unstopped';

export default defineConfig([
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    extends: [unstopped.configs.recommended],
  },
]);
