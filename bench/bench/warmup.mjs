#!/usr/bin/env node
// How much of the plugin's per-program cost is warm-up (issue 5: why the added time per 1k lines
// falls with size). Each line is one fresh process that first lints a warm-up corpus (a different
// program, so no type or cache carries over) with one configuration, then lints the measured corpus
// with this plugin's `all` config and prints the plugin's rule time (ESLint `stats`) on it.
//
//   node bench/bench/warmup.mjs [measured=gen-1x] [warm-up=gen-2x] [--runs 3]
//
// Warm-ups: none (cold process), nfp (typescript-eslint's no-floating-promises: the checker's code
// gets compiled, the plugin's does not), plugin (both get compiled). The gap between "none" and
// "nfp" is the checker's own warm-up; between "nfp" and "plugin" the plugin's.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { prepareGenerated, prepareReal } from './corpora.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WARMUPS = ['none', 'nfp', 'plugin'];

async function child([measuredDir, warmDir, warmup]) {
  const { ESLint } = await import('eslint');
  const parser = (await import('@typescript-eslint/parser')).default;
  const tsPlugin = (await import('@typescript-eslint/eslint-plugin')).default;
  const plugin = (await import(new URL('../../dist/index.js', import.meta.url).href)).default;
  const lint = async (dir, rules) => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      stats: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
          plugins: { unstopped: plugin, '@typescript-eslint': tsPlugin },
          rules,
        },
      ],
    });
    let ms = 0;
    for (const result of await eslint.lintFiles(['**/*.ts'])) {
      for (const pass of result.stats?.times?.passes ?? []) for (const time of Object.values(pass.rules ?? {})) ms += time.total;
    }
    return ms;
  };
  if (warmup === 'nfp') await lint(warmDir, { '@typescript-eslint/no-floating-promises': 'error' });
  if (warmup === 'plugin') await lint(warmDir, plugin.configs.all.rules);
  process.stdout.write(`${JSON.stringify({ ruleMs: await lint(measuredDir, plugin.configs.all.rules) })}\n`);
}

function prepare(name, root) {
  const generated = /^gen-(\d+)x$/.exec(name);
  return generated ? prepareGenerated(Number(generated[1]), root) : prepareReal(name, root);
}

if (process.argv[2] === '--child') {
  await child(process.argv.slice(3));
} else {
  const args = process.argv.slice(2);
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 3;
  const names = args.filter((arg, index) => !arg.startsWith('--') && index !== runsIndex + 1);
  const root = path.join(here, '..', '.out', 'corpora');
  mkdirSync(root, { recursive: true });
  const measured = prepare(names[0] ?? 'gen-1x', root);
  const warm = prepare(names[1] ?? 'gen-2x', root);
  console.log(`plugin rule time on ${measured.label} (${measured.lines} lines) after a warm-up on ${warm.label}, ${runs} runs each (median, min–max):\n`);
  console.log('| warm-up | plugin rule time |\n| --- | ---: |');
  for (const warmup of WARMUPS) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', measured.dir, warm.dir, warmup], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      times.push(JSON.parse(result.stdout.trim().split('\n').pop()).ruleMs);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${warmup} | ${times[times.length >> 1].toFixed(0)} ms (${times[0].toFixed(0)}–${times[times.length - 1].toFixed(0)}) |`);
  }
}
