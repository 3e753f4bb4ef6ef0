// Runs the evaluation (bench/eval.mjs) with the built plugin over the labelled collection
// (bench/cases) and the corpus of real fixes (bench/history), and asserts that neither falls below
// what bench/eval-baseline.json records. The thresholds are read when the test runs.
import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

interface RuleScore {
  present: boolean;
  hasData: boolean;
  expected: number;
  mustNot: number;
  reported: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

interface Site {
  file: string;
  line: number | null;
  ruleId: string | null;
  message?: string;
  source?: string;
}

interface SuggestionCheck {
  applied: number;
  broken: { file: string; line: number; ruleId: string; desc: string; errors: string[] }[];
  typeErrors: { file: string; line: number; ruleId: string; desc: string; errors: string[] }[];
  selfCalls: { file: string; line: number; ruleId: string; desc: string; function: string }[];
  leaveReport: { file: string; line: number; ruleId: string; desc: string }[];
  onSitesOwingNothing: Site[];
}

interface EvalResult {
  files: number;
  rules: Record<string, RuleScore>;
  misses: Site[];
  falseReports: Site[];
  crashes: Site[];
  markerProblems: { file: string; line: number; text: string }[];
  suggestions: SuggestionCheck;
}

interface HistoryResult {
  cases: number;
  diffRead: number;
  postFilesReported: number;
  leftByFixes: { sites: number; found: number };
  overall: { tp: number; fn: number; preFalse: number; postFalse: number; recall: number | null };
  misses: Site[];
  falseReports: (Site & { side: string })[];
  crashes: Site[];
  markerProblems: { file: string; line: number; text: string }[];
  suggestions: SuggestionCheck;
}

interface EvalModule {
  evaluate(options?: { casesDir?: string; pluginUrl?: string }): Promise<EvalResult>;
  evaluateHistory(options?: { historyDir?: string; pluginUrl?: string }): Promise<HistoryResult>;
}

interface Baseline {
  collection: Record<string, { precision: number; recall: number }>;
  history: { minCases: number; recall: number; maxPostFilesReported: number; maxPreFalseReports: number };
}

// bench/eval.mjs is plain JavaScript (Node 20 runs it without a loader); import it by URL so the
// typecheck does not need a declaration file for it.
const evalModuleUrl = new URL('../bench/eval.mjs', import.meta.url).href;
const baselineUrl = new URL('../bench/eval-baseline.json', import.meta.url);

const isShare = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readBaseline(): Baseline {
  const raw = JSON.parse(readFileSync(baselineUrl, 'utf8')) as Partial<Baseline> | null;
  const collection = raw?.collection;
  if (typeof collection !== 'object' || collection === null || Array.isArray(collection)) {
    throw new Error('bench/eval-baseline.json: `collection` must be an object keyed by rule name');
  }
  for (const [rule, levels] of Object.entries(collection)) {
    if (!isShare(levels?.precision) || !isShare(levels?.recall))
      throw new Error(`bench/eval-baseline.json: collection.${rule} needs precision and recall in [0, 1]`);
  }
  const history = raw?.history;
  if (!history || !isCount(history.minCases) || !isShare(history.recall) || !isCount(history.maxPostFilesReported) || !isCount(history.maxPreFalseReports)) {
    throw new Error('bench/eval-baseline.json: `history` needs minCases, recall in [0, 1], maxPostFilesReported and maxPreFalseReports');
  }
  return { collection, history };
}

const baseline = readBaseline();

const sites = (list: Site[], rule?: string): string =>
  list
    .filter((s) => rule === undefined || s.ruleId?.endsWith(`/${rule}`))
    .map((s) => `  ${s.file}:${s.line ?? '?'} ${s.message ?? s.source ?? ''}`)
    .join('\n');

let evalModule: EvalModule;
beforeAll(async () => {
  evalModule = (await import(/* @vite-ignore */ evalModuleUrl)) as EvalModule;
});

describe('evaluation collection (bench/cases)', () => {
  let result: EvalResult;

  beforeAll(async () => {
    result = await evalModule.evaluate();
  }, 600_000);

  it('the baseline names at least one rule', () => {
    expect(Object.keys(baseline.collection).length).toBeGreaterThan(0);
  });

  it('no rule crashes and no fatal message', () => {
    expect(result.crashes).toEqual([]);
  });

  it('every suggestion, applied to its file, still parses and type-checks, pays what its report asks, never calls the function it sits in and never sits where nothing is owed', () => {
    expect(result.suggestions.applied).toBeGreaterThan(50);
    expect(result.suggestions.broken).toEqual([]);
    expect(result.suggestions.typeErrors).toEqual([]);
    expect(result.suggestions.selfCalls).toEqual([]);
    // Linted again, the edited file has one report fewer of that rule.
    expect(result.suggestions.leaveReport).toEqual([]);
    // A must-not site: a borrowed value, one handed on or already released.
    expect(result.suggestions.onSitesOwingNothing).toEqual([]);
  });

  it('every marker is well-formed', () => {
    expect(result.markerProblems).toEqual([]);
  });

  it('every plugin rule that the collection labels has a recorded baseline', () => {
    const unrecorded = Object.entries(result.rules)
      .filter(([rule, s]) => s.present && s.expected > 0 && !(rule in baseline.collection))
      .map(([rule]) => rule);
    expect(unrecorded, 'add these rules to bench/eval-baseline.json').toEqual([]);
  });

  for (const [rule, levels] of Object.entries(baseline.collection)) {
    it(`${rule}: precision ≥ ${levels.precision}, recall ≥ ${levels.recall}`, () => {
      const score = result.rules[rule];
      expect(score, `${rule} is in the baseline but neither the plugin nor the collection knows it`).toBeDefined();
      if (!score) return;
      expect(score.present, `${rule} is in the baseline but not in the built plugin`).toBe(true);
      expect(score.hasData, `${rule} produced no data (no expected finding and no report)`).toBe(true);
      expect(score.precision, `${rule}: no finding at all, precision undefined`).not.toBeNull();
      expect(score.recall, `${rule}: no labelled site, recall undefined`).not.toBeNull();
      expect(
        score.precision ?? 0,
        `${rule} precision ${score.precision} fell below ${levels.precision}; false reports:\n${sites(result.falseReports, rule)}`,
      ).toBeGreaterThanOrEqual(levels.precision);
      expect(score.recall ?? 0, `${rule} recall ${score.recall} fell below ${levels.recall}; misses:\n${sites(result.misses, rule)}`).toBeGreaterThanOrEqual(
        levels.recall,
      );
    });
  }
});

describe('real fixes (bench/history)', () => {
  let result: HistoryResult;

  beforeAll(async () => {
    result = await evalModule.evaluateHistory();
  }, 600_000);

  it(`holds at least ${baseline.history.minCases} cited fixes, each with a well-formed header and markers`, () => {
    expect(result.cases).toBeGreaterThanOrEqual(baseline.history.minCases);
    expect(result.markerProblems).toEqual([]);
  });

  it('no rule crashes and no fatal message', () => {
    expect(result.crashes).toEqual([]);
  });

  it('every suggestion parses, type-checks, pays what its report asks and never calls the function it sits in', () => {
    expect(result.suggestions.broken).toEqual([]);
    expect(result.suggestions.typeErrors).toEqual([]);
    expect(result.suggestions.selfCalls).toEqual([]);
    expect(result.suggestions.leaveReport).toEqual([]);
  });

  it(`recall on the pre-fix files ≥ ${baseline.history.recall}`, () => {
    expect(result.overall.recall ?? 0, `misses:\n${sites(result.misses)}`).toBeGreaterThanOrEqual(baseline.history.recall);
  });

  it('every drop a fix left and a later upstream commit removed (a `left` marker on a post-fix file) is found', () => {
    expect(result.leftByFixes.found).toBe(result.leftByFixes.sites);
  });

  it(`at most ${baseline.history.maxPostFilesReported} post-fix files reported, at most ${baseline.history.maxPreFalseReports} other false reports on pre-fix files`, () => {
    const reports = (side: string): string => sites(result.falseReports.filter((f) => f.side === side));
    expect(result.postFilesReported, `post-fix reports:\n${reports('post')}`).toBeLessThanOrEqual(baseline.history.maxPostFilesReported);
    expect(result.overall.preFalse, `false reports on pre-fix files:\n${reports('pre')}`).toBeLessThanOrEqual(baseline.history.maxPreFalseReports);
  });
});
