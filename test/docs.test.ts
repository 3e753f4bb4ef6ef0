// The rule pages' examples are tests: every ```ts block under "❌ Incorrect" must be reported by the
// rule, every block under "✅ Correct" (and "What is not reported") must not.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { CACHE_LIBRARIES } from '../src/analysis/caches/libraries/index.js';
import { withCacheTable } from '../src/analysis/caches/table.js';
import plugin from '../src/index.js';
import { fixturesDir } from './ruleTester.js';

interface DocBlock {
  kind: 'incorrect' | 'correct';
  line: number;
  code: string;
}

function docBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let kind: DocBlock['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^#{2,}\s/.test(line))
      kind = line.includes('❌') ? 'incorrect' : line.includes('✅') || /not reported/i.test(line) ? 'correct' : kind && /^#{4,}/.test(line) ? kind : undefined;
    if (line.startsWith('```ts') && kind) {
      const start = index + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) end++;
      blocks.push({ kind, line: start, code: lines.slice(start, end).join('\n') });
      index = end;
    }
  }
  return blocks;
}

for (const ruleName of Object.keys(plugin.rules)) {
  const markdown = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'rules', `${ruleName}.md`), 'utf8');
  const blocks = docBlocks(markdown);

  describe(`docs/rules/${ruleName}.md`, () => {
    it('has incorrect and correct examples', () => {
      expect(blocks.some((block) => block.kind === 'incorrect')).toBe(true);
      expect(blocks.some((block) => block.kind === 'correct')).toBe(true);
    });

    for (const block of blocks) {
      it(`${block.kind} example at line ${block.line}`, () => {
        const linter = new Linter({ configType: 'flat' });
        const messages = linter.verify(
          block.code,
          [
            {
              files: ['**/*.ts'],
              languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
              plugins: { unstopped: plugin as never },
              rules: { [`unstopped/${ruleName}`]: 'error' },
            },
          ],
          path.join(fixturesDir, 'file.ts'),
        );
        expect(messages.filter((message) => message.fatal)).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `unstopped/${ruleName}`);
        if (block.kind === 'incorrect') expect(reports.length).toBeGreaterThan(0);
        else expect(reports.map((report) => `${report.line}: ${report.message}`)).toEqual([]);
      });
    }
  });
}

describe('generated documentation', () => {
  it('rule page headers, options lists and the README rule list are up to date (eslint-doc-generator --check)', () => {
    // Loads the built plugin through package.json exports: `npm test` builds first.
    const repository = path.join(import.meta.dirname, '..');
    const generator = path.join(repository, 'node_modules', 'eslint-doc-generator', 'dist', 'bin', 'eslint-doc-generator.js');
    expect(() => execFileSync(process.execPath, [generator, '--check'], { cwd: repository, stdio: 'pipe' })).not.toThrow();
  });
});

describe('docs/cache-libraries.md', () => {
  it('its per-library table is the one the data renders (npm run docs:caches)', () => {
    const page = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'cache-libraries.md'), 'utf8');
    expect(page).toBe(withCacheTable(page));
    for (const library of CACHE_LIBRARIES) expect(page).toContain(`| ${library.package} ${library.family} (`);
  });
});
