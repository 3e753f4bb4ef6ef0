import path from 'node:path';

import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { fixturesDir } from '../ruleTester.js';

const code = `const meters = new Map<string, { stop(): void }>();\nexport function add(k: string) { if (!meters.has(k)) { const t = setInterval(() => {}, 1_000); meters.set(k, { stop() { clearInterval(t); } }); } }\nexport function remove(k: string) { meters.delete(k); }\n`;
const filename = path.join(fixturesDir, 'file.ts');

function lint(config: Linter.Config, options: unknown[] = []): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { unstopped: plugin as never },
        rules: { 'unstopped/stop-on-evict': ['error', ...options] as Linter.RuleEntry },
        ...config,
      },
    ],
    filename,
  );
}

describe('a rule run without type information', () => {
  it("fails with the plugin's own message when the TypeScript parser has no project", () => {
    expect(() => lint({ languageOptions: { parser } })).toThrow(
      /unstopped\/stop-on-evict needs type information[\s\S]*parserOptions\.projectService: true[\s\S]*disable-type-checked/,
    );
  });

  it('fails with the same message under the default JavaScript parser', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify(
        'const m = new Map(); m.delete(1);',
        [{ plugins: { unstopped: plugin as never }, rules: { 'unstopped/stop-on-evict': 'error' } }],
        'file.js',
      ),
    ).toThrow(/unstopped\/stop-on-evict needs type information/);
  });

  it('is switched off for JavaScript files by the disable-type-checked config', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      'const m = new Map(); m.delete(1);',
      [{ plugins: { unstopped: plugin as never }, rules: { 'unstopped/stop-on-evict': 'error' } }, plugin.configs['disable-type-checked'] as Linter.Config],
      'file.js',
    );
    expect(messages).toEqual([]);
  });
});

describe('invalid options', () => {
  const typed = { languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } };

  it('name the unknown option', () => {
    expect(() => lint(typed, [{ nameRule: false }])).toThrow(/stop-on-evict[\s\S]*nameRule/);
  });

  it('reject a resource without its release method', () => {
    expect(() => lint(typed, [{ resources: [{ type: 'Meter' }] }])).toThrow(/stop-on-evict[\s\S]*release/);
  });

  it('reject a wrongly typed option', () => {
    expect(() => lint(typed, [{ nameRules: 'yes' }])).toThrow(/stop-on-evict[\s\S]*boolean/);
  });

  it('reject a release helper that is not a name, quoting it', () => {
    expect(() => lint(typed, [{ releaseFunctions: ['close quietly'] }])).toThrow(/stop-on-evict[\s\S]*"close quietly" should match pattern/);
  });

  it('reject the same lending call twice', () => {
    expect(() => lint(typed, [{ lendingCalls: ['lease', 'lease'] }])).toThrow(/stop-on-evict[\s\S]*\["lease","lease"\] should NOT have duplicate items/);
  });

  it('reject an ignored container given as an object', () => {
    expect(() => lint(typed, [{ ignoredContainers: [{ name: 'registry' }] }])).toThrow(/stop-on-evict[\s\S]*\{"name":"registry"\} should be string/);
  });

  it('reject an overwrites level it does not know, quoting it', () => {
    expect(() => lint(typed, [{ overwrites: 'sometimes' }])).toThrow(/stop-on-evict[\s\S]*"sometimes" should be equal to one of the allowed values/);
  });

  it('accept the documented shapes', () => {
    const messages = lint(typed, [{ nameRules: true, resources: [{ type: { from: 'package', package: 'x', name: 'Meter' }, release: 'stop' }] }]);
    expect(messages.map((message) => message.ruleId)).toEqual(['unstopped/stop-on-evict']);
  });
});
