#!/usr/bin/env node
// One measured run: lints one corpus with one configuration through the ESLint Node API and prints a
// single JSON line on stdout. Started by bench/bench.mjs in a fresh process per run.
//
//   node --expose-gc bench/bench/worker.mjs <corpusDir> <floor|syntax|nfp|plugin|both> [--no-stats]
//
// With --expose-gc it also reports the heap retained after a forced full collection at the end.
//
// The timed span (`lintMs`) starts after module loading: `new ESLint(…)` + `lintFiles()`, the part in
// which the configurations differ. typescript-eslint's plugin is imported only by the configurations
// that use it (it loads ~130 rules), which shortens the other runs without touching `lintMs`.
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const processStart = performance.now(); // ms since the process started (timeOrigin)
const [corpusDirArg, configName, ...flags] = process.argv.slice(2);
if (!corpusDirArg || !configName) {
  console.error('usage: worker.mjs <corpusDir> <floor|syntax|nfp|plugin|both> [--no-stats]');
  process.exit(2);
}
const corpusDir = path.resolve(corpusDirArg);
const withStats = !flags.includes('--no-stats');
const pluginUrl = process.env.BENCH_PLUGIN_URL ?? new URL('../../dist/index.js', import.meta.url).href;

const { ESLint } = await import('eslint');
const parser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(pluginUrl)).default;
const namespace = plugin.meta?.namespace ?? 'unstopped';
const needsTsPlugin = configName === 'nfp' || configName === 'both';
const tsPlugin = needsTsPlugin ? (await import('@typescript-eslint/eslint-plugin')).default : undefined;

const RULESETS = {
  floor: {},
  // A core rule that never asks for types: what running any rule at all costs (traversal, listeners).
  syntax: { 'no-debugger': 'error' },
  nfp: { '@typescript-eslint/no-floating-promises': 'error' },
  plugin: { ...plugin.configs.all.rules },
  both: { '@typescript-eslint/no-floating-promises': 'error', ...plugin.configs.all.rules },
};
const rules = RULESETS[configName];
if (!rules) {
  console.error(`unknown configuration ${configName}`);
  process.exit(2);
}

const importsDone = performance.now();
const cpuBefore = process.cpuUsage();
const eslint = new ESLint({
  cwd: corpusDir,
  overrideConfigFile: true,
  stats: withStats,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser,
        parserOptions: { projectService: true, tsconfigRootDir: corpusDir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { ...(tsPlugin && { '@typescript-eslint': tsPlugin }), [namespace]: plugin },
      rules,
    },
  ],
});
const results = await eslint.lintFiles(['**/*.ts']);
const lintDone = performance.now();
const cpu = process.cpuUsage(cpuBefore);

const ruleTimes = {}; // ruleId -> ms (sum over files and passes)
const findings = {}; // ruleId -> count
let parseMs = 0;
let fatal = 0;
const fatalSamples = [];
for (const r of results) {
  for (const m of r.messages) {
    if (m.fatal || !m.ruleId) {
      fatal++;
      if (fatalSamples.length < 3) fatalSamples.push(`${path.relative(corpusDir, r.filePath)}: ${m.message}`);
      continue;
    }
    findings[m.ruleId] = (findings[m.ruleId] ?? 0) + 1;
  }
  for (const pass of r.stats?.times?.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [id, t] of Object.entries(pass.rules ?? {})) ruleTimes[id] = (ruleTimes[id] ?? 0) + (t.total ?? 0);
  }
}

const maxRssKB = process.resourceUsage().maxRSS; // read before the collection below
let retainedHeapKB = null;
if (typeof globalThis.gc === 'function') {
  globalThis.gc();
  retainedHeapKB = process.memoryUsage().heapUsed / 1024;
}

process.stdout.write(
  `${JSON.stringify({
    config: configName,
    corpus: corpusDir,
    files: results.length,
    lintMs: lintDone - importsDone, // new ESLint(...) + lintFiles: what the configurations differ in
    cpuMs: (cpu.user + cpu.system) / 1000, // CPU time of the same span, all threads: less sensitive to a busy machine
    processMs: lintDone, // from process start, module loading included
    importMs: importsDone - processStart,
    parseMs,
    ruleTimes,
    findings,
    fatal,
    fatalSamples,
    maxRssKB,
    // The heap still in use after a full collection at the end: what the configuration keeps (the
    // program, the checker's types, the rules' caches), without the garbage peak RSS also counts.
    retainedHeapKB,
  })}\n`,
);
