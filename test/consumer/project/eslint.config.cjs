// eslint.config.cjs
const { defineConfig } = require('eslint/config');
const tsParser = require('@typescript-eslint/parser');
const unstopped = require('eslint-plugin-unstopped');

module.exports = defineConfig([
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    extends: [unstopped.configs.recommended],
  },
]);
