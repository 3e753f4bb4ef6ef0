// Scores a run of the plugin on the real repositories (bench/realcode/findings.json, written by
// `npm run realcode`) against the triage ledger (bench/realcode/ledger.json): every finding is
// looked up by repository, commit, file, line and rule; its verdict is TRUE, FALSE or UNCLEAR, or
// it is not in the ledger yet (listed, to be triaged). Plain ESM, no dependencies.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const reposFile = path.join(here, 'repos.json');
export const ledgerFile = path.join(here, 'ledger.json');
export const findingsFile = path.join(here, 'findings.json');

const VERDICTS = new Set(['TRUE', 'FALSE', 'UNCLEAR']);

export function readJson(file, fallback) {
  if (!existsSync(file)) return fallback;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The ledger, checked: every entry names its repository, commit, place, rule, verdict and reason. */
export function readLedger(file = ledgerFile) {
  const ledger = readJson(file, { entries: [] });
  const problems = [];
  const byKey = new Map();
  for (const [index, entry] of (ledger.entries ?? []).entries()) {
    const where = `entry ${index} (${entry.repo}:${entry.file}:${entry.line})`;
    for (const field of ['repo', 'commit', 'file', 'line', 'rule', 'verdict', 'reason']) {
      if (entry[field] === undefined || entry[field] === '') problems.push(`${where}: no ${field}`);
    }
    if (!VERDICTS.has(entry.verdict)) problems.push(`${where}: verdict must be TRUE, FALSE or UNCLEAR`);
    const key = ledgerKey(entry);
    if (byKey.has(key)) problems.push(`${where}: listed twice`);
    byKey.set(key, entry);
  }
  return { entries: ledger.entries ?? [], byKey, problems };
}

export function ledgerKey({ repo, commit, file, line, rule }) {
  return `${repo}@${commit}:${file}:${line}:${rule}`;
}

/** Counts per set of repositories (tuning, validation) and per repository. A repository counts in
 * its current set in repos.json; a retired one is not scored (its ledger entries stay). */
export function scoreRun(run, ledger = readLedger()) {
  const sets = {};
  const repos = [];
  const unknown = [];
  const currentSet = new Map(readJson(reposFile, { repos: [] }).repos.map((repo) => [repo.name, repo.set]));
  for (const recorded of run.repos ?? []) {
    const repo = { ...recorded, set: currentSet.get(recorded.name) ?? recorded.set };
    if (repo.set === 'retired') continue;
    const counts = { true: 0, false: 0, unclear: 0, unknown: 0 };
    const suggested = { suggestions: 0, broken: 0, mistyped: 0, selfCalls: 0, onFalse: 0 };
    for (const finding of repo.findings) {
      const entry = ledger.byKey.get(ledgerKey({ repo: repo.name, commit: repo.commit, file: finding.file, line: finding.line, rule: finding.rule }));
      if (!entry) {
        counts.unknown++;
        unknown.push({ repo: repo.name, set: repo.set, ...finding });
      } else counts[entry.verdict.toLowerCase()]++;
      suggested.suggestions += finding.suggestions ?? 0;
      suggested.broken += finding.brokenSuggestions ?? 0;
      suggested.mistyped += finding.mistypedSuggestions ?? 0;
      suggested.selfCalls += finding.selfCallingSuggestions ?? 0;
      // An edit offered where the ledger says nothing is owed.
      if (entry?.verdict === 'FALSE') suggested.onFalse += finding.suggestions ?? 0;
    }
    const row = { name: repo.name, set: repo.set, lines: repo.lines, files: repo.files, crashes: repo.crashes?.length ?? 0, ...counts };
    repos.push(row);
    const set = (sets[repo.set] ??= {
      repos: 0,
      lines: 0,
      true: 0,
      false: 0,
      unclear: 0,
      unknown: 0,
      crashes: 0,
      suggestions: 0,
      broken: 0,
      mistyped: 0,
      selfCalls: 0,
      onFalse: 0,
    });
    set.repos++;
    set.lines += repo.lines;
    set.crashes += row.crashes;
    for (const key of ['true', 'false', 'unclear', 'unknown']) set[key] += counts[key];
    for (const key of ['suggestions', 'broken', 'mistyped', 'selfCalls', 'onFalse']) set[key] += suggested[key];
  }
  for (const set of Object.values(sets)) {
    set.precision = set.true + set.false === 0 ? null : set.true / (set.true + set.false);
    set.falsePer20k = set.lines === 0 ? 0 : (set.false / set.lines) * 20_000;
  }
  return { date: run.date, plugin: run.plugin, sets, repos, unknown, ledgerProblems: ledger.problems };
}

/** The recorded run scored by the ledger, or undefined when no run was recorded. */
export function scoreRecordedRun() {
  const run = readJson(findingsFile, undefined);
  return run ? scoreRun(run) : undefined;
}

const pct = (x) => (x === null || x === undefined ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);

export function formatRealcodeScore(score) {
  const out = [`Real code — run of ${score.date} (plugin ${score.plugin ?? '?'})`, ''];
  const head = ['repository', 'set', 'lines', 'TRUE', 'FALSE', 'UNCLEAR', 'new', 'crashes'];
  const rows = score.repos.map((r) => [r.name, r.set, r.lines, r.true, r.false, r.unclear, r.unknown, r.crashes]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (row) => row.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  out.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => out.push(fmt(row)));
  out.push('');
  for (const [name, s] of Object.entries(score.sets)) {
    out.push(
      `${name}: precision ${pct(s.precision)} (${s.true} true, ${s.false} false, ${s.unclear} unclear), ${s.falsePer20k.toFixed(2)} false reports per 20k lines, ${s.unknown} findings not in the ledger, ${s.crashes} crashes`,
      `  suggestions: ${s.suggestions}, broken once applied: ${s.broken}, adding type errors: ${s.mistyped}, calling their own function: ${s.selfCalls}, on false reports: ${s.onFalse}`,
    );
  }
  if (score.unknown.length > 0) {
    out.push('', `Findings the ledger does not know yet (${score.unknown.length}) — triage each into bench/realcode/ledger.json:`);
    for (const f of score.unknown) out.push(`  [${f.set}] ${f.repo} ${f.file}:${f.line}  ${f.rule}  ${f.message}`);
  }
  if (score.ledgerProblems.length > 0) {
    out.push('', 'Ledger problems:');
    for (const p of score.ledgerProblems) out.push(`  ${p}`);
  }
  return out.join('\n');
}
