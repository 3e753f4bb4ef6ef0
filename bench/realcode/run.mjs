#!/usr/bin/env node
// Real code: lints the prepared repositories of bench/realcode/repos.json with the built plugin,
// records the findings (bench/realcode/findings.json), scores them by the triage ledger
// (bench/realcode/ledger.json) and lists every finding the ledger does not know yet.
//
//   npm run realcode                          lint every prepared repository, record, score
//   npm run realcode -- --set validation      one set (tuning | validation; `retired` ones are never linted)
//   npm run realcode -- --repo ioredis,bullmq some repositories (their entries in findings.json are replaced)
//   npm run realcode -- --prepare             write each checkout's tsconfig.unstopped.json; print the
//                                             steps that rebuild a missing checkout
//   npm run realcode -- --bench [--rounds N]  cost: typed parsing alone (floor), no-floating-promises
//                                             alone, this plugin alone; N interleaved rounds (default 5),
//                                             one fresh process per run; medians, minima, the ratio
//                                             (plugin − floor) ÷ (nfp − floor), the ratio of the rules'
//                                             own times (ESLint's stats: no parsing or start-up noise)
//                                             and the slowest files
//   --no-write                                do not update findings.json
//
// The checkouts live in $REALCODE_DIR, or in a `realcode` folder beside this repository.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { preparationSteps, readRepos, realcodeDir, repoRoot, writeTsconfig } from './repos.mjs';
import { findingsFile, formatRealcodeScore, readJson, scoreRun } from './score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
// `npm run realcode --bench` (without `--`) reaches the script as npm's config `bench`.
const has = (flag) => argv.includes(flag) || process.env[`npm_config_${flag.slice(2).replaceAll('-', '_')}`] === 'true';
const value = (flag) => {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
};

const onlySet = value('--set');
const onlyRepos = value('--repo')?.split(',');
let repos = readRepos().filter((repo) => (!onlySet || repo.set === onlySet) && (!onlyRepos || onlyRepos.includes(repo.name)));
if (onlyRepos) for (const name of onlyRepos) if (!repos.some((repo) => repo.name === name)) throw new Error(`unknown repository ${name}`);

if (!existsSync(path.join(repoRoot, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

const missing = repos.filter((repo) => !existsSync(path.join(realcodeDir(), repo.name)));
if (has('--prepare')) {
  for (const repo of repos) if (writeTsconfig(repo)) console.log(`${repo.name}: wrote tsconfig.unstopped.json`);
}
if (missing.length > 0) {
  console.log(`Not prepared in ${realcodeDir()} (steps to rebuild each, from repos.json):`);
  for (const repo of missing) {
    console.log(`  ${repo.name} (${repo.set})`);
    for (const step of preparationSteps(repo)) console.log(`    ${step}`);
  }
  repos = repos.filter((repo) => !missing.includes(repo));
}
if (has('--prepare') || repos.length === 0) process.exit(repos.length === 0 && !has('--prepare') ? 2 : 0);

function runWorker(name, config, stats) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', path.join(here, 'lint-repo.mjs'), name, config, ...(stats ? ['--stats'] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`${name} (${config}) exited with ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
      else resolve(JSON.parse(line));
    });
  });
}

function pluginVersion() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return `${sha}${dirty ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The types the checker made beyond the floor's, with the plugin and with no-floating-promises: `412 / 2475 (0.17)`. */
function typesAdded(t) {
  const [floor, plugin, nfp] = [t.floor, t.plugin, t.nfp].map((config) => config.types[0]);
  if (floor === undefined || plugin === undefined || nfp === undefined) return '?';
  return `${plugin - floor} / ${nfp - floor} (${((plugin - floor) / (nfp - floor)).toFixed(2)})`;
}

if (has('--bench')) {
  const rounds = Number(value('--rounds') ?? 5);
  const configs = ['floor', 'nfp', 'plugin'];
  const times = new Map(repos.map((repo) => [repo.name, Object.fromEntries(configs.map((c) => [c, { wall: [], cpu: [], rule: [], types: [] }]))]));
  const slowest = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const repo of repos) {
      // Rotate the order each round, so no configuration always runs first or last.
      const order = configs.map((_, i) => configs[(i + round) % configs.length]);
      for (const config of order) {
        // Both rule configurations run with ESLint's stats, so each pays the same timing overhead.
        const run = await runWorker(repo.name, config, config !== 'floor');
        const t = times.get(repo.name)[config];
        t.wall.push(run.lintMs);
        t.cpu.push(run.cpuMs);
        t.rule.push(run.ruleMs);
        if (run.checker) t.types.push(run.checker.types);
        if (config === 'plugin') slowest.set(repo.name, run.slowestFiles);
        process.stderr.write(`round ${round + 1}/${rounds} ${repo.name} ${config} ${(run.lintMs / 1000).toFixed(1)} s\n`);
      }
    }
  }
  const lines = [`Cost on real code — ${new Date().toISOString()}, ${rounds} interleaved rounds, plugin ${pluginVersion()}`, ''];
  lines.push(
    '| repository | set | lines | floor (median / min) | nfp | plugin | ratio (medians) | ratio (minima) | ratio (CPU medians) | ratio (rule time medians) | checker types added (plugin / nfp) |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const repo of repos) {
    const t = times.get(repo.name);
    const f = (xs) => `${(median(xs) / 1000).toFixed(2)} / ${(Math.min(...xs) / 1000).toFixed(2)} s`;
    const ratio = (pick, kind) => {
      const floor = pick(t.floor[kind]);
      return ((pick(t.plugin[kind]) - floor) / (pick(t.nfp[kind]) - floor)).toFixed(2);
    };
    lines.push(
      `| ${repo.name} | ${repo.set} | ${repo.lines ?? '?'} | ${f(t.floor.wall)} | ${f(t.nfp.wall)} | ${f(t.plugin.wall)} | ${ratio(median, 'wall')} | ${ratio((xs) => Math.min(...xs), 'wall')} | ${ratio(median, 'cpu')} | ${(median(t.plugin.rule) / median(t.nfp.rule)).toFixed(2)} | ${typesAdded(t)} |`,
    );
  }
  lines.push(
    '',
    "Checker types added: the types the program's checker made beyond typed parsing alone, with this plugin and with no-floating-promises, and their ratio. Unlike the times, the same in every run: a change that spares the checker a question shows here, however noisy the machine.",
  );
  lines.push('', "Slowest files by this plugin's rule time (last plugin run):");
  for (const repo of repos) {
    const files = slowest.get(repo.name) ?? [];
    lines.push(`- ${repo.name}: ${files.map((file) => `${file.file} ${file.ms.toFixed(0)} ms`).join(', ')}`);
  }
  console.log(lines.join('\n'));
  process.exit(0);
}

const previous = readJson(findingsFile, { repos: [] });
const run = { date: new Date().toISOString().slice(0, 10), plugin: pluginVersion(), repos: [] };
for (const repo of repos) {
  const result = await runWorker(repo.name, 'plugin', false);
  process.stderr.write(
    `${repo.name}: ${result.files} files, ${result.findings.length} findings, ${result.crashes.length} crashes, ${(result.lintMs / 1000).toFixed(1)} s\n`,
  );
  run.repos.push({
    name: repo.name,
    repo: repo.repo,
    set: repo.set,
    commit: repo.commit,
    files: result.files,
    lines: repo.lines,
    findings: result.findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    crashes: result.crashes,
  });
}
// A partial run replaces only the repositories it linted; the others keep their findings under
// their current set (a retired repository's findings are dropped).
const current = new Map(readRepos().map((r) => [r.name, r]));
const merged = {
  ...run,
  repos: [
    ...previous.repos
      .filter((old) => !run.repos.some((r) => r.name === old.name) && current.has(old.name))
      .map((old) => ({ ...old, set: current.get(old.name).set })),
    ...run.repos,
  ],
};
merged.repos.sort((a, b) => a.set.localeCompare(b.set) || a.name.localeCompare(b.name));
if (!has('--no-write')) writeFileSync(findingsFile, `${JSON.stringify(merged, null, 2)}\n`);
console.log(formatRealcodeScore(scoreRun(has('--no-write') ? run : merged)));
