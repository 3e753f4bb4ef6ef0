#!/usr/bin/env node
// What this plugin costs, measured against typed parsing alone and against typescript-eslint's
// no-floating-promises (issue 5, item 1). Typed linting through the ESLint Node API, one fresh process
// per run (bench/bench/worker.mjs), configurations and corpora interleaved round by round.
//
//   node bench/bench.mjs                  full run (7 runs each), writes docs/performance.md
//   node bench/bench.mjs --quick          3 runs, real bases + 1× and 2× only, writes nothing
//   options: --runs N  --scales 1,2,4,8  --real rxjs,trpc  --no-real  --no-gen
//            --gen-configs floor,plugin   (configurations on the 2×–8× corpora; 1× also gets nfp)
//            --write / --no-write         (update docs/performance.md or not)
//            --out DIR                    (scratch folder; default bench/.out)
//
// Configurations: floor = typed parsing, no rules; syntax = `no-debugger` alone (a rule that asks for no
// types: what ESLint's rule machinery costs by itself); nfp = @typescript-eslint/no-floating-promises
// alone; plugin = this plugin's `all` config alone; both = nfp + plugin.
// Measures, per run: lint wall time (`new ESLint` + `lintFiles`, after module loading), process wall
// time, per-rule time from ESLint's `stats`, peak RSS (`process.resourceUsage().maxRSS`), and the heap
// retained after a forced full collection at the end (workers run with --expose-gc).
// Reported: min, median, max and spread ((max − min) ÷ median) over the runs; ratios use medians.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { prepareGenerated, prepareReal, REAL_BASES } from './bench/corpora.mjs';
import { DEFAULT_SEED, FILES_PER_SCALE } from './corpus/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const workerPath = path.join(here, 'bench', 'worker.mjs');
const docPath = path.join(repoRoot, 'docs', 'performance.md');

const CONFIGS = ['floor', 'syntax', 'nfp', 'plugin', 'both'];
// The generated 1× corpus: enough for the scaling line and a comparison with nfp.
const GEN_1X_CONFIGS = ['floor', 'nfp', 'plugin'];
const CONFIG_LABEL = {
  floor: 'typed parse only (floor)',
  syntax: '`no-debugger` alone (a rule that asks for no types)',
  nfp: '`no-floating-promises` alone',
  plugin: 'this plugin, `all`',
  both: 'both',
};
const TARGETS = { ratio: 0.5, scaling: 0.25, memory: 0.1 };

// ---------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const has = (f) => argv.includes(f);
const val = (f) => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = has('--quick');
const opts = {
  runs: Number(val('--runs') ?? (quick ? 3 : 7)),
  scales: (val('--scales') ?? (quick ? '1,2' : '1,2,4,8')).split(',').filter(Boolean).map(Number),
  real: has('--no-real') ? [] : (val('--real') ?? 'rxjs,trpc').split(',').filter(Boolean),
  gen: !has('--no-gen'),
  genConfigs: (val('--gen-configs') ?? 'floor,plugin').split(',').filter(Boolean),
  write: has('--write') || (!quick && !has('--no-write')),
  out: path.resolve(val('--out') ?? path.join(here, '.out')),
  seed: Number(val('--seed') ?? DEFAULT_SEED),
};
if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
for (const c of opts.genConfigs) if (!CONFIGS.includes(c)) throw new Error(`unknown configuration ${c}`);
for (const r of opts.real) if (!REAL_BASES[r]) throw new Error(`unknown real base ${r} (have ${Object.keys(REAL_BASES)})`);
if (!existsSync(path.join(repoRoot, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first (or `npm run bench`).');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (xs) => {
  const med = median(xs);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { min, median: med, max, spread: (max - min) / med, n: xs.length };
};
const s1 = (ms) => (ms / 1000).toFixed(2);
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const mb = (kb) => (kb / 1024).toFixed(0);
const ok = (b) => (b ? '✅ met' : '❌ not met');

function runWorker(dir, config) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', workerPath, dir, config], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_PLUGIN_URL: pluginUrl },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`worker ${config} on ${dir} exited with ${code}\n${err}`));
      try {
        const line = out.trim().split('\n').pop();
        resolve({ ...JSON.parse(line), spawnWallMs: wallMs });
      } catch (e) {
        reject(new Error(`worker ${config} on ${dir}: bad output ${out.slice(0, 500)}\n${err}`));
      }
    });
  });
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const ver = (p) => JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', p, 'package.json'), 'utf8')).version;
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // Not Linux: no load average to show.
  }
  return {
    nproc: cpus().length,
    cpu: model,
    node: process.version,
    eslint: ver('eslint'),
    typescript: ver('typescript'),
    tseslint: ver('@typescript-eslint/parser'),
    plugin: JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
    load,
  };
}

// ---------------------------------------------------------------------------------------------------
// Snapshot the built plugin, so that a rebuild during the run cannot mix two versions in one table
// ---------------------------------------------------------------------------------------------------
const snapshotDir = path.join(opts.out, 'plugin-snapshot');
rmSync(snapshotDir, { recursive: true, force: true });
mkdirSync(snapshotDir, { recursive: true });
cpSync(path.join(repoRoot, 'dist'), path.join(snapshotDir, 'dist'), { recursive: true });
cpSync(path.join(repoRoot, 'package.json'), path.join(snapshotDir, 'package.json'));
const pluginUrl = new URL(`file://${path.join(snapshotDir, 'dist', 'index.js')}`).href;
const distBuilt = statSync(path.join(repoRoot, 'dist', 'index.js'))
  .mtime.toISOString()
  .slice(0, 16)
  .replace('T', ' ');
let gitHead = 'unknown';
try {
  gitHead = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  if (dirty) gitHead += ' + uncommitted changes in src/';
} catch {
  // Not a git checkout: the report says so by naming no commit.
}
const pluginRules = Object.keys((await import(pluginUrl)).default.rules);

// ---------------------------------------------------------------------------------------------------
// Prepare corpora
// ---------------------------------------------------------------------------------------------------
const corporaRoot = path.join(opts.out, 'corpora');
mkdirSync(corporaRoot, { recursive: true });
const corpora = [];
for (const name of opts.real) corpora.push({ ...prepareReal(name, corporaRoot), configs: CONFIGS });
if (opts.gen) {
  for (const scale of opts.scales) {
    corpora.push({
      ...prepareGenerated(scale, corporaRoot, opts.seed),
      configs: scale === 1 ? [...new Set([...GEN_1X_CONFIGS, ...opts.genConfigs])] : opts.genConfigs,
    });
  }
}
const totalRuns = corpora.reduce((s, c) => s + c.configs.length, 0) * opts.runs;
const startMachine = machine();
console.log(
  `eslint-plugin-unstopped bench — ${startMachine.nproc} cores, ${startMachine.cpu}, Node ${startMachine.node}, ` +
    `ESLint ${startMachine.eslint}, TypeScript ${startMachine.typescript}, typescript-eslint ${startMachine.tseslint}; load ${startMachine.load}`,
);
for (const c of corpora)
  console.log(`  ${c.name.padEnd(8)} ${String(c.files).padStart(4)} files ${String(c.lines).padStart(7)} lines  [${c.configs.join(', ')}]`);
console.log(`${opts.runs} rounds, ${totalRuns} runs, one fresh process each, interleaved.`);

// ---------------------------------------------------------------------------------------------------
// Run: round by round; inside a round every (corpus, configuration), in an order rotated per round
// ---------------------------------------------------------------------------------------------------
const results = new Map(); // `${corpus}|${config}` -> run[]
const t0 = performance.now();
// One untimed warm-up run so the first measured run does not pay for a cold file cache.
await runWorker(corpora[0].dir, 'floor');
let done = 0;
for (let round = 0; round < opts.runs; round++) {
  const jobs = corpora.flatMap((c) => c.configs.map((cfg) => [c, cfg]));
  const shift = (round * 3) % jobs.length;
  const ordered = [...jobs.slice(shift), ...jobs.slice(0, shift)];
  if (round % 2 === 1) ordered.reverse();
  for (const [c, cfg] of ordered) {
    const r = await runWorker(c.dir, cfg);
    if (r.fatal > 0) {
      console.warn(`  ! ${c.name}/${cfg}: ${r.fatal} fatal message(s), e.g. ${r.fatalSamples.join(' | ')}`);
    }
    const key = `${c.name}|${cfg}`;
    if (!results.has(key)) results.set(key, []);
    results.get(key).push(r);
    done++;
  }
  const el = (performance.now() - t0) / 1000;
  console.log(`  round ${round + 1}/${opts.runs} done — ${done}/${totalRuns} runs, ${el.toFixed(0)} s elapsed`);
}
const elapsedS = (performance.now() - t0) / 1000;

// ---------------------------------------------------------------------------------------------------
// Aggregate
// ---------------------------------------------------------------------------------------------------
function agg(corpus, cfg) {
  const runs = results.get(`${corpus.name}|${cfg}`);
  if (!runs) return undefined;
  const ruleIds = new Set(runs.flatMap((r) => Object.keys(r.ruleTimes)));
  const rules = {};
  for (const id of ruleIds) rules[id] = summary(runs.map((r) => r.ruleTimes[id] ?? 0));
  const findings = {};
  for (const id of new Set(runs.flatMap((r) => Object.keys(r.findings)))) findings[id] = median(runs.map((r) => r.findings[id] ?? 0));
  return {
    lint: summary(runs.map((r) => r.lintMs)),
    cpu: summary(runs.map((r) => r.cpuMs ?? NaN)),
    proc: summary(runs.map((r) => r.spawnWallMs)),
    parse: summary(runs.map((r) => r.parseMs)),
    rss: summary(runs.map((r) => r.maxRssKB)),
    retained: summary(runs.map((r) => r.retainedHeapKB ?? NaN)),
    rules,
    findings,
    fatal: Math.max(...runs.map((r) => r.fatal)),
  };
}

const A = new Map(corpora.map((c) => [c.name, Object.fromEntries(c.configs.map((cfg) => [cfg, agg(c, cfg)]))]));

// ---------------------------------------------------------------------------------------------------
// Tables (markdown; printed and written to docs/performance.md)
// ---------------------------------------------------------------------------------------------------
const md = [];
const p = (line = '') => md.push(line);

p(
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`node bench/bench.mjs${argv.length ? ` ${argv.join(' ')}` : ''}\` ` +
    `(${opts.runs} runs per configuration, one fresh process each, interleaved; ${totalRuns} runs in ${(elapsedS / 60).toFixed(1)} min).`,
);
p();
p(
  `Machine: ${startMachine.nproc} cores (\`nproc\`), ${startMachine.cpu}; load average at start ${startMachine.load}, at end ${machine().load}. ` +
    `Node ${startMachine.node}, ESLint ${startMachine.eslint}, TypeScript ${startMachine.typescript}, typescript-eslint ${startMachine.tseslint}, plugin ${startMachine.plugin} at ${gitHead}, \`dist/\` built ${distBuilt} UTC, rules: ${pluginRules.join(', ')}.`,
);
p();
p(
  'Wall time is `new ESLint(…)` + `lintFiles()` inside the worker, after module loading (the part the configurations differ in); ' +
    '"process" is the whole process as seen by the parent. Spread = (max − min) ÷ median. Peak memory is `process.resourceUsage().maxRSS`; ' +
    'retained heap is `heapUsed` after a forced full collection when the lint is done (what the configuration keeps: program, types, caches). ' +
    'Differences and ratios use medians.',
);
p();

p('### Corpora');
p();
p('| corpus | files | lines | notes |');
p('| --- | ---: | ---: | --- |');
for (const c of corpora) {
  const note =
    c.kind === 'real' ? c.note : `seed ${opts.seed}, ${FILES_PER_SCALE * c.scale} modules + 1 shared lib, ${c.shapes} shapes, ${c.leaks} leak sites marked`;
  p(`| ${c.label} | ${c.files} | ${c.lines.toLocaleString('en-US')} | ${note} |`);
}
p();

p('### Wall time, memory, rule time');
p();
p(
  '| corpus | configuration | wall min | wall median | spread | CPU median (spread) | process median | parse (stats) | rule time (stats, median) | peak RSS median | findings |',
);
p('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |');
for (const c of corpora) {
  for (const cfg of c.configs) {
    const a = A.get(c.name)[cfg];
    const rules =
      Object.entries(a.rules)
        .map(([id, s]) => `${id.replace('@typescript-eslint/', '')} ${s1(s.median)} s`)
        .join('; ') || '—';
    const f =
      Object.entries(a.findings)
        .map(([id, n]) => `${id.replace('@typescript-eslint/', '')} ${n}`)
        .join('; ') || '—';
    p(
      `| ${c.label} | ${CONFIG_LABEL[cfg]} | ${s1(a.lint.min)} s | ${s1(a.lint.median)} s | ${(a.lint.spread * 100).toFixed(0)} % | ${s1(a.cpu.median)} s (${(a.cpu.spread * 100).toFixed(0)} %) | ${s1(a.proc.median)} s | ${s1(a.parse.median)} s | ${rules} | ${mb(a.rss.median)} MB | ${f} |`,
    );
  }
}
p();

// Ratios on the real bases.
const verdicts = [];
const realRows = corpora.filter((c) => c.kind === 'real');
if (realRows.length) {
  p('### This plugin against `no-floating-promises` (real code bases)');
  p();
  p(
    '| corpus | floor | + nfp | + plugin | + both | **(plugin − floor) ÷ (nfp − floor)** (median wall) | same with minima | same with CPU time (median) | (both − nfp) ÷ (nfp − floor) | over `no-debugger` alone: (plugin − it) ÷ (nfp − it) | target ≤ 0.50 (wall) |',
  );
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const c of realRows) {
    const a = A.get(c.name);
    const f = a.floor.lint;
    const dn = a.nfp.lint.median - f.median;
    const dp = a.plugin.lint.median - f.median;
    const db = a.both.lint.median - f.median;
    const ratio = dp / dn;
    const ratioMin = (a.plugin.lint.min - f.min) / (a.nfp.lint.min - f.min);
    const ratioCpu = (a.plugin.cpu.median - a.floor.cpu.median) / (a.nfp.cpu.median - a.floor.cpu.median);
    // What the plugin adds when another typed rule has already made the checker do (and JIT-compile) its work.
    const ratioWarm = (a.both.lint.median - a.nfp.lint.median) / dn;
    const ratioOverSyntax = a.syntax ? (a.plugin.lint.median - a.syntax.lint.median) / (a.nfp.lint.median - a.syntax.lint.median) : NaN;
    const met = ratio <= TARGETS.ratio;
    verdicts.push({
      target: `plugin adds ≤ 50 % of what no-floating-promises adds (${c.label})`,
      value: `${ratio.toFixed(2)} wall (${ratioMin.toFixed(2)} from minima, ${ratioCpu.toFixed(2)} CPU)`,
      met,
    });
    p(
      `| ${c.label} | ${s1(f.median)} s | ${dn >= 0 ? '+' : ''}${s1(dn)} s | ${dp >= 0 ? '+' : ''}${s1(dp)} s | ${db >= 0 ? '+' : ''}${s1(db)} s | **${ratio.toFixed(2)}** | ${ratioMin.toFixed(2)} | ${ratioCpu.toFixed(2)} | ${ratioWarm.toFixed(2)} | ${Number.isNaN(ratioOverSyntax) ? '—' : ratioOverSyntax.toFixed(2)} | ${ok(met)} |`,
    );
  }
  p();
}

// Scaling on the generated corpus.
const genRows = corpora.filter((c) => c.kind === 'generated').sort((x, y) => x.scale - y.scale);
if (genRows.length) {
  p('### Time this plugin adds per 1k lines (generated corpus)');
  p();
  p('| scale | lines | floor | plugin | added | **added per 1k lines** (wall) | vs 1× | added CPU per 1k lines | vs 1× | floor per 1k lines |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const per1k = [];
  const cpu1k = [];
  for (const c of genRows) {
    const a = A.get(c.name);
    const added = a.plugin.lint.median - a.floor.lint.median;
    const k = c.lines / 1000;
    per1k.push({ scale: c.scale, v: added / k });
    const base = per1k[0].v;
    const addedCpu = (a.plugin.cpu.median - a.floor.cpu.median) / k;
    cpu1k.push(addedCpu);
    p(
      `| ${c.scale}× | ${c.lines.toLocaleString('en-US')} | ${s1(a.floor.lint.median)} s | ${s1(a.plugin.lint.median)} s | ${added >= 0 ? '+' : ''}${s1(added)} s | **${(added / k).toFixed(0)} ms** | ${pct(added / k / base - 1)} | ${addedCpu.toFixed(0)} ms | ${pct(addedCpu / cpu1k[0] - 1)} | ${(a.floor.lint.median / k).toFixed(0)} ms |`,
    );
  }
  p();
  if (per1k.length > 1) {
    const base = per1k[0].v;
    const last = per1k[per1k.length - 1];
    const worst = per1k.reduce((w, x) => (Math.abs(x.v / base - 1) > Math.abs(w.v / base - 1) ? x : w), per1k[0]);
    const met = per1k.every((x) => Math.abs(x.v / base - 1) <= TARGETS.scaling);
    verdicts.push({
      target: `added time per 1k lines within 25 % from 1× to ${last.scale}×`,
      value: `${last.scale}× vs 1×: ${pct(last.v / base - 1)}; largest deviation ${pct(worst.v / base - 1)} at ${worst.scale}×`,
      met,
    });
    p(
      `Variation of the added time per 1k lines: ${last.scale}× vs 1× ${pct(last.v / base - 1)}; largest deviation from 1× ${pct(worst.v / base - 1)} (at ${worst.scale}×). Target within ±25 %: ${ok(met)}.`,
    );
    p();
    // Least-squares line through (kLOC, added): a fixed cost per program plus a cost per line. A cost
    // that grows faster than the lines shows as a rising residual at the large scales.
    const points = genRows.map((c) => {
      const a = A.get(c.name);
      return { scale: c.scale, x: c.lines / 1000, y: a.plugin.lint.median - a.floor.lint.median, yCpu: a.plugin.cpu.median - a.floor.cpu.median };
    });
    const fit = (key) => {
      const n = points.length;
      const mx = points.reduce((t, q) => t + q.x, 0) / n;
      const my = points.reduce((t, q) => t + q[key], 0) / n;
      const sxx = points.reduce((t, q) => t + (q.x - mx) ** 2, 0);
      const slope = points.reduce((t, q) => t + (q.x - mx) * (q[key] - my), 0) / sxx;
      return { slope, fixed: my - slope * mx };
    };
    const wall = fit('y');
    const cpu = fit('yCpu');
    p(
      `Least-squares line through the added wall time: **${s1(wall.fixed)} s per program + ${wall.slope.toFixed(0)} ms per 1k lines** ` +
        `(CPU: ${s1(cpu.fixed)} s + ${cpu.slope.toFixed(0)} ms per 1k lines). Added time per 1k lines once the fixed part is taken out, at each scale: ` +
        points.map((q) => `${q.scale}× ${((q.y - wall.fixed) / q.x).toFixed(0)} ms`).join(', ') +
        '.',
    );
    p();
  }
}

// Memory.
p('### Peak memory over typed parsing alone');
p();
p('Peak RSS: median (min–max over the runs). Retained heap: median after a forced full collection at the end.');
p();
p(
  '| corpus | peak RSS: floor | + `no-debugger` | + nfp | + plugin | + both | plugin rise over the floor | plugin rise over `no-debugger` alone | retained heap: floor | + nfp | + plugin | plugin rise (retained) |',
);
p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const c of corpora) {
  const a = A.get(c.name);
  const f = a.floor.rss.median;
  const range = (x) => `${mb(x.min)}–${mb(x.max)}`;
  const cell = (cfg) => (a[cfg] ? `${mb(a[cfg].rss.median)} MB (${range(a[cfg].rss)}; ${pct(a[cfg].rss.median / f - 1)})` : '—');
  const fr = a.floor.retained.median;
  const retainedCell = (cfg) => (a[cfg] ? `${mb(a[cfg].retained.median)} MB (${pct(a[cfg].retained.median / fr - 1)})` : '—');
  const rise = a.plugin.rss.median / f - 1;
  const riseRetained = a.plugin.retained.median / fr - 1;
  const riseOverSyntax = a.syntax ? a.plugin.rss.median / a.syntax.rss.median - 1 : undefined;
  const met = rise < TARGETS.memory;
  verdicts.push({ target: `peak RSS < +10 % over the floor (${c.label})`, value: pct(rise), met });
  if (riseOverSyntax !== undefined) {
    verdicts.push({ target: `peak RSS < +10 % over \`no-debugger\` alone (${c.label})`, value: pct(riseOverSyntax), met: riseOverSyntax < TARGETS.memory });
  }
  verdicts.push({ target: `retained heap < +10 % over the floor (${c.label})`, value: pct(riseRetained), met: riseRetained < TARGETS.memory });
  p(
    `| ${c.label} | ${mb(f)} MB (${range(a.floor.rss)}) | ${cell('syntax')} | ${cell('nfp')} | ${cell('plugin')} | ${cell('both')} | ${pct(rise)} | ${riseOverSyntax === undefined ? '—' : pct(riseOverSyntax)} | ${mb(fr)} MB | ${retainedCell('nfp')} | ${retainedCell('plugin')} | ${pct(riseRetained)} |`,
  );
}
p();

p('### Targets');
p();
p('| target | measured | verdict |');
p('| --- | --- | --- |');
for (const v of verdicts) p(`| ${v.target} | ${v.value} | ${ok(v.met)} |`);
p();

const text = md.join('\n');
console.log(`\n${text}`);

// Raw results for later inspection.
writeFileSync(
  path.join(opts.out, 'bench-results.json'),
  `${JSON.stringify({ machine: startMachine, opts, corpora: corpora.map(({ dir: _dir, ...c }) => c), runs: Object.fromEntries(results) }, null, 1)}\n`,
);

if (opts.write) {
  const START = '<!-- bench:start (written by bench/bench.mjs; edit outside these markers) -->';
  const END = '<!-- bench:end -->';
  let doc = existsSync(docPath)
    ? readFileSync(docPath, 'utf8')
    : `# Performance\n\nHow much this plugin costs on top of typed linting. Regenerate the measurements with \`npm run bench\`.\n\n## Measurements\n\n${START}\n${END}\n`;
  if (!doc.includes(START) || !doc.includes(END)) doc += `\n## Measurements\n\n${START}\n${END}\n`;
  const before = doc.slice(0, doc.indexOf(START) + START.length);
  const after = doc.slice(doc.indexOf(END));
  mkdirSync(path.dirname(docPath), { recursive: true });
  writeFileSync(docPath, `${before}\n${text}\n${after}`);
  console.log(`\nwrote ${path.relative(repoRoot, docPath)}`);
}
