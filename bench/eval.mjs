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
// In the real-fix corpus (bench/history), a post-fix file may also carry
//   `// left: stop-on-evict (fixed later upstream: <sha> <url>)`
// on a drop the cited fix left in place and a later upstream commit removed: a finding there is a
// leak the fix left, neither a false report nor a site of the recall.
//
// Findings and labels are compared by (file, line, ruleId). Rule crashes and fatal messages are
// counted separately and make the script exit with code 1. Plain ESM JavaScript, so Node 20 runs it
// without a TypeScript loader; `evaluate()` is exported for test/eval.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { formatRealcodeScore, scoreRecordedRun } from './realcode/score.mjs';
import { applyFix, callsEnclosingFunction, createTypeCheck, offsetAfterFix, offsetOf, syntaxErrors } from './suggestionChecks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultCasesDir = path.join(here, 'cases');
export const defaultPluginUrl = new URL('../dist/index.js', import.meta.url).href;

const MARKER = /\/\/\s*(expect|ok):\s*(.+?)\s*$/;
/** `// left: <rule> (fixed later upstream: <sha> <url>)`: a drop a fix left, with the later commit that removed it. */
const LEFT_MARKER = /\/\/\s*left:\s*(.*)$/;
const LEFT_ITEM = /^([@\w/-]+)\s+\(fixed later upstream: [0-9a-f]{12,40} https:\/\/\S+\)\s*$/;
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
  const left = []; // { line, rule }
  const problems = []; // { line, text }
  const lines = text.split(/\r?\n/);
  lines.forEach((source, index) => {
    const leftBy = LEFT_MARKER.exec(source);
    if (leftBy) {
      const item = LEFT_ITEM.exec(leftBy[1]);
      if (!item) problems.push({ line: index + 1, text: `a left marker needs a rule and the later commit: ${source.trim()}` });
      else left.push({ line: index + 1, rule: item[1].startsWith(`${namespace}/`) ? item[1].slice(namespace.length + 1) : item[1] });
      return;
    }
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
  return { expected, negatives, left, problems, unscored, lines };
}

const ratio = (num, den) => (den === 0 ? null : num / den);

function score(counts) {
  return {
    ...counts,
    precision: ratio(counts.tp, counts.tp + counts.fp),
    recall: ratio(counts.tp, counts.tp + counts.fn),
  };
}

/** Loads the built plugin (or the one given), with a clear error when it has not been built. */
async function loadPlugin(options) {
  if (options.plugin) return options.plugin;
  const pluginUrl = options.pluginUrl ?? process.env.EVAL_PLUGIN_URL ?? defaultPluginUrl;
  try {
    return (await import(pluginUrl)).default;
  } catch (error) {
    const err = new Error(`cannot load the plugin from ${pluginUrl} (run \`npm run build\` first): ${error instanceof Error ? error.message : String(error)}`);
    err.code = 'PLUGIN_NOT_LOADED';
    throw err;
  }
}

/**
 * Lints every `.ts` file under `dir` with every rule of the plugin (typed, through the project
 * service, so each file gets its nearest tsconfig) and returns, per file, its markers, findings,
 * crashes and the check of every suggestion.
 */
async function lintCorpus(dir, plugin, ruleOptions) {
  const namespace = plugin?.meta?.namespace ?? 'unstopped';
  const pluginRules = Object.keys(plugin?.rules ?? {}).sort();
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { projectService: true, tsconfigRootDir: dir },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { [namespace]: plugin },
        rules: Object.fromEntries(pluginRules.map((name) => [`${namespace}/${name}`, ruleOptions ? ['error', ruleOptions] : 'error'])),
      },
    ],
  });
  const files = [];
  const crashes = [];
  // Every suggestion is applied to its file and the result parsed: a suggestion must always parse,
  // must type-check where its file did, and must never call the function it is inserted into.
  const suggestions = { applied: 0, broken: [], typeErrors: [], selfCalls: [], leaveReport: [] };
  const typeErrorsAdded = createTypeCheck();
  for (const file of listCaseFiles(dir)) {
    const text = readFileSync(file.abs, 'utf8');
    const markers = readMarkers(text, namespace);
    const findings = [];
    files.push({ ...file, text, markers, findings });
    let results;
    try {
      results = await eslint.lintFiles([file.abs]);
    } catch (error) {
      // A rule that throws aborts the whole file: ESLint rethrows with the rule and the location.
      const message = error instanceof Error ? error.message : String(error);
      const rm = /Rule: "([^"]+)"/.exec(message);
      const lm = /Occurred while linting [^\n]*?:(\d+)/.exec(message);
      crashes.push({ file: file.rel, line: lm ? Number(lm[1]) : null, ruleId: rm ? rm[1] : null, message: message.split('\n').slice(0, 3).join(' | ') });
      continue;
    }
    let restore = false;
    for (const result of results) {
      for (const msg of result.messages) {
        if (msg.fatal || msg.ruleId === null) {
          crashes.push({ file: file.rel, line: msg.line ?? null, ruleId: msg.ruleId ?? null, message: msg.message });
          continue;
        }
        if (!msg.ruleId.startsWith(`${namespace}/`)) continue;
        for (const suggestion of msg.suggestions ?? []) {
          suggestions.applied++;
          const fixed = applyFix(text, suggestion.fix);
          const errors = syntaxErrors(fixed, file.abs);
          if (errors.length > 0) suggestions.broken.push({ file: file.rel, line: msg.line, ruleId: msg.ruleId, desc: suggestion.desc, errors });
          const selfCall = callsEnclosingFunction(text, suggestion.fix, file.abs);
          if (selfCall) suggestions.selfCalls.push({ file: file.rel, line: msg.line, ruleId: msg.ruleId, desc: suggestion.desc, function: selfCall });
          // The edit must pay what the report asks: linted again, the report is gone from its place
          // (moved by the edit's own text). Another report the edit brings to light is that report's own.
          if (errors.length === 0) {
            const added = typeErrorsAdded(file.abs, fixed);
            if (added.length > 0) suggestions.typeErrors.push({ file: file.rel, line: msg.line, ruleId: msg.ruleId, desc: suggestion.desc, errors: added });
            const site = offsetAfterFix(offsetOf(text, msg.line, msg.column), suggestion.fix);
            const [after] = await eslint.lintText(fixed, { filePath: file.abs });
            const stays = after.messages.some((other) => other.ruleId === msg.ruleId && offsetOf(fixed, other.line, other.column) === site);
            if (stays) suggestions.leaveReport.push({ file: file.rel, line: msg.line, ruleId: msg.ruleId, desc: suggestion.desc });
            restore = true;
          }
        }
        findings.push({
          file: file.rel,
          line: msg.line,
          column: msg.column,
          rule: msg.ruleId.slice(namespace.length + 1),
          message: msg.message,
          suggested: (msg.suggestions?.length ?? 0) > 0,
        });
      }
    }
    // The program saw the edited text: give it the file as it is on disk again.
    if (restore) await eslint.lintText(text, { filePath: file.abs });
  }
  return { namespace, pluginRules, files, crashes, suggestions };
}

/**
 * Lints the collection with every rule of the built plugin and scores the findings.
 * @param {{ casesDir?: string, pluginUrl?: string, plugin?: any, ruleOptions?: object }} [options]
 */
export async function evaluate(options = {}) {
  const casesDir = path.resolve(options.casesDir ?? defaultCasesDir);
  const started = Date.now();
  const plugin = await loadPlugin(options);
  const { namespace, pluginRules, files, crashes, suggestions } = await lintCorpus(casesDir, plugin, options.ruleOptions);

  const expectedByKey = new Map(); // `${rel}:${line}:${rule}` -> count (scored files only)
  const negativeKeys = new Set();
  const markerRules = new Set();
  const markerProblems = [];
  const findings = []; // { file, line, column, rule, message, unscored }
  const negativesPerRule = new Map();
  const sources = new Map();
  const unscoredFiles = [];

  for (const file of files) {
    const { markers } = file;
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
    for (const f of file.findings) findings.push({ ...f, unscored: markers.unscored });
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
        suggested: f.suggested,
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
    // A suggestion at a must-not site (a borrowed value, one already released…) edits code that owes nothing.
    suggestions: { ...suggestions, onSitesOwingNothing: falseReports.filter((f) => f.mustNotSite && f.suggested) },
    durationMs: Date.now() - started,
  };
}

/** Every folder with a `pre.ts` under the history corpus, relative, sorted. */
export const defaultHistoryDir = path.join(here, 'history');

const HEADER = {
  history: /^\/\/\s*history:\s*(\S+\/\S+)\s+(\S.*?)\s*$/,
  leaked: /^\/\/\s*leaked:\s*(\S.*)$/,
  covers: /^\/\/\s*covers:\s*(\S.*)$/,
};

/** The cited header of a history file: project, reference, what leaked, coverage tags. */
function readHistoryHeader(lines) {
  const head = lines.slice(0, 6);
  const find = (pattern) => head.map((line) => pattern.exec(line)).find(Boolean);
  const history = find(HEADER.history);
  const leaked = find(HEADER.leaked);
  const covers = find(HEADER.covers);
  const tags = {};
  for (const part of covers ? covers[1].split(/\s+/) : []) {
    const [name, value] = part.split('=');
    if (name && value) tags[name] = value;
  }
  return {
    project: history?.[1],
    reference: history?.[2],
    diffRead: history ? /diff read/i.test(history[2]) : false,
    leaked: leaked?.[1],
    tags,
  };
}

/**
 * Scores the real-fix corpus: recall over the dropping sites marked in the pre-fix files, every
 * other finding on a pre-fix file and every finding on a post-fix file a false report.
 * @param {{ historyDir?: string, pluginUrl?: string, plugin?: any, ruleOptions?: object }} [options]
 */
export async function evaluateHistory(options = {}) {
  const historyDir = path.resolve(options.historyDir ?? defaultHistoryDir);
  const started = Date.now();
  const plugin = await loadPlugin(options);
  const { namespace, pluginRules, files, crashes, suggestions } = await lintCorpus(historyDir, plugin, options.ruleOptions);
  const cases = new Map(); // folder -> case
  const markerProblems = [];
  for (const file of files) {
    const base = path.posix.basename(file.rel);
    const side = /^pre(\.|$)/.test(base) ? 'pre' : /^post(\.|$)/.test(base) ? 'post' : undefined;
    if (!side) {
      markerProblems.push({ file: file.rel, line: 0, text: 'a history file must be named pre.ts, post.ts, pre.<name>.ts or post.<name>.ts' });
      continue;
    }
    const folder = path.posix.dirname(file.rel);
    let entry = cases.get(folder);
    if (!entry) cases.set(folder, (entry = { folder, header: undefined, pre: [], post: [] }));
    const header = readHistoryHeader(file.markers.lines);
    const missing = [!header.project && 'history', !header.leaked && 'leaked', Object.keys(header.tags).length === 0 && 'covers'].filter(Boolean);
    if (missing.length > 0) markerProblems.push({ file: file.rel, line: 1, text: `header lacks: ${missing.join(', ')}` });
    if (base === `${side}.ts`) entry.header = header;
    for (const p of file.markers.problems) markerProblems.push({ file: file.rel, ...p });
    if (side === 'post' && file.markers.expected.length > 0)
      markerProblems.push({ file: file.rel, line: file.markers.expected[0].line, text: 'a post-fix file has an expect marker' });
    if (side === 'pre' && file.markers.left.length > 0)
      markerProblems.push({ file: file.rel, line: file.markers.left[0].line, text: 'a left marker belongs on a post-fix file' });
    entry[side].push(file);
  }

  const perRule = new Map(pluginRules.map((rule) => [rule, { tp: 0, fn: 0, preFalse: 0, postFalse: 0 }]));
  const ruleCounts = (rule) => {
    if (!perRule.has(rule)) perRule.set(rule, { tp: 0, fn: 0, preFalse: 0, postFalse: 0 });
    return perRule.get(rule);
  };
  const misses = [];
  const falseReports = [];
  const falseReport = (side, f) => ({
    side,
    file: f.file,
    line: f.line,
    column: f.column,
    ruleId: `${namespace}/${f.rule}`,
    message: f.message,
    suggested: f.suggested,
  });
  const rows = [];
  for (const entry of [...cases.values()].sort((a, b) => a.folder.localeCompare(b.folder))) {
    if (entry.pre.length === 0 || entry.post.length === 0) markerProblems.push({ file: entry.folder, line: 0, text: 'a case needs both pre.ts and post.ts' });
    const row = { folder: entry.folder, header: entry.header, sites: 0, found: 0, preFalse: 0, postReports: 0, leftSites: 0, leftFound: 0 };
    for (const file of entry.pre) {
      const expected = new Map();
      for (const e of file.markers.expected) expected.set(`${e.line}:${e.rule}`, (expected.get(`${e.line}:${e.rule}`) ?? 0) + e.count);
      const actual = new Map();
      for (const f of file.findings) actual.set(`${f.line}:${f.rule}`, [...(actual.get(`${f.line}:${f.rule}`) ?? []), f]);
      for (const [key, count] of expected) {
        const [line, rule] = [Number(key.slice(0, key.indexOf(':'))), key.slice(key.indexOf(':') + 1)];
        const hits = Math.min(count, actual.get(key)?.length ?? 0);
        const c = ruleCounts(rule);
        c.tp += hits;
        c.fn += count - hits;
        row.sites += count;
        row.found += hits;
        if (hits < count)
          misses.push({ file: file.rel, line, ruleId: `${namespace}/${rule}`, missing: count - hits, source: file.markers.lines[line - 1]?.trim() ?? '' });
      }
      for (const [key, list] of actual) {
        const surplus = list.slice(expected.get(key) ?? 0);
        for (const f of surplus) {
          ruleCounts(f.rule).preFalse++;
          row.preFalse++;
          falseReports.push(falseReport('pre', f));
        }
      }
    }
    for (const file of entry.post) {
      const leftAt = new Set(file.markers.left.map((l) => `${l.line}:${l.rule}`));
      const leftFound = new Set();
      for (const f of file.findings) {
        if (leftAt.has(`${f.line}:${f.rule}`) && !leftFound.has(`${f.line}:${f.rule}`)) {
          leftFound.add(`${f.line}:${f.rule}`);
          continue;
        }
        ruleCounts(f.rule).postFalse++;
        row.postReports++;
        falseReports.push(falseReport('post', f));
      }
      row.leftSites += leftAt.size;
      row.leftFound += leftFound.size;
    }
    rows.push(row);
  }
  const total = { tp: 0, fn: 0, preFalse: 0, postFalse: 0 };
  const rules = {};
  for (const [rule, c] of perRule) {
    rules[rule] = { ...c, recall: ratio(c.tp, c.tp + c.fn), precision: ratio(c.tp, c.tp + c.preFalse + c.postFalse) };
    for (const k of Object.keys(total)) total[k] += c[k];
  }
  // Null-prototype objects: a tag value such as `constructor` must not meet Object.prototype.
  const coverage = Object.create(null);
  for (const row of rows) {
    for (const [tag, value] of Object.entries(row.header?.tags ?? {})) {
      for (const part of value.split(/[,+]/)) {
        coverage[tag] ??= Object.create(null);
        coverage[tag][part] = (coverage[tag][part] ?? 0) + 1;
      }
    }
  }
  return {
    plugin: { name: plugin?.meta?.name ?? null, version: plugin?.meta?.version ?? null, namespace, rules: pluginRules },
    historyDir,
    cases: rows.length,
    diffRead: rows.filter((row) => row.header?.diffRead).length,
    casesFound: rows.filter((row) => row.sites > 0 && row.found === row.sites).length,
    postFilesReported: rows.filter((row) => row.postReports > 0).length,
    // Drops a fix left in place, which a later upstream commit removed: found, of those marked.
    leftByFixes: { sites: rows.reduce((n, row) => n + row.leftSites, 0), found: rows.reduce((n, row) => n + row.leftFound, 0) },
    rows,
    rules,
    overall: { ...total, recall: ratio(total.tp, total.tp + total.fn), precision: ratio(total.tp, total.tp + total.preFalse + total.postFalse) },
    coverage,
    misses,
    falseReports,
    crashes,
    markerProblems,
    // A suggestion on a post-fix file would edit code that owes nothing.
    suggestions: { ...suggestions, onSitesOwingNothing: falseReports.filter((f) => f.side === 'post' && f.suggested) },
    durationMs: Date.now() - started,
  };
}

export function formatHistoryReport(r) {
  const out = [];
  out.push(`History corpus — ${r.cases} real fixes (${r.diffRead} from a diff read), ${(r.durationMs / 1000).toFixed(1)} s`);
  out.push('');
  const head = ['rule', 'sites', 'found', 'missed', 'false (pre)', 'reports (post)', 'recall'];
  const rows = Object.entries(r.rules).map(([name, c]) => [name, c.tp + c.fn, c.tp, c.fn, c.preFalse, c.postFalse, pct(c.recall)]);
  const o = r.overall;
  rows.push(['overall', o.tp + o.fn, o.tp, o.fn, o.preFalse, o.postFalse, pct(o.recall)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  out.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => out.push(fmt(row)));
  out.push('', `Cases with every site found: ${r.casesFound} of ${r.cases}; post-fix cases reported: ${r.postFilesReported}`);
  out.push('', 'Coverage (cases per tag):');
  for (const [tag, values] of Object.entries(r.coverage).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      `  ${tag}: ${Object.entries(values)
        .sort((a, b) => b[1] - a[1])
        .map(([v, n]) => `${v} ${n}`)
        .join(', ')}`,
    );
  }
  out.push('', `Misses (${r.misses.length}):`);
  for (const m of r.misses) out.push(`  ${m.file}:${m.line}  ${m.ruleId}${m.missing > 1 ? ` (x${m.missing})` : ''}  | ${m.source}`);
  out.push('', `False reports (${r.falseReports.length}):`);
  for (const f of r.falseReports) out.push(`  [${f.side}] ${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
  if (r.markerProblems.length > 0) {
    out.push('', `Marker problems (${r.markerProblems.length}):`);
    for (const p of r.markerProblems) out.push(`  ${p.file}:${p.line}  ${p.text}`);
  }
  out.push(
    '',
    `Suggestions applied and parsed: ${r.suggestions.applied}, broken: ${r.suggestions.broken.length}, adding type errors: ${r.suggestions.typeErrors.length}, calling their own function: ${r.suggestions.selfCalls.length}, on sites that owe nothing: ${r.suggestions.onSitesOwingNothing.length}, leaving their report: ${r.suggestions.leaveReport.length}`,
  );
  for (const b of r.suggestions.leaveReport) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}" leaves the report in place`);
  for (const f of r.suggestions.onSitesOwingNothing) out.push(`  ${f.file}:${f.line}  ${f.ruleId}  a suggestion where nothing is owed`);
  for (const b of r.suggestions.broken) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}": ${b.errors.join('; ')}`);
  for (const t of r.suggestions.typeErrors) out.push(`  ${t.file}:${t.line}  ${t.ruleId}  "${t.desc}" adds: ${t.errors.join('; ')}`);
  for (const b of r.suggestions.selfCalls) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}" calls \`${b.function}()\` from inside it`);
  out.push('', `Crashes (${r.crashes.length}):`);
  for (const c of r.crashes) out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.ruleId ?? '(fatal)'}  ${c.message}`);
  return out.join('\n');
}

/** TypeScript's syntax errors in a source text (no type checking). */
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
  out.push(
    '',
    `Suggestions applied and parsed: ${r.suggestions.applied}, broken: ${r.suggestions.broken.length}, adding type errors: ${r.suggestions.typeErrors.length}, calling their own function: ${r.suggestions.selfCalls.length}, on sites that owe nothing: ${r.suggestions.onSitesOwingNothing.length}, leaving their report: ${r.suggestions.leaveReport.length}`,
  );
  for (const b of r.suggestions.leaveReport) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}" leaves the report in place`);
  for (const f of r.suggestions.onSitesOwingNothing) out.push(`  ${f.file}:${f.line}  ${f.ruleId}  a suggestion where nothing is owed`);
  for (const b of r.suggestions.broken) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}": ${b.errors.join('; ')}`);
  for (const t of r.suggestions.typeErrors) out.push(`  ${t.file}:${t.line}  ${t.ruleId}  "${t.desc}" adds: ${t.errors.join('; ')}`);
  for (const b of r.suggestions.selfCalls) out.push(`  ${b.file}:${b.line}  ${b.ruleId}  "${b.desc}" calls \`${b.function}()\` from inside it`);
  out.push('', `Crashes (${r.crashes.length}):`);
  for (const c of r.crashes) {
    out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.ruleId ?? '(fatal)'}  ${c.message}`);
  }
  return out.join('\n');
}

/** The three numbers side by side: labelled collection, real fixes, real-code validation precision. */
export function formatSummary({ collection, history, realcode }) {
  const out = ['Summary'];
  if (collection) {
    const o = collection.overall;
    out.push(`  labelled collection (bench/cases)   precision ${pct(o.precision)}  recall ${pct(o.recall)}  (${o.tp} TP, ${o.fp} FP, ${o.fn} FN)`);
  }
  if (history) {
    const o = history.overall;
    out.push(
      `  real fixes (bench/history)          recall    ${pct(o.recall)}  (${o.tp} of ${o.tp + o.fn} dropping sites, ${history.cases} fixes); post-fix files reported: ${history.postFilesReported}; other false reports on pre-fix files: ${o.preFalse}; drops a fix left, removed later upstream: ${history.leftByFixes.found} of ${history.leftByFixes.sites} found`,
    );
  }
  if (realcode) {
    for (const set of ['validation', 'tuning']) {
      const s = realcode.sets[set];
      if (!s) continue;
      out.push(
        `  real code, ${set.padEnd(10)} (ledger)      precision ${pct(s.precision)}  (${s.true} true, ${s.false} false, ${s.unclear} unclear, ${s.unknown} not in the ledger; ${s.repos} repos, ${s.lines} lines; ${s.falsePer20k.toFixed(2)} false per 20k lines) — run of ${realcode.date}`,
      );
    }
  } else if (realcode === null) {
    out.push('  real code (bench/realcode)          no recorded run: `npm run realcode` lints the prepared repositories');
  }
  return out.join('\n');
}

async function main(argv) {
  const json = argv.includes('--json');
  // `--options '{"inference":false}'`: the same options for every rule, to compare configurations.
  const optionsIndex = argv.indexOf('--options');
  const ruleOptions = optionsIndex >= 0 ? JSON.parse(argv[optionsIndex + 1] ?? '{}') : undefined;
  // `--only collection|history`: one part.
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  const options = ruleOptions ? { ruleOptions } : {};
  const result = {};
  try {
    if (!only || only === 'collection') result.collection = await evaluate(options);
    if (!only || only === 'history') result.history = await evaluateHistory(options);
    if (!only || only === 'realcode') result.realcode = scoreRecordedRun() ?? null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (json) console.log(JSON.stringify({ error: message }, null, 2));
    else console.error(`eval: ${message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    if (result.collection) console.log(formatReport(result.collection), '\n');
    if (result.history) console.log(formatHistoryReport(result.history), '\n');
    if (result.realcode) console.log(formatRealcodeScore(result.realcode), '\n');
    console.log(formatSummary(result));
  }
  const crashes = (result.collection?.crashes.length ?? 0) + (result.history?.crashes.length ?? 0);
  return crashes > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
