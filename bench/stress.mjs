#!/usr/bin/env node
// Stress run: every rule of the built plugin, type-aware, over
//   (a) real TypeScript sources shipped by pinned devDependencies (rxjs, zod, @trpc/server, mobx, effect),
//       copied to bench/.out/stress/real/<package>/ with a generated tsconfig each;
//   (b) generated pathological inputs in bench/.out/stress/gen/ (a 20,000-line file, recursive and
//       mutually recursive types, huge unions, `any` everywhere, rarely seen syntax, long bodies, long
//       helper chains, …) and bench/.out/stress/deep/ (nesting ladders probed up to the parser's limit).
//
//   node bench/stress.mjs                  full run; exit code 1 on any rule crash
//   node bench/stress.mjs --filter deep/   lint only files whose path (relative to bench/.out/stress) contains the text
//   node bench/stress.mjs --only gen       one part: real | gen | deep
//   node bench/stress.mjs --json out.json  also write every result as JSON
//   STRESS_PLUGIN_URL=file:///…/x.js       another build of the plugin (default: ../dist/index.js)
//
// Every file is linted on its own, so one crash never stops the run. A fatal message is a parser
// error (syntax, or the parser's own stack overflow); an exception thrown out of ESLint whose
// stack goes through the plugin's dist/ or that names a rule is a rule crash; anything else is
// listed as another error. Plain ESM JavaScript, so Node 20 runs it without a loader.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser, { clearCaches } from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { generateDeep, probeParserDepths } from './stress/deep.mjs';
import { generatePathological } from './stress/generate.mjs';
import { prepareRealSources } from './stress/real.mjs';

Error.stackTraceLimit = 50;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
export const outDir = path.join(here, '.out', 'stress');
const distDir = path.join(repoRoot, 'dist');
const defaultPluginUrl = new URL('../dist/index.js', import.meta.url).href;

function parseArgs(argv) {
  const args = { filter: undefined, only: undefined, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--filter') args.filter = argv[++i];
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.only && !['real', 'gen', 'deep'].includes(args.only)) throw new Error('--only takes real, gen or deep');
  return args;
}

const rel = (abs) => path.relative(outDir, abs).split(path.sep).join('/');
const countLines = (text) => (text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

/** Classifies an exception thrown out of `lintFiles`. */
function classifyThrown(error, namespace) {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? message) : message;
  const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? null;
  const line = Number(/Occurred while linting [^\n]*?:(\d+)/.exec(message)?.[1] ?? NaN);
  const frames = stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
  const throughDist = frames.some((f) => f.includes(distDir));
  const isRule = throughDist || (rule !== null && rule.startsWith(`${namespace}/`)) || rule !== null;
  const pluginFrames = frames.filter((f) => f.includes(distDir)).map((f) => f.replace(repoRoot + path.sep, ''));
  return {
    category: isRule ? 'rule' : 'other',
    rule,
    line: Number.isNaN(line) ? null : line,
    message: message.split('\n')[0],
    stackTop: frames.slice(0, 3).map((f) => f.replace(repoRoot + path.sep, '')),
    pluginTop: pluginFrames.slice(0, 6),
    stackOverflow: error instanceof RangeError && /call stack/.test(message),
  };
}

function ruleTimesOf(result) {
  const times = {};
  let parse = 0;
  let rules = 0;
  for (const pass of result.stats?.times?.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    for (const [id, t] of Object.entries(pass.rules ?? {})) {
      times[id] = (times[id] ?? 0) + t.total;
      rules += t.total;
    }
  }
  return { parse, rules, byRule: times };
}

export async function runStress(options = {}) {
  const started = performance.now();
  const pluginUrl = options.pluginUrl ?? process.env.STRESS_PLUGIN_URL ?? defaultPluginUrl;
  let plugin;
  try {
    plugin = (await import(pluginUrl)).default;
  } catch (error) {
    throw new Error(`cannot load the plugin from ${pluginUrl} (run \`npm run build\` first): ${error instanceof Error ? error.message : String(error)}`);
  }
  const namespace = plugin?.meta?.namespace ?? 'unstopped';
  const allConfig = plugin?.configs?.all;
  if (!allConfig) throw new Error('the plugin has no `all` config');
  const ruleIds = Object.keys(allConfig.rules ?? {});

  mkdirSync(outDir, { recursive: true });
  const prepStarted = performance.now();
  const parts = [];
  const log = options.log ?? ((line) => console.log(line));
  if (!options.only || options.only === 'real') {
    const real = prepareRealSources(outDir, path.join(repoRoot, 'node_modules'));
    if (real.missing.length > 0) log(`warning: package sources not installed: ${real.missing.join(', ')}`);
    for (const project of real.projects) parts.push({ project, files: real.files.filter((f) => f.abs.startsWith(project + path.sep)) });
  }
  let probe = null;
  if (!options.only || options.only === 'gen') {
    const gen = generatePathological(outDir);
    parts.push({ project: gen.project, files: gen.files });
  }
  if (!options.only || options.only === 'deep') {
    probe = probeParserDepths(tsParser);
    const deep = generateDeep(outDir, probe);
    parts.push({ project: deep.project, files: deep.files });
  }
  const prepMs = performance.now() - prepStarted;

  const filter = options.filter;
  const results = [];
  const crashes = [];
  const otherErrors = [];
  const parserErrors = [];
  const projectLoads = [];
  const notices = [];
  let findings = 0;
  const findingsByRule = {};

  for (const part of parts) {
    const files = part.files.filter((f) => !filter || rel(f.abs).includes(filter));
    if (files.length === 0) continue;
    // One project service per part: programs of earlier parts are released (and cannot leak state in).
    clearCaches();
    const eslint = new ESLint({
      cwd: outDir,
      overrideConfigFile: true,
      ignore: false,
      stats: true,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
          languageOptions: {
            parser: tsParser,
            parserOptions: { projectService: true, tsconfigRootDir: outDir },
          },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
        },
        allConfig,
      ],
    });
    // The first file of a project pays for loading the program: lint a one-line file first.
    const warmup = path.join(part.project, '__warmup__.ts');
    writeFileSync(warmup, 'export {};\n');
    const w0 = performance.now();
    try {
      await eslint.lintFiles([warmup]);
    } catch {
      /* counted when the real files fail */
    }
    projectLoads.push({ project: rel(part.project), ms: performance.now() - w0 });

    for (const file of files) {
      const text = readFileSync(file.abs, 'utf8');
      const entry = { file: rel(file.abs), group: file.group, kind: file.kind, lines: countLines(text), ms: 0, parseMs: 0, rulesMs: 0, findings: 0, expect: file.expect };
      const t0 = performance.now();
      try {
        const [result] = await eslint.lintFiles([file.abs]);
        entry.ms = performance.now() - t0;
        const times = ruleTimesOf(result ?? {});
        entry.parseMs = times.parse;
        entry.rulesMs = times.rules;
        for (const msg of result?.messages ?? []) {
          if (msg.fatal) {
            const overflow = /call stack/i.test(msg.message);
            parserErrors.push({ file: entry.file, group: file.group, line: msg.line ?? null, message: msg.message, stackOverflow: overflow, expected: file.expect === 'parser-error' || file.maybeParserError === true });
            entry.parserError = true;
          } else if (msg.ruleId === null) {
            notices.push({ file: entry.file, line: msg.line, message: msg.message });
          } else if (msg.ruleId.startsWith(`${namespace}/`)) {
            entry.findings++;
            findings++;
            findingsByRule[msg.ruleId] = (findingsByRule[msg.ruleId] ?? 0) + 1;
          }
        }
      } catch (error) {
        entry.ms = performance.now() - t0;
        const c = classifyThrown(error, namespace);
        entry.crash = c.category;
        (c.category === 'rule' ? crashes : otherErrors).push({ file: entry.file, group: file.group, ...c });
      }
      results.push(entry);
      if (options.onFile) options.onFile(entry);
    }
  }

  const lintedResults = results;
  return {
    plugin: { name: plugin?.meta?.name ?? null, version: plugin?.meta?.version ?? null, namespace, rules: ruleIds },
    probe,
    files: lintedResults.length,
    lines: lintedResults.reduce((n, r) => n + r.lines, 0),
    byKind: summarizeBy(lintedResults, (r) => r.kind),
    byGroup: summarizeBy(lintedResults, (r) => r.group),
    findings,
    findingsByRule,
    parserErrors,
    crashes,
    otherErrors,
    notices,
    projectLoads,
    results: lintedResults,
    prepMs,
    totalMs: performance.now() - started,
  };
}

function summarizeBy(results, key) {
  const out = {};
  for (const r of results) {
    const k = key(r);
    const s = (out[k] ??= { files: 0, lines: 0, ms: 0, findings: 0 });
    s.files++;
    s.lines += r.lines;
    s.ms += r.ms;
    s.findings += r.findings;
  }
  return out;
}

const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

export function formatReport(r) {
  const out = [];
  out.push(`${r.plugin.name ?? 'plugin'} ${r.plugin.version ?? ''} — rules: ${r.plugin.rules.join(', ')}`);
  out.push(`Linted ${r.files} files, ${r.lines.toLocaleString('en')} lines, in ${sec(r.totalMs)} (preparing inputs ${sec(r.prepMs)})`);
  for (const [group, s] of Object.entries(r.byGroup)) {
    out.push(`  ${group.padEnd(18)} ${String(s.files).padStart(5)} files ${String(s.lines).padStart(8)} lines ${sec(s.ms).padStart(9)}  ${s.findings} findings`);
  }
  out.push(`Project loads (first file of each program): ${r.projectLoads.map((p) => `${p.project} ${sec(p.ms)}`).join(', ')}`);
  if (r.probe) {
    out.push('', 'Nesting probe (parser only; deepest accepted / first rejected depth):');
    for (const p of r.probe.kinds) out.push(`  ${p.kind.padEnd(16)} ${String(p.maxOk).padStart(6)} / ${p.firstFail === null ? 'none up to ' + p.limit : String(p.firstFail).padStart(6)}  ${p.failMessage ?? ''}`);
  }
  const unexpected = r.parserErrors.filter((e) => !e.expected);
  out.push('', `Parser errors: ${r.parserErrors.length} (${r.parserErrors.filter((e) => e.stackOverflow).length} stack overflows, ${unexpected.length} unexpected)`);
  for (const e of unexpected) out.push(`  ${e.file}${e.line ? `:${e.line}` : ''}  ${e.message}`);
  out.push('', `Rule crashes: ${r.crashes.length}`);
  for (const c of r.crashes) {
    out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.rule ?? '(no rule id)'}  ${c.message}`);
    for (const f of c.pluginTop.length > 0 ? c.pluginTop : c.stackTop) out.push(`      ${f}`);
  }
  if (r.otherErrors.length > 0) {
    out.push('', `Other errors (thrown outside the plugin): ${r.otherErrors.length}`);
    for (const c of r.otherErrors) {
      out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.message}`);
      for (const f of c.stackTop) out.push(`      ${f}`);
    }
  }
  out.push('', `Findings: ${r.findings} (${Object.entries(r.findingsByRule).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);
  if (r.notices.length > 0) out.push(`Other (non-rule) messages: ${r.notices.length}`);
  const slowest = [...r.results].sort((a, b) => b.ms - a.ms).slice(0, 10);
  out.push('', 'Slowest 10 files (wall time; parse = ESLint parse incl. type program update; rules = plugin rules):');
  for (const s of slowest) {
    out.push(`  ${sec(s.ms).padStart(9)}  parse ${sec(s.parseMs).padStart(8)}  rules ${sec(s.rulesMs).padStart(8)}  ${String(s.lines).padStart(6)} lines  ${s.file}`);
  }
  const rulesSlowest = [...r.results].sort((a, b) => b.rulesMs - a.rulesMs).slice(0, 5);
  out.push('', 'Most rule time:');
  for (const s of rulesSlowest) out.push(`  ${sec(s.rulesMs).padStart(9)}  ${String(s.lines).padStart(6)} lines  ${(s.rulesMs / Math.max(1, s.lines)).toFixed(2)} ms/line  ${s.file}`);
  const scaling = scalingReport(r.results);
  if (scaling.length > 0) {
    out.push('', 'Scaling series (rule time as the input grows; ratio ≈ 2 per doubling is linear, ≈ 4 quadratic):');
    for (const line of scaling) out.push(`  ${line}`);
  }
  out.push('', `Total time: ${sec(r.totalMs)}`);
  out.push(r.crashes.length === 0 ? 'OK: no rule crashes.' : `FAIL: ${r.crashes.length} rule crash(es).`);
  return out.join('\n');
}

/** Files named `…-scale-<n>.ts` form a series; prints rule time per size and the growth per doubling. */
function scalingReport(results) {
  const series = new Map();
  for (const r of results) {
    const m = /^(.*)-scale-(\d+)\.tsx?$/.exec(r.file);
    if (!m || r.crash || r.parserError) continue;
    if (!series.has(m[1])) series.set(m[1], []);
    series.get(m[1]).push({ n: Number(m[2]), ms: r.rulesMs });
  }
  const lines = [];
  for (const [name, points] of series) {
    points.sort((a, b) => a.n - b.n);
    const first = points[0];
    const last = points[points.length - 1];
    const exponent = points.length > 1 && first.ms > 0 ? Math.log(last.ms / first.ms) / Math.log(last.n / first.n) : NaN;
    lines.push(`${name.padEnd(34)} ${points.map((p) => `${p.n}: ${p.ms.toFixed(0)} ms`).join('  ')}   growth exponent ≈ ${Number.isNaN(exponent) ? 'n/a' : exponent.toFixed(2)}`);
  }
  return lines;
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`stress: ${error.message}`);
    return 2;
  }
  if (args.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 19).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return 0;
  }
  let result;
  try {
    let done = 0;
    result = await runStress({
      filter: args.filter,
      only: args.only,
      onFile: (entry) => {
        done++;
        if (entry.crash === 'rule') console.error(`  rule crash: ${entry.file}`);
        if (process.stderr.isTTY && done % 50 === 0) process.stderr.write(`  … ${done} files\r`);
      },
    });
  } catch (error) {
    console.error(`stress: ${error instanceof Error ? error.stack : String(error)}`);
    return 2;
  }
  console.log(formatReport(result));
  if (args.json) writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  return result.crashes.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
