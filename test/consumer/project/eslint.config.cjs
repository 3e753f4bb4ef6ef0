// The same config written as CommonJS: `require()` of the ESM-only plugin (Node 20.19+).
const { defineConfig } = require('eslint/config');
const tsParser = require('@typescript-eslint/parser');
const unstopped = require('eslint-plugin-unstopped');

module.exports = defineConfig([
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    extends: [unstopped.configs.recommended],
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [unstopped.configs['disable-type-checked']] },
]);
