import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** A RuleTester with type information from `test/fixtures/tsconfig.json`; each case is linted as `fixtures/file.ts`. */
export function createTypedRuleTester(tsconfigRootDir = fixturesDir): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir,
      },
    },
  });
}

/** A program whose tsconfig lists no `types`: what TypeScript 6 gives a project by default. */
export const fixturesWithoutNodeDir = path.join(import.meta.dirname, 'fixtures-without-node');

/** A browser program: the DOM's timers (`setTimeout` returns `number`), no Node types. */
export const fixturesBrowserDir = path.join(import.meta.dirname, 'fixtures-browser');

/** A program on @types/node 14, which declared timers as interfaces of the global `NodeJS` namespace. */
export const fixturesNode14Dir = path.join(import.meta.dirname, 'fixtures-node14');

/**
 * An invalid case of stop-on-evict reported once, at the line of `code` holding `drop`, whose one
 * suggestion inserts `release` (its own indentation and line break included) right before `drop`.
 */
export function reportedWithRelease(name: string, code: string, drop: string, release: string) {
  return {
    name,
    code,
    errors: [
      {
        messageId: 'unreleasedDrop' as const,
        line: code.split('\n').findIndex((text) => text.includes(drop)) + 1,
        suggestions: [{ messageId: 'releaseBeforeDrop' as const, output: code.replace(drop, `${release}${drop}`) }],
      },
    ],
  };
}
