// Runs the precision/recall evaluation over bench/cases/ (bench/eval.mjs) with the built plugin and
// asserts that each rule is still at least as good as recorded in bench/eval-baseline.json.
// The thresholds are read when the test runs; a rule in the baseline that produced no data fails.
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

interface EvalResult {
  files: number;
  rules: Record<string, RuleScore>;
  misses: Site[];
  falseReports: Site[];
  crashes: Site[];
  markerProblems: { file: string; line: number; text: string }[];
  suggestions: { applied: number; broken: { file: string; line: number; ruleId: string; desc: string; errors: string[] }[] };
}

interface EvalModule {
  evaluate(options?: { casesDir?: string; pluginUrl?: string }): Promise<EvalResult>;
}

type Baseline = Record<string, { precision: number; recall: number }>;

// bench/eval.mjs is plain JavaScript (Node 20 runs it without a loader); import it by URL so the
// typecheck does not need a declaration file for it.
const evalModuleUrl = new URL('../bench/eval.mjs', import.meta.url).href;
const baselineUrl = new URL('../bench/eval-baseline.json', import.meta.url);

function readBaseline(): Baseline {
  const raw: unknown = JSON.parse(readFileSync(baselineUrl, 'utf8'));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('bench/eval-baseline.json must be an object keyed by rule name');
  }
  const baseline: Baseline = {};
  for (const [rule, levels] of Object.entries(raw as Record<string, unknown>)) {
    const { precision, recall } = (levels ?? {}) as { precision?: unknown; recall?: unknown };
    for (const [name, value] of [
      ['precision', precision],
      ['recall', recall],
    ] as const) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new Error(`bench/eval-baseline.json: ${rule}.${name} must be a number in [0, 1]`);
      }
    }
    baseline[rule] = { precision: precision as number, recall: recall as number };
  }
  return baseline;
}

const baseline = readBaseline();

const sites = (list: Site[], rule: string): string =>
  list
    .filter((s) => s.ruleId?.endsWith(`/${rule}`))
    .map((s) => `  ${s.file}:${s.line ?? '?'} ${s.message ?? s.source ?? ''}`)
    .join('\n');

describe('evaluation collection (bench/cases)', () => {
  let result: EvalResult;

  beforeAll(async () => {
    const mod = (await import(/* @vite-ignore */ evalModuleUrl)) as EvalModule;
    result = await mod.evaluate();
  }, 600_000);

  it('the baseline names at least one rule', () => {
    expect(Object.keys(baseline).length).toBeGreaterThan(0);
  });

  it('no rule crashes and no fatal message', () => {
    expect(result.crashes).toEqual([]);
  });

  it('every suggestion, applied to its file, still parses', () => {
    expect(result.suggestions.applied).toBeGreaterThan(50);
    expect(result.suggestions.broken).toEqual([]);
  });

  it('every marker is well-formed', () => {
    expect(result.markerProblems).toEqual([]);
  });

  it('every plugin rule that the collection labels has a recorded baseline', () => {
    const unrecorded = Object.entries(result.rules)
      .filter(([rule, s]) => s.present && s.expected > 0 && !(rule in baseline))
      .map(([rule]) => rule);
    expect(unrecorded, 'add these rules to bench/eval-baseline.json').toEqual([]);
  });

  for (const [rule, levels] of Object.entries(baseline)) {
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
      expect(
        score.recall ?? 0,
        `${rule} recall ${score.recall} fell below ${levels.recall}; misses:\n${sites(result.misses, rule)}`,
      ).toBeGreaterThanOrEqual(levels.recall);
    });
  }
});
