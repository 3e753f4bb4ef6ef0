#!/usr/bin/env node
// Precision / recall of the plugin's rules against the labelled collection in bench/cases/.
//
//   node bench/eval.mjs            prints a table, every miss and every false report
//   node bench/eval.mjs --json     prints the same results as JSON
//   EVAL_PLUGIN_URL=file:///…/x.js  evaluates another build of the plugin (default: ../dist/index.js)
//
// Labels are trailing comments in the case files:
//   `// expect: stop-on-evict`      a finding of that rule is expected on this line
//                                   (several rules: `// expect: a, b`; several findings: `// expect: a x2`)
//   `// ok: stop-on-evict`          a dropping site that must NOT be reported (counted as a negative site;
//                                   every unmarked line must have no finding either)
//   `@eval unscored` in a file's first lines: a hard case — its findings are listed, never scored.
//
// Findings and labels are compared by (file, line, ruleId). Rule crashes and fatal messages are
// counted separately and make the script exit with code 1. Plain ESM JavaScript, so Node 20 runs it
// without a TypeScript loader; `evaluate()` is exported for test/eval.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultCasesDir = path.join(here, 'cases');
export const defaultPluginUrl = new URL('../dist/index.js', import.meta.url).href;

const MARKER = /\/\/\s*(expect|ok):\s*(.+?)\s*$/;
const UNSCORED = /@eval\s+unscored/;
/** Rules the collection is labelled for, whether or not the built plugin has them yet. */
const PLANNED_RULES = ['stop-on-evict', 'no-silent-overwrite'];

/** All `.ts` files under `dir` (not `.d.ts`), relative paths with `/`, sorted. */
function listCaseFiles(dir) {
  const out = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(dir);
  return out.sort().map((abs) => ({ abs, rel: path.relative(dir, abs).split(path.sep).join('/') }));
}

/** Parses `expect`/`ok` markers of one file. Rule names are stored without the plugin namespace. */
function readMarkers(text, namespace) {
  const expected = []; // { line, rule, count }
  const negatives = []; // { line, rule }
  const problems = []; // { line, text }
  const lines = text.split(/\r?\n/);
  lines.forEach((source, index) => {
    const m = MARKER.exec(source);
    if (!m) return;
    const line = index + 1;
    for (const item of m[2].split(',')) {
      const im = /^\s*([@\w/-]+?)(?:\s+x(\d+))?\s*$/.exec(item);
      if (!im) {
        problems.push({ line, text: source.trim() });
        continue;
      }
      const rule = im[1].startsWith(`${namespace}/`) ? im[1].slice(namespace.length + 1) : im[1];
      if (m[1] === 'expect') expected.push({ line, rule, count: Number(im[2] ?? 1) });
      else negatives.push({ line, rule });
    }
  });
  const unscored = UNSCORED.test(lines.slice(0, 5).join('\n'));
  return { expected, negatives, problems, unscored, lines };
}

const ratio = (num, den) => (den === 0 ? null : num / den);

function score(counts) {
  return {
    ...counts,
    precision: ratio(counts.tp, counts.tp + counts.fp),
    recall: ratio(counts.tp, counts.tp + counts.fn),
  };
}

/**
 * Lints the collection with every rule of the built plugin and scores the findings.
 * @param {{ casesDir?: string, pluginUrl?: string, plugin?: any, ruleOptions?: object }} [options]
 */
export async function evaluate(options = {}) {
  const casesDir = path.resolve(options.casesDir ?? defaultCasesDir);
  const started = Date.now();
  let plugin = options.plugin;
  if (!plugin) {
    const pluginUrl = options.pluginUrl ?? process.env.EVAL_PLUGIN_URL ?? defaultPluginUrl;
    try {
      plugin = (await import(pluginUrl)).default;
    } catch (error) {
      const err = new Error(
        `cannot load the plugin from ${pluginUrl} (run \`npm run build\` first): ${error instanceof Error ? error.message : String(error)}`,
      );
      err.code = 'PLUGIN_NOT_LOADED';
      throw err;
    }
  }
  const namespace = plugin?.meta?.namespace ?? 'unstopped';
  const pluginRules = Object.keys(plugin?.rules ?? {}).sort();

  const eslint = new ESLint({
    cwd: casesDir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { projectService: true, tsconfigRootDir: casesDir },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { [namespace]: plugin },
        rules: Object.fromEntries(pluginRules.map((name) => [`${namespace}/${name}`, options.ruleOptions ? ['error', options.ruleOptions] : 'error'])),
      },
    ],
  });

  const files = listCaseFiles(casesDir);
  const expectedByKey = new Map(); // `${rel}:${line}:${rule}` -> count (scored files only)
  const negativeKeys = new Set();
  const markerRules = new Set();
  const markerProblems = [];
  const crashes = [];
  const findings = []; // { file, line, column, rule, message, unscored }
  // Every suggestion is applied to its file and the result parsed: a suggestion must always parse.
  const suggestionCheck = { applied: 0, broken: [] };
  const negativesPerRule = new Map();
  const sources = new Map();
  const unscoredFiles = [];

  for (const file of files) {
    const text = readFileSync(file.abs, 'utf8');
    const markers = readMarkers(text, namespace);
    sources.set(file.rel, markers.lines);
    for (const p of markers.problems) markerProblems.push({ file: file.rel, ...p });
    if (markers.unscored) unscoredFiles.push(file.rel);
    for (const e of markers.expected) {
      markerRules.add(e.rule);
      if (markers.unscored) continue;
      const key = `${file.rel}:${e.line}:${e.rule}`;
      expectedByKey.set(key, (expectedByKey.get(key) ?? 0) + e.count);
    }
    for (const n of markers.negatives) {
      markerRules.add(n.rule);
      if (markers.unscored) continue;
      negativeKeys.add(`${file.rel}:${n.line}:${n.rule}`);
      negativesPerRule.set(n.rule, (negativesPerRule.get(n.rule) ?? 0) + 1);
    }

    let results;
    try {
      results = await eslint.lintFiles([file.abs]);
    } catch (error) {
      // A rule that throws aborts the whole file: ESLint rethrows with the rule and the location.
      const message = error instanceof Error ? error.message : String(error);
      const rm = /Rule: "([^"]+)"/.exec(message);
      const lm = /Occurred while linting [^\n]*?:(\d+)/.exec(message);
      crashes.push({
        file: file.rel,
        line: lm ? Number(lm[1]) : null,
        ruleId: rm ? rm[1] : null,
        message: message.split('\n').slice(0, 3).join(' | '),
      });
      continue;
    }
    for (const result of results) {
      for (const msg of result.messages) {
        if (msg.fatal || msg.ruleId === null) {
          crashes.push({ file: file.rel, line: msg.line ?? null, ruleId: msg.ruleId ?? null, message: msg.message });
          continue;
        }
        if (!msg.ruleId.startsWith(`${namespace}/`)) continue;
        for (const suggestion of msg.suggestions ?? []) {
          const { range, text: insert } = suggestion.fix;
          const fixed = text.slice(0, range[0]) + insert + text.slice(range[1]);
          suggestionCheck.applied++;
          const errors = syntaxErrors(fixed, file.abs);
          if (errors.length > 0) suggestionCheck.broken.push({ file: file.rel, line: msg.line, ruleId: msg.ruleId, desc: suggestion.desc, errors });
        }
        findings.push({
          file: file.rel,
          line: msg.line,
          column: msg.column,
          rule: msg.ruleId.slice(namespace.length + 1),
          message: msg.message,
          unscored: markers.unscored,
        });
      }
    }
  }

  for (const rule of markerRules) {
    if (!pluginRules.includes(rule) && !PLANNED_RULES.includes(rule)) {
      markerProblems.push({ file: '*', line: 0, text: `a marker names an unknown rule "${rule}"` });
    }
  }

  // Score by (file, line, rule).
  const actualByKey = new Map();
  const findingsByKey = new Map();
  for (const f of findings) {
    if (f.unscored) continue;
    const key = `${f.file}:${f.line}:${f.rule}`;
    actualByKey.set(key, (actualByKey.get(key) ?? 0) + 1);
    if (!findingsByKey.has(key)) findingsByKey.set(key, []);
    findingsByKey.get(key).push(f);
  }
  const ruleNames = [...new Set([...pluginRules, ...markerRules])].sort();
  const counts = new Map(ruleNames.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const misses = [];
  const falseReports = [];
  for (const [key, expected] of expectedByKey) {
    const actual = actualByKey.get(key) ?? 0;
    const [file, line, rule] = splitKey(key);
    const c = counts.get(rule);
    c.tp += Math.min(expected, actual);
    // A rule the plugin does not have yet is shown as "not in plugin", not as a list of misses.
    if (expected > actual && pluginRules.includes(rule)) {
      c.fn += expected - actual;
      misses.push({
        file,
        line,
        ruleId: `${namespace}/${rule}`,
        missing: expected - actual,
        source: sources.get(file)?.[line - 1]?.trim() ?? '',
      });
    }
  }
  for (const [key, actual] of actualByKey) {
    const expected = expectedByKey.get(key) ?? 0;
    if (actual <= expected) continue;
    const [, , rule] = splitKey(key);
    counts.get(rule).fp += actual - expected;
    // List the surplus findings (all of them when none was expected on the line).
    for (const f of findingsByKey.get(key).slice(expected)) {
      falseReports.push({
        file: f.file,
        line: f.line,
        column: f.column,
        ruleId: `${namespace}/${f.rule}`,
        message: f.message,
        mustNotSite: negativeKeys.has(key),
        duplicate: expected > 0,
      });
    }
  }
  const byPos = (a, b) => a.file.localeCompare(b.file) || a.line - b.line;
  misses.sort(byPos);
  falseReports.sort(byPos);

  const rules = {};
  const total = { tp: 0, fp: 0, fn: 0, expected: 0, mustNot: 0, reported: 0 };
  for (const rule of ruleNames) {
    const c = counts.get(rule);
    let expected = 0;
    for (const [key, n] of expectedByKey) if (splitKey(key)[2] === rule) expected += n;
    const present = pluginRules.includes(rule);
    const reported = findings.filter((f) => !f.unscored && f.rule === rule).length;
    const mustNot = negativesPerRule.get(rule) ?? 0;
    rules[rule] = score({ present, expected, mustNot, reported, ...c });
    rules[rule].hasData = present && c.tp + c.fp + c.fn > 0;
    if (present) {
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
      total.expected += expected;
      total.mustNot += mustNot;
      total.reported += reported;
    }
  }

  const unscored = findings
    .filter((f) => f.unscored)
    .map((f) => ({
      file: f.file,
      line: f.line,
      ruleId: `${namespace}/${f.rule}`,
      message: f.message,
      labelled: (sources.get(f.file)?.[f.line - 1] ?? '').includes(`expect: ${f.rule}`),
    }))
    .sort(byPos);

  return {
    plugin: { name: plugin?.meta?.name ?? null, version: plugin?.meta?.version ?? null, namespace, rules: pluginRules },
    casesDir,
    files: files.length,
    unscoredFiles,
    rules,
    overall: score(total),
    misses,
    falseReports,
    unscored,
    crashes,
    markerProblems,
    suggestions: suggestionCheck,
    durationMs: Date.now() - started,
  };
}

/** TypeScript's syntax errors in a source text (no type checking). */
function syntaxErrors(text, fileName) {
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { noEmit: false } });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

function splitKey(key) {
  const m = /^(.*):(\d+):([^:]+)$/.exec(key);
  return [m[1], Number(m[2]), m[3]];
}

const pct = (x) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);

export function formatReport(r) {
  const out = [];
  out.push(
    `${r.plugin.name ?? 'plugin'} ${r.plugin.version ?? ''} — ${r.files} case files (${r.unscoredFiles.length} unscored), ${(r.durationMs / 1000).toFixed(1)} s`,
  );
  out.push('');
  const head = ['rule', 'expected', 'must-not', 'reported', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const rows = Object.entries(r.rules).map(([name, s]) => [
    s.present ? name : `${name} (not in plugin)`,
    s.expected,
    s.mustNot,
    s.present ? s.reported : '-',
    s.present ? s.tp : '-',
    s.present ? s.fp : '-',
    s.present ? s.fn : '-',
    s.present ? pct(s.precision) : '-',
    s.present ? pct(s.recall) : '-',
  ]);
  const o = r.overall;
  rows.push(['overall', o.expected, o.mustNot, o.reported, o.tp, o.fp, o.fn, pct(o.precision), pct(o.recall)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  out.push(fmt(head));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.slice(0, -1).forEach((row) => out.push(fmt(row)));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(fmt(rows[rows.length - 1]));

  out.push('', `Misses (${r.misses.length}):`);
  for (const m of r.misses) {
    out.push(`  ${m.file}:${m.line}  ${m.ruleId}${m.missing > 1 ? ` (x${m.missing})` : ''}  | ${m.source}`);
  }
  out.push('', `False reports (${r.falseReports.length}):`);
  for (const f of r.falseReports) {
    const tag = f.duplicate ? ' [duplicate]' : f.mustNotSite ? ' [must-not site]' : '';
    out.push(`  ${f.file}:${f.line}:${f.column}  ${f.ruleId}${tag}  ${f.message}`);
  }
  if (r.unscored.length > 0) {
    out.push('', `Unscored findings in hard cases (${r.unscored.length}, listed only):`);
    for (const u of r.unscored) {
      out.push(`  ${u.file}:${u.line}  ${u.ruleId}${u.labelled ? ' [matches proposed label]' : ''}  ${u.message}`);
    }
  }
  if (r.markerProblems.length > 0) {
    out.push('', `Marker problems (${r.markerProblems.length}):`);
    for (const p of r.markerProblems) out.push(`  ${p.file}:${p.line}  ${p.text}`);
  }
  out.push('', `Suggestions applied and parsed: ${r.suggestions.applied}, broken: ${r.suggestions.broken.length}`);
  for (const b of r.suggestions.broken) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}": ${b.errors.join('; ')}`);
  out.push('', `Crashes (${r.crashes.length}):`);
  for (const c of r.crashes) {
    out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.ruleId ?? '(fatal)'}  ${c.message}`);
  }
  return out.join('\n');
}

async function main(argv) {
  const json = argv.includes('--json');
  // `--options '{"inference":false}'`: the same options for every rule, to compare configurations.
  const optionsIndex = argv.indexOf('--options');
  const ruleOptions = optionsIndex >= 0 ? JSON.parse(argv[optionsIndex + 1] ?? '{}') : undefined;
  let result;
  try {
    result = await evaluate(ruleOptions ? { ruleOptions } : {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (json) console.log(JSON.stringify({ error: message }, null, 2));
    else console.error(`eval: ${message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(result, null, 2));
  else console.log(formatReport(result));
  return result.crashes.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
