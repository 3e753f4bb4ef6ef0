#!/usr/bin/env node
// Which questions this plugin asks the type checker, and what each costs (issue 5, item 3).
//
//   node bench/bench/checker-calls.mjs [corpus=trpc] [--top N]
//
// Lints one corpus (a real base name or gen-<N>x, prepared as in bench.mjs) with the plugin's `all`
// config. Before the plugin's rules run, a probe rule wraps every method of the program's type
// checker in place and times the outermost calls made while the rules run (nested calls are the
// checker's own work), grouped by method, by the node or symbol asked about, and by file. The
// floor (parsing) asks the checker nothing, so this is the checker time the plugin causes.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';

import { prepareGenerated, prepareReal } from './corpora.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 20;
const corpus = args.find((arg, index) => !arg.startsWith('--') && index !== topIndex + 1) ?? 'trpc';
const corporaRoot = path.join(here, '..', '.out', 'corpora');
mkdirSync(corporaRoot, { recursive: true });
const generated = /^gen-(\d+)x$/.exec(corpus);
const prepared = generated ? prepareGenerated(Number(generated[1]), corporaRoot) : prepareReal(corpus, corporaRoot);

const { ESLint } = await import('eslint');
const parser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(new URL('../../dist/index.js', import.meta.url).href)).default;

const byMethod = new Map(); // method -> { calls, ms }
const bySubject = new Map(); // "method subject" -> ms
const byFile = new Map(); // file -> ms
const wrappedCheckers = new WeakSet();
let depth = 0;
let currentFile = '';

function subjectOf(argument) {
  if (argument && typeof argument === 'object' && 'kind' in argument && typeof argument.getSourceFile === 'function') {
    const file = argument.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(argument.getStart()).line + 1;
    return `${path.relative(prepared.dir, file.fileName)}:${line} ${argument.getText().slice(0, 40).replace(/\s+/g, ' ')}`;
  }
  if (argument && typeof argument === 'object' && 'escapedName' in argument) return `symbol ${argument.escapedName}`;
  if (argument && typeof argument === 'object' && 'flags' in argument) return `type ${argument.symbol?.escapedName ?? argument.flags}`;
  return '';
}

function wrap(checker) {
  if (wrappedCheckers.has(checker)) return;
  wrappedCheckers.add(checker);
  for (const key of Object.keys(checker)) {
    const method = checker[key];
    if (typeof method !== 'function') continue;
    checker[key] = function timed(...callArgs) {
      if (depth > 0) return method.apply(this, callArgs);
      depth++;
      const started = performance.now();
      try {
        return method.apply(this, callArgs);
      } finally {
        depth--;
        const ms = performance.now() - started;
        const entry = byMethod.get(key) ?? { calls: 0, ms: 0 };
        entry.calls++;
        entry.ms += ms;
        byMethod.set(key, entry);
        byFile.set(currentFile, (byFile.get(currentFile) ?? 0) + ms);
        const subject = `${key} ${subjectOf(callArgs[0])}`;
        bySubject.set(subject, (bySubject.get(subject) ?? 0) + ms);
      }
    };
  }
}

// Runs first (configured first): wraps the checker before the plugin's rules ask it anything.
const probe = {
  meta: { schema: [] },
  create(context) {
    currentFile = path.relative(prepared.dir, context.filename);
    const program = context.sourceCode.parserServices?.program;
    if (program) wrap(program.getTypeChecker());
    return {};
  },
};

const eslint = new ESLint({
  cwd: prepared.dir,
  overrideConfigFile: true,
  stats: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: prepared.dir } },
      plugins: { probe: { rules: { wrap: probe } }, unstopped: plugin },
      rules: { 'probe/wrap': 'error', ...plugin.configs.all.rules },
    },
  ],
});
const results = await eslint.lintFiles(['**/*.ts']);
let ruleMs = 0;
for (const result of results) {
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [id, time] of Object.entries(pass.rules ?? {})) if (id.startsWith('unstopped/')) ruleMs += time.total;
  }
}

const total = [...byMethod.values()].reduce((sum, entry) => sum + entry.ms, 0);
const calls = [...byMethod.values()].reduce((sum, entry) => sum + entry.calls, 0);
console.log(`${prepared.label}: ${prepared.files} files, ${prepared.lines} lines`);
console.log(`plugin rule time (stats): ${ruleMs.toFixed(0)} ms; checker time inside it: ${total.toFixed(0)} ms in ${calls} outermost calls\n`);
console.log('| checker method | calls | ms |\n| --- | ---: | ---: |');
for (const [method, entry] of [...byMethod].sort((a, b) => b[1].ms - a[1].ms).slice(0, top))
  console.log(`| ${method} | ${entry.calls} | ${entry.ms.toFixed(1)} |`);
console.log('\n| question (method, node or symbol) | ms |\n| --- | ---: |');
for (const [subject, ms] of [...bySubject].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`| \`${subject.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${ms.toFixed(1)} |`);
console.log('\n| file | ms |\n| --- | ---: |');
for (const [file, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${file} | ${ms.toFixed(1)} |`);
