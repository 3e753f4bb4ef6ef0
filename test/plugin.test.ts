import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules as ruleModules } from '../src/rules/index.js';

const require = createRequire(import.meta.url);
const packageJson = require('../package.json') as { name: string; version: string };

const typeScriptFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

describe('the plugin object', () => {
  it('carries its meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'unstopped' });
  });

  it('exposes the rule modules themselves under their names', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(ruleModules).sort());
    for (const [name, rule] of Object.entries(ruleModules)) expect(plugin.rules[name as keyof typeof plugin.rules]).toBe(rule);
  });

  it('derives every config from rule metadata', () => {
    const ruleNames = Object.keys(plugin.rules);
    const recommended = ruleNames.filter((name) => plugin.rules[name as keyof typeof plugin.rules].meta.docs?.recommended);
    expect(recommended.length).toBeGreaterThan(0);
    expect(plugin.configs.recommended.rules).toEqual(Object.fromEntries(recommended.map((name) => [`unstopped/${name}`, 'error'])));
    expect(plugin.configs.all.rules).toEqual(Object.fromEntries(ruleNames.map((name) => [`unstopped/${name}`, 'error'])));
    expect(plugin.configs['disable-type-checked'].rules).toEqual(Object.fromEntries(ruleNames.map((name) => [`unstopped/${name}`, 'off'])));
    expect(Object.keys(plugin.configs)).toEqual(['recommended', 'all', 'disable-type-checked']);
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`unstopped/${name}`);
      expect(config.plugins.unstopped).toBe(plugin);
    }
  });

  it('scopes the typed configs to the four TypeScript extensions, and disable-type-checked to nothing', () => {
    expect(plugin.configs.recommended.files).toEqual(typeScriptFiles);
    expect(plugin.configs.all.files).toEqual(typeScriptFiles);
    expect(plugin.configs['disable-type-checked']).not.toHaveProperty('files');
    // Each config has its own array: a user mutating one does not change the other.
    expect(plugin.configs.recommended.files).not.toBe(plugin.configs.all.files);
  });

  it('marks every rule as needing type information, with a docs url and a schema description on each option', () => {
    for (const [name, rule] of Object.entries(ruleModules)) {
      expect(rule.meta.docs?.requiresTypeChecking).toBe(true);
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      const schema = rule.meta.schema as unknown as { properties?: Record<string, { description?: string }>; additionalProperties?: boolean }[];
      for (const entry of schema) {
        expect(entry.additionalProperties).toBe(false);
        for (const property of Object.values(entry.properties ?? {})) expect(property.description).toBeTruthy();
      }
    }
  });
});

describe('the configs in a flat config (ESLint resolves them, nothing is linted)', () => {
  const severities = async (configs: ReturnType<typeof defineConfig>, file: string) => {
    const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig: configs });
    const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown[]> } | undefined;
    return Object.fromEntries(
      Object.entries(config?.rules ?? {})
        .filter(([id]) => id.startsWith('unstopped/'))
        .map(([id, entry]) => [id, entry[0]]),
    );
  };
  const allAtError = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`unstopped/${name}`, 2]));

  it('used alone, `all` turns the rules on for .ts, .tsx, .mts and .cts files and leaves JavaScript alone', async () => {
    const configs = defineConfig([plugin.configs.all]);
    for (const file of ['src/a.ts', 'src/b.tsx', 'src/c.mts', 'src/d.cts']) expect(await severities(configs, file), file).toEqual(allAtError);
    for (const file of ['src/e.js', 'src/f.mjs', 'src/g.cjs']) expect(await severities(configs, file), file).toEqual({});
  });

  it("under `extends` (the README's config), applies where the object's files and its own meet", async () => {
    const configs = defineConfig([
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser }, extends: [plugin.configs.all] },
      { files: ['legacy/**'], extends: [plugin.configs['disable-type-checked']] },
    ]);
    for (const file of ['a.ts', 'b.tsx', 'c.mts', 'd.cts']) expect(await severities(configs, file), file).toEqual(allAtError);
    expect(await severities(configs, 'legacy/old.ts')).toEqual(Object.fromEntries(Object.keys(allAtError).map((id) => [id, 0])));
    const narrower = defineConfig([{ files: ['src/**/*.ts'], extends: [plugin.configs.all] }]);
    expect(await severities(narrower, 'src/a.ts')).toEqual(allAtError);
    expect(await severities(narrower, 'src/b.mts')).toEqual({});
    expect(await severities(narrower, 'scripts/c.ts')).toEqual({});
  });
});

describe('the built package', () => {
  it('loads through import and through require in plain Node, as one and the same plugin', () => {
    // Outside vitest's module graph: what an eslint.config.js / eslint.config.cjs gets.
    const script = `
      const { createRequire } = require('node:module');
      const required = require('./dist/index.js');
      import('./dist/index.js').then(({ default: imported }) => {
        console.log(JSON.stringify({
          same: required === imported,
          namespace: required.meta.namespace,
          rules: Object.keys(required.rules),
          configs: Object.keys(required.configs),
          pluginOfRecommended: required.configs.recommended.plugins.unstopped === required,
          filesOfRecommended: required.configs.recommended.files,
        }));
      });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      same: true,
      namespace: 'unstopped',
      rules: Object.keys(plugin.rules),
      configs: ['recommended', 'all', 'disable-type-checked'],
      pluginOfRecommended: true,
      filesOfRecommended: typeScriptFiles,
    });
  });
});
