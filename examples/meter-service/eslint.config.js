// The example's own flat config: the plugin's `recommended` config, with type information.
// Plain JavaScript, so that Node 20 loads it without a TypeScript loader.
import tsParser from '@typescript-eslint/parser';

import plugin from '../../dist/index.js';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    ...plugin.configs.recommended,
  },
];
