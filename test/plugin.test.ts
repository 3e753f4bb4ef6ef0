import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const require = createRequire(import.meta.url);
const packageJson = require('../package.json') as { name: string; version: string };

describe('the plugin object', () => {
  it('carries its meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'unstopped' });
  });

  it('derives every config from rule metadata', () => {
    const ruleNames = Object.keys(plugin.rules);
    const recommended = ruleNames.filter((name) => plugin.rules[name as keyof typeof plugin.rules].meta.docs?.recommended);
    expect(plugin.configs.recommended.rules).toEqual(Object.fromEntries(recommended.map((name) => [`unstopped/${name}`, 'error'])));
    expect(plugin.configs.all.rules).toEqual(Object.fromEntries(ruleNames.map((name) => [`unstopped/${name}`, 'error'])));
    expect(plugin.configs['disable-type-checked'].rules).toEqual(Object.fromEntries(ruleNames.map((name) => [`unstopped/${name}`, 'off'])));
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`unstopped/${name}`);
      expect(config.plugins?.unstopped).toBe(plugin);
    }
  });

  it('marks every rule as needing type information, with a docs url and a schema description on each option', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
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
        }));
      });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      same: true,
      namespace: 'unstopped',
      rules: Object.keys(plugin.rules),
      configs: ['recommended', 'all', 'disable-type-checked'],
      pluginOfRecommended: true,
    });
  });
});
