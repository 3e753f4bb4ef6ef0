#!/usr/bin/env node
// Lints one prepared repository (bench/realcode/repos.json) with one configuration through the
// ESLint Node API, in a process of its own, and prints one JSON line. Started by run.mjs.
//
//   node bench/realcode/lint-repo.mjs <name> <plugin|floor|nfp> [--stats]
//
// plugin = this plugin's `all` config (what the findings are scored on); floor = typed parsing, no
// rules; nfp = @typescript-eslint/no-floating-promises alone. The timed span is `new ESLint(…)` +
// `lintFiles()`, after module loading. With --stats, the slowest files by this plugin's rule time.
// `checker` counts the types and instantiations the program's checker made, the same in every run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { applyFix, callsEnclosingFunction, createTypeCheck, syntaxErrors } from '../suggestionChecks.mjs';

import { realcodeDir, repoByName } from './repos.mjs';

const [name, configName = 'plugin', ...flags] = process.argv.slice(2);
// Each file's text, read once for all the suggestions made in it.
const texts = new Map();
let typeErrorsAdded;
const repo = repoByName(name);
const dir = path.join(realcodeDir(), repo.name);
const pluginUrl = process.env.REALCODE_PLUGIN_URL ?? new URL('../../dist/index.js', import.meta.url).href;

const { ESLint } = await import('eslint');
const parser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(pluginUrl)).default;
const namespace = plugin.meta?.namespace ?? 'unstopped';
const tsPlugin = configName === 'nfp' ? (await import('@typescript-eslint/eslint-plugin')).default : undefined;
const RULESETS = {
  floor: {},
  nfp: { '@typescript-eslint/no-floating-promises': 'error' },
  plugin: { ...plugin.configs.all.rules },
};
if (!RULESETS[configName]) throw new Error(`unknown configuration ${configName}`);
// Takes hold of the program the parser built, to count the checker's work once linting is done:
// how many types and instantiations it made is the same from run to run, where times are not.
let program;
const probe = { rules: { program: { create: (context) => ((program ??= context.sourceCode.parserServices?.program), {}) } } };
const rules = { ...RULESETS[configName], 'probe/program': 'error' };

const started = performance.now();
const cpuBefore = process.cpuUsage();
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  stats: flags.includes('--stats'),
  errorOnUnmatchedPattern: false,
  overrideConfig: [
    { ignores: repo.ignore ?? [] },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser,
        parserOptions: { project: path.join(dir, 'tsconfig.unstopped.json'), tsconfigRootDir: dir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { ...(tsPlugin && { '@typescript-eslint': tsPlugin }), [namespace]: plugin, probe },
      rules,
    },
  ],
});
const results = await eslint.lintFiles(repo.lint);
const lintMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

const findings = [];
const crashes = [];
const fileTimes = [];
// Every enabled rule's own time (ESLint's stats): what the configuration adds to typed parsing,
// without the run-to-run noise of parsing and garbage collection that a difference of wall times carries.
let ruleMs = 0;
for (const result of results) {
  const file = path.relative(dir, result.filePath).split(path.sep).join('/');
  for (const m of result.messages) {
    if (m.fatal || !m.ruleId) crashes.push({ file, line: m.line ?? null, message: m.message.split('\n')[0] });
    else if (m.ruleId.startsWith(`${namespace}/`)) {
      findings.push({
        file,
        line: m.line,
        column: m.column,
        rule: m.ruleId.slice(namespace.length + 1),
        message: m.message,
        ...suggestionChecks(result.filePath, m.suggestions ?? []),
      });
    }
  }
  let ms = 0;
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [id, t] of Object.entries(pass.rules ?? {})) {
      if (id.startsWith(`${namespace}/`)) ms += t.total ?? 0;
      ruleMs += t.total ?? 0;
    }
  }
  if (result.stats) fileTimes.push({ file, ms });
}
fileTimes.sort((a, b) => b.ms - a.ms);
process.stdout.write(
  `${JSON.stringify({
    name: repo.name,
    config: configName,
    files: results.length,
    lintMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKB: process.resourceUsage().maxRSS,
    findings,
    crashes,
    slowestFiles: fileTimes.slice(0, 5),
    pluginRuleMs: fileTimes.reduce((sum, f) => sum + f.ms, 0),
    ruleMs,
    checker: program && { types: program.getTypeChecker().getTypeCount(), instantiations: program.getTypeChecker().getInstantiationCount() },
  })}\n`,
);

/**
 * What the finding's suggestions would do to the file: how many there are, and each that does not
 * parse once applied, that adds a type error where the repository's program type-checked the file,
 * or that calls the function it is inserted into (recorded only when there is one).
 */
function suggestionChecks(filePath, suggestions) {
  if (suggestions.length === 0) return {};
  if (!texts.has(filePath)) texts.set(filePath, readFileSync(filePath, 'utf8'));
  const text = texts.get(filePath);
  const parsed = suggestions.map((suggestion) => applyFix(text, suggestion.fix)).filter((fixed) => syntaxErrors(fixed, filePath).length === 0);
  const broken = suggestions.length - parsed.length;
  // The language service is made on the first suggestion (most repositories have none), and not in
  // the bench's timed runs (--stats), which only need the times.
  if (!flags.includes('--stats')) typeErrorsAdded ??= createTypeCheck(path.join(dir, 'tsconfig.unstopped.json'));
  const mistyped = typeErrorsAdded ? parsed.filter((fixed) => typeErrorsAdded(filePath, fixed).length > 0).length : 0;
  const selfCalls = suggestions.filter((suggestion) => callsEnclosingFunction(text, suggestion.fix, filePath) !== undefined).length;
  return {
    suggestions: suggestions.length,
    ...(broken > 0 && { brokenSuggestions: broken }),
    ...(mistyped > 0 && { mistypedSuggestions: mistyped }),
    ...(selfCalls > 0 && { selfCallingSuggestions: selfCalls }),
  };
}
