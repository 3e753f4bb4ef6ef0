#!/usr/bin/env node
// One CPU profile of one configuration on one corpus (issue 5, item 3), aggregated by package.
//
//   node bench/bench/profile.mjs [corpus=rxjs] [config=plugin] [--out bench/.out]
//   node bench/bench/profile.mjs --analyze <file.cpuprofile>
//
// `corpus` is a real base name (rxjs, trpc) or gen-<N>x. The worker runs under `node --cpu-prof`; the
// profile is grouped by where each sample's leaf frame lives (self time) and, for samples under one of
// this plugin's frames (dist/), split into the plugin's own code vs. what it calls (the checker …).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { prepareGenerated, prepareReal } from './corpora.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
// The plugin's code: dist/ of this checkout, or the build BENCH_PLUGIN_URL points at (the bench's snapshot).
const distUrl = process.env.BENCH_PLUGIN_URL ? new URL('./', process.env.BENCH_PLUGIN_URL).href : `file://${path.join(repoRoot, 'dist')}/`;

function category(url, fn) {
  if (!url) {
    if (fn === '(garbage collector)') return 'GC';
    if (fn === '(idle)') return 'idle';
    if (fn === '(program)') return 'V8/program';
    return 'node/native';
  }
  if (url.startsWith(distUrl)) return 'plugin (dist/)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) {
    const pkg = m[1];
    if (pkg === 'typescript') return 'typescript (checker, program, parser)';
    if (pkg === 'eslint') return 'eslint (traversal, linter, config)';
    if (pkg === '@typescript-eslint/typescript-estree') return 'typescript-estree (AST conversion, project service)';
    if (pkg === '@typescript-eslint/scope-manager') return 'scope-manager';
    if (pkg === '@typescript-eslint/utils' || pkg === '@typescript-eslint/type-utils' || pkg === 'ts-api-utils')
      return 'ts utils (utils/type-utils/ts-api-utils)';
    return `other: ${pkg}`;
  }
  if (url.startsWith('node:')) return 'node/native';
  return `other: ${url}`;
}

export function analyze(file) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: timeDeltas[i] is the time before sample i; attribute each delta to the next sample.
  const dt = prof.timeDeltas.slice(1).concat([0]);
  const selfByCat = new Map();
  const underPlugin = new Map(); // leaf category, for samples with a plugin frame on the stack
  const pluginFns = new Map(); // self time of plugin functions
  const pluginIncl = new Map(); // inclusive time of plugin functions
  const topFns = new Map(); // self time of any function
  let total = 0;
  let underPluginTotal = 0;
  let underParse = 0;
  let underRules = 0;
  const memo = new Map();
  const stackInfo = (id) => {
    if (memo.has(id)) return memo.get(id);
    const frames = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur));
    const info = {
      inPlugin: frames.some((f) => f.callFrame.url.startsWith(distUrl)),
      pluginFrames: [...new Set(frames.filter((f) => f.callFrame.url.startsWith(distUrl)).map((f) => key(f)))],
      inParse: frames.some((f) => f.callFrame.functionName === 'parseForESLint'),
      inRules: frames.some((f) => f.callFrame.functionName === 'runRules'),
    };
    memo.set(id, info);
    return info;
  };
  const key = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(distUrl, 'dist/').replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
  prof.samples.forEach((id, i) => {
    const t = dt[i] / 1000; // µs → ms
    const n = byId.get(id);
    const cat = category(n.callFrame.url, n.callFrame.functionName);
    if (cat === 'idle') return;
    total += t;
    selfByCat.set(cat, (selfByCat.get(cat) ?? 0) + t);
    topFns.set(key(n), (topFns.get(key(n)) ?? 0) + t);
    const info = stackInfo(id);
    if (info.inParse) underParse += t;
    if (info.inRules) underRules += t;
    if (info.inPlugin) {
      underPluginTotal += t;
      underPlugin.set(cat, (underPlugin.get(cat) ?? 0) + t);
      for (const f of info.pluginFrames) pluginIncl.set(f, (pluginIncl.get(f) ?? 0) + t);
    }
    if (cat === 'plugin (dist/)') pluginFns.set(key(n), (pluginFns.get(key(n)) ?? 0) + t);
  });
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    total,
    underParse,
    underRules,
    underPluginTotal,
    selfByCat: sorted(selfByCat),
    underPlugin: sorted(underPlugin),
    pluginFns: sorted(pluginFns),
    pluginIncl: sorted(pluginIncl),
    topFns: sorted(topFns),
  };
}

export function report(a, title) {
  const ms = (x) => `${(x / 1000).toFixed(2)} s`;
  const share = (x, of = a.total) => `${((x / of) * 100).toFixed(1)} %`;
  const out = [];
  out.push(`#### ${title}`, '');
  out.push(
    `Sampled CPU time (idle excluded): ${ms(a.total)}. Under \`parseForESLint\`: ${ms(a.underParse)} (${share(a.underParse)}); under \`runRules\`: ${ms(a.underRules)} (${share(a.underRules)}); under a plugin frame (\`dist/\`): ${ms(a.underPluginTotal)} (${share(a.underPluginTotal)}).`,
    '',
  );
  out.push('Self time by package (the frame the sample landed in):', '');
  out.push('| package | self time | share |', '| --- | ---: | ---: |');
  for (const [c, t] of a.selfByCat.slice(0, 12)) out.push(`| ${c} | ${ms(t)} | ${share(t)} |`);
  out.push('', "Samples with a plugin frame on the stack, by where they landed (the plugin's own code vs. what it calls):", '');
  out.push('| package | time | share of plugin-inclusive |', '| --- | ---: | ---: |');
  for (const [c, t] of a.underPlugin.slice(0, 8)) out.push(`| ${c} | ${ms(t)} | ${share(t, a.underPluginTotal)} |`);
  out.push('', 'Top 10 self-time functions in `dist/` (plugin code):', '');
  out.push('| function | self time | share of all |', '| --- | ---: | ---: |');
  for (const [f, t] of a.pluginFns.slice(0, 10)) out.push(`| \`${f}\` | ${t.toFixed(0)} ms | ${share(t)} |`);
  out.push('', 'Top 10 inclusive plugin functions (time with the function on the stack, callees included):', '');
  out.push('| function | inclusive | share of all |', '| --- | ---: | ---: |');
  for (const [f, t] of a.pluginIncl.slice(0, 10)) out.push(`| \`${f}\` | ${t.toFixed(0)} ms | ${share(t)} |`);
  out.push('', 'Top 10 self-time functions overall:', '');
  out.push('| function | self time | share |', '| --- | ---: | ---: |');
  for (const [f, t] of a.topFns.slice(0, 10)) out.push(`| \`${f}\` | ${t.toFixed(0)} ms | ${share(t)} |`);
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ai = args.indexOf('--analyze');
  if (ai >= 0) {
    console.log(report(analyze(args[ai + 1]), path.basename(args[ai + 1])));
  } else {
    const oi = args.indexOf('--out');
    const outRoot = path.resolve(oi >= 0 ? args[oi + 1] : path.join(here, '..', '.out'));
    const pos = args.filter((x, i) => !x.startsWith('--') && !(oi >= 0 && i === oi + 1));
    const corpus = pos[0] ?? 'rxjs';
    const config = pos[1] ?? 'plugin';
    const corporaRoot = path.join(outRoot, 'corpora');
    mkdirSync(corporaRoot, { recursive: true });
    const gm = /^gen-(\d+)x$/.exec(corpus);
    const c = gm ? prepareGenerated(Number(gm[1]), corporaRoot) : prepareReal(corpus, corporaRoot);
    const profDir = path.join(outRoot, 'profiles', `${corpus}-${config}`);
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    const r = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500', path.join(here, 'worker.mjs'), c.dir, config],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const run = JSON.parse(r.stdout.trim().split('\n').pop());
    const file = path.join(
      profDir,
      readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')),
    );
    console.log(
      `${c.label}: ${c.files} files, ${c.lines} lines; ${config}: lint ${(run.lintMs / 1000).toFixed(2)} s, rule times ${JSON.stringify(run.ruleTimes)}; profile ${path.relative(repoRoot, file)}\n`,
    );
    console.log(report(analyze(file), `${c.label}, configuration \`${config}\``));
  }
}
