// Lint of this repository itself (`npm run lint`, part of `npm test`): typescript-eslint's
// recommended rules for the TypeScript sources and tests, ESLint's for the plain JavaScript
// scripts, and eslint-plugin-eslint-plugin's recommended rules for the rules of this plugin.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  {
    ignores: [
      'dist/',
      'coverage/',
      'bench/.out/',
      'bench/cases/',
      'bench/history/',
      'test/fixtures/',
      'test/fixtures-without-node/',
      'test/fixtures-browser/',
      'test/fixtures-node14/',
      'test/consumer/project/',
      'examples/',
      'compat/node_modules/',
      'docs/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // Unused names are an error, except those starting with an underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
  },
]);
